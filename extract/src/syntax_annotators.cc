// The annotators that work on dependency trees: parsing the sentences worth
// it, the mentions on the parsed words, coreference, and relations read
// from tree paths.
#include <algorithm>
#include <map>
#include <set>

#include "kg/base/text.h"
#include "kg/extract/annotators.h"
#include "word_classes.h"

namespace kg {

using namespace std::string_view_literals;

namespace {

// Which of a sentence's mentions (in text order) are in a list of three
// names or more: only commas, "et", "ou" ("et donc", "ou encore") and
// remarks in parentheses between them.
std::vector<bool> InLists(const CorefLexicon& lexicon, std::string_view text, const SentenceTokens& sentence,
                          std::span<const Mention> local) {
  std::vector<bool> listed(local.size(), false);
  if (local.size() < 3) return listed;
  auto joined = [&](const Mention& a, const Mention& b) {
    int depth = 0;
    for (uint32_t t = a.last + 1; t < b.first && t < sentence.tokens.size(); ++t) {
      std::string_view w = sentence.tokens[t].Text(text);
      if (w == "(") ++depth;
      else if (w == ")") --depth;
      else if (depth == 0 && lexicon.list_joiners.count(w) == 0) return false;
    }
    return b.first > a.last && depth == 0;
  };
  size_t start = 0;
  for (size_t k = 1; k <= local.size(); ++k) {
    if (k < local.size() && joined(local[k - 1], local[k])) continue;
    if (k - start >= 3) std::fill(listed.begin() + static_cast<long>(start), listed.begin() + static_cast<long>(k), true);
    start = k;
  }
  return listed;
}

// The genders of the person entities, from their first names (unknown
// without a dictionary).
std::vector<Gender> EntityGenders(const std::vector<DocEntity>& entities, Morphology* morphology) {
  std::vector<Gender> out(entities.size(), Gender::kUnknown);
  if (morphology == nullptr) return out;
  for (size_t e = 0; e < entities.size(); ++e) {
    if (entities[e].type != EntityType::kPerson) continue;
    const std::string& label = entities[e].label;
    const WordInfo& first = morphology->Lookup(std::string_view(label).substr(0, label.find(' ')));
    if (first.feminine_name && !first.masculine_name) out[e] = Gender::kFeminine;
    if (first.masculine_name && !first.feminine_name) out[e] = Gender::kMasculine;
  }
  return out;
}

// Appends sentence `index`'s mentions to the entities named before.
void AddNamedBefore(const CorefLexicon& lexicon, const AnnotatedDocument& doc, uint32_t index,
                    const std::vector<Gender>& genders, std::vector<NamedBefore>* before) {
  std::span<const Mention> local = doc.MentionsOf(index);
  std::vector<bool> listed = InLists(lexicon, doc.text, doc.sentences[index], local);
  for (size_t k = 0; k < local.size(); ++k) {
    const Mention& m = local[k];
    before->push_back(NamedBefore{index, m.entity, doc.entities[m.entity].type, genders[m.entity], listed[k]});
  }
}

// A name hyphenated to an English suffix is an adjective ("the New
// York-based group", "a Kremlin-backed party"): it names no end of a
// relation (what it says is the noun's, not the sentence's).
bool BeforeNameSuffix(const AnnotatedDocument& doc, uint32_t index, const Mention& m) {
  const std::vector<Token>& tokens = doc.sentences[index].tokens;
  if (m.last + 1 >= tokens.size()) return false;
  const Token& next = tokens[m.last + 1];
  return next.start == tokens[m.last].end + 1 && doc.text[tokens[m.last].end] == '-' &&
         InWordClass(WordClass::kNameSuffix, ToLower(next.Text(doc.text)));
}

}  // namespace

namespace {

// A place noun a demonym may qualify ("la province syrienne", "l'État
// américain", "la capitale chinoise"): the "naming" rows and capitals, regions.
bool IsDemonymPlaceNoun(const CorefLexicon& coref, const std::string& lemma) {
  return coref.naming_heads.count(lemma) != 0 || lemma == "capitale"sv || lemma == "région"sv || lemma == "capital"sv ||
         lemma == "region"sv;
}

}  // namespace

SentenceParser::SentenceParser(const SyntaxModel& model, const CorefLexicon& coref, Morphology* morphology,
                               ParseScope scope, const Lexicon* lexicon)
    : annotator_(model, morphology), coref_(coref), morphology_(morphology), scope_(scope), lexicon_(lexicon) {
  annotator_.SetVerbFeaturesOnly(true);
  // French relation rules were tuned on the first parser's trees, and the
  // French corpus build is near its time budget: French reads the first
  // parser alone. English reads both (EWT test UAS 85.00 -> 85.89; dev-en
  // 347 relations against 283, session 32).
  annotator_.UseGuidedParser(model.language == "en");
}

size_t SentenceParser::TokensWorthParsing(const AnnotatedDocument& doc, uint32_t index,
                                          const NamedSoFar& so_far) const {
  const SentenceTokens& sentence = doc.sentences[index];
  const size_t n = sentence.tokens.size();
  std::span<const Mention> mentions = doc.MentionsOf(index);
  if (n > kMaxParsedTokens) return 0;
  if (scope_ == ParseScope::kReferences) {
    if (so_far.before.empty() && mentions.empty()) return 0;
    bool refers = std::any_of(sentence.tokens.begin(), sentence.tokens.end(),
                              [&](const Token& t) { return coref_.MayRefer(syntax::LowerForm(t.Text(doc.text))); });
    return refers ? n : 0;
  }
  std::set<uint32_t> named;
  size_t last = 0;
  for (const Mention& m : mentions) {
    named.insert(m.entity);
    last = std::max<size_t>(last, m.last);
  }
  // (Past kMaxEntitiesPerSentence the trees give no relation.)
  if (named.size() > TreeRelationReader::kMaxEntitiesPerSentence) return 0;
  if (named.size() == 1) {
    if (so_far.before.empty()) return 0;
    const size_t word = LastReferringWord(doc, index, so_far);
    if (word == n) return 0;
    last = std::max(last, word);
  }
  if (named.size() >= 2 && NamesFarApart(doc, index) && !AnyReferringWord(doc, index)) return 0;
  return named.empty() ? 0 : std::min(n, last + 1 + kParseMargin);
}

// Whether every two names of different entities in sentence `index` are
// kFarApart tokens apart or more, or have a pair separator between them
// ("X et Y", "X a dit que Y"): a tree rarely relates them (on the corpus,
// 28% of the pairs with fewer than three tokens between them, 11% with six
// to eight, 7% with nine to eleven, 3% with fifteen to seventeen; under 1%
// of the near ones with a separator between), and the word patterns still
// read the sentence.
bool SentenceParser::NamesFarApart(const AnnotatedDocument& doc, uint32_t index) {
  const SentenceTokens& sentence = doc.sentences[index];
  std::span<const Mention> mentions = doc.MentionsOf(index);
  auto separated = [&](uint32_t from, uint32_t to) {
    for (uint32_t t = from; t < to; ++t) {
      if (InWordClass(WordClass::kPairSeparator, ToLower(sentence.tokens[t].Text(doc.text)))) return true;
    }
    return false;
  };
  for (size_t a = 0; a < mentions.size(); ++a) {
    for (size_t b = a + 1; b < mentions.size(); ++b) {
      if (mentions[a].entity == mentions[b].entity || mentions[b].first <= mentions[a].last) continue;
      if (mentions[b].first < mentions[a].last + 1 + kFarApart && !separated(mentions[a].last + 1, mentions[b].first)) {
        return false;
      }
    }
  }
  return true;
}

// Whether a word of sentence `index`, outside its names, may start a
// reference (NoReference says which cannot).
bool SentenceParser::AnyReferringWord(const AnnotatedDocument& doc, uint32_t index) const {
  const SentenceTokens& sentence = doc.sentences[index];
  std::span<const Mention> mentions = doc.MentionsOf(index);
  size_t next = 0;  // the next mention
  for (size_t i = 0; i < sentence.tokens.size(); ++i) {
    while (next < mentions.size() && mentions[next].last < i) ++next;
    if (next < mentions.size() && mentions[next].first <= i) continue;
    const std::string lower = syntax::LowerForm(sentence.tokens[i].Text(doc.text));
    if (coref_.MayRefer(lower) && !NoReference(doc, sentence, i, lower)) return true;
  }
  return false;
}

// Whether word `i` (`lower`), which the coreference lexicon lists, cannot
// start a reference as written: an article (ArticleNotClitic), or a
// description's noun without a definite determiner one or two words before
// it ("le groupe", "cette petite ville": coreference resolves no other).
bool SentenceParser::NoReference(const AnnotatedDocument& doc, const SentenceTokens& sentence, size_t i,
                                 const std::string& lower) const {
  if (ArticleNotClitic(doc, sentence, i, lower)) return true;
  if (coref_.heads.count(lower) == 0 || coref_.pronouns.count(lower) != 0 || coref_.possessives.count(lower) != 0 ||
      coref_.objects.count(lower) != 0) {
    return false;
  }
  for (size_t back = 1; back <= 2 && back <= i; ++back) {
    if (InWordClass(WordClass::kDefinite, ToLower(sentence.tokens[i - back].Text(doc.text)))) return false;
  }
  return true;
}

// Where a sentence's parse starts: kLeftMargin tokens before its first name
// or the first word before it that may start a reference (a subject
// pronoun, a possessive, a description's noun; an object clitic is read
// with its verb, which the margin leaves room for), at the sentence's start
// if that is nearer.
size_t SentenceParser::FirstTokenWorthParsing(const AnnotatedDocument& doc, uint32_t index) const {
  const SentenceTokens& sentence = doc.sentences[index];
  if (doc.MentionsOf(index).empty()) return 0;
  size_t first = doc.MentionsOf(index).front().first;
  for (size_t t = 0; t < first; ++t) {
    const std::string lower = syntax::LowerForm(sentence.tokens[t].Text(doc.text));
    if (coref_.pronouns.count(lower) != 0 || coref_.possessives.count(lower) != 0 || coref_.heads.count(lower) != 0) {
      first = t;
      break;
    }
  }
  // Up to kLeftMargin tokens before it, from a punctuation mark on if one is
  // there (a clause's start: "Selon la police, X"), leaving the word
  // before it. Not from a verb: the parser reads the subject after it
  // ("», a déclaré X, fondateur de Y") only with what comes before.
  if (first <= kLeftMargin) return 0;
  size_t start = first - kLeftMargin;
  for (size_t t = first; t >= start + 2; --t) {
    if (sentence.tokens[t - 2].kind == TokenKind::kPunct) {
      start = t - 1;
      break;
    }
  }
  return VerbAt(doc, sentence, start) ? 0 : start;
}

// Whether token `t` is a verb form: an auxiliary ("a", "est"), or a
// conjugated form or an infinitive and no noun ("déclare", "rencontrer").
bool SentenceParser::VerbAt(const AnnotatedDocument& doc, const SentenceTokens& sentence, size_t t) const {
  if (morphology_ == nullptr) return false;
  const WordInfo& w = morphology_->Lookup(syntax::LowerForm(sentence.tokens[t].Text(doc.text)));
  return w.auxiliary || ((w.finite || w.infinitive || w.english_verb) && !w.noun);
}

// The last word of a sentence naming one entity that may refer to another
// (MayReferElsewhere), or the sentence's length if none may.
size_t SentenceParser::LastReferringWord(const AnnotatedDocument& doc, uint32_t index, const NamedSoFar& so_far) const {
  const SentenceTokens& sentence = doc.sentences[index];
  std::span<const Mention> mentions = doc.MentionsOf(index);
  for (size_t i = sentence.tokens.size(); i-- > 0;) {
    const Token& t = sentence.tokens[i];
    if (t.kind != TokenKind::kWord || t.has_digit || t.end - t.start > 24) continue;
    // (A name's own words refer to nothing: "Bruno Le Maire", "La Poste".)
    if (std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) { return m.first <= i && i <= m.last; })) {
      continue;
    }
    std::string lower = syntax::LowerForm(t.Text(doc.text));
    if (i > 0 && DemonymOfPlaceNoun(doc, sentence, i, lower)) return i;
    if (!coref_.MayRefer(lower) || NoReference(doc, sentence, i, lower)) continue;
    // A possessive relates its owner only to a name right after the thing
    // owned ("son épouse Melania"): otherwise the parse would give nothing.
    if (coref_.possessives.count(lower) != 0 &&
        std::none_of(mentions.begin(), mentions.end(), [&](const Mention& m) { return m.first >= i + 2 && m.first <= i + 3; })) {
      continue;
    }
    if (MayReferElsewhere(doc, lower, i, mentions, so_far)) return i;
  }
  return sentence.tokens.size();
}

// Whether word `i` (`lower`), an object pronoun only as an article may be
// ("le", "la", "l'"), is the article: a clitic stands before its verb ("l'a
// reçu", "la rencontrer", "le lui a dit"), an article before a noun. (Read
// so before parsing: a sentence is parsed for the clitic, not the article.)
bool SentenceParser::ArticleNotClitic(const AnnotatedDocument& doc, const SentenceTokens& sentence, size_t i,
                                      const std::string& lower) const {
  if (coref_.objects.count(lower) == 0 || !InWordClass(WordClass::kDeterminer, lower)) return false;
  if (i + 1 >= sentence.tokens.size() || morphology_ == nullptr) return true;
  const std::string next = syntax::LowerForm(sentence.tokens[i + 1].Text(doc.text));
  if (coref_.objects.count(next) != 0 || next == "leur" || next == "y" || next == "en") return false;
  return !VerbAt(doc, sentence, i + 1);
}

// Whether word `i` (`lower`) is a demonym right after a place noun whose
// country the document names ("l'État américain du Minnesota"): a
// reference AddDemonymReferences may resolve.
bool SentenceParser::DemonymOfPlaceNoun(const AnnotatedDocument& doc, const SentenceTokens& sentence, size_t i,
                                        const std::string& lower) const {
  if (lexicon_ == nullptr) return false;
  const std::string_view country = lexicon_->DemonymCountry(lower);
  if (country.empty()) return false;
  const std::string noun = syntax::LowerForm(sentence.tokens[i - 1].Text(doc.text));
  if (!IsDemonymPlaceNoun(coref_, noun)) return false;
  const int entry = lexicon_->FindPhrase(FoldName(country));
  return entry >= 0 && std::any_of(doc.entities.begin(), doc.entities.end(), [&](const DocEntity& d) {
           return d.type == EntityType::kLocation && lexicon_->FindPhrase(FoldName(d.label)) == entry;
         });
}

// Whether word `i` of a sentence naming one entity, under any of its
// readings, may refer to another entity: one named before it in the
// sentence would be its antecedent, else the one the earlier sentences
// offer (EarlierAntecedent) must differ from the sentence's.
bool SentenceParser::MayReferElsewhere(const AnnotatedDocument& doc, const std::string& lower, size_t i,
                                       std::span<const Mention> mentions, const NamedSoFar& so_far) const {
  const uint32_t index = mentions.front().sentence, named = mentions.front().entity;
  auto named_before_word = [&](const CorefWord& ref) {
    return std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
      return m.last < i && FitsReference(ref, doc.entities[m.entity].type, so_far.genders[m.entity]);
    });
  };
  for (const auto* words : {&coref_.pronouns, &coref_.possessives, &coref_.heads, &coref_.objects}) {
    auto it = words->find(lower);
    if (it == words->end()) continue;
    // (An object pronoun passes over its own verb's subject: no shortcut.)
    if (words != &coref_.objects && named_before_word(it->second)) continue;
    int earlier = EarlierAntecedent(it->second, index, so_far.before);
    if (earlier >= 0 && static_cast<uint32_t>(earlier) != named) return true;
  }
  return false;
}

void SentenceParser::Annotate(AnnotatedDocument* doc) {
  doc->parses.assign(doc->sentences.size(), std::nullopt);
  NamedSoFar so_far{EntityGenders(doc->entities, morphology_), {}};
  for (uint32_t index = 0; index < doc->sentences.size(); ++index) {
    const SentenceTokens& sentence = doc->sentences[index];
    if (const size_t parsed = TokensWorthParsing(*doc, index, so_far); parsed > 0) {
      const size_t first = scope_ == ParseScope::kRelations ? FirstTokenWorthParsing(*doc, index) : 0;
      std::vector<std::string> tokens;
      tokens.reserve(parsed - first);
      for (size_t t = first; t < parsed; ++t) tokens.emplace_back(sentence.tokens[t].Text(doc->text));
      ParsedSentence& p = doc->parses[index].emplace();
      p.first_token = first;
      p.tree = annotator_.AnnotateTokens(tokens, &p.token_words, first == 0);
    }
    AddNamedBefore(coref_, *doc, index, so_far.genders, &so_far.before);
  }
}

void NameArcRepairer::Annotate(AnnotatedDocument* doc) {
  for (uint32_t index = 0; index < doc->parses.size(); ++index) {
    if (!doc->parses[index]) continue;
    ParsedSentence& p = *doc->parses[index];
    std::vector<EntityType> types;
    p.named.clear();
    for (const Mention& m : doc->MentionsOf(index)) {
      if (!p.Covers(m.first, m.last) || BeforeNameSuffix(*doc, index, m)) continue;
      TreeMention x;
      x.first = p.WordOf(m.first);
      x.last = p.WordOf(m.last + 1) - 1;
      x.entity = m.entity;
      p.named.push_back(x);
      types.push_back(doc->entities[m.entity].type);
    }
    RepairNameArcs(rules_, coref_, &p.tree, p.named, types);
    for (size_t k = 0; k < p.named.size(); ++k) {
      TreeMention& x = p.named[k];
      x.head = LiftedHead(p.tree, x.first, x.last, SpanHead(p.tree, x.first, x.last), coref_,
                          types[k] == EntityType::kPerson);
    }
  }
}


void CoreferenceResolver::Annotate(AnnotatedDocument* doc) {
  if (doc->parses.empty()) return;
  std::vector<Gender> genders = EntityGenders(doc->entities, morphology_);
  std::vector<NamedBefore> before;  // the entities named in earlier sentences, most recent last
  for (uint32_t index = 0; index < doc->sentences.size(); ++index) {
    if (std::optional<ParsedSentence>& p = doc->parses[index]) {
      p->references = ResolveReferences(coref_, p->tree, index, p->named, before, doc->entities, genders);
      AddDemonymReferences(*doc, &*p);
    }
    AddNamedBefore(coref_, *doc, index, genders, &before);
  }
}

// "la province syrienne de Deir Ezzor", "l'État américain du Minnesota",
// "the Syrian province of Deir Ezzor": a demonym on a place noun refers to
// its country when the document names that country.
void CoreferenceResolver::AddDemonymReferences(const AnnotatedDocument& doc, ParsedSentence* p) const {
  if (lexicon_ == nullptr) return;
  const UdSentence& s = p->tree;
  for (size_t w = 0; w < s.words.size(); ++w) {
    const UdWord& x = s.words[w];
    const int head = x.head - 1;
    if (x.upos != "ADJ"sv || x.deprel != "amod"sv || head < 0 || s.words[head].upos != "NOUN"sv) continue;
    if (!IsDemonymPlaceNoun(coref_, s.words[head].lemma)) continue;
    const std::string_view country = lexicon_->DemonymCountry(ToLower(x.form));
    if (country.empty()) continue;
    const int entry = lexicon_->FindPhrase(FoldName(country));
    for (uint32_t e = 0; e < doc.entities.size() && entry >= 0; ++e) {
      const DocEntity& d = doc.entities[e];
      if (d.type != EntityType::kLocation || lexicon_->FindPhrase(FoldName(d.label)) != entry) continue;
      TreeMention m;
      m.first = m.last = m.head = static_cast<int>(w);
      m.entity = e;
      m.via = true;
      p->references.push_back(m);
      break;
    }
  }
}

void TreeRelationReader::Annotate(AnnotatedDocument* doc) {
  for (uint32_t index = 0; index < doc->parses.size(); ++index) {
    if (doc->parses[index]) ReadSentence(*doc, index, &doc->relations);
  }
}

namespace {
constexpr std::string_view kPlaceLabel = "situé";  // situé_à, situé_près_de...
}  // namespace

// A name joined to another by a conjunction stands where the first one
// does: "le père de William et Harry" relates the father to Harry too,
// "réalisé pour Orange et La Tribune" the survey to both. (Not two names of
// one coordination, nor those of a list: ReadSentence leaves those out.)
// Not where a place is: "à Bruxelles, en Belgique, et à Rome" puts Rome
// beside Bruxelles, not in Belgium.
bool TreeRelationReader::MatchConjunct(const UdSentence& s, const std::vector<int>& group,
                                       const std::vector<std::string_view>& cases, TreeMention a, TreeMention b,
                                       EntityType ta, EntityType tb, PathMatch* match) const {
  if (group[a.head] == group[b.head]) return false;
  if (ta == EntityType::kLocation && tb == EntityType::kLocation) return false;
  auto lift = [&](TreeMention* m) {
    const int first = group[m->head];
    if (first == m->head) return false;
    m->first = m->last = m->head = first;
    return true;
  };
  const bool lifted_a = lift(&a), lifted_b = lift(&b);
  if (!lifted_a && !lifted_b) return false;
  return MatchEitherWay(rules_, s, a, b, ta, tb, match, &cases) && match->label.rfind(kPlaceLabel, 0) != 0 &&
         s.words[match->lca].upos == "VERB"sv;
}

// "a déclaré sur France Inter", "a posté sur Instagram": a label ending in
// an outlet preposition (Lexicon::IsOutletCase; `verb`: the path turns on a
// verb) between a speaker (a person or an organisation) and a medium or a
// platform. A show "diffusée sur France 2" keeps its channel.
bool TreeRelationReader::AtOutlet(const AnnotatedDocument& doc, const std::string& label, bool verb, uint32_t a,
                                  uint32_t b) const {
  const size_t cut = label.rfind('_');
  if (cut == std::string::npos ||
      !lexicon_.IsOutletCase(std::string_view(label).substr(cut + 1), verb, std::string_view(label).substr(0, cut))) {
    return false;
  }
  auto speaker = [&](uint32_t e) {
    return doc.entities[e].type == EntityType::kPerson || doc.entities[e].type == EntityType::kOrg;
  };
  return (lexicon_.IsOutlet(doc.entities[a].label) && speaker(b)) ||
         (lexicon_.IsOutlet(doc.entities[b].label) && speaker(a));
}

void TreeRelationReader::ReadSentence(const AnnotatedDocument& doc, uint32_t index,
                                      std::vector<DocRelation>* out) const {
  const ParsedSentence& p = *doc.parses[index];
  const UdSentence& s = p.tree;
  std::vector<TreeMention> tm = p.named;
  tm.insert(tm.end(), p.references.begin(), p.references.end());
  // Mentions in a list of three or more (a conj group) relate to nothing here:
  // "X détaille ses liens avec A, B, C et D" states no link of X to each.
  std::vector<int> group(s.words.size());
  for (size_t w = 0; w < s.words.size(); ++w) {
    int g = static_cast<int>(w);
    for (size_t steps = 0; s.words[g].deprel == "conj"sv && s.words[g].head > 0 && steps < s.words.size(); ++steps) {
      g = s.words[g].head - 1;
    }
    group[w] = g;
  }
  std::map<int, int> group_size;
  for (const TreeMention& m : tm) ++group_size[group[m.head]];
  std::set<uint32_t> entities_here;
  for (const TreeMention& m : tm) entities_here.insert(m.entity);
  if (entities_here.size() > kMaxEntitiesPerSentence) return;
  std::set<std::pair<uint32_t, uint32_t>> done;
  const std::vector<std::string_view> cases = CasesOf(s);
  for (size_t a = 0; a < tm.size(); ++a) {
    for (size_t b = a + 1; b < tm.size(); ++b) {
      uint32_t ea = tm[a].entity, eb = tm[b].entity;
      if (ea == eb || (tm[a].via && tm[b].via) || done.count(std::minmax(ea, eb))) continue;
      if (group_size[group[tm[a].head]] >= 3 || group_size[group[tm[b].head]] >= 3) continue;
      EntityType ta = doc.entities[ea].type, tb = doc.entities[eb].type;
      PathMatch match;
      if (!MatchEitherWay(rules_, s, tm[a], tm[b], ta, tb, &match, &cases) &&
          !MatchConjunct(s, group, cases, tm[a], tm[b], ta, tb, &match)) {
        continue;
      }
      if (AtOutlet(doc, match.label, s.words[match.lca].upos == "VERB"sv, ea, eb)) continue;
      done.insert(std::minmax(ea, eb));
      DocRelation r;
      r.source = match.reverse ? eb : ea;
      r.target = match.reverse ? ea : eb;
      r.relation = match.label;
      r.kind = EdgeKind::kRelation;
      r.sentence = index;
      r.via = tm[a].via || tm[b].via;
      out->push_back(std::move(r));
    }
  }
}

}  // namespace kg

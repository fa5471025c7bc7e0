#include "kg/extract/coreference.h"

#include <algorithm>
#include <span>

#include "kg/base/text.h"
#include "lexicon_data.h"
#include "tsv_rows.h"

namespace kg {

using namespace std::string_view_literals;
namespace {

bool GenderFits(Gender word, Gender entity) {
  return word == Gender::kUnknown || entity == Gender::kUnknown || word == entity;
}

std::string CaseOf(const UdSentence& s, int w) {
  for (const UdWord& x : s.words) {
    if (x.head == w + 1 && x.deprel == "case"sv) return x.lemma;
  }
  return "";
}

bool HasDefiniteDeterminer(const UdSentence& s, int w) {
  for (const UdWord& x : s.words) {
    if (x.head != w + 1 || x.deprel != "det"sv) continue;
    if (x.lemma == "le"sv || x.lemma == "ce"sv || x.lemma == "cet"sv || x.lemma == "the"sv || x.lemma == "this"sv) return true;
    if (x.feats.find("PronType=Dem") != std::string::npos) return true;
  }
  return false;
}

// Whether noun `w` is plural by its determiner ("les journalistes", "des
// journalistes" read as "de les", "ces élus", "leurs avocats", "these"):
// such a description stands for several, never for one entity.
bool PluralByDeterminer(const UdSentence& s, int w) {
  static const char* const kPlural[] = {"les", "ces", "leurs", "mes", "tes", "nos", "vos", "ses", "these", "those"};
  for (const UdWord& x : s.words) {
    if (x.head != w + 1 || x.deprel != "det"sv) continue;
    const std::string form = syntax::LowerForm(x.form);
    if (std::find(std::begin(kPlural), std::end(kPlural), form) != std::end(kPlural)) return true;
  }
  return false;
}

// A description names nothing itself: no name follows it or hangs on it
// without a preposition ("la société X"), and no relative clause or
// apposition makes it another thing. "La maire de Paris" is a description
// (Paris hangs on it by "de"), and so is "l'épouse du prince Albert II" (the
// name is the prince's: a noun of our lexicon), but not "le ministre de
// l'Intérieur Christophe Castaner" (parsed with the name on "Intérieur", a
// domain, not a kind of thing named: the name is the minister's). Nor is
// "la ville de Chennai" (a "naming" head: the place is Chennai).
bool IsBareDescription(const CorefLexicon& lexicon, const UdSentence& s, int w,
                       const std::vector<TreeMention>& named) {
  for (const UdWord& x : s.words) {
    if (x.head == w + 1 && (x.deprel == "acl:relcl"sv || x.deprel == "appos"sv)) return false;
  }
  static const char* const kClausal[] = {"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "conj", "parataxis", "csubj"};
  for (const TreeMention& m : named) {
    if (m.head == w || (m.first <= w && w <= m.last) || m.first == w + 1) return false;
    // The words from the name's own head (not the noun it was lifted to) up
    // to the description, if it hangs in its phrase.
    std::vector<int> chain;
    for (int x = SpanHead(s, m.first, m.last); x >= 0 && x != w && chain.size() < s.words.size();
         x = s.words[x].head - 1) {
      const std::string& rel = s.words[x].deprel;
      if (std::find(std::begin(kClausal), std::end(kClausal), rel) != std::end(kClausal)) break;
      chain.push_back(x);
      if (s.words[x].head - 1 == w) break;
    }
    if (chain.empty() || s.words[chain.back()].head - 1 != w) continue;  // elsewhere in the sentence
    // The first word with a preposition decides; none: the name names it.
    auto cased = std::find_if(chain.begin(), chain.end(), [&](int x) { return !CaseOf(s, x).empty(); });
    if (cased == chain.end()) return false;
    // "la ville de Chennai", "la province de l'Équateur": the name after
    // "de" names the place itself.
    if (chain.size() == 1 && lexicon.naming_heads.count(s.words[w].lemma) != 0 &&
        (CaseOf(s, chain[0]) == "de" || CaseOf(s, chain[0]) == "of")) {
      return false;
    }
    if (cased != chain.begin() && lexicon.heads.count(s.words[*cased].lemma) == 0) return false;  // a domain
  }
  return true;
}

// A thing described by its owner or maker, itself a description ("l'application
// de la start-up", "le modèle de la marque"), is not the last thing of its
// kind named: it is not resolved. (A role keeps its domain: "la ministre de
// la Santé".)
bool HasNounComplement(const UdSentence& s, int w) {
  for (const UdWord& x : s.words) {
    if (x.head == w + 1 && x.deprel == "nmod"sv && x.upos == "NOUN"sv) return true;
  }
  return false;
}

// How many things a plural description counts: "les deux pays", "ces
// trois hommes", "the two companies" (0 when it is no counted plural).
int CountedPlural(const UdSentence& s, int w) {
  static const char* const kPlural[] = {"les", "ces", "the", "these", "those"};
  static const std::pair<const char*, int> kNumbers[] = {{"deux", 2}, {"trois", 3}, {"2", 2}, {"3", 3},
                                                         {"two", 2}, {"three", 3}};
  bool plural = false;
  int count = 0;
  for (const UdWord& x : s.words) {
    if (x.head != w + 1) continue;
    const std::string form = syntax::LowerForm(x.form);
    if (x.deprel == "det"sv && std::find(std::begin(kPlural), std::end(kPlural), form) != std::end(kPlural)) plural = true;
    if (x.deprel == "nummod"sv) {
      for (const auto& [word, n] : kNumbers) {
        if (form == word) count = n;
      }
    }
  }
  return plural ? count : 0;
}

}  // namespace

StatusOr<CorefLexicon> CorefLexicon::Parse(std::string_view tsv, const std::string& where) {
  CorefLexicon lex;
  Status read = ForEachTsvRow(tsv, where, [&](const std::vector<std::string_view>& c) -> std::string {
    if (c[0] == "list" || c[0] == "naming" || c[0] == "kin" || c[0] == "named") {
      if (c.size() != 2) return "expected 2 tab-separated columns";
      (c[0] == "list"     ? lex.list_joiners
       : c[0] == "naming" ? lex.naming_heads
       : c[0] == "kin"    ? lex.kin_nouns
                          : lex.named_heads)
          .emplace(c[1]);
      return "";
    }
    if (c.size() != 4) return "expected 4 tab-separated columns";
    CorefWord w;
    w.any_owner = c[2] == "*";  // a person or an organisation
    if (!w.any_owner && !ParseEntityType(c[2], &w.type)) return "unknown entity type";
    w.gender = c[3] == "m" ? Gender::kMasculine : c[3] == "f" ? Gender::kFeminine : Gender::kUnknown;
    if (c[0] == "possessive") lex.possessives.emplace(std::string(c[1]), w);
    else if (c[0] == "pronoun") lex.pronouns.emplace(std::string(c[1]), w);
    else if (c[0] == "object") lex.objects.emplace(std::string(c[1]), w);
    else if (c[0] == "head") lex.heads.emplace(std::string(c[1]), w);
    else return "kind must be pronoun, object, possessive or head";
    return "";
  });
  if (!read.ok()) return read;
  for (const auto* words : {&lex.pronouns, &lex.heads, &lex.possessives, &lex.objects}) {
    for (const auto& [word, _] : *words) lex.referring_.insert(word);
  }
  return lex;
}


const CorefLexicon& BuiltinCoref(std::string_view language) {
  static const CorefLexicon fr = *CorefLexicon::Parse(data::coref_fr_tsv, "data/fr/coref_fr.tsv");
  static const CorefLexicon en = *CorefLexicon::Parse(data::coref_en_tsv, "data/en/coref_en.tsv");
  return language == "en" ? en : fr;
}

bool FitsReference(const CorefWord& ref, EntityType type, Gender gender) {
  if (ref.any_owner) return type == EntityType::kPerson || type == EntityType::kOrg;
  return type == ref.type && GenderFits(ref.gender, gender);
}

int EarlierAntecedent(const CorefWord& ref, uint32_t index, const std::vector<NamedBefore>& before) {
  // (A name in a list of three or more is nobody's topic: "cinq enfants :
  // Marie, François, Blanche... Il s'était remarié".)
  for (auto it = before.rbegin(); it != before.rend(); ++it) {
    if (index - it->sentence > kCorefWindow) break;
    if (it->listed || !FitsReference(ref, it->type, it->gender)) continue;
    // In an earlier sentence, its first fitting mention: the topic, often
    // the subject ("Collins performed for 80,000 people... She recently").
    int found = -1;
    for (auto jt = it; jt != before.rend() && jt->sentence == it->sentence; ++jt) {
      if (!jt->listed && FitsReference(ref, jt->type, jt->gender)) found = static_cast<int>(jt->entity);
    }
    return found;
  }
  return -1;
}

// What counted plural description `w` ("les deux pays") stands for: the
// last `count` distinct entities that fit `ref`, named before it in this
// sentence or in the one before, most recent first; none unless there are
// that many ("les deux pays" after Salvador and Guatemala: both; a list
// counts, it is what such a plural names), nor for people a name defines
// ("les deux sénateurs de New York").
std::vector<uint32_t> PluralReferents(const CorefWord& ref, int count, const UdSentence& s, int w, uint32_t index,
                                      const std::vector<TreeMention>& named, const std::vector<NamedBefore>& before,
                                      const std::vector<DocEntity>& entities, const std::vector<Gender>& genders) {
  std::vector<uint32_t> found;
  if (ref.type == EntityType::kPerson && std::any_of(named.begin(), named.end(), [&](const TreeMention& m) {
        return s.words[m.head].head == w + 1 && s.words[m.head].deprel.starts_with("nmod");
      })) {
    return found;
  }
  auto take = [&](uint32_t entity, EntityType type, Gender gender) {
    if (static_cast<int>(found.size()) < count && FitsReference(ref, type, gender) &&
        std::find(found.begin(), found.end(), entity) == found.end()) {
      found.push_back(entity);
    }
  };
  for (auto it = named.rbegin(); it != named.rend(); ++it) {
    if (it->last < w && !it->via) take(it->entity, entities[it->entity].type, genders[it->entity]);
  }
  for (auto it = before.rbegin(); it != before.rend() && index - it->sentence <= 1; ++it) {
    take(it->entity, it->type, it->gender);
  }
  if (static_cast<int>(found.size()) < count) found.clear();
  return found;
}

// The first verb above word `w` (or `w` itself), or -1; `under` receives
// the word right under it on the way (w's phrase in the verb's clause).
int VerbAbove(const UdSentence& s, int w, int* under = nullptr) {
  int below = w;
  for (size_t steps = 0; w >= 0 && steps <= s.words.size() && s.words[w].upos != "VERB"sv; ++steps) {
    below = w;
    w = s.words[w].head - 1;
  }
  if (under != nullptr) *under = below;
  return w >= 0 && s.words[w].upos == "VERB"sv ? w : -1;
}

// The subject named after possessive `w`, when `w` is in a phrase before
// it that hangs on the same verb (a fronted phrase), or -1.
int LaterSubject(const UdSentence& s, int w, const std::vector<TreeMention>& named,
                 const std::vector<DocEntity>& entities, const std::vector<Gender>& genders, const CorefWord& ref) {
  int top = w;  // the fronted phrase: w's ancestor right under the verb
  const int verb = VerbAbove(s, w, &top);
  if (verb < 0 || top == verb || s.words[top].deprel.starts_with("nsubj")) return -1;
  for (const TreeMention& m : named) {
    if (m.first <= w || m.first > verb || m.via) continue;
    if (s.words[m.head].head == verb + 1 && s.words[m.head].deprel.starts_with("nsubj") &&
        FitsReference(ref, entities[m.entity].type, genders[m.entity])) {
      return static_cast<int>(m.entity);
    }
  }
  return -1;
}

// The subject of the verb above noun `noun` (its first verb ancestor) when
// it comes before word `w`, or -1.
int ClauseSubjectBefore(const UdSentence& s, int noun, int w) {
  const int verb = VerbAbove(s, noun);
  if (verb < 0) return -1;
  for (int x = 0; x < w; ++x) {
    if (s.words[x].head == verb + 1 && s.words[x].deprel.starts_with("nsubj")) return x;
  }
  return -1;
}

// The owner a possessive of any owner ("son", "sa") on a noun of kinship
// refers to: a person, of any gender.
const CorefWord kPersonOwner{EntityType::kPerson, Gender::kUnknown, false};

std::vector<TreeMention> ResolveReferences(const CorefLexicon& lexicon, const UdSentence& s, uint32_t index,
                                           const std::vector<TreeMention>& named,
                                           const std::vector<NamedBefore>& before,
                                           const std::vector<DocEntity>& entities,
                                           const std::vector<Gender>& genders) {
  std::vector<TreeMention> out;
  auto refer = [&](int w, uint32_t entity) {
    TreeMention r;
    r.first = r.last = r.head = w;
    r.entity = entity;
    r.via = true;
    out.push_back(r);
  };
  for (int w = 0; w < static_cast<int>(s.words.size()); ++w) {
    const UdWord& word = s.words[w];
    const CorefWord* ref = nullptr;
    bool object = false;  // an object pronoun is not its own verb's subject ("Smith saw him")
    std::string lower = syntax::LowerForm(word.form);
    // An inverted pronoun reads as itself, the word after its last hyphen
    // ("a-t-il" -> "-t-il": "il"; as MayRefer reads a token).
    const bool inverted = lower.starts_with('-');
    if (inverted) lower.erase(0, lower.rfind('-') + 1);
    if (word.upos == "PRON"sv && word.deprel.starts_with("nsubj")) {
      auto it = lexicon.pronouns.find(lower);
      if (it != lexicon.pronouns.end()) ref = &it->second;
    } else if (word.upos == "PRON"sv && (word.deprel == "obj"sv || word.deprel == "iobj"sv || word.deprel == "obl:arg"sv)) {
      auto it = lexicon.objects.find(lower);
      if (it != lexicon.objects.end()) ref = &it->second;
      object = true;
    } else if (word.deprel == "det"sv || word.deprel == "nmod:poss"sv) {
      auto it = lexicon.possessives.find(lower);
      if (it != lexicon.possessives.end()) ref = &it->second;
      // "son épouse", "son coéquipier": a person's
      if (ref != nullptr && ref->any_owner && word.head > 0 &&
          lexicon.kin_nouns.count(s.words[word.head - 1].lemma) != 0) {
        ref = &kPersonOwner;
      }
    } else if (word.upos == "NOUN"sv && HasDefiniteDeterminer(s, w) && IsBareDescription(lexicon, s, w, named)) {
      auto it = lexicon.heads.find(word.lemma);
      if (it != lexicon.heads.end() && (it->second.type == EntityType::kPerson || !HasNounComplement(s, w))) {
        ref = &it->second;
      }
    }
    if (ref == nullptr) continue;
    if (const int count = word.upos == "NOUN"sv ? CountedPlural(s, w) : 0; count > 0) {
      for (uint32_t entity : PluralReferents(*ref, count, s, w, index, named, before, entities, genders)) {
        refer(w, entity);
      }
      continue;
    }
    if (word.upos == "NOUN"sv && PluralByDeterminer(s, w)) continue;  // "ont constaté des journalistes de l'AFP"
    // The fitting entity: in this sentence before the word, the last subject
    // (else the last mention); then the first mention of the most recent
    // earlier sentence naming one.
    auto fits = [&](EntityType type, Gender gender) { return FitsReference(*ref, type, gender); };
    // A possessive in a subject owns nothing of its own verb's other
    // arguments: "a indiqué à l'AFP son directeur" (not the AFP's).
    const bool possessive = word.deprel == "det"sv || word.deprel == "nmod:poss"sv;
    const int noun = possessive ? word.head - 1 : -1;
    const bool in_subject = noun >= 0 && s.words[noun].deprel.starts_with("nsubj");
    int found = -1;
    bool subject = false;
    // An inverted subject attributes what comes before it ("« ... », a-t-il
    // déclaré"): the names in those words are spoken of, the speaker was
    // named in an earlier sentence.
    for (const TreeMention& m : inverted ? std::span<const TreeMention>() : std::span<const TreeMention>(named)) {
      if (m.last >= w || !fits(entities[m.entity].type, genders[m.entity])) continue;
      if (object && s.words[m.head].head == word.head && s.words[m.head].deprel.starts_with("nsubj")) continue;
      if (in_subject && s.words[m.head].head == s.words[noun].head) continue;
      bool is_subject = s.words[m.head].deprel.starts_with("nsubj");
      if (subject && !is_subject) continue;  // a subject before the word wins over a later non-subject
      found = static_cast<int>(m.entity);
      subject = subject || is_subject;
    }
    // No name before it: a possessive is its clause's subject's, when that
    // subject came before it as a reference ("il a présenté son modèle") —
    // or nobody's we know when the subject is a description left alone
    // ("estime le chef, connu pour son émission": not the AFP named before).
    if (found < 0 && possessive) {
      const int subject_word = ClauseSubjectBefore(s, noun, w);
      if (subject_word >= 0) {
        auto it = std::find_if(out.begin(), out.end(), [&](const TreeMention& r) { return r.head == subject_word; });
        if (it != out.end()) {
          if (fits(entities[it->entity].type, genders[it->entity])) refer(w, it->entity);
          continue;
        }
        if (s.words[subject_word].upos == "NOUN"sv) continue;
      }
    }
    // Before the subject it opens the sentence for, a possessive is the
    // subject's: "Dans sa maison, Elisabeth, 92 ans, déplore…".
    if (found < 0 && possessive) found = LaterSubject(s, w, named, entities, genders, *ref);
    if (found < 0) found = EarlierAntecedent(*ref, index, before);
    // "le tribunal" is a tribunal named before, or nothing we know.
    if (found >= 0 && word.upos == "NOUN"sv && lexicon.named_heads.count(word.lemma) != 0 &&
        ToLower(entities[found].label).find(word.lemma) == std::string::npos) {
      found = -1;
    }
    if (found >= 0) refer(w, static_cast<uint32_t>(found));
  }
  return out;
}

}  // namespace kg

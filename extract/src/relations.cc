#include "kg/extract/relations.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "kg/base/text.h"
#include "word_classes.h"

namespace kg {

namespace {

// Words that end the clause a verb governs.
bool IsClauseBoundary(std::string_view w) {
  static constexpr std::string_view kWords[] = {";", ":", "?", "!", "que", "qu’", "qu'", "mais", "car", "lorsque",
                                                "lorsqu’", "quand", "si", "dont", "où", "tandis", "puisque",
                                                "puisqu’", "parce", "that", "but", "because",
                                                "while", "when", "which", "who", "whereas", "although", "after", "before", "since", "until",
                                                "unless", "if", "(", ")",
                                                "—", "–"};
  static const WordList list(kWords);
  return list.Has(w);
}

bool IsDeterminer(std::string_view w) {
  static constexpr std::string_view kWords[] = {"le", "la", "les", "l’", "l'", "un", "une", "des", "du", "au", "aux",
                                                "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs",
                                                "mon", "ma", "mes", "notre", "nos", "votre", "vos", "chaque",
                                                "plusieurs", "quelques", "aucun", "aucune", "tout", "toute", "tous",
                                                "toutes", "autre", "autres", "certains", "certaines", "nul", "nulle",
                                                "quel", "quelle", "quels", "quelles", "the", "a", "an", "its", "their", "his",
                                                "her", "this", "these"};
  static const WordList list(kWords);
  return list.Has(w);
}

bool IsPreposition(std::string_view w) {
  static constexpr std::string_view kWords[] = {"de", "d’", "d'", "du", "des", "à", "au", "aux", "par", "pour",
                                                "avec", "dans", "sur", "en", "chez", "selon", "contre", "vers",
                                                "entre", "sans", "sous", "comme", "of", "by", "for", "with", "in",
                                                "on", "at", "from", "to", "against", "according"};
  static const WordList list(kWords);
  return list.Has(w);
}

bool IsNegationEnd(std::string_view w) {
  return w == "pas" || w == "plus" || w == "jamais" || w == "guère" || w == "point" || w == "rien" ||
         w == "aucun" || w == "aucune" || w == "nullement" || w == "not" || w == "never" || w == "n’t";
}

bool IsClitic(std::string_view w) {
  static constexpr std::string_view kWords[] = {"se", "s’", "s'", "me", "m’", "te", "t’", "lui", "leur", "y",
                                                "en", "l’", "l'", "le", "la", "les", "nous", "vous"};
  static const WordList list(kWords);
  return list.Has(w);
}

bool IsSubjectPronoun(std::string_view w) {
  static constexpr std::string_view kWords[] = {"il", "elle", "on", "ils", "elles", "je", "j’", "tu", "nous", "vous",
                                                "ce", "c’", "cela", "ça", "celui-ci", "celle-ci", "he", "she", "it",
                                                "they", "we", "i", "you"};
  static const WordList list(kWords);
  return list.Has(w);
}

// Words that attach a complement to a role or part noun: "fondateur du", "chez".
bool IsOfWord(std::string_view w) {
  return w == "de" || w == "d’" || w == "d'" || w == "du" || w == "des" || w == "of" || w == "chez" || w == "at";
}

bool IsLinkingAdverb(std::string_view w) {
  static constexpr std::string_view kWords[] = {"also", "still", "then", "later", "too", "aussi", "également",
                                                "ensuite", "alors", "finalement", "déjà", "encore", "lui-même",
                                                "elle-même"};
  static const WordList list(kWords);
  return list.Has(w);
}

bool IsCoordination(std::string_view w) { return w == "," || w == "et" || w == "ou" || w == "and" || w == "or"; }

// Word classes the verb-group scan asks of every token, as bits cached on
// the word (Word::CachedMask; bits 8-15 are the relation finder's).
constexpr uint32_t kNegationStart = 1u << 8;   // ne, n’
constexpr uint32_t kNegationEnd = 1u << 9;     // pas, jamais, not...
constexpr uint32_t kClauseBoundary = 1u << 10;
constexpr uint32_t kDeterminer = 1u << 11;
constexpr uint32_t kPreposition = 1u << 12;
constexpr uint32_t kWordClasses = kNegationStart | kNegationEnd | kClauseBoundary | kDeterminer | kPreposition;

uint32_t WordClassesOf(std::string_view w) {
  uint32_t c = 0;
  if (w == "ne" || w == "n’" || w == "n'") c |= kNegationStart;
  if (IsNegationEnd(w)) c |= kNegationEnd;
  if (IsClauseBoundary(w)) c |= kClauseBoundary;
  if (IsDeterminer(w)) c |= kDeterminer;
  if (IsPreposition(w)) c |= kPreposition;
  return c;
}

struct VerbGroup {
  size_t start = 0;
  size_t end = 0;   // last token of the group
  std::string lemma;
  bool negated = false;
  bool passive = false;
  bool participial = false;  // "soutenu par": no subject of its own
  bool speech = false;       // followed by a clause (que ...)
  bool light = false;
};

class SentenceRelations {
 public:
  SentenceRelations(std::string_view text, const SentenceTokens& s, uint32_t index, const Lexicon& lex,
                    Morphology& morph, const std::vector<Mention>& mentions, const std::vector<DocEntity>& entities,
                    bool english)
      : text_(text), toks_(s.tokens), sentence_(s), index_(index), lex_(lex), morph_(morph), ms_(mentions), ents_(entities),
        english_(english) {
    if (ms_.size() < 2) return;  // Run() does nothing then
    mention_at_.assign(toks_.size(), -1);
    for (size_t m = 0; m < ms_.size(); ++m) {
      for (uint32_t k = ms_[m].first; k <= ms_[m].last && k < toks_.size(); ++k) mention_at_[k] = static_cast<int>(m);
    }
    s.InternAll(text_);
    lower_.reserve(toks_.size());
    classes_.reserve(toks_.size());
    for (size_t k = 0; k < toks_.size(); ++k) {
      Word* w = s.WordAt(text_, k);
      lower_.push_back(w->lower);
      classes_.push_back(w->CachedMask(kWordClasses, [&] { return WordClassesOf(w->lower); }));
    }
    question_ = !toks_.empty() && (lower_.back() == "?" || (lower_.size() > 1 && lower_[lower_.size() - 2] == "?"));
  }

  void AlreadyRelated(const std::set<std::pair<uint32_t, uint32_t>>& pairs) { related_ = pairs; }

  void Run(std::vector<DocRelation>* out) {
    if (ms_.size() < 2) {
      return;
    }
    NounPhraseRelations();
    BetweenRelations();
    if (!question_) VerbRelations();
    Cooccurrences();
    for (auto& r : found_) out->push_back(std::move(r));
  }

 private:
  // Whether token k is of one of the word classes `c` (kWordClasses bits).
  bool Is(size_t k, uint32_t c) const { return classes_[k] & c; }
  EntityType TypeOf(size_t m) const { return ents_[ms_[m].entity].type; }
  uint32_t EntityOf(size_t m) const { return ms_[m].entity; }

  void Add(size_t src_mention, size_t dst_mention, std::string_view label) {
    uint32_t a = EntityOf(src_mention), b = EntityOf(dst_mention);
    if (a == b) return;
    auto key = std::minmax(a, b);
    if (!related_.insert(key).second) return;
    DocRelation r;
    r.source = a;
    r.target = b;
    r.relation = std::string(label);
    r.kind = EdgeKind::kRelation;
    r.sentence = index_;
    found_.push_back(std::move(r));
  }

  // Morphology::Lookup(lower_[k]), remembered on the word.
  const WordInfo& LowerReading(size_t k) const { return sentence_.WordAt(text_, k)->LowerInfo(morph_); }
  const WordInfo& Info(size_t k) { return english_ ? morph_.LookupEnglish(lower_[k]) : LowerReading(k); }

  // A conjugated verb here? Words that are also nouns or adjectives
  // ("menace", "fabrique", "complexes") count as verbs only right after a
  // subject: a name, a subject or object pronoun, a negation.
  bool IsFiniteVerb(size_t k) {
    if (mention_at_[k] >= 0 || toks_[k].kind != TokenKind::kWord) return false;
    if (toks_[k].upper_initial && k > 0) return false;
    const WordInfo& w = Info(k);
    if (!w.finite) return false;
    if (k > 0 && Is(k - 1, kDeterminer | kPreposition)) return false;
    if (w.auxiliary) return true;
    if (w.function_word) return false;
    // English present forms are as often nouns ("hedge fund", "chip makers").
    bool english_present = w.english_verb && !w.participle && w.infinitive;
    bool english_3sg = w.english_verb && !w.participle && !w.infinitive && lower_[k].back() == 's';
    if (!w.noun && !w.adjective && !english_present && !english_3sg) return true;
    if (k == 0) return false;
    if (mention_at_[k - 1] >= 0) return true;
    std::string_view p = lower_[k - 1];
    return IsSubjectPronoun(p) || IsClitic(p) || Is(k - 1, kNegationStart) || p == "qui" || p == "who" ||
           p == "which" || p == "that" || p == "also" || p == "to";
  }

  // Follows "a tenté de contourner", "est parvenu à graver", "avoir utilisé".
  // "en effet", "par exemple": two-word adverbs between an auxiliary and its participle.
  bool IsAdverbLocution(size_t j) const {
    if (j + 1 >= toks_.size()) return false;
    std::string_view a = lower_[j];
    std::string_view b = lower_[j + 1];
    return (a == "en" && (b == "effet" || b == "outre" || b == "fait" || b == "partie")) ||
           (a == "par" && (b == "exemple" || b == "ailleurs")) || (a == "de" && b == "plus") ||
           (a == "d’" && b == "ailleurs") || (a == "d'" && b == "ailleurs") || (a == "à" && b == "nouveau") ||
           (a == "for" && b == "example");
  }

  size_t FollowChain(size_t k, VerbGroup* g) {
    for (int guard = 0; guard < 4; ++guard) {
      size_t j = k + 1;
      while (IsAdverbLocution(j)) j += 2;
      while (j < toks_.size() && (Is(j, kNegationEnd) || (Info(j).function_word && !Info(j).verb &&
                                                           !Is(j, kPreposition | kDeterminer | kClauseBoundary) &&
                                                           mention_at_[j] < 0))) {
        if (Is(j, kNegationEnd) && pending_neg_) g->negated = true;
        ++j;
      }
      if (j >= toks_.size() || mention_at_[j] >= 0) return k;
      const WordInfo& w = Info(j);
      bool aux = g->lemma == "avoir" || g->lemma == "être";
      if (aux && w.participle && w.verb) {
        // "s’est entraînée": a pronominal verb, active voice.
        bool reflexive = g->start > 0 && (lower_[g->start - 1] == "se" || lower_[g->start - 1] == "s’" ||
                                          lower_[g->start - 1] == "s'");
        if (g->lemma == "être" && !w.etre_verb && !reflexive) g->passive = true;
        if (w.verb_lemma == "être") g->passive = false;
        g->lemma = w.verb_lemma;
        k = j;
        continue;
      }
      if (lex_.IsModalVerb(g->lemma)) {  // "va investir", "a tenté de contourner"; not "était le boucher"
        size_t m = j;
        if (lower_[m] == "à" || lower_[m] == "de" || lower_[m] == "d’" || lower_[m] == "d'" || lower_[m] == "to") ++m;
        while (m < toks_.size() && IsClitic(lower_[m])) ++m;
        if (m < toks_.size() && mention_at_[m] < 0 && Info(m).infinitive) {
          g->lemma = Info(m).verb_lemma;
          g->passive = false;
          k = m;
          continue;
        }
      }
      return k;
    }
    return k;
  }

  std::vector<VerbGroup> FindVerbGroups() {
    std::vector<VerbGroup> groups;
    pending_neg_ = false;
    // A verb relates a name before it to a name after it: verbs before the
    // sentence's first mention relate nothing (and looking words up costs),
    // so only negation is tracked there. (Verbs after the last mention still
    // count: their subjects are not the objects of earlier verbs.)
    size_t lo = toks_.size();
    for (const Mention& m : ms_) lo = std::min<size_t>(lo, m.first);
    for (size_t k = 0; k < toks_.size(); ++k) {
      std::string_view w = lower_[k];
      if (Is(k, kNegationStart)) {
        pending_neg_ = true;
        continue;
      }
      if (Is(k, kClauseBoundary) || w == ",") pending_neg_ = false;
      if (k < lo) continue;
      bool participle_by = mention_at_[k] < 0 && toks_[k].kind == TokenKind::kWord && Info(k).participle &&
                           Info(k).verb && k + 1 < toks_.size() && (lower_[k + 1] == "par" || lower_[k + 1] == "by") &&
                           !(k > 0 && Info(k - 1).auxiliary);
      if (IsFiniteVerb(k) && !participle_by) {
        VerbGroup g;
        g.start = k;
        g.lemma = Info(k).verb_lemma;
        // "ne ... pas" around the finite verb.
        size_t j = k + 1;
        while (j < toks_.size() && j <= k + 2) {
          if (Is(j, kNegationEnd) && pending_neg_) g.negated = true;
          ++j;
        }
        g.end = FollowChain(k, &g);
        g.light = lex_.IsLightVerb(g.lemma);
        size_t after = g.end + 1;
        while (after < toks_.size() && Is(after, kNegationEnd)) ++after;
        g.speech = lex_.IsSpeechVerb(g.lemma) && after < toks_.size() &&
                   (lower_[after] == "que" || lower_[after] == "qu’" || lower_[after] == "qu'" ||
                    lower_[after] == ":" || lower_[after] == "«" || lower_[after] == "that");
        groups.push_back(g);
        pending_neg_ = false;
        k = g.end;
        continue;
      }
      // "DeepSeek, soutenu par le fonds High-Flyer": a participle before "par".
      if (participle_by) {
        VerbGroup g;
        g.start = g.end = k;
        g.lemma = Info(k).verb_lemma;
        g.passive = true;
        g.participial = true;
        groups.push_back(g);
      }
    }
    return groups;
  }

  // Mentions coordinated with mention m: "A, B et C". A chain joined by commas
  // alone is an apposition ("l’ambassadeur en Tunisie, Olivier Poivre"), not a
  // list, so a list needs "et" / "ou" (and / or) somewhere.
  std::vector<size_t> Coordinated(size_t m, bool right) const {
    std::vector<size_t> out{m};
    bool conjunction = false;
    size_t cur = m;
    while (right ? cur + 1 < ms_.size() : cur > 0) {
      size_t next = right ? cur + 1 : cur - 1;
      bool joined = false;
      if (right) {
        size_t k = ms_[cur].last + 1;
        while (k < toks_.size() && (IsCoordination(lower_[k]) || Is(k, kDeterminer))) {
          if (IsCoordination(lower_[k])) joined = true;
          if (IsCoordination(lower_[k]) && lower_[k] != ",") conjunction = true;
          ++k;
        }
        if (!joined || k >= toks_.size() || ms_[next].first != k) break;
      } else {
        size_t k = ms_[cur].first;
        while (k > 0 && (IsCoordination(lower_[k - 1]) || Is(k - 1, kDeterminer))) {
          if (IsCoordination(lower_[k - 1])) joined = true;
          if (IsCoordination(lower_[k - 1]) && lower_[k - 1] != ",") conjunction = true;
          --k;
        }
        if (!joined || k == 0 || mention_at_[k - 1] != static_cast<int>(next)) break;
      }
      out.push_back(next);
      cur = next;
    }
    if (!conjunction) out.resize(1);
    return out;
  }
  std::vector<size_t> CoordinatedRight(size_t m) const { return Coordinated(m, true); }
  std::vector<size_t> CoordinatedLeft(size_t m) const { return Coordinated(m, false); }

  // True when mention m sits after a preposition in its noun phrase: walks
  // back over the phrase (nouns, adjectives, other names: "le GPU NVIDIA
  // H100") to its determiner or preposition.
  bool Prepositional(size_t m) const {
    size_t k = ms_[m].first;
    for (int steps = 0; k > 0 && steps < 6; ++steps) {
      std::string_view w = lower_[k - 1];
      if (Is(k - 1, kPreposition)) return true;
      if (Is(k - 1, kDeterminer)) return k >= 2 && Is(k - 2, kPreposition);
      if (mention_at_[k - 1] >= 0) {
        k = ms_[static_cast<size_t>(mention_at_[k - 1])].first;
        continue;
      }
      if ((w == "." && k >= 2 && lower_[k - 2] == "m") || w == "m" || w == "mme" || w == "dr") {  // "de M. Depp"
        --k;
        continue;
      }
      const WordInfo& info = LowerReading(k - 1);
      bool nounish = info.noun || info.adjective || !info.verb || (info.english_verb && !info.participle);
      if (toks_[k - 1].kind == TokenKind::kWord && !Is(k - 1, kClauseBoundary) && w != "et" && w != "ou" && w != "qui" &&
          nounish) {
        --k;
        continue;
      }
      return false;
    }
    return false;
  }

  // The name a relative pronoun right before verb group g refers to
  // ("TSMC, which manufactures"), or -1.
  int RelativeAntecedent(const VerbGroup& g) const {
    size_t k = g.start;
    while (k > 0 && (IsClitic(lower_[k - 1]) || lower_[k - 1] == "ne" || lower_[k - 1] == "n’")) --k;
    if (k == 0) return -1;
    std::string_view w = lower_[k - 1];
    if (w != "qui" && w != "which" && w != "who" && w != "that") return -1;
    size_t b = k - 1;
    while (b > 0 && lower_[b - 1] == ",") --b;
    return b > 0 ? mention_at_[b - 1] : -1;
  }

  void VerbRelations() {
    std::vector<VerbGroup> groups = FindVerbGroups();
    for (size_t gi = 0; gi < groups.size(); ++gi) {
      const VerbGroup& g = groups[gi];
      // Verbs of saying relate the speaker to what is said, not to the names in it.
      if (g.negated || g.light || g.lemma.empty() || lex_.IsSayingVerb(g.lemma)) continue;
      // An inserted attribution, ", a indiqué X" / ", rappelle le Canard": the
      // name after the verb is its subject, and nothing here is stated.
      if (g.start > 0 && !g.participial && lex_.IsSpeechVerb(g.lemma)) {
        std::string_view before = lower_[g.start - 1];
        if (before == "," || before == "»" || before == "\"" || before == "”") continue;
      }
      // Subject: the leftmost bare mention of the clause, or the antecedent of "qui".
      // Participial appositions ("X, soutenu par Y, affirme") do not end the clause.
      size_t left_limit = 0;
      for (size_t pj = gi; pj-- > 0;) {
        if (!groups[pj].participial) {
          left_limit = groups[pj].end + 1;
          break;
        }
      }
      int subject = -1;
      for (size_t k = g.start; k-- > left_limit;) {
        std::string_view w = lower_[k];
        if (w == "qui" || w == "which" || w == "who" || w == "that") {
          size_t b = k;
          while (b > 0 && lower_[b - 1] == ",") --b;
          if (b > 0 && mention_at_[b - 1] >= 0) subject = mention_at_[b - 1];
          break;
        }
        if (Is(k, kClauseBoundary)) break;
        if (mention_at_[k] >= 0) {
          size_t m = static_cast<size_t>(mention_at_[k]);
          if (!Prepositional(m)) {
            subject = static_cast<int>(m);  // the nearest bare name
            break;
          }
          k = ms_[m].first;
        }
      }
      // "TSMC, which manufactures Nvidia's chips, fell": after a relative clause
      // closed by a comma, the subject is the relative's antecedent.
      size_t before = g.start;
      while (before > 0 && IsLinkingAdverb(lower_[before - 1])) --before;
      if (gi > 0 && before > 0 && lower_[before - 1] == ",") {
        int antecedent = RelativeAntecedent(groups[gi - 1]);
        if (antecedent >= 0) subject = antecedent;
      }
      // Objects: the first mention after the verb in its clause.
      size_t right_limit = gi + 1 < groups.size() ? groups[gi + 1].start : toks_.size();
      // The first name without a preposition (the direct object), else the
      // first name ("investir dans OpenAI").
      int object = -1, first_object = -1;
      bool by_agent = false, agent_seen = false;
      for (size_t k = g.end + 1; k < right_limit && k <= g.end + 14; ++k) {
        std::string_view w = lower_[k];
        if (Is(k, kClauseBoundary) || w == "qui") break;
        // ", and Meta set up ...": a new clause.
        if (w == "," && k + 1 < toks_.size() &&
            (lower_[k + 1] == "and" || lower_[k + 1] == "et" || lower_[k + 1] == "but" || lower_[k + 1] == "mais")) {
          break;
        }
        if ((w == "par" || w == "by") && first_object < 0) agent_seen = true;
        if (mention_at_[k] >= 0) {
          size_t m = static_cast<size_t>(mention_at_[k]);
          if (first_object < 0) {
            first_object = static_cast<int>(m);
            by_agent = agent_seen;
          }
          if (!Prepositional(m)) {
            object = static_cast<int>(m);
            break;
          }
          k = ms_[m].last;
        }
      }
      if (object < 0 || g.passive) object = first_object;
      if (g.speech) object = -1;
      if (object < 0) continue;
      size_t obj = static_cast<size_t>(object);
      // "le NVIDIA H800": the product, not its maker.
      if (obj + 1 < ms_.size() && ms_[obj + 1].first == ms_[obj].last + 1 && TypeOf(obj) == EntityType::kOrg &&
          TypeOf(obj + 1) == EntityType::kProduct) {
        ++obj;
      }
      std::vector<size_t> objects;
      for (size_t o : CoordinatedRight(obj)) {
        // A name right before the next verb is that verb's subject, not an object.
        if (o != obj && ms_[o].last + 1 == right_limit) break;
        objects.push_back(o);
      }
      if (g.passive) {
        if (!by_agent) continue;
        // Agent(s) act on the subject: "X, soutenu par Y" -> Y soutenir X.
        int patient = subject;
        if (g.participial) {
          size_t b = g.start;
          while (b > 0 && lower_[b - 1] == ",") --b;
          patient = b > 0 ? mention_at_[b - 1] : -1;
          if (patient < 0) {
            // "le fonds X, soutenu par" also accepts a determiner-less gap of one noun.
            continue;
          }
        }
        if (patient < 0) continue;
        for (size_t a : objects) Add(a, static_cast<size_t>(patient), g.lemma);
        continue;
      }
      if (subject < 0) continue;
      // The subject and the names coordinated with it before the verb.
      std::vector<size_t> subjects = CoordinatedLeft(static_cast<size_t>(subject));
      for (size_t m : CoordinatedRight(static_cast<size_t>(subject))) {
        if (m != static_cast<size_t>(subject) && ms_[m].last < g.start) subjects.push_back(m);
      }
      for (size_t s : subjects) {
        for (size_t o : objects) Add(s, o, g.lemma);
      }
    }
  }

  // "NVIDIA H800": maker then product.
  bool MakerThenProduct(size_t m, size_t n, size_t gap_start, size_t gap_end) {
    const size_t gap = gap_end - gap_start;
    if (gap == 0 && TypeOf(m) == EntityType::kOrg && TypeOf(n) == EntityType::kProduct) {
      Add(n, m, "produit_de");
      return true;
    }
    return false;
  }

  // "l’IA o1 d’OpenAI", "des puces H800 de Nvidia", "le Llama 3 de Meta".
  // Also "l’App Store américain d’Apple": adjectives may come first.
  bool ProductOfMaker(size_t m, size_t n, size_t gap_start, size_t gap_end) {
    const size_t gap = gap_end - gap_start;
    if (gap >= 1 && gap <= 4 && TypeOf(m) == EntityType::kProduct && TypeOf(n) != EntityType::kProduct &&
        TypeOf(n) != EntityType::kLocation) {
      size_t k = gap_start;
      while (k < gap_end && LowerReading(k).adjective && !Is(k, kPreposition)) ++k;
      std::string_view w = k < gap_end ? lower_[k] : lower_[gap_start];
      bool of = k < gap_end && (w == "de" || w == "d’" || w == "d'" || w == "du" || w == "of");
      if (of && (k + 1 == gap_end || (k + 2 == gap_end && Is(k + 1, kDeterminer)))) {
        Add(m, n, "produit_de");
        return true;
      }
    }
    return false;
  }

  // "X, la maison mère de Y", "le H800, une version affaiblie du H100",
  // "Roy Chua, fondateur du cabinet AvidThink".
  bool RoleOrPartAfterComma(size_t m, size_t n, size_t gap_start, size_t gap_end) {
    const size_t gap = gap_end - gap_start;
    if (gap >= 2 && gap <= 9) {
      std::string_view label;
      bool has_of = false;
      bool blocked = false;
      for (size_t k = gap_start; k < gap_end; ++k) {
        std::string_view w = lower_[k];
        // Only determiners, adjectives, adverbs, connectors and the role
        // or part noun itself stand between the two names.
        if (k > gap_start && !Is(k, kDeterminer) && !IsOfWord(w) && w != "et" && w != "and" &&
            lex_.RoleRelation(w).empty() && lex_.PartRelation(w).empty()) {
          const WordInfo& wi = LowerReading(k);
          bool modifier = (wi.adjective || (wi.function_word && !wi.verb)) && !wi.finite;
          // After "fondateur du": the head of the complement ("cabinet de recherche").
          bool complement = has_of && wi.noun;
          if (!modifier && !complement && w != "ex" && w != "-" &&
              !(wi.noun && k + 1 < gap_end && !lex_.PartRelation(lower_[k + 1]).empty())) {
            blocked = true;
            break;
          }
        }
        bool role_and = (w == "et" || w == "and") && k + 1 < gap_end &&
                        !lex_.RoleRelation(lower_[k + 1]).empty();
        if (Is(k, kClauseBoundary) || w == "qui" || ((w == "et" || w == "and") && !role_and) || IsFiniteVerb(k)) {
          blocked = true;
          break;
        }
        if (IsOfWord(w)) {
          if (!label.empty()) has_of = true;
          continue;
        }
        if (label.empty()) {
          std::string_view r = lex_.RoleRelation(w);
          if (!r.empty() && TypeOf(m) == EntityType::kPerson) {
            label = r;
            continue;
          }
          std::string_view p = lex_.PartRelation(w);
          if (!p.empty()) label = p;
        }
      }
      if (!blocked && !label.empty() && has_of && lower_[gap_start] == ",") {
        Add(m, n, label);
        return true;
      }
    }
    return false;
  }

  // "DeepSeek, basée à Canton".
  bool BasedAt(size_t m, size_t n, size_t gap_start, size_t gap_end) {
    const size_t gap = gap_end - gap_start;
    if (gap >= 2 && gap <= 5 && TypeOf(n) == EntityType::kLocation) {
      bool located = false;
      for (size_t k = gap_start; k < gap_end; ++k) {
        if (lex_.IsLocatedWord(lower_[k])) located = true;
        if (Is(k, kClauseBoundary) && lower_[k] != ",") located = false;
      }
      std::string_view before = lower_[gap_end - 1];
      if (located && (before == "à" || before == "en" || before == "au" || before == "aux" || before == "dans" ||
                      before == "in")) {
        Add(m, n, "situé_à");
        return true;
      }
    }
    return false;
  }

  // "OpenAI chief executive Sam Altman": organisation, role words, person.
  bool OrgRolePerson(size_t m, size_t n, size_t gap_start, size_t gap_end) {
    const size_t gap = gap_end - gap_start;
    if (gap >= 1 && gap <= 3 && TypeOf(m) == EntityType::kOrg && TypeOf(n) == EntityType::kPerson) {
      std::string_view label;
      bool only_roles = true;
      for (size_t k = gap_start; k < gap_end; ++k) {
        std::string_view r = lex_.RoleRelation(lower_[k]);
        if (!r.empty()) {
          if (label.empty()) label = r;
        } else if (lower_[k] != "executive" && lower_[k] != "officer" && lower_[k] != "'s") {
          only_roles = false;
        }
      }
      if (only_roles && !label.empty()) {
        Add(n, m, label);
        return true;
      }
    }
    return false;
  }

  // "Sam Altman (OpenAI)": a person and the organisation they speak for.
  bool PersonAndOrgInParens(size_t m, size_t n, size_t gap_start, size_t gap_end) {
    const size_t gap = gap_end - gap_start;
    if (gap == 1 && lower_[gap_start] == "(" && TypeOf(m) == EntityType::kPerson && TypeOf(n) == EntityType::kOrg &&
        ms_[n].last + 1 < toks_.size() && lower_[ms_[n].last + 1] == ")") {
      Add(m, n, "affilié_à");
      return true;
    }
    return false;
  }

  // "l’Institut de technologie informatique de l’Académie des sciences":
  // a unit of a larger institution.
  bool UnitOfInstitution(size_t m, size_t n, size_t gap_start, size_t gap_end) {
    const size_t gap = gap_end - gap_start;
    if (gap >= 1 && gap <= 2 && TypeOf(m) == EntityType::kOrg && TypeOf(n) == EntityType::kOrg &&
        lex_.IsOrgHead(lower_[ms_[m].first]) && lex_.IsOrgHead(lower_[ms_[n].first])) {
      std::string_view w = lower_[gap_start];
      if (w == "de" || w == "d’" || w == "du" || w == "of") {
        Add(m, n, "partie_de");
        return true;
      }
    }
    return false;
  }

  // "le patron d’OpenAI, Sam Altman" / "le fondateur de Futuriom Scott Raynovich".
  bool RoleOfOrgThenPerson(size_t m, size_t n, size_t gap_start, size_t gap_end) {
    const size_t gap = gap_end - gap_start;
    if (TypeOf(n) == EntityType::kPerson && gap <= 1 && (gap == 0 || lower_[gap_start] == ",")) {
      size_t k = ms_[m].first;
      size_t steps = 0;
      while (k > 0 && steps < 4) {
        --k;
        ++steps;
        std::string_view w = lower_[k];
        if (w == "de" || w == "d’" || w == "d'" || w == "du" || Is(k, kDeterminer)) continue;
        std::string_view r = lex_.RoleRelation(w);
        if (!r.empty()) Add(n, m, r);
        break;
      }
    }
    return false;
  }

  // Noun-phrase relations between neighbouring mentions: the first pattern
  // that applies to a pair adds its relation.
  void NounPhraseRelations() {
    for (size_t m = 0; m + 1 < ms_.size(); ++m) {
      const size_t n = m + 1, gap_start = ms_[m].last + 1, gap_end = ms_[n].first;  // tokens in [gap_start, gap_end)
      for (auto pattern : {&SentenceRelations::MakerThenProduct, &SentenceRelations::ProductOfMaker,
                           &SentenceRelations::RoleOrPartAfterComma, &SentenceRelations::BasedAt,
                           &SentenceRelations::OrgRolePerson, &SentenceRelations::PersonAndOrgInParens,
                           &SentenceRelations::UnitOfInstitution, &SentenceRelations::RoleOfOrgThenPerson}) {
        if ((this->*pattern)(m, n, gap_start, gap_end)) break;
      }
    }
  }

  // "les tensions entre Washington et Pékin": the noun names the relation.
  void BetweenRelations() {
    for (size_t m = 0; m + 1 < ms_.size(); ++m) {
      size_t first = ms_[m].first;
      size_t k = first;
      while (k > 0 && Is(k - 1, kDeterminer)) --k;
      if (k < 2 || (lower_[k - 1] != "entre" && lower_[k - 1] != "between")) continue;
      std::string_view noun = lower_[k - 2];
      const WordInfo& info = LowerReading(k - 2);
      if (!info.noun || info.function_word || mention_at_[k - 2] >= 0) continue;
      size_t j = ms_[m].last + 1;
      while (j < toks_.size() && Is(j, kDeterminer)) ++j;
      if (j >= toks_.size() || (lower_[j] != "et" && lower_[j] != "and")) continue;
      ++j;
      while (j < toks_.size() && Is(j, kDeterminer)) ++j;
      if (j >= toks_.size() || mention_at_[j] != static_cast<int>(m + 1)) continue;
      std::string label = NounLemma(noun) + "_avec";
      Add(m, m + 1, label);
    }
  }

  // Singular of a French or English noun, as the dictionary gives it.
  std::string NounLemma(std::string_view w) {
    std::string s(w);
    if (s.size() > 3 && (s.back() == 's' || s.back() == 'x') && morph_.Lookup(s.substr(0, s.size() - 1)).noun) s.pop_back();
    return s;
  }

  // Every pair of distinct entities in the sentence, each name paired with at
  // most kCooccurrenceWindow names after it, so a list of a thousand names
  // does not make a million edges.
  void Cooccurrences() {
    constexpr size_t kCooccurrenceWindow = 20;
    for (size_t a = 0; a < ms_.size(); ++a) {
      for (size_t b = a + 1; b < ms_.size() && b <= a + kCooccurrenceWindow; ++b) {
        uint32_t ea = EntityOf(a), eb = EntityOf(b);
        if (ea == eb) continue;
        auto key = std::minmax(ea, eb);
        if (related_.count(key) || !cooc_.insert(key).second) continue;
        DocRelation r;
        r.source = ea;
        r.target = eb;
        r.relation = "cooccurrence";
        r.kind = EdgeKind::kCooccurrence;
        r.sentence = index_;
        found_.push_back(std::move(r));
      }
    }
  }

  std::string_view text_;
  const std::vector<Token>& toks_;
  const SentenceTokens& sentence_;
  uint32_t index_;
  const Lexicon& lex_;
  Morphology& morph_;
  const std::vector<Mention>& ms_;
  const std::vector<DocEntity>& ents_;
  std::vector<int> mention_at_;
  std::vector<std::string_view> lower_;  // the words' lower-case forms
  std::vector<uint32_t> classes_;        // their kWordClasses bits
  bool question_ = false;
  bool pending_neg_ = false;
  bool english_ = false;
  std::set<std::pair<uint32_t, uint32_t>> related_, cooc_;
  std::vector<DocRelation> found_;
};

}  // namespace

void RelationExtractor::Run(std::string_view text, const std::vector<SentenceTokens>& sentences,
                            const std::vector<Mention>& mentions, const std::vector<DocEntity>& entities,
                            std::vector<DocRelation>* out, Language language) {
  const bool english = language == Language::kEnglish;
  // Pairs already related (by the tree finder) per sentence: not found twice.
  std::map<uint32_t, std::set<std::pair<uint32_t, uint32_t>>> known;
  for (const DocRelation& r : *out) known[r.sentence].insert(std::minmax(r.source, r.target));
  size_t i = 0;
  while (i < mentions.size()) {
    size_t j = i;
    while (j < mentions.size() && mentions[j].sentence == mentions[i].sentence) ++j;
    std::vector<Mention> local(mentions.begin() + static_cast<long>(i), mentions.begin() + static_cast<long>(j));
    uint32_t s = mentions[i].sentence;
    SentenceRelations rel(text, sentences[s], s, lex_, morph_, local, entities, english);
    if (auto it = known.find(s); it != known.end()) rel.AlreadyRelated(it->second);
    rel.Run(out);
    i = j;
  }
}

}  // namespace kg

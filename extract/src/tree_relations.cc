#include "kg/extract/tree_relations.h"

#include <algorithm>
#include <map>

#include "kg/base/text.h"
#include "kg/extract/coreference.h"
#include "kg/extract/morphology.h"
#include "lexicon_data.h"
#include "tsv_rows.h"
#include "word_classes.h"

namespace kg {

using namespace std::string_view_literals;
namespace {

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find(' ', start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) out.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool ParseTypes(std::string_view s, uint32_t* bits) {
  if (s == "*" || s.empty()) {
    *bits = 0x1F;
    return true;
  }
  *bits = 0;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string_view::npos) comma = s.size();
    EntityType t;
    if (!ParseEntityType(s.substr(start, comma - start), &t)) return false;
    *bits |= 1u << static_cast<int>(t);
    start = comma + 1;
  }
  return true;
}

bool HasLetter(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    if (IsLetter(DecodeUtf8(s, i, &len))) return true;
    i += len;
  }
  return false;
}

bool LabelMatches(std::string_view pattern, const std::string& deprel) {
  if (!pattern.empty() && pattern.back() == '*') {
    return deprel.compare(0, pattern.size() - 1, pattern.substr(0, pattern.size() - 1)) == 0;
  }
  return pattern == deprel;
}

// Whether word w (0-based) is in parentheses: "(" right before its phrase.
bool InParentheses(const UdSentence& s, int w) {
  int first = w;
  for (int i = w - 1; i >= 0; --i) {
    int h = s.words[i].head - 1;
    while (h >= 0 && h != w && h > i) h = s.words[h].head - 1;
    if (h != w) break;
    first = i;
  }
  if (s.words[first].form == "(") return true;
  return first > 0 && s.words[first - 1].form == "(";
}

// The word before the "(" that opens word w's parenthesised phrase, or -1.
int BeforeParenthesis(const UdSentence& s, int w) {
  int first = w;
  for (int i = w - 1; i >= 0; --i) {
    int h = s.words[i].head - 1;
    while (h >= 0 && h != w && h > i) h = s.words[h].head - 1;
    if (h != w) break;
    first = i;
  }
  if (s.words[first].form != "(") --first;
  return first >= 1 && s.words[first].form == "(" ? first - 1 : -1;
}

bool IsCaseMarker(const UdWord& x) { return x.deprel == "case"sv || x.deprel == "mark"sv; }

// The preposition word `i` (a case or mark word) gives its head: its
// lemma, or "auprès" for the "de" of "auprès de l'AFP", whatever the parser
// made of "auprès".
std::string_view CaseLemma(const UdSentence& s, size_t i) {
  if (s.words[i].lemma == "de"sv && i > 0 && s.words[i - 1].lemma == "auprès"sv) return "auprès";
  return s.words[i].lemma;
}

// The lemma of the preposition (its first case or mark child) of word `w`,
// or ""; a view of the sentence's words.
std::string_view CaseView(const UdSentence& s, int w) {
  for (size_t i = 0; i < s.words.size(); ++i) {
    if (s.words[i].head == w + 1 && IsCaseMarker(s.words[i])) return CaseLemma(s, i);
  }
  return "";
}

std::string CaseOf(const UdSentence& s, int w) { return std::string(CaseView(s, w)); }

}  // namespace

// CaseView of every word, in one pass.
std::vector<std::string_view> CasesOf(const UdSentence& s) {
  std::vector<std::string_view> out(s.words.size());
  std::vector<bool> done(s.words.size(), false);
  for (size_t i = 0; i < s.words.size(); ++i) {
    const int w = s.words[i].head - 1;
    if (w < 0 || w >= static_cast<int>(out.size()) || done[w] || !IsCaseMarker(s.words[i])) continue;
    done[w] = true;
    out[w] = CaseLemma(s, i);
  }
  return out;
}

namespace {

bool HasChild(const UdSentence& s, int w, std::string_view deprel) {
  for (const UdWord& x : s.words) {
    if (x.head == w + 1 && x.deprel == deprel) return true;
  }
  return false;
}

// A step: a relation ("obl*" for any subtype), then "()" for a word in
// parentheses, or "[de|]" for the prepositions its word may take (an empty
// one: none).
bool StepMatches(const std::string& pattern, const UdSentence& s, const UdWord* word) {
  std::string_view p = pattern;
  const int w = static_cast<int>(word - s.words.data());
  size_t bracket = p.find('[');
  if (bracket != std::string_view::npos && p.back() == ']') {
    std::string_view allowed = p.substr(bracket + 1, p.size() - bracket - 2);
    p = p.substr(0, bracket);
    std::vector<std::string_view> prepositions = Split(allowed, '|');
    if (std::find(prepositions.begin(), prepositions.end(), CaseOf(s, w)) == prepositions.end()) return false;
  }
  bool paren = p.size() > 2 && p.substr(p.size() - 2) == "()";
  if (paren) p.remove_suffix(2);
  if (!LabelMatches(p, word->deprel)) return false;
  // An apposition with a conjunction of its own is a list's next item the
  // parser hung wrong: "Gérard Larcher, président du Sénat, et Patrick
  // Bernasconi".
  if (word->deprel == "appos"sv && HasChild(s, w, "cc")) return false;
  return !paren || InParentheses(s, w);
}

bool SideMatches(const std::vector<std::string>& pattern, const UdSentence& s, const std::vector<const UdWord*>& side) {
  if (pattern.size() != side.size()) return false;
  for (size_t i = 0; i < side.size(); ++i) {
    if (!StepMatches(pattern[i], s, side[i])) return false;
  }
  return true;
}

// Words from `w` (0-based) up to the root, `w` first.
std::vector<int> Ancestors(const UdSentence& s, int w) {
  std::vector<int> out;
  for (int i = w; i >= 0 && out.size() <= s.words.size(); i = s.words[i].head - 1) out.push_back(i);
  return out;
}

bool Negated(const PathRules& rules, const UdSentence& s, int w) {
  for (const UdWord& x : s.words) {
    if (x.head == w + 1 && rules.negations.count(x.lemma) != 0) return true;
  }
  return false;
}

std::string Fill(const std::string& tmpl, const std::map<std::string, std::string>& values, bool* ok) {
  std::string out;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '{') {
      out.push_back(tmpl[i]);
      continue;
    }
    size_t close = tmpl.find('}', i);
    auto it = values.find(tmpl.substr(i + 1, close - i - 1));
    if (it == values.end() || it->second.empty()) *ok = false;
    else out += it->second;
    i = close;
  }
  return out;
}

// "la province du Liaoning", "la commune associée de Lomme", "the city of
// Chennai": the place noun of a "naming" row whose "de" complement is the
// name (head word `head`, first word `first`), with only the preposition,
// articles and the noun's adjectives between, under a definite article
// and no rank; or -1.
// An adjective that ranks ("deuxième", "premier", "seul", "principal").
bool Ranking(const std::string& lemma) {
  return lemma.ends_with("ième") || lemma == "premier"sv || lemma == "dernier"sv || lemma == "seul"sv ||
         lemma == "principal"sv || lemma == "first"sv || lemma == "largest"sv ||
         lemma == "biggest"sv || lemma == "second"sv;
}

int NamingNoun(const UdSentence& s, int first, int head, const CorefLexicon& coref) {
  const int parent = s.words[head].head - 1;
  const std::string c = CaseOf(s, head);
  if (parent < 0 || parent >= first || s.words[head].deprel != "nmod"sv || (c != "de" && c != "of") ||
      s.words[parent].upos != "NOUN"sv || coref.naming_heads.count(s.words[parent].lemma) == 0) {
    return -1;
  }
  for (int w = parent + 1; w < first; ++w) {
    const UdWord& x = s.words[w];
    const bool of_name = x.head == head + 1 && (x.deprel == "case"sv || x.deprel == "det"sv);
    if (!of_name && !(x.head == parent + 1 && x.upos == "ADJ"sv && !Ranking(x.lemma))) return -1;
  }
  // Definite, and no rank before it: "une ville du Pays de Galles", "la
  // deuxième ville de France", "la plus grande ville de" relate two places.
  bool definite = false;
  for (int w = 0; w < parent; ++w) {
    const UdWord& x = s.words[w];
    if (x.head != parent + 1) continue;
    if (x.upos == "ADV"sv || x.upos == "NUM"sv || (x.upos == "ADJ"sv && Ranking(x.lemma))) return -1;
    const std::string l = ToLower(x.form);
    if (x.upos == "DET"sv && (l == "le" || l == "la" || l == "l'" || l == "l’" || l == "the")) definite = true;
  }
  return definite ? parent : -1;
}

}  // namespace

bool PathRules::NamesPlace(const std::string& label) const {
  if (place_labels.count(label) != 0) return true;
  const size_t cut = label.find('_');
  return cut != std::string::npos && place_nouns.count(label.substr(0, cut)) != 0;
}

StatusOr<PathRules> PathRules::Parse(std::string_view tsv, const std::string& where) {
  PathRules r;
  Status read = ForEachTsvRow(tsv, where, [&](const std::vector<std::string_view>& c) -> std::string {
    WordSet* words = c[0] == "neg"      ? &r.negations
                                   : c[0] == "vague"  ? &r.vague
                                   : c[0] == "near"   ? &r.near_words
                                   : c[0] == "from"   ? &r.from_prepositions
                                   : c[0] == "within" ? &r.within_prepositions
                                   : c[0] == "region" ? &r.region_prepositions
                                   : c[0] == "role"   ? &r.role_nouns
                                   : c[0] == "title"  ? &r.titles
                                   : c[0] == "place"  ? &r.place_labels
                                   : c[0] == "place-noun" ? &r.place_nouns
                                   : c[0] == "vague-case" ? &r.vague_cases
                                   : c[0] == "time-case" ? &r.time_cases
                                   : c[0] == "time-noun" ? &r.time_nouns
                                                      : nullptr;
    if (c[0] == "in") {
      if (c.size() != 2) return "expected two columns";
      r.in_label = std::string(c[1]);
      return "";
    }
    if (c[0] == "product") {
      if (c.size() != 2) return "expected two columns";
      r.product_label = std::string(c[1]);
      return "";
    }
    if (c[0] == "office") {
      if (c.size() != 3) return "expected three columns (office, role, institution)";
      r.offices.emplace(std::string(c[1]), std::string(c[2]));
      return "";
    }
    if (words != nullptr) {
      if (c.size() != 2) return "expected two columns";
      words->insert(std::string(c[1]));
      return "";
    }
    if (c.size() != 7) return "expected 7 tab-separated columns, found " + std::to_string(c.size());
    PathRule rule;
    if (c[0] != ".") rule.side_a = SplitSpaces(c[0]);
    rule.ancestor = std::string(c[1]);
    if (c[2] != ".") rule.side_b = SplitSpaces(c[2]);
    rule.label = std::string(c[3]);
    if (c[4] != "ab" && c[4] != "ba") return "direction must be ab or ba";
    rule.reverse = c[4] == "ba";
    if (!ParseTypes(c[5], &rule.a_types) || !ParseTypes(c[6], &rule.b_types)) return "unknown entity type";
    if (rule.label.find('{') != std::string::npos && rule.label.find('}') == std::string::npos) return "unclosed {";
    r.rules.push_back(std::move(rule));
    return "";
  });
  if (!read.ok()) return read;
  return r;
}

const PathRules& BuiltinPathRules(std::string_view language) {
  static const PathRules fr = *PathRules::Parse(data::paths_fr_tsv, "data/fr/paths_fr.tsv");
  static const PathRules en = *PathRules::Parse(data::paths_en_tsv, "data/en/paths_en.tsv");
  return language == "en" ? en : fr;
}

namespace {

// The role a capitalised domain noun completes, or the noun itself: in "le
// ministre de l'Intérieur Christophe Castaner", "le président de la
// République Emmanuel Macron", the name the parser hung on the domain
// stands for the role (a person's), not for the domain (not "la famille
// Traoré" either: lower case).
int RoleOfDomain(const UdSentence& s, int noun, const CorefLexicon& coref) {
  const UdWord& d = s.words[noun];
  size_t len = 0;
  if (d.form.empty() || !IsUpper(DecodeUtf8(d.form, 0, &len))) return noun;
  if (d.deprel.compare(0, 4, "nmod") != 0 || CaseOf(s, noun) != "de") return noun;
  const int role = d.head - 1;
  if (role < 0 || role >= noun || s.words[role].upos != "NOUN"sv) return noun;
  const auto it = coref.heads.find(s.words[role].lemma);
  return it != coref.heads.end() && it->second.type == EntityType::kPerson ? role : noun;
}

}  // namespace

int LiftedHead(const UdSentence& s, int first, int last, int head, const CorefLexicon& coref, bool person) {
  if (const int noun = NamingNoun(s, first, head, coref); noun >= 0) return noun;
  // "la société X", "le rappeur X", "les puces H800": a common noun right
  // before the name that the name only specifies stands for it in the tree
  // — unless another name hangs on this one ("le député FN Gilbert Collard",
  // parsed with the person under the party: the role is the person's).
  static const char* const kSpecifying[] = {"appos", "flat:name", "flat", "nmod", "amod", "compound", "nummod"};
  int parent = s.words[head].head - 1;
  int before = first - 1;  // (a title filling quotes: "son livre « Le cygne noir »")
  const int after = last + 1;
  if (before > 0 && after < static_cast<int>(s.words.size()) &&
      (s.words[before].form == "«" || s.words[before].form == "\"" || s.words[before].form == "“") &&
      (s.words[after].form == "»" || s.words[after].form == "\"" || s.words[after].form == "”")) {
    --before;
  }
  if (parent < 0 || s.words[parent].upos != "NOUN"sv) return head;
  // "la ministre de la Santé Agnès Buzyn": the name hung on the role, past its domain.
  const bool past_domain = person && parent < before && RoleOfDomain(s, before, coref) == parent;
  if (parent != before && !past_domain) return head;
  if (std::find(std::begin(kSpecifying), std::end(kSpecifying), s.words[head].deprel) == std::end(kSpecifying)) {
    return head;
  }
  if (!CaseOf(s, head).empty()) return head;
  for (int x = last + 1; x < static_cast<int>(s.words.size()); ++x) {
    if (s.words[x].head == head + 1 && s.words[x].deprel == "flat:name"sv && s.words[x].upos == "PROPN"sv) return head;
  }
  // Nor when a name follows in apposition to the same noun: the role is
  // that name's ("le député LR des Alpes-Maritimes Eric Ciotti").
  for (int x = last + 1; x < static_cast<int>(s.words.size()); ++x) {
    if (s.words[x].head == parent + 1 && s.words[x].deprel == "appos"sv && s.words[x].upos == "PROPN"sv) return head;
  }
  return past_domain ? parent : person ? RoleOfDomain(s, parent, coref) : parent;
}

namespace {

int ConjChildren(const UdSentence& s, int w) {
  int n = 0;
  for (const UdWord& x : s.words) n += x.head == w + 1 && x.deprel == "conj"sv;
  return n;
}

// Whether `w` is `top` or below it.
bool Below(const UdSentence& s, int w, int top) {
  for (size_t steps = 0; w >= 0 && steps <= s.words.size(); ++steps, w = s.words[w].head - 1) {
    if (w == top) return true;
  }
  return false;
}

// The comma right before the phrase of name word `h` starting at `first`
// (its preposition and article), or -1.
int CommaBefore(const UdSentence& s, int first, int h) {
  int w = first - 1;
  while (w >= 0 && s.words[w].head == h + 1 && s.words[w].upos != "PUNCT"sv) --w;
  return w >= 0 && s.words[w].form == "," ? w : -1;
}

// The role noun a name specifies: "la députée des Alpes" -> députée, "le
// député FN" -> député.
int RoleNounOf(const UdSentence& s, int head) {
  int parent = s.words[head].head - 1;
  const std::string& rel = s.words[head].deprel;
  if (parent < 0 || s.words[parent].upos != "NOUN"sv) return -1;
  return rel == "nmod" || rel == "appos" || rel == "flat:name" || rel == "nmod:party" ? parent : -1;
}

// Words of a name hanging outside it, other than its head, hang on its
// head: "Gilbert Collard" with both words under "FN".
void GatherName(UdSentence* s, const TreeMention& m, int head) {
  for (int w = m.first; w <= m.last; ++w) {
    UdWord& x = s->words[w];
    if (w == head || (x.head - 1 >= m.first && x.head - 1 <= m.last) || x.head == 0) continue;
    if (x.deprel != "flat:name"sv && x.deprel != "flat"sv) continue;
    x.head = head + 1;
  }
}

struct Arc {
  int parent = -1;
  std::string deprel;
};

// Mention b's head word `h` attached to a word of mention a's name.
Arc AcrossNames(const UdSentence& s, const TreeMention& a, const TreeMention& b, int h, EntityType type,
                const WordSet& regions, bool listed) {
  const int ha = SpanHead(s, a.first, a.last);
  const UdWord& w = s.words[h];
  if ((w.deprel == "flat:name"sv || w.deprel == "flat"sv) && type == EntityType::kPerson) {
    // Two names are not one: "la maire de Landivisiau Laurence Claisse"
    // (the person is the role's), "a déclaré à l'AFP Joanna Ugniewska"
    // (she is not the agency's). A party before a name stays: "LREM
    // Agnès Buzyn".
    const int role = RoleNounOf(s, ha);
    return {role >= 0 ? role : !CaseOf(s, ha).empty() ? ha : -1, "appos"};
  }
  if (w.deprel != "conj"sv || w.head != ha + 1 || CommaBefore(s, b.first, h) < 0 || HasChild(s, h, "cc") ||
      ConjChildren(s, ha) != 1) {
    return {};
  }
  // Two names after a comma, no conjunction: "à La Ciotat, dans les
  // Bouches-du-Rhône", "l'avocate d'Harvey Weinstein, Phyllis Kupferstein".
  const std::string case_b = CaseOf(s, h);
  // (Not an item of a list of places: "en Picardie, dans les Alpes-Maritimes et en région parisienne".)
  if (regions.count(case_b) != 0 && case_b != CaseOf(s, ha) && type == EntityType::kLocation && !listed) {
    return {ha, "nmod"};
  }
  const int role = RoleNounOf(s, ha);
  if (case_b.empty() && role >= 0 && type == EntityType::kPerson) return {role, "appos"};
  return {};
}

// Whether `w` is a noun of a kind of place (a place head of the
// coreference table: ville, quartier, région...).
bool IsPlaceNoun(const CorefLexicon& coref, const UdWord& w) {
  if (w.upos != "NOUN"sv) return false;
  auto head = coref.heads.find(w.lemma);
  return head != coref.heads.end() && head->second.type == EntityType::kLocation;
}

// Whether the place phrase from `comma` to `last` is an item of a list
// of places: a conjunction inside it ("et dans la Nièvre", "mais aussi en
// Antarctique") or more place phrases after it, the last after a
// conjunction ("au Bangladesh, en Inde et au Pakistan", "dans le
// Massachusetts ou le Minnesota", "dans les Alpes-Maritimes et en région
// parisienne": a place noun of `coref`).
bool PlaceListed(const PathRules& rules, const CorefLexicon& coref, const UdSentence& s,
                 const std::vector<EntityType>& types, const std::vector<int>& owner, int comma, int last) {
  for (int w = comma + 1; w <= last; ++w) {
    if (s.words[w].deprel == "cc"sv) return true;
  }
  // Place phrases after it, joined by commas, the last by a conjunction or
  // two of them at least (one after a comma is a place in places: "à
  // Lamballe, dans les Côtes-d'Armor, en Bretagne").
  const int n = static_cast<int>(s.words.size());
  // A place right before, after a comma and its article alone, is an item
  // of an enumeration: "la Bourgogne-Franche-Comté, le Massif central, en
  // Auvergne-Rhône-Alpes".
  if (int v = comma - 1; v >= 0 && owner[v] >= 0) {
    for (const int m = owner[v]; v >= 0 && owner[v] == m; --v) {}
    if (v >= 0 && s.words[v].upos == "DET"sv) {
      for (; v >= 0 && s.words[v].upos == "DET"sv; --v) {}
      if (v >= 0 && s.words[v].form == ",") return true;
    }
  }
  int items = 0;
  for (int w = last + 1; w < n; ++items) {
    if (items >= 2) return true;
    const bool conj = s.words[w].upos == "CCONJ"sv;
    if (s.words[w].form != "," && !conj) return false;
    for (++w; w < n && s.words[w].upos == "ADV"sv; ++w) {}  // "et surtout en France"
    if (w < n && rules.within_prepositions.count(s.words[w].lemma) != 0) ++w;  // "ou (dans) le Minnesota"
    for (; w < n && s.words[w].upos == "DET"sv; ++w) {}
    if (w >= n) return false;
    if (owner[w] >= 0) {
      if (types[owner[w]] != EntityType::kLocation) return false;
      for (const int m = owner[w]; w < n && owner[w] == m; ++w) {}
    } else {
      if (!IsPlaceNoun(coref, s.words[w])) return false;
      for (++w; w < n && s.words[w].upos == "ADJ"sv; ++w) {}
    }
    if (conj) return true;
  }
  return items >= 2;
}

// Whether place word `ha` names what a place noun says it is ("le
// quartier populaire de Mcheireb": a place noun of the coreference table).
bool UnderPlaceNoun(const CorefLexicon& coref, const UdSentence& s, int ha) {
  // (or is that noun, the place standing where its naming noun does: "le
  // quartier populaire d'Aluche, à Madrid")
  if (IsPlaceNoun(coref, s.words[ha])) return true;
  const int parent = s.words[ha].head - 1;
  return parent >= 0 && s.words[ha].deprel == "nmod"sv && IsPlaceNoun(coref, s.words[parent]);
}

bool IsLowerInitial(const std::string& form) { return !form.empty() && form[0] >= 'a' && form[0] <= 'z'; }

// Place b (head word `h`) right after place a and a comma, with a
// preposition of a region: "Landivisiau, dans le Finistère", "de Glasgow,
// en Écosse" (not "de Marseille, à Paris"), or of being in when a place
// noun says what the first is ("le quartier de Mcheireb, à Doha").
Arc PlaceAfterComma(const PathRules& rules, const CorefLexicon& coref, const UdSentence& s,
                    const std::vector<TreeMention>& tm, const std::vector<EntityType>& types,
                    const std::vector<int>& owner, size_t b, int h, int comma) {
  const int a = comma > 0 ? owner[comma - 1] : -1;
  if (a < 0 || tm[a].entity == tm[b].entity || tm[a].last != comma - 1) return {};
  const int ha = SpanHead(s, tm[a].first, tm[a].last);
  // An institution named by its kind, then its region: "la gendarmerie de
  // Landivisiau, dans le Finistère" (nmod:in, read as situé_à).
  if (types[a] == EntityType::kOrg && s.words[ha].upos == "NOUN"sv && IsLowerInitial(s.words[ha].form) &&
      rules.region_prepositions.count(CaseOf(s, h)) != 0 && !Below(s, ha, h) &&
      !PlaceListed(rules, coref, s, types, owner, comma, tm[b].last)) {
    return {ha, "nmod:in"};
  }
  if (types[a] != EntityType::kLocation) return {};
  const std::string case_a = CaseOf(s, ha), case_b = CaseOf(s, h);
  const bool region = rules.region_prepositions.count(case_b) != 0 ||
                      (rules.within_prepositions.count(case_b) != 0 && UnderPlaceNoun(coref, s, ha));
  const bool in = region || rules.within_prepositions.count(case_b) != 0;
  if (in && PlaceListed(rules, coref, s, types, owner, comma, tm[b].last)) {
    // An item of a list the parser hung on the item before: "dans les
    // Pays de la Loire, en Picardie, dans les Alpes-Maritimes et…".
    return s.words[h].head == ha + 1 ? Arc{ha, "conj"} : Arc{};
  }
  if (!region || case_a == case_b || Below(s, ha, h)) return {};
  return {ha, "nmod"};
}

// Place b (head word `h`) right after a place named by a common noun, with
// a preposition of being in: "place de la Contrescarpe à Paris", "le
// stade de France à Saint-Denis", wherever the parser hung it.
Arc PlaceAfterStreet(const PathRules& rules, const UdSentence& s, const std::vector<TreeMention>& tm,
                     const std::vector<EntityType>& types, const std::vector<int>& owner, size_t b, int h) {
  int before = tm[b].first - 1;
  while (before >= 0 && s.words[before].head == h + 1 && s.words[before].upos != "PUNCT"sv) --before;
  const int a = before >= 0 ? owner[before] : -1;
  if (a < 0 || types[a] != EntityType::kLocation || tm[a].entity == tm[b].entity || tm[a].last != before) return {};
  const int ha = SpanHead(s, tm[a].first, tm[a].last);
  const std::string case_b = CaseOf(s, h);
  if (s.words[ha].upos != "NOUN"sv || !IsLowerInitial(s.words[ha].form) || rules.within_prepositions.count(case_b) == 0 ||
      case_b == CaseOf(s, ha) || Below(s, ha, h)) {
    return {};
  }
  return {ha, "nmod"};
}

// Whether `lemma` names a person by a role: a person head of the
// coreference table (maire, directeur, frère...) or a "role" row of the
// path table (acolyte, homologue...).
bool IsPersonRole(const PathRules& rules, const CorefLexicon& coref, const std::string& lemma) {
  auto head = coref.heads.find(lemma);
  return (head != coref.heads.end() && head->second.type == EntityType::kPerson) || rules.role_nouns.count(lemma) != 0;
}

// Person b (head word `h`) right after a comma that ends a role and its
// holder, the role's phrase not under a preposition unless a comma closes
// the person's name: "l'acolyte de Dorothée, François Corbier disparaît",
// "le directeur de Renault, Luca de Meo, a annoncé", "selon le procureur de
// Dijon, Eric Mathais, le suspect…" — wherever the parser hung the person
// (not "selon l'avocat de X, Y a déclaré": Y is the clause's subject; not a
// list of people after the comma). Roles: IsPersonRole.
Arc AfterRoleComma(const PathRules& rules, const CorefLexicon& coref, const UdSentence& s,
                   const std::vector<TreeMention>& tm, const std::vector<EntityType>& types,
                   const std::vector<int>& owner, size_t b, int h) {
  const int first = tm[b].first, n = static_cast<int>(s.words.size());
  if (types[b] != EntityType::kPerson || first < 2 || s.words[first - 1].form != ",") return {};
  const int a = owner[first - 2];
  if (a < 0 || tm[a].entity == tm[b].entity || tm[a].last != first - 2) return {};
  const int ha = SpanHead(s, tm[a].first, tm[a].last);
  const int role = RoleNounOf(s, ha);
  // Under a preposition, the person closes the role's phrase with a comma
  // ("selon la porte-parole du ministère, Sima Sadat Lari, 74 personnes…";
  // in "selon l'avocat de X, Y a déclaré" Y is the clause's subject).
  // (or the sentence's end: "en la personne du maire de Béziers, Robert Ménard.")
  const std::string after_name = tm[b].last + 1 < n ? s.words[tm[b].last + 1].form : ".";
  const bool closed = after_name == "," || after_name == "." || after_name == ";" || after_name == "!" ||
                      after_name == "?";
  if (role < 0 || role > tm[a].first || CaseOf(s, ha).empty() || (!CaseOf(s, role).empty() && !closed) ||
      !CaseOf(s, h).empty() || Below(s, role, h)) {
    return {};
  }
  if (!IsPersonRole(rules, coref, s.words[role].lemma)) return {};
  // Nor when the role already has its holder before it: "Richard Ferrand,
  // président de l'Assemblée nationale, Gérard Larcher, président du Sénat".
  const int holder = s.words[role].head - 1;
  if (s.words[role].deprel == "appos"sv && holder >= 0 && owner[holder] >= 0 &&
      types[owner[holder]] == EntityType::kPerson) {
    return {};
  }
  const int after = tm[b].last + 1;  // "Arié Alimi, William Bourdon et Vincent Brengarth"
  if (after + 1 < n && (s.words[after].form == "," || s.words[after].upos == "CCONJ"sv) && owner[after + 1] >= 0 &&
      types[owner[after + 1]] == EntityType::kPerson) {
    return {};
  }
  return {role, "appos"};
}

// A place right after another (or after it and a comma), with another
// preposition, both obliques of one verb: the place it is in ("à
// Lamballe, dans les Côtes d'Armor", "dans la rue des Banques à Doha";
// not "de Paris à Lyon"). After a comma and a preposition of being in,
// the place needs no verb: "la gendarmerie de Landivisiau, dans le
// Finistère", wherever the parser hung it.
Arc PlaceAfterPlace(const PathRules& rules, const CorefLexicon& coref, const UdSentence& s,
                    const std::vector<TreeMention>& tm, const std::vector<EntityType>& types,
                    const std::vector<int>& owner, size_t b, int h) {
  const UdWord& w = s.words[h];
  if (types[b] != EntityType::kLocation) return {};
  const int comma = CommaBefore(s, tm[b].first, h);
  if (comma >= 0) {
    if (Arc arc = PlaceAfterComma(rules, coref, s, tm, types, owner, b, h, comma); arc.parent >= 0) return arc;
  }
  if (w.deprel.compare(0, 3, "obl") != 0) return comma < 0 ? PlaceAfterStreet(rules, s, tm, types, owner, b, h) : Arc{};
  int before = comma - 1;  // the word before b's phrase
  if (comma < 0) {
    for (before = tm[b].first - 1; before >= 0 && s.words[before].head == h + 1;) --before;
  }
  const int a = before >= 0 ? owner[before] : -1;
  if (a < 0 || types[a] != EntityType::kLocation || tm[a].entity == tm[b].entity) return {};
  const int ha = SpanHead(s, tm[a].first, tm[a].last);
  const std::string case_a = CaseOf(s, ha), case_b = CaseOf(s, h);
  if (s.words[ha].head != w.head || s.words[ha].deprel.compare(0, 3, "obl") != 0 || case_a.empty() ||
      case_a == case_b || rules.from_prepositions.count(case_a) != 0 ||
      (comma < 0 && rules.within_prepositions.count(case_b) == 0) || case_b.empty() ||
      (comma >= 0 && PlaceListed(rules, coref, s, types, owner, comma, tm[b].last))) {  // "en Arménie, mais aussi à Paris"
    return {};
  }
  return {ha, "nmod"};
}

// "à Lescar, près de Pau", "à Cléry-Saint-André, au sud d'Orléans": a
// place said to be near another right after it. The phrase ("près de Pau")
// hangs on the first place as nmod:near; the word it turns on (près, sud)
// stays above the second.
bool NearPlace(const PathRules& rules, UdSentence* sentence, const std::vector<TreeMention>& tm,
               const std::vector<EntityType>& types, const std::vector<int>& owner, size_t b, int h) {
  UdSentence& s = *sentence;
  if (types[b] != EntityType::kLocation) return false;
  const int q = s.words[h].head - 1;
  int top = -1;  // the phrase's head: "près" above the place, or the place itself ("près" under it)
  if (q >= 0 && owner[q] < 0 && rules.near_words.count(s.words[q].lemma) != 0 &&
      rules.from_prepositions.count(CaseOf(s, h)) != 0) {
    top = q;
  }
  for (size_t w = 0; top < 0 && w < s.words.size(); ++w) {
    if (s.words[w].head == h + 1 && rules.near_words.count(s.words[w].lemma) != 0 && s.words[w].deprel == "advmod"sv) {
      top = h;
    }
  }
  if (top < 0) return false;
  int first = std::min(top, tm[b].first);
  while (first > 0 && Below(s, first - 1, top) && s.words[first - 1].upos != "PUNCT"sv) --first;
  if (first < 2 || s.words[first - 1].form != ",") return false;
  const int a = owner[first - 2];
  if (a < 0 || tm[a].entity == tm[b].entity ||
      (types[a] != EntityType::kLocation && types[a] != EntityType::kOrg)) {
    return false;
  }
  const int ha = SpanHead(s, tm[a].first, tm[a].last);
  if (Below(s, ha, top)) return false;
  // Not an item of a list of places: "le Limousin, l'ouest de l'Aquitaine et
  // le sud du Massif central" (an apposition the parser drew is a conj).
  const int after = tm[b].last + 1;
  if (after < static_cast<int>(s.words.size()) && s.words[after].upos == "CCONJ"sv) {
    if (s.words[top].head == ha + 1 && s.words[top].deprel == "appos"sv) s.words[top].deprel = "conj";
    return false;
  }
  // "dans le nord de l'Allemagne" is inside it: the place itself hangs on
  // the first (nmod:in, read as situé_à), the word it turns on under it.
  if (top != h && rules.within_prepositions.count(CaseOf(s, top)) != 0 && CaseOf(s, top) != "à") {
    s.words[h].head = ha + 1;
    s.words[h].deprel = "nmod:in";
    s.words[top].head = h + 1;
    s.words[top].deprel = "nmod";
    return true;
  }
  s.words[top].head = ha + 1;
  s.words[top].deprel = "nmod:near";
  return true;
}

// A title right before a name that the parser made the name's head ("à
// M. Solère": M. over Solère, as the French treebanks do) goes under it,
// and the name takes the title's place: the title is never the word a
// relation is read from.
void NameAboveTitle(const PathRules& rules, UdSentence* sentence, const TreeMention& m) {
  UdSentence& s = *sentence;
  const int t = m.first - 1;
  if (t < 0 || rules.titles.count(ToLower(s.words[t].form)) == 0) return;
  const int h = SpanHead(s, m.first, m.last);
  if (s.words[h].head != t + 1) return;
  for (UdWord& w : s.words) {
    if (w.head == t + 1) w.head = h + 1;
  }
  s.words[h].head = s.words[t].head;
  s.words[h].deprel = s.words[t].deprel;
  s.words[t].head = h + 1;
  s.words[t].deprel = "nmod:title";
}

// The head word of place a when place b (head word `h`) closes a range
// opened by it, right before: "de Lyon à Strasbourg" (two places side by
// side); else -1.
int RangeStart(const PathRules& rules, const UdSentence& s, const std::vector<TreeMention>& tm,
               const std::vector<EntityType>& types, const std::vector<int>& owner, size_t b, int h) {
  if (types[b] != EntityType::kLocation || CaseOf(s, h) != "à") return -1;
  int before = tm[b].first - 1;
  while (before >= 0 && s.words[before].head == h + 1 && s.words[before].upos != "PUNCT"sv) --before;
  const int a = before >= 0 ? owner[before] : -1;
  if (a < 0 || types[a] != EntityType::kLocation || tm[a].entity == tm[b].entity) return -1;
  const int ha = SpanHead(s, tm[a].first, tm[a].last);
  // (Not a noun's complement: "le camp de Moria à Lesbos", "l'ambassadeur
  // des États-Unis à Londres".)
  if (s.words[ha].deprel.compare(0, 4, "nmod") == 0) return -1;
  return rules.from_prepositions.count(CaseOf(s, ha)) != 0 && !Below(s, ha, h) ? ha : -1;
}

// Place b (head word `h`) named in a relative clause opened by "où" right
// after place a and a comma: "à Paris, où une partie des Champs-Elysées a
// été saccagée" (b is in a, wherever the parser hung the clause). Between b
// and the clause's verb, only a part or a kind of place ("à Paris, où il a
// vu le maire de Lyon" puts Lyon nowhere). Returns a's head word, or -1.
int PlaceInWhereClause(const CorefLexicon& coref, const UdSentence& s,
                       const std::vector<TreeMention>& tm, const std::vector<EntityType>& types,
                       const std::vector<int>& owner, size_t b, int h) {
  if (types[b] != EntityType::kLocation) return -1;
  int verb = s.words[h].head - 1;
  for (int steps = 0; verb >= 0 && s.words[verb].upos != "VERB"sv && steps < 3; ++steps) {
    // Only a part or a kind of place between: "une partie des Champs-Elysées",
    // "le quartier de X" (not "le parlement du Minnesota", "la crue de l'Aude").
    const UdWord& x = s.words[verb];
    if (!IsPlaceNoun(coref, x) && !(x.upos == "NOUN"sv && x.lemma == "partie"sv)) return -1;
    verb = s.words[verb].head - 1;
  }
  if (verb < 0 || s.words[verb].upos != "VERB"sv) return -1;
  for (int o = 2; o < tm[b].first; ++o) {
    if (s.words[o].head != verb + 1 || ToLower(s.words[o].form) != "où" || s.words[o - 1].form != ",") continue;
    const int a = owner[o - 2];
    if (a < 0 || types[a] != EntityType::kLocation || tm[a].entity == tm[b].entity) return -1;
    return SpanHead(s, tm[a].first, tm[a].last);
  }
  return -1;
}

// A person named right after an organisation that is a verb's complement
// is the verb's inverted subject, not the organisation's: "a déclaré à
// l'AFP Joanna Ugniewska, directrice de l'Institut Pasteur", "a affirmé sur
// BFMTV Jean-François Delfraissy, président du Conseil scientifique". The
// person hangs on the verb as nsubj, and the role after it that the parser
// hung on the organisation goes to the person.
void SubjectAfterComplement(UdSentence* sentence, const std::vector<TreeMention>& tm,
                            const std::vector<EntityType>& types, const std::vector<int>& owner, size_t b) {
  UdSentence& s = *sentence;
  if (types[b] != EntityType::kPerson || tm[b].first == 0) return;
  const int a = owner[tm[b].first - 1];
  if (a < 0 || types[a] != EntityType::kOrg || tm[a].entity == tm[b].entity) return;
  const int ha = SpanHead(s, tm[a].first, tm[a].last), h = SpanHead(s, tm[b].first, tm[b].last);
  const int verb = s.words[ha].head - 1;
  if (s.words[h].head != ha + 1 || !CaseOf(s, h).empty() || CaseOf(s, ha).empty() || verb < 0 ||
      s.words[verb].upos != "VERB"sv || s.words[ha].deprel.compare(0, 3, "obl") != 0 || HasChild(s, verb, "nsubj")) {
    return;
  }
  s.words[h].head = verb + 1;
  s.words[h].deprel = "nsubj";
  // (and the complement right after the person: "Martin Millett de
  // l'Université de Cambridge")
  for (int x = tm[b].last + 1; x < static_cast<int>(s.words.size()); ++x) {
    if (s.words[x].head != ha + 1) continue;
    int first = x;
    while (first > 0 && s.words[first - 1].head == x + 1) --first;
    if (s.words[x].deprel == "appos"sv || (s.words[x].deprel == "nmod"sv && first == tm[b].last + 1)) {
      s.words[x].head = h + 1;
    }
  }
}

// A person's role right after the person's name and a comma, which the
// parser coordinated with something else instead ("lance Ian Brossat,
// l'adjoint (PCF) d'Anne Hidalgo": adjoint a conj of the verb): the role
// hangs on the name as its apposition. Only a conj with no conjunction of
// its own, a singular article or none before it ("X, l'adjoint de Y";
// not "X, les maires de Y", not "X et le maire").
void RoleAfterName(const PathRules& rules, const CorefLexicon& coref, UdSentence* sentence, const TreeMention& m,
                   EntityType type) {
  UdSentence& s = *sentence;
  const int n = static_cast<int>(s.words.size());
  int r = m.last + 1;
  if (type != EntityType::kPerson || r + 1 >= n || s.words[r].form != ",") return;
  ++r;
  if (s.words[r].upos == "DET"sv) {
    const std::string l = ToLower(s.words[r].form);
    if (l != "le" && l != "la" && l != "l'" && l != "l’") return;
    ++r;
  }
  if (r >= n || s.words[r].upos != "NOUN"sv || s.words[r].deprel != "conj"sv || HasChild(s, r, "cc") ||
      !IsPersonRole(rules, coref, s.words[r].lemma)) {
    return;
  }
  // Not a role introducing the next name: "au ministre de l'Intérieur,
  // Christophe Castaner, la maire PS de Paris, Anne Hidalgo, a demandé".
  int k = r + 1;
  while (k < n && s.words[k].form != "," && s.words[k].upos != "VERB"sv) ++k;
  if (k + 1 < n && s.words[k].form == "," && s.words[k + 1].upos == "PROPN"sv) return;
  const int h = SpanHead(s, m.first, m.last);
  if (Below(s, h, r)) return;
  s.words[r].head = h + 1;
  s.words[r].deprel = "appos";
}

// An organisation named right after a person's role, without a preposition
// (in parentheses or not), is the party or body of the role's holder: "le
// maire LR de Nice", "la maire PS de Paris Anne Hidalgo", "le maire (LREM)
// de Besançon", "conseiller régional LR d'Île-de-France", "secrétaire FO du
// groupe". It hangs on the role as nmod:party, and the complement after
// it, which the parser often hangs on the organisation ("LR de Nice"),
// goes back to the role: the place is the mayor's, not the party's.
void PartyOfRole(const PathRules& rules, const CorefLexicon& coref, UdSentence* sentence, const TreeMention& m,
                 EntityType type) {
  UdSentence& s = *sentence;
  const int n = static_cast<int>(s.words.size());
  const bool paren = m.first > 0 && s.words[m.first - 1].form == "(";
  if (paren && (m.last + 1 >= n || s.words[m.last + 1].form != ")")) return;
  int role = m.first - (paren ? 2 : 1);
  if (type != EntityType::kOrg || role < 0) return;
  // "le député ex-LREM Joachim Son-Forget": a former party.
  int ex = -1;
  if (!paren && role > 0 && ToLower(s.words[role].form) == "ex-") ex = role--;
  // An adjective of the role between: "conseiller régional LR".
  if (s.words[role].upos == "ADJ"sv && role > 0 && s.words[role].head == role) --role;
  const int h = SpanHead(s, m.first, m.last);
  // (A role after a copula may be tagged a verb: "il était conseiller régional LR".)
  const bool noun = s.words[role].upos == "NOUN"sv || (s.words[role].upos == "VERB"sv && HasChild(s, role, "cop"));
  if (!noun || !IsPersonRole(rules, coref, s.words[role].lemma) || !CaseOf(s, h).empty() || Below(s, role, h)) {
    return;
  }
  // Not after a possessive (kg build tags no features but verbs'): "son
  // épouse Meghan", "son frère Bagui" name the person, whatever type a
  // lone name was given.
  for (int w = std::max(0, role - 2); w < role; ++w) {
    const std::string& l = s.words[w].lemma;
    if (s.words[w].head == role + 1 && (l == "son" || l == "leur" || l == "mon" || l == "notre")) return;
  }
  s.words[h].head = role + 1;
  s.words[h].deprel = "nmod:party";
  if (ex >= 0) {  // "ex-" qualifies the party, whatever the parser made of it
    s.words[ex].head = h + 1;
    s.words[ex].deprel = "amod";
  }
  // A name the parser hung on the party (or on its "ex-") is the role's
  // holder: "l'ex-député Les Républicains Thierry Solère".
  for (int x = m.last + 1; x < n; ++x) {
    UdWord& w = s.words[x];
    const bool bare = w.deprel == "appos"sv || w.deprel == "flat:name"sv || (w.deprel == "nmod"sv && CaseOf(s, x).empty());
    if ((w.head == h + 1 || (ex >= 0 && w.head == ex + 1)) && w.upos == "PROPN"sv && bare && !InParentheses(s, x)) {
      w.head = role + 1;
      w.deprel = "appos";
    }
  }
  const int after = m.last + (paren ? 2 : 1);
  if (after >= n || s.words[after].deprel != "case"sv || s.words[after].lemma != "de"sv) return;
  const int complement = s.words[after].head - 1;
  if (complement < 0 || complement == h || !Below(s, complement, h)) return;
  s.words[complement].head = role + 1;
  s.words[complement].deprel = "nmod";
}

// The role ("procureur") whose "de la République" the name at head word
// `h` completes ("le procureur de la République de Paris"), or -1.
int ProsecutorOverRepublic(const UdSentence& s, int h) {
  const int republic = s.words[h].head - 1;
  if (republic < 0 || s.words[republic].lemma != "république"sv || s.words[h].deprel.compare(0, 4, "nmod") != 0) return -1;
  const int role = s.words[republic].head - 1;
  if (role < 0 || s.words[republic].deprel.compare(0, 4, "nmod") != 0) return -1;
  return InWordClass(WordClass::kProsecutor, s.words[role].lemma) ? role : -1;
}

// A place (its head word `h`) with a preposition of being in ("within"
// rows: à, dans), under a time noun that is itself a verb's oblique
// ("au printemps à New York", "mardi soir à Paris"): moved under that
// verb, as its oblique. True when moved.
bool PlaceUnderTime(const PathRules& rules, UdSentence* sentence, int h) {
  UdSentence& s = *sentence;
  const int time = s.words[h].head - 1;
  if (time < 0 || s.words[h].deprel != "nmod"sv || rules.within_prepositions.count(CaseOf(s, h)) == 0) return false;
  const UdWord& t = s.words[time];
  if (rules.time_nouns.count(t.lemma) == 0 || !t.deprel.starts_with("obl") || t.head <= 0) return false;
  s.words[h].head = t.head;
  s.words[h].deprel = "obl:mod";
  return true;
}

}  // namespace

void RepairNameArcs(const PathRules& rules, const CorefLexicon& coref, UdSentence* sentence,
                    const std::vector<TreeMention>& named, const std::vector<EntityType>& types) {
  UdSentence& s = *sentence;
  for (size_t b = 0; b < named.size(); ++b) GatherName(&s, named[b], SpanHead(s, named[b].first, named[b].last));
  for (size_t b = 0; b < named.size(); ++b) NameAboveTitle(rules, &s, named[b]);
  // A place named by its kind's noun stands where the noun does: "dans le
  // département de La Libertad" is read as "dans La Libertad".
  std::vector<TreeMention> tm = named;
  for (size_t b = 0; b < tm.size(); ++b) {
    const int noun = NamingNoun(s, tm[b].first, SpanHead(s, tm[b].first, tm[b].last), coref);
    if (noun >= 0 && types[b] == EntityType::kLocation) tm[b].first = noun;
  }
  std::vector<int> owner(s.words.size(), -1);
  for (size_t m = 0; m < tm.size(); ++m) {
    for (int w = tm[m].first; w <= tm[m].last; ++w) owner[w] = static_cast<int>(m);
  }
  for (size_t b = 0; b < tm.size(); ++b) SubjectAfterComplement(&s, tm, types, owner, b);
  for (size_t b = 0; b < tm.size(); ++b) RoleAfterName(rules, coref, &s, tm[b], types[b]);
  for (size_t b = 0; b < tm.size(); ++b) PartyOfRole(rules, coref, &s, tm[b], types[b]);
  for (size_t b = 0; b < tm.size(); ++b) {
    const int h = SpanHead(s, tm[b].first, tm[b].last);
    if (NearPlace(rules, &s, tm, types, owner, b, h)) continue;
    const int p = s.words[h].head - 1;
    const int a = p < 0 ? -1 : owner[p];
    if (a >= 0 && tm[a].entity == tm[b].entity) continue;  // inside its own name
    // "à Paris, où une partie des Champs-Elysées…": in the place before.
    if (const int where = PlaceInWhereClause(coref, s, tm, types, owner, b, h); where >= 0) {
      s.words[h].head = where + 1;
      s.words[h].deprel = "nmod:within";
      continue;
    }
    // "de Lyon à Strasbourg": a range, two places side by side.
    if (const int from = RangeStart(rules, s, tm, types, owner, b, h); from >= 0) {
      s.words[h].head = from + 1;
      s.words[h].deprel = "conj";
      continue;
    }
    // "le procureur de la République de Paris": the town is the role's.
    if (const int role = ProsecutorOverRepublic(s, h); role >= 0) {
      s.words[h].head = role + 1;
      continue;
    }
    // "condamné au printemps à New York": the place is the verb's.
    if (a < 0 && types[b] == EntityType::kLocation && PlaceUnderTime(rules, &s, h)) continue;
    Arc arc;
    if (a >= 0) {
      const int comma = types[b] == EntityType::kLocation ? CommaBefore(s, tm[b].first, h) : -1;
      const bool listed = comma >= 0 && PlaceListed(rules, coref, s, types, owner, comma, tm[b].last);
      arc = AcrossNames(s, tm[a], tm[b], h, types[b], rules.region_prepositions, listed);
    }
    if (arc.parent < 0) arc = PlaceAfterPlace(rules, coref, s, tm, types, owner, b, h);
    if (arc.parent < 0) arc = AfterRoleComma(rules, coref, s, tm, types, owner, b, h);
    if (arc.parent < 0 || Below(s, arc.parent, h)) continue;
    s.words[h].head = arc.parent + 1;
    s.words[h].deprel = arc.deprel;
  }
}

namespace {

// A "place" row's label, or its noun with a preposition of being in
// ("within" and "region" rows): "ville_de", "ville_en" ("la ville de Carmel
// en Californie", the noun standing for Carmel); not "pays_comme".
bool PlaceLabel(const PathRules& rules, const std::string& label) {
  if (rules.place_labels.count(label) != 0) return true;
  const size_t cut = label.rfind('_');
  if (cut == std::string::npos) return false;
  const std::string c = label.substr(cut + 1);
  return (rules.within_prepositions.count(c) != 0 || rules.region_prepositions.count(c) != 0) &&
         rules.place_labels.count(label.substr(0, cut) + "_de") != 0;
}

// The phrase of a "vague-case" preposition word `w` is in ("selon le
// directeur de l'OMS"): its head word, or -1.
int SourcePhrase(const PathRules& rules, const UdSentence& s, const std::vector<std::string_view>& cases, int w) {
  for (size_t steps = 0; w >= 0 && steps <= s.words.size(); ++steps, w = s.words[w].head - 1) {
    if (rules.vague_cases.count(cases[w]) != 0) return w;
  }
  return -1;
}

// The time phrase above a mention's head ("depuis l'arrivée de Donald
// Trump": a "time-case" preposition on a noun the name completes), or -1.
// (The mention's own preposition is not one: "depuis Paris" is a place.)
int TimePhrase(const PathRules& rules, const UdSentence& s, const std::vector<std::string_view>& cases, int head) {
  int w = s.words[head].head - 1;
  for (size_t steps = 0; w >= 0 && steps <= s.words.size(); ++steps, w = s.words[w].head - 1) {
    if (s.words[w].upos == "NOUN"sv && rules.time_cases.count(cases[w]) != 0) return w;
  }
  return -1;
}

}  // namespace

bool MatchPath(const PathRules& rules, const UdSentence& s, const TreeMention& a, const TreeMention& b,
               EntityType a_type, EntityType b_type, PathMatch* match, const std::vector<std::string_view>* word_cases) {
  std::vector<std::string_view> own_cases;
  if (word_cases == nullptr) own_cases = CasesOf(s);
  const std::vector<std::string_view>& cases = word_cases != nullptr ? *word_cases : own_cases;
  // "Selon Le Parisien, la RATP a dû…": a source relates to nothing outside
  // its phrase ("selon le directeur de l'OMS, X" keeps X's role); nor does
  // a name in a phrase of time ("Washington a renforcé son embargo depuis
  // l'arrivée de Donald Trump").
  if (SourcePhrase(rules, s, cases, a.head) != SourcePhrase(rules, s, cases, b.head)) return false;
  // (A phrase of time on a mention's own word is not one for the other:
  // "depuis l'hôpital de Broadmoor (sud de l'Angleterre)".)
  auto own = [](int w, const TreeMention& m) { return w >= m.first && w <= m.last; };
  const int time_a = TimePhrase(rules, s, cases, a.head), time_b = TimePhrase(rules, s, cases, b.head);
  if (time_a != time_b && !own(time_a, b) && !own(time_b, a)) return false;
  std::vector<int> up_a = Ancestors(s, a.head), up_b = Ancestors(s, b.head);
  // The lowest common ancestor, and each side's words below it.
  int lca = -1;
  size_t ia = 0, ib = 0;
  for (ia = 0; ia < up_a.size() && lca < 0; ++ia) {
    auto it = std::find(up_b.begin(), up_b.end(), up_a[ia]);
    if (it != up_b.end()) {
      lca = up_a[ia];
      ib = static_cast<size_t>(it - up_b.begin());
    }
  }
  if (lca < 0) return false;
  --ia;
  // A mention is met where the other's path reaches one of its words: its
  // name when it stands on a noun before it ("le village de Chaleins
  // (Ain)"), a word inside a long name ("le tribunal de grande instance de
  // Nanterre (Hauts-de-Seine)").
  auto reaches = [](const std::vector<int>& up, const TreeMention& m) {
    size_t i = 0;
    while (i < up.size() && (up[i] < m.first || up[i] > m.last)) ++i;
    return i;
  };
  // (A name in parentheses met so must follow the other's words: "Cambridge
  // (Grande-Bretagne) et de Gand (Belgique)" puts Belgium with Gand,
  // wherever the parser hung it.)
  auto beside = [&](const TreeMention& near, const TreeMention& far) {
    const int before = BeforeParenthesis(s, far.head);
    return before < 0 || (before >= near.first && before <= near.last) || s.words[before].upos != "PROPN"sv;
  };
  if (const size_t i = reaches(up_b, a); i < ib) {
    if (!beside(a, b)) return false;
    lca = up_b[i];
    ib = i;
    ia = 0;
  } else if (const size_t j = reaches(up_a, b); j < ia) {
    if (!beside(b, a)) return false;
    lca = up_a[j];
    ia = j;
    ib = 0;
  }
  // A path through the other mention's own words is not a path between them.
  std::vector<const UdWord*> side_a, side_b;
  for (size_t i = 0; i < ia; ++i) side_a.push_back(&s.words[up_a[i]]);
  for (size_t i = 0; i < ib; ++i) side_b.push_back(&s.words[up_b[i]]);
  const UdWord& top = s.words[lca];
  for (const PathRule& r : rules.rules) {
    if (r.side_a.size() != side_a.size() || r.side_b.size() != side_b.size()) continue;
    if (!(r.a_types >> static_cast<int>(a_type) & 1) || !(r.b_types >> static_cast<int>(b_type) & 1)) continue;
    if (r.ancestor != "*" && r.ancestor != top.upos) continue;
    if (!SideMatches(r.side_a, s, side_a) || !SideMatches(r.side_b, s, side_b)) continue;
    if (Negated(rules, s, lca)) return false;
    // A word of either name is no label ("o1_de"); a description's own noun
    // is ("la maire de Paris" -> maire_de).
    auto inside = [](int w, const TreeMention& m) { return !m.via && w >= m.first && w <= m.last; };
    // Nor is a name the mentions do not cover ("Thierry_dans"), a number or
    // a symbol, whatever its tag ("%" tagged NOUN).
    auto outside = [&](int w) {
      const std::string& u = s.words[w].upos;
      return !inside(w, a) && !inside(w, b) && u != "PROPN" && u != "NUM" && u != "PUNCT" && u != "SYM" && u != "X" &&
             HasLetter(s.words[w].lemma);
    };
    std::map<std::string, std::string> values;
    if (outside(lca)) values["lca"] = top.lemma;
    if (ia >= 2 && outside(up_a[1])) values["a1"] = s.words[up_a[1]].lemma;
    if (ib >= 2 && outside(up_b[1])) values["b1"] = s.words[up_b[1]].lemma;
    // The preposition of the mention's own head word ("une habitante de
    // Seignelay" -> habitante_de), as the tables say.
    if (ia >= 1) values["acase"] = cases[up_a[0]];
    if (ib >= 1) values["bcase"] = cases[up_b[0]];
    bool ok = true;
    std::string label = Fill(r.label, values, &ok);
    if (!ok || rules.vague.count(label) != 0) continue;
    // "X, la capitale de Y" names X a place.
    if (rules.NamesPlace(label) && (r.reverse ? b_type : a_type) != EntityType::kLocation) continue;
    if (PlaceLabel(rules, label) && a_type == EntityType::kLocation && b_type == EntityType::kLocation &&
        !rules.in_label.empty()) {
      label = rules.in_label;
    }
    match->label = std::move(label);
    match->reverse = r.reverse;
    match->lca = lca;
    return true;
  }
  return false;
}

bool MatchEitherWay(const PathRules& rules, const UdSentence& s, const TreeMention& a, const TreeMention& b,
                    EntityType a_type, EntityType b_type, PathMatch* match, const std::vector<std::string_view>* cases) {
  std::vector<std::string_view> own_cases;
  if (cases == nullptr) {
    own_cases = CasesOf(s);
    cases = &own_cases;
  }
  if (MatchPath(rules, s, a, b, a_type, b_type, match, cases)) return true;
  if (!MatchPath(rules, s, b, a, b_type, a_type, match, cases)) return false;
  match->reverse = !match->reverse;
  return true;
}

}  // namespace kg

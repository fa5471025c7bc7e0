// Entity resolution: a document's name candidates, found sentence by
// sentence by the scanner (CandidateScanner, candidate_scanner.cc), become its entities — acronyms
// defined in parentheses join their long forms, weak candidates need a
// strong one elsewhere, one name or gazetteer entry is one entity, short
// forms join their longer names, and each entity gets one type
// (DecideType) and one label.
#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "candidate.h"
#include "kg/base/flat_map.h"
#include "kg/base/text.h"
#include "word_classes.h"

namespace kg::recognition {
namespace {

// A short form whose own mentions clearly say another kind of thing than the
// longer name it would join ("à Washington", a city, beside George
// Washington): its type votes put another type first, three times ahead of
// the longer name's type, on strong evidence (a gazetteer and context).
// With `voted_only`, a longer name without any vote is of no kind yet
// ("Suu Kyi" said and told, "Aung San Suu Kyi" nothing).
bool OtherKind(const std::vector<Candidate>& cands, const std::vector<size_t>& short_form,
               const std::vector<size_t>& longer, bool voted_only = false) {
  std::array<float, kEntityTypeCount> s{}, l{};
  for (size_t m : short_form) for (int t = 0; t < kEntityTypeCount; ++t) s[t] += cands[m].votes[t];
  for (size_t m : longer) for (int t = 0; t < kEntityTypeCount; ++t) l[t] += cands[m].votes[t];
  const int st = static_cast<int>(DecideType(s)), lt = static_cast<int>(DecideType(l));
  if (voted_only && *std::max_element(l.begin(), l.end()) <= 0) return false;
  return st != lt && s[st] >= 10 && s[st] >= 3 * s[lt];
}

size_t WordCount(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (size_t i = 0; i < s.size();) {
    size_t len;
    char32_t c = DecodeUtf8(s, i, &len);
    i += len;
    bool sp = IsSpace(c);
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// A one-word name a gazetteer knows (`short_form`) read as the surname of the
// person named by `longer`: the longer name's votes say PERSON, and the
// short form's own words give its gazetteer type little beyond the
// gazetteer's own vote (no "à", "in" before it).
bool SurnameOfPersonHere(const Lexicon& lex, const std::vector<Candidate>& cands,
                         const std::vector<size_t>& short_form, const std::vector<size_t>& longer) {
  std::array<float, kEntityTypeCount> l{};
  for (size_t m : longer) {
    for (int t = 0; t < kEntityTypeCount; ++t) l[t] += cands[m].votes[t];
    // "Jean de France", "Charlène de Monaco": a place after a particle is no surname.
    const std::string& s = cands[m].surface;
    size_t sp = s.rfind(' ');
    if (sp != std::string::npos && sp >= 3) {
      std::string_view before(s.data(), sp);
      if (before.ends_with(" de") || before.ends_with(" du") || before.ends_with(" des") || before.ends_with(" of")) {
        return false;
      }
    }
  }
  const float person = l[static_cast<int>(EntityType::kPerson)];
  if (person <= 0 || *std::max_element(l.begin(), l.end()) > person) return false;
  float context = 0;
  for (size_t m : short_form) {
    const Candidate& c = cands[m];
    if (c.gazetteer < 0) continue;
    // Only a place: a company named after its founder is the company
    // ("Ferrari" beside Paola Ferrari, "Porsche" beside Ferdinand Porsche).
    if (lex.entry(c.gazetteer).type != EntityType::kLocation) return false;
    context += c.votes[static_cast<int>(EntityType::kLocation)] - kGazetteerVote;
  }
  return context < 1;  // "à", "in" before it give more
}

// Forgets a candidate's gazetteer entry and the vote it gave.
void DropGazetteer(const Lexicon& lex, Candidate* c) {
  if (c->gazetteer < 0) return;
  c->votes[static_cast<int>(lex.entry(c->gazetteer).type)] -= kGazetteerVote;
  c->gazetteer = -1;
}

// "LA", "AFP", "CGT": two to five capitals, nothing else.
bool IsAcronym(std::string_view s) {
  return s.size() >= 2 && s.size() <= 5 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// "GT", "V8", "RS": a digit, or two or three capitals.
bool IsModelCode(std::string_view s) {
  if (std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
  return s.size() <= 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// A word in capitals: no lower-case letter, at least two letters.
bool IsUpperWord(std::string_view s) {
  if (s.size() < 2 || ToLower(s) == s) return false;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    if (IsLower(DecodeUtf8(s, i, &len))) return false;
    i += len;
  }
  return true;
}

// True when the letters of `part` appear in `whole` in the same order.
bool IsSubsequence(std::string_view part, std::string_view whole) {
  size_t at = 0;
  for (char c : part) {
    at = whole.find(c, at);
    if (at == std::string_view::npos) return false;
    ++at;
  }
  return true;
}

struct UnionFind {
  std::vector<int> p;
  explicit UnionFind(size_t n) : p(n) { std::iota(p.begin(), p.end(), 0); }
  int Find(int x) { return p[x] == x ? x : p[x] = Find(p[x]); }
  void Join(int a, int b) {
    a = Find(a);
    b = Find(b);
    if (a != b) p[std::max(a, b)] = std::min(a, b);
  }
};

// A company's name without its legal form joins it: "Johnson Controls" and
// "Johnson Controls Inc", "Jones Medical" and "Jones Medical Industries Inc"
// — when exactly one longer name in the document reads so. A one-word short
// form that reads as a person stays apart ("Johnson" beside "Johnson Co").
void JoinCompanyShortForms(std::string_view text, const std::vector<SentenceTokens>& sentences, const Lexicon& lex,
                           const std::vector<Candidate>& cands, UnionFind* uf) {
  FlatStringMap<int> owner;  // the name without its forms -> the longer name's root (-1: several)
  FlatStringSet bare_words_one;
  for (size_t i = 0; i < cands.size(); ++i) {
    const Candidate& c = cands[i];
    const auto& toks = sentences[c.sentence].tokens;
    uint32_t k = c.last;
    while (k > c.first && lex.IsCompanyForm(toks[k].Text(text))) --k;
    if (k == c.last) continue;
    if (k == c.first) bare_words_one.Insert(MergeKey(toks[k].Text(text)));
    std::string bare = MergeKey(text.substr(toks[c.first].start, toks[k].end - toks[c.first].start));
    int root = uf->Find(static_cast<int>(i));
    auto [at, added] = owner.Emplace(bare, root);
    if (!added && *at != root) *at = -1;
  }
  for (size_t i = 0; i < cands.size(); ++i) {
    const int* root = owner.Find(cands[i].key);
    if (root == nullptr || *root < 0) continue;
    const auto& v = cands[i].votes;
    bool person = std::max_element(v.begin(), v.end()) - v.begin() == static_cast<int>(EntityType::kPerson) &&
                  v[static_cast<int>(EntityType::kPerson)] > 0;
    if (person && bare_words_one.Contains(cands[i].key)) continue;
    uf->Join(*root, static_cast<int>(i));
  }
}

// What every stage reads: the document and the lexicons.
struct Doc {
  std::string_view text;
  const std::vector<SentenceTokens>& sentences;
  const Lexicon& lex;
  Morphology& morph;
};

// A name of two words or more whose first is a first name ("Brian Henninger").
bool StartsWithFirstName(const Doc& d, const Candidate& c) {
  std::string first(d.sentences[c.sentence].tokens[c.first].Text(d.text));
  return d.morph.Lookup(first).first_name || d.lex.IsFirstName(first);
}

// Lists of names are of one kind: in a list of three names or more
// ("à Cayenne, Kourou, Macouria, Montsinéry"), a name no gazetteer knows
// (nor its first name) gets a vote for the type that at least two known
// names of the list share (and more than share any other); a name that
// starts with a first name counts as a known person.
void VoteListKinds(const Doc& d, std::vector<Candidate>& cands) {
  auto joined = [&](const Candidate& a, const Candidate& b) {
    if (a.sentence != b.sentence || b.first <= a.last + 1 || b.first > a.last + 3) return false;
    const auto& toks = d.sentences[a.sentence].tokens;
    for (uint32_t k = a.last + 1; k < b.first; ++k) {
      if (!IsListJoiner(ToLower(toks[k].Text(d.text)))) return false;
    }
    return true;
  };
  for (size_t i = 0; i < cands.size();) {
    size_t j = i + 1;
    while (j < cands.size() && joined(cands[j - 1], cands[j])) ++j;
    if (j - i >= 3) {
      std::array<int, kEntityTypeCount> known{};
      std::vector<bool> unknown(j - i);
      for (size_t k = i; k < j; ++k) {
        if (cands[k].gazetteer >= 0) {
          ++known[static_cast<int>(d.lex.entry(cands[k].gazetteer).type)];
        } else if (cands[k].last > cands[k].first && StartsWithFirstName(d, cands[k])) {
          ++known[static_cast<int>(EntityType::kPerson)];  // "Mike Hulbert, Brian Henninger, Tiger Woods"
        } else {
          unknown[k - i] = true;
        }
      }
      const int top = static_cast<int>(std::max_element(known.begin(), known.end()) - known.begin());
      const bool shared = known[top] >= 2 && std::count(known.begin(), known.end(), known[top]) == 1;
      for (size_t k = i; k < j && shared; ++k) {
        if (unknown[k - i]) Vote(&cands[k], static_cast<EntityType>(top), 3);
      }
    }
    i = j;
  }
}

// Acronyms defined in parentheses, "Mobile World Live (MWL)": the long form
// is a name even if made of common words, and the acronym joins it. Returns
// the (long form, acronym) pairs, both made strong.
std::vector<std::pair<size_t, size_t>> DefinedAcronyms(const Doc& d, std::vector<Candidate>& cands) {
  std::vector<std::pair<size_t, size_t>> acronyms;
  for (size_t i = 0; i + 1 < cands.size(); ++i) {
    const Candidate& a = cands[i];
    const Candidate& b = cands[i + 1];
    if (a.sentence != b.sentence || b.first != a.last + 2 || b.first != b.last || a.first == a.last) continue;
    const auto& toks = d.sentences[a.sentence].tokens;
    if (toks[a.last + 1].Text(d.text) != "(" || b.last + 1 >= toks.size() || toks[b.last + 1].Text(d.text) != ")") continue;
    if (!toks[b.first].all_caps) continue;
    // Accept when the acronym's letters are initials of the words, in order,
    // starting with the first, and the capitalised words' initials in it
    // but for one at most ("Parti socialiste (PS)", "Agence France-Presse
    // (AFP)", "l'Institut hospitalo-universitaire de Marseille (IHU)"; not
    // "Laure Darcos (LR)", a person and her party, nor "une proposition de
    // loi du sénateur des Bouches-du-Rhône Bruno Gilles (LR)"). A long form
    // opening in lower case opens with an organisation's head ("ministère").
    std::string initials, capitals;
    for (uint32_t k = a.first; k <= a.last; ++k) {
      if (toks[k].kind != TokenKind::kWord) continue;
      std::string_view word = toks[k].Text(d.text);
      for (size_t from = 0; from != std::string_view::npos && from < word.size();) {
        size_t dash = word.find('-', from);
        std::string_view part = word.substr(from, dash == std::string_view::npos ? dash : dash - from);
        std::string key = MergeKey(part);
        size_t len = 1;
        if (!key.empty()) initials.push_back(key[0]);
        if (!key.empty() && IsUpper(DecodeUtf8(part, 0, &len))) capitals.push_back(key[0]);
        from = dash == std::string_view::npos ? dash : dash + 1;
      }
    }
    const std::string& acro = b.key;
    const auto left_out = std::count_if(capitals.begin(), capitals.end(),
                                         [&](char c) { return acro.find(c) == std::string::npos; });
    const bool opens = toks[a.first].upper_initial || d.lex.IsOrgHead(ToLower(toks[a.first].Text(d.text)));
    if (!acro.empty() && !initials.empty() && acro[0] == initials[0] && IsSubsequence(acro, initials) &&
        left_out <= 1 && opens) {
      cands[i].weak = false;
      cands[i + 1].weak = false;
      acronyms.emplace_back(i, i + 1);
    }
  }
  return acronyms;
}

// Keys confirmed by a strong mention somewhere in the document: weak
// candidates without one are dropped (the acronym pairs renumbered).
// A weak one-word mention that is the first or last word of a strong
// longer name is its short form ("Paradis" after "Vanessa Paradis"; an
// organisation's head word only when it opens one name of the document).
// (An acronym confirms only itself: "LA" not "La ville".)
void KeepConfirmed(const Doc& d, std::vector<Candidate>& cands, std::vector<std::pair<size_t, size_t>>& acronyms) {
  FlatStringSet strong, strong_acronyms;
  std::map<std::string, std::set<std::string>> named_by_head;  // head word -> the names it opens
  for (const Candidate& c : cands) {
    if (c.weak) continue;
    (IsAcronym(c.surface) ? strong_acronyms : strong).Insert(c.key);
    if (c.last > c.first) {
      const auto& toks = d.sentences[c.sentence].tokens;
      std::string first(toks[c.first].Text(d.text));
      const WordInfo& fi = d.morph.Lookup(first);
      // The surname of "Vanessa Paradis"; the family name of "Sun Ninghai".
      if (fi.first_name || d.lex.IsFirstName(first)) strong.Insert(MergeKey(toks[c.last].Text(d.text)));
      if (!IsKnownCommon(d.morph, first)) {
        strong.Insert(MergeKey(first));
      } else if (d.lex.IsOrgHead(ToLower(first))) {
        named_by_head[MergeKey(first)].insert(c.key);
      }
    }
  }
  // "l'Assemblée" after "l'Assemblée nationale": the head word of one
  // organisation's name stands for it (not when two names share the head:
  // "la Cour" beside "Cour de cassation" and "Cour suprême").
  FlatStringSet heads;
  for (const auto& [head, names] : named_by_head) {
    if (names.size() == 1) heads.Insert(head);
  }
  std::vector<Candidate> kept;
  std::vector<size_t> new_index(cands.size(), SIZE_MAX);
  for (size_t i = 0; i < cands.size(); ++i) {
    if (cands[i].weak && !strong.Contains(cands[i].key) &&
        !(IsAcronym(cands[i].surface) && strong_acronyms.Contains(cands[i].key))) {
      if (cands[i].first != cands[i].last || !heads.Contains(cands[i].key)) continue;
      cands[i].head_word = true;
    }
    new_index[i] = kept.size();
    kept.push_back(std::move(cands[i]));
  }
  cands.swap(kept);
  for (auto& [a, b] : acronyms) {
    a = new_index[a];
    b = new_index[b];
  }
}

// Candidates with one key or one gazetteer entry, and acronym pairs, are one.
void ClusterSameNames(const std::vector<Candidate>& cands, const std::vector<std::pair<size_t, size_t>>& acronyms,
                      UnionFind* uf_out) {
  UnionFind& uf = *uf_out;
  FlatStringMap<int> by_key;
  std::unordered_map<int, int> by_gaz;
  for (size_t i = 0; i < cands.size(); ++i) {
    const Candidate& c = cands[i];
    auto [first, added] = by_key.Emplace(c.key, static_cast<int>(i));
    if (!added) uf.Join(*first, static_cast<int>(i));
    if (c.gazetteer >= 0) {
      auto [g, gadded] = by_gaz.emplace(c.gazetteer, static_cast<int>(i));
      if (!gadded) uf.Join(g->second, static_cast<int>(i));
    }
  }
  for (const auto& [a, b] : acronyms) uf.Join(static_cast<int>(a), static_cast<int>(b));
}

// The longer name a group of one-word mentions is the short form of, or -1:
// the one name whose first or last word it is (`first_word`, `last_word`).
int ShortFormTarget(const Doc& d, std::vector<Candidate>& cands, const std::vector<size_t>& members,
                    std::map<int, std::vector<size_t>>& groups, const FlatStringMap<std::vector<int>>& first_word,
                    const FlatStringMap<std::vector<int>>& last_word) {
  const Candidate& c = cands[members.front()];
  bool all_single = true;
  for (size_t m : members) if (cands[m].first != cands[m].last) all_single = false;
  if (!all_single) return -1;
  const std::string& key = c.key;
  // A model code is no short name: "GT" of "Bentley Continental GT", "V8".
  if (IsModelCode(c.surface)) return -1;
  // Nor a common word in capitals: "ETAT" is not "Etat islamique" (a
  // headline's "HOLLANDE" with "Hollande" in the text is read as that).
  bool all_caps = true;
  for (size_t m : members) all_caps = all_caps && IsUpperWord(cands[m].surface);
  if (all_caps && IsKnownCommon(d.morph, ToTitle(c.surface))) return -1;
  // A gazetteer name in its own right stays itself (Washington / Washington
  // Post) — unless it is the surname of the person named here and nothing
  // around it says it is the place ("Hollande a déclaré" after François
  // Hollande; not "à Washington" beside George Washington).
  bool own = false;
  for (size_t m : members) if (cands[m].gazetteer >= 0) own = true;
  const std::vector<int>* lw = last_word.Find(key);
  const std::vector<int>* fw = first_word.Find(key);
  int target = -1;
  if (lw && lw->size() == 1) target = (*lw)[0];
  if (fw && fw->size() == 1) {
    if (target >= 0 && target != (*fw)[0]) target = -2;
    else if (target == -1) target = (*fw)[0];
  }
  if (target < 0) return -1;
  // A first name is no short form of an organisation or a product ending
  // with it: "Martin" beside "Aston Martin" is somebody.
  if (lw && target == (*lw)[0] && (!fw || fw->empty()) && d.lex.IsFirstName(c.surface)) {
    std::array<float, kEntityTypeCount> l{};
    for (size_t m : groups[target]) for (int t = 0; t < kEntityTypeCount; ++t) l[t] += cands[m].votes[t];
    if (DecideType(l) != EntityType::kPerson) return -1;
  }
  if (own) {
    if (!lw || target != (*lw)[0] || !SurnameOfPersonHere(d.lex, cands, members, groups[target])) return -1;
    for (size_t m : members) DropGazetteer(d.lex, &cands[m]);  // the person's, not the place's
  } else if (OtherKind(cands, members, groups[target])) {
    return -1;
  }
  return target;
}

// Whether the words of `longer` before its last `n` are given names or
// name parts: capitalised, not in capitals, neither a common word, a
// demonym nor an organisation's or product's known name ("Aung San" of
// "Aung San Suu Kyi"; not "AFP Rory Smith", "McLaren Lando Norris", "Cour de
// cassation Gilbert Azibert", "Britannico-iranienne Nazanin Zaghari-Ratcliffe").
bool NamePartsBefore(const Doc& d, const Candidate& longer, uint32_t n) {
  const auto& toks = d.sentences[longer.sentence].tokens;
  for (uint32_t k = longer.first; k + n <= longer.last; ++k) {
    const std::string_view w = toks[k].Text(d.text);
    if (!toks[k].upper_initial || toks[k].all_caps || IsKnownCommon(d.morph, w)) return false;
    // (A place's name may be part of a person's: "Aung San".)
    const int g = d.lex.FindPhrase(FoldName(w));
    if (g >= 0 && d.lex.entry(g).type != EntityType::kLocation && !d.lex.IsFirstName(std::string(w))) return false;
    // "Britannico-iranienne": a demonym, whole or in parts.
    for (std::string_view part : Split(w, '-')) {
      if (d.lex.IsNotName(ToLower(part))) return false;
    }
  }
  return true;
}

// The longer name a group of two- or three-word mentions ends, or -1: the
// one name of the document whose last words they are, after name parts
// only ("Suu Kyi" of "Aung San Suu Kyi"), unless a mention is a gazetteer
// name of its own ("Hong Kong" in "Air Hong Kong"), a place, or says another
// kind of thing.
int LastWordsTarget(const Doc& d, const std::vector<Candidate>& cands, const std::vector<size_t>& members,
                    std::map<int, std::vector<size_t>>& groups, const FlatStringMap<std::vector<int>>& last_words) {
  const Candidate& c = cands[members.front()];
  for (size_t m : members) {
    if (cands[m].last - cands[m].first != c.last - c.first || cands[m].key != c.key || cands[m].gazetteer >= 0) {
      return -1;
    }
  }
  if (c.last == c.first || c.last - c.first > 2) return -1;
  // A place ending a longer name is the place in it ("à San Remo", "la
  // Maserati San Remo").
  std::array<float, kEntityTypeCount> own{};
  for (size_t m : members) for (int t = 0; t < kEntityTypeCount; ++t) own[t] += cands[m].votes[t];
  if (own[static_cast<int>(EntityType::kLocation)] > 0 && DecideType(own) == EntityType::kLocation) return -1;
  const std::vector<int>* targets = last_words.Find(c.key);
  if (!targets || targets->size() != 1) return -1;
  const int target = (*targets)[0];
  const uint32_t n = c.last - c.first + 1;
  for (size_t m : groups[target]) {
    if (cands[m].last - cands[m].first + 1 > n && !NamePartsBefore(d, cands[m], n)) return -1;
  }
  return OtherKind(cands, members, groups[target], true) ? -1 : target;
}

// Short forms: a one-word name that is the first or last word of exactly
// one longer name in the document joins it (Trump -> Donald Trump); so do
// two or three words that end exactly one longer name (Suu Kyi -> Aung San
// Suu Kyi).
void JoinShortForms(const Doc& d, std::vector<Candidate>& cands, UnionFind* uf_out) {
  UnionFind& uf = *uf_out;
  std::map<int, std::vector<size_t>> groups;
  for (size_t i = 0; i < cands.size(); ++i) groups[uf.Find(static_cast<int>(i))].push_back(i);
  FlatStringMap<std::vector<int>> first_word, last_word, last_words;
  for (const auto& [root, members] : groups) {
    FlatStringSet seen_first, seen_last;
    for (size_t m : members) {
      const Candidate& c = cands[m];
      if (c.first == c.last) continue;
      const auto& toks = d.sentences[c.sentence].tokens;
      // Do not let a versioned name absorb its family (Llama 3.1 / Llama).
      bool versioned = toks[c.last].kind == TokenKind::kNumber || toks[c.last].has_digit;
      std::string f = MergeKey(toks[c.first].Text(d.text));
      std::string l = MergeKey(toks[c.last].Text(d.text));
      if (!versioned && seen_first.Insert(f)) first_word[f].push_back(root);
      if (seen_last.Insert(l)) last_word[l].push_back(root);
      for (uint32_t k = 2; k <= 3 && c.first + k <= c.last; ++k) {
        const uint32_t from = c.last + 1 - k;
        std::string tail = MergeKey(d.text.substr(toks[from].start, toks[c.last].end - toks[from].start));
        if (seen_last.Insert(tail)) last_words[tail].push_back(root);
      }
    }
  }
  for (const auto& [root, members] : groups) {
    int target = ShortFormTarget(d, cands, members, groups, first_word, last_word);
    if (target < 0) target = LastWordsTarget(d, cands, members, groups, last_words);
    if (target >= 0 && target != root) uf.Join(root, target);
  }
}

// "tempête Amanda" and "tempête tropicale Amanda": a lower-case head and
// the same name, with or without an adjective, are one entity.
void JoinLowerHeadNames(const Doc& d, const std::vector<Candidate>& cands, UnionFind* uf_out) {
  UnionFind& uf = *uf_out;
  FlatStringMap<int> by_head_and_name;
  for (size_t i = 0; i < cands.size(); ++i) {
    const Candidate& c = cands[i];
    if (c.last == c.first) continue;
    const auto& toks = d.sentences[c.sentence].tokens;
    if (toks[c.first].upper_initial || !toks[c.last].upper_initial) continue;
    std::string head = ToLower(toks[c.first].Text(d.text));
    if (!d.lex.IsLowerHead(head)) continue;
    std::string key = head + "|" + MergeKey(toks[c.last].Text(d.text));
    auto [at, added] = by_head_and_name.Emplace(key, static_cast<int>(i));
    if (!added) uf.Join(*at, static_cast<int>(i));
  }
}

// The label of an entity no gazetteer names: the fullest form, then the
// most frequent, then mixed case over all caps.
const std::string& FullestForm(const DocEntity& ent) {
  const std::string* best = nullptr;
  auto better = [&](const std::string& a, uint32_t na, const std::string& b, uint32_t nb) {
    size_t wa = WordCount(a), wb = WordCount(b);
    if (wa != wb) return wa > wb;
    if (na != nb) return na > nb;
    bool ca = ToLower(a) != a && a == ToTitle(a);
    bool cb = ToLower(b) != b && b == ToTitle(b);
    if (ca != cb) return ca;
    return a < b;
  };
  uint32_t best_n = 0;
  for (const auto& [form, n] : ent.forms) {
    if (n == 0) continue;  // a gazetteer name the text does not use
    if (!best || better(form, n, *best, best_n)) {
      best = &form;
      best_n = n;
    }
  }
  return *best;
}

// Entities in order of first mention, with their mentions, forms, votes,
// type and label.
void BuildEntities(const Doc& d, bool english, const std::vector<Candidate>& cands, UnionFind& uf,
                   std::vector<DocEntity>* entities, std::vector<Mention>* mentions) {
  std::unordered_map<int, uint32_t> entity_of_root;
  std::vector<std::array<float, kEntityTypeCount>> votes;
  std::vector<int> gaz_of_entity;
  // A head word that did not join the name it stands for is no mention.
  std::set<int> named_roots;
  for (const Candidate& c : cands) {
    if (!c.head_word) named_roots.insert(uf.Find(static_cast<int>(&c - cands.data())));
  }
  for (const Candidate& c : cands) {
    int root = uf.Find(static_cast<int>(&c - cands.data()));
    if (c.head_word && named_roots.count(root) == 0) continue;
    auto [it, added] = entity_of_root.emplace(root, static_cast<uint32_t>(entities->size()));
    if (added) {
      entities->emplace_back();
      votes.push_back({});
      gaz_of_entity.push_back(-1);
    }
    uint32_t e = it->second;
    DocEntity& ent = (*entities)[e];
    // A form is a name as written: on one line, as every name kg outputs
    // (a tab or line break between its words becomes a space).
    if (c.head_word) {
      // (counted as a mention below, not as a form)
    } else if (NeedsCleaning(c.surface, true)) {
      ent.forms[CleanText(c.surface, true)]++;
    } else {
      ent.forms[c.surface]++;
    }
    if (!c.short_form.empty()) ent.forms.try_emplace(c.short_form, 0);  // (not a mention of its own)
    ent.mentions++;
    for (int t = 0; t < kEntityTypeCount; ++t) votes[e][t] += c.votes[t];
    if (c.gazetteer >= 0 && (gaz_of_entity[e] < 0 || d.lex.entry(c.gazetteer).user)) gaz_of_entity[e] = c.gazetteer;
    mentions->push_back({c.sentence, c.first, c.last, e});
  }
  for (size_t e = 0; e < entities->size(); ++e) {
    DocEntity& ent = (*entities)[e];
    ent.type = DecideType(votes[e]);
    ent.votes = votes[e];
    int g = gaz_of_entity[e];
    if (g >= 0) {
      const GazetteerEntry& entry = d.lex.entry(g);
      ent.forced = entry.user;
      if (entry.user) ent.type = entry.type;
      // The gazetteer's canonical name, whatever spelling the text used; an
      // English document keeps its own spelling (the built-in names are
      // mostly French), with the canonical name as an alias so that the
      // graph joins it with French documents.
      if (entry.user || !english) {
        ent.label = entry.name;
      } else if (!ent.forms.count(entry.name)) {
        ent.forms.emplace(entry.name, 0);
      }
    }
    if (!ent.label.empty()) continue;
    ent.label = FullestForm(ent);
  }
}

}  // namespace

void ResolveEntities(std::string_view text, const std::vector<SentenceTokens>& sentences, const Lexicon& lex,
                     Morphology& morph, bool english, std::vector<Candidate> cands, std::vector<DocEntity>* entities,
                     std::vector<Mention>* mentions) {
  const Doc d{text, sentences, lex, morph};
  VoteListKinds(d, cands);
  std::vector<std::pair<size_t, size_t>> acronyms = DefinedAcronyms(d, cands);
  KeepConfirmed(d, cands, acronyms);
  if (cands.empty()) return;
  UnionFind uf(cands.size());
  ClusterSameNames(cands, acronyms, &uf);
  JoinShortForms(d, cands, &uf);
  JoinCompanyShortForms(text, sentences, lex, cands, &uf);
  JoinLowerHeadNames(d, cands, &uf);
  BuildEntities(d, english, cands, uf, entities, mentions);
}

}  // namespace kg::recognition

#include "gazetteer_match.h"

#include <algorithm>
#include <string>

#include "kg/base/text.h"
#include "word_classes.h"

namespace kg::recognition {
namespace {

// Per alphanumeric run: 0 lower-case start, 1 capitalised, 2 all capitals.
// "Le Monde" -> {1, 1}; "LA" -> {2}.
std::string Capitals(std::string_view s) {
  std::string out;
  bool in = false;
  int letters = 0;
  bool all_upper = true;
  auto close = [&] {
    if (!out.empty() && out.back() == 1 && letters >= 2 && all_upper) out.back() = 2;
  };
  for (size_t k = 0; k < s.size();) {
    size_t len;
    char32_t c = DecodeUtf8(s, k, &len);
    k += len;
    bool alnum = IsLetter(c) || IsDigit(c);
    if (alnum && !in) {
      close();
      out.push_back(IsUpper(c) ? 1 : 0);
      letters = 0;
      all_upper = true;
    }
    if (alnum && IsLetter(c)) {
      ++letters;
      if (!IsUpper(c)) all_upper = false;
    }
    in = alnum;
  }
  close();
  return out;
}

bool IsJoiner(std::string_view p) { return p == "&" || p == "." || p == "+" || p == "’" || p == "'"; }

}  // namespace

// The longest gazetteer phrase starting at token i; returns its last token
// (i when none). Phrases are folded token by token, the same as FoldName of
// the whole span.
// `article` ("Le", "Les") is a name's own article that a contraction
// before token i holds: "du Parisien" is "de" + "Le Parisien".
size_t GazetteerMatcher::Match(size_t i, int* entry, std::string_view article) const {
  *entry = -1;
  if (!s_.IsWord(i)) return i;
  const Token& t = s_.toks[i];
  bool user_only = !(t.upper_initial || t.inner_caps || s_.IsCode(i));
  // A built-in phrase written in lower case ("gilets jaunes") is matched as written.
  if (user_only && s_.lex.StartsLowerPhrase(s_.Text(i))) user_only = false;
  if (user_only && !s_.lex.has_user_entries()) return i;
  if (article.empty() && !s_.W(i)->Cached(kPhraseStartBit, [&] { return s_.lex.IsPhrasePrefix(s_.Folded(i)); })) {
    return i;
  }
  size_t max = std::min(s_.toks.size(), i + static_cast<size_t>(s_.lex.max_phrase_words()) + 3);
  std::string phrase(article.empty() ? std::string() : FoldName(article));
  size_t best = i;
  for (size_t j = i; j < max; ++j) {
    if (s_.toks[j].kind == TokenKind::kPunct) {
      if (j > i && !IsJoiner(s_.Text(j))) break;  // a phrase does not run over punctuation
      continue;
    }
    if (s_.Folded(j).empty()) continue;
    if (!phrase.empty()) phrase.push_back(' ');
    phrase.append(s_.Folded(j));
    bool prefix;
    int e = s_.lex.FindPhraseOrPrefix(phrase, &prefix);
    if (!prefix) break;  // no longer phrase can match either
    if (e < 0) continue;
    if (user_only && !s_.lex.entry(e).user) continue;
    if (!s_.lex.entry(e).user) {
      std::string span(s_.text.substr(t.start, s_.toks[j].end - t.start));
      if (!article.empty()) span = std::string(article) + " " + span;
      if (!CaseMatches(span, FoldName(span), e, Abbreviation(i, j))) continue;
    }
    *entry = e;
    best = j;
  }
  return best;
}

// "CHU", "PDG": a common acronym (data/common_acronyms.txt) is no name the
// gazetteer writes otherwise (the village "Chũ").
bool GazetteerMatcher::Abbreviation(size_t first, size_t last) const {
  return first == last && s_.toks[first].all_caps && s_.lex.IsCommonAcronym(s_.Text(first));
}

// A gazetteer phrase matches only where the text capitalises the words
// the gazetteer capitalises ("Le Monde" the paper, not "le monde entier")
// and writes its acronyms in capitals ("LA", not "La"); `exact`: with the
// very capitals the text has. A person's particle may be written in lower
// case inside the name ("Marine le Pen", "Bruno le Maire"). `folded` is
// FoldName(text).
bool GazetteerMatcher::CaseMatches(std::string_view text, std::string_view folded, int entry, bool exact) const {
  std::vector<Spelling>& forms = (*s_.spellings)[static_cast<size_t>(entry)];
  if (forms.empty()) {  // the entry's spellings, worked out at its first match
    const GazetteerEntry& e = s_.lex.entry(entry);
    forms.push_back({FoldName(e.name), Capitals(e.name)});
    for (const auto& a : e.aliases) forms.push_back({FoldName(a), Capitals(a)});
  }
  std::string t = Capitals(text);
  // The text's words, for a person's inner particles (none otherwise).
  const std::vector<std::string_view> words =
      s_.lex.entry(entry).type == EntityType::kPerson ? Split(folded, ' ') : std::vector<std::string_view>();
  auto lower_particle = [&](size_t k) {
    return k > 0 && k + 1 < t.size() && t[k] == 0 && words.size() == t.size() &&
           (words[k] == "le" || words[k] == "la" || IsNameParticle(words[k]));
  };
  for (const Spelling& f : forms) {
    if (f.folded != folded) continue;
    if (f.capitals.size() != t.size()) return true;
    bool ok = true;
    for (size_t k = 0; k < t.size(); ++k) {
      ok = ok && (lower_particle(k) || (exact ? f.capitals[k] == t[k] : f.capitals[k] <= t[k]));
    }
    if (ok) return true;
  }
  return false;
}

}  // namespace kg::recognition

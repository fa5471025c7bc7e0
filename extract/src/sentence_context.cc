#include "sentence_context.h"

#include <string>

#include "kg/base/text.h"

namespace kg::recognition {
namespace {

// An all-caps headline: mostly upper-case words, almost no lower-case ones.
bool IsCapsSentence(const std::vector<Token>& toks) {
  int caps = 0, lower = 0;
  for (const Token& t : toks) {
    if (t.kind != TokenKind::kWord || t.end - t.start < 2) continue;
    if (t.all_caps) ++caps;
    else if (!t.upper_initial && !t.inner_caps) ++lower;
  }
  return caps >= 3 && lower * 5 <= caps;
}

// A score line or a table row: numbers make up much of the sentence
// ("Somerset 83 and 174", "Pohang 3 Ulsan 2", "CHICAGO 65 66 .492").
bool IsTabular(const std::vector<Token>& toks) {
  int numbers = 0, words = 0;
  for (const Token& t : toks) {
    if (t.kind == TokenKind::kNumber || (t.has_digit && !t.has_letter)) ++numbers;
    else if (t.kind == TokenKind::kWord) ++words;
  }
  return numbers >= 2 && numbers * 2 >= words;
}

// An all-caps line of two names around "AT" or "V" ("CHICAGO AT TORONTO",
// "LEEDS V NEWCASTLE"), words only: a fixture of a results page.
bool IsFixtureLine(const SentenceContext& s) {
  size_t at = 0, words = 0;
  for (size_t k = 0; k < s.toks.size(); ++k) {
    const Token& t = s.toks[k];
    if (t.kind == TokenKind::kPunct && k + 1 == s.toks.size()) continue;  // a final full stop
    if (t.kind != TokenKind::kWord || !t.all_caps) return false;
    std::string_view w = s.Text(k);
    if (w == "AT" || w == "V" || w == "VS") ++at;
    else ++words;
  }
  return at == 1 && words >= 2;
}

// The header rows (SentenceContext::SkipHeaderRow) in one pass from the
// sentence's end: runs of such tokens, and how many words and single letters
// each token starts. Empty when the sentence has none.
std::vector<uint32_t> FindHeaderRows(const SentenceContext& s) {
  const size_t n = s.toks.size();
  std::vector<uint32_t> end(n), words(n + 1), letters(n + 1);
  bool any = false;
  for (size_t k = n; k-- > 0;) {
    const Token& t = s.toks[k];
    bool slash = s.Text(k) == "/";
    bool caps = t.all_caps || (t.end - t.start == 1 && t.upper_initial);
    bool abbreviation = t.kind == TokenKind::kWord && caps && !t.has_digit && t.end - t.start <= 3;
    if (!slash && !abbreviation) {
      end[k] = static_cast<uint32_t>(k);
      continue;
    }
    bool run_goes_on = k + 1 < n && end[k + 1] > k + 1;
    end[k] = run_goes_on ? end[k + 1] : static_cast<uint32_t>(k + 1);
    words[k] = (run_goes_on ? words[k + 1] : 0) + (abbreviation ? 1 : 0);
    letters[k] = (run_goes_on ? letters[k + 1] : 0) + (abbreviation && t.end - t.start == 1 ? 1 : 0);
    any = any || (words[k] >= 3 && letters[k] >= 2);
  }
  std::vector<uint32_t> header_end;
  if (!any) return header_end;
  header_end.resize(n);
  for (size_t k = 0; k < n; ++k) header_end[k] = words[k] >= 3 && letters[k] >= 2 ? end[k] : static_cast<uint32_t>(k);
  return header_end;
}

// Whether the initials of words first..last spell `acro` (folded), every
// content word giving its letter and function words giving theirs or not.
bool SpellsAcronym(const SentenceContext& s, size_t first, size_t last, const std::string& acro) {
  std::vector<char> can(acro.size() + 1, 0);  // can[j]: letters 0..j-1 spelled so far
  can[0] = 1;
  for (size_t k = first; k <= last; ++k) {
    const std::string key = MergeKey(s.Text(k));
    if (key.empty()) return false;
    const bool optional = s.LowerInfo(k).function_word;
    std::vector<char> next(acro.size() + 1, 0);
    for (size_t j = 0; j <= acro.size(); ++j) {
      if (!can[j]) continue;
      if (optional) next[j] = 1;
      if (j < acro.size() && acro[j] == key[0]) next[j + 1] = 1;
    }
    can.swap(next);
  }
  return can[acro.size()];
}

// Names defined by an acronym in parentheses whose words are partly in
// lower case: "Droit au logement (DAL)", "Haute autorité pour la
// transparence de la vie publique (HATVP)". The long form is the
// shortest run of words before "(" that opens with a capital and whose
// initials spell the acronym (function words may give a letter or not).
std::map<size_t, size_t> FindAcronymLongForms(const SentenceContext& s) {
  constexpr size_t kMaxWords = 24;
  std::map<size_t, size_t> long_forms;
  const std::vector<Token>& toks = s.toks;
  for (size_t p = 1; p + 2 < toks.size(); ++p) {
    if (s.Text(p) != "(" || s.Text(p + 2) != ")" || !toks[p + 1].all_caps || toks[p + 1].has_digit) continue;
    const std::string acro = MergeKey(s.Text(p + 1));
    if (acro.size() < 3 || s.lex.IsCommonAcronym(s.Text(p + 1)) || !s.IsWord(p - 1)) continue;
    for (size_t start = p - 1, seen = 0; seen < kMaxWords && s.IsWord(start); --start, ++seen) {
      if (toks[start].upper_initial && !toks[start].all_caps && !s.LowerInfo(start).function_word &&
          SpellsAcronym(s, start, p - 1, acro)) {
        bool lower = false;
        for (size_t k = start; k < p; ++k) lower = lower || !toks[k].upper_initial;
        if (lower) long_forms[start] = p - 1;
        break;
      }
      if (start == 0) break;
    }
  }
  return long_forms;
}

// "Sale 31 Wasps 33" (two names, each before its score) or "Stoke 4 3 1 0
// 7 4 10" (a name before six numbers or more): a results line or a
// standings row, whose names are teams' ("Sales 1,234 1,100" is no team).
bool IsTeamRow(const SentenceContext& s) {
  size_t names = 0, numbers = 0;
  for (size_t k = 0; k < s.toks.size(); ++k) {
    const bool number = s.toks[k].kind == TokenKind::kNumber;
    numbers += number;
    if (number && k > 0 && s.IsWord(k - 1) && s.toks[k - 1].upper_initial) ++names;
  }
  return names == 2 || (names == 1 && numbers >= 6);
}

}  // namespace

SentenceContext::SentenceContext(std::string_view text, const SentenceTokens& s, uint32_t index, const Lexicon& lex,
                                 Morphology& morph, std::vector<std::vector<Spelling>>* spellings, bool english)
    : SentenceView{text, s.tokens, s, index, lex, morph, english}, spellings(spellings) {
  for (size_t k = toks.size(); k-- > 0;) {
    if (toks[k].kind == TokenKind::kNumber) {
      last_number = static_cast<int>(k);
      break;
    }
  }
  caps_sentence = IsCapsSentence(toks);
  tabular = IsTabular(toks);
  team_row = tabular && !caps_sentence && IsTeamRow(*this);
  fixture_line = english && caps_sentence && IsFixtureLine(*this);
  header_end = FindHeaderRows(*this);
  long_forms = FindAcronymLongForms(*this);
  // The words that can start or join a name are looked at below: intern
  // them together.
  s.InternAll(text, [](const Token& t) {
    return t.kind == TokenKind::kWord && (t.upper_initial || t.inner_caps || t.has_digit);
  });
}

std::string_view SentenceContext::LowerText(size_t i) const {
  const std::string_view t = Text(i);
  for (size_t k = 0; k < t.size(); ++k) {
    const auto c = static_cast<unsigned char>(t[k]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') return Lower(i);
      continue;
    }
    // Latin-1's lower-case letters ("é", "à", "ç") pass; any other
    // character goes to the vocabulary.
    const auto next = k + 1 < t.size() ? static_cast<unsigned char>(t[k + 1]) : 0;
    if (c != 0xC3 || Latin1LetterCase(next) != 1) return Lower(i);
    ++k;
  }
  return t;
}

bool SentenceContext::IsCode(size_t i) const {
  const Token& t = toks[i];
  if (!(t.has_letter && t.has_digit)) return false;
  std::string_view w = t.Text(text);
  size_t len;
  char32_t first = DecodeUtf8(w, 0, &len);
  if (IsDigit(first)) return false;  // 14e, 3nm, 5G: ordinals and units
  if (IsUpper(first)) return true;
  // Lowercase codes are short: o1, o3.
  return w.size() <= 3;
}

}  // namespace kg::recognition

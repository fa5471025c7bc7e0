#include "kg/extract/tokenizer.h"

#include <algorithm>

#include <string>

#include "kg/base/text.h"
#include "word_classes.h"

namespace kg {

namespace {

// "U.S", "U.K", "N.Y" (before their last dot): single ASCII letters joined by dots.
bool IsDottedInitials(std::string_view s) {
  if (s.size() < 3 || s.size() % 2 == 0) return false;
  for (size_t k = 0; k < s.size(); ++k) {
    char c = s[k];
    bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (k % 2 == 0 ? !letter : c != '.') return false;
  }
  return true;
}

}  // namespace

namespace {

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
bool IsHyphen(char32_t c) { return c == '-' || c == 0x2011; }
bool IsWordChar(char32_t c) { return IsLetter(c) || IsDigit(c); }

bool IsElisionPrefix(std::string_view lower) { return InWordClass(WordClass::kElisionPrefix, lower); }

struct Cursor {
  std::string_view text;
  size_t end;
  char32_t At(size_t pos, size_t* len) const {
    if (pos >= end) { *len = 0; return 0; }
    return DecodeUtf8(text, pos, len);
  }
};

void SetFlags(std::string_view text, Token* t) {
  std::string_view w = t->Text(text);
  bool seen_lower = false;
  int letters = 0, uppers = 0;
  bool first_letter = true;
  for (size_t i = 0; i < w.size();) {
    size_t len;
    char32_t c = DecodeUtf8(w, i, &len);
    i += len;
    if (IsDigit(c)) { t->has_digit = true; continue; }
    if (!IsLetter(c)) continue;
    ++letters;
    bool up = IsUpper(c);
    if (first_letter) {
      t->upper_initial = up && i == len;  // the token starts with this letter
      first_letter = false;
    }
    if (up) {
      ++uppers;
      if (seen_lower) t->inner_caps = true;
    } else if (IsLower(c)) {
      seen_lower = true;
    }
  }
  t->has_letter = letters > 0;
  t->all_caps = letters >= 2 && uppers == letters;
  if (t->has_letter) t->kind = TokenKind::kWord;
  else if (t->has_digit) t->kind = TokenKind::kNumber;
}

// Pushes the common token: ASCII letters, digits and Latin-1 letters only,
// no capital after its first character. Its flags follow from the counts of
// letters and digits Tokenize made as it read it.
void PushSimple(std::string_view text, size_t start, size_t end, int letters, bool digit, std::vector<Token>* out) {
  auto first = static_cast<unsigned char>(text[start]);
  bool upper_initial = (first >= 'A' && first <= 'Z') ||
                       (first == 0xC3 && end > start + 1 && Latin1LetterCase(static_cast<unsigned char>(text[start + 1])) == 2);
  // At most one capital, the first character: never all caps (two letters
  // needed) nor inner caps. (Built in one expression: field-by-field stores
  // into a token on the stack stalled the copy that followed.)
  out->push_back(Token{.start = static_cast<uint32_t>(start),
                       .end = static_cast<uint32_t>(end),
                       .kind = letters > 0 ? TokenKind::kWord : digit ? TokenKind::kNumber : TokenKind::kPunct,
                       .elision = false,
                       .upper_initial = upper_initial,
                       .all_caps = false,
                       .inner_caps = false,
                       .has_digit = digit,
                       .has_letter = letters > 0});
}

// The end of a punctuation token at `i`: an English possessive or
// contraction after a word (`after_word`) keeps its "s": "'s".
size_t PunctEnd(const Cursor& cur, bool after_word, size_t i, size_t len, char32_t c) {
  if (c == '.') {  // an ellipsis written with dots is one token ("...", as in the treebanks)
    size_t end = i + len;
    while (end < cur.end && cur.text[end] == '.') ++end;
    return end;
  }
  if (!IsApostrophe(c) || !after_word) return i + len;
  size_t l2, l3;
  char32_t n = cur.At(i + len, &l2);
  if (n != 's' && n != 'S') return i + len;
  return IsWordChar(cur.At(i + len + l2, &l3)) ? i + len : i + len + l2;
}

// Spaced thousands after the digits ending at `j`: "6 000", "1 000 000"
// (space, NBSP or narrow NBSP), each group exactly three digits; the end of
// the last group, or `j`.
size_t SpacedThousandsEnd(const Cursor& cur, size_t j) {
  size_t k = j;
  while (true) {
    size_t ls;
    char32_t sp = cur.At(k, &ls);
    if (!IsSpace(sp) || sp == '\n' || sp == '\r') break;
    size_t kk = k + ls;
    int nd = 0;
    size_t lk = 0;
    while (kk < cur.end && nd < 4 && IsDigit(cur.At(kk, &lk))) { ++nd; kk += lk; }
    if (nd != 3) break;
    k = kk;
  }
  return k;
}

// "régulièrementDonald", "franceinfoEmmanuel": five lower-case letters or
// more, then a capitalised word of three letters or more — a paragraph
// break lost between two words (brands glue shorter: "iPhone", "easyJet").
// Where the second word starts, or 0.
size_t LowerThenTitle(std::string_view w) {
  size_t k = 0, lower = 0;
  while (k < w.size()) {
    size_t len = 1;
    char32_t cp = DecodeUtf8(w, k, &len);
    if (!IsLower(cp)) break;
    ++lower;
    k += len;
  }
  if (lower < 5 || k >= w.size()) return 0;
  size_t len = 1;
  if (!IsUpper(DecodeUtf8(w, k, &len))) return 0;
  size_t after = 0;
  for (size_t i = k + len; i < w.size() && after < 2;) {
    size_t l = 1;
    if (!IsLower(DecodeUtf8(w, i, &l))) return 0;
    ++after;
    i += l;
  }
  return after == 2 ? k : 0;
}

// "COURSNicolas": four capitals or more, then a capitalised word of four
// letters or more (a headline in capitals glued to the text). Where the
// second word starts, or 0.
size_t CapitalsThenTitle(std::string_view w) {
  std::vector<size_t> starts;  // where each capital of the leading run starts
  size_t k = 0;
  while (k < w.size()) {
    size_t len = 1;
    if (!IsUpper(DecodeUtf8(w, k, &len))) break;
    starts.push_back(k);
    k += len;
  }
  if (starts.size() < 5 || k >= w.size()) return 0;
  size_t lower = 0;
  for (size_t i = k; i < w.size();) {
    size_t len = 1;
    if (!IsLower(DecodeUtf8(w, i, &len))) return 0;
    ++lower;
    i += len;
  }
  return lower >= 3 ? starts.back() : 0;
}

// "L'agence", "D’après": a capitalised elided word and what follows it
// (the rest of a glued word, "FranceL'agence").
bool ElidedStarter(std::string_view rest) {
  for (size_t a = 1; a <= 3 && a < rest.size(); ++a) {
    const bool ascii = rest[a] == '\'';
    const bool typo = rest.compare(a, 3, "\xE2\x80\x99") == 0;
    if (!ascii && !typo) continue;
    const size_t after = a + (ascii ? 1 : 3);
    return after < rest.size() && IsElisionPrefix(ToLower(rest.substr(0, a)));
  }
  return false;
}

// "BenallaAu", "SNCFLa": a word glued to the capitalised function word that
// opened the next paragraph ends before it, or before an elided one
// ("FranceL'agence"). (Only a word with a capital, or a non-ASCII letter,
// after its first character can be split so.)
size_t GluedWordEnd(std::string_view text, size_t start, size_t j) {
  bool capital_inside = false;
  for (size_t k = start + 1; k < j && !capital_inside; ++k) {
    unsigned char b = static_cast<unsigned char>(text[k]);
    capital_inside = (b >= 'A' && b <= 'Z') || b >= 0x80;
  }
  if (!capital_inside) return j;
  std::string_view whole = text.substr(start, j - start);
  if (size_t k = LowerThenTitle(whole); k > 0) return start + k;
  if (size_t k = CapitalsThenTitle(whole); k > 0) return start + k;
  bool prev_low = false;
  for (size_t k = 0; k < whole.size();) {
    size_t cp_len;
    char32_t cp = DecodeUtf8(whole, k, &cp_len);
    if (prev_low && IsUpper(cp) && (IsGluedStarter(whole.substr(k)) || ElidedStarter(whole.substr(k)))) {
      return start + k;
    }
    prev_low = IsLower(cp) || IsDigit(cp) || (IsUpper(cp) && k > 0);
    k += cp_len;
  }
  return j;
}

// Two tokens, [start, end) and [start2, end2), out of one word.
void PushTwo(std::string_view text, size_t start, size_t end, size_t start2, size_t end2, std::vector<Token>* out) {
  for (auto [from, to] : {std::pair{start, end}, std::pair{start2, end2}}) {
    Token t;
    t.start = static_cast<uint32_t>(from);
    t.end = static_cast<uint32_t>(to);
    SetFlags(text, &t);
    out->push_back(t);
  }
}

// "Hangzhou-based", "Paris-born": the name, then the English suffix, as
// two tokens (the hyphen in neither); false (nothing pushed) for any other word.
bool PushSuffixedName(std::string_view text, size_t start, size_t j, std::vector<Token>* out) {
  std::string_view whole = text.substr(start, j - start);
  size_t dash = whole.rfind('-');
  if (dash == std::string_view::npos || dash == 0) return false;
  std::string suffix = ToLower(whole.substr(dash + 1));
  if (!InWordClass(WordClass::kNameSuffix, suffix)) return false;
  PushTwo(text, start, start + dash, start + dash + 1, j, out);
  return true;
}

// "ex-LREM", "anti-Trump", "pro-Kremlin": the prefix (with its hyphen), then
// the name, as two tokens; false (nothing pushed) for any other word.
bool PushPrefixedName(std::string_view text, size_t start, size_t j, std::vector<Token>* out) {
  std::string_view whole = text.substr(start, j - start);
  size_t dash = whole.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= whole.size()) return false;
  size_t len;
  if (!IsUpper(DecodeUtf8(whole, dash + 1, &len))) return false;
  if (!InWordClass(WordClass::kNamePrefix, whole.substr(0, dash))) return false;  // as written: "EX-PSG" stays whole
  PushTwo(text, start, start + dash + 1, start + dash + 1, j, out);
  return true;
}

// A word token [start, j); one that ends in an apostrophe is an elision ("l'").
void PushWord(std::string_view text, size_t start, size_t j, std::vector<Token>* out) {
  Token t;
  t.start = static_cast<uint32_t>(start);
  t.end = static_cast<uint32_t>(j);
  std::string_view w = text.substr(start, j - start);
  if (!w.empty()) {
    size_t l;
    size_t p = w.size() - 1;
    while (p > 0 && (static_cast<unsigned char>(w[p]) & 0xC0) == 0x80) --p;
    t.elision = IsApostrophe(DecodeUtf8(w, p, &l));
  }
  SetFlags(text, &t);
  out->push_back(t);
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, SentenceSpan span) {
  std::vector<Token> out;
  out.reserve((span.end - span.start) / 4 + 4);  // about a token per five bytes in news text
  Cursor cur{text, span.end};
  size_t i = span.start;
  while (i < span.end) {
    size_t len;
    char32_t c = cur.At(i, &len);
    if (IsSpace(c)) { i += len; continue; }
    if (!IsWordChar(c)) {
      Token t;
      t.start = static_cast<uint32_t>(i);
      t.end = static_cast<uint32_t>(PunctEnd(cur, !out.empty() && out.back().end == i, i, len, c));
      t.kind = TokenKind::kPunct;
      out.push_back(t);
      i = t.end;
      continue;
    }
    // A word or number.
    size_t start = i;
    bool digits_only = true;
    // While the token is ASCII letters, digits and Latin-1 letters with no
    // capital after its first letter, its flags are counted here (PushSimple).
    bool simple = true;
    int letters = 0;
    bool digit = false;
    size_t stop = std::string_view::npos;  // the first byte that is none of those
    size_t j = i;
    while (j < span.end) {
      // ASCII letters and digits first, without decoding.
      unsigned char b = static_cast<unsigned char>(text[j]);
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
        digits_only = false;
        ++letters;
        if (b < 'a' && j > start) simple = false;
        ++j;
        continue;
      }
      if (b >= '0' && b <= '9') {
        digit = true;
        ++j;
        continue;
      }
      // French accented letters, still without decoding: they keep a token
      // simple but for a capital after its first letter.
      if (b == 0xC3 && j + 1 < span.end) {
        if (int letter_case = Latin1LetterCase(static_cast<unsigned char>(text[j + 1]))) {
          digits_only = false;
          ++letters;
          if (letter_case == 2 && j > start) simple = false;
          j += 2;
          continue;
        }
      }
      if (stop == std::string_view::npos) stop = j;
      size_t l;
      char32_t ch = cur.At(j, &l);
      if (IsWordChar(ch)) {
        if (!IsDigit(ch)) digits_only = false;
        j += l;
        continue;
      }
      size_t ln;
      char32_t next = cur.At(j + l, &ln);
      if (IsHyphen(ch) && IsWordChar(next)) { j += l; continue; }
      if ((ch == '.' || ch == ',') && IsDigit(next) && digits_only && j > start) { j += l; continue; }
      if (ch == '.' && !IsLetter(next) && IsDottedInitials(text.substr(start, j - start))) {
        j += l;  // "U.S.", "U.N.": the initialism keeps its last dot
        break;
      }
      if (ch == '.' && IsLetter(next) && !digits_only) {
        // Pony.ai, U.S — but not a sentence glued to the next ("fin.Mais").
        size_t ln2;
        char32_t next2 = cur.At(j + l + ln, &ln2);
        bool glued_sentence = IsUpper(next) && IsLower(next2);
        if (!glued_sentence) { j += l; continue; }
      }
      if (IsApostrophe(ch) && IsLetter(next)) {
        std::string lower = ToLower(text.substr(start, j - start));
        if (IsElisionPrefix(lower)) {
          j += l;  // the elision token keeps its apostrophe
          break;
        }
        if ((next == 's' || next == 'S')) {
          size_t ln2;
          char32_t n2 = cur.At(j + l + ln, &ln2);
          if (!IsWordChar(n2)) break;  // possessive: split before the apostrophe
        }
        j += l;
        continue;
      }
      if (digits_only && j - start <= 3) {
        if (size_t k = SpacedThousandsEnd(cur, j); k > j) {
          j = k;
          continue;
        }
      }
      break;
    }
    // A token that goes on past that byte is not simple.
    if (simple && j > start && (stop == std::string_view::npos || j == stop)) {
      PushSimple(text, start, j, letters, digit, &out);
      i = j;
      continue;
    }
    j = GluedWordEnd(text, start, j);
    if (!PushSuffixedName(text, start, j, &out) && !PushPrefixedName(text, start, j, &out)) {
      PushWord(text, start, j, &out);
    }
    i = j;
  }
  return out;
}

}  // namespace kg

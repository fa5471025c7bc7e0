#include "kg/base/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstring>

namespace kg {

char32_t DecodeUtf8Multibyte(std::string_view text, size_t pos, size_t* len) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = static_cast<int32_t>(pos);
  int32_t n = static_cast<int32_t>(text.size());
  UChar32 c;
  U8_NEXT(s, i, n, c);
  *len = static_cast<size_t>(i) - pos;
  if (c < 0) return 0xFFFD;
  return static_cast<char32_t>(c);
}

void AppendUtf8(char32_t cp, std::string* out) {
  uint8_t buf[4];
  int32_t i = 0;
  UBool err = false;
  U8_APPEND(buf, i, 4, static_cast<UChar32>(cp), err);
  if (err) return;
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(i));
}

size_t FindInvalidUtf8(std::string_view text) {
  // Well-formed UTF-8 per RFC 3629 (no overlongs, surrogates or values past
  // U+10FFFF), with ASCII runs checked eight bytes at a time.
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  size_t n = text.size();
  size_t i = 0;
  auto cont = [&](size_t k) { return k < n && (s[k] & 0xC0) == 0x80; };
  while (i < n) {
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    uint8_t c = s[i];
    if (c < 0x80) {
      ++i;
    } else if (c >= 0xC2 && c <= 0xDF) {
      if (!cont(i + 1)) return i;
      i += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (!cont(i + 1) || !cont(i + 2)) return i;
      if (c == 0xE0 && s[i + 1] < 0xA0) return i;   // overlong
      if (c == 0xED && s[i + 1] >= 0xA0) return i;  // surrogate
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return i;
      if (c == 0xF0 && s[i + 1] < 0x90) return i;   // overlong
      if (c == 0xF4 && s[i + 1] >= 0x90) return i;  // past U+10FFFF
      i += 4;
    } else {
      return i;
    }
  }
  return std::string_view::npos;
}

bool IsForbiddenCodePoint(char32_t cp) {
  if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
  if (cp >= 0x7F && cp <= 0x9F) return true;
  if (cp >= 0xD800 && cp <= 0xDFFF) return true;
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return true;
  return (cp & 0xFFFE) == 0xFFFE;
}

namespace {

bool OneLineBreak(char32_t cp) { return cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029; }

}  // namespace

bool NeedsCleaning(std::string_view text, bool one_line) {
  for (size_t i = 0; i < text.size();) {
    size_t len;
    char32_t cp = DecodeUtf8(text, i, &len);
    if (IsForbiddenCodePoint(cp) || (one_line && OneLineBreak(cp))) return true;
    if (cp == 0xFFFD && !(len == 3 && text.compare(i, 3, "\xEF\xBF\xBD") == 0)) return true;  // invalid byte
    i += len;
  }
  return false;
}

std::string CleanText(std::string_view text, bool one_line) {
  if (!NeedsCleaning(text, one_line)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t len;
    char32_t cp = DecodeUtf8(text, i, &len);
    if (IsForbiddenCodePoint(cp) || (one_line && OneLineBreak(cp))) out.push_back(' ');
    else if (cp == 0xFFFD) out.append("\xEF\xBF\xBD");  // an invalid byte, or U+FFFD itself
    else out.append(text, i, len);
    i += len;
  }
  return out;
}

void BlankForbiddenCodePoints(char* data, size_t size) {
  std::string_view t(data, size);
  // Forbidden code points start with a byte below 0x20, 0x7F, 0xC2 (C1
  // controls), 0xED (surrogates), 0xEF (U+FDD0-U+FFFF) or 0xF0-0xF4 (other
  // planes): words of eight bytes with none of these are skipped whole.
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  auto has_byte = [](uint64_t w, uint8_t b) {
    uint64_t x = w ^ (kOnes * b);
    return ((x - kOnes) & ~x & kHighs) != 0;
  };
  auto blank = [&](size_t k) {
    auto c = static_cast<unsigned char>(t[k]);
    if (c < 0x20 || c == 0x7F) {
      if (c != '\t' && c != '\n' && c != '\r') data[k] = ' ';
      return;
    }
    if (c != 0xC2 && c != 0xED && c != 0xEF && c < 0xF0) return;
    size_t len;
    char32_t cp = DecodeUtf8(t, k, &len);
    if (IsForbiddenCodePoint(cp)) std::fill(data + k, data + k + len, ' ');
  };
  size_t i = 0;
  for (; i + 8 <= t.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, data + i, 8);
    uint64_t low = (w - kOnes * 0x20) & ~w & kHighs;  // a byte below 0x20 (or others: then checked)
    bool suspect = low != 0 || has_byte(w, 0x7F) || has_byte(w, 0xC2) || has_byte(w, 0xED) ||
                   has_byte(w, 0xEF) || (w & (w << 1) & (w << 2) & (w << 3) & kHighs) != 0;
    if (!suspect) continue;
    for (size_t k = i; k < i + 8; ++k) blank(k);
  }
  for (; i < t.size(); ++i) blank(i);
}

size_t CountCodePoints(std::string_view text) {
  // Every byte but the continuation bytes (10xxxxxx), eight bytes at a time.
  size_t n = 0, i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    uint64_t continuation = w & ~(w << 1) & 0x8080808080808080ull;
    n += 8 - static_cast<size_t>(__builtin_popcountll(continuation));
  }
  for (; i < text.size(); ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

namespace {

const icu::Normalizer2* Nfkd() {
  UErrorCode err = U_ZERO_ERROR;
  static const icu::Normalizer2* n = icu::Normalizer2::getNFKDInstance(err);
  return n;
}

// Folds an NFKD-decomposed text as Fold does: alphanumerics case-folded, a
// run of separators one `sep`, combining marks dropped. `pending` carries a
// separator run across calls.
void FoldIcu(const icu::UnicodeString& decomposed, std::string_view sep, bool* pending, std::string* out) {
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 cp = decomposed.char32At(i);
    i += U16_LENGTH(cp);
    if (u_isalnum(cp)) {
      if (*pending && !out->empty()) out->append(sep);
      *pending = false;
      AppendUtf8(static_cast<char32_t>(u_foldCase(cp, U_FOLD_CASE_DEFAULT)), out);
    } else if (u_getCombiningClass(cp) == 0 && u_charType(cp) != U_NON_SPACING_MARK) {
      *pending = true;
    }
  }
}

// What Fold does with each code point of U+0080..U+07FF (Latin, Greek,
// Cyrillic, combining marks) and U+2000..U+206F (punctuation), worked out
// once with ICU: a list of steps, 0 for a separator, n (1-4) followed by
// the n bytes of a folded letter or digit. (NFKD of a text is the
// decomposition of each code point, then the reordering of combining marks,
// which Fold drops: folding code point by code point gives the same.)
class FoldTable {
 public:
  FoldTable() {
    for (char32_t cp = 0x80; cp < 0x800; ++cp) Build(cp);
    for (char32_t cp = 0x2000; cp < 0x2070; ++cp) Build(cp);
  }
  // The steps of `cp`, or null outside the table.
  const std::string* Steps(char32_t cp) const {
    if (cp >= 0x80 && cp < 0x800) return &steps_[cp - 0x80];
    if (cp >= 0x2000 && cp < 0x2070) return &steps_[cp - 0x2000 + 0x780];
    return nullptr;
  }

 private:
  void Build(char32_t cp) {
    UErrorCode err = U_ZERO_ERROR;
    icu::UnicodeString d = Nfkd()->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), err);
    if (U_FAILURE(err)) d = icu::UnicodeString(static_cast<UChar32>(cp));
    std::string& steps = steps_[cp < 0x800 ? cp - 0x80 : cp - 0x2000 + 0x780];
    // Each code point of the decomposition folded alone, with no separator
    // text: a separator run or a folded character is a step.
    for (int32_t i = 0; i < d.length();) {
      UChar32 c = d.char32At(i);
      i += U16_LENGTH(c);
      std::string piece;
      bool pending = false;
      FoldIcu(icu::UnicodeString(c), "", &pending, &piece);
      if (pending) steps.push_back('\0');
      if (!piece.empty()) {
        steps.push_back(static_cast<char>(piece.size()));
        steps.append(piece);
      }
    }
  }
  std::array<std::string, 0x780 + 0x70> steps_;
};

const FoldTable& Table() {
  static const FoldTable table;
  return table;
}

// Shared folding loop; `sep` is what a run of separators becomes.
std::string Fold(std::string_view text, std::string_view sep) {
  std::string out;
  bool pending = false;
  size_t i = 0;
  if (sep.size() <= 1) {
    // The ASCII start, written in place (the common case, and all of most
    // texts): a separator run becomes at most one byte, so the output is no
    // longer than the input.
    out.resize(text.size());
    char* o = out.data();
    size_t n = 0;
    for (; i < text.size(); ++i) {
      auto c = static_cast<unsigned char>(text[i]);
      if (c >= 0x80) break;
      auto lower = static_cast<unsigned char>(c | 0x20);
      bool letter = lower >= 'a' && lower <= 'z';
      if (!letter && !(c >= '0' && c <= '9')) {
        pending = true;
        continue;
      }
      if (pending && n > 0 && !sep.empty()) o[n++] = sep[0];
      pending = false;
      o[n++] = static_cast<char>(letter ? lower : c);
    }
    out.resize(n);
    if (i == text.size()) return out;
  }
  out.reserve(text.size());
  auto ascii = [&](unsigned char c) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      pending = true;
      return;
    }
    if (pending && !out.empty()) out.append(sep);
    pending = false;
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  };
  // Beyond ASCII (or with a longer `sep`, from the start): through the
  // table while its code points last.
  const FoldTable& table = Table();
  size_t at = i, at_size = out.size();
  bool at_pending = pending;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ascii(c);
      ++i;
      continue;
    }
    size_t len;
    char32_t cp = DecodeUtf8(text, i, &len);
    const std::string* steps = table.Steps(cp);
    if (!steps) break;
    for (size_t k = 0; k < steps->size();) {
      auto n = static_cast<size_t>(static_cast<unsigned char>((*steps)[k]));
      ++k;
      if (n == 0) {
        pending = true;
        continue;
      }
      if (pending && !out.empty()) out.append(sep);
      pending = false;
      out.append(*steps, k, n);
      k += n;
    }
    i += len;
  }
  if (i == text.size()) return out;
  // Other scripts: ICU over the rest of the text.
  out.resize(at_size);
  pending = at_pending;
  std::string_view rest = text.substr(at);
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(rest.data(), static_cast<int32_t>(rest.size())));
  icu::UnicodeString d = Nfkd()->normalize(u, err);
  if (U_FAILURE(err)) d = u;
  FoldIcu(d, sep, &pending, &out);
  return out;
}

}  // namespace

std::string FoldName(std::string_view text) { return Fold(text, " "); }
std::string MergeKey(std::string_view text) { return Fold(text, ""); }
std::string MergeKeyOfFolded(std::string_view folded) {
  std::string out;
  out.reserve(folded.size());
  for (char c : folded) if (c != ' ') out.push_back(c);
  return out;
}

std::string Slug(std::string_view text) {
  std::string f = Fold(text, "-");
  std::string out;
  for (unsigned char c : f) {
    if (c < 0x80) out.push_back(static_cast<char>(c));
    else if (out.empty() || out.back() != '-') out.push_back('-');
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  while (!out.empty() && out.front() == '-') out.erase(out.begin());
  if (out.empty()) out = "entity";
  return out;
}

bool IsLetterBeyondAscii(char32_t cp) {
  return u_isalpha(static_cast<UChar32>(cp)) || u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK;
}
bool IsUpperBeyondAscii(char32_t cp) { return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp)); }
bool IsLowerBeyondAscii(char32_t cp) { return u_islower(static_cast<UChar32>(cp)); }
bool IsDigitBeyondAscii(char32_t cp) { return u_isdigit(static_cast<UChar32>(cp)); }
bool IsSpaceBeyondAscii(char32_t cp) {
  return u_isUWhiteSpace(static_cast<UChar32>(cp)) || cp == 0x200B || cp == 0xFEFF;
}

std::string ToLower(std::string_view text) {
  // ASCII, most words: lowered in place in a copy.
  std::string out(text);
  bool ascii = true;
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      ascii = false;
      break;
    }
    if (u >= 'A' && u <= 'Z') c = static_cast<char>(u + 32);
  }
  if (ascii) return out;
  out.clear();
  for (size_t i = 0; i < text.size();) {
    size_t len;
    char32_t cp = DecodeUtf8(text, i, &len);
    if (cp < 0x80) out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    else AppendUtf8(static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))), &out);
    i += len;
  }
  return out;
}

std::string ToTitle(std::string_view text) {
  std::string lower = ToLower(text);
  if (lower.empty()) return lower;
  size_t len;
  char32_t cp = DecodeUtf8(lower, 0, &len);
  std::string out;
  AppendUtf8(static_cast<char32_t>(u_toupper(static_cast<UChar32>(cp))), &out);
  out.append(lower, len, std::string::npos);
  return out;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

std::vector<std::string_view> SplitTabs(std::string_view line) { return Split(line, '\t'); }

}  // namespace kg

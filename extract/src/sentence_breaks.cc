#include "kg/extract/sentence_breaks.h"

#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>

#include <algorithm>
#include <array>
#include <memory>

#include "kg/base/text.h"

namespace kg {

namespace {

// The Sentence_Break property of every BMP code point, from ICU.
const std::array<uint8_t, 0x10000>& BmpClasses() {
  static const auto table = [] {
    auto t = std::make_unique<std::array<uint8_t, 0x10000>>();
    for (UChar32 c = 0; c < 0x10000; ++c) {
      (*t)[static_cast<size_t>(c)] = static_cast<uint8_t>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
    }
    return t;
  }();
  return *table;
}

uint8_t ClassOf(char32_t c) {
  if (c < 0x10000) return BmpClasses()[c];
  return static_cast<uint8_t>(u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SENTENCE_BREAK));
}

bool IsExtendOrFormat(uint8_t k) { return k == U_SB_EXTEND || k == U_SB_FORMAT; }
bool IsParaSep(uint8_t k) { return k == U_SB_SEP || k == U_SB_CR || k == U_SB_LF; }
bool IsTerm(uint8_t k) { return k == U_SB_ATERM || k == U_SB_STERM; }

// ASCII bytes that can end a sentence or a paragraph; every other ASCII
// byte is passed over without a lookup.
const std::array<bool, 128>& AsciiStops() {
  static const std::array<bool, 128> stops = [] {
    std::array<bool, 128> a{};
    for (char32_t c = 0; c < 128; ++c) a[c] = IsTerm(ClassOf(c)) || IsParaSep(ClassOf(c));
    return a;
  }();
  return stops;
}

// The start of the code point before byte `pos` (0 at the start).
size_t PrevStart(std::string_view text, size_t pos) {
  size_t p = pos - 1;
  size_t steps = 0;
  while (p > 0 && steps < 3 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) {
    --p;
    ++steps;
  }
  return p;
}

std::u32string ToUtf32(const icu::UnicodeString& s) {
  std::u32string out;
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

}  // namespace

SentenceBreaker::SentenceBreaker(const char* language) {
  AsciiStops();  // the tables are built once, before any thread needs them
  // The locale's own list (no fallback to the root, which has none).
  std::vector<std::u32string> entries;
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* bundle = ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", language, &status);
  if (U_SUCCESS(status) && status != U_USING_DEFAULT_WARNING) {
    UResourceBundle* exceptions = ures_getByKey(bundle, "exceptions", nullptr, &status);
    UResourceBundle* list = ures_getByKey(exceptions, "SentenceBreak", nullptr, &status);
    for (int32_t i = 0; U_SUCCESS(status) && i < ures_getSize(list); ++i) {
      int32_t len = 0;
      const UChar* s = ures_getStringByIndex(list, i, &len, &status);
      if (U_SUCCESS(status)) entries.push_back(ToUtf32(icu::UnicodeString(s, len)));
    }
    ures_close(list);
    ures_close(exceptions);
  }
  ures_close(bundle);
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());

  // ICU's grouping: an entry with a full stop before its end ("P.O.")
  // is matched backwards by its part up to that stop ("P."), then forwards
  // whole; so is every entry starting with such a part ("P.", "P.-D. G.").
  std::vector<std::u32string> partial_parts;
  for (const std::u32string& e : entries) {
    size_t dot = e.find(U'.');
    if (dot != std::u32string::npos && dot + 1 != e.size()) partial_parts.push_back(e.substr(0, dot + 1));
  }
  std::sort(partial_parts.begin(), partial_parts.end());
  partial_parts.erase(std::unique(partial_parts.begin(), partial_parts.end()), partial_parts.end());
  for (const std::u32string& e : entries) {
    bool forward = false;
    for (const std::u32string& part : partial_parts) forward = forward || e.compare(0, part.size(), part) == 0;
    if (forward) {
      forward_.insert(e);
      for (size_t k = 1; k < e.size(); ++k) forward_prefixes_.insert(e.substr(0, k));
    } else {
      backward_[std::u32string(e.rbegin(), e.rend())] = kWhole;
    }
  }
  for (const std::u32string& part : partial_parts) backward_[std::u32string(part.rbegin(), part.rend())] = kPartial;
  for (const auto& [key, match] : backward_) {
    for (size_t k = 1; k < key.size(); ++k) backward_prefixes_.insert(key.substr(0, k));
  }
}

bool SentenceBreaker::Suppressed(std::string_view text, size_t at) const {
  if (backward_.empty() || at == 0) return false;
  // Backwards from the break, over one space ("M. |Dupont").
  size_t pos = at;
  if (text[at - 1] == ' ') pos = at - 1;
  std::u32string reversed;
  reversed.reserve(16);
  size_t best = std::string_view::npos;
  uint8_t best_match = 0;
  while (pos > 0) {
    size_t start = PrevStart(text, pos);
    size_t len;
    reversed.push_back(DecodeUtf8(text, start, &len));
    pos = start;
    auto it = backward_.find(reversed);
    if (it != backward_.end()) {
      best = pos;
      best_match = it->second;
    }
    if (!backward_prefixes_.count(reversed)) break;
  }
  if (best == std::string_view::npos) return false;
  if (best_match == kWhole) return true;
  // A partial match ("U." of "U.S."): the whole entry must follow, read
  // forwards until no entry goes on.
  std::u32string read;
  for (size_t p = best; p < text.size();) {
    size_t len;
    read.push_back(DecodeUtf8(text, p, &len));
    p += len;
    if (!forward_prefixes_.count(read)) return forward_.count(read) > 0;
  }
  return forward_.count(read) > 0;
}

void SentenceBreaker::Breaks(std::string_view text, std::vector<size_t>* cuts) const {
  const size_t n = text.size();
  auto class_at = [&](size_t p, size_t* len) { return ClassOf(DecodeUtf8(text, p, len)); };
  // Rule 5: Extend and Format characters go with the character before.
  auto skip_attached = [&](size_t p) {
    size_t len;
    while (p < n && IsExtendOrFormat(class_at(p, &len))) p += len;
    return p;
  };
  auto add = [&](size_t cut) {
    if (cut < n && Suppressed(text, cut)) return;
    cuts->push_back(cut);
  };
  const std::array<bool, 128>& stops = AsciiStops();
  size_t i = 0;
  while (i < n) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80 && !stops[b]) {
      ++i;
      continue;
    }
    size_t len;
    uint8_t k = class_at(i, &len);
    if (k == U_SB_CR) {  // rules 3 and 4: CR LF is one separator
      size_t end = i + len;
      if (end < n && text[end] == '\n') ++end;
      add(end);
      i = end;
      continue;
    }
    if (k == U_SB_LF || k == U_SB_SEP) {
      add(i + len);
      i += len;
      continue;
    }
    if (!IsTerm(k)) {
      i += len;
      continue;
    }
    size_t after = skip_attached(i + len);
    size_t next_len = 0;
    uint8_t next = after < n ? class_at(after, &next_len) : static_cast<uint8_t>(U_SB_OTHER);
    if (k == U_SB_ATERM) {
      if (next == U_SB_NUMERIC) {  // rule 6: "3.5"
        i = after;
        continue;
      }
      if (next == U_SB_UPPER && i > 0) {  // rule 7: "U.S"
        size_t p = i;
        uint8_t before = U_SB_OTHER;
        while (p > 0) {
          p = PrevStart(text, p);
          size_t l;
          before = class_at(p, &l);
          if (!IsExtendOrFormat(before)) break;
        }
        if (before == U_SB_UPPER || before == U_SB_LOWER) {
          i = after;
          continue;
        }
      }
    }
    // Close* Sp*
    size_t p = after;
    while (p < n && class_at(p, &next_len) == U_SB_CLOSE) p = skip_attached(p + next_len);
    while (p < n && class_at(p, &next_len) == U_SB_SP) p = skip_attached(p + next_len);
    if (p >= n) break;
    next = class_at(p, &next_len);
    if (next == U_SB_SCONTINUE || IsTerm(next)) {  // rule 8a: "?!", "etc.,"
      i = p;
      continue;
    }
    if (k == U_SB_ATERM) {  // rule 8: no break before a lower-case word ("p. ex. le")
      size_t q = p;
      uint8_t qk = next;
      size_t q_len = next_len;
      while (qk != U_SB_OLETTER && qk != U_SB_UPPER && qk != U_SB_LOWER && !IsParaSep(qk) && !IsTerm(qk)) {
        q += q_len;
        if (q >= n) break;
        qk = class_at(q, &q_len);
      }
      if (q < n && qk == U_SB_LOWER) {
        i = q;
        continue;
      }
    }
    // Rules 9 to 11: the break comes after the closing marks, the spaces
    // and one paragraph separator.
    if (next == U_SB_CR) {
      p += next_len;
      if (p < n && text[p] == '\n') ++p;
    } else if (next == U_SB_LF || next == U_SB_SEP) {
      p += next_len;
    }
    add(p);
    i = p;
  }
  if (n > 0 && (cuts->empty() || cuts->back() != n)) cuts->push_back(n);
}

}  // namespace kg

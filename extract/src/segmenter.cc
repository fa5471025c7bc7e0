#include "kg/extract/segmenter.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>
#include <string>
#include <unordered_set>

#include "kg/base/text.h"
#include "lexicon_data.h"
#include "kg/extract/sentence_breaks.h"

namespace kg {

namespace {

const std::unordered_set<std::string>& Abbreviations() {
  static const std::unordered_set<std::string> set = [] {
    std::unordered_set<std::string> s;
    for (const auto& line : data::Lines(data::abbreviations_txt)) s.insert(std::string(line));
    return s;
  }();
  return set;
}

bool IsSpaceAt(std::string_view text, size_t pos, size_t* len) {
  char32_t cp = DecodeUtf8(text, pos, len);
  return IsSpace(cp);
}

// The word (letters, digits, dots) that ends right before byte `end`.
std::string_view WordBefore(std::string_view text, size_t end) {
  size_t b = end;
  while (b > 0) {
    size_t p = b - 1;
    while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
    size_t len;
    char32_t cp = DecodeUtf8(text, p, &len);
    if (!(IsLetter(cp) || IsDigit(cp) || cp == '.')) break;
    b = p;
  }
  return text.substr(b, end - b);
}

bool IsStopByte(char c) { return c == '.' || c == '!' || c == '?' || c == '\xE2'; }

bool IsClosingQuote(char32_t cp) { return cp == 0xBB || cp == 0x201D || cp == 0x2019 || cp == '"' || cp == 0x203A || cp == ')'; }

// A word of up to four ASCII letters, lower-cased, packed into an integer.
constexpr uint32_t Pack(std::string_view w) {
  uint32_t v = 0;
  for (char c : w) v = (v << 8) | static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return v;
}

// Whether `text` has a letter French writes and English hardly does: é, è,
// ê, à, â, ç, ù, û, î, ô, ë, ï (either case) or œ.
bool HasFrenchLetter(std::string_view text) {
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    const auto lead = static_cast<unsigned char>(text[i]), next = static_cast<unsigned char>(text[i + 1]);
    if (lead == 0xC5 && (next == 0x93 || next == 0x92)) return true;  // œ Œ
    if (lead != 0xC3) continue;
    switch (next | 0x20) {  // the lower-case letter's second byte
      case 0xA9: case 0xA8: case 0xAA: case 0xA0: case 0xA2: case 0xA7:
      case 0xB9: case 0xBB: case 0xAE: case 0xB4: case 0xAB: case 0xAF:
        return true;
      default:
        break;
    }
  }
  return false;
}

}  // namespace

Language DetectLanguage(std::string_view text) {
  static constexpr uint32_t kEnglish[] = {
      Pack("the"),  Pack("and"),  Pack("of"),   Pack("to"),   Pack("in"),  Pack("is"),   Pack("that"),
      Pack("for"),  Pack("with"), Pack("on"),   Pack("was"),  Pack("said"), Pack("it"),  Pack("by"),
      Pack("as"),   Pack("from"), Pack("has"),  Pack("its"),  Pack("who"), Pack("also"),
      Pack("are"),  Pack("were"), Pack("will"), Pack("this"), Pack("an"),  Pack("at"),   Pack("be"),
      Pack("but"),  Pack("not"),  Pack("have"), Pack("had"),  Pack("they")};
  static constexpr uint32_t kFrench[] = {
      Pack("le"),  Pack("la"),  Pack("les"),   Pack("de"),  Pack("des"),  Pack("et"),  Pack("est"),  Pack("un"),
      Pack("une"), Pack("du"),  Pack("que"),   Pack("qui"), Pack("dans"), Pack("pour"), Pack("en"),  Pack("au"),
      Pack("sur"), Pack("a"),   Pack("aux"),   Pack("il"),  Pack("elle"), Pack("ont"), Pack("ce"),   
      Pack("pas"), Pack("par"), Pack("se"),    Pack("son"), Pack("sa"),   Pack("ses"), Pack("avec"), Pack("mais")};
  // Both lists in one open-addressing table: packed word -> bit 1 English, bit 2 French.
  struct Table {
    std::array<uint32_t, 256> key{};
    std::array<uint8_t, 256> bits{};
    static size_t Slot(uint32_t w) { return (w * 2654435761u) >> 24; }
    void Add(uint32_t w, uint8_t bit) {
      size_t i = Slot(w);
      while (key[i] != 0 && key[i] != w) i = (i + 1) & 255;
      key[i] = w;
      bits[i] |= bit;
    }
    uint8_t Find(uint32_t w) const {
      for (size_t i = Slot(w); key[i] != 0; i = (i + 1) & 255) if (key[i] == w) return bits[i];
      return 0;
    }
  };
  static const Table table = [] {
    Table t;
    for (uint32_t w : kEnglish) t.Add(w, 1);
    for (uint32_t w : kFrench) t.Add(w, 2);
    return t;
  }();
  // ASCII letters, lower-cased; 0 for every other byte.
  static constexpr std::array<unsigned char, 256> kLetter = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c) {
      t[c] = static_cast<unsigned char>(c);
      t[c - 32] = static_cast<unsigned char>(c);
    }
    return t;
  }();
  int en = 0, fr = 0;
  bool words = false;
  size_t limit = std::min<size_t>(text.size(), 2000);
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  // Run by run of ASCII letters, each packed (lower-cased) as it is read:
  // function words of up to four letters are the telling ones.
  size_t i = 0;
  while (i < limit) {
    while (i < limit && !kLetter[p[i]]) ++i;
    size_t start = i;
    uint32_t packed = 0;
    for (unsigned char l; i < limit && (l = kLetter[p[i]]) != 0; ++i) packed = (packed << 8) | l;
    size_t letters = i - start;
    words = words || letters > 0;
    if (letters > 0 && letters <= 4) {
      uint8_t bits = table.Find(packed);
      en += bits & 1;
      fr += bits >> 1;
    }
  }
  if (en >= 2 && 2 * en > 3 * fr) return Language::kEnglish;
  // Few function words either way (a table, a short dispatch: "Net sales
  // 289.1 vs 256.9", "Company Name Homegate Hospitality Inc"): English when
  // the text has words, at least as many English function words as French
  // ones, and no French letter (é, è, à, ç...).
  return words && en >= fr && !HasFrenchLetter(text.substr(0, limit)) ? Language::kEnglish : Language::kFrench;
}

bool IsAbbreviation(std::string_view word) {
  while (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.empty()) return false;
  size_t len;
  char32_t first = DecodeUtf8(word, 0, &len);
  if (len == word.size() && IsUpper(first)) return true;  // initials: "J." "M."
  // Dotted acronyms: U.S, U.E (each part one letter).
  bool dotted = word.find('.') != std::string_view::npos;
  if (dotted) {
    bool ok = true;
    size_t i = 0;
    while (i < word.size()) {
      size_t l;
      char32_t c = DecodeUtf8(word, i, &l);
      if (!IsLetter(c)) { ok = false; break; }
      i += l;
      if (i < word.size()) {
        if (word[i] != '.') { ok = false; break; }
        ++i;
      }
    }
    if (ok) return true;
  }
  return Abbreviations().count(std::string(word)) > 0;
}

namespace {

// Two capital letters or more, nothing else ("AFP", "ONU").
bool IsCapitals(std::string_view w) {
  size_t n = 0, len = 0;
  for (size_t k = 0; k < w.size(); k += len) {
    if (!IsUpper(DecodeUtf8(w, k, &len))) return false;
    ++n;
  }
  return n >= 2;
}

// Unicode's rule keeps "Upper . Upper" together (U.S. Government), so a
// sentence ending in an acronym runs on: "Trump a menacé TSMC. Huawei a
// racheté...". Cut after a word of two or more capitals without dots (not a
// known abbreviation) when a space and a capitalised word follow.
template <typename Seg>
void SplitAfterAcronyms(std::string_view text, std::vector<Seg>* segs) {
  std::vector<Seg> out;
  for (const Seg& s : *segs) {
    size_t start = s.start;
    for (size_t i = text.find(". ", s.start); i != std::string_view::npos && i + 2 < s.end; i = text.find(". ", i + 1)) {
      std::string_view w = WordBefore(text, i);
      size_t upper = 0, len = 0;
      bool caps = !w.empty();
      for (size_t k = 0; k < w.size() && caps; k += len) {
        char32_t c = DecodeUtf8(w, k, &len);
        caps = IsUpper(c) || IsDigit(c);
        upper += IsUpper(c);
      }
      if (!caps || upper < 2 || IsAbbreviation(w)) continue;
      size_t next = i + 1;
      while (next < s.end && text[next] == ' ') ++next;
      size_t l1 = 0, l2 = 0;
      if (next >= s.end || !IsUpper(DecodeUtf8(text, next, &l1)) || next + l1 >= s.end) continue;
      if (!IsLower(DecodeUtf8(text, next + l1, &l2))) continue;
      out.push_back({start, next});
      start = next;
    }
    out.push_back({start, s.end});
  }
  segs->swap(out);
}

// A heading glued to the sentence after it, its line break lost in
// scraping: "Cinq enfants et deux mariagesHenri d'Orléans était...",
// "Un protocole en questionLaurent Berger a...". Cut inside a word where
// four lower-case letters or more, from the word's start, meet a capital
// and three lower-case letters or more (not "easyJet", "iPhone", "macOS",
// which start with fewer or end in capitals). So does a closing parenthesis
// glued to such a word: "(OSDH)Selon l'OSDH".
template <typename Seg>
void SplitGluedHeadings(std::string_view text, std::vector<Seg>* segs) {
  std::vector<Seg> out;
  for (const Seg& s : *segs) {
    size_t start = s.start, lower_run = 0;  // lower-case letters since the word's start (0 once broken)
    bool in_word = false, after_paren = false;
    for (size_t i = s.start, len = 0; i < s.end; i += len) {
      const char32_t c = DecodeUtf8(text, i, &len);
      if (IsUpper(c) && ((in_word && lower_run >= 4) || after_paren)) {
        size_t tail = 0, k = i + len, l = 0;
        while (k < s.end && IsLower(DecodeUtf8(text, k, &l))) ++tail, k += l;
        if (tail >= 3) {
          out.push_back({start, i});
          start = i;
        }
      }
      const bool letter = IsLetter(c) || c == '\'' || c == 0x2019 || c == '-';
      lower_run = !in_word && IsLower(c) ? 1 : in_word && IsLower(c) && lower_run > 0 ? lower_run + 1 : 0;
      in_word = letter;
      after_paren = c == ')' && i > s.start;
    }
    out.push_back({start, s.end});
  }
  segs->swap(out);
}

}  // namespace

struct Segmenter::Impl {
  explicit Impl(const char* language) : breaker(language) {}
  SentenceBreaker breaker;
};

Segmenter::Segmenter(Language lang)
    : impl_(std::make_unique<Impl>(lang == Language::kFrench ? "fr" : "en")) {}

Segmenter::~Segmenter() = default;

namespace {

// A sentence's bytes [start, end) while the boundaries are repaired.
struct Seg {
  size_t start, end;
};

// Splits on a lost space: "plainte.Mais", "mondiale…Vent", "l'AFP.Les".
void SplitLostSpaces(std::string_view text, std::vector<Seg>* segs) {
  std::vector<Seg> split;
  for (const Seg& s : *segs) {
    size_t start = s.start;
    for (size_t i = s.start + 1; i + 1 < s.end; ++i) {
      // Straight to the next byte that can end a sentence: . ! ? or the
      // first byte of "…".
      while (i + 1 < s.end && !IsStopByte(text[i])) ++i;
      if (i + 1 >= s.end) break;
      size_t after = 0;
      bool dot = text[i] == '.' || text[i] == '!' || text[i] == '?';
      size_t mark_len = 1;
      if (!dot && static_cast<unsigned char>(text[i]) == 0xE2 && i + 2 < text.size() && text[i + 1] == '\x80' &&
          text[i + 2] == '\xA6') {  // "…"
        dot = true;
        mark_len = 3;
      }
      if (!dot) continue;
      after = i + mark_len;
      if (after >= s.end) continue;
      size_t l1, l2;
      char32_t next = DecodeUtf8(text, after, &l1);
      if (!IsUpper(next) || after + l1 >= s.end) continue;
      char32_t next2 = DecodeUtf8(text, after + l1, &l2);
      // "plainte.Mais", "ans.M. Dupont", "exemplaires.L'enjeu"; an ellipsis
      // needs a lower-case letter after the capital ("mondiale…Vent").
      if (mark_len == 3 && !IsLower(next2)) continue;
      size_t pl;
      size_t p = i - 1;
      while (p > s.start && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
      char32_t before = DecodeUtf8(text, p, &pl);
      std::string_view w = WordBefore(text, i);
      // (Also after an acronym: "l'AFP.Des dizaines", not "M.Dupont".)
      bool ok = mark_len == 3 ? !IsSpace(before) : IsLower(before) || (IsLower(next2) && IsCapitals(w));
      if (!ok) continue;
      if (mark_len == 1 && (w.size() < 2 || IsAbbreviation(w))) continue;
      split.push_back({start, after});
      start = after;
    }
    split.push_back({start, s.end});
  }
  segs->swap(split);
}

// Joins segments that ICU's rules cut too early: a closing quote cut off
// from its sentence, an abbreviation, a lower-case continuation after ! or ?.
std::vector<Seg> MergeSplitSentences(std::string_view text, const std::vector<Seg>& segs) {
  std::vector<Seg> merged;
  for (const Seg& s : segs) {
    if (merged.empty()) { merged.push_back(s); continue; }
    Seg& last = merged.back();
    // Trim to look at the real boundary characters.
    size_t le = last.end;
    while (le > last.start) {
      size_t p = le - 1;
      while (p > last.start && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
      size_t l;
      if (!IsSpaceAt(text, p, &l)) break;
      le = p;
    }
    bool newline_between = false;
    for (size_t k = le; k < last.end; ++k) if (text[k] == '\n' || text[k] == '\r') newline_between = true;
    size_t ns = s.start;
    size_t l;
    while (ns < s.end && IsSpaceAt(text, ns, &l)) ns += l;
    if (ns >= s.end) { last.end = s.end; continue; }
    char32_t first = DecodeUtf8(text, ns, &l);
    // Closing quote cut off from its sentence.
    if (!newline_between && IsClosingQuote(first) && first != 0x2019) {
      size_t q = ns + l;
      size_t ql;
      while (q < s.end && IsSpaceAt(text, q, &ql)) q += ql;
      char32_t after = q < s.end ? DecodeUtf8(text, q, &ql) : 0;
      if (q >= s.end || IsLower(after) || after == ',' || after == '.') {
        last.end = s.end;  // « ... ! » dit-il.  -> one sentence
      } else {
        last.end = q;      // keep the quote, start the next sentence after it
        if (q < s.end) merged.push_back({q, s.end});
      }
      continue;
    }
    // Abbreviation at the end of the previous segment: "M. Dupont".
    if (!newline_between && le > last.start && text[le - 1] == '.') {
      std::string_view w = WordBefore(text, le - 1);
      if (!w.empty() && IsAbbreviation(w) && !IsLower(first)) {
        last.end = s.end;
        continue;
      }
    }
    // A lowercase continuation after ! or ? inside running text.
    if (!newline_between && IsLower(first) && le > last.start &&
        (text[le - 1] == '!' || text[le - 1] == '?')) {
      last.end = s.end;
      continue;
    }
    merged.push_back(s);
  }
  return merged;
}

// Runaway "sentences" (a text without punctuation, a table flattened into
// one line) are cut at the last space before kMaxSentenceBytes.
std::vector<Seg> BoundRunaways(std::string_view text, const std::vector<Seg>& merged) {
  std::vector<Seg> bounded;
  for (const Seg& s : merged) {
    size_t start = s.start;
    while (s.end - start > kMaxSentenceBytes) {
      size_t cut = start + kMaxSentenceBytes;
      while (cut > start && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      size_t space = text.rfind(' ', cut);
      if (space != std::string_view::npos && space > start + kMaxSentenceBytes / 2) cut = space;
      bounded.push_back({start, cut});
      start = cut;
    }
    bounded.push_back({start, s.end});
  }
  return bounded;
}

// The segments as sentence spans, without their leading and trailing spaces.
std::vector<SentenceSpan> Trimmed(std::string_view text, const std::vector<Seg>& bounded) {
  std::vector<SentenceSpan> out;
  out.reserve(bounded.size());
  for (const Seg& s : bounded) {
    size_t b = s.start, e = s.end, l;
    while (b < e && IsSpaceAt(text, b, &l)) b += l;
    while (e > b) {
      size_t p = e - 1;
      while (p > b && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
      if (!IsSpaceAt(text, p, &l)) break;
      e = p;
    }
    if (e > b) out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  }
  return out;
}

}  // namespace

std::vector<SentenceSpan> Segmenter::Split(std::string_view text) const {
  // 1. ICU's boundaries (sentence_breaks.h).
  std::vector<size_t> cuts;
  impl_->breaker.Breaks(text, &cuts);  // the last is text.size()
  // 2. Raw segments, then repairs.
  std::vector<Seg> segs;
  size_t prev = 0;
  for (size_t c : cuts) {
    if (c > prev) segs.push_back({prev, c});
    prev = c;
  }
  SplitLostSpaces(text, &segs);
  SplitAfterAcronyms(text, &segs);
  SplitGluedHeadings(text, &segs);
  return Trimmed(text, BoundRunaways(text, MergeSplitSentences(text, segs)));
}

}  // namespace kg

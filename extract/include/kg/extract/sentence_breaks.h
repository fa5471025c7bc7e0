// Sentence boundaries as ICU's sentence break iterator for "fr@ss=standard"
// or "en@ss=standard" gives them — the rules of Unicode UAX #29 on ICU's
// character properties, then no break after the locale's abbreviations from
// ICU's data ("M.", "av. J.-C.", "U.S.") — computed directly on UTF-8.
//
// Why not ICU's iterator itself: it walks UTF-16 through a general rule
// machine, so the text had to be converted first, and the two cost some
// 6% of a corpus build; this scanner only looks closely at the few
// characters that can end a sentence. tests/sentence_breaks_test.cc checks
// that both give the same boundaries.
//
//   SentenceBreaker breaker("fr");
//   std::vector<size_t> cuts;            // byte offsets; the last is text.size()
//   breaker.Breaks(text, &cuts);
//
// Thread safety: const after construction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kg {

class SentenceBreaker {
 public:
  // `language`: an ICU locale name whose break data lists the abbreviations
  // ("fr", "en"); none when ICU has no such list.
  explicit SentenceBreaker(const char* language);

  // Appends to `cuts` the byte offset after each sentence, in order; the
  // last is text.size() (nothing for an empty text).
  void Breaks(std::string_view text, std::vector<size_t>* cuts) const;

 private:
  // True when a break at `at` falls right after an abbreviation.
  bool Suppressed(std::string_view text, size_t at) const;

  // The abbreviations as ICU matches them: backwards from the break, the
  // longest entry (reversed) wins; an entry with an inner full stop ("U.S.")
  // matches its first part backwards ("U.", partial) and then whole forwards.
  enum Match : uint8_t { kPartial = 1, kWhole = 2 };
  std::unordered_map<std::u32string, uint8_t> backward_;  // reversed entries or partial prefixes
  std::unordered_set<std::u32string> backward_prefixes_;  // every proper prefix of a backward_ key
  std::unordered_set<std::u32string> forward_;            // entries with an inner full stop
  std::unordered_set<std::u32string> forward_prefixes_;   // every proper prefix of a forward_ entry
};

}  // namespace kg

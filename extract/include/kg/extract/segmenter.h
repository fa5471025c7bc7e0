// Sentence segmentation: the boundaries of ICU's sentence break iterator
// (fr@ss=standard or en@ss=standard, computed by our scanner,
// kg/extract/sentence_breaks.h), repaired where real news breaks it:
//  - no break after our abbreviations (M., Mme, Dr, Inc., U.S., initials);
//  - a break where scraped text lost the space after a full stop
//    ("porté plainte.Mais Apple") or after an ellipsis;
//  - closing guillemets after ! or ? stay with their sentence, and a quote
//    followed by a lowercase continuation (« Pourquoi ? » demande-t-il) is one
//    sentence.
//
//   Segmenter seg(Language::kFrench);
//   std::vector<SentenceSpan> s = seg.Split(text);
//
// Spans are trimmed of white space and never empty. Thread safety: Split
// may be called concurrently.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "kg/extract/document.h"

namespace kg {

enum class Language { kFrench, kEnglish };

// French or English, from the share of each language's commonest words in
// the first 2,000 bytes (some 300 words: plenty for function words, and
// half the cost of 4,000, which decided no document of the corpus otherwise);
// French when unsure.
Language DetectLanguage(std::string_view text);

// No sentence is longer than this; longer runs are cut at a space.
constexpr size_t kMaxSentenceBytes = 2000;

class Segmenter {
 public:
  explicit Segmenter(Language lang = Language::kFrench);
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  std::vector<SentenceSpan> Split(std::string_view text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True when `word` (without its final period) is an abbreviation that does
// not end a sentence: "M", "Mme", "Dr", "Inc", "etc" is not one.
bool IsAbbreviation(std::string_view word);

}  // namespace kg

// Internal to the entity recognizer: the gazetteer phrases of a sentence,
// matched token by token where the text writes them with the gazetteer's
// capitals ("Le Monde" the paper, not "le monde entier").
//
// Usage:
//   GazetteerMatcher gazetteer(sentence);
//   int entry;
//   size_t last = gazetteer.Match(i, &entry);  // entry -1: none at i
//
// Thread safety: none (it fills the recognizer's spellings cache).
#pragma once

#include <string_view>

#include "sentence_context.h"

namespace kg::recognition {

class GazetteerMatcher {
 public:
  explicit GazetteerMatcher(const SentenceContext& sentence) : s_(sentence) {}

  // The longest gazetteer phrase starting at token i; returns its last token
  // (i when none) and sets `entry` (-1 when none).
  size_t Match(size_t i, int* entry, std::string_view article = {}) const;
  // Whether `text` (FoldName of it: `folded`) capitalises what gazetteer
  // entry `entry` does.
  bool CaseMatches(std::string_view text, std::string_view folded, int entry, bool exact) const;
  bool Abbreviation(size_t first, size_t last) const;

 private:
  const SentenceContext& s_;
};

}  // namespace kg::recognition

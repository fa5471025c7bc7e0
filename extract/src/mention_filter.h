// Internal to the entity recognizer: what of a scanned span is a mention —
// the span trimmed of titles, weak leading words and trailing connectors, its
// gazetteer entry, and whether it is a name at all or only if the document
// confirms it elsewhere (weak).
//
// Usage:
//   MentionFilter filter(sentence, words, gazetteer);
//   if (filter.TrimSpan(&first, &last, &gaz, &titled)) ...
//
// Thread safety: none (NameWords caches on the words).
#pragma once

#include <optional>
#include <string>

#include "candidate.h"
#include "gazetteer_match.h"
#include "name_words.h"
#include "sentence_context.h"

namespace kg::recognition {

class MentionFilter {
 public:
  MentionFilter(const SentenceContext& sentence, const NameWords& words, const GazetteerMatcher& gazetteer)
      : s_(sentence), words_(words), gazetteer_(gazetteer) {}

  // The span without the words around it that are no part of the name;
  // false when nothing is left.
  bool CardinalOfPlace(size_t first, size_t last) const;
  // An English sentence's first word that opens the name after it.
  bool EnglishNameOpener(size_t first, size_t last) const;
  bool TrimSpan(size_t* first_io, size_t* last_io, int* gaz_io, bool* titled) const;
  // Sets the gazetteer entry of a span not matched as one.
  void FindEntry(size_t first, size_t last, Candidate* cand, std::string* folded) const;
  // Whether the candidate is weak; nullopt when it is no name at all.
  std::optional<bool> Weakness(size_t first, size_t last, const Candidate& c) const;

 private:
  // An English word inside a sentence that the dictionary has with this
  // capital ("Somerset", "Reading").
  bool EnglishCapitalEntry(size_t i) const;
  bool TeamName(size_t i) const;
  bool AllCommonWords(size_t first, size_t last) const;

  const SentenceContext& s_;
  const NameWords& words_;
  const GazetteerMatcher& gazetteer_;
};

}  // namespace kg::recognition

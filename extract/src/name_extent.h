// Internal to the entity recognizer: how far a name goes from the word that
// opens it — its following capitalised words, middle initials, particles
// ("Charles de Gaulle"), versions ("Llama 3.1"), and the lower-case words a
// head noun takes ("tribunal correctionnel de Vesoul").
//
// Usage:
//   NameExtender extender(sentence, words, gazetteer);
//   size_t last = extender.Extend(first);
//
// Thread safety: none (NameWords caches on the words).
#pragma once

#include "gazetteer_match.h"
#include "name_words.h"
#include "sentence_context.h"

namespace kg::recognition {

class NameExtender {
 public:
  NameExtender(const SentenceContext& sentence, const NameWords& words, const GazetteerMatcher& gazetteer)
      : s_(sentence), words_(words), gazetteer_(gazetteer) {}

  // The last token of the name that starts at token i (i itself when none follows).
  size_t Extend(size_t i) const;

 private:
  bool ComplementOfRole(size_t i) const;
  size_t HeadedTail(size_t i, size_t end) const;
  size_t ParticleName(size_t i, size_t end, size_t k) const;
  size_t ArticleSurname(size_t end, size_t k) const;
  bool IsModelSuffix(size_t k) const;
  bool IsScore(size_t k) const;
  bool ProductLike(size_t first, size_t last) const;
  bool IsVersionNumber(size_t k) const;

  const SentenceContext& s_;
  const NameWords& words_;
  const GazetteerMatcher& gazetteer_;
};

}  // namespace kg::recognition

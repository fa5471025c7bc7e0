// Internal to the word-pattern relation finder: co-occurrence edges between
// the entities of one sentence that no stated relation links.
//
// Usage: Cooccurrences(sentence).Run(), after the other finders.
// Ensures: each name is paired with at most kWindow names after it, so a list
// of a thousand names does not make a million edges; one edge per entity pair.
#pragma once

#include <cstddef>

#include "relation_sentence.h"

namespace kg::relations {

class Cooccurrences {
 public:
  static constexpr size_t kWindow = 20;

  explicit Cooccurrences(RelationSentence& sentence) : s_(sentence) {}

  // Adds an edge for every pair of distinct entities not related yet.
  void Run();

 private:
  RelationSentence& s_;
};

}  // namespace kg::relations

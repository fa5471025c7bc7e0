// Internal to the word-pattern relation finder: the verb groups of a sentence,
// each a finite verb with its auxiliaries, modals and infinitive chain
// ("a tenté de contourner" -> contourner), or a participle before "par" / "by".
//
// Usage: VerbGroupFinder(sentence).Find(), as VerbRelations does.
// Ensures: groups in text order, none overlapping; none before the sentence's
// first mention.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "relation_sentence.h"

namespace kg::relations {

struct VerbGroup {
  size_t start = 0;
  size_t end = 0;   // last token of the group
  std::string lemma;
  bool negated = false;
  bool passive = false;
  bool participial = false;  // "soutenu par": no subject of its own
  bool speech = false;       // followed by a clause (que ...)
  bool light = false;
};

class VerbGroupFinder {
 public:
  explicit VerbGroupFinder(RelationSentence& sentence) : s_(sentence) {}

  std::vector<VerbGroup> Find();

 private:
  bool IsAdverbLocution(size_t j) const;
  size_t FollowChain(size_t k, VerbGroup* g);

  RelationSentence& s_;
  bool pending_neg_ = false;  // a "ne" / "n’" seen since the last verb or clause boundary
};

}  // namespace kg::relations

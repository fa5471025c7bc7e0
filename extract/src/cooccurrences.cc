#include "cooccurrences.h"

#include <algorithm>
#include <set>

namespace kg::relations {

void Cooccurrences::Run() {
  const size_t count = s_.mentions().size();
  std::set<RelationSentence::Pair> paired;
  for (size_t a = 0; a < count; ++a) {
    for (size_t b = a + 1; b < count && b <= a + kWindow; ++b) {
      uint32_t ea = s_.EntityOf(a), eb = s_.EntityOf(b);
      if (ea == eb) continue;
      auto key = std::minmax(ea, eb);
      if (s_.Related(key) || !paired.insert(key).second) continue;
      s_.AddCooccurrence(ea, eb);
    }
  }
}

}  // namespace kg::relations

#include "relation_words.h"

#include "word_classes.h"

namespace kg::relations {

bool IsClauseBoundary(std::string_view w) { return InWordClass(WordClass::kClauseBoundary, w); }
bool IsDeterminer(std::string_view w) { return InWordClass(WordClass::kDeterminer, w); }
bool IsPreposition(std::string_view w) { return InWordClass(WordClass::kPreposition, w); }
bool IsNegationEnd(std::string_view w) { return InWordClass(WordClass::kNegationEnd, w); }
bool IsClitic(std::string_view w) { return InWordClass(WordClass::kClitic, w); }
bool IsSubjectPronoun(std::string_view w) { return InWordClass(WordClass::kSubjectPronoun, w); }
bool IsOfWord(std::string_view w) { return InWordClass(WordClass::kOfWord, w); }
bool IsLinkingAdverb(std::string_view w) { return InWordClass(WordClass::kLinkingAdverb, w); }
bool IsCoordination(std::string_view w) { return IsListJoiner(w); }

uint32_t WordClassesOf(std::string_view w) {
  uint32_t c = 0;
  if (InWordClass(WordClass::kNegationStart, w)) c |= kNegationStart;
  if (IsNegationEnd(w)) c |= kNegationEnd;
  if (IsClauseBoundary(w)) c |= kClauseBoundary;
  if (IsDeterminer(w)) c |= kDeterminer;
  if (IsPreposition(w)) c |= kPreposition;
  return c;
}

}  // namespace kg::relations

// Internal to the word-pattern relation finder: the closed classes of French
// and English words its patterns ask about (their words are
// data/word_classes.tsv), and the word-class bits cached on each word of a
// sentence (see RelationSentence::Is).
#pragma once

#include <cstdint>
#include <string_view>

#include "word_bits.h"

namespace kg::relations {

// Words that end the clause a verb governs.
bool IsClauseBoundary(std::string_view w);
bool IsDeterminer(std::string_view w);
bool IsPreposition(std::string_view w);
bool IsNegationEnd(std::string_view w);
bool IsClitic(std::string_view w);
bool IsSubjectPronoun(std::string_view w);
// Words that attach a complement to a role or part noun: "fondateur du", "chez".
bool IsOfWord(std::string_view w);
bool IsLinkingAdverb(std::string_view w);
bool IsCoordination(std::string_view w);

// Word classes the verb-group scan asks of every token, as bits cached on
// the word (Word::CachedMask; the bits are listed in word_bits.h).
using word_bits::kClauseBoundary;
using word_bits::kDeterminer;
using word_bits::kNegationEnd;
using word_bits::kNegationStart;
using word_bits::kPreposition;
using word_bits::kWordClasses;

// The kWordClasses bits of lower-case word w.
uint32_t WordClassesOf(std::string_view w);

}  // namespace kg::relations

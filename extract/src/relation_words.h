// Internal to the word-pattern relation finder: the closed classes of French
// and English words its patterns ask about, and the word-class bits cached on
// each word of a sentence (see RelationSentence::Is).
#pragma once

#include <cstdint>
#include <string_view>

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
// the word (Word::CachedMask; bits 8-15 are the relation finder's).
constexpr uint32_t kNegationStart = 1u << 8;   // ne, n’
constexpr uint32_t kNegationEnd = 1u << 9;     // pas, jamais, not...
constexpr uint32_t kClauseBoundary = 1u << 10;
constexpr uint32_t kDeterminer = 1u << 11;
constexpr uint32_t kPreposition = 1u << 12;
constexpr uint32_t kWordClasses = kNegationStart | kNegationEnd | kClauseBoundary | kDeterminer | kPreposition;

// The kWordClasses bits of lower-case word w.
uint32_t WordClassesOf(std::string_view w);

}  // namespace kg::relations

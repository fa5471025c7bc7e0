// Internal: the yes/no properties of a word cached on it (Word::Cached,
// Word::CachedMask), one bit each. Every user's bits are listed here, so no
// two share one.
#pragma once

#include <cstdint>

namespace kg::word_bits {

// The recognizer's (kg::recognition): lexicon memberships of the word.
inline constexpr uint32_t kFirstName = 1u << 0;
inline constexpr uint32_t kTitle = 1u << 1;
inline constexpr uint32_t kHead = 1u << 2;
inline constexpr uint32_t kNotName = 1u << 3;
inline constexpr uint32_t kPhraseStart = 1u << 4;
inline constexpr uint32_t kTitleDot = 1u << 5;  // "M" of "M.": a title once its dot is added

// The word-pattern relation finder's (kg::relations): its word classes.
inline constexpr uint32_t kNegationStart = 1u << 6;  // ne, n’
inline constexpr uint32_t kNegationEnd = 1u << 7;    // pas, jamais, not...
inline constexpr uint32_t kClauseBoundary = 1u << 8;
inline constexpr uint32_t kDeterminer = 1u << 9;
inline constexpr uint32_t kPreposition = 1u << 10;

inline constexpr uint32_t kRecognizer = kFirstName | kTitle | kHead | kNotName | kPhraseStart | kTitleDot;
inline constexpr uint32_t kWordClasses = kNegationStart | kNegationEnd | kClauseBoundary | kDeterminer | kPreposition;
static_assert((kRecognizer & kWordClasses) == 0, "two users share a word bit");

}  // namespace kg::word_bits

// The distinct words one extractor has met, each with its lower-case and
// folded forms and, once asked for, its dictionary readings and lexicon
// memberships. A token is hashed once per document; every later question
// about it is a pointer away.
//
//   Vocabulary vocab;
//   Word* w = vocab.Intern("Chine");
//   w->lower;                 // "chine"
//   w->Info(morphology);      // Lookup("Chine"), cached on the word
//
// Thread safety: one Vocabulary per thread (Words are mutated by lookups).
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "kg/base/arena.h"
#include "kg/extract/morphology.h"

namespace kg {

// The fields read for nearly every token (the spelling, its lower case,
// the remembered readings and properties) share the word's first cache line.
struct alignas(64) Word {
  std::string_view text;   // owned by the vocabulary
  std::string_view lower;  // ToLower(text), owned by the vocabulary

  // Morphology::Lookup(text), LookupLowerOf(text) and Lookup(lower),
  // remembered while the morphology's own cache holds its answers.
  const WordInfo& Info(Morphology& m);
  const WordInfo& LowerOf(Morphology& m);
  const WordInfo& LowerInfo(Morphology& m);

  // A yes/no property of the word computed once: `bit` names it (one bit
  // per property; every user's bits are listed in extract/src/word_bits.h),
  // `compute` answers it.
  template <typename F>
  bool Cached(uint32_t bit, F&& compute) {
    if (!(asked_ & bit)) {
      asked_ |= bit;
      if (compute()) answers_ |= bit;
    }
    return answers_ & bit;
  }
  // Several such properties at once: `compute` returns the mask of those of
  // `bits` that hold.
  template <typename F>
  uint32_t CachedMask(uint32_t bits, F&& compute) {
    if ((asked_ & bits) != bits) {
      asked_ |= bits;
      answers_ = (answers_ & ~bits) | (compute() & bits);
    }
    return answers_ & bits;
  }

 private:
  const WordInfo* info_ = nullptr;
  const WordInfo* lower_of_ = nullptr;
  const WordInfo* lower_info_ = nullptr;
  uint32_t asked_ = 0, answers_ = 0;

 public:
  std::string_view fold;  // FoldName(text), owned by the vocabulary
  uint64_t hash = 0;
};

class Vocabulary {
 public:
  Vocabulary() = default;
  Vocabulary(const Vocabulary&) = delete;
  Vocabulary& operator=(const Vocabulary&) = delete;

  // The word spelled `text`; the pointer stays valid until Trim() forgets it.
  Word* Intern(std::string_view text) { return Intern(text, Hash(text)); }
  // The words of all `texts` (out[k] for texts[k]; entries already set, and
  // empty texts, are skipped). The same as interning each, but the memory
  // loads of the lookups are started together instead of one after another.
  void InternAll(const std::vector<std::string_view>& texts, std::vector<Word*>* out);
  // Forgets every word once more than kMaxWords are held (input full of
  // distinct junk); call only where no Word pointer is in use.
  void Trim();
  size_t size() const { return words_.size(); }
  static constexpr size_t kMaxWords = 1u << 20;

 private:
  static uint64_t Hash(std::string_view text);
  Word* Intern(std::string_view text, uint64_t hash);
  std::deque<Word> words_;
  static constexpr uint64_t kEmpty = ~uint64_t{0};
  std::vector<uint64_t> slots_;  // open addressing: (hash high bits | index into words_)
  StringArena text_;
  std::vector<uint64_t> hashes_;  // InternAll's scratch
};

}  // namespace kg

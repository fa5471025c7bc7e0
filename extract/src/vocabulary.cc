#include "kg/extract/vocabulary.h"

#include "kg/base/flat_map.h"
#include "kg/base/text.h"

namespace kg {

namespace {

// Remembers `reading` in `slot` while the morphology's cache holds it.
const WordInfo& Keep(const WordInfo*& slot, const Morphology& m, const WordInfo& reading) {
  if (m.CacheHasRoom()) slot = &reading;
  return reading;
}

}  // namespace

const WordInfo& Word::Info(Morphology& m) { return info_ ? *info_ : Keep(info_, m, m.Lookup(text)); }
const WordInfo& Word::LowerOf(Morphology& m) { return lower_of_ ? *lower_of_ : Keep(lower_of_, m, m.LookupLowerOf(text)); }
const WordInfo& Word::LowerInfo(Morphology& m) {
  return lower_info_ ? *lower_info_ : Keep(lower_info_, m, m.Lookup(lower));
}

uint64_t Vocabulary::Hash(std::string_view text) { return HashString(text); }

void Vocabulary::InternAll(const std::vector<std::string_view>& texts, std::vector<Word*>* out) {
  hashes_.resize(texts.size());
  // 1. Hash every text and start loading its first slot.
  for (size_t k = 0; k < texts.size(); ++k) {
    if ((*out)[k] || texts[k].empty()) continue;
    hashes_[k] = Hash(texts[k]);
    if (!slots_.empty()) __builtin_prefetch(&slots_[hashes_[k] & (slots_.size() - 1)]);
  }
  // The word text k's first slot names, if its hash matches: most likely
  // the one the lookup will return.
  auto likely = [&](size_t k) -> const Word* {
    if ((*out)[k] || texts[k].empty() || slots_.empty()) return nullptr;
    uint64_t slot = slots_[hashes_[k] & (slots_.size() - 1)];
    return slot != kEmpty && !((slot ^ hashes_[k]) >> 32) ? &words_[static_cast<uint32_t>(slot)] : nullptr;
  };
  // 2. Start loading those words, 3. then the spellings they keep.
  for (size_t k = 0; k < texts.size(); ++k) {
    if (const Word* w = likely(k)) __builtin_prefetch(w);
  }
  for (size_t k = 0; k < texts.size(); ++k) {
    if (const Word* w = likely(k)) __builtin_prefetch(w->text.data());
  }
  // 4. The lookups themselves, now mostly in cache.
  for (size_t k = 0; k < texts.size(); ++k) {
    if (!(*out)[k] && !texts[k].empty()) (*out)[k] = Intern(texts[k], hashes_[k]);
  }
}

Word* Vocabulary::Intern(std::string_view text, uint64_t hash) {
  // A slot holds the word's index and the top half of its hash, so a probe
  // that meets another word rarely has to read it.
  auto slot_of = [](uint64_t h, uint32_t index) { return (h & 0xFFFFFFFF00000000ull) | index; };
  if (words_.size() * 2 >= slots_.size()) {
    size_t n = slots_.empty() ? 1024 : slots_.size() * 2;
    slots_.assign(n, kEmpty);
    for (uint32_t w = 0; w < words_.size(); ++w) {
      size_t i = words_[w].hash & (n - 1);
      while (slots_[i] != kEmpty) i = (i + 1) & (n - 1);
      slots_[i] = slot_of(words_[w].hash, w);
    }
  }
  size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  for (; slots_[i] != kEmpty; i = (i + 1) & mask) {
    if ((slots_[i] ^ hash) >> 32) continue;
    Word& w = words_[static_cast<uint32_t>(slots_[i])];
    if (w.text == text) return &w;
  }
  slots_[i] = slot_of(hash, static_cast<uint32_t>(words_.size()));
  Word& w = words_.emplace_back();
  w.text = text_.Add(text);
  // Most words are their own lower case (and many their own fold): the
  // forms share the spelling's bytes when they are the same.
  std::string lower = ToLower(text);
  w.lower = lower == text ? w.text : text_.Add(lower);
  std::string fold = FoldName(text);
  w.fold = fold == text ? w.text : fold == lower ? w.lower : text_.Add(fold);
  w.hash = hash;
  return &w;
}

void Vocabulary::Trim() {
  if (words_.size() <= kMaxWords) return;
  words_.clear();
  slots_.clear();
  text_.Clear();
}

}  // namespace kg

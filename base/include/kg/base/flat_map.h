// A hash map from strings to values, looked up by string_view without a
// copy, for the word tables extraction asks millions of times a second.
//
//   FlatStringMap<int> m;
//   m.Emplace("chine", 3);
//   if (const int* v = m.Find("chine")) ...;
//   FlatStringSet s;
//   s.Insert("pdg");
//   s.Contains("pdg");
//
// Open addressing over a power-of-two table of 8-byte slots, each holding an
// entry's index and the top half of its key's hash, so a probe rarely reads
// an entry that is not the one sought; entries live in chunks that never
// move, so a reference to a value stays valid while the map grows. One
// lookup costs a hash, one slot and one entry, where std::unordered_map
// costs a division, a bucket and a chain of nodes. No erase: the tables only
// grow, or are cleared whole. Against absl::flat_hash_map (bench/hash_bench.cc,
// the words of 16 MB of the corpus) it is as fast, to within the machine's
// noise, and it keeps what kg relies on and Abseil does not give: values that
// never move, and iteration in insertion order whatever the process.
// Thread safety: const methods may run concurrently; others need exclusion.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kg {

// A fast 64-bit hash of a byte string (multiply-fold mixing of 8-byte
// words), good for hash tables, not for anything adversarial. Its mixing
// step and constants are those of wyhash (Wang Yi, released into the public
// domain), written here in our own reduced form.
inline uint64_t HashString(std::string_view s) {
  __extension__ using U128 = unsigned __int128;  // (a GCC and Clang extension)
  auto mix = [](uint64_t a, uint64_t b) {
    U128 r = static_cast<U128>(a) * b;
    return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
  };
  constexpr uint64_t k0 = 0xa0761d6478bd642full, k1 = 0xe7037ed1a0b428dbull, k2 = 0x8ebc6af09c88c6e3ull;
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = mix(n ^ k0, k1);
  while (n > 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = mix(h ^ w ^ k0, k1);
    p += 8;
    n -= 8;
  }
  uint64_t w = 0;
  if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    w = (static_cast<uint64_t>(a) << 32) | b;
  } else if (n > 0) {
    w = (static_cast<uint64_t>(static_cast<unsigned char>(p[0])) << 16) |
        (static_cast<uint64_t>(static_cast<unsigned char>(p[n >> 1])) << 8) | static_cast<unsigned char>(p[n - 1]);
  }
  return mix(h ^ w ^ k2, k1 ^ s.size());
}

template <typename V>
class FlatStringMap {
 public:
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear() {
    chunks_.clear();
    slots_.clear();
    size_ = 0;
  }

  const V* Find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    uint64_t h = HashString(key);
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask; slots_[i] != kEmpty; i = (i + 1) & mask) {
      if ((slots_[i] ^ h) >> 32) continue;
      const Entry& e = At(static_cast<uint32_t>(slots_[i]));
      if (e.key == key) return &e.value;
    }
    return nullptr;
  }
  V* Find(std::string_view key) { return const_cast<V*>(std::as_const(*this).Find(key)); }
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }

  // Adds key -> value unless the key is there; returns the key's value and
  // whether it was added.
  std::pair<V*, bool> Emplace(std::string_view key, V value) {
    uint64_t h = HashString(key);
    Grow();
    size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    for (; slots_[i] != kEmpty; i = (i + 1) & mask) {
      if ((slots_[i] ^ h) >> 32) continue;
      Entry& e = At(static_cast<uint32_t>(slots_[i]));
      if (e.key == key) return {&e.value, false};
    }
    slots_[i] = Slot(h, static_cast<uint32_t>(size_));
    if (size_ == Capacity(chunks_.size())) chunks_.push_back(std::make_unique<Entry[]>(kFirstChunk << chunks_.size()));
    Entry& e = At(static_cast<uint32_t>(size_++));
    e.key.assign(key);
    e.value = std::move(value);
    return {&e.value, true};
  }
  // The key's value, added (value-initialised) if missing.
  V& operator[](std::string_view key) { return *Emplace(key, V{}).first; }

  // Calls f(key, value) for each entry, in the order they were added.
  template <typename F>
  void ForEach(F f) const {
    for (size_t k = 0; k < size_; ++k) f(std::string_view(At(static_cast<uint32_t>(k)).key), At(static_cast<uint32_t>(k)).value);
  }

 private:
  struct Entry {
    std::string key;
    V value;
  };
  static constexpr uint64_t kEmpty = ~uint64_t{0};
  // Entries live in chunks of 8, 16, 32... (none until the first): a value
  // never moves, and an empty map allocates nothing.
  static constexpr size_t kFirstChunk = 8;
  static size_t Capacity(size_t chunks) { return kFirstChunk * ((size_t{1} << chunks) - 1); }
  const Entry& At(uint32_t index) const {
    uint64_t n = index / kFirstChunk + 1;  // chunk c holds n in [2^c, 2^(c+1))
    int c = 63 - __builtin_clzll(n);
    return chunks_[static_cast<size_t>(c)][index - Capacity(static_cast<size_t>(c))];
  }
  Entry& At(uint32_t index) { return const_cast<Entry&>(std::as_const(*this).At(index)); }
  static uint64_t Slot(uint64_t hash, uint32_t index) { return (hash & 0xFFFFFFFF00000000ull) | index; }
  // Keeps the table at most half full.
  void Grow() {
    if ((size_ + 1) * 2 <= slots_.size()) return;
    size_t n = slots_.empty() ? 16 : slots_.size() * 2;
    slots_.assign(n, kEmpty);
    for (uint32_t k = 0; k < size_; ++k) {
      uint64_t h = HashString(At(k).key);
      size_t i = h & (n - 1);
      while (slots_[i] != kEmpty) i = (i + 1) & (n - 1);
      slots_[i] = Slot(h, k);
    }
  }

  std::vector<std::unique_ptr<Entry[]>> chunks_;
  size_t size_ = 0;
  std::vector<uint64_t> slots_;
};

// A set of strings: a FlatStringMap without values.
class FlatStringSet {
 public:
  size_t size() const { return map_.size(); }
  bool empty() const { return map_.empty(); }
  void clear() { map_.clear(); }
  // Returns true when the key was not there yet.
  bool Insert(std::string_view key) { return map_.Emplace(key, Nothing{}).second; }
  bool Contains(std::string_view key) const { return map_.Contains(key); }

 private:
  struct Nothing {};
  FlatStringMap<Nothing> map_;
};

}  // namespace kg

#include "kg/base/checksum.h"


namespace kg {

namespace {

constexpr uint64_t kMul1 = 0x9E3779B185EBCA87ull;
constexpr uint64_t kMul2 = 0xC2B2AE3D27D4EB4Full;
constexpr uint64_t kMul3 = 0x165667B19E3779F9ull;

uint64_t Rotl(uint64_t v, int r) { return (v << r) | (v >> (64 - r)); }

uint64_t Word(const char* p) {
  uint64_t w = 0;
  for (int i = 0; i < 8; ++i) w |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return w;
}

// One lane step: every input bit reaches the whole lane (multiply, rotate,
// multiply), so a changed byte changes the lane for good.
uint64_t Mix(uint64_t lane, uint64_t word) { return Rotl(lane + word * kMul2, 31) * kMul1; }

// Spreads the bits of the final sum (so nearby inputs give distant values).
uint64_t Avalanche(uint64_t h) {
  h ^= h >> 33;
  h *= kMul2;
  h ^= h >> 29;
  h *= kMul3;
  h ^= h >> 32;
  return h;
}

}  // namespace

uint64_t Checksum64(std::string_view bytes, uint64_t seed) {
  const char* p = bytes.data();
  size_t n = bytes.size();
  // Four independent lanes over 32-byte blocks (the multiplications of one
  // block run in parallel), then the tail word by word and byte by byte.
  uint64_t lanes[4] = {seed + kMul1 + kMul2, seed + kMul2, seed, seed - kMul1};
  size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    for (int k = 0; k < 4; ++k) lanes[k] = Mix(lanes[k], Word(p + i + 8 * k));
  }
  uint64_t h = Rotl(lanes[0], 1) + Rotl(lanes[1], 7) + Rotl(lanes[2], 12) + Rotl(lanes[3], 18);
  h += static_cast<uint64_t>(n);
  for (; i + 8 <= n; i += 8) h = Rotl(h ^ Mix(0, Word(p + i)), 27) * kMul1 + kMul3;
  for (; i < n; ++i) h = Rotl(h ^ (static_cast<unsigned char>(p[i]) * kMul3), 11) * kMul1;
  return Avalanche(h);
}

}  // namespace kg

// A fast 64-bit checksum for detecting damaged or changed files (graph.kgi's
// body, the sampled blocks of graph.json it describes). Not cryptographic:
// it catches accidents (flipped bytes, truncation, edits), not forgery.
//
//   uint64_t sum = Checksum64(bytes);
//
// Guarantees: the same bytes give the same value on every platform (words
// read little-endian); any single changed byte changes the value.
// Thread safety: reentrant.
#pragma once

#include <cstdint>
#include <string_view>

namespace kg {

uint64_t Checksum64(std::string_view bytes, uint64_t seed = 0);

}  // namespace kg

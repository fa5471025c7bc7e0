#include "kg/extract/perceptron.h"

#include <zlib.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <new>
#include <sstream>

namespace kg {

uint32_t ModelChecksum(std::string_view bytes) {
  uLong crc = crc32(0L, Z_NULL, 0);
  size_t pos = 0;
  while (pos < bytes.size()) {  // zlib takes lengths as uInt
    size_t n = std::min<size_t>(bytes.size() - pos, 1u << 30);
    crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data() + pos), static_cast<uInt>(n));
    pos += n;
  }
  return static_cast<uint32_t>(crc);
}

StatusOr<ModelReader> ModelReader::Open(std::string_view bytes, std::string_view magic, std::string_view what,
                                        uint32_t version, const std::string& where) {
  uint32_t found = 0;
  return Open(bytes, magic, what, version, version, where, &found);
}

StatusOr<ModelReader> ModelReader::Open(std::string_view bytes, std::string_view magic, std::string_view what,
                                        uint32_t oldest, uint32_t newest, const std::string& where, uint32_t* found) {
  if (bytes.size() < magic.size() + 8 || bytes.substr(0, magic.size()) != magic) {
    return InvalidInput(where + ": not a kg " + std::string(what) + " (bad magic number)");
  }
  uint32_t stored = 0;
  std::copy_n(bytes.end() - 4, 4, reinterpret_cast<char*>(&stored));
  if (ModelChecksum(bytes.substr(0, bytes.size() - 4)) != stored) {
    return InvalidInput(where + ": corrupt or truncated model (checksum mismatch)");
  }
  ModelReader r(bytes.substr(magic.size(), bytes.size() - magic.size() - 4), where);
  if (!r.U32(found)) return r.Truncated();
  if (*found < oldest || *found > newest) {
    const std::string reads = oldest == newest ? "version " + std::to_string(newest)
                                               : "versions " + std::to_string(oldest) + " to " + std::to_string(newest);
    return InvalidInput(where + ": model format version " + std::to_string(*found) + ", this kg reads " + reads);
  }
  return r;
}

StatusOr<std::string> ReadModelFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path + ": cannot open model for reading (missing? see scripts/train-models.sh)");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return IoError(path + ": read error");
  return buffer.str();
}
namespace {

uint32_t Fingerprint(uint64_t h) {
  uint32_t f = static_cast<uint32_t>(h >> 32);
  return f == 0 ? 1 : f;
}

// The feature's first slot: its low 32 bits scaled to [0, slots) (Lemire's
// multiply-shift reduction), so a table can have any size.
uint32_t HomeSlot(uint64_t h, uint32_t slots) {
  return static_cast<uint32_t>((static_cast<uint64_t>(static_cast<uint32_t>(h)) * slots) >> 32);
}

// Which of the four keys at `k` are `fp`: bit j for k[j] (SSE2, which
// every x86-64 has, compares them at once; plain code elsewhere).
unsigned MatchFour(const uint32_t* k, uint32_t fp) {
#if defined(__SSE2__)
  const __m128i keys = _mm_loadu_si128(reinterpret_cast<const __m128i*>(k));
  return static_cast<unsigned>(_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(keys, _mm_set1_epi32(static_cast<int>(fp))))));
#else
  unsigned mask = 0;
  for (int j = 0; j < 4; ++j) mask |= k[j] == fp ? 1u << j : 0u;
  return mask;
#endif
}

}  // namespace

// Lookups go through an index built at load: keyed by the 32-bit
// fingerprint alone, at most half full, every feature within kWindow slots
// of its home slot (else the index doubles), so a lookup compares a fixed
// window of keys without a branch and adds the row found — or the zero
// row past the end when none matches. Keys and rows are apart: the keys of
// a window share a cache line, and a row is read once it is known.
void WeightTable::BuildIndex() {
  stride_ = (static_cast<size_t>(classes_) + 3) / 4 * 4;
  if (classes_ <= 4) {
    BuildBuckets();
    return;
  }
  bits_ = 4;
  while ((size_t{1} << bits_) < 2 * features_ + 2) ++bits_;
  while (!FillIndex()) ++bits_;
}

// Robin Hood insertion (Celis 1986): a feature farther from its home slot
// than the one in its way takes that slot, so no feature ends far from
// home; false if one would end kWindow or more slots past it.
bool WeightTable::FillIndex() {
  const size_t slots = (size_t{1} << bits_) + kWindow;
  index_keys_.assign(slots, 0);
  std::vector<uint32_t> source(slots, 0);  // the slot of keys_ a slot's row comes from, + 1
  std::vector<int16_t> rows = rows_;
  for (size_t slot = 0; slot < keys_.size(); ++slot) {
    uint32_t fp = keys_[slot], from = static_cast<uint32_t>(slot + 1);  // (keys_ holds no empty slot)
    size_t at = IndexSlot(fp), home = at;
    while (true) {
      if (at - home >= kWindow) return false;
      const uint32_t k = index_keys_[at];
      if (k == 0) {
        index_keys_[at] = fp;
        source[at] = from;
        break;
      }
      if (k == fp) {  // two features with one fingerprint share a row (rare): the first's
        int16_t* row = &rows[(source[at] - 1) * classes_];
        for (int c = 0; c < classes_; ++c) {
          row[c] = static_cast<int16_t>(std::clamp(row[c] + rows_[slot * classes_ + c], -32767, 32767));
        }
        break;
      }
      const size_t k_home = IndexSlot(k);
      if (at - k_home < at - home) {
        std::swap(index_keys_[at], fp);
        std::swap(source[at], from);
        home = k_home;
      }
      ++at;
    }
  }
  index_rows_.assign((slots + 1) * stride_, 0);  // the last row stays zero
  for (size_t at = 0; at < slots; ++at) {
    if (source[at] == 0) continue;
    std::copy_n(&rows[(source[at] - 1) * classes_], classes_, &index_rows_[at * stride_]);
  }
  return true;
}

// About two thirds of the slots used: a bucket rarely spills.
void WeightTable::BuildBuckets() {
  index_keys_.clear();
  index_rows_.clear();
  size_t count = features_ * 3 / 10 + 1;
  while (!FillBuckets(count)) count += count / 8 + 1;
}

size_t WeightTable::HomeBucket(uint32_t fp) const {
  // (A fingerprint is the top half of a mixed hash: uniform already.)
  return static_cast<size_t>((static_cast<uint64_t>(fp) * (buckets_.size() - kWindow)) >> 32);
}

// Each feature in its home bucket, else in the first of the next kWindow
// with room (the buckets passed are marked as spilling); false if none has.
// Two features with one fingerprint share the first's row, as in FillIndex.
bool WeightTable::FillBuckets(size_t count) {
  buckets_.assign(count + kWindow, Bucket{});
  for (size_t slot = 0; slot < keys_.size(); ++slot) {
    const uint32_t fp = keys_[slot];
    const int16_t* row = &rows_[slot * classes_];
    size_t b = HomeBucket(fp);
    for (size_t step = 0;; ++step, ++b) {
      if (step == kWindow) return false;
      Bucket& bucket = buckets_[b];
      int j = 0;
      while (j < 5 && bucket.keys[j] != 0 && bucket.keys[j] != fp) ++j;
      if (j == 5) {
        bucket.spill = 1;
        continue;
      }
      const bool shared = bucket.keys[j] == fp;
      bucket.keys[j] = fp;
      for (int c = 0; c < classes_; ++c) {
        bucket.rows[j][c] = shared ? static_cast<int16_t>(std::clamp(bucket.rows[j][c] + row[c], -32767, 32767)) : row[c];
      }
      break;
    }
  }
  return true;
}

// The slot of `fp` in `b`, or -1.
int WeightTable::FindInBucket(const Bucket& b, uint32_t fp) {
  const unsigned mask = MatchFour(b.keys, fp) | (b.keys[4] == fp ? 16u : 0u);
  return mask != 0 ? __builtin_ctz(mask) : -1;
}

// As Score, on the buckets: every feature's home line is requested first,
// then the keys compared and the rows found added.
void WeightTable::ScoreBuckets(std::span<const uint64_t> features, float* scores) const {
  constexpr size_t kBatch = 128;
  uint32_t fps[kBatch];
  const Bucket* home[kBatch];
  int32_t sums[4] = {0, 0, 0, 0};
  for (size_t begin = 0; begin < features.size(); begin += kBatch) {
    const size_t n = std::min(kBatch, features.size() - begin);
    for (size_t i = 0; i < n; ++i) {
      fps[i] = Fingerprint(features[begin + i]);
      home[i] = &buckets_[HomeBucket(fps[i])];
      __builtin_prefetch(home[i]);
    }
    for (size_t i = 0; i < n; ++i) {
      for (const Bucket* b = home[i];; ++b) {
        if (const int j = FindInBucket(*b, fps[i]); j >= 0) {
          for (int c = 0; c < 4; ++c) sums[c] += b->rows[j][c];
          break;
        }
        if (b->spill == 0) break;
      }
    }
  }
  for (int c = 0; c < classes_; ++c) scores[c] += static_cast<float>(sums[c]) * scale_;
}

size_t WeightTable::IndexSlot(uint32_t fp) const {
  return static_cast<size_t>(fp >> (32 - bits_));  // (fingerprints are uniform: see HomeBucket)
}

size_t WeightTable::Find(uint32_t fp, size_t home) const {
  static_assert(kWindow == 8);
  // (A fingerprint is in a window once at most.)
  const uint32_t* k = &index_keys_[home];
  const unsigned mask = MatchFour(k, fp) | MatchFour(k + 4, fp) << 4;
  return mask != 0 ? home + static_cast<size_t>(__builtin_ctz(mask)) : index_keys_.size();  // else the zero row
}

#if defined(__SSE2__)
namespace {

// AddRows for rows of 8 * kEights int16s: row by row, eight classes per
// load, the sums in registers.
template <size_t kEights>
void AddRowsByEights(const int16_t* rows, size_t stride, const size_t* at, size_t n, int32_t* sums) {
  __m128i acc[2 * kEights];
  for (auto& a : acc) a = _mm_setzero_si128();
  for (size_t i = 0; i < n; ++i) {
    const int16_t* row = rows + at[i] * stride;
    for (size_t e = 0; e < kEights; ++e) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 8 * e));
      acc[2 * e] = _mm_add_epi32(acc[2 * e], _mm_srai_epi32(_mm_unpacklo_epi16(v, v), 16));
      acc[2 * e + 1] = _mm_add_epi32(acc[2 * e + 1], _mm_srai_epi32(_mm_unpackhi_epi16(v, v), 16));
    }
  }
  for (size_t k = 0; k < 2 * kEights; ++k) {
    alignas(16) int32_t block[4];
    _mm_store_si128(reinterpret_cast<__m128i*>(block), acc[k]);
    for (int c = 0; c < 4; ++c) sums[4 * k + c] += block[c];
  }
}

}  // namespace
#endif

// Adds the rows at index slots at[0..n) to sums[0..stride_): rows of 8 to
// 56 classes by AddRowsByEights, others per block of four classes, the
// rows' int16 weights widened to int32 and summed in one vector register
// (SSE2; plain code elsewhere).
void WeightTable::AddRows(const size_t* at, size_t n, int32_t* sums) const {
  const size_t stride = stride_;
#if defined(__SSE2__)
  const int16_t* data = index_rows_.data();
  switch (stride) {  // (the tagger's 16 classes, the labeller's 54 -> 56)
    case 8: return AddRowsByEights<1>(data, stride, at, n, sums);
    case 16: return AddRowsByEights<2>(data, stride, at, n, sums);
    case 24: return AddRowsByEights<3>(data, stride, at, n, sums);
    case 32: return AddRowsByEights<4>(data, stride, at, n, sums);
    case 40: return AddRowsByEights<5>(data, stride, at, n, sums);
    case 48: return AddRowsByEights<6>(data, stride, at, n, sums);
    case 56: return AddRowsByEights<7>(data, stride, at, n, sums);
    default: break;
  }
#endif
  const int16_t* rows = index_rows_.data();
  for (size_t c = 0; c < stride; c += 4) {
#if defined(__SSE2__)
    __m128i acc = _mm_setzero_si128();
    for (size_t i = 0; i < n; ++i) {
      const __m128i v = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(rows + at[i] * stride + c));
      acc = _mm_add_epi32(acc, _mm_srai_epi32(_mm_unpacklo_epi16(v, v), 16));
    }
    alignas(16) int32_t block[4];
    _mm_store_si128(reinterpret_cast<__m128i*>(block), acc);
    for (int k = 0; k < 4; ++k) sums[c + k] += block[k];
#else
    for (size_t i = 0; i < n; ++i) {
      const int16_t* row = rows + at[i] * stride + c;
      for (int k = 0; k < 4; ++k) sums[c + k] += row[k];
    }
#endif
  }
}

void WeightTable::Score(std::span<const uint64_t> features, float* scores) const {
  if (features_ == 0) return;
  if (!buckets_.empty()) {
    ScoreBuckets(features, scores);
    return;
  }
  // The probes miss the cache: start every feature's key load, then find
  // the rows and start theirs, then add.
  constexpr size_t kBatch = 128;
  uint32_t fps[kBatch];
  size_t at[kBatch];
  int32_t sums[256];
  std::fill_n(sums, stride_, 0);
  for (size_t begin = 0; begin < features.size(); begin += kBatch) {
    const size_t n = std::min(kBatch, features.size() - begin);
    for (size_t i = 0; i < n; ++i) {
      fps[i] = Fingerprint(features[begin + i]);
      at[i] = IndexSlot(fps[i]);
      __builtin_prefetch(&index_keys_[at[i]]);
    }
    for (size_t i = 0; i < n; ++i) {
      at[i] = Find(fps[i], at[i]);
      __builtin_prefetch(&index_rows_[at[i] * stride_]);
    }
    AddRows(at, n, sums);
  }
  for (int c = 0; c < classes_; ++c) scores[c] += static_cast<float>(sums[c]) * scale_;
}

namespace {
// A table of this many classes or more is written sparse (kSparseRows in
// its class count): per row a bit per class (is its weight nonzero), then
// the nonzero weights. A perceptron of many classes updates few per feature
// (the labeller keeps 11% of its weights nonzero, the tagger 18%).
constexpr uint32_t kSparseFrom = 8;
constexpr uint32_t kSparseRows = 0x80000000u;
size_t MaskBytes(size_t classes) { return (classes + 7) / 8; }
}  // namespace

void WeightTable::Write(ModelWriter* w) const {
  const bool sparse = static_cast<uint32_t>(classes_) >= kSparseFrom;
  w->U32(static_cast<uint32_t>(classes_) | (sparse ? kSparseRows : 0));
  w->U64(features_);
  w->U32(static_cast<uint32_t>(keys_.size()));
  w->F32(scale_);
  w->Bytes(keys_.data(), keys_.size() * sizeof(uint32_t));
  if (!sparse) {
    w->Bytes(rows_.data(), rows_.size() * sizeof(int16_t));
    return;
  }
  const size_t mask_bytes = MaskBytes(classes_);
  std::vector<uint8_t> masks(keys_.size() * mask_bytes, 0);
  std::vector<int16_t> values;
  for (size_t i = 0; i < rows_.size(); ++i) {
    if (rows_[i] == 0) continue;
    const size_t row = i / classes_, c = i % classes_;
    masks[row * mask_bytes + c / 8] |= static_cast<uint8_t>(1u << (c % 8));
    values.push_back(rows_[i]);
  }
  w->Bytes(masks.data(), masks.size());
  w->Bytes(values.data(), values.size() * sizeof(int16_t));
}

// The rows of a sparse table (see Write): false if truncated or if a mask
// names a class beyond the table's.
bool WeightTable::ReadSparseRows(ModelReader* r) {
  const size_t mask_bytes = MaskBytes(classes_);
  std::vector<uint8_t> masks(keys_.size() * mask_bytes);
  if (!r->Bytes(masks.data(), masks.size())) return false;
  size_t nonzero = 0;
  for (size_t row = 0; row < keys_.size(); ++row) {
    for (size_t b = 0; b < mask_bytes; ++b) {
      const uint8_t m = masks[row * mask_bytes + b];
      if (b == mask_bytes - 1 && classes_ % 8 != 0 && (m >> (classes_ % 8)) != 0) return false;
      nonzero += static_cast<size_t>(std::popcount(m));
    }
  }
  std::vector<int16_t> values(nonzero);
  if (!r->Bytes(values.data(), values.size() * sizeof(int16_t))) return false;
  size_t next = 0;
  for (size_t row = 0; row < keys_.size(); ++row) {
    for (int c = 0; c < classes_; ++c) {
      if (masks[row * mask_bytes + c / 8] >> (c % 8) & 1) rows_[row * classes_ + c] = values[next++];
    }
  }
  return true;
}

StatusOr<WeightTable> WeightTable::Read(ModelReader* r) {
  WeightTable t;
  uint32_t classes = 0, entries = 0;
  uint64_t features = 0;
  if (!r->U32(&classes) || !r->U64(&features) || !r->U32(&entries) || !r->F32(&t.scale_)) return r->Truncated();
  const bool sparse = (classes & kSparseRows) != 0;
  classes &= ~kSparseRows;
  if (classes == 0 && features == 0 && entries == 0) return t;  // an empty table (a stage the model has not)
  // Features of one fingerprint share an entry: no more entries than features.
  if (classes == 0 || classes > 256 || entries > features || (entries == 0) != (features == 0)) {
    return r->Truncated();
  }
  t.classes_ = static_cast<int>(classes);
  t.features_ = features;
  t.keys_.resize(entries);
  t.rows_.resize(static_cast<size_t>(entries) * classes);
  if (!r->Bytes(t.keys_.data(), t.keys_.size() * sizeof(uint32_t)) ||
      !(sparse ? t.ReadSparseRows(r) : r->Bytes(t.rows_.data(), t.rows_.size() * sizeof(int16_t)))) {
    return r->Truncated();
  }
  if (std::find(t.keys_.begin(), t.keys_.end(), 0u) != t.keys_.end()) return r->Truncated();
  t.BuildIndex();
  return t;
}

void PerceptronTrainer::Score(std::span<const uint64_t> features, float* scores) const {
  for (uint64_t f : features) {
    auto it = index_.find(f);
    if (it == index_.end()) continue;
    const float* row = &weights_[static_cast<size_t>(it->second) * classes_];
    for (int c = 0; c < classes_; ++c) scores[c] += row[c];
  }
}

void PerceptronTrainer::Update(std::span<const uint64_t> features, int truth, int guess, float amount) {
  if (truth == guess) return;
  for (uint64_t f : features) {
    auto [it, added] = index_.try_emplace(f, static_cast<uint32_t>(keys_.size()));
    if (added) {
      keys_.push_back(f);
      weights_.resize(weights_.size() + classes_, 0.0f);
      totals_.resize(totals_.size() + classes_, 0.0f);
      stamps_.resize(stamps_.size() + classes_, now_);
    }
    size_t base = static_cast<size_t>(it->second) * classes_;
    for (int c : {truth, guess}) {
      size_t i = base + c;
      totals_[i] += static_cast<float>(now_ - stamps_[i]) * weights_[i];
      stamps_[i] = now_;
      weights_[i] += c == truth ? amount : -amount;
    }
  }
}

float PerceptronTrainer::Averaged(size_t i) const {
  double total = totals_[i] + static_cast<double>(now_ - stamps_[i]) * weights_[i];
  return static_cast<float>(total / static_cast<double>(now_));
}

WeightTable PerceptronTrainer::Compile(size_t max_features) const {
  std::vector<float> avg(weights_.size());
  for (size_t i = 0; i < avg.size(); ++i) avg[i] = Averaged(i);
  // Rank rows by weight (L1), keep the heaviest.
  std::vector<std::pair<float, uint32_t>> rank;
  rank.reserve(keys_.size());
  for (uint32_t row = 0; row < keys_.size(); ++row) {
    float l1 = 0;
    for (int c = 0; c < classes_; ++c) l1 += std::fabs(avg[static_cast<size_t>(row) * classes_ + c]);
    if (l1 > 0) rank.emplace_back(l1, row);
  }
  std::sort(rank.begin(), rank.end(), [&](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : keys_[a.second] < keys_[b.second];
  });
  if (max_features != 0 && rank.size() > max_features) rank.resize(max_features);
  float max_abs = 0;
  for (const auto& [l1, row] : rank) {
    for (int c = 0; c < classes_; ++c) max_abs = std::max(max_abs, std::fabs(avg[static_cast<size_t>(row) * classes_ + c]));
  }
  WeightTable t;
  t.classes_ = classes_;
  t.features_ = rank.size();
  const uint32_t slots = static_cast<uint32_t>(rank.size() * 5 / 4 + 1);  // load factor 0.8
  t.scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  t.keys_.assign(slots, 0);
  t.rows_.assign(static_cast<size_t>(slots) * classes_, 0);
  // Insert in hash order so the table's bytes do not depend on the ranking's ties.
  std::sort(rank.begin(), rank.end(), [&](const auto& a, const auto& b) { return keys_[a.second] < keys_[b.second]; });
  for (const auto& [l1, row] : rank) {
    uint64_t h = keys_[row];
    uint32_t fp = Fingerprint(h);
    uint32_t slot = HomeSlot(h, slots);
    while (t.keys_[slot] != 0 && t.keys_[slot] != fp) slot = slot + 1 == slots ? 0 : slot + 1;
    t.keys_[slot] = fp;
    for (int c = 0; c < classes_; ++c) {
      float v = avg[static_cast<size_t>(row) * classes_ + c] / t.scale_;
      int q = static_cast<int>(std::lround(v)) + t.rows_[static_cast<size_t>(slot) * classes_ + c];
      t.rows_[static_cast<size_t>(slot) * classes_ + c] = static_cast<int16_t>(std::clamp(q, -32767, 32767));
    }
  }
  // Kept (and written) without the empty slots, in slot order: the index
  // built from them is the same.
  size_t kept = 0;
  for (size_t slot = 0; slot < slots; ++slot) {
    if (t.keys_[slot] == 0) continue;
    t.keys_[kept] = t.keys_[slot];
    std::copy_n(&t.rows_[slot * classes_], classes_, &t.rows_[kept * classes_]);
    ++kept;
  }
  t.keys_.resize(kept);
  t.rows_.resize(kept * classes_);
  t.BuildIndex();
  return t;
}

WeightTable WeightTable::Mean(std::span<const WeightTable* const> tables, size_t max_features) {
  WeightTable t;
  if (tables.empty()) return t;
  const int classes = tables[0]->classes_;
  std::unordered_map<uint32_t, std::vector<float>> sums;
  for (const WeightTable* table : tables) {
    const float share = table->scale_ / static_cast<float>(tables.size());
    for (size_t e = 0; e < table->keys_.size(); ++e) {
      std::vector<float>& row = sums[table->keys_[e]];
      row.resize(classes);
      for (int c = 0; c < classes; ++c) row[c] += table->rows_[e * classes + c] * share;
    }
  }
  std::vector<std::pair<float, uint32_t>> rank;
  for (const auto& [fp, row] : sums) {
    float l1 = 0;
    for (float v : row) l1 += std::fabs(v);
    if (l1 > 0) rank.emplace_back(l1, fp);
  }
  std::sort(rank.begin(), rank.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (max_features != 0 && rank.size() > max_features) rank.resize(max_features);
  std::sort(rank.begin(), rank.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  float max_abs = 0;
  for (const auto& [l1, fp] : rank) {
    for (float v : sums[fp]) max_abs = std::max(max_abs, std::fabs(v));
  }
  t.classes_ = classes;
  t.features_ = rank.size();
  t.scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  for (const auto& [l1, fp] : rank) {
    t.keys_.push_back(fp);
    for (float v : sums[fp]) {
      t.rows_.push_back(static_cast<int16_t>(std::clamp<long>(std::lround(v / t.scale_), -32767, 32767)));
    }
  }
  t.BuildIndex();
  return t;
}

void ModelWriter::U32(uint32_t v) { Bytes(&v, sizeof v); }
void ModelWriter::U64(uint64_t v) { Bytes(&v, sizeof v); }
void ModelWriter::F32(float v) { Bytes(&v, sizeof v); }
void ModelWriter::Str(std::string_view s) {
  U32(static_cast<uint32_t>(s.size()));
  Bytes(s.data(), s.size());
}
void ModelWriter::Bytes(const void* data, size_t n) { buf_.append(static_cast<const char*>(data), n); }
void ModelWriter::Deflated(std::string_view raw) {
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string packed(size, '\0');
  const int z = compress2(reinterpret_cast<Bytef*>(packed.data()), &size, reinterpret_cast<const Bytef*>(raw.data()),
                          static_cast<uLong>(raw.size()), 9);
  if (z != Z_OK) throw std::bad_alloc();  // (the only failure left: the output has compressBound's size)
  packed.resize(size);
  U64(raw.size());
  U64(packed.size());
  Bytes(packed.data(), packed.size());
}

bool ModelReader::Bytes(void* out, size_t n) {
  if (data_.size() - pos_ < n) return false;
  if (n != 0) std::memcpy(out, data_.data() + pos_, n);
  pos_ += n;
  return true;
}
bool ModelReader::U32(uint32_t* v) { return Bytes(v, sizeof *v); }
bool ModelReader::U64(uint64_t* v) { return Bytes(v, sizeof *v); }
bool ModelReader::F32(float* v) { return Bytes(v, sizeof *v); }
bool ModelReader::Str(std::string* s) {
  uint32_t n = 0;
  if (!U32(&n) || data_.size() - pos_ < n) return false;
  s->assign(data_.data() + pos_, n);
  pos_ += n;
  return true;
}
bool ModelReader::Deflated(std::string* raw) {
  uint64_t raw_size = 0, packed_size = 0;
  constexpr uint64_t kLargest = uint64_t{1} << 31;  // (a model is some megabytes)
  if (!U64(&raw_size) || !U64(&packed_size) || raw_size > kLargest || data_.size() - pos_ < packed_size) return false;
  raw->assign(raw_size, '\0');
  uLongf size = static_cast<uLongf>(raw_size);
  const int z = uncompress(reinterpret_cast<Bytef*>(raw->data()), &size,
                           reinterpret_cast<const Bytef*>(data_.data() + pos_), static_cast<uLong>(packed_size));
  pos_ += packed_size;
  return z == Z_OK && size == raw_size;
}
Status ModelReader::Truncated() const {
  return InvalidInput(where_ + ": corrupt or truncated model (at byte " + std::to_string(pos_) + ")");
}

}  // namespace kg

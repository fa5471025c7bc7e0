// Averaged perceptron weights over hashed sparse features, for the tagger,
// the parser and the labeller (kg/extract/syntax.h).
//
// Training (`PerceptronTrainer`): a row of per-class float weights for every
// feature hash met, with lazily averaged totals (Collins 2002; Daumé's
// averaging trick). Use (`WeightTable`): the averaged rows kept for the
// features that matter, quantised to int16, in an open-addressing table
// keyed by a 32-bit fingerprint of the feature hash.
//
//   PerceptronTrainer t(classes);
//   t.Score(features, scores); ... t.Update(features, gold, guess); t.Tick();
//   WeightTable table = t.Compile(max_features);
//
// Thread safety: const methods may be called concurrently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "kg/base/status.h"

namespace kg {

class ModelWriter;
class ModelReader;

// Combines a feature template number with up to three hashed values: a
// weighted sum by distinct odd constants, then one round of the splitmix64
// finaliser (S. Vigna, public domain) — the parser computes some 140 of
// these per word.
inline uint64_t FeatureHash(uint64_t tmpl, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t x = tmpl * 0x9e3779b97f4a7c15ull + a * 0xc2b2ae3d27d4eb4full + b * 0x165667b19e3779f9ull +
               c * 0x27d4eb2f165667c5ull;
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

class WeightTable {
 public:
  WeightTable() = default;
  int classes() const { return classes_; }
  size_t features() const { return features_; }
  // Adds the weights of `features` to scores[0..classes).
  void Score(std::span<const uint64_t> features, float* scores) const;
  // (A table of eight classes or more keeps only its nonzero weights, a bit
  // per class marking them; read back, its rows are as written.)
  void Write(ModelWriter* w) const;
  static StatusOr<WeightTable> Read(ModelReader* r);
  // The mean of tables of one class count (the members of an ensemble:
  // their mean scores, as one table), keeping the `max_features` features
  // whose rows weigh most (all when 0), ties broken by fingerprint.
  static WeightTable Mean(std::span<const WeightTable* const> tables, size_t max_features);

 private:
  friend class PerceptronTrainer;
  static constexpr size_t kWindow = 8;  // slots a feature may sit past its home
  bool ReadSparseRows(ModelReader* r);
  void BuildIndex();
  bool FillIndex();
  size_t IndexSlot(uint32_t fingerprint) const;
  size_t Find(uint32_t fingerprint, size_t home) const;
  void AddRows(const size_t* at, size_t n, int32_t* sums) const;
  // Tables of four classes or fewer (the parser's transitions, the
  // splitter) keep their keys beside their rows instead, in buckets of one
  // cache line: a feature found costs one line, not two (BuildBuckets).
  struct alignas(64) Bucket {
    uint32_t keys[5];      // 0 = empty
    int16_t rows[5][4];
    uint32_t spill;        // nonzero: keys homed here may sit in the next bucket
  };
  static_assert(sizeof(Bucket) == 64);
  void BuildBuckets();
  bool FillBuckets(size_t count);
  size_t HomeBucket(uint32_t fingerprint) const;
  static int FindInBucket(const Bucket& b, uint32_t fingerprint);
  void ScoreBuckets(std::span<const uint64_t> features, float* scores) const;
  int classes_ = 0;
  size_t features_ = 0;
  float scale_ = 1.0f;              // weight = int16 * scale
  std::vector<uint32_t> keys_;      // fingerprint per entry (Compile's slots in order, the empty ones left out)
  std::vector<int16_t> rows_;       // classes_ per entry
  // The lookup index (BuildIndex): 2^bits_ + kWindow slots, a fingerprint
  // per slot (0 = empty) and a row of stride_ int16s (classes_ rounded up
  // to 4), plus a zero row for features not found.
  std::vector<uint32_t> index_keys_;
  std::vector<int16_t> index_rows_;
  size_t stride_ = 0;
  int bits_ = 0;
  std::vector<Bucket> buckets_;  // (the last ones only take spills)
};

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int classes) : classes_(classes) {}
  int classes() const { return classes_; }
  // Scores with the current (not averaged) weights.
  void Score(std::span<const uint64_t> features, float* scores) const;
  // +1 on `truth`, -1 on `guess` for every feature (nothing if equal).
  void Update(std::span<const uint64_t> features, int truth, int guess, float amount = 1.0f);
  void Tick() { ++now_; }
  // The averaged weights, keeping the `max_features` features whose rows
  // weigh most (all when 0), ties broken by hash: deterministic.
  WeightTable Compile(size_t max_features) const;
  size_t features() const { return index_.size(); }

 private:
  float Averaged(size_t i) const;
  int classes_;
  uint64_t now_ = 1;
  std::unordered_map<uint64_t, uint32_t> index_;  // feature -> row
  std::vector<uint64_t> keys_;                    // row -> feature
  std::vector<float> weights_, totals_;
  std::vector<uint64_t> stamps_;
};

// The CRC-32 that ends a model file (of the bytes before it).
uint32_t ModelChecksum(std::string_view bytes);
// A model file's bytes; a missing or unreadable file is an error naming it.
StatusOr<std::string> ReadModelFile(const std::string& path);

// Binary model sections: little-endian numbers, length-prefixed strings.
class ModelWriter {
 public:
  void U32(uint32_t v);
  void U64(uint64_t v);
  void F32(float v);
  void Str(std::string_view s);
  void Bytes(const void* data, size_t n);
  // `raw` deflated by zlib (level 9): its size, the deflated size, the bytes.
  void Deflated(std::string_view raw);
  std::string& buffer() { return buf_; }

 private:
  std::string buf_;
};

class ModelReader {
 public:
  // The sections of a model file `bytes` (named `where` in errors): checks
  // its 8-byte `magic` (else "not a kg <what>"), the CRC-32 at its end and
  // its format `version`; the reader starts after the version.
  static StatusOr<ModelReader> Open(std::string_view bytes, std::string_view magic, std::string_view what,
                                    uint32_t version, const std::string& where);
  // The same for a reader of versions oldest..newest: the file's in `*found`.
  static StatusOr<ModelReader> Open(std::string_view bytes, std::string_view magic, std::string_view what,
                                    uint32_t oldest, uint32_t newest, const std::string& where, uint32_t* found);
  ModelReader(std::string_view data, std::string where) : data_(data), where_(std::move(where)) {}
  bool U32(uint32_t* v);
  bool U64(uint64_t* v);
  bool F32(float* v);
  bool Str(std::string* s);
  bool Bytes(void* out, size_t n);
  // A section ModelWriter::Deflated wrote, inflated into `raw` (false if cut
  // short or not a zlib stream of the size it states).
  bool Deflated(std::string* raw);
  bool done() const { return pos_ == data_.size(); }
  Status Truncated() const;

 private:
  std::string_view data_;
  size_t pos_ = 0;
  std::string where_;
};

}  // namespace kg

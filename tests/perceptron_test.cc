// The compiled perceptron weights (kg/extract/perceptron.h): a table read
// back from its bytes scores every feature with its own row — whatever the
// table's size, the features crowding one home slot and those it lacks.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <vector>

#include "kg/extract/perceptron.h"

namespace kg {
namespace {

// A table of `n` features over `classes` classes (4: kept in buckets, key
// beside row; more: an index of keys and one of rows), feature i (hash
// i * 7919 + 1) for class i % 4 against class (i + 1) % 4, written and
// read back.
WeightTable Table(uint64_t n, std::vector<uint64_t>* features, int classes = 4) {
  PerceptronTrainer t(classes);
  for (uint64_t i = 0; i < n; ++i) {
    features->push_back(FeatureHash(1, i * 7919 + 1));
    t.Update({&features->back(), 1}, static_cast<int>(i % 4), static_cast<int>((i + 1) % 4));
  }
  t.Tick();
  ModelWriter w;
  t.Compile(0).Write(&w);
  ModelReader r(w.buffer(), "test table");
  StatusOr<WeightTable> table = WeightTable::Read(&r);
  EXPECT_TRUE(table.ok());
  return std::move(table).value();
}

int Best(const float* scores, int classes = 4) {
  return static_cast<int>(std::max_element(scores, scores + classes) - scores);
}
int Worst(const float* scores, int classes = 4) {
  return static_cast<int>(std::min_element(scores, scores + classes) - scores);
}

// The table keys a feature by the top 32 bits of its hash: two features
// that share them share a row (features 1001 and 6952 here).
std::map<uint64_t, int> Fingerprints(const std::vector<uint64_t>& features) {
  std::map<uint64_t, int> count;
  for (uint64_t f : features) ++count[f >> 32];
  return count;
}

TEST(WeightTableTest, EveryFeatureFindsItsOwnRow) {
  for (int classes : {4, 16}) {
    for (uint64_t n : {1u, 7u, 1000u, 60000u}) {
      std::vector<uint64_t> features;
      WeightTable table = Table(n, &features, classes);
      ASSERT_EQ(table.features(), n);
      std::map<uint64_t, int> fingerprints = Fingerprints(features);
      EXPECT_EQ(fingerprints.size(), n - (n == 60000 ? 1 : 0));
      for (uint64_t i = 0; i < n; ++i) {
        if (fingerprints[features[i] >> 32] > 1) continue;
        std::vector<float> scores(static_cast<size_t>(classes), 0.0f);
        table.Score({&features[i], 1}, scores.data());
        // (Classes no feature names tie at zero with none: only four count.)
        ASSERT_EQ(Best(scores.data()), static_cast<int>(i % 4)) << classes << " classes, feature " << i << " of " << n;
        ASSERT_EQ(Worst(scores.data()), static_cast<int>((i + 1) % 4))
            << classes << " classes, feature " << i << " of " << n;
      }
    }
  }
}

// The two features with one fingerprint (1001 and 6952) share one row:
// the sum of their weights, in both layouts.
TEST(WeightTableTest, FeaturesSharingAFingerprintShareTheSumOfTheirRows) {
  for (int classes : {4, 16}) {
    std::vector<uint64_t> features;
    WeightTable table = Table(60000, &features, classes);
    ASSERT_EQ(features[1001] >> 32, features[6952] >> 32);
    float a[16] = {}, b[16] = {};
    table.Score({&features[1001], 1}, a);
    table.Score({&features[6952], 1}, b);
    for (int c = 0; c < classes; ++c) EXPECT_EQ(a[c], b[c]) << classes << " classes, class " << c;
    // 1001: class 1 over 2; 6952: class 0 over 1 — together: 0 up, 1 even, 2 down.
    EXPECT_GT(a[0], 0.0f);
    EXPECT_EQ(a[1], 0.0f);
    EXPECT_EQ(a[2], -a[0]);
  }
}

TEST(WeightTableTest, UnknownFeaturesAddNothingAndRowsAdd) {
  std::vector<uint64_t> features;
  WeightTable table = Table(60000, &features);
  std::vector<uint64_t> unknown;
  for (uint64_t i = 0; i < 500; ++i) unknown.push_back(FeatureHash(2, i));
  float scores[4] = {};
  table.Score(unknown, scores);
  EXPECT_EQ(std::count(scores, scores + 4, 0.0f), 4);
  // Features 0 and 4 (class 0 over class 1) and 1 (class 1 over class 2),
  // among unknown ones and past one batch of lookups (200 features).
  std::vector<uint64_t> mixed(unknown.begin(), unknown.begin() + 197);
  mixed.insert(mixed.end(), {features[0], features[4], features[1]});
  float sum[4] = {}, single[4] = {};
  table.Score(mixed, sum);
  table.Score({&features[0], 1}, single);
  EXPECT_GT(single[0], 0.0f);
  EXPECT_FLOAT_EQ(sum[0], 2 * single[0]);  // won twice
  EXPECT_FLOAT_EQ(sum[1], single[1]);      // lost twice, won once
  EXPECT_FLOAT_EQ(sum[2], single[1]);      // lost once
  EXPECT_EQ(sum[3], 0.0f);
}

// The mean of tables (an ensemble's members) scores every feature with the
// mean of their scores, to the int16 step; kept to the heaviest rows, the
// lightest go first. Both layouts (4 classes: buckets; 16: an index).
TEST(WeightTableTest, MeanScoresAsTheMeanOfItsTables) {
  for (int classes : {4, 16}) {
    // Features 0-99 in both tables (b's twice as heavy for even ones), 100-149 in a only.
    PerceptronTrainer a(classes), b(classes);
    std::vector<uint64_t> features;
    for (uint64_t i = 0; i < 150; ++i) features.push_back(FeatureHash(3, i));
    for (uint64_t i = 0; i < 150; ++i) {
      a.Update({&features[i], 1}, static_cast<int>(i % 4), static_cast<int>((i + 1) % 4));
      if (i >= 100) continue;
      const float weight = i % 2 ? 1.0f : 2.0f;
      b.Update({&features[i], 1}, static_cast<int>((i + 2) % 4), static_cast<int>((i + 3) % 4), weight);
    }
    a.Tick();
    b.Tick();
    const WeightTable ta = a.Compile(0), tb = b.Compile(0);
    const WeightTable* both[] = {&ta, &tb};
    const WeightTable mean = WeightTable::Mean(both, 0);
    EXPECT_EQ(mean.features(), 150u);
    for (uint64_t i = 0; i < 150; ++i) {
      float sa[16] = {}, sb[16] = {}, sm[16] = {};
      ta.Score({&features[i], 1}, sa);
      tb.Score({&features[i], 1}, sb);
      mean.Score({&features[i], 1}, sm);
      for (int c = 0; c < classes; ++c) {
        EXPECT_NEAR(sm[c], (sa[c] + sb[c]) / 2, 1e-3) << classes << " classes, feature " << i << ", class " << c;
      }
    }
    // Kept to 100 features: the 50 of a alone weigh least (half a row each).
    const WeightTable kept = WeightTable::Mean(both, 100);
    EXPECT_EQ(kept.features(), 100u);
    float light[16] = {}, heavy[16] = {};
    kept.Score({&features[120], 1}, light);
    kept.Score({&features[10], 1}, heavy);
    EXPECT_EQ(std::count(light, light + classes, 0.0f), classes);
    EXPECT_GT(*std::max_element(heavy, heavy + classes), 0.0f);
  }
}

// A table is written without the empty slots of its hashing: four bytes of
// key and a row per feature; an empty table (a stage a model lacks) reads
// back empty; more entries than features is a corrupt table.
TEST(WeightTableTest, WrittenCompactAndCheckedOnReading) {
  constexpr size_t kHeader = 4 + 8 + 4 + 4;  // classes, features, entries, scale
  for (int classes : {4, 16}) {
    for (uint64_t n : {7u, 60000u}) {
      std::vector<uint64_t> features;
      PerceptronTrainer t(classes);
      for (uint64_t i = 0; i < n; ++i) {
        features.push_back(FeatureHash(1, i * 7919 + 1));
        t.Update({&features.back(), 1}, static_cast<int>(i % 4), static_cast<int>((i + 1) % 4));
      }
      t.Tick();
      ModelWriter w;
      t.Compile(0).Write(&w);
      // (Two features of one fingerprint share an entry when their hashes
      // meet in Compile's slots, else when the index is built.) A row of 16
      // classes is written sparse: a bit per class, then its two nonzero
      // weights (+1 on one class, -1 on another).
      const size_t row = classes == 4 ? 4 + 2 * 4 : 4 + 16 / 8 + 2 * 2;
      EXPECT_LE(w.buffer().size(), kHeader + n * row) << classes << ", " << n;
      EXPECT_GE(w.buffer().size(), kHeader + Fingerprints(features).size() * row) << classes << ", " << n;
    }
  }
  ModelWriter empty;
  WeightTable().Write(&empty);
  ModelReader r(empty.buffer(), "empty table");
  StatusOr<WeightTable> read = WeightTable::Read(&r);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->classes(), 0);
  EXPECT_EQ(read->features(), 0u);
  // 2 classes, 1 feature, 2 entries: corrupt.
  ModelWriter bad;
  bad.U32(2);
  bad.U64(1);
  bad.U32(2);
  bad.F32(1.0f);
  for (uint32_t key : {7u, 9u}) bad.U32(key);
  for (int k = 0; k < 4; ++k) bad.U32(0);
  ModelReader rb(bad.buffer(), "bad table");
  EXPECT_FALSE(WeightTable::Read(&rb).ok());
}

// Tables of many classes are written sparse (nonzero weights only): read
// back, every row scores as before; a row naming a class beyond the
// table's, or fewer weights than its bits say, is corrupt.
TEST(WeightTableTest, SparseRowsReadBackAsWritten) {
  for (int classes : {8, 13, 54}) {
    PerceptronTrainer t(classes);
    std::vector<uint64_t> features;
    for (uint64_t i = 0; i < 500; ++i) {
      features.push_back(FeatureHash(2, i));
      t.Update({&features.back(), 1}, static_cast<int>(i % classes), static_cast<int>((i * 7 + 3) % classes));
      t.Tick();
    }
    const WeightTable compiled = t.Compile(0);
    ModelWriter w;
    compiled.Write(&w);
    ModelReader r(w.buffer(), "sparse table");
    StatusOr<WeightTable> read = WeightTable::Read(&r);
    ASSERT_TRUE(read.ok()) << classes;
    EXPECT_TRUE(r.done());
    for (uint64_t f : features) {
      std::vector<float> a(classes, 0.0f), b(classes, 0.0f);
      compiled.Score({&f, 1}, a.data());
      read->Score({&f, 1}, b.data());
      EXPECT_EQ(a, b) << classes;
    }
    // A mask with bits past the classes, or the weights cut short.
    std::string bytes = w.buffer();
    if (classes % 8 != 0) {
      ModelWriter bad;
      bad.U32(static_cast<uint32_t>(classes) | 0x80000000u);
      bad.U64(1);
      bad.U32(1);
      bad.F32(1.0f);
      bad.U32(7);                                            // one key
      for (int b = 0; b < (classes + 7) / 8; ++b) bad.Bytes("\xFF", 1);  // every bit, and some past the classes
      for (int c = 0; c < 64; ++c) bad.Bytes("\x01\x00", 2);
      ModelReader rb(bad.buffer(), "bad mask");
      EXPECT_FALSE(WeightTable::Read(&rb).ok()) << classes;
    }
    bytes.resize(bytes.size() - 2);
    ModelReader rt(bytes, "cut table");
    EXPECT_FALSE(WeightTable::Read(&rt).ok()) << classes;
  }
}

}  // namespace
}  // namespace kg

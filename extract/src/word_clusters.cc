// Word clusters from raw text: context counts, PPMI rows, two levels of
// spherical k-means (see kg/extract/word_clusters.h).
#include "kg/extract/word_clusters.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>

#include "kg/extract/syntax.h"

namespace kg {
namespace {

constexpr uint32_t kBoundary = std::numeric_limits<uint32_t>::max();

// Rows of unit length, sparse: row r's entries are [start[r], start[r + 1]).
struct SparseRows {
  std::vector<size_t> start{0};
  std::vector<uint32_t> dims;
  std::vector<float> values;
  size_t dimensions = 0;
  float Dot(size_t r, const float* dense) const {
    float s = 0;
    for (size_t i = start[r]; i < start[r + 1]; ++i) s += values[i] * dense[dims[i]];
    return s;
  }
};

// A uniform double in [0, 1) from the generator's top 53 bits (portable).
double Uniform(std::mt19937_64* rng) { return static_cast<double>((*rng)() >> 11) * 0x1.0p-53; }

// k-means++ seeds (Arthur & Vassilvitskii 2007) by cosine distance.
std::vector<float> Seeds(const SparseRows& x, const std::vector<uint32_t>& members, int k, std::mt19937_64* rng) {
  const size_t d = x.dimensions;
  std::vector<float> centroids(static_cast<size_t>(k) * d, 0.0f);
  std::vector<double> distance(members.size(), 2.0);
  auto place = [&](int c, uint32_t row) {
    float* out = &centroids[static_cast<size_t>(c) * d];
    for (size_t i = x.start[row]; i < x.start[row + 1]; ++i) out[x.dims[i]] = x.values[i];
    for (size_t m = 0; m < members.size(); ++m) {
      distance[m] = std::min<double>(distance[m], 1.0 - x.Dot(members[m], out));
    }
  };
  place(0, members[(*rng)() % members.size()]);
  for (int c = 1; c < k; ++c) {
    double total = 0;
    for (double v : distance) total += std::max(v, 0.0);
    double target = Uniform(rng) * total;
    size_t pick = members.size() - 1;
    for (size_t m = 0; m < members.size(); ++m) {
      target -= std::max(distance[m], 0.0);
      if (target < 0) {
        pick = m;
        break;
      }
    }
    place(c, members[pick]);
  }
  return centroids;
}

// Spherical k-means of `members` (rows of x) into k clusters: each member's cluster.
std::vector<int> KMeans(const SparseRows& x, const std::vector<uint32_t>& members, int k, int iterations,
                        uint64_t seed) {
  std::vector<int> of(members.size(), 0);
  if (k <= 1 || members.size() <= 1) return of;
  std::mt19937_64 rng(seed);
  const size_t d = x.dimensions;
  std::vector<float> centroids = Seeds(x, members, k, &rng);
  for (int it = 0; it < iterations; ++it) {
    bool moved = it == 0;
    for (size_t m = 0; m < members.size(); ++m) {
      int best = 0;
      float best_dot = -2.0f;
      for (int c = 0; c < k; ++c) {
        const float dot = x.Dot(members[m], &centroids[static_cast<size_t>(c) * d]);
        if (dot > best_dot) {
          best_dot = dot;
          best = c;
        }
      }
      moved |= of[m] != best;
      of[m] = best;
    }
    if (!moved) break;
    std::vector<double> sums(static_cast<size_t>(k) * d, 0.0);
    for (size_t m = 0; m < members.size(); ++m) {
      double* sum = &sums[static_cast<size_t>(of[m]) * d];
      for (size_t i = x.start[members[m]]; i < x.start[members[m] + 1]; ++i) sum[x.dims[i]] += x.values[i];
    }
    for (int c = 0; c < k; ++c) {
      const double* sum = &sums[static_cast<size_t>(c) * d];
      double norm = 0;
      for (size_t j = 0; j < d; ++j) norm += sum[j] * sum[j];
      if (norm == 0) continue;  // (an empty cluster keeps its centroid)
      norm = std::sqrt(norm);
      for (size_t j = 0; j < d; ++j) centroids[static_cast<size_t>(c) * d + j] = static_cast<float>(sum[j] / norm);
    }
  }
  return of;
}

// Row v: the positive PMI of vocabulary word v with each context (left
// neighbours in [0, contexts], right ones after; the last of each side the
// sentence's edge), context counts smoothed by the power 0.75 (Levy et al.
// 2015), scaled to unit length.
SparseRows ContextRows(const std::vector<uint32_t>& sequence, const std::vector<int32_t>& row_of,
                       const std::vector<int32_t>& context_of, size_t rows, size_t contexts) {
  const uint32_t edge = static_cast<uint32_t>(contexts);
  auto dim = [&](uint32_t id, int64_t side) -> int64_t {
    if (id == kBoundary) return side * (edge + 1) + edge;
    if (context_of[id] < 0) return -1;
    return side * (edge + 1) + context_of[id];
  };
  std::vector<uint64_t> pairs;
  for (size_t i = 0; i < sequence.size(); ++i) {
    if (sequence[i] == kBoundary || row_of[sequence[i]] < 0) continue;
    const uint64_t row = static_cast<uint64_t>(row_of[sequence[i]]) << 32;
    const int64_t left = dim(i == 0 ? kBoundary : sequence[i - 1], 0);
    const int64_t right = dim(i + 1 == sequence.size() ? kBoundary : sequence[i + 1], 1);
    if (left >= 0) pairs.push_back(row | static_cast<uint64_t>(left));
    if (right >= 0) pairs.push_back(row | static_cast<uint64_t>(right));
  }
  std::sort(pairs.begin(), pairs.end());
  SparseRows x;
  x.dimensions = 2 * (contexts + 1);
  std::vector<double> row_total(rows, 0), dim_total(x.dimensions, 0);
  for (uint64_t p : pairs) {
    row_total[p >> 32] += 1;
    dim_total[p & 0xFFFFFFFFu] += 1;
  }
  double smoothed = 0;
  for (double& t : dim_total) smoothed += (t = std::pow(t, 0.75));
  const double all = static_cast<double>(pairs.size());
  size_t r = 0;
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    const size_t row = pairs[i] >> 32;
    const uint32_t d = static_cast<uint32_t>(pairs[i] & 0xFFFFFFFFu);
    for (; r < row; ++r) x.start.push_back(x.dims.size());
    const double pmi = std::log((j - i) * all / row_total[row] / (all * dim_total[d] / smoothed));
    if (pmi > 0) {
      x.dims.push_back(d);
      x.values.push_back(static_cast<float>(pmi));
    }
    i = j;
  }
  for (; r < rows; ++r) x.start.push_back(x.dims.size());
  for (size_t row = 0; row < rows; ++row) {
    double norm = 0;
    for (size_t i = x.start[row]; i < x.start[row + 1]; ++i) norm += double{x.values[i]} * x.values[i];
    if (norm == 0) continue;
    norm = std::sqrt(norm);
    for (size_t i = x.start[row]; i < x.start[row + 1]; ++i) x.values[i] = static_cast<float>(x.values[i] / norm);
  }
  return x;
}

}  // namespace

std::string FormatClusters(const std::vector<WordCluster>& clusters, const ClusterOptions& options) {
  std::string out = "# fine " + std::to_string(options.fine) + "\n";
  for (const WordCluster& c : clusters) {
    out += c.word + "\t" + std::to_string(c.coarse) + "\t" + std::to_string(c.fine) + "\t" + std::to_string(c.count) + "\n";
  }
  return out;
}

StatusOr<std::vector<WordCluster>> ReadClusters(const std::string& path, int* fine) {
  std::ifstream in(path);
  if (!in) return InvalidInput(path + ": cannot read the clusters file");
  std::vector<WordCluster> out;
  std::string line;
  *fine = 0;
  if (!std::getline(in, line) || line.rfind("# fine ", 0) != 0 || (*fine = std::atoi(line.c_str() + 7)) <= 0) {
    return InvalidInput(path + ":1: not a clusters file (no \"# fine N\" line)");
  }
  for (size_t n = 2; std::getline(in, line); ++n) {
    auto bad = [&](const std::string& what) { return InvalidInput(path + ":" + std::to_string(n) + ": " + what); };
    std::istringstream fields(line);
    WordCluster c;
    std::string rest;
    if (!std::getline(fields, c.word, '\t') || !(fields >> c.coarse >> c.fine >> c.count) || (fields >> rest) ||
        c.word.empty() || c.coarse < 0 || c.fine < c.coarse * *fine || c.fine >= (c.coarse + 1) * *fine) {
      return bad("expected word, coarse cluster, fine cluster (of that coarse one), count");
    }
    out.push_back(std::move(c));
  }
  if (out.empty()) return InvalidInput(path + ": no clusters");
  return out;
}

std::string ContextCounter::Key(std::string_view form) { return syntax::WordKeyText(form); }

uint32_t ContextCounter::Intern(const std::string& key) {
  auto [it, added] = ids_.emplace(key, static_cast<uint32_t>(words_.size()));
  if (added) {
    words_.push_back(key);
    counts_.push_back(0);
  }
  return it->second;
}

void ContextCounter::AddSentence(const std::vector<std::string_view>& forms) {
  if (forms.empty()) return;
  for (std::string_view form : forms) {
    const uint32_t id = Intern(Key(form));
    ++counts_[id];
    sequence_.push_back(id);
  }
  sequence_.push_back(kBoundary);
}

std::vector<WordCluster> ContextCounter::Cluster(const ClusterOptions& o) const {
  std::vector<uint32_t> by_count(words_.size());
  for (uint32_t i = 0; i < by_count.size(); ++i) by_count[i] = i;
  std::sort(by_count.begin(), by_count.end(), [&](uint32_t a, uint32_t b) {
    return counts_[a] != counts_[b] ? counts_[a] > counts_[b] : words_[a] < words_[b];
  });
  std::vector<int32_t> row_of(words_.size(), -1), context_of(words_.size(), -1);
  size_t rows = 0;
  for (uint32_t id : by_count) {
    if (rows >= o.vocabulary || counts_[id] < o.min_count) break;
    row_of[id] = static_cast<int32_t>(rows++);
  }
  const size_t contexts = std::min(o.contexts, by_count.size());
  for (size_t c = 0; c < contexts; ++c) context_of[by_count[c]] = static_cast<int32_t>(c);
  const SparseRows x = ContextRows(sequence_, row_of, context_of, rows, contexts);

  std::vector<uint32_t> all(rows);
  for (uint32_t i = 0; i < rows; ++i) all[i] = i;
  const std::vector<int> coarse = KMeans(x, all, o.coarse, o.iterations, o.seed);
  std::vector<std::vector<uint32_t>> members(std::max(o.coarse, 1));
  for (uint32_t i = 0; i < rows; ++i) members[coarse[i]].push_back(i);
  std::vector<WordCluster> out(rows);
  for (size_t c = 0; c < members.size(); ++c) {
    const std::vector<int> fine =
        KMeans(x, members[c], std::min<int>(o.fine, static_cast<int>(members[c].size())), o.iterations, o.seed + 1 + c);
    for (size_t m = 0; m < members[c].size(); ++m) {
      out[members[c][m]].coarse = static_cast<int>(c);
      out[members[c][m]].fine = static_cast<int>(c) * o.fine + fine[m];
    }
  }
  for (uint32_t id : by_count) {
    if (row_of[id] < 0) continue;
    out[row_of[id]].word = words_[id];
    out[row_of[id]].count = counts_[id];
  }
  return out;
}

}  // namespace kg

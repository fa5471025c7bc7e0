// Word clusters learned from raw text, for the syntax models' features
// (French treebank data is small: a word the treebanks never saw often has
// neighbours in the corpus that they did). Each frequent word is described
// by the words seen just before and just after it (positive pointwise mutual
// information with the commonest words, and the sentence's edges), and the
// words are grouped by spherical k-means in two levels: a few coarse
// clusters, each split again into fine ones (as the prefixes of Brown
// clusters, Koo et al. 2008). Deterministic: the same text, options and
// seed give the same clusters.
//
//   ContextCounter counter;
//   counter.AddSentence({"le", "président", "a", "dit"});   // forms as read
//   std::vector<WordCluster> c = counter.Cluster(ClusterOptions{});
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kg/base/status.h"

namespace kg {

struct ClusterOptions {
  size_t vocabulary = 100000;  // the commonest words clustered, at most
  size_t min_count = 5;        // and seen at least this often
  size_t contexts = 1000;      // the commonest words that describe them (left and right)
  int coarse = 32;             // clusters of the first level
  int fine = 16;               // clusters each coarse one is split into
  int iterations = 15;
  uint64_t seed = 1;
};

struct WordCluster {
  std::string word;  // as counted (ContextCounter::Key)
  uint32_t count = 0;
  int coarse = 0, fine = 0;  // fine: coarse * options.fine + the sub-cluster
};

// The clusters file kg-clusters writes and kg-train reads: a first line
// "# fine N" (options.fine), then per word: word, coarse, fine, count (TSV).
std::string FormatClusters(const std::vector<WordCluster>& clusters, const ClusterOptions& options);
// Errors name the file and line. `fine` receives N.
StatusOr<std::vector<WordCluster>> ReadClusters(const std::string& path, int* fine);

class ContextCounter {
 public:
  // How a form is counted: lower case, ASCII apostrophes, digits as 0 (the
  // syntax models' word key, WordKeys::lower, reads the same).
  static std::string Key(std::string_view form);
  void AddSentence(const std::vector<std::string_view>& forms);
  size_t tokens() const { return sequence_.size(); }
  // The clusters of the commonest words, by decreasing count (ties by word).
  std::vector<WordCluster> Cluster(const ClusterOptions& options) const;

 private:
  uint32_t Intern(const std::string& key);
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> words_;
  std::vector<uint32_t> counts_;
  std::vector<uint32_t> sequence_;  // every token's id; kBoundary between sentences
};

}  // namespace kg

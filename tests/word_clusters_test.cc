// Word clusters from raw text: words seen in the same contexts share a
// cluster, the clusters are deterministic, the clusters file reads back and
// its errors name the file and line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "kg/extract/word_clusters.h"

namespace kg {
namespace {

// Six kinds of words (so six coarse clusters): nouns after determiners,
// adjectives after "est" before the full stop, verbs between nouns and
// determiners, the determiners, "est", the full stop.
ContextCounter SmallCorpus() {
  const char* nouns[] = {"chat", "chien", "lapin", "cheval"};
  const char* adjectives[] = {"rouge", "bleu", "vert", "grand"};
  const char* verbs[] = {"mange", "voit", "aime", "suit"};
  const char* determiners[] = {"le", "un", "ce"};
  ContextCounter c;
  for (int i = 0; i < 400; ++i) {
    c.AddSentence({determiners[i % 3], nouns[i % 4], verbs[(i / 4) % 4], determiners[(i / 3) % 3], nouns[(i / 16) % 4],
                   "."});
    c.AddSentence({determiners[(i + 1) % 3], nouns[(i / 4) % 4], "est", adjectives[i % 4], "."});
  }
  return c;
}

ClusterOptions SmallOptions(int coarse) {
  ClusterOptions o;
  o.min_count = 1;
  o.coarse = coarse;
  o.fine = 2;
  return o;
}

TEST(WordClustersTest, WordsInTheSameContextsShareACluster) {
  const ClusterOptions o = SmallOptions(6);
  const std::vector<WordCluster> clusters = SmallCorpus().Cluster(o);
  auto of = [&](const std::string& word) {
    for (const WordCluster& c : clusters) {
      if (c.word == word) return c.coarse;
    }
    return -1;
  };
  struct Case { const char *a, *b; bool same; };
  const Case cases[] = {
      {"chat", "chien", true},   {"chat", "cheval", true}, {"rouge", "vert", true}, {"mange", "suit", true},
      {"chat", "rouge", false},  {"chat", "mange", false}, {"rouge", "mange", false},
  };
  for (const Case& c : cases) {
    ASSERT_GE(of(c.a), 0) << c.a;
    EXPECT_EQ(of(c.a) == of(c.b), c.same) << c.a << " " << c.b;
  }
  for (const WordCluster& c : clusters) {  // each fine cluster inside its coarse one
    EXPECT_EQ(c.fine / o.fine, c.coarse) << c.word;
  }
  // Commonest first; the same text, the same clusters.
  EXPECT_EQ(clusters[0].word, ".");
  EXPECT_EQ(FormatClusters(SmallCorpus().Cluster(o), o), FormatClusters(clusters, o));
}

TEST(WordClustersTest, WordsAreCountedAsTheModelsKeyThem) {
  struct Case { const char *form, *key; };
  const Case cases[] = {{"L\u2019État", "l'état"}, {"2019", "0000"}, {"COVID-19", "covid-00"}, {"mange", "mange"}};
  for (const Case& c : cases) EXPECT_EQ(ContextCounter::Key(c.form), c.key) << c.form;
}

TEST(WordClustersTest, TheClustersFileReadsBackAndItsErrorsNameTheLine) {
  const ClusterOptions o = SmallOptions(3);
  const std::vector<WordCluster> clusters = SmallCorpus().Cluster(o);
  const std::string path = ::testing::TempDir() + "/kg-clusters.tsv";
  auto write = [&](const std::string& text) { std::ofstream(path, std::ios::binary) << text; };
  write(FormatClusters(clusters, o));
  int fine = 0;
  auto read = ReadClusters(path, &fine);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(fine, 2);
  EXPECT_EQ(FormatClusters(*read, o), FormatClusters(clusters, o));
  struct Case { std::string text, error; };
  const Case cases[] = {
      {"", path + ":1: not a clusters file (no \"# fine N\" line)"},
      {"chat\t0\t1\t5\n", path + ":1: not a clusters file (no \"# fine N\" line)"},
      {"# fine 2\n", path + ": no clusters"},
      {"# fine 2\nchat\t0\t1\n", path + ":2: expected word, coarse cluster, fine cluster (of that coarse one), count"},
      {"# fine 2\nchat\t0\t2\t5\n", path + ":2: expected word, coarse cluster, fine cluster (of that coarse one), count"},
      {"# fine 2\nchat\t0\t1\t5\textra\n", path + ":2: expected word, coarse cluster, fine cluster (of that coarse one), count"},
  };
  for (const Case& c : cases) {
    write(c.text);
    auto bad = ReadClusters(path, &fine);
    ASSERT_FALSE(bad.ok()) << c.text;
    EXPECT_EQ(bad.status().message(), c.error) << c.text;
  }
  auto missing = ReadClusters("/nonexistent/clusters.tsv", &fine);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "/nonexistent/clusters.tsv: cannot read the clusters file");
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace kg

#include "kg/graph/repeat_cache.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "kg/export/writer.h"
#include "kg/graph/pipeline.h"
#include "test_util.h"

namespace kg {
namespace {

std::shared_ptr<const DocumentResult> Result(const std::string& id, const std::string& text) {
  DocumentResult r;
  r.id = id;
  r.text = text;
  return std::make_shared<const DocumentResult>(std::move(r));
}

TEST(RepeatCacheTest, FindsKeptTextsOnly) {
  RepeatCache cache(1u << 20);
  cache.Add(Result("a", "Emmanuel Macron est à Paris."));
  cache.Add(Result("b", "Nvidia fournit DeepSeek."));
  auto found = cache.Find("Emmanuel Macron est à Paris.");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->id, "a");
  EXPECT_EQ(cache.Find("Emmanuel Macron est à Paris"), nullptr);  // one byte short
  EXPECT_EQ(cache.Find(""), nullptr);
  EXPECT_EQ(cache.size(), 2u);
}

TEST(RepeatCacheTest, OldestLeaveBeyondTheBudget) {
  std::string text(1000, 'x');
  size_t one = ResultBytes(*Result("0", text + "0"));
  RepeatCache cache(3 * one);
  for (int i = 0; i < 5; ++i) cache.Add(Result(std::to_string(i), text + std::to_string(i)));
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_LE(cache.bytes(), 3 * one);
  EXPECT_EQ(cache.Find(text + "0"), nullptr);
  EXPECT_EQ(cache.Find(text + "1"), nullptr);
  ASSERT_NE(cache.Find(text + "2"), nullptr);
  ASSERT_NE(cache.Find(text + "4"), nullptr);
  // The same text added again while its first copy is kept ([3, 4, 3b]),
  // then the first copy leaves ([4, 3b, 5]): the second is still found.
  cache.Add(Result("6", text + "3"));
  cache.Add(Result("5", text + "5"));
  ASSERT_NE(cache.Find(text + "3"), nullptr);
  EXPECT_EQ(cache.Find(text + "3")->id, "6");
  EXPECT_EQ(cache.Find(text + "2"), nullptr);
  // Larger than the whole budget: not kept, nothing evicted.
  cache.Add(Result("big", std::string(4 * one, 'y')));
  EXPECT_EQ(cache.size(), 3u);
}

TEST(RepeatTrackerTest, NewTwinsAndKeptRepeats) {
  RepeatTracker t(1u << 20);
  // Read 0 "a", 1 "b", 2 "a": the third is the first's twin (still in the window).
  auto s0 = t.Read("a", 0), s1 = t.Read("b", 1), s2 = t.Read("a", 2);
  EXPECT_FALSE(s0.repeat());
  EXPECT_FALSE(s1.repeat());
  EXPECT_EQ(s2.twin, 0u);
  EXPECT_EQ(s2.kept, nullptr);
  // Merged in order: the twin copies the first's result.
  t.Merged(0, s0, Result("0", "a"));
  EXPECT_EQ(t.TwinSource(s2.twin)->id, "0");
  t.Merged(1, s1, Result("1", "b"));
  t.Merged(2, s2, Result("2", "a"));
  // Read after both left the window: a kept result, no twin.
  auto s3 = t.Read("a", 3), s4 = t.Read("c", 4);
  ASSERT_NE(s3.kept, nullptr);
  EXPECT_EQ(s3.twin, RepeatTracker::kNoTwin);
  EXPECT_FALSE(s4.repeat());
}

TEST(RepeatTrackerTest, DisabledSeesNoRepeats) {
  RepeatTracker t(0);
  auto s0 = t.Read("a", 0);
  t.Merged(0, s0, Result("0", "a"));
  EXPECT_FALSE(t.Read("a", 1).repeat());
}

TEST(RepeatCacheTest, RepeatTakesTheNewIdentity) {
  DocumentResult same = testing::Extract("Donald Trump a menacé TSMC. Nvidia vend le H800 à DeepSeek.", "first");
  ASSERT_FALSE(same.entities.empty());
  DocumentResult r = RepeatOf(same, Document{"second", "second.txt", same.text});
  EXPECT_EQ(r.id, "second");
  EXPECT_EQ(r.path, "second.txt");
  EXPECT_EQ(r.text, same.text);
  EXPECT_EQ(r.sentences.size(), same.sentences.size());
  EXPECT_EQ(testing::Entities(r), testing::Entities(same));
  ASSERT_FALSE(same.mentions.empty());
  EXPECT_EQ(r.mentions.size(), same.mentions.size());
  EXPECT_EQ(r.relations.size(), same.relations.size());
}

// A corpus with repeats (in one batch, across batches, and once the first
// copy has left the cache) gives the same graph as extracting every document.
TEST(RepeatCacheTest, PipelineGraphIsTheSameWithOrWithoutRepeats) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("kg_repeat_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const char* texts[] = {
      "Donald Trump a menacé TSMC de droits de douane.",
      "DeepSeek utilise le NVIDIA H800, selon Reuters.",
      "Emmanuel Macron a reçu Olaf Scholz à Paris.",
      "OpenAI et SoftBank lancent Stargate avec Oracle.",
  };
  {
    std::ofstream out(dir / "c.jsonl");
    int n = 0;
    for (int round = 0; round < 3; ++round) {
      for (int k = 0; k < 4; ++k) {
        out << "{\"id\":\"d" << n++ << "\",\"text\":\"" << texts[(k + round) % 4] << "\"}\n";
        if (k == 1) out << "{\"id\":\"d" << n++ << "\",\"text\":\"" << texts[k] << "\"}\n";  // same batch
      }
    }
  }
  auto build = [&](size_t cache_bytes, size_t batch_bytes, size_t* repeats) {
    auto src = DocumentSource::Open({(dir / "c.jsonl").string()});
    EXPECT_TRUE(src.ok());
    PipelineOptions opt;
    opt.threads = 2;
    opt.lexicon = &testing::TestLexicon();
    opt.batch_bytes = batch_bytes;
    opt.repeat_cache_bytes = cache_bytes;
    PipelineStats stats;
    opt.stats = &stats;
    auto g = BuildGraph(**src, opt);
    EXPECT_TRUE(g.ok());
    *repeats = stats.repeats;
    return MakeWriter("json")->Write(*g);
  };
  size_t none = 0, small_batches = 0, one_batch = 0, tiny_cache = 0;
  std::string plain = build(0, 8u << 20, &none);
  EXPECT_EQ(none, 0u);
  EXPECT_EQ(build(64u << 20, 100, &small_batches), plain);
  EXPECT_EQ(small_batches, 11u);  // 15 documents, 4 distinct texts
  EXPECT_EQ(build(64u << 20, 8u << 20, &one_batch), plain);
  EXPECT_EQ(one_batch, 11u);
  EXPECT_EQ(build(1, 100, &tiny_cache), plain);  // nothing fits: only repeats within a batch
  EXPECT_LT(tiny_cache, 11u);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace kg

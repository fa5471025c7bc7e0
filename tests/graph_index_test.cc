#include "kg/graph/graph_index.h"

#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "kg/base/atomic_file.h"
#include "kg/export/writer.h"
#include "kg/graph/json_store.h"
#include "test_util.h"

namespace kg {
namespace {

namespace fs = std::filesystem;

class GraphIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/kg-index-test-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    // Evidence with characters JSON escapes: quotes, a backslash, a tab.
    graph_ = testing::BuildFrom(
        {{"a", "DeepSeek utilise le NVIDIA H800. Donald Trump a menacé TSMC « sans détour »."},
         {"b", "Selon \"Reuters\", Trump et Open AI ont parlé à Washington\tavec C:\\Nvidia."}});
    ASSERT_TRUE(WriteGraphFiles(graph_, dir_, {"json"}).ok());
    json_ = dir_ + "/graph.json";
    index_ = dir_ + "/graph.kgi";
    ASSERT_TRUE(ReadFile(json_, &json_bytes_).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Touch(const std::string& path, int seconds_ago) {
    struct timeval tv[2];
    gettimeofday(&tv[0], nullptr);
    tv[0].tv_sec -= seconds_ago;
    tv[1] = tv[0];
    ASSERT_EQ(utimes(path.c_str(), tv), 0);
  }

  std::string dir_, json_, index_, json_bytes_;
  KnowledgeGraph graph_;
};

TEST_F(GraphIndexTest, WrittenBesideJsonAndLoadsTheSameGraph) {
  ASSERT_TRUE(fs::exists(index_));
  auto g = LoadGraphIndex(index_, json_);
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ(MakeWriter("json")->Write(*g), json_bytes_);
  EXPECT_EQ(MakeWriter("graphml")->Write(*g), MakeWriter("graphml")->Write(graph_));
  bool escaped = false;
  for (const EdgeRef& e : g->edges()) {
    for (const Evidence& ev : e.data->evidence) escaped = escaped || ev.text.find('"') != std::string_view::npos;
  }
  EXPECT_TRUE(escaped) << "the fixture should cite a sentence with quotes";
  auto via_dir = LoadGraph(dir_);
  ASSERT_TRUE(via_dir.ok());
  EXPECT_EQ(MakeWriter("json")->Write(*via_dir), json_bytes_);
}

TEST_F(GraphIndexTest, StaleIndexIsIgnored) {
  Touch(json_, 100);
  auto g = LoadGraphIndex(index_, json_);
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("another version"), std::string::npos) << g.status().message();
  auto loaded = LoadGraph(dir_);  // falls back to the JSON
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(MakeWriter("json")->Write(*loaded), json_bytes_);
}

// Format 7 (issue 19's checksums with issue 20's titles, dates and
// first/last dates, and evidence reached through coreference): an index of an earlier format is never read, whatever
// its bytes; the JSON is.
TEST_F(GraphIndexTest, EarlierFormatsAreNotRead) {
  std::string index;
  ASSERT_TRUE(ReadFile(index_, &index).ok());
  ASSERT_EQ(index.substr(0, 8), std::string("KGINDEX\x07"));
  for (char version : {'\x05', '\x06'}) {
    std::string old = index;
    old[7] = version;
    ASSERT_TRUE(WriteFileAtomically(index_, old).ok());
    auto g = LoadGraphIndex(index_, json_);
    ASSERT_FALSE(g.ok());
    EXPECT_NE(g.status().message().find("not a kg index (or another version)"), std::string::npos)
        << g.status().message();
    auto loaded = LoadGraph(dir_);
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    EXPECT_EQ(MakeWriter("json")->Write(*loaded), json_bytes_);
  }
}

// The fuzzer's seeds are indexes of the current format (they are made by
// kg build: samples.kgi from `kg build samples`, one.kgi from one dated
// document), so the fuzzer starts past the magic.
TEST(GraphIndexSeedsTest, SeedsDecode) {
  size_t seeds = 0;
  for (const auto& e : fs::directory_iterator(std::string(KG_TESTS_DIR) + "/../fuzz/corpus/index")) {
    std::string bytes;
    ASSERT_TRUE(ReadFile(e.path().string(), &bytes).ok());
    auto g = DecodeGraphIndex(bytes, nullptr, nullptr, e.path().string(), "graph.json");
    ASSERT_TRUE(g.ok()) << g.status().message();
    EXPECT_GT(g->node_count(), 0u) << e.path();
    ++seeds;
  }
  EXPECT_GE(seeds, 2u);
}

TEST_F(GraphIndexTest, EditedJsonWinsOverItsOldIndex) {
  // Another tool rewrites graph.json (a different size): the index is stale.
  std::string edited = json_bytes_;
  edited.replace(edited.find("\"DeepSeek\""), 10, "\"DeepSeek Inc\"");
  ASSERT_TRUE(WriteFileAtomically(json_, edited).ok());
  auto loaded = LoadGraph(dir_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  bool found = false;
  for (NodeId v = 0; v < loaded->node_count(); ++v) found = found || loaded->node(v).label == "DeepSeek Inc";
  EXPECT_TRUE(found);
}

// A hand-edited graph.json whose documents claim billions of sentences (the
// index fuzzer's finding): writing its JSON and its index must not size a
// table by those counts (it asked for gigabytes before), and they still load.
TEST_F(GraphIndexTest, HugeSentenceCountsDoNotSizeTables) {
  std::string edited = json_bytes_;
  for (size_t at = 0; (at = edited.find("\"sentences\":", at)) != std::string::npos;) {
    at += 12;
    size_t end = edited.find_first_not_of("0123456789", at);
    edited.replace(at, end - at, "4294967295");
  }
  ASSERT_TRUE(WriteFileAtomically(json_, edited).ok());
  fs::remove(index_);
  auto loaded = LoadGraph(dir_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  std::string out = dir_ + "/again";
  ASSERT_TRUE(WriteGraphFiles(*loaded, out, {"json"}).ok());
  std::string rewritten;
  ASSERT_TRUE(ReadFile(out + "/graph.json", &rewritten).ok());
  EXPECT_EQ(rewritten, edited);
  auto from_index = LoadGraphIndex(out + "/graph.kgi", out + "/graph.json");
  ASSERT_TRUE(from_index.ok()) << from_index.status().message();
  EXPECT_EQ(MakeWriter("json")->Write(*from_index), edited);
}

TEST_F(GraphIndexTest, DamagedIndexIsRejectedNeverTrusted) {
  std::string index;
  ASSERT_TRUE(ReadFile(index_, &index).ok());
  auto stamp = StampOf(json_);
  ASSERT_TRUE(stamp.ok());
  // Every truncation, and a byte flipped at many positions: an error or a
  // graph, never a crash (the ASan build runs this too).
  for (size_t cut = 0; cut < index.size(); cut += 7) {
    ASSERT_TRUE(WriteFileAtomically(index_, index.substr(0, cut)).ok());
    EXPECT_FALSE(LoadGraphIndex(index_, json_).ok()) << "cut at " << cut;
  }
  // Every byte is covered by the body's checksum or by the stamp: a flip
  // anywhere is refused (issue 19: flips changed answers in 54 of 400 runs).
  for (size_t at = 0; at < index.size(); ++at) {
    for (int mask : {0x01, 0x5A, 0x80}) {
      std::string damaged = index;
      damaged[at] = static_cast<char>(damaged[at] ^ mask);
      ASSERT_TRUE(WriteFileAtomically(index_, damaged).ok());
      EXPECT_FALSE(LoadGraphIndex(index_, json_).ok()) << "flip " << mask << " at " << at;
    }
  }
  ASSERT_TRUE(WriteFileAtomically(index_, "not an index at all").ok());
  auto g = LoadGraphIndex(index_, json_);
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("graph.kgi: not a kg index"), std::string::npos) << g.status().message();
  auto loaded = LoadGraph(json_);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(MakeWriter("json")->Write(*loaded), json_bytes_);
}

TEST_F(GraphIndexTest, SameSizeEditWithMtimeRestoredIsSeen) {
  // Issue 19: graph.json edited in place, same size, its modification time
  // put back: the index must not answer for the old graph.
  struct stat before;
  ASSERT_EQ(stat(json_.c_str(), &before), 0);
  std::string edited = json_bytes_;
  size_t at = edited.find("\"DeepSeek\"");
  ASSERT_NE(at, std::string::npos);
  edited.replace(at, 10, "\"DeepSeeK\"");
  ASSERT_EQ(edited.size(), json_bytes_.size());
  {
    std::ofstream out(json_, std::ios::binary | std::ios::trunc);
    out << edited;
  }
  struct timespec times[2] = {before.st_atim, before.st_mtim};
  ASSERT_EQ(utimensat(AT_FDCWD, json_.c_str(), times, 0), 0);
  auto stamp = StampOf(json_);
  ASSERT_TRUE(stamp.ok());
  ASSERT_EQ(stamp->size, static_cast<uint64_t>(before.st_size));
  EXPECT_FALSE(LoadGraphIndex(index_, json_).ok());
  auto loaded = LoadGraph(dir_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  bool found = false;
  for (NodeId v = 0; v < loaded->node_count(); ++v) found = found || loaded->node(v).label == "DeepSeeK";
  EXPECT_TRUE(found);
}

TEST_F(GraphIndexTest, StampSamplesTheFirstAndLastBlocksOfALargeFile) {
  // A file larger than two blocks: a change in either end block is seen.
  std::string big(3 * kStampBlock, 'x');
  std::string path = dir_ + "/big";
  auto stamp_with = [&](size_t at) {
    std::string bytes = big;
    if (at < bytes.size()) bytes[at] = 'y';
    EXPECT_TRUE(WriteFileAtomically(path, bytes).ok());
    auto s = StampOf(path);
    EXPECT_TRUE(s.ok());
    return s.ok() ? s->blocks : 0;
  };
  uint64_t original = stamp_with(big.size());
  EXPECT_NE(stamp_with(0), original);
  EXPECT_NE(stamp_with(kStampBlock - 1), original);
  EXPECT_NE(stamp_with(big.size() - kStampBlock), original);
  EXPECT_NE(stamp_with(big.size() - 1), original);
  EXPECT_EQ(stamp_with(big.size()), original);
}

TEST(GraphIndexPathTest, NamesTheIndexBesideTheJson) {
  EXPECT_EQ(IndexPathFor("out/graph.json"), "out/graph.kgi");
  EXPECT_EQ(IndexPathFor("g"), "g.kgi");
  EXPECT_EQ(IndexPathFor(".json"), ".json.kgi");
}

}  // namespace
}  // namespace kg

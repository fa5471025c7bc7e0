#include "kg/base/atomic_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "kg/base/commit_journal.h"

namespace kg {
namespace {

// Streamed content of many sizes (around block sizes and the output
// buffer's 1 MB chunks, in pieces of odd sizes, some larger than a chunk)
// comes back byte for byte, on disk and, where there is one, on tmpfs.
TEST(AtomicFileTest, StreamedBytesComeBackWhole) {
  namespace fs = std::filesystem;
  std::string name = "kg_atomic_";
  name.append(std::to_string(getpid()));
  std::vector<fs::path> dirs = {fs::temp_directory_path() / name};
  if (fs::is_directory("/dev/shm")) dirs.push_back(fs::path("/dev/shm") / name);
  // 4 MB blocks go out two at a time: up to five blocks and a partial one.
  const size_t sizes[] = {0, 1, 4095, 4096, 4097, (4u << 20) - 1, 4u << 20, 8u << 20, (9u << 20) + 123, (21u << 20) + 5};
  for (const fs::path& dir : dirs) {
    fs::create_directories(dir);
    for (size_t size : sizes) {
      std::string content(size, '\0');
      for (size_t i = 0; i < size; ++i) content[i] = static_cast<char>('a' + (i * 7 + i / 4096) % 26);
      std::string path = (dir / std::to_string(size)).string();
      AtomicFileSet set;
      Status s = set.AddStreamed(path, [&](OutputBuffer* out) {
        for (size_t at = 0; at < size;) {
          size_t n = std::min<size_t>(size - at, 1 + (at * 31) % 700000);  // odd piece sizes, some over 1 MB
          out->Append(std::string_view(content).substr(at, n));
          at += n;
        }
      });
      ASSERT_TRUE(s.ok()) << s.message();
      ASSERT_TRUE(set.Commit().ok());
      std::string back;
      ASSERT_TRUE(ReadFile(path, &back).ok());
      EXPECT_EQ(back.size(), size) << path;
      EXPECT_TRUE(back == content) << path;
    }
    fs::remove_all(dir);
  }
}

class OutputSetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("kg_output_set_" + std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  std::string Read(const std::string& name) const {
    std::string text;
    EXPECT_TRUE(ReadFile(Path(name), &text).ok()) << name;
    return text;
  }
  // The names in the directory, hidden ones included, sorted.
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir_)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
  Status WriteSet(const std::string& version) {
    AtomicFileSet set;
    for (const char* name : {"graph.json", "graph.dot", "graph.kgi"}) {
      if (Status s = set.Add(Path(name), version); !s.ok()) return s;
    }
    return set.Commit();
  }
  std::filesystem::path dir_;
};

TEST_F(OutputSetTest, CommitsTheWholeSetAndLeavesNothingBehind) {
  ASSERT_TRUE(WriteSet("old").ok());
  ASSERT_TRUE(WriteSet("new").ok());
  EXPECT_EQ(Names(), (std::vector<std::string>{"graph.dot", "graph.json", "graph.kgi"}));
  for (const char* name : {"graph.json", "graph.dot", "graph.kgi"}) EXPECT_EQ(Read(name), "new");
}

// Issue 19: a target that cannot be replaced (graph.json is a directory)
// left new files beside the old ones; now nothing changes.
TEST_F(OutputSetTest, ATargetThatIsADirectoryChangesNothing) {
  ASSERT_TRUE(WriteSet("old").ok());
  std::filesystem::remove(Path("graph.json"));
  std::filesystem::create_directory(Path("graph.json"));
  Status s = WriteSet("new");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), Path("graph.json") + ": is a directory");
  EXPECT_EQ(Read("graph.dot"), "old");
  EXPECT_EQ(Read("graph.kgi"), "old");
  EXPECT_EQ(Names(), (std::vector<std::string>{"graph.dot", "graph.json", "graph.kgi"}));
}

// A kill after the commit point (the staging directory renamed .kg-commit,
// some files moved): the next write, or a recovery, finishes the new set.
TEST_F(OutputSetTest, AHalfDoneCommitIsRolledForward) {
  ASSERT_TRUE(WriteSet("old").ok());
  ASSERT_TRUE(WriteFileAtomically(Path("graph.json"), "new").ok());  // already moved
  std::filesystem::create_directory(Path(".kg-commit"));
  for (const char* name : {"graph.dot", "graph.kgi"}) std::ofstream(Path(std::string(".kg-commit/") + name)) << "new";
  EXPECT_EQ(Read("graph.dot"), "old");
  ASSERT_TRUE(RecoverOutputDirectory(dir_.string()).ok());
  EXPECT_EQ(Names(), (std::vector<std::string>{"graph.dot", "graph.json", "graph.kgi"}));
  for (const char* name : {"graph.json", "graph.dot", "graph.kgi"}) EXPECT_EQ(Read(name), "new");
}

// Files the new set drops (formats not asked for this time) go with the
// commit, after the new files are in place; a directory of that name, or a
// file never listed, stays.
TEST_F(OutputSetTest, DroppedFilesGoWithTheCommit) {
  ASSERT_TRUE(WriteSet("old").ok());
  ASSERT_TRUE(WriteFileAtomically(Path("nodes.csv"), "old").ok());
  std::filesystem::create_directory(Path("graph.gexf"));
  AtomicFileSet set;
  ASSERT_TRUE(set.Add(Path("graph.json"), "new").ok());
  for (const char* name : {"graph.dot", "graph.kgi", "nodes.csv", "graph.gexf"}) set.RemoveOnCommit(Path(name));
  EXPECT_EQ(Read("graph.dot"), "old");  // nothing removed before the commit
  ASSERT_TRUE(set.Commit().ok());
  EXPECT_EQ(Names(), (std::vector<std::string>{"graph.gexf", "graph.json"}));
  EXPECT_EQ(Read("graph.json"), "new");
}

// A kill after the commit point of such a set: the recovery moves the new
// files and removes the dropped ones, as the commit would have.
TEST_F(OutputSetTest, AHalfDoneCommitRemovesTheDroppedFiles) {
  ASSERT_TRUE(WriteSet("old").ok());
  std::filesystem::create_directory(Path(".kg-commit"));
  std::ofstream(Path(".kg-commit/graph.json")) << "new";
  std::ofstream(Path(".kg-commit/.kg-remove")) << "graph.dot\ngraph.kgi\n../escape\n";
  ASSERT_TRUE(RecoverOutputDirectory(dir_.string()).ok());
  EXPECT_EQ(Names(), (std::vector<std::string>{"graph.json"}));
  EXPECT_EQ(Read("graph.json"), "new");
}

// A commit refused before its commit point leaves the old set, the files
// it would have dropped included, and no staging directory.
TEST_F(OutputSetTest, ARefusedCommitRemovesNothing) {
  ASSERT_TRUE(WriteSet("old").ok());
  std::filesystem::create_directory(Path("graph.gexf"));
  AtomicFileSet set;
  ASSERT_TRUE(set.Add(Path("graph.json"), "new").ok());
  ASSERT_TRUE(set.Add(Path("graph.gexf"), "new").ok());
  set.RemoveOnCommit(Path("graph.dot"));
  ASSERT_FALSE(set.Commit().ok());
  EXPECT_EQ(Read("graph.dot"), "old");
  EXPECT_EQ(Read("graph.json"), "old");
}

// Leftovers of killed runs: staging directories of processes that are gone
// and temporaries of kg before this scheme go; a live process's stay.
TEST_F(OutputSetTest, LeftoversOfKilledRunsAreRemoved) {
  std::filesystem::create_directories(Path(".kg-staging.2147483646.AbCdEf"));  // no such process
  ASSERT_TRUE(WriteFileAtomically(Path(".kg-staging.2147483646.AbCdEf/graph.json"), "partial").ok());
  std::string mine = ".kg-staging." + std::to_string(getpid()) + ".XyZ123";
  std::filesystem::create_directories(Path(mine));
  ASSERT_TRUE(WriteFileAtomically(Path("graph.json.tmp.Q1w2E3"), "partial").ok());
  ASSERT_TRUE(WriteFileAtomically(Path("notes.tmp.Q1w2E3"), "the user's").ok());
  ASSERT_TRUE(WriteSet("new").ok());
  EXPECT_EQ(Names(), (std::vector<std::string>{mine, "graph.dot", "graph.json", "graph.kgi", "notes.tmp.Q1w2E3"}));
}

}  // namespace
}  // namespace kg

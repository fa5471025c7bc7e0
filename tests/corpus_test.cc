#include "kg/extract/corpus.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace kg {
namespace {

namespace fs = std::filesystem;

struct TextCase {
  std::string raw;
  bool ok;
  std::string normalized;
  bool warns;
};

TEST(CorpusTest, NormalizeText) {
  const TextCase cases[] = {
      {"déjà", true, "déjà", false},
      {"\xEF\xBB\xBF" "Pr\xC3\xA9" "face", true, "Préface", false},                   // UTF-8 BOM dropped
      {"l\x92\xE9t\xE9", true, "l’été", true},                                   // Windows-1252 transcoded
      {std::string("\xFF\xFE" "A\0\xE9\0", 6), true, "Aé", false},               // UTF-16LE with BOM
      {std::string("a\0b", 3), false, "", false},                                // binary
      {"a\x01" "b\r\nc", true, "a b\r\nc", false},                               // control characters
  };
  for (const auto& c : cases) {
    std::string t = c.raw;
    std::vector<std::string> warnings;
    Status s = NormalizeText("f.txt", &t, &warnings);
    EXPECT_EQ(s.ok(), c.ok) << c.raw;
    if (!c.ok) {
      EXPECT_NE(s.message().find("f.txt"), std::string::npos);
      continue;
    }
    EXPECT_EQ(t, c.normalized);
    EXPECT_EQ(!warnings.empty(), c.warns);
  }
}

// Control characters are replaced wherever they fall (the text is looked
// at eight bytes at a time): every byte value at every position of texts of
// several lengths, among ASCII and multibyte text.
TEST(CorpusTest, NormalizeTextReplacesEveryControlCharacter) {
  const std::string base = "Le président a dit: « oui »… Ωμέγα 123 ~}";
  for (size_t len : {1u, 7u, 8u, 9u, 17u, 40u}) {
    size_t cut = len;  // (at a character boundary)
    while (cut > 0 && cut < base.size() && (static_cast<unsigned char>(base[cut]) & 0xC0) == 0x80) --cut;
    std::string prefix = base.substr(0, cut);
    for (int byte = 1; byte < 0x80; ++byte) {
      for (size_t at = 0; at <= prefix.size(); ++at) {
        if (at < prefix.size() && (static_cast<unsigned char>(prefix[at]) & 0xC0) == 0x80) continue;
        std::string t = prefix;
        t.insert(at, 1, static_cast<char>(byte));
        std::string expected = t;
        bool control = (byte < 0x20 && byte != '\n' && byte != '\r' && byte != '\t') || byte == 0x7F;
        if (control) expected[at] = ' ';
        ASSERT_TRUE(NormalizeText("f.txt", &t, nullptr).ok());
        ASSERT_EQ(t, expected) << "byte " << byte << " at " << at << " of " << prefix.size();
      }
    }
  }
}

class CorpusDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kg_corpus_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "sub");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const fs::path& p, const std::string& s) { std::ofstream(dir_ / p, std::ios::binary) << s; }
  fs::path dir_;
};

TEST_F(CorpusDirTest, DirectoriesAreReadRecursivelyInSortedOrder) {
  Write("b.txt", "B");
  Write("a.md", "A");
  Write("sub/c.txt", "C");
  Write("ignored.csv", "x");
  Write("sub/d.jsonl", "{\"id\": \"x1\", \"text\": \"D1\"}\n\n{\"id\": 7, \"text\": \"D2\"}\n");
  auto src = DocumentSource::Open({dir_.string()});
  ASSERT_TRUE(src.ok());
  std::vector<std::string> ids, texts;
  Document d;
  while (true) {
    auto more = (*src)->Next(&d);
    ASSERT_TRUE(more.ok()) << more.status().message();
    if (!*more) break;
    ids.push_back(d.id);
    texts.push_back(d.text);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "c", "x1", "7"}));
  EXPECT_EQ(texts, (std::vector<std::string>{"A", "B", "C", "D1", "D2"}));
}

TEST_F(CorpusDirTest, Errors) {
  auto missing = DocumentSource::Open({(dir_ / "nope").string()});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("nope: no such file"), std::string::npos);
  fs::create_directories(dir_ / "empty");
  auto empty = DocumentSource::Open({(dir_ / "empty").string()});
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("holds no"), std::string::npos);
  Write("bad.jsonl", "{\"text\": \"ok\"}\n{\"id\": 1}\n");
  auto src = DocumentSource::Open({(dir_ / "bad.jsonl").string()});
  ASSERT_TRUE(src.ok());
  Document d;
  EXPECT_TRUE((*src)->Next(&d).ok());
  auto second = (*src)->Next(&d);
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.status().message().find("bad.jsonl:2: expected an object with a string \"text\""),
            std::string::npos);
}

}  // namespace
}  // namespace kg

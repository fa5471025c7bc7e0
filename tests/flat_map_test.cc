#include "kg/base/flat_map.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace kg {
namespace {

TEST(FlatMapTest, FindsWhatWasAddedAndNothingElse) {
  FlatStringMap<int> m;
  EXPECT_EQ(m.Find("chine"), nullptr);
  const char* words[] = {"chine", "Chine", "", "états-unis", "a", "ab", "abc", "abcd", "abcdefgh", "abcdefghi",
                         "une phrase bien plus longue que seize octets"};
  for (int i = 0; i < static_cast<int>(std::size(words)); ++i) EXPECT_TRUE(m.Emplace(words[i], i).second) << words[i];
  for (int i = 0; i < static_cast<int>(std::size(words)); ++i) {
    const int* v = m.Find(words[i]);
    ASSERT_NE(v, nullptr) << words[i];
    EXPECT_EQ(*v, i) << words[i];
  }
  EXPECT_EQ(m.Find("CHINE"), nullptr);
  EXPECT_EQ(m.Find("abcdefg"), nullptr);
  EXPECT_EQ(m.size(), std::size(words));
}

TEST(FlatMapTest, EmplaceKeepsTheFirstValueAndIndexingAssigns) {
  FlatStringMap<int> m;
  EXPECT_TRUE(m.Emplace("x", 1).second);
  auto [v, added] = m.Emplace("x", 2);
  EXPECT_FALSE(added);
  EXPECT_EQ(*v, 1);
  m["x"] = 3;
  m["y"] += 4;  // value-initialised first
  EXPECT_EQ(*m.Find("x"), 3);
  EXPECT_EQ(*m.Find("y"), 4);
}

// Grows through many sizes; agrees with std::map throughout, and a value's
// address never moves.
TEST(FlatMapTest, GrowsWithoutMovingValues) {
  FlatStringMap<std::string> m;
  std::map<std::string, std::string> reference;
  std::vector<const std::string*> addresses;
  for (int i = 0; i < 20000; ++i) {
    std::string key = "mot" + std::to_string(i * 7919 % 100003);
    auto [v, added] = m.Emplace(key, key + "!");
    EXPECT_EQ(added, reference.emplace(key, key + "!").second);
    if (added) addresses.push_back(v);
  }
  EXPECT_EQ(m.size(), reference.size());
  size_t k = 0;
  m.ForEach([&](std::string_view key, const std::string& value) {
    ASSERT_EQ(m.Find(key), addresses[k++]);
    EXPECT_EQ(value, reference.at(std::string(key)));
  });
  EXPECT_EQ(k, reference.size());
  m.clear();
  EXPECT_TRUE(m.empty());
  EXPECT_EQ(m.Find("mot0"), nullptr);
}

TEST(FlatMapTest, Set) {
  FlatStringSet s;
  EXPECT_TRUE(s.Insert("pdg"));
  EXPECT_FALSE(s.Insert("pdg"));
  EXPECT_TRUE(s.Contains("pdg"));
  EXPECT_FALSE(s.Contains("PDG"));
  EXPECT_EQ(s.size(), 1u);
}

TEST(FlatMapTest, HashDependsOnEveryByte) {
  // Strings that differ in one byte, at each position and length up to 24.
  for (size_t n = 1; n <= 24; ++n) {
    std::string a(n, 'a');
    for (size_t i = 0; i < n; ++i) {
      std::string b = a;
      b[i] = 'b';
      EXPECT_NE(HashString(a), HashString(b)) << n << " " << i;
    }
    EXPECT_NE(HashString(a), HashString(a + '\0')) << n;
  }
}

}  // namespace
}  // namespace kg

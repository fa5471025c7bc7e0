#include "kg/base/text.h"

#include <gtest/gtest.h>

namespace kg {
namespace {

struct FoldCase {
  const char* in;
  const char* fold;
  const char* key;
  const char* slug;
};

TEST(TextTest, FoldKeyAndSlug) {
  const FoldCase cases[] = {
      {"États-Unis", "etats unis", "etatsunis", "etats-unis"},
      {"Etats Unis", "etats unis", "etatsunis", "etats-unis"},
      {"Open AI", "open ai", "openai", "open-ai"},
      {"OpenAI", "openai", "openai", "openai"},
      {"NVIDIA", "nvidia", "nvidia", "nvidia"},
      {"l’IA", "l ia", "lia", "l-ia"},
      {"Taïwan", "taiwan", "taiwan", "taiwan"},
      {"Côte d'Ivoire", "cote d ivoire", "cotedivoire", "cote-d-ivoire"},
      {"Llama 3.1", "llama 3 1", "llama31", "llama-3-1"},
      {"北京", "北京", "北京", "entity"},
      {"«  »", "", "", "entity"},
      {"ＡＢＣ　ｄｅｆ", "abc def", "abcdef", "abc-def"},  // full-width letters and space
      {"Œuvre ﬁnale", "œuvre finale", "œuvrefinale", "uvre-finale"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FoldName(c.in), c.fold) << c.in;
    EXPECT_EQ(MergeKey(c.in), c.key) << c.in;
    EXPECT_EQ(MergeKeyOfFolded(FoldName(c.in)), c.key) << c.in;
    EXPECT_EQ(Slug(c.in), c.slug) << c.in;
  }
}

TEST(TextTest, Utf8Validation) {
  EXPECT_EQ(FindInvalidUtf8("déjà vu"), std::string::npos);
  EXPECT_EQ(FindInvalidUtf8("d\xE9j\xE0"), 1u);
  EXPECT_EQ(CountCodePoints("é’«"), 3u);
}

TEST(TextTest, Case) {
  EXPECT_EQ(ToLower("ÉTATS"), "états");
  EXPECT_EQ(ToTitle("MACRON"), "Macron");
  EXPECT_EQ(ToTitle("élysée"), "Élysée");
}

}  // namespace
}  // namespace kg

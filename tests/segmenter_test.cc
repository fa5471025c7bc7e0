#include "kg/extract/segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kg {
namespace {

std::vector<std::string> Split(const std::string& text) {
  Segmenter seg;
  std::vector<std::string> out;
  for (const auto& s : seg.Split(text)) out.push_back(text.substr(s.start, s.end - s.start));
  return out;
}

struct Case {
  const char* text;
  std::vector<std::string> sentences;
};

TEST(SegmenterTest, FrenchNews) {
  const Case cases[] = {
      {"DeepSeek a lancé R1. Nvidia a chuté.", {"DeepSeek a lancé R1.", "Nvidia a chuté."}},
      // Abbreviations do not end sentences.
      {"M. Trump a parlé. Mme Lagarde aussi.", {"M. Trump a parlé.", "Mme Lagarde aussi."}},
      {"Selon le Dr Martin, c’est grave.", {"Selon le Dr Martin, c’est grave."}},
      // A lost space after a full stop in scraped text.
      {"Il a porté plainte.Mais Apple a refusé.", {"Il a porté plainte.", "Mais Apple a refusé."}},
      {"Une guerre mondiale…Vent de panique", {"Une guerre mondiale…", "Vent de panique"}},
      // Not a lost space: a domain, a decimal, initials.
      {"Le site Pony.ai a levé 3.5 millions.", {"Le site Pony.ai a levé 3.5 millions."}},
      // Closing guillemets stay with their sentence; a lowercase continuation joins.
      {"Il a dit « C’est fini ! » Puis il est parti.", {"Il a dit « C’est fini ! »", "Puis il est parti."}},
      {"« Pourquoi ? » demande-t-il.", {"« Pourquoi ? » demande-t-il."}},
      // Headlines: a line break ends a sentence even without punctuation.
      {"Bain de sang à NY\nLa Chine a pris la tête.", {"Bain de sang à NY", "La Chine a pris la tête."}},
      {"  \n \n", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(Split(c.text), c.sentences) << c.text;
}

TEST(SegmenterTest, SpansAreTrimmedOffsets) {
  std::string text = "  Première phrase.  Seconde !  ";
  Segmenter seg;
  auto spans = seg.Split(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].start, 2u);
  EXPECT_EQ(text.substr(spans[1].start, spans[1].end - spans[1].start), "Seconde !");
}

TEST(SegmenterTest, Abbreviations) {
  EXPECT_TRUE(IsAbbreviation("M."));
  EXPECT_TRUE(IsAbbreviation("Mme"));
  EXPECT_TRUE(IsAbbreviation("U.S."));
  EXPECT_FALSE(IsAbbreviation("plainte"));
}

}  // namespace
}  // namespace kg

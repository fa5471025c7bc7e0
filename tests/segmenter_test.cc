#include "kg/extract/segmenter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <set>
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

// DetectLanguage as its definition says: in the first 2,000 bytes, runs of
// ASCII letters of one to four letters, lower-cased, counted against the two
// lists of function words; English with at least two English words and
// more than 1.5 times as many as French ones, or else with some ASCII word,
// no fewer English words than French ones and no French letter.
Language ReferenceLanguage(std::string_view text) {
  static const std::set<std::string> kEnglish = {"the", "and", "of", "to", "in", "is", "that", "for", "with", "on", "was",
                                                 "said", "it", "by", "as", "from", "has", "its", "who", "also", "are",
                                                 "were", "will", "this", "an", "at", "be", "but", "not", "have", "had",
                                                 "they"};
  static const std::set<std::string> kFrench = {"le", "la", "les", "de", "des", "et", "est", "un", "une", "du", "que",
                                                "qui", "dans", "pour", "en", "au", "sur", "a", "aux", "il", "elle",
                                                "ont", "ce", "pas", "par", "se", "son", "sa", "ses", "avec", "mais"};
  text = text.substr(0, 2000);
  int en = 0, fr = 0;
  std::string run;
  auto flush = [&] {
    if (!run.empty() && run.size() <= 4) {
      en += kEnglish.count(run) ? 1 : 0;
      fr += kFrench.count(run) ? 1 : 0;
    }
    run.clear();
  };
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) run.push_back(static_cast<char>(std::tolower(c)));
    else flush();
  }
  flush();
  if (en >= 2 && 2 * en > 3 * fr) return Language::kEnglish;
  bool words = false;
  for (char c : text) words = words || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  bool french_letter = false;
  for (const char* l : {"é", "è", "ê", "à", "â", "ç", "ù", "û", "î", "ô", "ë", "ï", "É", "È", "Ê", "À", "Â", "Ç",
                        "Ù", "Û", "Î", "Ô", "Ë", "Ï", "œ", "Œ"}) {
    french_letter = french_letter || text.find(l) != std::string_view::npos;
  }
  return words && en >= fr && !french_letter ? Language::kEnglish : Language::kFrench;
}

TEST(SegmenterTest, DetectsLanguageAsDefined) {
  const char* words[] = {"the", "The", "AND", "of", "said", "that", "le", "La", "des", "et", "est", "pour", "mais",
                         "a", "x", "Word", "Paris", "thesis", "leste", "été", "l’", "d'", "it's", " ", "  ", ", ",
                         ". ", "\n", "-", "«", "»", "3", "à", "é"};
  EXPECT_EQ(DetectLanguage("The company said that it will buy the firm."), Language::kEnglish);
  EXPECT_EQ(DetectLanguage("La société a dit qu’elle achètera l’entreprise."), Language::kFrench);
  EXPECT_EQ(DetectLanguage(""), Language::kFrench);
  // Few function words: a table in English, a French one by its letters.
  EXPECT_EQ(DetectLanguage("Net sales 289.1 vs 256.9\nRevs 130 1,279"), Language::kEnglish);
  EXPECT_EQ(DetectLanguage("Résultats : Marseille 2 Lyon 1"), Language::kFrench);
  std::mt19937 rng(5);
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    int len = static_cast<int>(n % 10 == 0 ? 400 + rng() % 400 : rng() % 40);  // some past 2,000 bytes
    for (int k = 0; k < len; ++k) text += words[rng() % std::size(words)];
    ASSERT_EQ(DetectLanguage(text), ReferenceLanguage(text)) << text;
  }
  // Only the first 2,000 bytes count, a word cut there included.
  std::string french;
  while (french.size() < 1995) french += "le chat ";
  std::string english = french.substr(0, 1998) + "the and of the and of the and of the and of";
  EXPECT_EQ(DetectLanguage(english), ReferenceLanguage(english));
  EXPECT_EQ(DetectLanguage(english), Language::kFrench);
}

TEST(SegmenterTest, FrenchNews) {
  const Case cases[] = {
      {"DeepSeek a lancé R1. Nvidia a chuté.", {"DeepSeek a lancé R1.", "Nvidia a chuté."}},
      // Abbreviations do not end sentences.
      {"M. Trump a parlé. Mme Lagarde aussi.", {"M. Trump a parlé.", "Mme Lagarde aussi."}},
      {"Selon le Dr Martin, c’est grave.", {"Selon le Dr Martin, c’est grave."}},
      // A lost space after a full stop in scraped text.
      {"Il a porté plainte.Mais Apple a refusé.", {"Il a porté plainte.", "Mais Apple a refusé."}},
      {"Une guerre mondiale…Vent de panique", {"Une guerre mondiale…", "Vent de panique"}},
      // ...also after an acronym, not after an abbreviation's single capital.
      {"Il l'a dit à l'AFP.Les pompiers sont là.", {"Il l'a dit à l'AFP.", "Les pompiers sont là."}},
      {"Selon M.Dupont, rien.", {"Selon M.Dupont, rien."}},
      // A heading glued to the next sentence, its line break lost; brands
      // with an inner capital stay whole.
      {"Cinq enfants et deux mariagesHenri d'Orléans était l'aîné.",
       {"Cinq enfants et deux mariages", "Henri d'Orléans était l'aîné."}},
      {"Il voyage avec easyJet et son iPhone sous macOS.", {"Il voyage avec easyJet et son iPhone sous macOS."}},
      {"Selon l'Observatoire syrien des droits de l'Homme (OSDH)Selon l'OSDH, Israël est derrière.",
       {"Selon l'Observatoire syrien des droits de l'Homme (OSDH)", "Selon l'OSDH, Israël est derrière."}},
      {"Le groupe (LVMH) a racheté Tiffany (New York).", {"Le groupe (LVMH) a racheté Tiffany (New York)."}},
      // Not a lost space: a domain, a decimal, initials.
      {"Le site Pony.ai a levé 3.5 millions.", {"Le site Pony.ai a levé 3.5 millions."}},
      // A sentence ending in an acronym (Unicode keeps "Upper . Upper" together);
      // dotted acronyms and initials still do not end one.
      {"Donald Trump a menacé TSMC. Huawei a racheté Foo Corp.", {"Donald Trump a menacé TSMC.", "Huawei a racheté Foo Corp."}},
      {"Il vit aux USA. Paris est beau.", {"Il vit aux USA.", "Paris est beau."}},
      {"Les U.S. Marines sont là.", {"Les U.S. Marines sont là."}},
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

#include "kg/extract/sentence_breaks.h"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "kg/base/text.h"

namespace kg {
namespace {

// ICU's own iterator, the reference: byte offsets of its boundaries.
std::vector<size_t> IcuBreaks(const char* locale, const std::string& text) {
  static std::map<std::string, std::unique_ptr<icu::BreakIterator>> iterators;
  auto& it = iterators[locale];
  if (!it) {
    UErrorCode err = U_ZERO_ERROR;
    it.reset(icu::BreakIterator::createSentenceInstance(icu::Locale((std::string(locale) + "@ss=standard").c_str()), err));
    EXPECT_TRUE(U_SUCCESS(err));
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  // Byte offset of each UTF-16 unit.
  std::vector<size_t> offset;
  for (size_t i = 0; i < text.size();) {
    size_t len;
    char32_t c = DecodeUtf8(text, i, &len);
    offset.push_back(i);
    if (c >= 0x10000) offset.push_back(i);
    i += len;
  }
  offset.push_back(text.size());
  it->setText(u);
  std::vector<size_t> out;
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) out.push_back(offset[static_cast<size_t>(b)]);
  return out;
}

std::vector<size_t> OurBreaks(const char* locale, const std::string& text) {
  static std::map<std::string, std::unique_ptr<SentenceBreaker>> breakers;
  auto& breaker = breakers[locale];
  if (!breaker) breaker = std::make_unique<SentenceBreaker>(locale);
  std::vector<size_t> out;
  breaker->Breaks(text, &out);
  return out;
}

struct Case {
  const char* text;
  std::vector<size_t> breaks;
};

TEST(SentenceBreakerTest, FrenchRulesAndAbbreviations) {
  const Case cases[] = {
      {"Il pleut. Il vente.", {10, 19}},
      {"Le taux passe à 3.5 points.", {28}},                      // rule 6
      {"Aux U.S.A. les prix montent.", {28}},                     // rule 7, then 8 (lower case)
      {"Il vient. « Non », dit-il.", {10, 28}},                  // a quote after the space: a break
      {"Vraiment ?! Oui.", {12, 16}},                             // rule 8a: ?! together
      {"Fin.\nDébut", {5, 11}},                                   // the separator goes with the sentence
      {"Fin.\r\nDébut", {6, 12}},
      {"Ligne\nsuivante", {6, 14}},                               // rule 4
      {"M. Dupont est là. Mme Durand aussi.", {19, 36}},          // "M." is in ICU's French list
      {"Né en 52 av. J.-C. Il régna.", {30}},                     // "av. J.-C.": matched back to "av.", then forwards
      {"Le P.-D. G. Martin parle.", {12, 25}},                    // as ICU: "P.-D. G." is only looked for from "P."
      {"Selon le doc. Rien.", {19}},                              // "doc." is listed: no break
      {"Il a vu M.  Dupont.", {12, 19}},                          // two spaces: ICU looks past one only
      {"", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(OurBreaks("fr", c.text), c.breaks) << c.text;
    EXPECT_EQ(OurBreaks("fr", c.text), c.text[0] ? IcuBreaks("fr", c.text) : std::vector<size_t>{}) << c.text;
  }
}

// Random texts over the characters and abbreviations that matter: our
// boundaries are ICU's, for both locales.
TEST(SentenceBreakerTest, AgreesWithIcuOnRandomTexts) {
  const std::vector<std::string> pieces = {
      ".", "!", "?", " ", " ", " ", "\n", "\r\n", "\r", "\u00a0", "\u2029", "\u0085", "«", "»", "\"", "'", ")",
      "(", "’", ",", ";", ":", "-", "…", "3", "12", "a", "le", "Le", "M", "Mme", "U", "S", "A", "P", "O", "D",
      "G", "J", "C", "av", "etc", "Ph", "e\u0301", "\u0301", "\u00ad", "\u200b", "\ufeff", "é", "É", "ß", "日本",
      "。", "！", "‼", "\u2024", "\uff0e", "Ω", "1", "trav", "publ", "J.-C.", "P.-D. G.", "U.S.A.", "S.A.",
      "Inc", "Mr", "Dr", "\t", "𝐀", "😀", "ǅ"};
  std::mt19937 rng(2025);
  for (const char* locale : {"fr", "en"}) {
    for (int i = 0; i < 20000; ++i) {
      std::string text;
      int n = 1 + static_cast<int>(rng() % 30);
      for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
      ASSERT_EQ(OurBreaks(locale, text), IcuBreaks(locale, text)) << locale << ": " << text;
    }
  }
}

TEST(SentenceBreakerTest, UnknownLocaleHasNoAbbreviations) {
  EXPECT_EQ(OurBreaks("xx", "Voir M. Dupont."), (std::vector<size_t>{8, 15}));
}

}  // namespace
}  // namespace kg

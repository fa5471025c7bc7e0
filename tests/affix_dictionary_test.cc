#include "kg/extract/affix_dictionary.h"

#include <gtest/gtest.h>
#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "kg/base/atomic_file.h"
#include "kg/base/text.h"
#include "kg/extract/morphology.h"

namespace kg {
namespace {

std::string Dir() { return DefaultHunspellDir(); }
bool HaveFrench() { return std::filesystem::exists(Dir() + "/fr_FR.aff") && std::filesystem::exists(Dir() + "/fr_FR.dic"); }

// Words of the sample articles (split at anything that is not a letter,
// digit, hyphen or apostrophe), plus words that exercise the dictionary's
// corners: elided and unit prefixes, hidden capitalised homonyms, all-caps
// words, verbs with several lemmas, ICONV apostrophes.
std::set<std::string> Words() {
  std::set<std::string> words = {
      "utilise", "El", "Maison", "MAISON", "Paris", "l’homme", "l'homme", "Chine", "km", "Km", "Jean-Pierre",
      "peut-être", "Est-ce", "aujourd’hui", "parvenu", "1er", "États-Unis", "litres", "kilomètres", "HD", "Hd",
      "BBC", "Bbc", "Jo", "JO", "3d", "Mr", "II", "faut", "connu", "connus", "fonde", "fondé", "vit", "suis",
      "interpelle", "assise", "Née", "https", "limites", "DEA", "USA", "Usa", "ÉTATS-UNIS", "Tesla", "NVIDIA",
      "Nvidia", "a-t-il", "qu’il", "jusqu’à", "d’Huawei", "ﬁn", "é", "É", "x", "IA"};
  for (const auto& entry : std::filesystem::directory_iterator(KG_SAMPLES_DIR)) {
    std::string text;
    if (!ReadFile(entry.path().string(), &text).ok()) continue;
    std::string word;
    for (size_t i = 0; i <= text.size();) {
      size_t len = 1;
      char32_t c = i < text.size() ? DecodeUtf8(text, i, &len) : U' ';
      if (IsLetter(c) || IsDigit(c) || c == U'-' || c == U'\'' || c == U'’') {
        word.append(text, i, len);
      } else if (!word.empty()) {
        // As written, in lower case, capitalised, and in capitals.
        words.insert(word);
        words.insert(ToLower(word));
        words.insert(ToTitle(word));
        std::string upper;
        for (size_t k = 0; k < word.size();) {
          size_t l;
          DecodeUtf8(word, k, &l);
          upper += ToTitle(word.substr(k, l));
          k += l;
        }
        words.insert(upper);
        word.clear();
      }
      i += len;
    }
  }
  return words;
}

// The reader gives exactly Hunspell's analyses, in an order that makes the
// first verb reading the same (Morphology takes the lemma from it).
TEST(AffixDictionaryTest, AgreesWithHunspell) {
  if (!HaveFrench()) GTEST_SKIP() << "no French dictionary";
  auto dict = AffixDictionary::Load(Dir() + "/fr_FR.aff", Dir() + "/fr_FR.dic");
  ASSERT_TRUE(dict.ok()) << dict.status().message();
  Hunspell hunspell((Dir() + "/fr_FR.aff").c_str(), (Dir() + "/fr_FR.dic").c_str());
  std::set<std::string> words = Words();
  ASSERT_GT(words.size(), 800u);
  auto first_verb = [](const std::vector<std::string>& v) {
    for (const std::string& a : v) if (a.find("po:v") != std::string::npos) return a;
    return std::string();
  };
  size_t analysed = 0;
  for (const std::string& w : words) {
    if (w.size() >= 64) continue;
    std::vector<std::string> expected = hunspell.analyze(w);
    std::vector<std::string> got;
    (*dict)->Analyze(w, &got);
    analysed += !got.empty();
    EXPECT_EQ(first_verb(got), first_verb(expected)) << w;
    std::set<std::string> e(expected.begin(), expected.end()), g(got.begin(), got.end());
    EXPECT_EQ(g, e) << w;
    EXPECT_EQ(g.size(), got.size()) << w << ": duplicates";
  }
  EXPECT_GT(analysed, words.size() / 2);
}

// The English spell check agrees with Hunspell's for words without digits
// (those go to Hunspell: its compound rules make "21st").
TEST(AffixDictionaryTest, SpellsEnglishLikeHunspell) {
  std::string aff = Dir() + "/en_US.aff", dic = Dir() + "/en_US.dic";
  if (!std::filesystem::exists(aff) || !std::filesystem::exists(dic)) GTEST_SKIP() << "no English dictionary";
  auto dict = AffixDictionary::Load(aff, dic);
  ASSERT_TRUE(dict.ok()) << dict.status().message();
  Hunspell hunspell(aff.c_str(), dic.c_str());
  std::set<std::string> words = Words();
  for (const char* w : {"Microsoft", "microsoft", "NASA", "Nasa", "nasa", "don’t", "AP-HP", "week-end", "co-founder",
                        "-based", "Paris-born", "JEAN-JACQUES", "...", "iPhone", "McDonald", "U.S"}) {
    words.insert(w);
  }
  size_t accepted = 0;
  for (const std::string& w : words) {
    if (w.size() >= 64 || std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    bool expected = hunspell.spell(w);
    EXPECT_EQ((*dict)->Accepts(w), expected) << w;
    accepted += expected;
  }
  EXPECT_GT(accepted, 100u);
}

// A dictionary made of these .aff and .dic texts, in a directory of its own.
StatusOr<std::unique_ptr<const AffixDictionary>> LoadTexts(const std::string& name, const std::string& aff,
                                                           const std::string& dic) {
  std::string dir = ::testing::TempDir() + "/" + name;
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/t.aff") << aff;
  std::ofstream(dir + "/t.dic") << dic;
  return AffixDictionary::Load(dir + "/t.aff", dir + "/t.dic");
}

struct AnalysisCase {
  const char* word;
  std::vector<std::string> analyses;  // none: the word is not accepted
};

// Small dictionaries of our own and what they make of words: suffix and
// prefix rules, NEEDAFFIX, case; a long suffix found though its shorter ends
// are no suffixes (the suffix loop stops at the first length no suffix ends
// with); a prefix combined with a suffix only on the words flagged for it.
TEST(AffixDictionaryTest, ReadsRulesLongAffixesAndCrossProducts) {
  struct Dictionary {
    const char* aff;
    const char* dic;
    std::vector<AnalysisCase> cases;
  };
  const Dictionary dictionaries[] = {
      {"SET UTF-8\nFLAG long\nFULLSTRIP\nNEEDAFFIX ()\n"
       "SFX Aa Y 2\nSFX Aa er e/L' er po:ipre\nSFX Aa er er/L' er po:infi\n"
       "PFX L' Y 1\nPFX L' 0 l' . dp:le\n",
       "2\nparler/AaL'() po:v1\nmaison/L' po:nom\n",
       {
           {"parle", {" st:parler po:v1 po:ipre"}},
           {"parler", {" st:parler po:v1 po:infi"}},  // the bare entry needs an affix
           {"l'maison", {" dp:le st:maison po:nom"}},
           {"Maison", {" st:maison po:nom"}},  // a capitalised word is read in lower case too
           {"parlez", {}},
       }},
      {"SET UTF-8\nFLAG long\n"
       "SFX Bb Y 2\nSFX Bb er ations . po:npl\nSFX Bb 0 s . po:pl\n"
       "PFX Um Y 1\nPFX Um 0 k . dp:kilo\n",
       "3\ncréer/Bb po:v1\ngramme/UmBb po:nom\ntable/Bb po:nom\n",
       {
           {"créations", {" st:créer po:v1 po:npl"}},
           {"créers", {" st:créer po:v1 po:pl"}},
           {"grammes", {" st:gramme po:nom po:pl"}},
           {"kgramme", {" dp:kilo st:gramme po:nom"}},
           {"kgrammes", {"dp:kilo  st:gramme po:nom po:pl"}},  // (spaced as Hunspell spaces it)
           {"ktables", {}},
           {"ations", {}},
       }},
  };
  int n = 0;
  for (const Dictionary& dict : dictionaries) {
    auto d = LoadTexts("affix_dictionary_test" + std::to_string(++n), dict.aff, dict.dic);
    ASSERT_TRUE(d.ok()) << d.status().message();
    for (const AnalysisCase& c : dict.cases) {
      std::vector<std::string> out;
      (*d)->Analyze(c.word, &out);
      EXPECT_EQ(out, c.analyses) << c.word;
      EXPECT_EQ((*d)->Accepts(c.word), !c.analyses.empty()) << c.word;
    }
  }
}

// An entry's one-letter flags as bits (A-Z, then a-z); bit 63 marks an
// entry, so one without flags is not 0; a word that is no entry is 0.
TEST(AffixDictionaryTest, LetterFlagsOfEntries) {
  auto d = LoadTexts("affix_dictionary_test_letters", "SET UTF-8\nSFX S Y 1\nSFX S 0 s .\n",
                     "4\nponder/SDGZ\ntimid/RTYP\ngargantuan\nfree/Sb\n");
  ASSERT_TRUE(d.ok()) << d.status().message();
  auto bit = [](char c) { return AffixDictionary::LetterBit(static_cast<unsigned char>(c)); };
  const uint64_t entry = uint64_t{1} << 63;
  EXPECT_EQ((*d)->LetterFlags("ponder"), entry | bit('S') | bit('D') | bit('G') | bit('Z'));
  EXPECT_EQ((*d)->LetterFlags("timid"), entry | bit('R') | bit('T') | bit('Y') | bit('P'));
  EXPECT_EQ((*d)->LetterFlags("gargantuan"), entry);
  EXPECT_EQ((*d)->LetterFlags("free"), entry | bit('S') | bit('b'));
  EXPECT_NE(bit('b'), bit('B'));
  EXPECT_EQ((*d)->LetterFlags("ponders"), 0u);  // an affixed form, not an entry
  EXPECT_EQ((*d)->LetterFlags("pond"), 0u);
}

// Dictionaries using what the reader does not implement are refused with
// the file and line named (Morphology then falls back to Hunspell).
TEST(AffixDictionaryTest, RefusesUnsupportedDirectives) {
  auto d = LoadTexts("affix_dictionary_refused", "SET UTF-8\nCOMPOUNDFLAG X\n", "1\nmot\n");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("t.aff:2"), std::string::npos) << d.status().message();
  std::string dir = ::testing::TempDir() + "/affix_dictionary_refused";
  EXPECT_FALSE(AffixDictionary::Load(dir + "/missing.aff", dir + "/t.dic").ok());
}

}  // namespace
}  // namespace kg

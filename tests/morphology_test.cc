#include "kg/extract/morphology.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "kg/base/text.h"
#include "kg/extract/affix_dictionary.h"

namespace kg {
namespace {

std::unique_ptr<Morphology> Open() {
  auto m = Morphology::Open(DefaultHunspellDir());
  if (!m.ok()) return nullptr;
  return std::move(*m);
}

bool Same(const WordInfo& a, const WordInfo& b) {
  return a.known == b.known && a.proper == b.proper && a.first_name == b.first_name && a.surname == b.surname &&
         a.noun == b.noun && a.adjective == b.adjective && a.verb == b.verb && a.infinitive == b.infinitive &&
         a.participle == b.participle && a.finite == b.finite && a.function_word == b.function_word &&
         a.auxiliary == b.auxiliary && a.etre_verb == b.etre_verb && a.english == b.english &&
         a.english_verb == b.english_verb && a.english_proper == b.english_proper && a.verb_lemma == b.verb_lemma;
}

TEST(MorphologyTest, ReadsFrenchWords) {
  auto m = Open();
  if (!m) GTEST_SKIP() << "no French dictionary";
  const WordInfo& u = m->Lookup("utilise");
  EXPECT_TRUE(u.verb && u.finite);
  EXPECT_EQ(u.verb_lemma, "utiliser");
  EXPECT_TRUE(m->Lookup("a").auxiliary);
  EXPECT_TRUE(m->Lookup("maison").noun);
  EXPECT_FALSE(m->Lookup("zorglubium").known);
}

// What the English dictionary's flags say of a word: its stem's flags and
// the affixes applied (bit 63 of `affixes`: the word itself is an entry).
TEST(MorphologyTest, EnglishFlagsOfWords) {
  auto m = Open();
  if (!m || !std::filesystem::exists(DefaultHunspellDir() + "/en_US.dic")) GTEST_SKIP() << "no English dictionary";
  auto bit = [](char c) { return AffixDictionary::LetterBit(static_cast<unsigned char>(c)); };
  const uint64_t entry = uint64_t{1} << 63;
  const Morphology::EnglishFlags ponder = m->EnglishFlagsOf("ponder");
  EXPECT_EQ(ponder.affixes, entry);
  EXPECT_EQ(ponder.stem & (bit('D') | bit('G') | entry), bit('D') | bit('G') | entry);  // -ed, -ing: a verb
  const Morphology::EnglishFlags pondering = m->EnglishFlagsOf("pondering");
  EXPECT_EQ(pondering.stem, ponder.stem);
  EXPECT_EQ(pondering.affixes, bit('G'));
  const Morphology::EnglishFlags timid = m->EnglishFlagsOf("timid");
  EXPECT_EQ(timid.stem & (bit('T') | bit('D')), bit('T'));  // -est, no -ed: an adjective
  const Morphology::EnglishFlags none = m->EnglishFlagsOf("xqzvw");
  EXPECT_EQ(none.stem, 0u);
  EXPECT_EQ(none.affixes, 0u);
}

// A capitalised word's analysis gives its lower-case reading too; what a
// word gets must not depend on which words were looked up before it (the
// threads of a build meet words in any order).
TEST(MorphologyTest, LowerReadingDoesNotDependOnOrder) {
  auto first = Open(), second = Open();
  if (!first || !second) GTEST_SKIP() << "no French dictionary";
  const std::vector<std::string> words = {"Maison", "Paris", "Macron", "Km", "El", "Es", "Cette", "Utilise",
                                          "Ecrivain", "Orange", "Nice", "Tours", "Être", "Après"};
  for (const std::string& w : words) {
    first->Lookup(w);  // the word itself first, and its lower-case form directly
    first->Lookup(ToLower(w));
    WordInfo after_word = first->LookupLowerOf(w);
    WordInfo alone = second->LookupLowerOf(w);  // its lower-case reading first
    EXPECT_TRUE(Same(after_word, alone)) << w;
    EXPECT_TRUE(Same(first->Lookup(w), second->Lookup(w))) << w;
  }
  EXPECT_TRUE(first->LookupLowerOf("Maison").noun);
  EXPECT_TRUE(first->LookupLowerOf("Cette").function_word);
  // Not title-case: the plain lower-case lookup.
  EXPECT_TRUE(Same(first->LookupLowerOf("UTILISE"), second->Lookup("utilise")));
}

}  // namespace
}  // namespace kg

#include "kg/base/text.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <random>

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

// FoldName as its definition says, straight through ICU: NFKD of the whole
// text, alphanumerics case-folded, separator runs one space, marks dropped.
std::string ReferenceFold(const std::string& text) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(err);
  icu::UnicodeString d = nfkd->normalize(icu::UnicodeString::fromUTF8(text), err);
  std::string out;
  bool pending = false;
  for (int32_t i = 0; i < d.length();) {
    UChar32 cp = d.char32At(i);
    i += U16_LENGTH(cp);
    if (u_isalnum(cp)) {
      if (pending && !out.empty()) out.push_back(' ');
      pending = false;
      AppendUtf8(static_cast<char32_t>(u_foldCase(cp, U_FOLD_CASE_DEFAULT)), &out);
    } else if (u_getCombiningClass(cp) == 0 && u_charType(cp) != U_NON_SPACING_MARK) {
      pending = true;
    }
  }
  return out;
}

// Folding goes through a table for Latin, Greek, Cyrillic, combining marks
// and punctuation: the same as ICU on each of those code points, alone and
// between letters, and on random texts mixing them with ASCII and other
// scripts (decomposed accents, CJK, full-width forms, ligatures).
TEST(TextTest, FoldAgreesWithIcu) {
  auto utf8 = [](char32_t cp) {
    std::string s;
    AppendUtf8(cp, &s);
    return s;
  };
  std::vector<char32_t> pool;
  for (char32_t cp = 0x80; cp < 0x800; ++cp) pool.push_back(cp);
  for (char32_t cp = 0x2000; cp < 0x2070; ++cp) pool.push_back(cp);
  auto join = [](std::initializer_list<std::string_view> parts) {
    std::string s;
    for (std::string_view p : parts) s.append(p);
    return s;
  };
  for (char32_t cp : pool) {
    std::string c = utf8(cp);
    for (const std::string& text : {c, join({"a", c, "b"}), join({"A ", c, " B"}), join({c, c})}) {
      EXPECT_EQ(FoldName(text), ReferenceFold(text)) << "U+" << std::hex << static_cast<uint32_t>(cp);
    }
  }
  const char32_t others[] = {'a', 'Z', '7', ' ', '-', '.', 0x301, 0x308, 0x2019, 0xAB, 0xA0, 0x202F, 0x5317,
                             0xFF21, 0x3000, 0xFB01, 0x153, 0x1E9E, 0xAC00, 0x1F600, 0x0130, 0x0149};
  std::mt19937 rng(7);
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    int len = static_cast<int>(rng() % 8) + 1;
    for (int k = 0; k < len; ++k) {
      char32_t cp = rng() % 3 == 0 ? others[rng() % std::size(others)] : pool[rng() % pool.size()];
      text += utf8(cp);
    }
    ASSERT_EQ(FoldName(text), ReferenceFold(text)) << text;
  }
}

TEST(TextTest, Utf8Validation) {
  EXPECT_EQ(FindInvalidUtf8("déjà vu"), std::string::npos);
  EXPECT_EQ(FindInvalidUtf8("d\xE9j\xE0"), 1u);
  EXPECT_EQ(CountCodePoints("é’«"), 3u);
  // Counted eight bytes at a time: every length and alignment.
  std::string text;
  size_t points = 0;
  for (const char* piece : {"a", "é", "’", "😀", "«", "Z"}) {
    for (int k = 0; k < 7; ++k) {
      text += piece;
      ++points;
      EXPECT_EQ(CountCodePoints(text), points);
      EXPECT_EQ(CountCodePoints(std::string_view(text).substr(1)), points - 1);  // (text starts with "a")
    }
  }
}

TEST(TextTest, Case) {
  EXPECT_EQ(ToLower("ÉTATS"), "états");
  EXPECT_EQ(ToTitle("MACRON"), "Macron");
  EXPECT_EQ(ToTitle("élysée"), "Élysée");
}

struct CleanCase {
  std::string in;
  std::string text;      // CleanText(in)
  std::string one_line;  // CleanText(in, true)
};

// Issue 19: one cleaning for every output; each forbidden code point a space.
TEST(TextTest, CleanText) {
  const CleanCase cases[] = {
      {"Angela Merkel", "Angela Merkel", "Angela Merkel"},
      {"a\x01" "b\x7F", "a b ", "a b "},
      {"a\u0085b", "a b", "a b"},                                  // NEL, a C1 control
      {"a\u0080\u009Fb", "a  b", "a  b"},
      {"x\uFFFEy\uFFFFz", "x y z", "x y z"},                      // noncharacters
      {"x\uFDD0\uFDEFy", "x  y", "x  y"},
      {"x\U0001FFFE\U0010FFFFy", "x  y", "x  y"},
      {"bad\xFF.txt", "bad\uFFFD.txt", "bad\uFFFD.txt"},          // invalid bytes
      {"\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD", "\uFFFD\uFFFD\uFFFD"},  // an encoded surrogate
      {"l1\nl2\tl3\r", "l1\nl2\tl3\r", "l1 l2 l3 "},
      {"p\u2028q\u2029", "p\u2028q\u2029", "p q "},
      {"é « » \uFFFD \U0001D518 \uFFFD", "é « » \uFFFD \U0001D518 \uFFFD", "é « » \uFFFD \U0001D518 \uFFFD"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(CleanText(c.in), c.text) << c.in;
    EXPECT_EQ(CleanText(c.in, true), c.one_line) << c.in;
    EXPECT_EQ(NeedsCleaning(c.in), c.in != c.text) << c.in;
    EXPECT_EQ(FindInvalidUtf8(CleanText(c.in)), std::string::npos) << c.in;
  }
}

TEST(TextTest, ForbiddenCodePoints) {
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    bool c0 = cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r';
    bool c1 = cp >= 0x7F && cp <= 0x9F;
    bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    bool nonchar = (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFF) >= 0xFFFE;
    ASSERT_EQ(IsForbiddenCodePoint(cp), c0 || c1 || surrogate || nonchar) << std::hex << static_cast<uint32_t>(cp);
  }
}

// In place, byte for byte, wherever the code point falls in the eight-byte
// words the scan reads, and the same verdict as CleanText.
TEST(TextTest, BlankForbiddenCodePointsAtEveryPosition) {
  const std::string base = "Le président « oui » Ωμέγα 𝔘 ~}";
  for (const std::string cp : {"\u0085", "\uFFFE", "\uFFFF", "\uFDD0", "\U0010FFFF", "\x01", "\x7F", "\u00A0",
                               "\u2028", "\uFFFD", "\U0001D518"}) {
    for (size_t at = 0; at <= base.size(); ++at) {
      if (at < base.size() && (static_cast<unsigned char>(base[at]) & 0xC0) == 0x80) continue;
      std::string t = base;
      t.insert(at, cp);
      std::string expected = t;
      if (CleanText(t) != t) expected.replace(at, cp.size(), cp.size(), ' ');
      BlankForbiddenCodePoints(&t);
      ASSERT_EQ(t, expected) << "at " << at;
    }
  }
}

}  // namespace
}  // namespace kg

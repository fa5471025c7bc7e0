#include "kg/extract/tokenizer.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "kg/base/text.h"

namespace kg {
namespace {

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text, {0, static_cast<uint32_t>(text.size())})) out.emplace_back(t.Text(text));
  return out;
}

struct Case {
  const char* text;
  std::vector<std::string> tokens;
};

TEST(TokenizerTest, FrenchAndEnglish) {
  const Case cases[] = {
      {"l’IA d’OpenAI", {"l’", "IA", "d’", "OpenAI"}},
      {"l'IA qu'il", {"l'", "IA", "qu'", "il"}},
      {"jusqu’au bout", {"jusqu’", "au", "bout"}},
      {"aujourd’hui", {"aujourd’hui"}},
      {"O’Neil", {"O’Neil"}},
      {"les États-Unis et Saint-Malo", {"les", "États-Unis", "et", "Saint-Malo"}},
      {"DeepSeek-R1 et start-up", {"DeepSeek-R1", "et", "start-up"}},
      {"2,8 millions et 6 000 euros", {"2,8", "millions", "et", "6 000", "euros"}},
      {"6\u00a0000 et 1\u202f000\u202f000", {"6\u00a0000", "et", "1\u202f000\u202f000"}},
      {"Llama 3.1 et Pony.ai", {"Llama", "3.1", "et", "Pony.ai"}},
      // dotted initials keep their last dot (former bug: "U.S" then ".")
      {"the U.S. Treasury and the U.N.", {"the", "U.S.", "Treasury", "and", "the", "U.N."}},
      {"fin. Mais A.B et c.", {"fin", ".", "Mais", "A.B", "et", "c", "."}},
      {"Trump's tariffs", {"Trump", "'s", "tariffs"}},
      {"« Oui », dit-il.", {"«", "Oui", "»", ",", "dit-il", "."}},
      // An ellipsis of dots is one token, as in the treebanks; a dot alone stays one.
      {"Attendez... (...) puis. Fin..", {"Attendez", "...", "(", "...", ")", "puis", ".", "Fin", ".."}},
      {"en 2023 200 personnes", {"en", "2023", "200", "personnes"}},
      // A lost paragraph break glues a word to the next capitalised function word.
      {"l’affaire BenallaAu début", {"l’", "affaire", "Benalla", "Au", "début"}},
      {"SNCFLa SNCF", {"SNCF", "La", "SNCF"}},
      {"la note de la FranceL'agence de notation",
       {"la", "note", "de", "la", "France", "L'", "agence", "de", "notation"}},
      {"de l'initiativeBrigitte Gothière", {"de", "l'", "initiative", "Brigitte", "Gothière"}},
      {"un iPhone et un vol easyJet", {"un", "iPhone", "et", "un", "vol", "easyJet"}},
      {"PROCÉDURES EN COURSNicolas Sarkozy", {"PROCÉDURES", "EN", "COURS", "Nicolas", "Sarkozy"}},
      {"les PDFs de la SNCF", {"les", "PDFs", "de", "la", "SNCF"}},
      {"DeepSeek YouTube LinkedIn iPhone", {"DeepSeek", "YouTube", "LinkedIn", "iPhone"}},
      {"Hangzhou-based start-up", {"Hangzhou", "based", "start-up"}},
      // A prefix hyphenated before a name is a token of its own; not a name's own part.
      {"le député ex-LREM Joachim Son-Forget", {"le", "député", "ex-", "LREM", "Joachim", "Son-Forget"}},
      {"une manifestation anti-Trump", {"une", "manifestation", "anti-", "Trump"}},
      {"au Pré-Saint-Gervais, un ex-ministre", {"au", "Pré-Saint-Gervais", ",", "un", "ex-ministre"}},
  };
  for (const auto& c : cases) EXPECT_EQ(Words(c.text), c.tokens) << c.text;
}

TEST(TokenizerTest, Flags) {
  std::string text = "DeepSeek TSMC iFlytek R1 l’Paris 42 5G";
  auto t = Tokenize(text, {0, static_cast<uint32_t>(text.size())});
  ASSERT_EQ(t.size(), 8u);
  EXPECT_TRUE(t[0].inner_caps);
  EXPECT_TRUE(t[1].all_caps);
  EXPECT_TRUE(t[2].inner_caps);
  EXPECT_FALSE(t[2].upper_initial);
  EXPECT_TRUE(t[3].has_digit && t[3].has_letter);
  EXPECT_TRUE(t[4].elision);
  EXPECT_TRUE(t[5].upper_initial && !t[5].all_caps);
  EXPECT_EQ(t[6].kind, TokenKind::kNumber);
  EXPECT_FALSE(t[7].upper_initial);  // starts with a digit
}

// Plain ASCII words take a short path; their flags must be those the general
// one gives (the accented rows go through the general path).
TEST(TokenizerTest, FlagsOfPlainAndAccentedWords) {
  struct Row {
    const char* word;
    TokenKind kind;
    bool upper_initial, all_caps, inner_caps, has_digit, has_letter;
  };
  const Row rows[] = {
      {"Paris", TokenKind::kWord, true, false, false, false, true},
      {"paris", TokenKind::kWord, false, false, false, false, true},
      {"A", TokenKind::kWord, true, false, false, false, true},
      {"x", TokenKind::kWord, false, false, false, false, true},
      {"3m", TokenKind::kWord, false, false, false, true, true},
      {"B52", TokenKind::kWord, true, false, false, true, true},
      {"2025", TokenKind::kNumber, false, false, false, true, false},
      {"Été", TokenKind::kWord, true, false, false, false, true},
      {"été", TokenKind::kWord, false, false, false, false, true},
      {"ÉTÉ", TokenKind::kWord, true, true, false, false, true},
      {"Ab", TokenKind::kWord, true, false, false, false, true},
      {"AB", TokenKind::kWord, true, true, false, false, true},
      {"aB", TokenKind::kWord, false, false, true, false, true},
      {"Éric", TokenKind::kWord, true, false, false, false, true},
      {"élÈve", TokenKind::kWord, false, false, true, false, true},
      {"Straße", TokenKind::kWord, true, false, false, false, true},
      {"É", TokenKind::kWord, true, false, false, false, true},
      {"ÀÉ", TokenKind::kWord, true, true, false, false, true},
      {"3É", TokenKind::kWord, false, false, false, true, true},  // (the first letter is not the first character)
      {"ça2", TokenKind::kWord, false, false, false, true, true},
  };
  for (const Row& r : rows) {
    std::string text = std::string("« ") + r.word + " »";
    auto t = Tokenize(text, {0, static_cast<uint32_t>(text.size())});
    ASSERT_EQ(t.size(), 3u) << r.word;
    EXPECT_EQ(t[1].Text(text), r.word);
    EXPECT_EQ(t[1].kind, r.kind) << r.word;
    EXPECT_EQ(t[1].upper_initial, r.upper_initial) << r.word;
    EXPECT_EQ(t[1].all_caps, r.all_caps) << r.word;
    EXPECT_EQ(t[1].inner_caps, r.inner_caps) << r.word;
    EXPECT_EQ(t[1].has_digit, r.has_digit) << r.word;
    EXPECT_EQ(t[1].has_letter, r.has_letter) << r.word;
    EXPECT_FALSE(t[1].elision) << r.word;
  }
}

// Each token's flags are what their definitions say of its text, on random
// texts of ASCII, Latin-1 (letters of both cases, × ÷ ß), other letters,
// digits, spaces and punctuation (the tokenizer reads the common cases
// without decoding).
TEST(TokenizerTest, FlagsFollowTheirDefinitions) {
  const char* pieces[] = {"a", "z", "A", "Q", "7", "0", " ", " ", ".", ",", "-", "’", "'", "«", "é", "É", "ç", "À",
                          "ß", "×", "÷", "ÿ", "Þ", "œ", "Œ", "ı", "ñ", "Ω", "ω", "\u00a0", "北"};
  std::mt19937 rng(11);
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    int len = static_cast<int>(rng() % 12) + 1;
    for (int k = 0; k < len; ++k) text += pieces[rng() % std::size(pieces)];
    for (const Token& t : Tokenize(text, {0, static_cast<uint32_t>(text.size())})) {
      std::string_view w = t.Text(text);
      int letters = 0, uppers = 0;
      bool digit = false, lower_seen = false, inner = false, first_upper = false, first = true;
      for (size_t i = 0; i < w.size();) {
        size_t l;
        char32_t c = DecodeUtf8(w, i, &l);
        if (IsDigit(c)) digit = true;
        if (IsLetter(c)) {
          ++letters;
          if (first) first_upper = IsUpper(c) && i == 0;
          first = false;
          if (IsUpper(c)) {
            ++uppers;
            if (lower_seen) inner = true;
          } else if (IsLower(c)) {
            lower_seen = true;
          }
        }
        i += l;
      }
      if (t.kind == TokenKind::kPunct) continue;
      SCOPED_TRACE(text + " | " + std::string(w));
      EXPECT_EQ(t.has_letter, letters > 0);
      EXPECT_EQ(t.has_digit, digit);
      EXPECT_EQ(t.upper_initial, first_upper);
      EXPECT_EQ(t.all_caps, letters >= 2 && uppers == letters);
      EXPECT_EQ(t.inner_caps, inner);
      EXPECT_EQ(t.kind, letters > 0 ? TokenKind::kWord : TokenKind::kNumber);
    }
  }
}

}  // namespace
}  // namespace kg

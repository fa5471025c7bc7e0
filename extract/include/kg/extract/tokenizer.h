// Word segmentation inside a sentence, for French and English news:
//  - elisions split after the apostrophe (l’IA -> "l’" "IA", qu’il, d'OpenAI),
//    other apostrophes kept inside the word (aujourd’hui, O’Neil);
//  - English possessive split ("Trump's" -> "Trump" "'s");
//  - hyphenated words kept whole (États-Unis, DeepSeek-R1, start-up);
//  - numbers with decimal commas or points (2,8  3.1) and spaced thousands
//    (6 000, with ordinary or no-break spaces) kept whole;
//  - dotted names kept whole (Pony.ai, U.S);
//  - an ellipsis of dots one token ("...").
//
//   std::vector<Token> t = Tokenize(text, sentence);
//
// Token offsets are byte offsets into `text`. Thread safety: reentrant.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "kg/extract/document.h"

namespace kg {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

struct Token {
  uint32_t start = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kPunct;
  bool elision = false;    // "l’", "d’", "qu’": ends with an apostrophe
  bool upper_initial = false;  // first letter uppercase
  bool all_caps = false;   // two or more letters, none lowercase
  bool inner_caps = false; // an uppercase letter after a lowercase one (DeepSeek, iFlytek)
  bool has_digit = false;
  bool has_letter = false;

  std::string_view Text(std::string_view doc) const { return doc.substr(start, end - start); }
};

std::vector<Token> Tokenize(std::string_view text, SentenceSpan span);

}  // namespace kg

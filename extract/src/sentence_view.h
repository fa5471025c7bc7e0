// Internal: one sentence of a document as the recognizer's and the
// word-pattern relation finder's per-sentence classes see it (held once:
// SentenceContext is one, RelationSentence holds one).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "kg/extract/lexicon.h"
#include "kg/extract/morphology.h"
#include "kg/extract/recognizer.h"

namespace kg {

struct SentenceView {
  std::string_view text;           // the document
  const std::vector<Token>& toks;  // the sentence's tokens (tokens.tokens)
  const SentenceTokens& tokens;
  uint32_t index;                  // the sentence's number in the document
  const Lexicon& lex;
  Morphology& morph;
  bool english = false;            // an English document
};

}  // namespace kg

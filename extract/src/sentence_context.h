// Internal to the entity recognizer: one sentence as its name scanner reads
// it — the text, tokens and resources, and the facts about the whole sentence
// worked out once (an all-caps headline, a table row, a fixture line, header
// rows, acronym long forms). The scanner's parts (candidate_scanner.h) hold it
// by const reference.
//
// Usage:
//   SentenceContext sentence(text, sentences[s], s, lex, morph, &spellings, english);
//   CandidateScanner(sentence).Scan(&candidates);
//
// Preconditions: text, tokens, lexicon, morphology and spellings outlive it;
// `spellings` has one slot per gazetteer entry.
// Thread safety: none (the words it reads cache their readings).
#pragma once

#include <cstdint>
#include <map>
#include <string_view>
#include <vector>

#include "kg/extract/lexicon.h"
#include "kg/extract/morphology.h"
#include "kg/extract/recognizer.h"
#include "kg/extract/tokenizer.h"
#include "kg/extract/vocabulary.h"
#include "sentence_view.h"
#include "word_bits.h"

namespace kg::recognition {

using Spelling = GazetteerSpelling;

// Properties of a word cached on it (Word::Cached), one bit each (all
// users' bits are listed in word_bits.h).
constexpr uint32_t kFirstNameBit = word_bits::kFirstName;
constexpr uint32_t kTitleBit = word_bits::kTitle;
constexpr uint32_t kHeadBit = word_bits::kHead;
constexpr uint32_t kNotNameBit = word_bits::kNotName;
constexpr uint32_t kPhraseStartBit = word_bits::kPhraseStart;
constexpr uint32_t kTitleDotBit = word_bits::kTitleDot;

struct SentenceContext : SentenceView {
  SentenceContext(std::string_view text, const SentenceTokens& s, uint32_t index, const Lexicon& lex,
                  Morphology& morph, std::vector<std::vector<Spelling>>* spellings, bool english);

  // Token i as written, its word, lower-case and folded forms.
  std::string_view Text(size_t i) const { return toks[i].Text(text); }
  Word* W(size_t i) const { return tokens.WordAt(text, i); }
  std::string_view Lower(size_t i) const { return W(i)->lower; }
  std::string_view Folded(size_t i) const { return W(i)->fold; }
  // Lower(i) without interning the word when it has no capital letter (it
  // is then its own lower case): for the rules that look at every word.
  std::string_view LowerText(size_t i) const;
  // Readings of token i: as written, its lower-case reading, its lower-case form's.
  const WordInfo& InfoOf(size_t i) const { return W(i)->Info(morph); }
  const WordInfo& LowerOf(size_t i) const { return W(i)->LowerOf(morph); }
  const WordInfo& LowerInfo(size_t i) const { return W(i)->LowerInfo(morph); }
  bool IsWord(size_t i) const { return i < toks.size() && toks[i].kind == TokenKind::kWord; }
  // A model code: "R1", "H800", "o1" (not "14e", "3nm", "5G").
  bool IsCode(size_t i) const;

  // A table's header row, short capitalised abbreviations with single
  // letters among them ("W D L PCT GB", "W D L G / F G / A P"), from token
  // `i` on: the index after it, else `i`.
  size_t SkipHeaderRow(size_t i) const { return header_end.empty() ? i : header_end[i]; }

  std::vector<std::vector<Spelling>>* spellings;  // the recognizer's, by gazetteer entry
  bool caps_sentence = false;  // an all-caps headline
  bool tabular = false;  // a score line or a table row
  bool fixture_line = false;  // an English results page's "CHICAGO AT TORONTO"
  bool team_row = false;  // a results line or standings row, not in capitals: its names are teams'
  // A results line or standings row with a team's score after token `last`.
  bool TeamRow(size_t last) const {
    return team_row && last + 1 < toks.size() && toks[last + 1].kind == TokenKind::kNumber;
  }
  // The last number token (-1: none): a rule needing a year after a word
  // looks no further when none follows.
  int last_number = -1;
  std::vector<uint32_t> header_end;  // per token: the end of the header row it starts (empty: none in the sentence)
  std::map<size_t, size_t> long_forms;  // first token -> last token of a name an acronym defines
};

}  // namespace kg::recognition

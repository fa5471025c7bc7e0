// Sentences in the CoNLL-U format of Universal Dependencies: reading a
// treebank (or a file to re-annotate) and writing kg's own parses.
//
//   StatusOr<std::vector<UdSentence>> s = ReadConllu("fr-sequoia-dev.conllu");
//   std::string out; AppendConllu(s->front(), &out);
//
// Word lines keep their ten columns; multi-word token lines ("1-2 du") and
// empty nodes ("8.1") are kept aside so a sentence is written back with
// them. Thread safety: values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kg/base/status.h"

namespace kg {

// One syntactic word (a CoNLL-U line whose id is a whole number).
struct UdWord {
  std::string form;
  std::string lemma = "_";
  std::string upos = "_";
  std::string xpos = "_";
  std::string feats = "_";
  int head = -1;            // 0 is the root; -1 when unknown ("_")
  std::string deprel = "_";
  std::string deps = "_";
  std::string misc = "_";
};

// A multi-word token: words [first, last] (1-based) written as `form`.
struct UdToken {
  int first = 0;
  int last = 0;
  std::string form;
  std::string misc = "_";
};

struct UdSentence {
  std::vector<std::string> comments;  // "# sent_id = 1" lines, without the newline
  std::vector<UdWord> words;
  std::vector<UdToken> tokens;        // multi-word tokens only
  std::vector<std::string> empty_nodes;  // "8.1" lines, as read
};

// Parses CoNLL-U text; `where` names the input in errors ("FILE:LINE: ...").
StatusOr<std::vector<UdSentence>> ParseConllu(std::string_view text, const std::string& where);
StatusOr<std::vector<UdSentence>> ReadConllu(const std::string& path);

// Appends the sentence (comments, then token and word lines, then a blank line).
void AppendConllu(const UdSentence& sentence, std::string* out);

// The head word of words [first, last] (0-based): the one whose head lies
// outside the span.
int SpanHead(const UdSentence& s, int first, int last);

// "Gender=Masc|Number=Sing" -> {"Gender=Masc", "Number=Sing"}; "_" -> {}.
std::vector<std::string_view> SplitFeats(std::string_view feats);

}  // namespace kg

// The annotated document: one document's text and every layer added to it,
// each layer read by the annotators after the one that adds it and, in the
// end, turned into the DocumentResult the graph builder merges.
//
//   layer                          added by (the names of data/<lang>/annotators_<lang>.txt)
//   language, sentences, tokens    reading (Extractor: DetectLanguage, Segmenter, TokenizeSentence)
//   mentions, entities             "entities"           (EntityRecognizer)
//   parses: words, tags, tree      "syntax"             (SyntaxAnnotator, on the sentences worth it)
//   parses: named mentions         "name-arcs"          (RepairNameArcs redraws arcs across names)
//   parses: references             "coreference"        (ResolveReferences: pronouns, descriptions)
//   relations from trees           "tree-relations"     (MatchPath over data/<lang>/paths_<lang>.tsv)
//   relations from word patterns,  "pattern-relations"  (RelationExtractor, data/relations.tsv)
//   co-occurrences
//   place-in-place directions      "place-order"        (PlaceOrder: data/world_regions.txt, countries)
//
// An annotator states what it needs and adds in its comment; the extractor
// runs the list its document's language names (kg/extract/annotators.h).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "kg/extract/conllu.h"
#include "kg/extract/document.h"
#include "kg/extract/recognizer.h"
#include "kg/extract/segmenter.h"
#include "kg/extract/tree_relations.h"

namespace kg {

// A sentence's syntax: its syntactic words (contractions split) with tags,
// features, lemmas and a dependency tree, and its mentions on those words.
struct ParsedSentence {
  UdSentence tree;
  // The tree covers tokens [first_token, first_token + parsed_tokens()) of
  // the sentence (a parse may start after its first token and stop before
  // its end); token first_token + i covers words [token_words[i], token_words[i + 1]).
  size_t first_token = 0;
  std::vector<int> token_words;
  std::vector<TreeMention> named;       // the sentence's entity mentions ("name-arcs")
  std::vector<TreeMention> references;  // words resolved to an entity, `via` set ("coreference")
  size_t parsed_tokens() const { return token_words.size() - 1; }
  // Whether the tree covers tokens [first, last] of the sentence.
  bool Covers(size_t first, size_t last) const { return first >= first_token && last < first_token + parsed_tokens(); }
  // The first word of sentence token `t` (covered), or the word count for the token past the last one.
  int WordOf(size_t t) const { return token_words[t - first_token]; }
};

struct AnnotatedDocument {
  std::string_view text;
  Language language = Language::kFrench;
  std::vector<SentenceTokens> sentences;
  std::vector<Mention> mentions;  // sorted by sentence, then position
  std::vector<DocEntity> entities;
  std::vector<std::optional<ParsedSentence>> parses;  // one per sentence once "syntax" ran; empty: not parsed
  std::vector<DocRelation> relations;

  // The mentions of sentence `index` (a run of `mentions`).
  std::span<const Mention> MentionsOf(uint32_t index) const;
};

// One step of extraction: reads layers of the document and adds one.
class Annotator {
 public:
  virtual ~Annotator() = default;
  virtual void Annotate(AnnotatedDocument* doc) = 0;
};

}  // namespace kg

// The extraction facade: one document in, its entities and relations out.
//
//   ExtractorConfig cfg;                       // lexicon + hunspell directory
//   auto ex = Extractor::Create(cfg);          // StatusOr<std::unique_ptr<Extractor>>
//   DocumentResult r = (*ex)->Extract(doc);
//
// Requires: `cfg.lexicon` outlives the extractor. Thread safety: one Extractor
// per thread; Extract() is deterministic for a given document.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "kg/base/status.h"
#include "kg/extract/document.h"
#include "kg/extract/lexicon.h"
#include "kg/extract/morphology.h"
#include "kg/extract/recognizer.h"
#include "kg/extract/relations.h"
#include "kg/extract/vocabulary.h"
#include "kg/extract/segmenter.h"
#include "kg/extract/syntax.h"
#include "kg/extract/tree_relations.h"

namespace kg {

struct ExtractorConfig {
  const Lexicon* lexicon = nullptr;
  std::string hunspell_dir = DefaultHunspellDir();
  bool require_morphology = true;  // fail when the French dictionary is missing
  SharedWordCache* shared_words = nullptr;  // optional: analyses pooled across extractors (threads)
  // Syntax models (optional, must outlive the extractor): relations are then
  // also read from the dependency trees of sentences naming two entities.
  const SyntaxModel* french_syntax = nullptr;
  const SyntaxModel* english_syntax = nullptr;
};

// Texts longer than this are extracted section by section.
constexpr size_t kSectionBytes = 1u << 20;

class Extractor {
 public:
  static StatusOr<std::unique_ptr<Extractor>> Create(const ExtractorConfig& config);
  DocumentResult Extract(Document doc);
  // The document's pronouns, possessives and descriptions resolved to the
  // entities they refer to (its first section): for evaluating coreference.
  std::vector<ResolvedReference> References(Document doc);

 private:
  void ExtractSection(DocumentResult& r, size_t first, size_t last,
                      std::unordered_map<std::string, uint32_t>* by_key);
  Extractor(const Lexicon& lexicon, std::unique_ptr<Morphology> morph, const ExtractorConfig& config);
  const Lexicon& lexicon_;
  std::unique_ptr<Morphology> morph_;
  EntityRecognizer recognizer_;
  RelationExtractor relations_;
  std::unique_ptr<TreeRelationFinder> french_tree_, english_tree_;  // null without a syntax model
  Vocabulary vocabulary_;  // the words met so far, with their forms and readings
  Segmenter segmenter_{Language::kFrench};
  Segmenter english_segmenter_{Language::kEnglish};
  bool english_ = false;  // the document being extracted
};

}  // namespace kg

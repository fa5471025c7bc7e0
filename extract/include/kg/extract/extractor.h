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
#include "kg/extract/annotated_document.h"
#include "kg/extract/annotators.h"
#include "kg/extract/document.h"
#include "kg/extract/lexicon.h"
#include "kg/extract/morphology.h"
#include "kg/extract/recognizer.h"
#include "kg/extract/relations.h"
#include "kg/extract/vocabulary.h"
#include "kg/extract/segmenter.h"
#include "kg/extract/syntax.h"

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
  // Entity-type models (optional, must outlive the extractor): "entity-types".
  const TypeModel* french_types = nullptr;
  const TypeModel* english_types = nullptr;
};

// Texts longer than this are extracted section by section.
constexpr size_t kSectionBytes = 1u << 20;

// A pronoun, possessive or description resolved to an entity, in byte
// offsets of the text: what tools/kg_coref_eval.cc scores.
struct ResolvedReference {
  size_t start = 0, end = 0;                           // the referring word
  std::vector<std::pair<size_t, size_t>> antecedent;  // every mention of the entity it refers to
};

class Extractor {
 public:
  static StatusOr<std::unique_ptr<Extractor>> Create(const ExtractorConfig& config);

  // Reads the document (language, sentences, tokens) into an annotated
  // document and runs its language's annotators (kg/extract/annotators.h).
  DocumentResult Extract(Document doc);

  // The document's pronouns, possessives and descriptions resolved to the
  // entities they refer to (its first section): for evaluating coreference.
  std::vector<ResolvedReference> References(Document doc);

 private:
  // What the extractor keeps per language: its sentence splitter and annotators.
  struct LanguageSetup {
    Language language;
    Segmenter segmenter;
    std::vector<std::unique_ptr<Annotator>> annotators;
    std::vector<std::unique_ptr<Annotator>> reference_annotators;  // made by the first References()
  };

  Extractor(const Lexicon& lexicon, std::unique_ptr<Morphology> morph, const ExtractorConfig& config);
  Status MakeSetups();
  LanguageSetup& SetupFor(std::string_view text);
  AnnotatedDocument Read(std::string_view text, const std::vector<SentenceSpan>& spans, size_t first, size_t last,
                         Language language);
  void ExtractSection(DocumentResult& r, LanguageSetup& setup, size_t first, size_t last,
                      std::unordered_map<std::string, uint32_t>* by_key);
  AnnotatorKit Kit(Language language);

  const Lexicon& lexicon_;
  std::unique_ptr<Morphology> morph_;
  EntityRecognizer recognizer_;
  RelationExtractor relations_;
  const SyntaxModel* french_syntax_;   // null without a model
  const SyntaxModel* english_syntax_;
  const TypeModel* french_types_;
  const TypeModel* english_types_;
  Vocabulary vocabulary_;  // the words met so far, with their forms and readings
  LanguageSetup french_{Language::kFrench, Segmenter(Language::kFrench), {}, {}};
  LanguageSetup english_{Language::kEnglish, Segmenter(Language::kEnglish), {}, {}};
};

}  // namespace kg

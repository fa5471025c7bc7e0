#include "kg/extract/extractor.h"

#include "kg/base/text.h"
#include "kg/extract/recognizer.h"
#include "kg/extract/relations.h"
#include "kg/extract/tokenizer.h"

namespace kg {

StatusOr<std::unique_ptr<Extractor>> Extractor::Create(const ExtractorConfig& config) {
  if (config.lexicon == nullptr) return Usage("extractor: no lexicon");
  auto morph = Morphology::Open(config.hunspell_dir);
  std::unique_ptr<Morphology> m;
  if (morph.ok()) m = std::move(*morph);
  else if (config.require_morphology) return morph.status();
  else m = Morphology::Empty();
  return std::unique_ptr<Extractor>(new Extractor(*config.lexicon, std::move(m)));
}

DocumentResult Extractor::Extract(Document doc) {
  DocumentResult r;
  r.id = std::move(doc.id);
  r.path = std::move(doc.path);
  r.text = std::move(doc.text);
  r.chars = CountCodePoints(r.text);
  r.sentences = segmenter_.Split(r.text);
  std::vector<SentenceTokens> sentences;
  sentences.reserve(r.sentences.size());
  for (const SentenceSpan& s : r.sentences) sentences.push_back({s, Tokenize(r.text, s)});
  std::vector<Mention> mentions;
  EntityRecognizer recognizer(lexicon_, *morph_);
  recognizer.Run(r.text, sentences, &r.entities, &mentions);
  RelationExtractor relations(lexicon_, *morph_);
  relations.Run(r.text, sentences, mentions, r.entities, &r.relations);
  return r;
}

}  // namespace kg

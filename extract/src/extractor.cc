#include "kg/extract/extractor.h"

#include "kg/extract/coreference.h"

#include <unordered_map>

#include "kg/base/text.h"
#include "kg/extract/recognizer.h"
#include "kg/extract/relations.h"
#include "kg/extract/tokenizer.h"

namespace kg {

StatusOr<std::unique_ptr<Extractor>> Extractor::Create(const ExtractorConfig& config) {
  if (config.lexicon == nullptr) return Usage("extractor: no lexicon");
  auto morph = Morphology::Open(config.hunspell_dir, config.shared_words);
  std::unique_ptr<Morphology> m;
  if (morph.ok()) m = std::move(*morph);
  else if (config.require_morphology) return morph.status();
  else m = Morphology::Empty();
  return std::unique_ptr<Extractor>(new Extractor(*config.lexicon, std::move(m), config));
}

Extractor::Extractor(const Lexicon& lexicon, std::unique_ptr<Morphology> morph, const ExtractorConfig& config)
    : lexicon_(lexicon), morph_(std::move(morph)), recognizer_(lexicon, *morph_), relations_(lexicon, *morph_) {
  if (config.french_syntax != nullptr) {
    french_tree_ = std::make_unique<TreeRelationFinder>(*config.french_syntax, BuiltinPathRules("fr"), BuiltinCoref("fr"),
                                                        morph_.get());
  }
  if (config.english_syntax != nullptr) {
    english_tree_ = std::make_unique<TreeRelationFinder>(*config.english_syntax, BuiltinPathRules("en"), BuiltinCoref("en"),
                                                         morph_.get());
  }
}

DocumentResult Extractor::Extract(Document doc) {
  DocumentResult r;
  r.id = std::move(doc.id);
  r.path = std::move(doc.path);
  r.title = std::move(doc.title);
  r.date = doc.date;
  r.text = std::move(doc.text);
  r.chars = CountCodePoints(r.text);
  english_ = DetectLanguage(r.text) == Language::kEnglish;
  r.sentences = (english_ ? english_segmenter_ : segmenter_).Split(r.text);
  // A very long text (a whole book, a 200 MB line) is read in sections of
  // about kSectionBytes so memory stays bounded; entities of the sections
  // merge by name.
  std::unordered_map<std::string, uint32_t> by_key;
  size_t first = 0;
  while (first < r.sentences.size()) {
    size_t last = first;
    while (last < r.sentences.size() && r.sentences[last].end - r.sentences[first].start <= kSectionBytes) ++last;
    if (last == first) ++last;
    ExtractSection(r, first, last, &by_key);
    first = last;
  }
  return r;
}

void Extractor::ExtractSection(DocumentResult& r, size_t first, size_t last,
                               std::unordered_map<std::string, uint32_t>* by_key) {
  std::vector<SentenceTokens> sentences;
  sentences.reserve(last - first);
  vocabulary_.Trim();  // between sections: no Word pointer is held here
  for (size_t i = first; i < last; ++i) sentences.push_back(TokenizeSentence(r.text, r.sentences[i], &vocabulary_));
  std::vector<DocEntity> entities;
  std::vector<Mention> mentions;
  recognizer_.Run(r.text, sentences, &entities, &mentions);
  std::vector<DocRelation> relations;
  if (TreeRelationFinder* tree = english_ ? english_tree_.get() : french_tree_.get()) {
    tree->Run(r.text, sentences, mentions, entities, &relations);
  }
  relations_.Run(r.text, sentences, mentions, entities, &relations, english_);
  if (first == 0 && last == r.sentences.size()) {  // the usual case: one section
    r.entities = std::move(entities);
    r.relations = std::move(relations);
    return;
  }
  std::vector<uint32_t> index(entities.size());
  for (size_t e = 0; e < entities.size(); ++e) {
    auto [it, added] = by_key->emplace(MergeKey(entities[e].label), static_cast<uint32_t>(r.entities.size()));
    if (added) {
      r.entities.push_back(std::move(entities[e]));
    } else {
      DocEntity& into = r.entities[it->second];
      for (const auto& [form, n] : entities[e].forms) into.forms[form] += n;
      into.mentions += entities[e].mentions;
      for (int t = 0; t < kEntityTypeCount; ++t) into.votes[t] += entities[e].votes[t];
      if (!into.forced) into.type = DecideType(into.votes);
    }
    index[e] = it->second;
  }
  for (DocRelation& rel : relations) {
    rel.source = index[rel.source];
    rel.target = index[rel.target];
    rel.sentence += static_cast<uint32_t>(first);
    r.relations.push_back(std::move(rel));
  }
}

std::vector<ResolvedReference> Extractor::References(Document doc) {
  english_ = DetectLanguage(doc.text) == Language::kEnglish;
  std::vector<SentenceSpan> spans = (english_ ? english_segmenter_ : segmenter_).Split(doc.text);
  std::vector<SentenceTokens> sentences;
  vocabulary_.Trim();
  for (const SentenceSpan& span : spans) {
    if (span.end - spans.front().start > kSectionBytes) break;
    sentences.push_back(TokenizeSentence(doc.text, span, &vocabulary_));
  }
  std::vector<DocEntity> entities;
  std::vector<Mention> mentions;
  recognizer_.Run(doc.text, sentences, &entities, &mentions);
  TreeRelationFinder* tree = english_ ? english_tree_.get() : french_tree_.get();
  if (tree == nullptr) return {};
  return tree->References(doc.text, sentences, mentions, entities);
}

}  // namespace kg

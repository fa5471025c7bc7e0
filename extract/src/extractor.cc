#include "kg/extract/extractor.h"

#include <algorithm>
#include <unordered_map>

#include "kg/base/text.h"
#include "kg/extract/coreference.h"

namespace kg {

StatusOr<std::unique_ptr<Extractor>> Extractor::Create(const ExtractorConfig& config) {
  if (config.lexicon == nullptr) return Usage("extractor: no lexicon");
  auto morph = Morphology::Open(config.hunspell_dir, config.shared_words);
  std::unique_ptr<Morphology> m;
  if (morph.ok()) m = std::move(*morph);
  else if (config.require_morphology) return morph.status();
  else m = Morphology::Empty();
  std::unique_ptr<Extractor> extractor(new Extractor(*config.lexicon, std::move(m), config));
  Status made = extractor->MakeSetups();
  if (!made.ok()) return made;
  return extractor;
}

Extractor::Extractor(const Lexicon& lexicon, std::unique_ptr<Morphology> morph, const ExtractorConfig& config)
    : lexicon_(lexicon),
      morph_(std::move(morph)),
      recognizer_(lexicon, *morph_),
      relations_(lexicon, *morph_),
      french_syntax_(config.french_syntax),
      english_syntax_(config.english_syntax),
      french_types_(config.french_types),
      english_types_(config.english_types) {}

AnnotatorKit Extractor::Kit(Language language) {
  const bool english = language == Language::kEnglish;
  const char* code = english ? "en" : "fr";
  return AnnotatorKit{&recognizer_, &relations_, english ? english_syntax_ : french_syntax_, &BuiltinPathRules(code),
                      &BuiltinCoref(code), morph_.get(), &lexicon_, english ? english_types_ : french_types_};
}

Status Extractor::MakeSetups() {
  for (LanguageSetup* setup : {&french_, &english_}) {
    auto list = MakeAnnotators(setup->language, Kit(setup->language), ParseScope::kRelations);
    if (!list.ok()) return list.status();
    setup->annotators = std::move(*list);
  }
  return Status::Ok();
}

Extractor::LanguageSetup& Extractor::SetupFor(std::string_view text) {
  return DetectLanguage(text) == Language::kEnglish ? english_ : french_;
}

AnnotatedDocument Extractor::Read(std::string_view text, const std::vector<SentenceSpan>& spans, size_t first,
                                  size_t last, Language language) {
  AnnotatedDocument doc;
  doc.text = text;
  doc.language = language;
  doc.sentences.reserve(last - first);
  vocabulary_.Trim();  // between sections: no Word pointer is held here
  for (size_t i = first; i < last; ++i) doc.sentences.push_back(TokenizeSentence(text, spans[i], &vocabulary_));
  return doc;
}

DocumentResult Extractor::Extract(Document doc) {
  DocumentResult r;
  r.id = std::move(doc.id);
  r.path = std::move(doc.path);
  r.title = std::move(doc.title);
  r.date = doc.date;
  r.text = std::move(doc.text);
  r.chars = CountCodePoints(r.text);
  LanguageSetup& setup = SetupFor(r.text);
  r.sentences = setup.segmenter.Split(r.text);
  // A very long text (a whole book, a 200 MB line) is read in sections of
  // about kSectionBytes so memory stays bounded; entities of the sections
  // merge by name.
  std::unordered_map<std::string, uint32_t> by_key;
  size_t first = 0;
  while (first < r.sentences.size()) {
    size_t last = first;
    while (last < r.sentences.size() && r.sentences[last].end - r.sentences[first].start <= kSectionBytes) ++last;
    if (last == first) ++last;
    ExtractSection(r, setup, first, last, &by_key);
    first = last;
  }
  return r;
}

namespace {

// The byte range of words [first, last] of a parsed sentence: the tokens holding them.
std::pair<uint32_t, uint32_t> WordBytes(const SentenceTokens& sentence, const ParsedSentence& p, int first, int last) {
  size_t a = 0;
  const size_t parsed = p.parsed_tokens();
  while (a + 1 < parsed && p.token_words[a + 1] <= first) ++a;
  size_t b = a;
  while (b + 1 < parsed && p.token_words[b + 1] <= last) ++b;
  return {sentence.tokens[p.first_token + a].start, sentence.tokens[p.first_token + b].end};
}

// The document's mentions, names and resolved references, in text order.
std::vector<DocMention> DocMentions(const AnnotatedDocument& doc) {
  std::vector<DocMention> out;
  out.reserve(doc.mentions.size());
  for (uint32_t index = 0; index < doc.sentences.size(); ++index) {
    const SentenceTokens& sentence = doc.sentences[index];
    const size_t begin = out.size();
    for (const Mention& m : doc.MentionsOf(index)) {
      out.push_back({index, sentence.tokens[m.first].start, sentence.tokens[m.last].end, m.entity, false});
    }
    if (index >= doc.parses.size() || !doc.parses[index]) continue;
    for (const TreeMention& r : doc.parses[index]->references) {
      auto [start, end] = WordBytes(sentence, *doc.parses[index], r.first, r.last);
      out.push_back({index, start, end, r.entity, true});
    }
    std::stable_sort(out.begin() + static_cast<long>(begin), out.end(),
                     [](const DocMention& a, const DocMention& b) { return a.start < b.start; });
  }
  return out;
}

}  // namespace

void Extractor::ExtractSection(DocumentResult& r, LanguageSetup& setup, size_t first, size_t last,
                               std::unordered_map<std::string, uint32_t>* by_key) {
  AnnotatedDocument doc = Read(r.text, r.sentences, first, last, setup.language);
  for (const std::unique_ptr<Annotator>& annotator : setup.annotators) annotator->Annotate(&doc);
  std::vector<DocMention> mentions = DocMentions(doc);
  if (first == 0 && last == r.sentences.size()) {  // the usual case: one section
    r.entities = std::move(doc.entities);
    r.mentions = std::move(mentions);
    r.relations = std::move(doc.relations);
    return;
  }
  std::vector<uint32_t> index(doc.entities.size());
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    auto [it, added] = by_key->emplace(MergeKey(doc.entities[e].label), static_cast<uint32_t>(r.entities.size()));
    if (added) {
      r.entities.push_back(std::move(doc.entities[e]));
    } else {
      DocEntity& into = r.entities[it->second];
      for (const auto& [form, n] : doc.entities[e].forms) into.forms[form] += n;
      into.mentions += doc.entities[e].mentions;
      for (int t = 0; t < kEntityTypeCount; ++t) into.votes[t] += doc.entities[e].votes[t];
      if (!into.forced) into.type = DecideType(into.votes);
    }
    index[e] = it->second;
  }
  for (DocMention& m : mentions) {
    m.entity = index[m.entity];
    m.sentence += static_cast<uint32_t>(first);
    r.mentions.push_back(m);
  }
  for (DocRelation& rel : doc.relations) {
    rel.source = index[rel.source];
    rel.target = index[rel.target];
    rel.sentence += static_cast<uint32_t>(first);
    r.relations.push_back(std::move(rel));
  }
}

std::vector<ResolvedReference> Extractor::References(Document doc) {
  LanguageSetup& setup = SetupFor(doc.text);
  if (setup.reference_annotators.empty()) {
    auto list = MakeAnnotators(setup.language, Kit(setup.language), ParseScope::kReferences);
    if (list.ok()) setup.reference_annotators = std::move(*list);
  }
  std::vector<SentenceSpan> spans = setup.segmenter.Split(doc.text);
  size_t last = 0;
  while (last < spans.size() && spans[last].end - spans.front().start <= kSectionBytes) ++last;
  AnnotatedDocument annotated = Read(doc.text, spans, 0, last, setup.language);
  for (const std::unique_ptr<Annotator>& annotator : setup.reference_annotators) annotator->Annotate(&annotated);
  std::vector<DocMention> mentions = DocMentions(annotated);
  std::vector<std::vector<std::pair<size_t, size_t>>> spans_of(annotated.entities.size());
  for (const DocMention& m : mentions) {
    if (!m.via) spans_of[m.entity].emplace_back(m.start, m.end);
  }
  std::vector<ResolvedReference> out;
  for (const DocMention& m : mentions) {
    if (m.via) out.push_back({m.start, m.end, spans_of[m.entity]});
  }
  return out;
}

}  // namespace kg

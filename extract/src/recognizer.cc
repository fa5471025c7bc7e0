// Named-entity recognition over one document: each sentence's name
// candidates (CandidateScanner, over its SentenceContext), then the
// document's entities (ResolveEntities).
#include "kg/extract/recognizer.h"

#include <string>
#include <utility>

#include "candidate.h"
#include "candidate_scanner.h"
#include "kg/base/text.h"
#include "kg/extract/segmenter.h"
#include "sentence_context.h"

namespace kg {

using recognition::Candidate;

bool recognition::IsKnownCommon(Morphology& morph, std::string_view word) {
  const WordInfo& info = morph.LookupLowerOf(word);
  if (info.known || info.english) return true;
  std::string lower = ToLower(word);
  static constexpr std::pair<char, std::string_view> kAccents[] = {
      {'e', "é"}, {'e', "è"}, {'e', "ê"}, {'a', "à"}, {'a', "â"}, {'c', "ç"}, {'i', "î"}, {'o', "ô"}, {'u', "û"}};
  for (const auto& [plain, accented] : kAccents) {
    if (lower.empty() || lower[0] != plain) continue;
    if (morph.Lookup(std::string(accented) + lower.substr(1)).known) return true;
  }
  return false;
}

SentenceTokens TokenizeSentence(std::string_view text, SentenceSpan span, Vocabulary* vocabulary) {
  SentenceTokens s;
  s.span = span;
  s.tokens = Tokenize(text, span);
  s.vocabulary = vocabulary;
  return s;
}

void EntityRecognizer::Run(std::string_view text, const std::vector<SentenceTokens>& sentences, Language language,
                           std::vector<DocEntity>* entities, std::vector<Mention>* mentions) {
  std::vector<Candidate> cands;
  if (spellings_.size() != lex_.entry_count()) spellings_.resize(lex_.entry_count());
  const bool english = language == Language::kEnglish;
  for (uint32_t s = 0; s < sentences.size(); ++s) {
    recognition::SentenceContext sentence(text, sentences[s], s, lex_, morph_, &spellings_, english);
    recognition::CandidateScanner scanner(sentence);
    scanner.Scan(&cands);
  }
  if (cands.empty()) return;
  recognition::ResolveEntities(text, sentences, lex_, morph_, english, std::move(cands), entities, mentions);
}

}  // namespace kg

// Named-entity recognition over one document: finds name mentions in each
// sentence, then resolves them into the document's entities.
//
// Mentions: capitalised words and their multi-word runs, with connectors
// where a head noun calls for them (Banque de France, Académie des sciences de
// Chine), CamelCase and mixed-case names (DeepSeek, iFlytek), acronyms that are
// names (not IA, GPU, PDG), model codes (R1, H800, o1) and versions (Llama 3.1),
// gazetteer phrases (Émirats arabes unis), names after titles (M., Mme, le
// président). Sentence-initial capitalised common words (Les, Selon) are not
// names unless the document or the dictionary says so.
//
// Resolution: mentions with the same key (case, accents, spacing) or the same
// gazetteer entry form one entity; a short form joins the one longer name it
// is part of (Trump -> Donald Trump); an acronym defined in parentheses joins
// its long form. Each entity gets one type from gazetteers, context cues and
// name shape, voted over all its mentions.
//
// Thread safety: one EntityRecognizer per thread (it uses a Morphology).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kg/extract/document.h"
#include "kg/extract/lexicon.h"
#include "kg/extract/morphology.h"
#include "kg/extract/segmenter.h"
#include "kg/extract/tokenizer.h"
#include "kg/extract/vocabulary.h"

namespace kg {

struct SentenceTokens {
  SentenceSpan span;
  std::vector<Token> tokens;
  Vocabulary* vocabulary = nullptr;

  // The word of token i of the document `text`, interned when first asked
  // (most lower-case words of a sentence never are).
  Word* WordAt(std::string_view text, size_t i) const {
    if (words.empty()) words.assign(tokens.size(), nullptr);
    if (!words[i]) words[i] = vocabulary->Intern(tokens[i].Text(text));
    return words[i];
  }
  // Interns the words of every token, or of the tokens `wanted` accepts
  // (see Vocabulary::InternAll).
  void InternAll(std::string_view text) const {
    InternAll(text, [](const Token&) { return true; });
  }
  template <typename F>
  void InternAll(std::string_view text, F wanted) const {
    if (words.empty()) words.assign(tokens.size(), nullptr);
    texts.clear();
    texts.resize(tokens.size());
    for (size_t k = 0; k < tokens.size(); ++k) {
      if (!words[k] && wanted(tokens[k])) texts[k] = tokens[k].Text(text);
    }
    vocabulary->InternAll(texts, &words);
  }

 private:
  mutable std::vector<Word*> words;
  mutable std::vector<std::string_view> texts;  // InternAll's scratch
};

// Tokenizes the sentence; its words come from `vocabulary`.
SentenceTokens TokenizeSentence(std::string_view text, SentenceSpan span, Vocabulary* vocabulary);

// A resolved mention: token range [first, last] of sentence `sentence`.
struct Mention {
  uint32_t sentence = 0;
  uint32_t first = 0;
  uint32_t last = 0;
  uint32_t entity = 0;  // index into the entity list
};

// A gazetteer name or alias as the recognizer compares it with the text:
// folded, and the capitalisation of its words.
struct GazetteerSpelling {
  std::string folded;
  std::string capitals;
};

class EntityRecognizer {
 public:
  // `lexicon` and `morphology` must outlive the recognizer.
  EntityRecognizer(const Lexicon& lexicon, Morphology& morphology) : lex_(lexicon), morph_(morphology) {}

  // Appends the document's entities and their mentions (sorted by sentence,
  // then position); `language` is the document's.
  void Run(std::string_view text, const std::vector<SentenceTokens>& sentences, Language language,
           std::vector<DocEntity>* entities, std::vector<Mention>* mentions);

 private:
  const Lexicon& lex_;
  Morphology& morph_;
  // Per gazetteer entry, its spellings (empty until the entry first matches).
  std::vector<std::vector<GazetteerSpelling>> spellings_;
};

}  // namespace kg

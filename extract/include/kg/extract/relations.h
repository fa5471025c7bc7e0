// Relations between the entities of one sentence.
//
// Stated relations: subject – verb – object with the verb's lemma as label,
// passives turned around, auxiliaries, modals and infinitive chains followed,
// coordinated subjects and objects each given the relation, negated verbs
// dropped; noun-phrase relations (product of, role in, owner of, located in).
// Every other pair of entities in the sentence gets a co-occurrence edge.
//
// Thread safety: one RelationExtractor per thread (it uses a Morphology).
#pragma once

#include <string_view>
#include <vector>

#include "kg/extract/document.h"
#include "kg/extract/lexicon.h"
#include "kg/extract/morphology.h"
#include "kg/extract/recognizer.h"

namespace kg {

class RelationExtractor {
 public:
  RelationExtractor(const Lexicon& lexicon, Morphology& morphology) : lex_(lexicon), morph_(morphology) {}

  // `mentions` are sorted by sentence and position. Appends one DocRelation
  // per (pair, sentence, relation).
  void Run(std::string_view text, const std::vector<SentenceTokens>& sentences, const std::vector<Mention>& mentions,
           const std::vector<DocEntity>& entities, std::vector<DocRelation>* out, Language language = Language::kFrench);

 private:
  const Lexicon& lex_;
  Morphology& morph_;
};

}  // namespace kg

#include "kg/extract/relations.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "cooccurrences.h"
#include "noun_phrase_relations.h"
#include "relation_sentence.h"
#include "verb_relations.h"

namespace kg {

void RelationExtractor::Run(std::string_view text, const std::vector<SentenceTokens>& sentences,
                            const std::vector<Mention>& mentions, const std::vector<DocEntity>& entities,
                            std::vector<DocRelation>* out, Language language) {
  const bool english = language == Language::kEnglish;
  // Pairs already related (by the tree finder) per sentence: not found twice.
  std::map<uint32_t, std::set<std::pair<uint32_t, uint32_t>>> known;
  for (const DocRelation& r : *out) known[r.sentence].insert(std::minmax(r.source, r.target));
  size_t i = 0;
  while (i < mentions.size()) {
    size_t j = i;
    while (j < mentions.size() && mentions[j].sentence == mentions[i].sentence) ++j;
    if (j - i >= 2) {  // a single name relates nothing
      std::vector<Mention> local(mentions.begin() + static_cast<long>(i), mentions.begin() + static_cast<long>(j));
      uint32_t s = mentions[i].sentence;
      relations::RelationSentence sentence(text, sentences[s], s, lex_, morph_, local, entities, english);
      if (auto it = known.find(s); it != known.end()) sentence.AlreadyRelated(it->second);
      relations::NounPhraseRelations(sentence).Run();
      if (!sentence.question()) relations::VerbRelations(sentence).Run();
      relations::Cooccurrences(sentence).Run();
      sentence.MoveResultsTo(out);
    }
    i = j;
  }
}

}  // namespace kg

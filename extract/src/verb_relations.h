// Internal to the word-pattern relation finder: subject – verb – object
// relations of one sentence, labelled with the verb's lemma. Passives are
// turned around ("X, soutenu par Y" -> Y soutenir X), coordinated subjects
// and objects each get the relation, negated, light and saying verbs and
// inserted attributions relate nothing.
//
// Usage: VerbRelations(sentence).Run(), after the noun-phrase patterns.
#pragma once

#include <cstddef>
#include <vector>

#include "relation_sentence.h"
#include "verb_groups.h"

namespace kg::relations {

class VerbRelations {
 public:
  explicit VerbRelations(RelationSentence& sentence) : s_(sentence) {}

  // Adds the relations stated by the sentence's verb groups, in text order.
  void Run();

 private:
  // The object a verb group takes, and whether "par" / "by" came before it.
  struct ObjectSearch {
    int object = -1;
    bool by_agent = false;
  };

  bool StatesRelation(const VerbGroup& g) const;
  int SubjectOf(const std::vector<VerbGroup>& groups, size_t gi) const;
  int ClauseSubject(size_t start, size_t left_limit) const;
  ObjectSearch FindObject(const VerbGroup& g, size_t right_limit) const;
  std::vector<size_t> ObjectsFrom(size_t object, size_t right_limit) const;
  void AddFromAgents(const VerbGroup& g, int subject, const std::vector<size_t>& agents);
  void AddFromSubjects(const VerbGroup& g, size_t subject, const std::vector<size_t>& objects);

  std::vector<size_t> Coordinated(size_t m, bool right) const;
  std::vector<size_t> CoordinatedRight(size_t m) const { return Coordinated(m, true); }
  std::vector<size_t> CoordinatedLeft(size_t m) const { return Coordinated(m, false); }
  bool Prepositional(size_t m) const;
  int RelativeAntecedent(const VerbGroup& g) const;

  RelationSentence& s_;
};

}  // namespace kg::relations

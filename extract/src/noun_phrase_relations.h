// Internal to the word-pattern relation finder: relations a noun phrase
// states between neighbouring names of one sentence ("les puces H800 de
// Nvidia" -> produit_de, "Roy Chua, fondateur du cabinet AvidThink",
// "DeepSeek, basée à Canton", "les tensions entre Washington et Pékin").
//
// Usage: NounPhraseRelations(sentence).Run(), before the verb patterns.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "relation_sentence.h"

namespace kg::relations {

class NounPhraseRelations {
 public:
  explicit NounPhraseRelations(RelationSentence& sentence) : s_(sentence) {}

  // Adds the relations of neighbouring mentions, then those of "entre X et Y".
  void Run();

 private:
  // Patterns for mentions m and n = m + 1 with tokens [gap_start, gap_end)
  // between them: true when the pattern applies (and has added its relation).
  bool MakerThenProduct(size_t m, size_t n, size_t gap_start, size_t gap_end);
  bool ProductOfMaker(size_t m, size_t n, size_t gap_start, size_t gap_end);
  bool RoleOrPartAfterComma(size_t m, size_t n, size_t gap_start, size_t gap_end);
  bool BasedAt(size_t m, size_t n, size_t gap_start, size_t gap_end);
  bool PlaceThenRegion(size_t m, size_t n, size_t gap_start, size_t gap_end);
  bool PlacesListedAfter(size_t n) const;
  bool OrgRolePerson(size_t m, size_t n, size_t gap_start, size_t gap_end);
  bool PersonAndOrgInParens(size_t m, size_t n, size_t gap_start, size_t gap_end);
  bool UnitOfInstitution(size_t m, size_t n, size_t gap_start, size_t gap_end);
  bool RoleOfOrgThenPerson(size_t m, size_t n, size_t gap_start, size_t gap_end);
  bool RoleHasHolderBefore(size_t k) const;

  void NeighbourRelations();
  void BetweenRelations();
  std::string NounLemma(std::string_view w);

  RelationSentence& s_;
};

}  // namespace kg::relations

// Internal to the entity recognizer: the name candidates of one sentence, in
// text order — quoted titles, acronym long forms, names opened by an initial
// or a lower-case head, gazetteer phrases and runs of capitalised words —
// each trimmed, filtered (MentionFilter) and given its type votes (TypeVotes).
//
// Usage:
//   SentenceContext sentence(text, sentences[s], s, lex, morph, &spellings, english);
//   CandidateScanner scanner(sentence);
//   scanner.Scan(&candidates);
//
// Thread safety: none (one per sentence, on the recognizer's thread).
#pragma once

#include <initializer_list>
#include <vector>

#include "candidate.h"
#include "gazetteer_match.h"
#include "mention_filter.h"
#include "name_extent.h"
#include "name_words.h"
#include "sentence_context.h"
#include "type_votes.h"

namespace kg::recognition {

class CandidateScanner {
 public:
  explicit CandidateScanner(const SentenceContext& sentence)
      : s_(sentence), gazetteer_(sentence), words_(sentence, gazetteer_), extent_(sentence, words_, gazetteer_),
        filter_(sentence, words_, gazetteer_), votes_(sentence, words_) {}

  // Appends the sentence's candidates to `out`.
  void Scan(std::vector<Candidate>* out) const;

 private:
  size_t ScanInitialName(size_t i, std::vector<Candidate>* out) const;
  using Rule = size_t (CandidateScanner::*)(size_t, std::vector<Candidate>*) const;
  size_t FirstRule(std::initializer_list<Rule> rules, size_t i, std::vector<Candidate>* out) const;
  size_t ScanLowerHeadName(size_t i, std::vector<Candidate>* out) const;
  size_t ScanName(size_t i, int gaz, size_t gaz_end, std::vector<Candidate>* out) const;
  size_t QuotedTitle(size_t i, std::vector<Candidate>* out) const;
  size_t WorkNounBefore(size_t i) const;
  size_t NumberedDistrict(size_t i, std::vector<Candidate>* out) const;
  size_t EditionYear(size_t end) const;
  size_t DatedElection(size_t i, std::vector<Candidate>* out) const;
  size_t BeautyPageant(size_t i, std::vector<Candidate>* out) const;
  size_t PartyPrimary(size_t i, std::vector<Candidate>* out) const;
  bool LowerHeadAt(size_t i) const;
  bool InFrenchCapitalsRun(size_t i) const;
  bool CommonWordInCapitals(size_t i) const;
  bool ProsecutorsRepublic(size_t i) const;
  size_t UnquotedTitle(size_t i, std::vector<Candidate>* out) const;
  bool EmitVoted(size_t first, size_t last, EntityType type, float weight, std::vector<Candidate>* out) const;
  bool PlaceEdition(int media, int place) const;
  bool EndsTitlePhrase(size_t i) const;
  bool DefinesAcronym(size_t first, size_t last) const;
  size_t ExtendToAcronym(size_t first, size_t last) const;
  size_t ParticleSurnameStart(size_t first) const;
  size_t SplitOrgCode(size_t i, size_t end) const;
  size_t CarModelEnd(size_t maker_end) const;
  bool ModelNumber(size_t k) const;
  static bool IsYear(std::string_view t);
  bool LooksLikePerson(size_t first, size_t last) const;
  void Emit(size_t first, size_t last, int gaz, std::vector<Candidate>* out) const;

  const SentenceContext& s_;
  GazetteerMatcher gazetteer_;
  NameWords words_;
  NameExtender extent_;
  MentionFilter filter_;
  TypeVotes votes_;
};

}  // namespace kg::recognition

// Internal to the entity recognizer: a candidate's type votes from one
// mention — its gazetteer entry, a title before it, its shape (heads,
// suffixes, a person's name), a results table, and the words around it.
// Entity resolution adds up the votes of all of an entity's mentions.
//
// Usage:
//   TypeVotes votes(sentence, words);
//   votes.Cast(first, last, titled, &candidate);
//
// Thread safety: none (NameWords caches on the words).
#pragma once

#include <string_view>

#include "candidate.h"
#include "name_words.h"
#include "sentence_context.h"

namespace kg::recognition {

class TypeVotes {
 public:
  TypeVotes(const SentenceContext& sentence, const NameWords& words) : s_(sentence), words_(words) {}

  // Adds the votes of the mention first..last (`titled`: a title was
  // trimmed off its front) to `cand`.
  void Cast(size_t first, size_t last, bool titled, Candidate* cand) const;

 private:
  bool PlatformHere(size_t first, int gaz) const;
  bool TitleBefore(size_t first) const;
  bool DateFollows(size_t last) const;
  void ShapeVotes(size_t first, size_t last, Candidate* c) const;
  void GroupAndQuarterVotes(size_t first, size_t last, Candidate* c) const;
  void HeadVotes(size_t first, size_t last, size_t words, std::string_view head, Candidate* c) const;
  void PersonVotes(size_t first, size_t last, size_t words, std::string_view head, Candidate* c) const;
  void FullNameVotes(size_t first, size_t last, size_t words, std::string_view head, const WordInfo& fi,
                     bool first_name, Candidate* c) const;
  void OneNameVotes(size_t first, size_t last, const WordInfo& fi, bool first_name, Candidate* c) const;
  void AfterVotes(size_t last, Candidate* c) const;
  void ContextVotes(size_t first, Candidate* c) const;

  const SentenceContext& s_;
  const NameWords& words_;
};

}  // namespace kg::recognition

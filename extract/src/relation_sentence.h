// Internal to the word-pattern relation finder: one sentence as its three
// finders (verb patterns, noun-phrase patterns, co-occurrences) read it, and
// the relations they have found in it so far.
//
// Usage (RelationExtractor::Run): make one per sentence with two mentions or
// more, tell it the pairs already related, run the finders on it in order,
// then move its results out.
//
// Requires: at least two mentions, all of this sentence, in text order; the
// referenced text, tokens, mentions, entities, lexicon and morphology outlive it.
// Ensures: each unordered pair of entities gets at most one stated relation
// (Add), counting the pairs already related; co-occurrences are recorded as given.
// Thread safety: none (it looks words up in a Morphology).
#pragma once

#include <cstdint>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "kg/extract/document.h"
#include "kg/extract/lexicon.h"
#include "kg/extract/morphology.h"
#include "kg/extract/recognizer.h"
#include "sentence_view.h"

namespace kg::relations {

class RelationSentence {
 public:
  using Pair = std::pair<uint32_t, uint32_t>;  // entities, the smaller first

  RelationSentence(std::string_view text, const SentenceTokens& s, uint32_t index, const Lexicon& lex,
                   Morphology& morph, const std::vector<Mention>& mentions, const std::vector<DocEntity>& entities,
                   bool english);

  // Pairs related before (by the tree finder): Add skips them.
  void AlreadyRelated(const std::set<Pair>& pairs) { related_ = pairs; }

  const std::vector<Token>& tokens() const { return view_.toks; }
  const std::vector<Mention>& mentions() const { return ms_; }
  const Lexicon& lex() const { return view_.lex; }
  Morphology& morph() const { return view_.morph; }
  // A question (ends with "?", or with "?" and a closing mark): no verb relations.
  bool question() const { return question_; }
  bool english() const { return view_.english; }

  // The lower-case form of token k.
  std::string_view lower(size_t k) const { return lower_[k]; }
  // Whether token k is of one of the word classes `c` (kWordClasses bits).
  bool Is(size_t k, uint32_t c) const { return classes_[k] & c; }
  // The mention token k is part of, or -1.
  int mention_at(size_t k) const { return mention_at_[k]; }
  EntityType TypeOf(size_t m) const { return ents_[ms_[m].entity].type; }
  uint32_t EntityOf(size_t m) const { return ms_[m].entity; }
  // Whether mention m is a medium or a platform named where one speaks or
  // posts, for a verb before it: after an outlet preposition ("sur France
  // Inter", "sur son compte Instagram", "à l'AFP", "on CNN";
  // Lexicon::IsOutlet, IsOutletCase).
  bool SpokenOn(size_t m) const;

  // Morphology::Lookup(lower(k)), remembered on the word.
  const WordInfo& LowerReading(size_t k) const { return view_.tokens.WordAt(view_.text, k)->LowerInfo(view_.morph); }
  // The reading of token k in the sentence's language.
  const WordInfo& Info(size_t k) { return view_.english ? view_.morph.LookupEnglish(lower_[k]) : LowerReading(k); }
  // A conjugated verb at token k (see the definition for nouns that are also verbs).
  bool IsFiniteVerb(size_t k);
  // Whether a verb reading is one of the sentence's language: in English a
  // verb of data/en_verbs.tsv, an auxiliary or a modal auxiliary ("will":
  // modal and light in data/relations.tsv), never a French reading of an
  // English word ("police": policer, "due": devoir, "refuse": refuser).
  bool VerbOfLanguage(const WordInfo& w) const {
    return !view_.english || w.english_verb || w.auxiliary ||
           (view_.lex.IsModalVerb(w.verb_lemma) && view_.lex.IsLightVerb(w.verb_lemma));
  }

  // Relates the entities of mentions src and dst by `label`, unless they are
  // one entity or the pair is related already.
  void Add(size_t src_mention, size_t dst_mention, std::string_view label);
  // Whether entity pair `key` has a stated relation (from before or from Add).
  bool Related(const Pair& key) const { return related_.count(key) > 0; }
  // Records a co-occurrence edge between entities a and b.
  void AddCooccurrence(uint32_t a, uint32_t b);

  // Appends the relations found, in the order found.
  void MoveResultsTo(std::vector<DocRelation>* out);

 private:
  void Record(uint32_t source, uint32_t target, std::string_view label, EdgeKind kind);

  SentenceView view_;
  const std::vector<Mention>& ms_;
  const std::vector<DocEntity>& ents_;
  std::vector<int> mention_at_;
  std::vector<std::string_view> lower_;  // the words' lower-case forms
  std::vector<uint32_t> classes_;        // their kWordClasses bits
  bool question_ = false;
  std::set<Pair> related_;
  std::vector<DocRelation> found_;
};

}  // namespace kg::relations

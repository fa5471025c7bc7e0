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

// The weight of each type vote, by the rule that casts it (the type in
// brackets). Entity resolution adds up the votes of all of an entity's
// mentions; a built-in gazetteer entry gives kGazetteerVote (10).
struct VoteWeights {
  // The gazetteer, titles, the sentence.
  float user_entry = 1000;               // a user's gazetteer entry: its type, whatever else says
  float platform = kGazetteerVote + 2;   // "sur Twitter": a company's name naming its platform (product)
  float title = 4;                       // "M. Dupont", "le président X", "la chanteuse belge X" (person)
  float initial = 6;                     // "K. Barnett": an initial opening a name (person)
  float dispatch = 12;                   // "LONDON 1996-08-30" opening a dispatch (location)
  float team = 20;                       // a place in a results table or a fixture line: its team (organisation)
  float quoted_title = 6;                // l'émission « Top Chef »: the type the noun before announces (other, product)
  // The name's words, head and suffix.
  float group = 8;                       // "Kurds", "Iraqi Kurdish": a group of people (other)
  float quarter = 4;                     // "Caroline du Nord": a place and its quarter (location)
  float place_infix = 3;                 // "Bagnols-sur-Cèze": one word around "-sur-", "-en-"... (location)
  float saint_prefix = 2;                // "Saint-Étienne" (location)
  float org_head = 5;                    // "Banque de France": an organisation's head word (organisation)
  float event_head = 6;                  // "ouragan Dorian", "loi Alimentation": a head naming an event (other)
  float place_head = 5;                  // "lac Léman", "Golfe du Mexique": a place's head word (location)
  float district = 6;                    // "le 16e arrondissement": a numbered district (location)
  float org_suffix = 5;                  // "Toyota Motor Corp" (organisation)
  float generation = 5;                  // "Al Unser Jr", "Charles III" (person)
  float place_suffix = 5;                // "Trent Bridge", "Hudson River" (location)
  float event_suffix = 6;                // "World Cup", "Hong Kong Open" (other)
  float code = 3;                        // "H800", "Llama 3": a code or digits (product)
  // The shape of a person's name.
  float first_name = 4;                  // a first name opening two to four capitalised words (person)
  float surname = 2;                     // the last of those words a known surname (person)
  float unknown_pair = 1;                // two capitalised words no dictionary knows (person)
  float saint_place = 2;                 // "San Juan Opico", "St Albans": a saint's name (location)
  float plain_words = 2;                 // two or three capitalised words, none common or known (person)
  float particle = 2;                    // "Aravinda de Silva", "Maarten van Bakker" (person)
  float lone_surname = 1;                // a known surname alone (person)
  float gaelic = 2;                      // "McAteer", "O'Brien" (person)
  float surname_ending = 1.5f;           // "Panayiotopoulos", "Gomez", a word no dictionary knows (person)
  float lone_first_name = 1.5f;          // a first name alone, no surname (person)
  float acronym = 1;                     // one all-caps word (organisation)
  // The words after the name.
  float age = 4;                         // "X, 45 ans," (person)
  float role = 3;                        // "X, ministre de ...", "X, le fondateur de ..." (person)
  // The words before the name.
  float at_place = 1;                    // "at Headingley", "near Lockerbie": one word (location)
  float region = 1.5f;                   // "dans le Latium", "dans l'Aveyron": one word (location)
  float place_after_preposition = 1.5f;  // "à Paris", "en Chine", "in London": one word (location)
  float words_after_preposition = 0.5f;  // "à Emmanuel Macron": several words (location)
  float place_noun = 3.5f;               // "la ville de Falerii Novi", "la région de Kherson" (location)
  float cue = 3;                         // "la société X": the type a noun shortly before announces
  float product_cue = 2;                 // "l'application X" (product; a company's name too)
};
inline constexpr VoteWeights kWeights;

class TypeVotes {
 public:
  TypeVotes(const SentenceContext& sentence, const NameWords& words) : s_(sentence), words_(words) {}

  // Adds the votes of the mention first..last (`titled`: a title was
  // trimmed off its front) to `cand`.
  void Cast(size_t first, size_t last, bool titled, Candidate* cand) const;

 private:
  bool PlatformHere(size_t first, int gaz) const;
  bool TitleBefore(size_t first) const;
  bool InPluralTitleList(size_t k) const;
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

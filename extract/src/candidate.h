// Internal to the entity recognizer: a name candidate, as the sentence
// scanner (CandidateScanner, candidate_scanner.cc) finds it and entity resolution
// (entity_resolution.cc) joins candidates into a document's entities.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kg/extract/document.h"
#include "kg/extract/lexicon.h"
#include "kg/extract/morphology.h"
#include "kg/extract/recognizer.h"

namespace kg::recognition {

struct Candidate {
  uint32_t sentence = 0;
  uint32_t first = 0;
  uint32_t last = 0;
  std::string surface;
  std::string key;       // MergeKey(surface)
  bool weak = false;     // needs confirmation elsewhere in the document
  // An organisation's head word standing for the one name of the document it
  // opens ("l'Assemblée"): a mention of that name, not one of its forms.
  bool head_word = false;
  // A shorter name written inside this one for the same thing, which other
  // documents may use alone ("présidentielle de 2022" in "l'élection
  // présidentielle de 2022"): a form of the entity, so that the graph joins them.
  std::string short_form;
  int gazetteer = -1;
  std::array<float, kEntityTypeCount> votes{};
  int cluster = -1;
};

inline void Vote(Candidate* c, EntityType t, float w) { c->votes[static_cast<int>(t)] += w; }

constexpr float kGazetteerVote = 10.f;  // what a built-in gazetteer entry gives its type

// The lower-case form is a common word of French (accents restored on a
// capital that lost them: "Ecrivain" -> "écrivain", "Etat" -> "état") or of English.
bool IsKnownCommon(Morphology& morph, std::string_view word);

// A document's candidates (in text order) as entities, in order of first
// mention, and their mentions: acronyms defined in parentheses, weak
// candidates confirmed elsewhere, clusters of one name or gazetteer entry,
// short forms joined to their longer names, types decided, labels chosen.
void ResolveEntities(std::string_view text, const std::vector<SentenceTokens>& sentences, const Lexicon& lex,
                     Morphology& morph, bool english, std::vector<Candidate> cands, std::vector<DocEntity>* entities,
                     std::vector<Mention>* mentions);

}  // namespace kg::recognition

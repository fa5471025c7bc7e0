// Relations read from dependency trees (kg/extract/syntax.h): for every pair
// of entity mentions in a sentence, the path between their head words —
// from each mention up to their lowest common ancestor — is matched against
// a table of path patterns (data/<lang>/paths_<lang>.tsv), which gives the
// relation's label and direction.
//
//   PathRules rules = PathRules::Parse(data, "paths_fr.tsv");   // StatusOr
//   PathMatch match;
//   if (MatchPath(rules, parsed, a, b, a_type, b_type, &match)) ...
//
// The "tree-relations" annotator (kg/extract/annotators.h) runs it over the
// mentions of every parsed sentence.
//
// A pattern row: side_a, ancestor, side_b, label, direction, a_types, b_types.
// A side lists the dependency relations from the mention's head up to the
// ancestor ("nsubj", "obj xcomp", "." when the mention is the ancestor);
// "obl*" matches obl and its subtypes, "appos()" an apposition in
// parentheses. The ancestor is a UPOS or "*". The
// label is a template: {lca} the ancestor's lemma, {a1} / {b1} the lemma
// of the word just above a mention's head, {bcase} / {acase} the preposition
// of the word on that side right under the ancestor ("dans" in "investit
// dans X"); "ab" or "ba" says which side is the source.
//
// Thread safety: functions of their arguments; rules are shared read-only.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kg/base/status.h"
#include "kg/extract/document.h"
#include "kg/extract/recognizer.h"
#include "kg/extract/syntax.h"

namespace kg {

struct PathRule {
  std::vector<std::string> side_a, side_b;
  std::string ancestor = "*";
  std::string label;
  bool reverse = false;
  uint32_t a_types = 0x1F, b_types = 0x1F;  // bit per EntityType
};

// A set of words that a string_view finds without a copy.
using WordSet = std::set<std::string, std::less<>>;

struct PathRules {
  std::vector<PathRule> rules;
  WordSet negations;     // "neg" rows: lemmas that negate their head (pas, jamais, not)
  WordSet vague;         // "vague" rows: lemmas too vague for a label alone (être, avoir)
  // "vague-case" rows: prepositions whose complement states no relation
  // with the rest ("selon X": a source; "sauf X": an exception): a mention
  // whose head word takes one relates to nothing in the tree.
  WordSet vague_cases;
  // "time-case" rows: prepositions of a phrase of time on a noun ("depuis
  // l'arrivée de X", "lors de la visite de X"): a name completing that noun
  // relates to nothing outside the phrase.
  WordSet time_cases;
  // "time-noun" rows: nouns of a time (printemps, matin, lundi): a place
  // the parser hangs under one ("condamné au printemps à New York") is
  // where the event happened, under the time's own head (PlaceUnderTime).
  WordSet time_nouns;
  // Words of the name-arc repairs (RepairNameArcs): "near" rows, the words a
  // place is said near by (près, sud); "from" rows, prepositions of an origin
  // or of a complement (de, depuis); "within" rows, of a place one is in (à, dans);
  // "region" rows, of the region named after a place and a comma (dans, en);
  // "role" rows, nouns naming a person by a tie to another (acolyte, homologue).
  WordSet near_words, from_prepositions, within_prepositions, region_prepositions, role_nouns, titles;
  // "place" rows: labels made of a noun of a kind of place ("province_de":
  // "à Totalán, dans la province de Malaga"), which between two places say
  // that one lies in the other: they become the "in" row's label (situé_à).
  WordSet place_labels;
  // "place-noun" rows: nouns of a kind of place that make no "place" label
  // (capitale): their labels, like the place labels, name a place.
  WordSet place_nouns;
  // "office" rows: a role noun and the institution it heads (ministre,
  // ministère): "le ministre de l'Intérieur Christophe Castaner" heads the
  // document's "ministère de l'Intérieur" (RoleInstitutions).
  std::map<std::string, std::string> offices;
  // Whether `label` says its source is a place ("ville_de", "capitale_de").
  bool NamesPlace(const std::string& label) const;
  std::string in_label;
  // The "product" row: the label of a product's tie to its maker (produit_de).
  std::string product_label;
  static StatusOr<PathRules> Parse(std::string_view tsv, const std::string& where);
};

// The rules compiled into kg for a language ("fr", "en").
const PathRules& BuiltinPathRules(std::string_view language);

// A mention as words of a parsed sentence (0-based, inclusive) and its head word.
struct TreeMention {
  int first = 0, last = 0, head = 0;
  uint32_t entity = 0;
  bool via = false;  // a pronoun or description resolved to the entity
};

// The relation a rule gives a pair, if any: label, and whether b is the source.
struct PathMatch {
  std::string label;
  bool reverse = false;
  int lca = -1;  // the word the path goes up to
};
// The lemma of each word's preposition (its first case or mark child), or
// "": views of the sentence's lemmas.
std::vector<std::string_view> CasesOf(const UdSentence& s);
// `cases`: CasesOf(s), when the caller matches many pairs of one sentence
// (computed here if null).
bool MatchPath(const PathRules& rules, const UdSentence& s, const TreeMention& a, const TreeMention& b,
               EntityType a_type, EntityType b_type, PathMatch* match,
               const std::vector<std::string_view>* cases = nullptr);
// MatchPath from a to b, else from b to a with `reverse` flipped.
bool MatchEitherWay(const PathRules& rules, const UdSentence& s, const TreeMention& a, const TreeMention& b,
                    EntityType a_type, EntityType b_type, PathMatch* match,
                    const std::vector<std::string_view>* cases = nullptr);

// Arcs a parser that did not know the names drew across them, redrawn:
// a person "flat" under another name is an apposition to the role that name
// specifies ("la maire de Landivisiau Laurence Claisse"), or to that name
// when a preposition introduces it ("à l'AFP Carlito Abriz": no member of
// the agency); a name coordinated after a comma without a conjunction is
// the other's modifier when its preposition differs ("à La Ciotat, dans
// les Bouches-du-Rhône"), or an apposition to the role the other specifies
// ("l'avocate d'Harvey Weinstein, Phyllis Kupferstein"); of two places
// around one verb, next to each other with different prepositions, the
// second is the first's ("dans la rue des Banques à Doha"); a place said
// near another right after it hangs on it as nmod:near ("à Lescar, près
// de Pau"); a person after a role, its holder and a comma is the role's
// apposition ("l'acolyte de Dorothée, François Corbier"; roles are the
// person heads of `coref` and the "role" rows of `rules`), and a role
// right after a person and a comma that the parser coordinated elsewhere
// is the person's ("lance Ian Brossat, l'adjoint d'Anne Hidalgo"). `types`
// holds each mention's entity type.
struct CorefLexicon;
void RepairNameArcs(const PathRules& rules, const CorefLexicon& coref, UdSentence* sentence,
                    const std::vector<TreeMention>& mentions, const std::vector<EntityType>& types);

// The word standing for a mention whose head word is `head` in the tree: a
// common noun right before the name that the name only specifies ("la
// société X", "les puces H800"), or a place noun of `coref`'s "naming" rows
// whose "de" complement the name is ("la province du Liaoning", "la
// commune associée de Lomme"), else `head`. A `person`'s name hung on a
// capitalised domain noun stands for the role that noun completes ("le
// ministre de l'Intérieur Christophe Castaner": ministre).
int LiftedHead(const UdSentence& s, int first, int last, int head, const CorefLexicon& coref, bool person = false);

}  // namespace kg

// Coreference, precision first: subject and object pronouns (il, elle, le,
// lui; he, she, him),
// possessive determiners (son, sa, ses; his, her, its) and
// definite or demonstrative descriptions with a role or kind head
// ("l'actrice", "le constructeur", "cette ville"; "the company") are
// resolved to the most recent entity named in the last sentences whose
// type fits the word and whose gender (from the first names of the French
// dictionary) does not contradict it. The words come from
// data/<lang>/coref_<lang>.tsv.
//
//   const CorefLexicon& lex = BuiltinCoref("fr");
//   std::vector<TreeMention> r = ResolveReferences(lex, parsed, named, recent);
//
// Thread safety: functions of their arguments.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kg/base/status.h"
#include "kg/extract/document.h"
#include "kg/extract/syntax.h"
#include "kg/extract/tree_relations.h"

namespace kg {

enum class Gender : uint8_t { kUnknown, kMasculine, kFeminine };

struct CorefWord {
  EntityType type = EntityType::kPerson;
  Gender gender = Gender::kUnknown;
  bool any_owner = false;  // a possessive: a person or an organisation, of any gender
};

struct CorefLexicon {
  // Word maps found by a string_view without a copy.
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  using WordMap = std::unordered_map<std::string, CorefWord, ViewHash, std::equal_to<>>;
  WordMap pronouns, heads, possessives, objects;
  // "list" rows: what may stand between the names of a list ("," "et" "et
  // donc"): a name in a list of three or more is no sentence's topic.
  std::set<std::string, std::less<>> list_joiners;
  // "naming" rows: place nouns whose "de" complement names the place itself
  // ("la ville de Chennai", "the city of Chennai"): no description then.
  std::set<std::string, std::less<>> naming_heads;
  // "kin" rows: nouns of kinship ("son épouse", "sa fille", "son
  // coéquipier"): a possessive on them has a person for owner.
  std::set<std::string, std::less<>> kin_nouns;
  // "named" rows: heads that institutions carry in their names ("le
  // tribunal" is a "tribunal ..." named before, not any organisation).
  std::set<std::string, std::less<>> named_heads;
  static StatusOr<CorefLexicon> Parse(std::string_view tsv, const std::string& where);
  // Whether a lower-case word may start a reference (a pronoun or a head);
  // a token ending in a subject pronoun after a hyphen may too ("a-t-il",
  // "dit-elle": the parser reads the pronoun as a word of its own).
  bool MayRefer(std::string_view lower) const {
    if (referring_.find(lower) != referring_.end()) return true;
    const size_t dash = lower.rfind('-');
    return dash != std::string_view::npos && dash > 0 && pronouns.find(lower.substr(dash + 1)) != pronouns.end();
  }

 private:
  // The words of pronouns, heads, possessives and objects (Parse).
  std::unordered_set<std::string, ViewHash, std::equal_to<>> referring_;
};

const CorefLexicon& BuiltinCoref(std::string_view language);

// An entity named earlier, most recent last.
struct NamedBefore {
  uint32_t sentence = 0;
  uint32_t entity = 0;
  EntityType type = EntityType::kOther;
  Gender gender = Gender::kUnknown;
  bool listed = false;  // one of three names or more in a list: not the sentence's topic
};

// How far back (in sentences) an antecedent is looked for.
constexpr uint32_t kCorefWindow = 3;

// Whether an entity of `type` and `gender` may be what `ref` refers to.
bool FitsReference(const CorefWord& ref, EntityType type, Gender gender);

// The entity the sentences before sentence `index` (within kCorefWindow)
// offer `ref`: the first fitting mention of the most recent one naming a
// fitting entity outside a list; -1 if none.
int EarlierAntecedent(const CorefWord& ref, uint32_t index, const std::vector<NamedBefore>& before);

// The references in parsed sentence `index` resolved to entities: one
// TreeMention (with `via` set) per pronoun or description found. `named`
// are the sentence's own entity mentions (they come before a reference in
// the sentence count as antecedents); `before` the entities named earlier.
std::vector<TreeMention> ResolveReferences(const CorefLexicon& lexicon, const UdSentence& s, uint32_t index,
                                           const std::vector<TreeMention>& named,
                                           const std::vector<NamedBefore>& before,
                                           const std::vector<DocEntity>& entities,
                                           const std::vector<Gender>& genders);

}  // namespace kg

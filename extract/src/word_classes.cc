#include "word_classes.h"

#include <stdexcept>
#include <utility>

#include "lexicon_data.h"
#include "tsv_rows.h"

namespace kg {
namespace {

constexpr std::pair<std::string_view, WordClass> kNames[] = {
    {"glued-starter", WordClass::kGluedStarter},
    {"opening-punct", WordClass::kOpeningPunct},
    {"name-connector", WordClass::kNameConnector},
    {"name-particle", WordClass::kNameParticle},
    {"complement-preposition", WordClass::kComplementPreposition},
    {"list-joiner", WordClass::kListJoiner},
    {"location-preposition", WordClass::kLocationPreposition},
    {"clause-boundary", WordClass::kClauseBoundary},
    {"determiner", WordClass::kDeterminer},
    {"preposition", WordClass::kPreposition},
    {"negation-start", WordClass::kNegationStart},
    {"negation-end", WordClass::kNegationEnd},
    {"clitic", WordClass::kClitic},
    {"subject-pronoun", WordClass::kSubjectPronoun},
    {"of-word", WordClass::kOfWord},
    {"linking-adverb", WordClass::kLinkingAdverb},
    {"elision-prefix", WordClass::kElisionPrefix},
    {"name-suffix", WordClass::kNameSuffix},
    {"sentence-opener", WordClass::kSentenceOpener},
    {"name-prefix", WordClass::kNamePrefix},
    {"cardinal-point", WordClass::kCardinalPoint},
    {"town-preposition", WordClass::kTownPreposition},
    {"region-preposition", WordClass::kRegionPreposition},
    {"region-noun", WordClass::kRegionNoun},
    {"world-noun", WordClass::kWorldNoun},
    {"kin-noun", WordClass::kKinNoun},
    {"plural-title", WordClass::kPluralTitle},
    {"work-noun", WordClass::kWorkNoun},
    {"not-alone", WordClass::kNotAlone},
    {"particle-title", WordClass::kParticleTitle},
    {"district", WordClass::kDistrict},
    {"maker-word", WordClass::kMakerWord},
    {"sport", WordClass::kSport},
    {"election-kind", WordClass::kElectionKind},
    {"member-body", WordClass::kMemberBody},
    {"carmaker", WordClass::kCarmaker},
    {"not-model", WordClass::kNotModel},
    {"count-noun", WordClass::kCountNoun},
    {"prosecutor", WordClass::kProsecutor},
    {"party-primary", WordClass::kPartyPrimary},
    {"pair-separator", WordClass::kPairSeparator},
    {"definite", WordClass::kDefinite},
};

// The classes read from the embedded table (its words live as long as kg).
std::array<WordList, std::size(kNames)> LoadClasses() {
  std::array<WordList, std::size(kNames)> classes;
  Status read = ForEachTsvRow(data::word_classes_tsv, "data/word_classes.tsv",
                              [&](const std::vector<std::string_view>& row) -> std::string {
                                if (row.size() != 2 || row[1].empty()) return "expected class<TAB>word";
                                for (const auto& [name, c] : kNames) {
                                  if (row[0] != name) continue;
                                  classes[static_cast<size_t>(c)].Add(row[1]);
                                  return "";
                                }
                                return "unknown word class '" + std::string(row[0]) + "'";
                              });
  if (!read.ok()) throw std::logic_error(read.message());  // embedded data: caught by the tests
  return classes;
}

}  // namespace

bool InWordClass(WordClass c, std::string_view w) {
  static const std::array<WordList, std::size(kNames)> classes = LoadClasses();
  return classes[static_cast<size_t>(c)].Has(w);
}

}  // namespace kg

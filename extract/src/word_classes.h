// Internal: small closed classes of French and English function words used by
// the recognizer, the tokenizer and the relation extractor (the classes'
// words are data/word_classes.tsv).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

// A fixed word list looked up among the words of the same length only.
class WordList {
 public:
  WordList() = default;
  template <size_t N>
  explicit WordList(const std::string_view (&words)[N]) {
    for (std::string_view w : words) Add(w);
  }
  // `w` must outlive the list.
  void Add(std::string_view w) { by_size_[std::min(w.size(), kLongest)].push_back(w); }
  bool Has(std::string_view w) const {
    for (std::string_view k : by_size_[std::min(w.size(), kLongest)]) if (k == w) return true;
    return false;
  }

 private:
  static constexpr size_t kLongest = 15;  // longer words share the last bucket
  std::array<std::vector<std::string_view>, kLongest + 1> by_size_;
};

// The closed classes of data/word_classes.tsv.
enum class WordClass : uint8_t {
  kGluedStarter,           // "Au", "La", "Selon": glued to the word before by lost breaks ("SNCFLa SNCF")
  kOpeningPunct,           // « ( — : after which a word starts a sentence-like unit
  kNameConnector,          // de, la, von, of: joins the parts of a name ("Banque de France")
  kNameParticle,           // de, von, bin: inside a person's name after a first name ("Charles de Gaulle")
  kComplementPreposition,  // de, par, with: a following name is its complement ("les puces de Nvidia")
  kListJoiner,             // , et, or: joins the items of a list of names
  kLocationPreposition,    // à, en, in: puts a place after it ("à Paris")
  // The word-pattern relation finder's:
  kClauseBoundary,  // que, mais, ; : which, because: ends the clause a verb governs
  kDeterminer,      // le, ces, leurs, the, its
  kPreposition,     // de, pour, selon, of, against
  kNegationStart,   // ne, n’
  kNegationEnd,     // pas, jamais, not, n’t
  kClitic,          // se, lui, y, en: between a subject and its verb
  kSubjectPronoun,  // il, on, cela, they
  kOfWord,          // de, chez, of: attaches a complement to a role or part noun
  kLinkingAdverb,   // aussi, ensuite, also
  // The tokenizer's and the recognizer's English:
  kElisionPrefix,   // l, qu, jusqu: the elided word before an apostrophe
  kNameSuffix,      // based, owned: hyphenated after a name, not part of it ("Paris-based")
  kSentenceOpener,  // the, yesterday: opens sentences, not a name's first word
  kNamePrefix,      // ex, anti, pro: hyphenated before a name, not part of it ("ex-LREM")
  kCardinalPoint,   // Nord, Sud-Est: after a place ("Caroline du Nord")
  // A town, a comma, then its region ("à La Ciotat, dans les Bouches-du-Rhône"):
  kTownPreposition,    // à, de: before the town
  kRegionPreposition,  // dans, en, au: before the region
  kRegionNoun,         // département, région: the kind of region before its name
  kWorldNoun,          // champion, coupe: "du Monde" after it is the world, not Le Monde
  kKinNoun,            // épouse, frère, ambassadeur: written in lower case, a person's name follows
  kWorkNoun,           // émission, film, roman: a work's title follows, capitalised, often in common words
  kPluralTitle,        // mm, mmes, messieurs (lower case, without a dot): a list of people's names follows
  kNotAlone,           // Sept, Fourth, GT: capitalised words that alone name nothing
  kParticleTitle,      // général, comte, m: a surname's particle follows ("le général de Gaulle")
  kDistrict,           // arrondissement: after an ordinal, a numbered district ("le 16e arrondissement")
  kMakerWord,          // motors: after a known company's name, the same company ("Tesla Motors")
  kSport,              // football, rugby: after a known event, that sport's ("la Coupe du monde de rugby")
  kElectionKind,       // présidentielle, municipales: with a year, an election ("la présidentielle de 2017")
  kMemberBody,         // cour, conseil, commission: institutions whose members a name may follow
  kCarmaker,           // renault, porsche: makers whose models are named after them
  kNotModel,           // cars, group, sport: after a carmaker, a company or division, no model
  kCountNoun,          // milliards, ans: after a number, what it counts
  kProsecutor,         // procureur: "de la République" after it names no place
  kPartyPrimary,       // socialiste, démocrate: after "primaire", a party's primary election
  kPairSeparator,      // et, mais, que, and, while: between two names, they are rarely related
  kDefinite,           // le, du, cette, the: a definite or demonstrative determiner
};

// Whether `w` (as written) is one of the class's words.
bool InWordClass(WordClass c, std::string_view w);

inline bool IsGluedStarter(std::string_view w) { return InWordClass(WordClass::kGluedStarter, w); }
inline bool IsOpeningPunct(std::string_view p) { return InWordClass(WordClass::kOpeningPunct, p); }
inline bool IsNotAlone(std::string_view w) { return InWordClass(WordClass::kNotAlone, w); }
inline bool IsNameConnector(std::string_view w) { return InWordClass(WordClass::kNameConnector, w); }
inline bool IsNameParticle(std::string_view w) { return InWordClass(WordClass::kNameParticle, w); }
inline bool IsComplementPreposition(std::string_view w) {
  return InWordClass(WordClass::kComplementPreposition, w);
}
inline bool IsListJoiner(std::string_view w) { return InWordClass(WordClass::kListJoiner, w); }
inline bool IsLocationPreposition(std::string_view w) { return InWordClass(WordClass::kLocationPreposition, w); }

// "l’" -> "l", used before looking a word up.
inline std::string_view StripElision(std::string_view s) {
  if (s.ends_with("’")) s.remove_suffix(3);
  else if (s.ends_with('\'')) s.remove_suffix(1);
  return s;
}

}  // namespace kg

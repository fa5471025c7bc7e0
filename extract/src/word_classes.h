// Internal: small closed classes of French and English function words used by
// the recognizer and the relation extractor.
#pragma once

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

// A fixed word list looked up among the words of the same length only.
class WordList {
 public:
  template <size_t N>
  explicit WordList(const std::string_view (&words)[N]) {
    for (std::string_view w : words) by_size_[std::min(w.size(), kLongest)].push_back(w);
  }
  bool Has(std::string_view w) const {
    for (std::string_view k : by_size_[std::min(w.size(), kLongest)]) if (k == w) return true;
    return false;
  }

 private:
  static constexpr size_t kLongest = 15;  // longer words share the last bucket
  std::array<std::vector<std::string_view>, kLongest + 1> by_size_;
};

// Capitalised French words that scraped text glues to the previous word when
// it loses a paragraph break ("l’affaire BenallaAu début", "SNCFLa SNCF").
inline bool IsGluedStarter(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "Au", "Aux", "La", "Le", "Les", "L’", "Un", "Une", "Des", "Du", "De", "Dans", "En", "À", "Pour", "Par",
      "Sur", "Avec", "Mais", "Et", "Il", "Ils", "Elle", "Elles", "On", "Ce", "Cette", "Ces", "Selon", "Lors",
      "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche", "Depuis", "Après", "Avant",
      "Alors", "Pourtant", "Ainsi", "Enfin", "Puis", "Cependant", "Toutefois", "Néanmoins", "Lire", "Voir"};
  static const WordList list(kWords);
  return list.Has(w);
}

// Punctuation after which a word starts a sentence-like unit.
inline bool IsOpeningPunct(std::string_view p) {
  return p == "«" || p == "“" || p == "\"" || p == "‘" || p == "(" || p == "[" || p == "—" || p == "–" ||
         p == "-" || p == "•" || p == "·" || p == "*" || p == ":" || p == "…" || p == "„" || p == "‹";
}

// Lower-case words that join the parts of a name: "Banque de France",
// "Académie des sciences", "Charles de Gaulle", "Ursula von der Leyen".
inline bool IsNameConnector(std::string_view w) {
  static constexpr std::string_view kWords[] = {"de", "du", "des", "d’", "d'", "la", "l’", "l'", "le", "les",
                                                "of", "the", "von", "van", "der", "den", "di", "da", "al", "el",
                                                "bin", "ben", "y", "for", "and", "&"};
  static const WordList list(kWords);
  return list.Has(w);
}

// Particles inside person names, after a first name: "Charles de Gaulle".
inline bool IsNameParticle(std::string_view w) {
  return w == "de" || w == "d’" || w == "d'" || w == "von" || w == "van" || w == "der" || w == "di" ||
         w == "da" || w == "del" || w == "bin";
}

// "l’" -> "l", used before looking a word up.
inline std::string_view StripElision(std::string_view s) {
  if (s.ends_with("’")) s.remove_suffix(3);
  else if (s.ends_with('\'')) s.remove_suffix(1);
  return s;
}

// Prepositions whose complement a following name is: "les puces de Nvidia".
inline bool IsComplementPreposition(std::string_view w) {
  return w == "de" || w == "d’" || w == "d'" || w == "du" || w == "des" || w == "par" || w == "pour" ||
         w == "avec" || w == "sur" || w == "chez" || w == "contre" || w == "of" || w == "by" || w == "for" ||
         w == "with" || w == "from";
}

// What joins the items of a list of names: "Cayenne, Kourou et Matoury".
inline bool IsListJoiner(std::string_view w) {
  return w == "," || w == "et" || w == "ou" || w == "and" || w == "or";
}

// Prepositions that put a place after them: "à Paris", "en Chine", "in London".
inline bool IsLocationPreposition(std::string_view w) {
  return w == "à" || w == "au" || w == "aux" || w == "en" || w == "in" || w == "vers" || w == "depuis";
}

}  // namespace kg

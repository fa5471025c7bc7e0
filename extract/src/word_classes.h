// Internal: small closed classes of French and English function words used by
// the recognizer and the relation extractor.
#pragma once

#include <string>
#include <string_view>

namespace kg {

// Capitalised French words that scraped text glues to the previous word when
// it loses a paragraph break ("l’affaire BenallaAu début", "SNCFLa SNCF").
inline bool IsGluedStarter(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "Au", "Aux", "La", "Le", "Les", "L’", "Un", "Une", "Des", "Du", "De", "Dans", "En", "À", "Pour", "Par",
      "Sur", "Avec", "Mais", "Et", "Il", "Ils", "Elle", "Elles", "On", "Ce", "Cette", "Ces", "Selon", "Lors",
      "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche", "Depuis", "Après", "Avant",
      "Alors", "Pourtant", "Ainsi", "Enfin", "Puis", "Cependant", "Toutefois", "Néanmoins", "Lire", "Voir"};
  for (auto k : kWords) if (w == k) return true;
  return false;
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
  for (auto k : kWords) if (w == k) return true;
  return false;
}

// Particles inside person names, after a first name: "Charles de Gaulle".
inline bool IsNameParticle(std::string_view w) {
  return w == "de" || w == "d’" || w == "d'" || w == "von" || w == "van" || w == "der" || w == "di" ||
         w == "da" || w == "del" || w == "bin";
}

// "l’" -> "l", used before looking a word up.
inline std::string StripElision(std::string s) {
  if (s.size() >= 3 && s.compare(s.size() - 3, 3, "’") == 0) s.resize(s.size() - 3);
  else if (!s.empty() && s.back() == '\'') s.pop_back();
  return s;
}

// Prepositions whose complement a following name is: "les puces de Nvidia".
inline bool IsComplementPreposition(std::string_view w) {
  return w == "de" || w == "d’" || w == "d'" || w == "du" || w == "des" || w == "par" || w == "pour" ||
         w == "avec" || w == "sur" || w == "chez" || w == "contre" || w == "of" || w == "by" || w == "for" ||
         w == "with" || w == "from";
}

// Prepositions that put a place after them: "à Paris", "en Chine", "in London".
inline bool IsLocationPreposition(std::string_view w) {
  return w == "à" || w == "au" || w == "aux" || w == "en" || w == "in" || w == "vers" || w == "depuis";
}

}  // namespace kg

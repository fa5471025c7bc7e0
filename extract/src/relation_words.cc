#include "relation_words.h"

#include "word_classes.h"

namespace kg::relations {

bool IsClauseBoundary(std::string_view w) {
  static constexpr std::string_view kWords[] = {";", ":", "?", "!", "que", "qu’", "qu'", "mais", "car", "lorsque",
                                                "lorsqu’", "quand", "si", "dont", "où", "tandis", "puisque",
                                                "puisqu’", "parce", "that", "but", "because", "while", "when",
                                                "which", "who", "whereas", "although", "after", "before", "since",
                                                "until", "unless", "if", "(", ")", "—", "–"};
  static const WordList list(kWords);
  return list.Has(w);
}

bool IsDeterminer(std::string_view w) {
  static constexpr std::string_view kWords[] = {"le", "la", "les", "l’", "l'", "un", "une", "des", "du", "au", "aux",
                                                "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs",
                                                "mon", "ma", "mes", "notre", "nos", "votre", "vos", "chaque",
                                                "plusieurs", "quelques", "aucun", "aucune", "tout", "toute", "tous",
                                                "toutes", "autre", "autres", "certains", "certaines", "nul", "nulle",
                                                "quel", "quelle", "quels", "quelles", "the", "a", "an", "its",
                                                "their", "his", "her", "this", "these"};
  static const WordList list(kWords);
  return list.Has(w);
}

bool IsPreposition(std::string_view w) {
  static constexpr std::string_view kWords[] = {"de", "d’", "d'", "du", "des", "à", "au", "aux", "par", "pour",
                                                "avec", "dans", "sur", "en", "chez", "selon", "contre", "vers",
                                                "entre", "sans", "sous", "comme", "of", "by", "for", "with", "in",
                                                "on", "at", "from", "to", "against", "according"};
  static const WordList list(kWords);
  return list.Has(w);
}

bool IsNegationEnd(std::string_view w) {
  return w == "pas" || w == "plus" || w == "jamais" || w == "guère" || w == "point" || w == "rien" ||
         w == "aucun" || w == "aucune" || w == "nullement" || w == "not" || w == "never" || w == "n’t";
}

bool IsClitic(std::string_view w) {
  static constexpr std::string_view kWords[] = {"se", "s’", "s'", "me", "m’", "te", "t’", "lui", "leur", "y",
                                                "en", "l’", "l'", "le", "la", "les", "nous", "vous"};
  static const WordList list(kWords);
  return list.Has(w);
}

bool IsSubjectPronoun(std::string_view w) {
  static constexpr std::string_view kWords[] = {"il", "elle", "on", "ils", "elles", "je", "j’", "tu", "nous", "vous",
                                                "ce", "c’", "cela", "ça", "celui-ci", "celle-ci", "he", "she", "it",
                                                "they", "we", "i", "you"};
  static const WordList list(kWords);
  return list.Has(w);
}

bool IsOfWord(std::string_view w) {
  return w == "de" || w == "d’" || w == "d'" || w == "du" || w == "des" || w == "of" || w == "chez" || w == "at";
}

bool IsLinkingAdverb(std::string_view w) {
  static constexpr std::string_view kWords[] = {"also", "still", "then", "later", "too", "aussi", "également",
                                                "ensuite", "alors", "finalement", "déjà", "encore", "lui-même",
                                                "elle-même"};
  static const WordList list(kWords);
  return list.Has(w);
}

bool IsCoordination(std::string_view w) { return w == "," || w == "et" || w == "ou" || w == "and" || w == "or"; }

uint32_t WordClassesOf(std::string_view w) {
  uint32_t c = 0;
  if (w == "ne" || w == "n’" || w == "n'") c |= kNegationStart;
  if (IsNegationEnd(w)) c |= kNegationEnd;
  if (IsClauseBoundary(w)) c |= kClauseBoundary;
  if (IsDeterminer(w)) c |= kDeterminer;
  if (IsPreposition(w)) c |= kPreposition;
  return c;
}

}  // namespace kg::relations

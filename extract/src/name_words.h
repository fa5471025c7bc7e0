// Internal to the entity recognizer: tests on the words of a sentence, by
// token position — whether a word can start or continue a name, is a first
// name, a title, a head noun, a connector, opens a sentence...
//
// Usage:
//   NameWords words(sentence, gazetteer);
//   bool weak;
//   if (words.IsNameToken(i, &weak) && !weak) ...
//
// Thread safety: none (the words cache the answers).
#pragma once

#include <optional>
#include <string_view>

#include "gazetteer_match.h"
#include "kg/extract/document.h"
#include "sentence_context.h"

namespace kg::recognition {

// "le", "la", "les", "l'": a French definite article.
inline bool IsBareArticle(std::string_view w) {
  return w == "le" || w == "la" || w == "les" || w == "l'" || w == "l’";
}

inline bool IsFrenchArticle(std::string_view lower) {
  return lower == "la" || lower == "le" || lower == "les" || lower == "un" || lower == "une" || lower == "du" ||
         lower == "des" || lower == "de";
}

// Dutch, German, Spanish and Portuguese particles of a surname: "van", "von", "da"...
inline bool IsForeignParticle(std::string_view w) {
  return w == "van" || w == "von" || w == "der" || w == "den" || w == "del" || w == "da" || w == "dos";
}

class NameWords {
 public:
  NameWords(const SentenceContext& sentence, const GazetteerMatcher& gazetteer)
      : s_(sentence), gazetteer_(gazetteer) {}

  // A word that can start or continue a name; `weak` when only the document
  // can confirm it (sentence-initial, in a headline).
  bool IsNameToken(size_t i, bool* weak) const;
  // A name token that can open a name (no title, no capitalised determiner).
  bool IsNameStart(size_t i) const;
  // Whether a weak (sentence-initial or headline) word is a name by itself.
  bool ProperByItself(size_t i) const;
  // An all-caps word whose lower-case form is a common word ("BEAT").
  bool IsCapsCommonWord(size_t i) const;
  // In French text, a French common word only English knows as a proper noun.
  bool OnlyEnglishProper(size_t i) const;
  // "Prince Charles": a capitalised royal title and one given name.
  bool KeepsRoyalTitle(size_t first, size_t last) const;
  // "au journal Le Petit Écho": a capitalised French article opening a name.
  bool CapitalArticleOpensName(size_t i) const;
  // English: the word before a name's head word belongs to the name ("Supreme Court").
  bool QualifiesHead(size_t first, size_t last) const;
  // The kind of name the lower-case noun right before token `i` announces.
  std::optional<EntityType> CueBefore(size_t i) const;
  // True for the first word of the sentence or of a quotation / list item.
  bool Initial(size_t i) const;
  // The lower-case form is a common word (IsKnownCommon).
  bool KnownCommon(std::string_view word) const;
  bool IsFirstName(size_t i) const;
  // A given name: of our lists or the dictionary's, one whose capital lost
  // its accent ("Eric", "Edouard"), or two of those joined by a hyphen
  // ("Jean-Loup", "Marie-Sophie", "Hans-Joachim").
  bool IsGivenName(std::string_view word) const;
  bool IsTitleWord(size_t i) const;
  bool IsTitleWithDot(size_t i) const;
  bool IsHead(size_t i) const;
  bool IsConnector(size_t i) const;
  bool IsSaint(size_t i) const;
  bool IsCardinalPoint(size_t k) const;
  bool IsInitialLetter(size_t i) const;

 private:
  bool IsGlued(std::string_view w) const;
  bool DemonymOpensName(size_t i) const;
  bool IsNotNameCompound(std::string_view lower) const;

  const SentenceContext& s_;
  const GazetteerMatcher& gazetteer_;
};

}  // namespace kg::recognition

// Internal: the lemma of an English irregular verb form (data/en_irregular_verbs.tsv).
#pragma once

#include <string_view>

namespace kg::syntax {

// "sped" -> "speed", "withdrawn" -> "withdraw"; empty for a form the table
// does not list (regular forms, base forms). `lower` is lower-cased.
std::string_view EnglishIrregularLemma(std::string_view lower);

}  // namespace kg::syntax

#include "noun_phrase_relations.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "relation_words.h"
#include "word_classes.h"

namespace kg::relations {

void NounPhraseRelations::Run() {
  NeighbourRelations();
  BetweenRelations();
}

// "NVIDIA H800": maker then product.
bool NounPhraseRelations::MakerThenProduct(size_t m, size_t n, size_t gap_start, size_t gap_end) {
  const size_t gap = gap_end - gap_start;
  if (gap == 0 && s_.TypeOf(m) == EntityType::kOrg && s_.TypeOf(n) == EntityType::kProduct) {
    s_.Add(n, m, "produit_de");
    return true;
  }
  return false;
}

// "l’IA o1 d’OpenAI", "des puces H800 de Nvidia", "le Llama 3 de Meta".
// Also "l’App Store américain d’Apple": adjectives may come first.
bool NounPhraseRelations::ProductOfMaker(size_t m, size_t n, size_t gap_start, size_t gap_end) {
  const size_t gap = gap_end - gap_start;
  if (gap >= 1 && gap <= 4 && s_.TypeOf(m) == EntityType::kProduct && s_.TypeOf(n) != EntityType::kProduct &&
      s_.TypeOf(n) != EntityType::kLocation) {
    size_t k = gap_start;
    while (k < gap_end && s_.LowerReading(k).adjective && !s_.Is(k, kPreposition)) ++k;
    std::string_view w = k < gap_end ? s_.lower(k) : s_.lower(gap_start);
    bool of = k < gap_end && (w == "de" || w == "d’" || w == "d'" || w == "du" || w == "of");
    if (of && (k + 1 == gap_end || (k + 2 == gap_end && s_.Is(k + 1, kDeterminer)))) {
      s_.Add(m, n, "produit_de");
      return true;
    }
  }
  return false;
}

// "X, la maison mère de Y", "le H800, une version affaiblie du H100",
// "Roy Chua, fondateur du cabinet AvidThink".
bool NounPhraseRelations::RoleOrPartAfterComma(size_t m, size_t n, size_t gap_start, size_t gap_end) {
  const size_t gap = gap_end - gap_start;
  if (gap >= 2 && gap <= 9) {
    std::string_view label;
    bool has_of = false;
    bool blocked = false;
    for (size_t k = gap_start; k < gap_end; ++k) {
      std::string_view w = s_.lower(k);
      // Only determiners, adjectives, adverbs, connectors and the role
      // or part noun itself stand between the two names.
      if (k > gap_start && !s_.Is(k, kDeterminer) && !IsOfWord(w) && w != "et" && w != "and" &&
          s_.lex().RoleRelation(w).empty() && s_.lex().PartRelation(w).empty()) {
        const WordInfo& wi = s_.LowerReading(k);
        bool modifier = (wi.adjective || (wi.function_word && !wi.verb)) && !wi.finite;
        // After "fondateur du": the head of the complement ("cabinet de recherche").
        bool complement = has_of && wi.noun;
        if (!modifier && !complement && w != "ex" && w != "-" &&
            !(wi.noun && k + 1 < gap_end && !s_.lex().PartRelation(s_.lower(k + 1)).empty())) {
          blocked = true;
          break;
        }
      }
      bool role_and = (w == "et" || w == "and") && k + 1 < gap_end && !s_.lex().RoleRelation(s_.lower(k + 1)).empty();
      if (s_.Is(k, kClauseBoundary) || w == "qui" || ((w == "et" || w == "and") && !role_and) ||
          s_.IsFiniteVerb(k)) {
        blocked = true;
        break;
      }
      if (IsOfWord(w)) {
        if (!label.empty()) has_of = true;
        continue;
      }
      if (label.empty()) {
        std::string_view r = s_.lex().RoleRelation(w);
        if (!r.empty() && s_.TypeOf(m) == EntityType::kPerson) {
          label = r;
          continue;
        }
        std::string_view p = s_.lex().PartRelation(w);
        // (A kind of place names a place: "l'Université de Pristina, la
        // capitale du Kosovo" relates nothing.)
        const bool place_noun = s_.lex().Cue(w) == EntityType::kLocation;
        if (!p.empty() && !(place_noun && s_.TypeOf(m) != EntityType::kLocation)) label = p;
      }
    }
    if (!blocked && !label.empty() && has_of && s_.lower(gap_start) == ",") {
      s_.Add(m, n, label);
      return true;
    }
  }
  return false;
}

// "DeepSeek, basée à Canton".
bool NounPhraseRelations::BasedAt(size_t m, size_t n, size_t gap_start, size_t gap_end) {
  const size_t gap = gap_end - gap_start;
  if (gap >= 2 && gap <= 5 && s_.TypeOf(n) == EntityType::kLocation) {
    bool located = false;
    for (size_t k = gap_start; k < gap_end; ++k) {
      if (s_.lex().IsLocatedWord(s_.lower(k))) located = true;
      if (s_.Is(k, kClauseBoundary) && s_.lower(k) != ",") located = false;
    }
    std::string_view before = s_.lower(gap_end - 1);
    if (located && (before == "à" || before == "en" || before == "au" || before == "aux" || before == "dans" ||
                    before == "in")) {
      s_.Add(m, n, "situé_à");
      return true;
    }
  }
  return false;
}

// "à La Ciotat, dans les Bouches-du-Rhône", "de Landivisiau, dans le
// Finistère", "à Caussade, dans le département du Tarn-et-Garonne", "à
// Tokyo, au Japon": a town (after à or de), a comma, then the region it is
// in. Not in a list ("à Lyon, en France et en Italie" names no region of Lyon).
bool NounPhraseRelations::PlaceThenRegion(size_t m, size_t n, size_t gap_start, size_t gap_end) {
  const size_t gap = gap_end - gap_start;
  if (s_.english() || gap < 2 || gap > 5 || s_.TypeOf(m) != EntityType::kLocation ||
      s_.TypeOf(n) != EntityType::kLocation || s_.lower(gap_start) != ",") {
    return false;
  }
  const size_t first = s_.mentions()[m].first;
  if (first == 0 || !InWordClass(WordClass::kTownPreposition, s_.lower(first - 1))) return false;
  size_t k = gap_start + 1;
  if (!InWordClass(WordClass::kRegionPreposition, s_.lower(k))) return false;
  ++k;
  if (k < gap_end && s_.Is(k, kDeterminer)) ++k;
  if (k + 1 < gap_end && InWordClass(WordClass::kRegionNoun, s_.lower(k)) && IsOfWord(s_.lower(k + 1))) k += 2;
  if (k != gap_end) return false;
  if (PlacesListedAfter(n)) return false;
  s_.Add(m, n, "situé_à");
  return true;
}

// Whether places go on being listed after mention n: a comma or "et", "ou",
// then another place after a preposition of place, a comma or a conjunction
// within a few words ("à Chypre, en Crète (Grèce), sur les rivages turcs, et
// jusqu'à 47 degrés aux confins d'Israël", "à Manhattan, en Floride, au
// Nouveau-Mexique", "à New York, dans le Massachusetts ou le Minnesota").
bool NounPhraseRelations::PlacesListedAfter(size_t n) const {
  const std::vector<Mention>& ms = s_.mentions();
  const size_t end = std::min(s_.tokens().size(), static_cast<size_t>(ms[n].last) + 16);
  auto introduces = [&](std::string_view w) {  // what may stand right before a listed place
    return InWordClass(WordClass::kTownPreposition, w) || InWordClass(WordClass::kRegionPreposition, w) ||
           IsCoordination(w);
  };
  bool joined = false;
  for (size_t j = ms[n].last + 1; j < end; ++j) {
    if (IsCoordination(s_.lower(j))) joined = true;
    const int p = s_.mention_at(j);
    if (!joined || p <= static_cast<int>(n) || s_.TypeOf(static_cast<size_t>(p)) != EntityType::kLocation) continue;
    // "au Nouveau-Mexique" ("au" is a determiner too), "ou le Minnesota", "d'Israël".
    if (introduces(s_.lower(j - 1)) || (s_.Is(j - 1, kDeterminer) && introduces(s_.lower(j - 2)))) return true;
  }
  return false;
}

// "OpenAI chief executive Sam Altman": organisation, role words, person.
bool NounPhraseRelations::OrgRolePerson(size_t m, size_t n, size_t gap_start, size_t gap_end) {
  const size_t gap = gap_end - gap_start;
  if (gap >= 1 && gap <= 3 && s_.TypeOf(m) == EntityType::kOrg && s_.TypeOf(n) == EntityType::kPerson) {
    std::string_view label;
    bool only_roles = true;
    for (size_t k = gap_start; k < gap_end; ++k) {
      std::string_view r = s_.lex().RoleRelation(s_.lower(k));
      if (!r.empty()) {
        if (label.empty()) label = r;
      } else if (s_.lower(k) != "executive" && s_.lower(k) != "officer" && s_.lower(k) != "'s") {
        only_roles = false;
      }
    }
    if (only_roles && !label.empty()) {
      s_.Add(n, m, label);
      return true;
    }
  }
  return false;
}

// "Sam Altman (OpenAI)": a person and the organisation they speak for.
bool NounPhraseRelations::PersonAndOrgInParens(size_t m, size_t n, size_t gap_start, size_t gap_end) {
  const std::vector<Mention>& ms = s_.mentions();
  const size_t gap = gap_end - gap_start;
  if (gap == 1 && s_.lower(gap_start) == "(" && s_.TypeOf(m) == EntityType::kPerson &&
      s_.TypeOf(n) == EntityType::kOrg && ms[n].last + 1 < s_.tokens().size() && s_.lower(ms[n].last + 1) == ")") {
    s_.Add(m, n, "affilié_à");
    return true;
  }
  return false;
}

// "l’Institut de technologie informatique de l’Académie des sciences":
// a unit of a larger institution.
bool NounPhraseRelations::UnitOfInstitution(size_t m, size_t n, size_t gap_start, size_t gap_end) {
  const std::vector<Mention>& ms = s_.mentions();
  const size_t gap = gap_end - gap_start;
  if (gap >= 1 && gap <= 2 && s_.TypeOf(m) == EntityType::kOrg && s_.TypeOf(n) == EntityType::kOrg &&
      s_.lex().IsOrgHead(s_.lower(ms[m].first)) && s_.lex().IsOrgHead(s_.lower(ms[n].first))) {
    std::string_view w = s_.lower(gap_start);
    if (w == "de" || w == "d’" || w == "du" || w == "of") {
      s_.Add(m, n, "partie_de");
      return true;
    }
  }
  return false;
}

// "le patron d’OpenAI, Sam Altman" / "le fondateur de Futuriom Scott Raynovich".
bool NounPhraseRelations::RoleOfOrgThenPerson(size_t m, size_t n, size_t gap_start, size_t gap_end) {
  const size_t gap = gap_end - gap_start;
  if (s_.TypeOf(n) == EntityType::kPerson && gap <= 1 && (gap == 0 || s_.lower(gap_start) == ",")) {
    size_t k = s_.mentions()[m].first;
    size_t steps = 0;
    while (k > 0 && steps < 4) {
      --k;
      ++steps;
      std::string_view w = s_.lower(k);
      if (w == "de" || w == "d’" || w == "d'" || w == "du" || s_.Is(k, kDeterminer)) continue;
      std::string_view r = s_.lex().RoleRelation(w);
      if (r.empty() || (gap == 1 && RoleHasHolderBefore(k))) return false;
      s_.Add(n, m, r);
      return true;
    }
  }
  return false;
}

// Whether the role word at token k is an apposition to a person named
// right before it: "Richard Ferrand, (le) président de l'Assemblée
// nationale, Gérard Larcher" (the role is Ferrand's, not Larcher's; but
// "..., le maire de Toulouse Jean-Luc Moudenc" names its holder: the
// caller asks only when a comma comes before the person).
bool NounPhraseRelations::RoleHasHolderBefore(size_t k) const {
  while (k > 0 && s_.Is(k - 1, kDeterminer)) --k;
  if (k < 2 || s_.lower(k - 1) != ",") return false;
  for (size_t p = 0; p < s_.mentions().size(); ++p) {
    if (s_.mentions()[p].last + 2 == k && s_.TypeOf(p) == EntityType::kPerson) return true;
  }
  return false;
}

// Noun-phrase relations between neighbouring mentions: the first pattern
// that applies to a pair adds its relation.
void NounPhraseRelations::NeighbourRelations() {
  const std::vector<Mention>& ms = s_.mentions();
  for (size_t m = 0; m + 1 < ms.size(); ++m) {
    const size_t n = m + 1, gap_start = ms[m].last + 1, gap_end = ms[n].first;  // tokens in [gap_start, gap_end)
    for (auto pattern : {&NounPhraseRelations::MakerThenProduct, &NounPhraseRelations::ProductOfMaker,
                         &NounPhraseRelations::RoleOrPartAfterComma, &NounPhraseRelations::BasedAt,
                         &NounPhraseRelations::PlaceThenRegion,
                         &NounPhraseRelations::OrgRolePerson, &NounPhraseRelations::PersonAndOrgInParens,
                         &NounPhraseRelations::UnitOfInstitution, &NounPhraseRelations::RoleOfOrgThenPerson}) {
      if ((this->*pattern)(m, n, gap_start, gap_end)) break;
    }
  }
}

// "les tensions entre Washington et Pékin": the noun names the relation.
void NounPhraseRelations::BetweenRelations() {
  const std::vector<Token>& toks = s_.tokens();
  const std::vector<Mention>& ms = s_.mentions();
  for (size_t m = 0; m + 1 < ms.size(); ++m) {
    size_t first = ms[m].first;
    size_t k = first;
    while (k > 0 && s_.Is(k - 1, kDeterminer)) --k;
    if (k < 2 || (s_.lower(k - 1) != "entre" && s_.lower(k - 1) != "between")) continue;
    std::string_view noun = s_.lower(k - 2);
    const WordInfo& info = s_.LowerReading(k - 2);
    if (!info.noun || info.function_word || s_.mention_at(k - 2) >= 0) continue;
    size_t j = ms[m].last + 1;
    while (j < toks.size() && s_.Is(j, kDeterminer)) ++j;
    if (j >= toks.size() || (s_.lower(j) != "et" && s_.lower(j) != "and")) continue;
    ++j;
    while (j < toks.size() && s_.Is(j, kDeterminer)) ++j;
    if (j >= toks.size() || s_.mention_at(j) != static_cast<int>(m + 1)) continue;
    std::string label = NounLemma(noun) + (s_.english() ? "_with" : "_avec");
    s_.Add(m, m + 1, label);
  }
}

// Singular of a French or English noun, as the dictionary gives it.
std::string NounPhraseRelations::NounLemma(std::string_view w) {
  std::string s(w);
  if (s.size() > 3 && (s.back() == 's' || s.back() == 'x') && s_.morph().Lookup(s.substr(0, s.size() - 1)).noun) {
    s.pop_back();
  }
  return s;
}

}  // namespace kg::relations

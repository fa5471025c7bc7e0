#include "type_votes.h"

#include <string>

#include "kg/base/text.h"
#include "word_classes.h"

namespace kg::recognition {
namespace {

bool HasSurnameEnding(std::string_view w) {
  if (w.size() < 5) return false;
  for (std::string_view e : {"poulos", "opoulos", "enko", "shvili", "adze", "escu", "ovic", "ović", "evic", "ević",
                             "ski", "sky", "ska", "ova", "eva", "yeva", "ov", "ev", "ez", "son", "sen", "ssen",
                             "akis", "idis", "oglu", "oğlu"}) {
    if (w.ends_with(e)) return true;
  }
  return false;
}

bool IsGaelicSurname(std::string_view w) {
  auto upper_at = [&](size_t k) { return k < w.size() && w[k] >= 'A' && w[k] <= 'Z'; };
  if (w.starts_with("Mc")) return upper_at(2);
  if (w.starts_with("Mac")) return upper_at(3) && w.size() > 5;
  if (w.starts_with("O'") || w.starts_with("O’")) return upper_at(w[1] == '\'' ? 2 : 4);
  return false;
}

// "al-Assad", "el-Sissi", "ben-Gourion": an article joined to a capitalised name.
bool IsArabicArticleName(std::string_view w) {
  for (std::string_view a : {"al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-", "ben-", "bin-"}) {
    if (w.starts_with(a) && w.size() > a.size() && w[a.size()] >= 'A' && w[a.size()] <= 'Z') return true;
  }
  return false;
}

}  // namespace

// The candidate's type votes from the gazetteer, titles, shape, tables and context.
void TypeVotes::Cast(size_t first, size_t last, bool titled, Candidate* cand) const {
  Candidate& c = *cand;
  if (c.gazetteer >= 0) {
    Vote(&c, s_.lex.entry(c.gazetteer).type, s_.lex.entry(c.gazetteer).user ? kWeights.user_entry : kGazetteerVote);
  }
  if (PlatformHere(first, c.gazetteer)) Vote(&c, EntityType::kProduct, kWeights.platform);
  if (titled || TitleBefore(first)) Vote(&c, EntityType::kPerson, kWeights.title);
  ShapeVotes(first, last, &c);
  if (words_.IsInitialLetter(first) && last >= first + 2) Vote(&c, EntityType::kPerson, kWeights.initial);
  // "LONDON 1996-08-30": the place of a dispatch.
  if (DateFollows(last) && words_.Initial(first)) Vote(&c, EntityType::kLocation, kWeights.dispatch);
  // A place's name with its score in a results table is its team
  // ("Somerset 83 and 174", "CHICAGO 65 66").
  if (s_.tabular && c.gazetteer >= 0 && s_.lex.entry(c.gazetteer).type == EntityType::kLocation &&
      !s_.lex.entry(c.gazetteer).user && last + 1 < s_.toks.size() && s_.toks[last + 1].kind == TokenKind::kNumber &&
      !DateFollows(last)) {
    Vote(&c, EntityType::kOrg, kWeights.team);
  }
  // "Charlton 2 Lincoln 1": one word before its score in a results line or
  // standings row is a team (people there have two names or an initial).
  if (first == last && c.gazetteer < 0 && s_.TeamRow(last)) {
    Vote(&c, EntityType::kOrg, kWeights.team);
  }
  // "KANSAS CITY AT DETROIT": the places of a fixture line are its teams.
  if (s_.fixture_line && c.gazetteer >= 0 && s_.lex.entry(c.gazetteer).type == EntityType::kLocation &&
      !s_.lex.entry(c.gazetteer).user) {
    Vote(&c, EntityType::kOrg, kWeights.team);
  }
  ContextVotes(first, &c);
  AfterVotes(last, &c);
}

// A company's name that names its platform here: "sur Twitter", "le
// compte Twitter de" (data/platforms.tsv).
bool TypeVotes::PlatformHere(size_t first, int gaz) const {
  if (gaz < 0 || first == 0 || !s_.IsWord(first - 1) || !s_.lex.IsPlatformCue(s_.Lower(first - 1))) return false;
  return s_.lex.IsPlatform(ToLower(s_.lex.entry(gaz).name));
}

// Whether `k`, "et" or a comma, goes on a list of names under a plural
// title: "MM. Sarkozy et Herzog", "MM. Chatillon, Jalkh et Jeanne".
bool TypeVotes::InPluralTitleList(size_t k) const {
  const std::string_view joint = s_.Text(k);
  if (joint != "," && s_.Lower(k) != "et") return false;
  for (size_t steps = 0; k > 0 && steps < 12; ++steps) {
    --k;
    const std::string_view w = s_.Lower(k);
    if (InWordClass(WordClass::kPluralTitle, w)) return true;
    const bool in_list = s_.Text(k) == "," || w == "et" || w == "." || (s_.IsWord(k) && s_.toks[k].upper_initial);
    if (!in_list) return false;
  }
  return false;
}

// A title right before the name, or before one lower-case adjective before
// it ("la chanteuse belge Maurane", "le DJ suédois Avicii"); or a noun of
// kinship in lower case ("son épouse Meghan").
bool TypeVotes::TitleBefore(size_t first) const {
  if (first == 0) return false;
  size_t k = first - 1;
  if (s_.Text(k) == "." && k > 0) --k;
  if (!s_.IsWord(k)) return false;
  if (words_.IsTitleWord(k) || words_.IsTitleWithDot(k)) return true;
  if (!s_.toks[k].upper_initial && InWordClass(WordClass::kKinNoun, s_.Lower(k))) return true;
  if (InPluralTitleList(k)) return true;
  return k > 0 && !s_.toks[k].upper_initial && s_.LowerInfo(k).adjective && s_.IsWord(k - 1) &&
         words_.IsTitleWord(k - 1);
}

// Votes from the name's shape: its words, head and suffix, digits, and the
// shape of a person's name.
void TypeVotes::ShapeVotes(size_t first, size_t last, Candidate* c) const {
  GroupAndQuarterVotes(first, last, c);
  size_t words = 0;
  bool codes = false, digits = false;
  for (size_t k = first; k <= last; ++k) {
    if (s_.IsWord(k)) ++words;
    if (s_.IsWord(k) && s_.IsCode(k)) codes = true;
    if (s_.toks[k].has_digit) digits = true;
  }
  std::string_view head = s_.Lower(first);
  HeadVotes(first, last, words, head, c);
  if (codes || (digits && words >= 1)) Vote(c, EntityType::kProduct, kWeights.code);
  if (digits) return;
  PersonVotes(first, last, words, head, c);
}

void TypeVotes::GroupAndQuarterVotes(size_t first, size_t last, Candidate* c) const {
  // "Moslem", "Kurds", "Iraqi Kurdish": a group of people, not an organisation.
  bool group = true;
  for (size_t k = first; k <= last && group; ++k) {
    group = s_.IsWord(k) && (s_.lex.IsGroupName(s_.Lower(k)) || s_.lex.IsNotName(s_.Lower(k)));
  }
  if (group && s_.lex.IsGroupName(s_.Lower(last))) Vote(c, EntityType::kOther, kWeights.group);
  // "Caroline du Nord": a place and its quarter.
  if (!s_.english && last >= first + 2 && words_.IsCardinalPoint(last) &&
      (s_.Lower(last - 1) == "du" || s_.Lower(last - 1) == "de")) {
    Vote(c, EntityType::kLocation, kWeights.quarter);
  }
}

// A name's head word (`head`, lower-cased) and suffix, and its place-name
// shapes; `words`: how many words it has.
void TypeVotes::HeadVotes(size_t first, size_t last, size_t words, std::string_view head, Candidate* c) const {
  // "Bagnols-sur-Cèze", "Saint-Étienne", "Entraigues-sur-la-Sorgue".
  if (words == 1) {
    std::string_view w = s_.Text(first);
    for (std::string_view infix : {"-sur-", "-sous-", "-lès-", "-lez-", "-en-", "-de-", "-du-", "-des-", "-la-",
                                   "-le-", "-les-", "-aux-", "-et-"}) {
      if (w.find(infix) != std::string_view::npos) {
        Vote(c, EntityType::kLocation, kWeights.place_infix);
        break;
      }
    }
    if (w.rfind("Saint-", 0) == 0 || w.rfind("Sainte-", 0) == 0) Vote(c, EntityType::kLocation, kWeights.saint_prefix);
  }
  if (s_.lex.IsOrgHead(head)) Vote(c, EntityType::kOrg, kWeights.org_head);
  // "ouragan Dorian", "loi Alimentation": an event or law named by its head.
  if (words >= 2 && !s_.toks[first].upper_initial && s_.lex.IsLowerHead(head)) {
    auto cue = s_.lex.Cue(head);
    if (cue && *cue == EntityType::kOther) Vote(c, EntityType::kOther, kWeights.event_head);
  }
  if (s_.lex.IsLocationHead(head)) Vote(c, EntityType::kLocation, kWeights.place_head);
  // "Journée internationale du vélo", "Fête de la musique": an event by its capitalised head.
  if (!s_.english && words >= 2 && s_.toks[first].upper_initial && s_.lex.IsEventHead(head)) {
    Vote(c, EntityType::kOther, kWeights.event_head);
  }
  if (words >= 2 && s_.lex.IsOrgSuffix(s_.Text(last))) Vote(c, EntityType::kOrg, kWeights.org_suffix);
  // "Theodore Boutrous Jr.", "Al Unser Jr": a generation suffix ends a person's name.
  for (size_t k = last + 1; k-- > first;) {
    if (!s_.IsWord(k)) continue;
    if (words >= 2 && (s_.Text(k) == "Jr" || s_.Text(k) == "Sr" || s_.Text(k) == "III" || s_.Text(k) == "II")) {
      Vote(c, EntityType::kPerson, kWeights.generation);
    }
    break;
  }
  if (words >= 2 && s_.lex.IsLocationSuffix(s_.Text(last)) && !s_.lex.IsOrgSuffix(s_.Text(last))) {
    Vote(c, EntityType::kLocation, kWeights.place_suffix);
  }
  // "World Cup", "Hong Kong Open", "WORLD CUP" (the suffix as written or in capitals).
  if (words >= 2 && (s_.lex.IsOtherSuffix(s_.Text(last)) ||
                     (s_.toks[last].all_caps && s_.lex.IsOtherSuffix(ToTitle(s_.Text(last)))))) {
    Vote(c, EntityType::kOther, kWeights.event_suffix);
  }
}

// The shape of a person's name, for a name without digits: a first name, a
// surname, capitalised words no dictionary knows, particles.
void TypeVotes::PersonVotes(size_t first, size_t last, size_t words, std::string_view head, Candidate* c) const {
  bool all_cap = true;
  for (size_t k = first; k <= last; ++k) {
    bool particle = IsNameParticle(s_.Lower(k)) || IsForeignParticle(s_.Lower(k));
    if (s_.IsWord(k) && !s_.toks[k].upper_initial && !particle && !IsArabicArticleName(s_.Text(k))) all_cap = false;
    if (s_.IsWord(k) && particle) --words;
  }
  std::string first_word(s_.Text(first));
  if (s_.toks[first].all_caps) first_word = ToTitle(first_word);
  const WordInfo& fi = s_.toks[first].all_caps ? s_.morph.Lookup(first_word) : s_.InfoOf(first);
  bool first_name = fi.first_name || words_.IsGivenName(first_word);
  if (words >= 2 && words <= 4 && all_cap) FullNameVotes(first, last, words, head, fi, first_name, c);
  if (words == 1) OneNameVotes(first, last, fi, first_name, c);
}

// Two to four capitalised words (`words`, particles not counted), the
// first `fi` as written.
void TypeVotes::FullNameVotes(size_t first, size_t last, size_t words, std::string_view head, const WordInfo& fi,
                              bool first_name, Candidate* c) const {
  const WordInfo& li = s_.InfoOf(last);
  if (first_name) Vote(c, EntityType::kPerson, kWeights.first_name);
  if (li.surname) Vote(c, EntityType::kPerson, kWeights.surname);
  if (!first_name && !fi.known && !li.known && !fi.english && !s_.InfoOf(last).english && words == 2 &&
      !s_.toks[first].all_caps && !s_.toks[last].all_caps) {
    Vote(c, EntityType::kPerson, kWeights.unknown_pair);
  }
  // "Nasser Hussain", "Merlene Ottey": two or three capitalised words,
  // none of them a common word or a name's head or suffix (a town may
  // bear a person's name: Leander Paes, Aliuska Lopez).
  // "San Juan Opico", "Santa Ana", "St Albans": a saint's name is a place's
  // (a plural after it, "San Diego Padres", names a team).
  if (words_.IsSaint(first) && s_.Text(last).back() != 's') Vote(c, EntityType::kLocation, kWeights.saint_place);
  if (!first_name && words <= 3 && c->gazetteer < 0 && !s_.lex.IsOrgSuffix(s_.Text(last)) && !words_.IsSaint(first) &&
      !s_.lex.IsLocationSuffix(s_.Text(last)) && !s_.lex.IsOrgHead(head) && !s_.lex.IsLocationHead(head)) {
    bool plain = true;
    for (size_t k = first; k <= last && plain; ++k) {
      if (!s_.IsWord(k)) continue;
      if (IsNameParticle(s_.Lower(k)) || IsForeignParticle(s_.Lower(k))) continue;
      // In English, French homographs do not count ("Nasser", "Roberts").
      bool common = s_.english ? s_.morph.Lookup(s_.Lower(k)).english : words_.KnownCommon(s_.Text(k));
      if (s_.toks[k].all_caps || (s_.toks[k].inner_caps && !IsArabicArticleName(s_.Text(k))) || common) plain = false;
      // A country or a known name of our lists: "Logista France".
      int g = s_.lex.FindPhrase(s_.Folded(k));
      if (g >= 0 && !s_.lex.IsOpenDataEntry(g)) plain = false;
    }
    if (plain) Vote(c, EntityType::kPerson, kWeights.plain_words);
  }
  // "Aravinda de Silva", "Maarten van Bakker": a particle between two
  // capitalised words, the first no common word.
  for (size_t k = first + 1; k < last; ++k) {
    if (!s_.IsWord(k) || !(IsNameParticle(s_.Lower(k)) || IsForeignParticle(s_.Lower(k)))) continue;
    bool common = s_.english ? s_.morph.Lookup(s_.Lower(first)).english : words_.KnownCommon(s_.Text(first));
    if (!common && s_.toks[k + 1].upper_initial && c->gazetteer < 0 && !s_.lex.IsOrgHead(head) &&
        !s_.lex.IsLocationHead(head)) {
      Vote(c, EntityType::kPerson, kWeights.particle);
    }
    break;
  }
}

// One word (`fi` as written), the first name or surname alone.
void TypeVotes::OneNameVotes(size_t first, size_t last, const WordInfo& fi, bool first_name, Candidate* c) const {
  if (fi.surname) Vote(c, EntityType::kPerson, kWeights.lone_surname);
  // "McAteer", "MacLeod", "O'Brien": Gaelic surnames by their shape.
  if (!s_.toks[first].all_caps && IsGaelicSurname(s_.Text(first))) Vote(c, EntityType::kPerson, kWeights.gaelic);
  // "Panayiotopoulos", "Levrentyeva", "Gomez": surname endings, for a
  // word no dictionary knows.
  if (!s_.toks[first].all_caps && !fi.known && !fi.english && c->gazetteer < 0 && HasSurnameEnding(s_.Text(first))) {
    Vote(c, EntityType::kPerson, kWeights.surname_ending);
  }
  if (first_name && !fi.surname) Vote(c, EntityType::kPerson, kWeights.lone_first_name);
  if (s_.toks[first].all_caps && (last - first) == 0) Vote(c, EntityType::kOrg, kWeights.acronym);
}

// What follows a name: "X, 45 ans," is a person; so is "X, ministre de ..."
// or "X, le fondateur de ...".
void TypeVotes::AfterVotes(size_t last, Candidate* c) const {
  size_t k = last + 1;
  if (k >= s_.toks.size() || s_.Text(k) != ",") return;
  ++k;
  if (k + 1 < s_.toks.size() && s_.toks[k].kind == TokenKind::kNumber &&
      (s_.Lower(k + 1) == "ans" || s_.Lower(k + 1) == "an")) {
    Vote(c, EntityType::kPerson, kWeights.age);
    return;
  }
  while (k < s_.toks.size() &&
         (s_.Lower(k) == "le" || s_.Lower(k) == "la" || s_.Lower(k) == "l’" || s_.Lower(k) == "l'" ||
          s_.Lower(k) == "un" || s_.Lower(k) == "une" || s_.Lower(k) == "the" || s_.Lower(k) == "a" ||
          s_.Lower(k) == "ancien" || s_.Lower(k) == "ancienne" || s_.Lower(k) == "ex" || s_.Text(k) == "-")) {
    ++k;
  }
  if (k < s_.toks.size() && s_.IsWord(k) && !s_.toks[k].upper_initial && !s_.lex.RoleRelation(s_.Lower(k)).empty() &&
      s_.Lower(k) != "membre") {
    Vote(c, EntityType::kPerson, kWeights.role);
  }
}

// Type cues in the words just before the name. A name right after a
// preposition is its complement ("des puces de Nvidia": Nvidia is no chip).
void TypeVotes::ContextVotes(size_t first, Candidate* c) const {
  if (first > 0 && s_.IsWord(first - 1)) {
    std::string_view prev = s_.Lower(first - 1);
    // "at Headingley", "near Lockerbie": an English place preposition before one word.
    if (s_.english && (prev == "at" || prev == "near" || prev == "outside") &&
        c->surface.find(' ') == std::string::npos) {
      Vote(c, EntityType::kLocation, kWeights.at_place);
      return;
    }
    // "dans le Latium", "dans l'Aveyron": one word after "dans" and an article is a region.
    if (!s_.english && first >= 2 && s_.IsWord(first - 2) && s_.Lower(first - 2) == "dans" &&
        (prev == "le" || prev == "la" || prev == "les" || StripElision(prev) == "l") &&
        c->surface.find(' ') == std::string::npos) {
      Vote(c, EntityType::kLocation, kWeights.region);
      return;
    }
    if (IsLocationPreposition(StripElision(prev)) || prev == "à") {
      // Places are mostly single words (à Paris); "à Emmanuel Macron" is not.
      bool one_word = c->surface.find(' ') == std::string::npos;
      Vote(c, EntityType::kLocation, one_word ? kWeights.place_after_preposition : kWeights.words_after_preposition);
      return;
    }
    if (IsComplementPreposition(prev)) {
      // "la ville de Falerii Novi", "la région de Kherson": a place noun's
      // complement is the place itself (a person's role's is not).
      for (size_t k = first - 1, seen = 0; k-- > 0 && seen < 2; ++seen) {
        if (!s_.IsWord(k)) break;
        auto cue = s_.lex.Cue(StripElision(s_.Lower(k)));
        if (cue && *cue == EntityType::kLocation) Vote(c, EntityType::kLocation, kWeights.place_noun);
        if (cue || !s_.LowerInfo(k).adjective) break;
      }
      return;
    }
  }
  int seen = 0;
  for (size_t k = first; k-- > 0 && seen < 4;) {
    const Token& t = s_.toks[k];
    if (t.kind == TokenKind::kPunct) {
      std::string_view p = s_.Text(k);
      if (p == "-" || p == "–") continue;
      break;
    }
    bool weak;
    if (words_.IsNameToken(k, &weak) && !weak) break;
    std::string_view lower = s_.Lower(k);
    ++seen;
    if (auto cue = s_.lex.Cue(StripElision(lower))) {
      // Product words also name what a company makes ("l’application X").
      Vote(c, *cue, *cue == EntityType::kProduct ? kWeights.product_cue : kWeights.cue);
      break;
    }
  }
}

// A date right after the name: "LONDON 1996-08-30" opening a dispatch.
bool TypeVotes::DateFollows(size_t last) const {
  if (last + 1 >= s_.toks.size()) return false;
  std::string_view w = s_.Text(last + 1);
  if (w.size() != 10 || w[4] != '-' || w[7] != '-') return false;
  for (size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) if (w[k] < '0' || w[k] > '9') return false;
  return true;
}

}  // namespace kg::recognition

#include "mention_filter.h"

#include "kg/base/text.h"
#include "word_classes.h"

namespace kg::recognition {

// "the Braves", "the Cubs": in English a capitalised plural after "the"
// inside a sentence names a team or a group.
bool MentionFilter::TeamName(size_t i) const {
  if (!s_.english || s_.caps_sentence || i == 0 || words_.Initial(i) || s_.Lower(i - 1) != "the") return false;
  std::string_view t = s_.Text(i);
  return t.size() >= 4 && t.back() == 's' && t[t.size() - 2] != 's';
}

// In English, a sentence's first word that opens the name after it: one the
// dictionary also spells with this capital, before another capitalised
// word ("2. Lance Armstrong ( U.S. )", "Derrick Adkins won").
bool MentionFilter::EnglishNameOpener(size_t first, size_t last) const {
  return s_.english && !s_.caps_sentence && first < last && !s_.toks[first].all_caps &&
         s_.InfoOf(first).english_capital && s_.toks[first + 1].upper_initial && !s_.toks[first + 1].all_caps;
}

bool MentionFilter::EnglishCapitalEntry(size_t i) const {
  if (!s_.english || s_.caps_sentence || words_.Initial(i) || !s_.InfoOf(i).english_capital) return false;
  // Alone between lower-case words or punctuation: not a piece of a longer
  // run cut off ("South Korean", "House of Lords", "Queen 's Park").
  auto apart = [&](size_t k) {
    if (k >= s_.toks.size() || !s_.IsWord(k)) return k >= s_.toks.size() || s_.Text(k) != "'s";
    std::string_view w = s_.Lower(k);
    return !s_.toks[k].upper_initial && !IsNameParticle(w) && !IsNameConnector(w) && w != "'s" && w != "s";
  };
  return apart(i - 1) && apart(i + 1) && s_.Text(i).size() >= 4 && !IsNotAlone(s_.Text(i));
}

bool MentionFilter::AllCommonWords(size_t first, size_t last) const {
  for (size_t k = first; k <= last; ++k) {
    if (words_.IsInitialLetter(k) && k + 2 <= last) return false;  // "N. Knight"
    if (!s_.IsWord(k) || IsNameParticle(s_.Lower(k)) || IsNameConnector(s_.Lower(k))) continue;
    if (s_.toks[k].all_caps || s_.toks[k].inner_caps || s_.toks[k].has_digit || !words_.KnownCommon(s_.Text(k)) ||
        words_.ProperByItself(k)) {
      return false;
    }
  }
  return true;
}

// The span without the words around it that are no part of the name:
// titles (noted in `titled`), weak leading words, trailing connectors, an
// English headline's common words, a common word before a known name (whose
// gazetteer entry `gaz` becomes). False when nothing is left to emit.
bool MentionFilter::TrimSpan(size_t* first_io, size_t* last_io, int* gaz_io, bool* titled) const {
  size_t& first = *first_io;
  size_t& last = *last_io;
  int& gaz = *gaz_io;
  *titled = false;
  // A title alone before its dot and a name is no name: "MM. Sarkozy et Herzog".
  if (first == last && words_.IsTitleWithDot(first) && first + 2 < s_.toks.size() && s_.Text(first + 1) == "." &&
      s_.toks[first + 2].upper_initial) {
    return false;
  }
  while (first < last) {
    bool weak;
    if (words_.KeepsRoyalTitle(first, last)) {
      *titled = true;
      break;
    }
    if (words_.IsTitleWord(first) || words_.IsTitleWithDot(first)) {
      *titled = true;
      ++first;
      if (first <= last && s_.Text(first) == ".") ++first;
      continue;
    }
    int g = -1;
    // (A known name of several words stays whole: "New York Energy Desk";
    // so does an English qualifier of a name's head: "Major League Baseball";
    // and a team's name before its score: "Crystal Palace 2 Leeds 0".)
    if (words_.IsNameToken(first, &weak) && weak && !words_.ProperByItself(first) && !words_.IsHead(first) &&
        !words_.IsInitialLetter(first) && gazetteer_.Match(first, &g) == first && !words_.QualifiesHead(first, last) &&
        !s_.TeamRow(last) && !EnglishNameOpener(first, last)) {
      ++first;
      continue;
    }
    break;
  }
  // Trailing connectors or punctuation.
  while (last > first && (words_.IsConnector(last) || s_.toks[last].kind == TokenKind::kPunct)) --last;
  // English headlines: "PORTUGAL DRAW" is Portugal; "DRAW", "NOTE" alone are no names.
  if (s_.english) {
    auto caps_common = [&](size_t k) {
      if (!s_.IsWord(k) || !s_.toks[k].all_caps || s_.toks[k].end - s_.toks[k].start < 4 ||
          !words_.IsCapsCommonWord(k)) {
        return false;
      }
      // Name heads stay: "JAKARTA POST", "AMERICAN LEAGUE", "WORLD CUP".
      std::string title = ToTitle(s_.Text(k));
      return !s_.lex.IsOrgSuffix(title) && !s_.lex.IsOtherSuffix(title) && !s_.lex.IsLocationSuffix(title) &&
             !s_.lex.IsOfHead(title);
    };
    bool some_name = false;
    for (size_t k = first; k <= last; ++k) some_name = some_name || (s_.IsWord(k) && !caps_common(k));
    if (!some_name && first == last) return false;
    while (some_name && last > first && caps_common(last)) --last;
    while (last > first && (words_.IsConnector(last) || s_.toks[last].kind == TokenKind::kPunct)) --last;
  }
  // "le think Tank RAND": a capitalised common word before a known name or
  // an acronym is not part of it.
  // (In English, not a word the dictionary also spells with this capital:
  // "Lance Armstrong", "Derrick Adkins".)
  if (first < last && !s_.toks[first].all_caps && s_.LowerOf(first).known && !words_.ProperByItself(first) &&
      !words_.IsHead(first) && !words_.IsFirstName(first) && !s_.lex.IsOrgSuffix(s_.Text(last)) &&
      !(s_.english && s_.InfoOf(first).english_capital) &&
      !words_.CapitalArticleOpensName(first) && !words_.KeepsRoyalTitle(first, last)) {
    int g = -1;
    size_t g_end = gazetteer_.Match(first + 1, &g);
    bool strong_rest = first + 1 == last && (s_.toks[last].all_caps || s_.toks[last].inner_caps ||
                                             s_.IsCode(last) || words_.ProperByItself(last));
    // (In English a word before a city is a club's or agency's name:
    // "Dynamo Moscow", "Statistics Canada".)
    bool club = s_.english && g >= 0 && g_end == last && s_.lex.entry(g).type == EntityType::kLocation;
    // (After a company's cue the whole run is its name: "l'entreprise Royal
    // Caribbean", "la compagnie Air Caraïbes" — unless the word ends the cue:
    // "le think Tank RAND".)
    bool company = words_.CueBefore(first) == EntityType::kOrg && !s_.lex.Cue(s_.Lower(first));
    // (Nor is a team's before its score: "Crystal Palace 4 1 2 1 4 3 5".)
    bool team = s_.TeamRow(last);
    if (((g >= 0 && g_end == last) || strong_rest) && !club && !company && !team) {
      ++first;
      gaz = g;
    }
  }
  return first <= last;
}

// A cardinal point before a place is a part of it, no name: "dans le Nord
// de l'Allemagne", "le Sud-Est de la France" (not "le Nord", the
// département), whatever a gazetteer says.
bool MentionFilter::CardinalOfPlace(size_t first, size_t last) const {
  if (first != last || !InWordClass(WordClass::kCardinalPoint, s_.Text(first)) || first + 2 >= s_.toks.size()) {
    return false;
  }
  const std::string_view of = s_.Lower(first + 1);
  return (of == "de" || of == "du" || of == "des" || of == "d'" || of == "d’") &&
         (s_.toks[first + 2].upper_initial || (first + 3 < s_.toks.size() && s_.toks[first + 3].upper_initial));
}

// The gazetteer entry of a span not matched as one: its folded form
// (kept in `folded`) or its name without a company suffix.
void MentionFilter::FindEntry(size_t first, size_t last, Candidate* cand, std::string* folded) const {
  Candidate& c = *cand;
  if (c.gazetteer < 0) {
    *folded = FoldName(c.surface);
    int g = s_.lex.FindPhrase(*folded);
    if (g >= 0 && (s_.lex.entry(g).user || gazetteer_.CaseMatches(c.surface, *folded, g, gazetteer_.Abbreviation(first, last)))) {
      c.gazetteer = g;
    }
  }
  // "Taiwan Semiconductor Manufacturing Co", "ASML Holding", "Tesla
  // Motors": a known name with a company's legal form or a maker's word
  // the gazetteer does not spell out — not another organisation named
  // after it ("Porsche Club", "Facebook News").
  if (c.gazetteer < 0 && last > first &&
      (s_.lex.IsCompanyForm(s_.Text(last)) || InWordClass(WordClass::kMakerWord, s_.Lower(last)))) {
    size_t end = last - 1;
    while (end > first && s_.toks[end].kind == TokenKind::kPunct) --end;
    std::string base(s_.text.substr(s_.toks[first].start, s_.toks[end].end - s_.toks[first].start));
    int g = s_.lex.FindPhrase(FoldName(base));
    if (g < 0) g = s_.lex.FindPhrase(FoldName(base + " Company"));
    if (g >= 0 && s_.lex.entry(g).type == EntityType::kOrg) c.gazetteer = g;
  }
}

// Whether the candidate is weak (a name only if the document confirms it
// elsewhere); nullopt when it is no name at all.
std::optional<bool> MentionFilter::Weakness(size_t first, size_t last, const Candidate& c) const {
  bool weak = false;
  bool single = first == last;
  if (single) {
    // A French article alone is no name ('"La (...) persécution"'), whatever
    // gazetteer alias it spells in another case ("LA").
    if (!s_.toks[first].all_caps && IsFrenchArticle(s_.Lower(first))) return std::nullopt;
    bool w;
    bool name = words_.IsNameToken(first, &w);
    if (!name && c.gazetteer < 0) return std::nullopt;
    // "un moteur V8" (IsCode says name)
    if (c.gazetteer < 0 && s_.lex.IsCommonAcronym(s_.Text(first))) return std::nullopt;
    if (w && (!words_.ProperByItself(first) || words_.OnlyEnglishProper(first))) weak = true;
    // "le Festival", "les Français", "l’Etat": a capitalised common word
    // alone is not a name unless a gazetteer or the dictionary says so.
    // (In English, inside a sentence, a word the English dictionary spells
    // with this capital is a name: "beat Somerset", "moved to Chesterfield".)
    if (!w && c.gazetteer < 0 && !s_.toks[first].all_caps && !s_.toks[first].inner_caps && !s_.IsCode(first) &&
        !words_.ProperByItself(first) && !TeamName(first) && !EnglishCapitalEntry(first)) {
      weak = true;
    }
    if (words_.IsTitleWord(first) && c.gazetteer < 0) return std::nullopt;
    // "la GT", "Sept 21": words that name nothing alone (not-alone rows of data/word_classes.tsv).
    if (c.gazetteer < 0 && IsNotAlone(s_.Text(first))) return std::nullopt;
    if (c.gazetteer < 0 && s_.Text(first).size() == 1) return std::nullopt;
  } else if (words_.Initial(first) && words_.IsHead(first) && c.gazetteer < 0) {
    // "Groupe de travail ..." opening a sentence: a name only if confirmed.
    bool capital_rest = false;
    for (size_t k = first + 1; k <= last; ++k) if (s_.toks[k].upper_initial) capital_rest = true;
    weak = !capital_rest;
  } else if (c.gazetteer < 0 && !words_.IsHead(first) && AllCommonWords(first, last) &&
             !(s_.english && !words_.Initial(first) && !s_.caps_sentence) && !words_.CueBefore(first)) {
    // "les Grands Prix", "Open Source": capitalised common words only. (In
    // English, where names capitalise every word, such a run inside a
    // sentence is a name: "the Security Council".)
    weak = true;
  } else if (s_.caps_sentence) {
    // An all-caps headline: keep gazetteer names and known proper words.
    bool any = false;
    for (size_t k = first; k <= last; ++k) if (words_.ProperByItself(k)) any = true;
    weak = c.gazetteer < 0 && !any;
  }
  if (weak && !s_.toks[first].all_caps && s_.TeamRow(last)) weak = false;
  if (s_.caps_sentence && c.gazetteer >= 0 && single) {
    // "US" in an all-caps headline is just "us" when the dictionary knows it.
    weak = weak || s_.morph.LookupLowerOf(c.surface).known;
  }
  return weak;
}

}  // namespace kg::recognition

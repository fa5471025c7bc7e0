#include "candidate_scanner.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>

#include "kg/base/text.h"
#include "word_classes.h"

namespace kg::recognition {
namespace {

bool IsAscii(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
}

bool IsOpeningQuote(std::string_view t) { return t == "«" || t == "\"" || t == "\u201C"; }

bool IsClosingQuote(std::string_view t) { return t == "»" || t == "\"" || t == "\u201D"; }

}  // namespace

// The first of `rules` (each emitting a name from token `i` and returning
// the token after it, or `i`) that emits one: the token after its name, or `i`.
size_t CandidateScanner::FirstRule(std::initializer_list<Rule> rules, size_t i, std::vector<Candidate>* out) const {
  for (Rule rule : rules) {
    if (const size_t after = (this->*rule)(i, out); after > i) return after;
  }
  return i;
}

void CandidateScanner::Scan(std::vector<Candidate>* out) const {
  size_t n = s_.toks.size();
  size_t i = 0;
  while (i < n) {
    if (size_t after = s_.SkipHeaderRow(i); after > i) {
      i = after;
      continue;
    }
    if (size_t after = FirstRule({&CandidateScanner::QuotedTitle, &CandidateScanner::UnquotedTitle}, i, out); after > i) {
      i = after;
      continue;
    }
    if (auto it = s_.long_forms.find(i); it != s_.long_forms.end()) {  // "Droit au logement (DAL)"
      Emit(i, it->second, -1, out);
      i = it->second + 1;
      continue;
    }
    if (EndsTitlePhrase(i)) {  // "garde des Sceaux"
      ++i;
      continue;
    }
    if (size_t next = FirstRule({&CandidateScanner::ScanInitialName, &CandidateScanner::ScanLowerHeadName,
                                 &CandidateScanner::NumberedDistrict, &CandidateScanner::DatedElection,
                                 &CandidateScanner::BeautyPageant, &CandidateScanner::PartyPrimary},
                                i, out);
        next > i) {
      i = next;
      continue;
    }
    int gaz = -1;
    size_t gaz_end = gazetteer_.Match(i, &gaz);
    if (gaz < 0 && i > 0 && s_.IsWord(i - 1) && s_.toks[i].upper_initial && !s_.english) {
      std::string_view prev = s_.Lower(i - 1);
      std::string_view article = prev == "du" || prev == "au" ? "Le" : prev == "des" || prev == "aux" ? "Les" : "";
      // ("champion du Monde" is the world's champion, not Le Monde's.)
      const bool world = prev == "du" && i >= 2 && InWordClass(WordClass::kWorldNoun, s_.Lower(i - 2));
      if (!article.empty() && !world) gaz_end = gazetteer_.Match(i, &gaz, article);
    }
    // "LA montre", "LA RATP": a French article in capitals for emphasis
    // (not Los Angeles), unless it opens a longer known name ("LE MONDE").
    if (!s_.english && gaz_end == i && s_.toks[i].all_caps && IsFrenchArticle(s_.Lower(i)) && i + 1 < s_.toks.size() &&
        s_.IsWord(i + 1) && !s_.LowerInfo(i + 1).function_word && !(i > 0 && s_.Lower(i - 1) == "à")) {
      ++i;
      continue;
    }
    // "le procureur de la République de Grasse": that République is the
    // role's, no place (the town after it is one); a common word in capitals.
    if (ProsecutorsRepublic(i) || (gaz_end == i && CommonWordInCapitals(i))) {
      ++i;
      continue;
    }
    i = ScanName(i, gaz, gaz_end, out);
  }
}

// A common French word in capitals, no name: with an accent, which no
// acronym has ("LÀ", "OÙ", "VIDÉO. Premières images…"; not "LA", Los
// Angeles, nor "HOLLANDE", a name too), of seven letters or more, which
// few acronyms are ("INSOLITE", "SONDAGE"; not "ADVANCED"), or in a run of
// capitals written in French ("PIC DE POLLUTION", "AU 1ER TOUR"; not "au
// CES 2020", "(CAR)", "FIA GT").
bool CandidateScanner::CommonWordInCapitals(size_t i) const {
  const std::string_view t = s_.Text(i);
  if (s_.english || !s_.toks[i].all_caps || t.size() < 2) return false;
  const WordInfo& lower = s_.LowerInfo(i);
  if (IsAscii(t) && !(t.size() >= 7 && lower.known) && !InFrenchCapitalsRun(i)) return false;
  return lower.function_word || words_.IsCapsCommonWord(i);
}

// Whether token `i` is the "République" of "procureur de la République".
bool CandidateScanner::ProsecutorsRepublic(size_t i) const {
  return !s_.english && i >= 3 && (s_.Text(i)[0] | 0x20) == 'r' && s_.LowerText(i) == "république" && s_.Lower(i - 1) == "la" && s_.Lower(i - 2) == "de" &&
         InWordClass(WordClass::kProsecutor, s_.Lower(i - 3));
}

// Whether a word in capitals is in a run of them written in French: two or
// more, one of them a function word or a word with an accent ("PIC DE
// POLLUTION", "TARIFS ÉLEVÉS"; not "FIA GT", "MINI JCW", "au CES 2020").
bool CandidateScanner::InFrenchCapitalsRun(size_t i) const {
  auto caps = [&](size_t k) { return s_.IsWord(k) && s_.toks[k].all_caps && s_.Text(k).size() > 1; };
  size_t first = i, last = i;
  while (first > 0 && caps(first - 1)) --first;
  while (caps(last + 1)) ++last;
  if (first == last) return false;
  for (size_t k = first; k <= last; ++k) {
    if (!IsAscii(s_.Text(k)) || s_.LowerInfo(k).function_word) return true;
  }
  return false;
}

// The last word of a carmaker's model after its name (ending at
// `maker_end`): capitalised words and numbers ("Clio", "911 Turbo S", "Série
// 3", "Model 3"), or `maker_end` — for a model code, which SplitOrgCode
// makes a product of its own ("BMW M2": produit_de), a company's or a
// market's word ("Volvo Cars", "Ford France"), another known name, a person.
size_t CandidateScanner::CarModelEnd(size_t maker_end) const {
  const size_t n = s_.toks.size();
  size_t end = maker_end;
  for (size_t k = maker_end + 1; k < n && k <= maker_end + 4; ++k) {
    if (s_.toks[k].kind == TokenKind::kNumber) {
      // (Right after the maker, one digit is a score or a count: "Hyundai 6
      // Lotte 5"; past the model's first word, a year dates it: "Civic Type R 2020".)
      const size_t digits = s_.Text(k).size();
      if (!ModelNumber(k) || (k == maker_end + 1 && digits < 2) || (k > maker_end + 1 && IsYear(s_.Text(k)))) break;
      end = k;
      continue;
    }
    if (!s_.IsWord(k) || !s_.toks[k].upper_initial) break;
    // (Past the model's first word, "Sport" and the like are the model's: "Chiron Pur Sport".)
    if (k == maker_end + 1 && (s_.IsCode(k) || InWordClass(WordClass::kNotModel, s_.Lower(k)))) break;
    int other = -1;
    if (gazetteer_.Match(k, &other) > k || (other >= 0 && s_.lex.entry(other).type != EntityType::kProduct)) break;
    if (words_.IsFirstName(k) && k + 1 < n && s_.IsWord(k + 1) &&
        (s_.toks[k + 1].upper_initial || IsNameParticle(s_.Lower(k + 1)))) {
      break;  // a person: "le patron de Renault Luca de Meo"
    }
    end = k;
  }
  return end;
}

// A year from 1900 to 2099 ("1938", "2020").
bool CandidateScanner::IsYear(std::string_view t) {
  return t.size() == 4 && (t.starts_with("19") || t.starts_with("20"));
}

// Whether number `k` may be a model's ("911", "208"): at most four digits,
// not an amount or a count ("2 milliards", "3 ans", "5 %", "2,5").
bool CandidateScanner::ModelNumber(size_t k) const {
  const std::string_view t = s_.Text(k);
  if (t.size() > 4 || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  if (k + 1 >= s_.toks.size()) return true;
  const std::string_view next = s_.Text(k + 1);
  if (next == "%" || s_.toks[k + 1].kind == TokenKind::kNumber) return false;
  if ((next == "," || next == ".") && k + 2 < s_.toks.size() && s_.toks[k + 2].kind == TokenKind::kNumber) return false;
  return !(s_.IsWord(k + 1) && InWordClass(WordClass::kCountNoun, s_.Lower(k + 1)));
}

// "K. Barnett", "P. Simmons": an initial opens a person's name. Returns
// the token after the name emitted, or `i`.
size_t CandidateScanner::ScanInitialName(size_t i, std::vector<Candidate>* out) const {
  const size_t n = s_.toks.size();
  if (words_.IsInitialLetter(i) && i + 2 < n && words_.IsNameStart(i + 2) && s_.toks[i + 2].upper_initial &&
      !s_.toks[i + 2].all_caps && !words_.IsTitleWithDot(i)) {
    size_t end = extent_.Extend(i + 2);
    while (end > i + 2 && s_.toks[end].kind == TokenKind::kNumber) --end;  // "S. Waugh 8"
    Emit(i, end, -1, out);
    return end + 1;
  }
  return i;
}

// "le 16e arrondissement", "le 1er arrondissement": an ordinal and a
// district noun (a "district" word class) name a district, which the
// tables' relations then place in its town ("de la capitale", "de Lyon").
// Returns the token after it, or `i`.
size_t CandidateScanner::NumberedDistrict(size_t i, std::vector<Candidate>* out) const {
  if (s_.english || i + 1 >= s_.toks.size() || !s_.toks[i].has_digit || !s_.IsWord(i + 1) ||
      !InWordClass(WordClass::kDistrict, s_.Lower(i + 1))) {
    return i;
  }
  const std::string_view t = s_.Text(i);
  size_t digits = 0;
  while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
  const std::string_view suffix = t.substr(digits);
  if (digits == 0 || digits > 2 || (suffix != "e" && suffix != "er" && suffix != "ème" && suffix != "eme")) return i;
  return EmitVoted(i, i + 1, EntityType::kLocation, kWeights.district, out) ? i + 2 : i;
}

// "l'élection présidentielle de 2017", "les municipales de 2020", "la
// présidentielle américaine de 2020": an election (an "election-kind" word,
// "élection" before it or not, a lower-case adjective after it) and its
// year name that election. Returns the token after it, or `i`.
size_t CandidateScanner::DatedElection(size_t i, std::vector<Candidate>* out) const {
  const size_t n = s_.toks.size();
  // (The election's year is a number after it.)
  if (s_.english || !s_.IsWord(i) || s_.toks[i].upper_initial || static_cast<int>(i) >= s_.last_number) return i;
  size_t kind = i;
  const std::string_view word = s_.LowerText(i);
  if (word == "élection" || word == "élections") ++kind;
  if (kind >= n || !s_.IsWord(kind) || !InWordClass(WordClass::kElectionKind, kind == i ? word : s_.LowerText(kind))) {
    return i;
  }
  size_t k = kind + 1;
  if (k < n && s_.IsWord(k) && !s_.toks[k].upper_initial && s_.Lower(k) != "de" && s_.LowerInfo(k).adjective &&
      !s_.LowerInfo(k).verb) {
    ++k;  // "américaine", "anticipée"
  }
  const size_t year = EditionYear(k - 1);
  if (year == k - 1 || s_.toks[year].kind != TokenKind::kNumber) return i;
  if (!EmitVoted(i, year, EntityType::kOther, kWeights.event_head, out)) return i;
  if (kind > i) {
    out->back().short_form =
        std::string(s_.text.substr(s_.toks[kind].start, s_.toks[year].end - s_.toks[kind].start));
  }
  return year + 1;
}

// "la primaire de la droite et du centre", "la primaire socialiste de 2011":
// a party's or a camp's primary election, an event (party-primary word
// class: the adjectives of a party). Returns the token after it, or `i`.
size_t CandidateScanner::PartyPrimary(size_t i, std::vector<Candidate>* out) const {
  const size_t n = s_.toks.size();
  // (Only an ASCII "p" or "P" lowers to "p": the first byte tells most words apart.)
  if (s_.english || !s_.IsWord(i) || i + 1 >= n || (s_.Text(i)[0] | 0x20) != 'p') return i;
  if (const std::string_view word = s_.LowerText(i); word != "primaire" && word != "primaires") return i;
  size_t end = i;
  if (i + 3 < n && s_.Lower(i + 1) == "de" && s_.Lower(i + 2) == "la" &&
      (s_.Lower(i + 3) == "droite" || s_.Lower(i + 3) == "gauche")) {
    end = i + 3;
    if (end + 3 < n && s_.Lower(end + 1) == "et" && s_.Lower(end + 2) == "du" && s_.Lower(end + 3) == "centre") end += 3;
  } else if (s_.IsWord(i + 1) && InWordClass(WordClass::kPartyPrimary, s_.Lower(i + 1))) {
    end = i + 1;
  } else {
    return i;
  }
  end = EditionYear(end);
  return EmitVoted(i, end, EntityType::kOther, kGazetteerVote, out) ? end + 1 : i;
}

// "Miss France", "Miss Provence 2019", "Miss Monde": "Miss" before a known
// place or a word of the world a beauty pageant, an event of its own (not
// the place: "élue Miss France" says nothing of France). Returns the token
// after the name emitted, or `i`.
size_t CandidateScanner::BeautyPageant(size_t i, std::vector<Candidate>* out) const {
  const size_t n = s_.toks.size();
  if (s_.english || s_.Text(i) != "Miss" || i + 1 >= n || !s_.IsWord(i + 1) || !s_.toks[i + 1].upper_initial) return i;
  int place = -1;
  size_t end = gazetteer_.Match(i + 1, &place);
  const std::string_view w = s_.Lower(i + 1);
  const bool world = w == "monde" || w == "univers" || w == "terre" || w == "international";
  if (world) end = i + 1;
  else if (place < 0 || s_.lex.entry(place).type != EntityType::kLocation) return i;
  end = EditionYear(end);
  return EmitVoted(i, end, EntityType::kOther, kGazetteerVote, out) ? end + 1 : i;
}

// Whether a lower-case head opens at token `i`: one word ("tribunal"), or
// two or three that make one ("centre hospitalier").
bool CandidateScanner::LowerHeadAt(size_t i) const {
  if (!s_.lex.MayOpenLowerHead(s_.Text(i))) return false;
  if (s_.lex.IsLowerHead(s_.Text(i))) return true;
  if (!s_.lex.OpensLowerHead(s_.Text(i))) return false;
  for (size_t k = i + 1; k < s_.toks.size() && k <= i + 2; ++k) {
    if (s_.toks[k].upper_initial) return false;
    if (s_.lex.IsLowerHead(s_.text.substr(s_.toks[i].start, s_.toks[k].end - s_.toks[i].start))) return true;
  }
  return false;
}

// "tribunal correctionnel de Vesoul", "musée Fitzwilliam": a lower-case
// head opens a name when a capitalised name follows under it (not before
// a bare article: "à ce stade la quasi-totalité", "il place le bloc"; nor
// "à la place de", instead of). Returns the token after the name emitted,
// or `i`.
size_t CandidateScanner::ScanLowerHeadName(size_t i, std::vector<Candidate>* out) const {
  const size_t n = s_.toks.size();
  if (s_.IsWord(i) && !s_.toks[i].upper_initial && !s_.toks[i].has_digit && LowerHeadAt(i) &&
      !(i + 1 < n && IsBareArticle(s_.Lower(i + 1))) &&
      !(i >= 2 && s_.Lower(i) == "place" && s_.Lower(i - 1) == "la" && s_.Lower(i - 2) == "à")) {
    size_t end = extent_.Extend(i);
    // A person's name is no part of it: the name ends at the last capital
    // before one ("le ministère de la Santé Ashley Bloomfield"), there is
    // none when the person comes first ("la brigade de Michel Sarran") or
    // a title announces them ("une proposition de loi du sénateur des
    // Bouches-du-Rhône Bruno Gilles").
    size_t last_capital = i;
    bool titled = false;
    for (size_t k = i + 1; k <= end; ++k) {
      if (!s_.IsWord(k)) continue;
      if (!s_.toks[k].upper_initial) {
        titled = titled || s_.lex.IsTitle(s_.Lower(k));
        continue;
      }
      if (words_.IsFirstName(k) && k + 1 <= end && s_.IsWord(k + 1) && s_.toks[k + 1].upper_initial) {
        end = titled ? i : last_capital;
        break;
      }
      last_capital = k;
    }
    const bool named = last_capital > i && end > i;
    if (named) {
      Emit(i, end, -1, out);
      return end + 1;
    }
  }
  return i;
}

// A name from `i` on (`gaz`: the gazetteer entry matched there, ending at
// `gaz_end`): a capitalised article's name, a weak sentence-initial word,
// a known name, two known names side by side. Returns the next token.
size_t CandidateScanner::ScanName(size_t i, int gaz, size_t gaz_end, std::vector<Candidate>* out) const {
  // "la Renault Clio", "la Porsche 911 Turbo S": a carmaker and its model,
  // one product (in French: English keeps its typer's training as it is).
  const bool model_next = gaz_end + 1 < s_.toks.size() &&
                          (s_.toks[gaz_end + 1].upper_initial || s_.toks[gaz_end + 1].kind == TokenKind::kNumber);
  if (!s_.english && gaz >= 0 && model_next && s_.lex.entry(gaz).type == EntityType::kOrg &&
      InWordClass(WordClass::kCarmaker, FoldName(s_.lex.entry(gaz).name))) {
    const size_t model_end = CarModelEnd(gaz_end);
    if (model_end > gaz_end && EmitVoted(i, model_end, EntityType::kProduct, kGazetteerVote, out)) return model_end + 1;
  }
  if (gaz < 0 && words_.CapitalArticleOpensName(i)) {
    // "à La Balme", "au journal Le Petit Écho": in French an article
    // written with a capital inside a sentence belongs to the name.
    size_t name_end = extent_.Extend(i + 1);
    Emit(i, name_end, -1, out);
    return name_end + 1;
  }
  bool starts = words_.IsNameStart(i);
  if (!starts && gaz < 0) return i + 1;
  size_t end = starts ? extent_.Extend(i) : i;
  // A sentence-initial common word ("Les", "Selon", "Banque" is kept as
  // a head) is a name only if the document confirms it elsewhere.
  bool weak_start = false;
  if (gaz < 0 && words_.IsNameToken(i, &weak_start) && weak_start && !words_.ProperByItself(i) && !words_.IsHead(i) &&
      !DefinesAcronym(i, end) && !words_.QualifiesHead(i, end) && !s_.TeamRow(end) &&
      !filter_.EnglishNameOpener(i, end)) {
    Emit(i, i, -1, out);
    return i + 1;
  }
  bool from_gazetteer = false;
  if (gaz >= 0 && gaz_end >= end) {
    end = gaz_end;
    from_gazetteer = true;
  } else if (gaz >= 0 && gaz_end < end) {
    // "Microsoft Meta": two known names side by side are two names —
    // but for a broadcaster's edition named by a place, "France Bleu Auxerre".
    int next_gaz = -1;
    size_t next_end = gazetteer_.Match(gaz_end + 1, &next_gaz);
    if (next_gaz >= 0 && PlaceEdition(gaz, next_gaz)) {
      const size_t before = out->size();
      Emit(i, std::max(end, next_end), -1, out);
      if (out->size() > before) Vote(&out->back(), EntityType::kOrg, kGazetteerVote);
      return std::max(end, next_end) + 1;
    }
    if (next_gaz >= 0) {
      end = gaz_end;
      from_gazetteer = true;
    }
  }
  if (!from_gazetteer && end > i) {
    // "NVIDIA H800": a known organisation followed by a model code is two names.
    size_t split = SplitOrgCode(i, end);
    if (split > i) {
      int g = s_.lex.FindPhrase(FoldName(s_.text.substr(s_.toks[i].start, s_.toks[split - 1].end - s_.toks[i].start)));
      Emit(i, split - 1, g, out);
      i = split;
    }
  }
  if (!from_gazetteer) end = ExtendToAcronym(i, end);
  if (from_gazetteer && s_.lex.entry(gaz).type == EntityType::kOther) {
    if (const size_t edition = EditionYear(end); edition > end) {
      // "l'Euro 2016", "les Jeux olympiques de 2024", "la Coupe du monde de
      // rugby": one edition or one sport's event of a known event, an event
      // of its own (not the gazetteer's, which they would all share).
      return EmitVoted(i, edition, EntityType::kOther, kGazetteerVote, out) ? edition + 1 : end + 1;
    }
  }
  Emit(i, end, from_gazetteer ? gaz : -1, out);
  return end + 1;
}

// The sport and the year after an event's last token `end` ("de football
// 2022", "2016", "de 2024"): the last of their tokens, else `end`.
size_t CandidateScanner::EditionYear(size_t end) const {
  const size_t n = s_.toks.size();
  if (end + 2 < n && s_.Lower(end + 1) == "de" && s_.IsWord(end + 2) &&
      InWordClass(WordClass::kSport, s_.Lower(end + 2))) {
    return std::max(end + 2, EditionYear(end + 2));
  }
  size_t k = end + 1;
  if (k < n && s_.Lower(k) == "de") ++k;
  if (k >= s_.toks.size() || s_.toks[k].kind != TokenKind::kNumber) return end;
  // (Not a date's year: "le Tour de France 2020, du 29 août": fine; "Noël
  // 2019" too. Not a count: "Euro 2016 000" is no year.)
  if (!IsYear(s_.Text(k)) || (k + 1 < s_.toks.size() && s_.toks[k + 1].kind == TokenKind::kNumber)) return end;
  return k;
}

// The title of a work in quotes after a noun that announces one: the film
// « Le Seigneur des anneaux », l'émission "Cauchemar en cuisine". Emits it
// and returns the index after the closing quote (else `i`).
size_t CandidateScanner::QuotedTitle(size_t i, std::vector<Candidate>* out) const {
  constexpr size_t kMaxWords = 10;
  if (!IsOpeningQuote(s_.Text(i))) return i;
  std::optional<EntityType> cue = words_.CueBefore(WorkNounBefore(i));
  if (!cue || (*cue != EntityType::kOther && *cue != EntityType::kProduct)) return i;
  if (i + 1 >= s_.toks.size() || !s_.IsWord(i + 1) || !s_.toks[i + 1].upper_initial) return i;
  size_t close = i + 1;
  for (; close < s_.toks.size() && close <= i + kMaxWords + 1; ++close) {
    std::string_view t = s_.Text(close);
    if (IsClosingQuote(t)) break;
    // ("Les Terriens du samedi !": a mark right before the closing quote is the title's)
    const bool closes = close + 1 < s_.toks.size() && IsClosingQuote(s_.Text(close + 1));
    if (((t == "!" || t == "?") && !closes) || t == "." || t == ";" || IsOpeningQuote(t)) return i;
  }
  if (close >= s_.toks.size() || !IsClosingQuote(s_.Text(close)) || close == i + 1) return i;
  size_t last = close - 1;
  if (last > i + 1 && (s_.Text(last) == "!" || s_.Text(last) == "?")) --last;
  return EmitVoted(i + 1, last, *cue, kWeights.quoted_title, out) ? close + 1 : i;
}

// Emits first..last (a title, a district) with a vote for `type`, unless
// its key is empty or stopped; whether it did.
bool CandidateScanner::EmitVoted(size_t first, size_t last, EntityType type, float weight,
                                 std::vector<Candidate>* out) const {
  Candidate c;
  c.sentence = s_.index;
  c.first = static_cast<uint32_t>(first);
  c.last = static_cast<uint32_t>(last);
  c.surface = std::string(s_.text.substr(s_.toks[first].start, s_.toks[last].end - s_.toks[first].start));
  c.key = MergeKey(c.surface);
  if (c.key.empty() || s_.lex.IsStopped(c.key)) return false;
  Vote(&c, type, weight);
  out->push_back(std::move(c));
  return true;
}

// Where the noun announcing a quoted title would end: right before the quote
// `i`, or before the adjectives and the owner between them ("la trilogie
// fantastique de Peter Jackson « Le Seigneur des anneaux »", "son
// spectacle humoristique « ... »").
size_t CandidateScanner::WorkNounBefore(size_t i) const {
  constexpr size_t kMaxOwnerWords = 4;
  size_t j = i;
  // The owner: "de" or "d'" then capitalised words.
  size_t k = j;
  while (k > 0 && j - k < kMaxOwnerWords && s_.IsWord(k - 1) && s_.toks[k - 1].upper_initial) --k;
  if (k < j && k > 1) {
    const std::string_view de = StripElision(s_.Lower(k - 1));
    if ((s_.IsWord(k - 1) || s_.toks[k - 1].elision) && (de == "de" || de == "d")) j = k - 1;
  }
  for (int adjectives = 0; adjectives < 2 && j > 1 && s_.IsWord(j - 1) && !s_.toks[j - 1].upper_initial; ++adjectives) {
    const WordInfo& w = s_.LowerInfo(j - 1);
    if (!w.adjective || w.verb || w.function_word || words_.CueBefore(j)) break;
    --j;
  }
  return j;
}

// The title of a work without quotes after a noun that announces one (a
// "work-noun": "l'émission Cauchemar en cuisine de Philippe Etchebest", "le
// film Les Misérables"): its capitalised first word, then words up to a
// mark, a verb, or a preposition before a capitalised name (whose work it
// is). Emits it and returns the index after it (else `i`).
size_t CandidateScanner::UnquotedTitle(size_t i, std::vector<Candidate>* out) const {
  constexpr size_t kMaxWords = 6;
  const size_t n = s_.toks.size();
  if (s_.english || i == 0 || !s_.IsWord(i) || !s_.toks[i].upper_initial || s_.toks[i].all_caps ||
      !s_.IsWord(i - 1) || !InWordClass(WordClass::kWorkNoun, StripElision(s_.Lower(i - 1))) || words_.IsFirstName(i)) {
    return i;
  }
  size_t last = i;
  bool common = false;  // a word in lower case: a title of common words, which no other rule finds
  for (size_t k = i + 1; k < n && k < i + kMaxWords; ++k) {
    if (!s_.IsWord(k) && !s_.toks[k].elision) break;
    const WordInfo& w = s_.LowerInfo(k);
    if (((w.finite || w.participle) && !w.noun) || w.auxiliary) break;  // "Epic Games n'a", "Pernaut Interrogé", "eTrophy lancée"
    if (s_.toks[k].upper_initial || s_.toks[k].inner_caps || s_.toks[k].has_digit) {  // "eTrophy"
      last = k;
      continue;
    }
    const std::string_view lower = s_.Lower(k);
    const bool before_name = k + 1 < n && s_.toks[k + 1].upper_initial && w.function_word;
    const bool list = (lower == "et" || lower == "ou") && !(k + 1 < n && s_.toks[k + 1].upper_initial);
    if ((w.verb && !w.noun) || before_name || list || lower == "qui" || lower == "que" ||
        (k + 1 < n && s_.toks[k + 1].kind == TokenKind::kNumber)) {
      break;
    }
    if (!w.function_word) {
      last = k;
      common = true;
    }
  }
  // A name of capitalised words is left to the other rules ("le film
  // Intouchables", "la série The Crown").
  if (last == i || !common) return i;
  return EmitVoted(i, last, EntityType::kOther, kWeights.quoted_title, out) ? last + 1 : i;
}

// Gazetteer entry `place`, right after entry `media`, names its edition.
bool CandidateScanner::PlaceEdition(int media, int place) const {
  return s_.lex.entry(place).type == EntityType::kLocation && s_.lex.entry(media).type == EntityType::kOrg &&
         s_.lex.HasPlaceEditions(ToLower(s_.lex.entry(media).name));
}

// Whether word i ends a title of three words ("garde des Sceaux").
bool CandidateScanner::EndsTitlePhrase(size_t i) const {
  if (i < 2 || !s_.IsWord(i) || !s_.toks[i].upper_initial || !s_.IsWord(i - 1) || !s_.IsWord(i - 2)) return false;
  if (!s_.lex.MayEndTitle(s_.Lower(i))) return false;
  std::string phrase(s_.Lower(i - 2));
  phrase.append(" ").append(s_.Lower(i - 1)).append(" ").append(s_.Lower(i));
  return s_.lex.IsTitle(phrase);
}

// "Organisation for Security and Cooperation in Europe (OSCE)": a name
// continued over a preposition by the capitalised words that complete the
// acronym given in parentheses after them. Returns the new last word (else
// `last`).
size_t CandidateScanner::ExtendToAcronym(size_t first, size_t last) const {
  constexpr size_t kMaxWords = 5;
  const size_t n = s_.toks.size();
  if (last + 1 >= n || !s_.IsWord(last + 1) || s_.toks[last + 1].upper_initial || DefinesAcronym(first, last)) {
    return last;
  }
  size_t k = last + 1;
  while (k < n && k <= last + 2 && s_.IsWord(k) && !s_.toks[k].upper_initial) ++k;  // "in", "en", "pour la"
  if (k >= n || !s_.IsWord(k) || !s_.toks[k].upper_initial) return last;
  size_t end = k;
  while (end + 1 < n && end + 1 <= last + kMaxWords && s_.IsWord(end + 1) && s_.toks[end + 1].upper_initial &&
         !s_.toks[end + 1].all_caps) {
    ++end;
  }
  return DefinesAcronym(first, end) ? end : last;
}

// "Mobile World Live (MWL)", "Organisation pour la sécurité et la coopération
// en Europe (OSCE)": the words before the parenthesis spell the acronym —
// their capitals, or (when these fall short) their content words' initials.
bool CandidateScanner::DefinesAcronym(size_t first, size_t last) const {
  if (last + 3 >= s_.toks.size() + 1 || last + 2 >= s_.toks.size()) return false;
  if (s_.Text(last + 1) != "(" || !s_.toks[last + 2].all_caps || last + 3 >= s_.toks.size() ||
      s_.Text(last + 3) != ")") {
    return false;
  }
  std::string acro = MergeKey(s_.Text(last + 2));
  std::string capitals, content;
  for (size_t k = first; k <= last; ++k) {
    if (!s_.IsWord(k)) continue;
    std::string initial = MergeKey(s_.Text(k)).substr(0, 1);
    if (s_.toks[k].upper_initial) capitals += initial;
    if (s_.toks[k].upper_initial || !(IsNameConnector(s_.Lower(k)) || IsListJoiner(s_.Lower(k)) ||
                                      InWordClass(WordClass::kPreposition, s_.Lower(k)))) {
      content += initial;
    }
  }
  return !acro.empty() && (acro == capitals || (acro.size() >= 3 && acro == content));
}

// Index of the code token that follows a gazetteer organisation inside
// [i, end], or i when there is none.
// Also "AFP Yuta Shinohara", "Assemblée nationale Richard Ferrand": a known
// organisation or place followed by what looks like a person's name.
size_t CandidateScanner::SplitOrgCode(size_t i, size_t end) const {
  for (size_t p = i + 1; p <= end; ++p) {
    if (!s_.IsWord(p)) continue;
    int g = s_.lex.FindPhrase(FoldName(s_.text.substr(s_.toks[i].start, s_.toks[p - 1].end - s_.toks[i].start)));
    if (g < 0) continue;
    EntityType t = s_.lex.entry(g).type;
    if (s_.IsCode(p) && t == EntityType::kOrg) return p;
    // ("San Diego Padres" is no place "San" then a person.)
    // (Nor "Léon Lef Forster", a person; nor "La Isla Bonita", an article.)
    if ((t == EntityType::kOrg || t == EntityType::kLocation) && end >= p + 1 && !words_.IsSaint(p - 1) &&
        !words_.IsFirstName(i) && !s_.LowerInfo(i).function_word && LooksLikePerson(p, end)) {
      return p;
    }
  }
  return i;
}

// Two to four capitalised words, the first a first name or neither known
// to the dictionaries.
bool CandidateScanner::LooksLikePerson(size_t first, size_t last) const {
  if (last - first > 3) return false;
  for (size_t k = first; k <= last; ++k) {
    if (!s_.IsWord(k) || !s_.toks[k].upper_initial || s_.toks[k].all_caps) return false;
  }
  if (words_.IsFirstName(first)) return true;
  for (size_t k = first; k <= last; ++k) {
    const WordInfo& w = s_.InfoOf(k);
    // (A name English knows only with a capital is still a name: "Maribel".)
    if (w.known || (w.english && !w.english_proper)) return false;
  }
  return true;
}

// A surname's particle before the one-word name at `first` ("Gaulle" is no
// name; "La Fayette" is), which is then where the name starts: "de" after
// a title that takes one ("le général de Gaulle", "M. de Villepin"), or
// "De" opening a sentence ("De Gaulle a lancé l'appel") — not before a
// known name ("De Paris à Lyon").
size_t CandidateScanner::ParticleSurnameStart(size_t first) const {
  if (s_.english || first == 0 || !s_.IsWord(first) || !s_.toks[first].upper_initial || s_.toks[first].all_caps) {
    return first;
  }
  int g = -1;
  gazetteer_.Match(first, &g);
  if (g >= 0) return first;
  const size_t p = first - 1;
  const std::string_view particle = s_.Text(p);
  if (particle == "De" && words_.Initial(p) && !s_.LowerOf(first).known) {
    // ("De Yitzhar à Efrat": a range.)
    const bool range = first + 1 < s_.toks.size() && (s_.Lower(first + 1) == "à" || s_.Lower(first + 1) == "au");
    return range ? first : p;
  }
  // "Mme le Pen", "M. le Drian": an article written in lower case, after a
  // capitalised or abbreviated title, before a word no dictionary has.
  const bool article = (particle == "le" || particle == "la") && !s_.LowerOf(first).known;
  if ((particle != "de" && !article) || p < 2) return first;
  size_t t = p - 1;
  const bool dotted = s_.Text(t) == ".";
  if (dotted) --t;  // "M. de Villepin"
  if (!s_.IsWord(t) || !InWordClass(WordClass::kParticleTitle, s_.Lower(t))) return first;
  if (article) return dotted || s_.toks[t].upper_initial ? p : first;
  // The title a noun itself, after a determiner ("le général de Gaulle"; not
  // "le délégué général de Pollinis"), unless abbreviated.
  const bool noun = dotted || t == 0 || words_.Initial(t) || InWordClass(WordClass::kDeterminer, s_.Lower(t - 1));
  return noun ? p : first;
}

// Emits the candidate first..last (`gaz`: its gazetteer entry, when the
// scanner matched one) unless the filter finds no name in it.
void CandidateScanner::Emit(size_t first, size_t last, int gaz, std::vector<Candidate>* out) const {
  bool titled = false;
  if (filter_.CardinalOfPlace(first, last)) return;
  if (gaz < 0 && !filter_.TrimSpan(&first, &last, &gaz, &titled)) return;
  const size_t before_particle = first;
  if (gaz < 0 && first == last) first = ParticleSurnameStart(first);
  Candidate c;
  c.sentence = s_.index;
  c.first = static_cast<uint32_t>(first);
  c.last = static_cast<uint32_t>(last);
  c.surface = std::string(s_.text.substr(s_.toks[first].start, s_.toks[last].end - s_.toks[first].start));
  c.gazetteer = gaz;
  std::string folded;  // FoldName(c.surface), when needed here
  filter_.FindEntry(first, last, &c, &folded);
  std::optional<bool> weak = filter_.Weakness(first, last, c);
  if (!weak) return;
  c.key = folded.empty() ? MergeKey(c.surface) : MergeKeyOfFolded(folded);
  if (s_.lex.IsStopped(c.key)) return;
  c.weak = *weak;
  votes_.Cast(first, last, titled, &c);
  if (first != before_particle) Vote(&c, EntityType::kPerson, kWeights.particle);  // "de Gaulle"
  out->push_back(std::move(c));
}

}  // namespace kg::recognition

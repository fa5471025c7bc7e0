#include "name_words.h"

#include <string>

#include "candidate.h"
#include "kg/base/text.h"
#include "word_classes.h"

namespace kg::recognition {
namespace {

// "Jeanmarcmorandini.comL'assaillant", "Lopinion.frTous": a web address
// glued to the next sentence by a lost space.
bool IsGluedDomain(std::string_view w) {
  for (std::string_view tld : {".com", ".fr", ".net", ".org", ".info", ".tv", ".io"}) {
    size_t p = w.find(tld);
    if (p == std::string_view::npos || p == 0) continue;
    size_t after = p + tld.size();
    if (after < w.size() && w[after] >= 'A' && w[after] <= 'Z') return true;
  }
  return false;
}

// "XXe", "IIIe", "XIXème": centuries and ordinals in Roman numerals.
bool IsRomanOrdinal(std::string_view w) {
  size_t i = 0;
  while (i < w.size() && std::string_view("IVXLCDM").find(w[i]) != std::string_view::npos) ++i;
  if (i == 0) return false;
  std::string_view rest = w.substr(i);
  return rest == "e" || rest == "er" || rest == "ème" || rest == "eme" || rest == "ᵉ" || rest == "è";
}

}  // namespace

// "Prince Charles", "Pape François": a capitalised royal title and one
// given name are the name ("Charles III" needs none).
bool NameWords::KeepsRoyalTitle(size_t first, size_t last) const {
  if (!s_.toks[first].upper_initial || s_.toks[first].all_caps || !s_.lex.IsRoyalTitle(s_.Lower(first))) return false;
  return last == first + 1 && IsFirstName(last);
}

bool NameWords::CapitalArticleOpensName(size_t i) const {
  if (s_.english || s_.caps_sentence || !s_.IsWord(i) || !s_.IsWord(i + 1)) return false;
  std::string_view t = s_.Text(i);
  if (t != "La" && t != "Le" && t != "Les") return false;
  if (Initial(i) || !s_.toks[i + 1].upper_initial || s_.toks[i + 1].all_caps) return false;
  int g = -1;
  gazetteer_.Match(i + 1, &g);
  return g < 0 && IsNameStart(i + 1) && !IsTitleWord(i + 1);
}

// True for the first word of the sentence or of a quotation / list item.
bool NameWords::Initial(size_t i) const {
  for (size_t k = i; k-- > 0;) {
    const Token& t = s_.toks[k];
    if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) return false;
    std::string_view p = s_.Text(k);
    if (IsOpeningPunct(p)) return true;
    if (t.elision) return false;
  }
  return true;
}

bool NameWords::KnownCommon(std::string_view word) const { return IsKnownCommon(s_.morph, word); }

// "témoinAucune", "gendarmeriesTrès": two common words glued by a lost
// space, not a CamelCase name.
bool NameWords::IsGlued(std::string_view w) const {
  bool prev_lower = false;
  for (size_t i = 0; i < w.size();) {
    size_t len;
    char32_t c = DecodeUtf8(w, i, &len);
    if (IsUpper(c) && prev_lower && i >= 3) {
      std::string left(w.substr(0, i)), right(w.substr(i));
      const WordInfo& l = s_.morph.Lookup(ToLower(left));
      const WordInfo& r = s_.morph.LookupLowerOf(right);
      return l.known && r.known && !s_.morph.Lookup(right).proper;
    }
    prev_lower = IsLower(c);
    i += len;
  }
  return false;
}

// A word that can start or continue a name.
bool NameWords::IsNameToken(size_t i, bool* weak) const {
  *weak = false;
  if (!s_.IsWord(i)) return false;
  const Token& t = s_.toks[i];
  if (t.elision) return false;
  // A lower-case word that is no code is no name (tested first: the tests
  // below intern the word, and most words are such).
  if (!t.upper_initial && !t.inner_caps && !s_.IsCode(i)) return false;
  if (IsGluedDomain(s_.Text(i))) return false;
  if (IsNotNameCompound(s_.Lower(i))) return false;
  // "Ehpad": a common acronym written in title case.
  if (!t.all_caps && t.end - t.start >= 5) {
    std::string upper(s_.Text(i));
    for (char& ch : upper) if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (s_.lex.IsCommonAcronym(upper)) return false;
  }
  if (s_.IsCode(i)) return true;
  if (t.inner_caps && !t.all_caps) return !IsGlued(s_.Text(i)) && !s_.lex.IsNotName(s_.Lower(i));  // "kWh"
  if (!t.upper_initial) return false;
  if (IsRomanOrdinal(s_.Text(i))) return false;
  if (t.all_caps && !s_.caps_sentence) {
    if (s_.lex.IsCommonAcronym(s_.Text(i))) return false;
    if (t.end - t.start == 1) return false;
    return true;
  }
  // Months, weekdays, pronouns, demonyms — unless it is also a first name
  // (Christian, Mars); in English, a first name followed by a name (June
  // Carter; not "He said", "in June").
  if (s_.W(i)->Cached(kNotNameBit, [&] { return s_.lex.IsNotName(s_.Lower(i)); }) &&
      !(IsFirstName(i) && (!s_.english || (i + 1 < s_.toks.size() && s_.toks[i + 1].kind == TokenKind::kWord &&
                                           s_.toks[i + 1].upper_initial && !s_.toks[i + 1].all_caps &&
                                           !s_.lex.IsNotName(s_.Lower(i + 1))))) &&
      !DemonymOpensName(i)) {
    return false;
  }
  // In an all-caps headline, a word the dictionary knows in lower case is
  // a common word ("ROMANIA BEAT LITHUANIA", "ROBERTO DURAN FIGHTS").
  if (s_.caps_sentence && t.all_caps && IsCapsCommonWord(i)) return false;
  if (s_.caps_sentence || Initial(i)) *weak = true;
  return true;
}

// In English, a demonym opening a name of capitalised words ending in an
// organisation's or event's word: "Iraqi National Congress", "British
// Airways", "French Open" (not "Iraqi Foreign Minister Tariq Aziz").
bool NameWords::DemonymOpensName(size_t i) const {
  if (!s_.english || s_.caps_sentence) return false;
  size_t k = i + 1;
  while (k < s_.toks.size() && s_.toks[k].kind == TokenKind::kWord && s_.toks[k].upper_initial &&
         !s_.toks[k].all_caps && !IsTitleWord(k) && !s_.lex.IsNotName(s_.Lower(k))) {
    ++k;
  }
  if (k == i + 1) return false;
  return s_.lex.IsOrgSuffix(s_.Text(k - 1)) || s_.lex.IsOtherSuffix(s_.Text(k - 1));
}

// An all-caps word whose lower-case form is a common word and not a proper
// name ("BEAT", "FIGHTS", "RESULTS"; not "LONDON").
bool NameWords::IsCapsCommonWord(size_t i) const {
  std::string title = ToTitle(s_.Text(i));
  if (s_.lex.IsFirstName(title)) return false;
  const WordInfo& proper = s_.morph.Lookup(title);
  if (s_.lex.FindPhrase(s_.Folded(i)) >= 0) return false;
  const WordInfo& lower = s_.morph.Lookup(s_.Lower(i));
  // In English the English dictionary decides ("DRAW" is a word though
  // French knows a place "Draw").
  if (s_.english) {
    return (lower.english || (lower.known && !lower.proper)) && !proper.english_proper && !proper.first_name;
  }
  if (proper.proper || proper.english_proper || proper.first_name) return false;
  return (lower.known && !lower.proper) || lower.english;
}

// In French text, a French common word that only English knows as a
// proper noun ("Dix personnes sont mortes": Dix, a painter).
bool NameWords::OnlyEnglishProper(size_t i) const {
  if (s_.english || s_.toks[i].all_caps || IsFirstName(i)) return false;
  const WordInfo& info = s_.InfoOf(i);
  return info.english_proper && info.known && !info.proper;
}

// Whether a weak (sentence-initial or headline) word is a name by itself.
bool NameWords::ProperByItself(size_t i) const {
  std::string_view w = s_.Text(i);
  std::string title = s_.toks[i].all_caps ? ToTitle(w) : std::string(w);
  if (s_.lex.IsFirstName(title)) return true;
  const WordInfo& info = s_.toks[i].all_caps ? s_.morph.Lookup(title) : s_.InfoOf(i);
  if (info.english_proper) return true;
  // A French surname does not make an English common word a name: "More
  // than 300 people" (French knows a surname More).
  if (info.proper &&
      !(s_.english && info.surname && !info.first_name && s_.morph.Lookup(ToLower(w)).english)) {
    return true;
  }
  int g = s_.lex.FindPhrase(s_.Folded(i));
  if (g >= 0 && !s_.toks[i].all_caps) {
    // A gazetteer name that is also a common word ("Oracle", "Total") opens
    // a sentence as a name when a verb, a comma or another name follows.
    if (!s_.LowerOf(i).known) return true;
    size_t k = i + 1;
    if (k >= s_.toks.size()) return false;
    std::string_view next = s_.Lower(k);
    if (s_.toks[k].kind == TokenKind::kPunct) return next == "," || next == ":" || next == "(" || next == ")";
    if (next == "et" || next == "and") return true;
    const WordInfo& ni = s_.LowerInfo(k);
    return ni.finite && !ni.noun && !ni.adjective;
  }
  if (s_.toks[i].all_caps) return false;
  if (info.known || KnownCommon(title)) return false;
  // Hyphenated: "Est-ce", "Peut-être" are common words, "High-Flyer" is not.
  if (title.find('-') != std::string::npos) {
    size_t pos = 0;
    while (pos <= title.size()) {
      size_t dash = title.find('-', pos);
      std::string part = title.substr(pos, dash == std::string::npos ? std::string::npos : dash - pos);
      if (!part.empty()) {
        const WordInfo& pi = s_.morph.Lookup(part);
        if (pi.proper || !pi.known) return true;
      }
      if (dash == std::string::npos) break;
      pos = dash + 1;
    }
    return false;
  }
  return true;
}

bool NameWords::IsNameStart(size_t i) const {
  bool weak;
  if (!IsNameToken(i, &weak)) return false;
  if (IsTitleWord(i) && !s_.toks[i].all_caps && !(i + 1 < s_.toks.size() && KeepsRoyalTitle(i, i + 1))) return false;
  // A capitalised determiner or pronoun does not open a name ("Cette"),
  // though it may continue one ("Marine Le Pen").
  if (!s_.toks[i].all_caps && !s_.toks[i].inner_caps && !s_.IsCode(i)) {
    const WordInfo& info = s_.LowerOf(i);
    if (info.function_word && !info.noun && !s_.InfoOf(i).proper) return false;
  }
  return true;
}

// "January-June", "mid-September", "end-October", "mi-mars", "Arab-Israeli":
// words that are no names alone (months, days, demonyms) joined by
// hyphens, alone or after a word of time.
bool NameWords::IsNotNameCompound(std::string_view lower) const {
  if (lower.find('-') == std::string_view::npos) return false;
  bool not_name = false;
  for (std::string_view part : Split(lower, '-')) {
    if (s_.lex.IsNotName(part)) {
      not_name = true;
    } else if (part != "mid" && part != "end" && part != "early" && part != "late" && part != "mi" && part != "fin") {
      return false;
    }
  }
  return not_name;
}

bool NameWords::IsCardinalPoint(size_t k) const {
  return InWordClass(WordClass::kCardinalPoint, s_.Text(k));
}

// English: the word before a name's head word ("Major League", "Supreme
// Court", "Labour Party") belongs to the name unless it is a word that
// opens sentences ("The", "Yesterday").
bool NameWords::QualifiesHead(size_t first, size_t last) const {
  if (!s_.english || first + 1 > last || !s_.IsWord(first + 1)) return false;
  std::string_view next = s_.Text(first + 1);
  if (!s_.lex.IsOrgSuffix(next) && !s_.lex.IsOtherSuffix(next)) return false;
  std::string_view lower = s_.Lower(first);
  if (InWordClass(WordClass::kSentenceOpener, lower)) return false;
  return !s_.lex.IsNotName(lower);
}

// "la société Equity Residential", "l'émission « Top Chef »": the kind of
// name that the lower-case noun right before token `i` announces.
std::optional<EntityType> NameWords::CueBefore(size_t i) const {
  if (i == 0 || !s_.IsWord(i - 1) || s_.toks[i - 1].upper_initial) return std::nullopt;
  return s_.lex.Cue(StripElision(s_.Lower(i - 1)));
}

bool NameWords::IsHead(size_t i) const {
  return s_.W(i)->Cached(kHeadBit, [&] {
    return s_.lex.IsOrgHead(s_.Lower(i)) || s_.lex.IsLocationHead(s_.Lower(i)) || s_.lex.IsLowerHead(s_.Lower(i)) ||
           (!s_.english && s_.toks[i].upper_initial && s_.lex.IsEventHead(s_.Lower(i)));
  });
}

bool NameWords::IsTitleWord(size_t i) const {
  return s_.W(i)->Cached(kTitleBit, [&] { return s_.lex.IsTitle(s_.Lower(i)); });
}

// "M", "Mme", "Dr" before their dot.
// In English, "M." is an initial (M. Gatting), not Monsieur.
bool NameWords::IsTitleWithDot(size_t i) const {
  if (s_.english && s_.toks[i].end - s_.toks[i].start == 1) return false;
  return s_.W(i)->Cached(kTitleDotBit, [&] { return s_.lex.IsTitle(std::string(s_.Lower(i)) + "."); });
}

bool NameWords::IsConnector(size_t i) const {
  if (!s_.IsWord(i) && !(i < s_.toks.size() && s_.toks[i].elision)) return false;
  return IsNameConnector(s_.Lower(i));
}

// "St Germain", "San Diego": a saint's name continues the name.
bool NameWords::IsSaint(size_t i) const {
  std::string_view w = s_.Lower(i);
  return w == "st" || w == "saint" || w == "sainte" || w == "san" || w == "santa" || w == "são" || w == "sankt";
}

bool NameWords::IsFirstName(size_t i) const {
  return s_.W(i)->Cached(kFirstNameBit, [&] { return s_.InfoOf(i).first_name || IsGivenName(s_.Text(i)); });
}

namespace {

// A simple given name: of our lists or the dictionary's, or one whose
// capital lost its accent ("Edouard", "Eric": Édouard, Éric).
bool IsSimpleGivenName(const SentenceContext& s, const std::string& w) {
  if (s.lex.IsFirstName(w) || s.morph.Lookup(w).first_name) return true;
  if (w.size() < 2 || w[0] != 'E') return false;
  for (std::string_view accented : {"É", "È"}) {
    std::string restored = std::string(accented) + w.substr(1);
    if (s.lex.IsFirstName(restored) || s.morph.Lookup(restored).first_name) return true;
  }
  return false;
}

}  // namespace

bool NameWords::IsGivenName(std::string_view word) const {
  const size_t dash = word.find('-');
  if (dash == std::string_view::npos) return IsSimpleGivenName(s_, std::string(word));
  // Two capitalised given names: not "Saint-Louis", "Jean-de-Luz".
  std::string_view a = word.substr(0, dash), b = word.substr(dash + 1);
  auto capitalised = [](std::string_view part) { return part.size() >= 2 && part[0] >= 'A' && part[0] <= 'Z'; };
  if (!capitalised(a) || !(capitalised(b) || b.starts_with("É")) || b.find('-') != std::string_view::npos) return false;
  return IsSimpleGivenName(s_, std::string(a)) && IsSimpleGivenName(s_, std::string(b));
}

// "K" of "K. Barnett": one capital letter before its dot.
bool NameWords::IsInitialLetter(size_t i) const {
  return s_.IsWord(i) && s_.toks[i].end - s_.toks[i].start == 1 && s_.toks[i].upper_initial && i + 1 < s_.toks.size() &&
         s_.Text(i + 1) == ".";
}

}  // namespace kg::recognition

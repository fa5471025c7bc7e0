#include "kg/extract/recognizer.h"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>
#include <optional>
#include <string>
#include <unordered_map>

#include "kg/base/flat_map.h"
#include "kg/base/text.h"
#include "kg/extract/segmenter.h"
#include "candidate.h"
#include "word_classes.h"

namespace kg {

using recognition::Candidate;
using recognition::IsKnownCommon;
using recognition::kGazetteerVote;
using recognition::Vote;

bool recognition::IsKnownCommon(Morphology& morph, std::string_view word) {
  const WordInfo& info = morph.LookupLowerOf(word);
  if (info.known || info.english) return true;
  std::string lower = ToLower(word);
  static constexpr std::pair<char, std::string_view> kAccents[] = {
      {'e', "é"}, {'e', "è"}, {'e', "ê"}, {'a', "à"}, {'a', "â"}, {'c', "ç"}, {'i', "î"}, {'o', "ô"}, {'u', "û"}};
  for (const auto& [plain, accented] : kAccents) {
    if (lower.empty() || lower[0] != plain) continue;
    if (morph.Lookup(std::string(accented) + lower.substr(1)).known) return true;
  }
  return false;
}

namespace {

constexpr int kMaxSpanTokens = 10;

using Spelling = GazetteerSpelling;

// Properties of a word cached on it (Word::Cached), one bit each.
constexpr uint32_t kFirstNameBit = 1u << 0;
constexpr uint32_t kTitleBit = 1u << 1;
constexpr uint32_t kHeadBit = 1u << 2;
constexpr uint32_t kNotNameBit = 1u << 3;
constexpr uint32_t kPhraseStartBit = 1u << 4;
constexpr uint32_t kTitleDotBit = 1u << 5;  // "M" of "M.": a title once its dot is added

// Per-sentence detection state.
class SentenceScanner {
 public:
  SentenceScanner(std::string_view text, const SentenceTokens& s, uint32_t index, const Lexicon& lex,
                  Morphology& morph, std::vector<std::vector<Spelling>>* spellings, bool english)
      : text_(text), toks_(s.tokens), sentence_(s), index_(index), lex_(lex), morph_(morph), spellings_(spellings),
        english_(english) {
    // An all-caps headline: mostly upper-case words, almost no lower-case ones.
    int caps = 0, lower = 0;
    for (const Token& t : toks_) {
      if (t.kind != TokenKind::kWord || t.end - t.start < 2) continue;
      if (t.all_caps) ++caps;
      else if (!t.upper_initial && !t.inner_caps) ++lower;
    }
    caps_sentence_ = caps >= 3 && lower * 5 <= caps;
    // A score line or a table row: numbers make up much of the sentence
    // ("Somerset 83 and 174", "Pohang 3 Ulsan 2", "CHICAGO 65 66 .492").
    int numbers = 0, words = 0;
    for (const Token& t : toks_) {
      if (t.kind == TokenKind::kNumber || (t.has_digit && !t.has_letter)) ++numbers;
      else if (t.kind == TokenKind::kWord) ++words;
    }
    tabular_ = numbers >= 2 && numbers * 2 >= words;
    fixture_line_ = english_ && caps_sentence_ && IsFixtureLine();
    FindHeaderRows();
    FindAcronymLongForms();
    // The words that can start or join a name are looked at below: intern
    // them together.
    s.InternAll(text_, [](const Token& t) { return t.kind == TokenKind::kWord && (t.upper_initial || t.inner_caps || t.has_digit); });
  }

  // "K. Barnett", "P. Simmons": an initial opens a person's name. Returns
  // the token after the name emitted, or `i`.
  size_t ScanInitialName(size_t i, std::vector<Candidate>* out) {
    const size_t n = toks_.size();
    if (IsInitialLetter(i) && i + 2 < n && IsNameStart(i + 2) && toks_[i + 2].upper_initial &&
        !toks_[i + 2].all_caps && !IsTitleWithDot(i)) {
      size_t end = Extend(i + 2);
      while (end > i + 2 && toks_[end].kind == TokenKind::kNumber) --end;  // "S. Waugh 8"
      Emit(i, end, -1, out);
      return end + 1;
    }
    return i;
  }

  // "tribunal correctionnel de Vesoul", "musée Fitzwilliam": a lower-case
  // head opens a name when a capitalised name follows under it (not before
  // a bare article: "à ce stade la quasi-totalité", "il place le bloc"; nor
  // "à la place de", instead of). Returns the token after the name emitted,
  // or `i`.
  size_t ScanLowerHeadName(size_t i, std::vector<Candidate>* out) {
    const size_t n = toks_.size();
    if (IsWord(i) && !toks_[i].upper_initial && !toks_[i].has_digit && lex_.IsLowerHead(Text(i)) &&
        !(i + 1 < n && IsBareArticle(Lower(i + 1))) &&
        !(i >= 2 && Lower(i) == "place" && Lower(i - 1) == "la" && Lower(i - 2) == "à")) {
      size_t end = Extend(i);
      bool named = false;
      for (size_t k = i + 1; k <= end; ++k) {
        if (!IsWord(k) || !toks_[k].upper_initial) continue;
        // "la brigade de Michel Sarran": a person's name is no part of it.
        named = !(IsFirstName(k) && k + 1 <= end && IsWord(k + 1) && toks_[k + 1].upper_initial);
        break;
      }
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
  size_t ScanName(size_t i, int gaz, size_t gaz_end, std::vector<Candidate>* out) {
    if (gaz < 0 && CapitalArticleOpensName(i)) {
      // "à La Balme", "au journal Le Petit Écho": in French an article
      // written with a capital inside a sentence belongs to the name.
      size_t name_end = Extend(i + 1);
      Emit(i, name_end, -1, out);
      return name_end + 1;
    }
    bool starts = IsNameStart(i);
    if (!starts && gaz < 0) return i + 1;
    size_t end = starts ? Extend(i) : i;
    // A sentence-initial common word ("Les", "Selon", "Banque" is kept as
    // a head) is a name only if the document confirms it elsewhere.
    bool weak_start = false;
    if (gaz < 0 && IsNameToken(i, &weak_start) && weak_start && !ProperByItself(i) && !IsHead(i) &&
        !DefinesAcronym(i, end) && !QualifiesHead(i, end)) {
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
      size_t next_end = MatchGazetteer(gaz_end + 1, &next_gaz);
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
        int g = lex_.FindPhrase(FoldName(text_.substr(toks_[i].start, toks_[split - 1].end - toks_[i].start)));
        Emit(i, split - 1, g, out);
        i = split;
      }
    }
    Emit(i, end, from_gazetteer ? gaz : -1, out);
    return end + 1;
  }

  void Scan(std::vector<Candidate>* out) {
    size_t n = toks_.size();
    size_t i = 0;
    while (i < n) {
      if (size_t after = SkipHeaderRow(i); after > i) {
        i = after;
        continue;
      }
      if (size_t after = QuotedTitle(i, out); after > i) {
        i = after;
        continue;
      }
      if (auto it = long_forms_.find(i); it != long_forms_.end()) {  // "Droit au logement (DAL)"
        Emit(i, it->second, -1, out);
        i = it->second + 1;
        continue;
      }
      if (EndsTitlePhrase(i)) {  // "garde des Sceaux"
        ++i;
        continue;
      }
      if (size_t next = ScanInitialName(i, out); next > i) {
        i = next;
        continue;
      }
      if (size_t next = ScanLowerHeadName(i, out); next > i) {
        i = next;
        continue;
      }
      int gaz = -1;
      size_t gaz_end = MatchGazetteer(i, &gaz);
      if (gaz < 0 && i > 0 && IsWord(i - 1) && toks_[i].upper_initial && !english_) {
        std::string_view prev = Lower(i - 1);
        std::string_view article = prev == "du" || prev == "au" ? "Le" : prev == "des" || prev == "aux" ? "Les" : "";
        if (!article.empty()) gaz_end = MatchGazetteer(i, &gaz, article);
      }
      // "LA montre", "LA RATP": a French article in capitals for emphasis
      // (not Los Angeles), unless it opens a longer known name ("LE MONDE").
      if (!english_ && gaz_end == i && toks_[i].all_caps && IsFrenchArticle(Lower(i)) && i + 1 < toks_.size() &&
          IsWord(i + 1) && !LowerInfo(i + 1).function_word && !(i > 0 && Lower(i - 1) == "à")) {
        ++i;
        continue;
      }
      // "LÀ", "OÙ": a French function word in capitals with an accent, which
      // no acronym has (not "LA", Los Angeles).
      if (!english_ && gaz_end == i && toks_[i].all_caps && !IsAscii(Text(i)) && LowerInfo(i).function_word) {
        ++i;
        continue;
      }
      i = ScanName(i, gaz, gaz_end, out);
    }
  }

 private:
  std::string_view Text(size_t i) const { return toks_[i].Text(text_); }
  Word* W(size_t i) const { return sentence_.WordAt(text_, i); }
  std::string_view Lower(size_t i) const { return W(i)->lower; }
  std::string_view Folded(size_t i) const { return W(i)->fold; }
  // Readings of token i: as written, its lower-case reading, its lower-case form's.
  const WordInfo& InfoOf(size_t i) const { return W(i)->Info(morph_); }
  const WordInfo& LowerOf(size_t i) const { return W(i)->LowerOf(morph_); }
  const WordInfo& LowerInfo(size_t i) const { return W(i)->LowerInfo(morph_); }
  bool IsWord(size_t i) const { return i < toks_.size() && toks_[i].kind == TokenKind::kWord; }

  // "Prince Charles", "Pape François": a capitalised royal title and one
  // given name are the name ("Charles III" needs none).
  // Gazetteer entry `place`, right after entry `media`, names its edition.
  bool PlaceEdition(int media, int place) const {
    return lex_.entry(place).type == EntityType::kLocation && lex_.entry(media).type == EntityType::kOrg &&
           lex_.HasPlaceEditions(ToLower(lex_.entry(media).name));
  }
  bool KeepsRoyalTitle(size_t first, size_t last) const {
    if (!toks_[first].upper_initial || toks_[first].all_caps || !lex_.IsRoyalTitle(Lower(first))) return false;
    return last == first + 1 && IsFirstName(last);
  }

  // Whether word i ends a title of three words ("garde des Sceaux").
  bool EndsTitlePhrase(size_t i) const {
    if (i < 2 || !IsWord(i) || !toks_[i].upper_initial || !IsWord(i - 1) || !IsWord(i - 2)) return false;
    std::string phrase(Lower(i - 2));
    phrase.append(" ").append(Lower(i - 1)).append(" ").append(Lower(i));
    return lex_.IsTitle(phrase);
  }

  static bool IsBareArticle(std::string_view w) {
    return w == "le" || w == "la" || w == "les" || w == "l'" || w == "l’";
  }

  static bool IsAscii(std::string_view w) {
    return std::all_of(w.begin(), w.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
  }

  // "the Braves", "the Cubs": in English a capitalised plural after "the"
  // inside a sentence names a team or a group.
  bool TeamName(size_t i) const {
    if (!english_ || caps_sentence_ || i == 0 || Initial(i) || Lower(i - 1) != "the") return false;
    std::string_view t = Text(i);
    return t.size() >= 4 && t.back() == 's' && t[t.size() - 2] != 's';
  }

  bool CapitalArticleOpensName(size_t i) const {
    if (english_ || caps_sentence_ || !IsWord(i) || !IsWord(i + 1)) return false;
    std::string_view t = Text(i);
    if (t != "La" && t != "Le" && t != "Les") return false;
    if (Initial(i) || !toks_[i + 1].upper_initial || toks_[i + 1].all_caps) return false;
    int g = -1;
    MatchGazetteer(i + 1, &g);
    return g < 0 && IsNameStart(i + 1) && !IsTitleWord(i + 1);
  }

  // True for the first word of the sentence or of a quotation / list item.
  bool Initial(size_t i) const {
    for (size_t k = i; k-- > 0;) {
      const Token& t = toks_[k];
      if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) return false;
      std::string_view p = Text(k);
      if (IsOpeningPunct(p)) return true;
      if (t.elision) return false;
    }
    return true;
  }

  bool KnownCommon(std::string_view word) const { return IsKnownCommon(morph_, word); }

  // "témoinAucune", "gendarmeriesTrès": two common words glued by a lost
  // space, not a CamelCase name.
  bool IsGlued(std::string_view w) const {
    bool prev_lower = false;
    for (size_t i = 0; i < w.size();) {
      size_t len;
      char32_t c = DecodeUtf8(w, i, &len);
      if (IsUpper(c) && prev_lower && i >= 3) {
        std::string left(w.substr(0, i)), right(w.substr(i));
        const WordInfo& l = morph_.Lookup(ToLower(left));
        const WordInfo& r = morph_.LookupLowerOf(right);
        return l.known && r.known && !morph_.Lookup(right).proper;
      }
      prev_lower = IsLower(c);
      i += len;
    }
    return false;
  }

  // "Jeanmarcmorandini.comL'assaillant", "Lopinion.frTous": a web address
  // glued to the next sentence by a lost space.
  static bool IsGluedDomain(std::string_view w) {
    for (std::string_view tld : {".com", ".fr", ".net", ".org", ".info", ".tv", ".io"}) {
      size_t p = w.find(tld);
      if (p == std::string_view::npos || p == 0) continue;
      size_t after = p + tld.size();
      if (after < w.size() && w[after] >= 'A' && w[after] <= 'Z') return true;
    }
    return false;
  }

  // "XXe", "IIIe", "XIXème": centuries and ordinals in Roman numerals.
  static bool IsRomanOrdinal(std::string_view w) {
    size_t i = 0;
    while (i < w.size() && std::string_view("IVXLCDM").find(w[i]) != std::string_view::npos) ++i;
    if (i == 0) return false;
    std::string_view rest = w.substr(i);
    return rest == "e" || rest == "er" || rest == "ème" || rest == "eme" || rest == "ᵉ" || rest == "è";
  }

  bool IsCode(const Token& t) const {
    if (!(t.has_letter && t.has_digit)) return false;
    std::string_view w = t.Text(text_);
    size_t len;
    char32_t first = DecodeUtf8(w, 0, &len);
    if (IsDigit(first)) return false;  // 14e, 3nm, 5G: ordinals and units
    if (IsUpper(first)) return true;
    // Lowercase codes are short: o1, o3.
    return w.size() <= 3;
  }

  // A word that can start or continue a name.
  bool IsNameToken(size_t i, bool* weak) const {
    *weak = false;
    if (!IsWord(i)) return false;
    const Token& t = toks_[i];
    if (t.elision) return false;
    if (IsGluedDomain(Text(i))) return false;
    if (IsNotNameCompound(Lower(i))) return false;
    // "Ehpad": a common acronym written in title case.
    if (!t.all_caps && t.end - t.start >= 5) {
      std::string upper(Text(i));
      for (char& ch : upper) if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
      if (lex_.IsCommonAcronym(upper)) return false;
    }
    if (IsCode(t)) return true;
    if (t.inner_caps && !t.all_caps) return !IsGlued(Text(i));
    if (!t.upper_initial) return false;
    if (IsRomanOrdinal(Text(i))) return false;
    if (t.all_caps && !caps_sentence_) {
      if (lex_.IsCommonAcronym(Text(i))) return false;
      if (t.end - t.start == 1) return false;
      return true;
    }
    // Months, weekdays, pronouns, demonyms — unless it is also a first name
    // (Christian, Mars); in English, a first name followed by a name (June
    // Carter; not "He said", "in June").
    if (W(i)->Cached(kNotNameBit, [&] { return lex_.IsNotName(Lower(i)); }) &&
        !(IsFirstName(i) && (!english_ || (i + 1 < toks_.size() && toks_[i + 1].kind == TokenKind::kWord &&
                                           toks_[i + 1].upper_initial && !toks_[i + 1].all_caps &&
                                           !lex_.IsNotName(Lower(i + 1))))) &&
        !DemonymOpensName(i)) {
      return false;
    }
    // In an all-caps headline, a word the dictionary knows in lower case is
    // a common word ("ROMANIA BEAT LITHUANIA", "ROBERTO DURAN FIGHTS").
    if (caps_sentence_ && t.all_caps && IsCapsCommonWord(i)) return false;
    if (caps_sentence_ || Initial(i)) *weak = true;
    return true;
  }

  // In English, a demonym opening a name of capitalised words ending in an
  // organisation's or event's word: "Iraqi National Congress", "British
  // Airways", "French Open" (not "Iraqi Foreign Minister Tariq Aziz").
  bool DemonymOpensName(size_t i) const {
    if (!english_ || caps_sentence_) return false;
    size_t k = i + 1;
    while (k < toks_.size() && toks_[k].kind == TokenKind::kWord && toks_[k].upper_initial && !toks_[k].all_caps &&
           !IsTitleWord(k) && !lex_.IsNotName(Lower(k))) {
      ++k;
    }
    if (k == i + 1) return false;
    return lex_.IsOrgSuffix(Text(k - 1)) || lex_.IsOtherSuffix(Text(k - 1));
  }

  // An all-caps word whose lower-case form is a common word and not a proper
  // name ("BEAT", "FIGHTS", "RESULTS"; not "LONDON").
  bool IsCapsCommonWord(size_t i) const {
    std::string title = ToTitle(Text(i));
    if (lex_.IsFirstName(title)) return false;
    const WordInfo& proper = morph_.Lookup(title);
    if (lex_.FindPhrase(Folded(i)) >= 0) return false;
    const WordInfo& lower = morph_.Lookup(Lower(i));
    // In English the English dictionary decides ("DRAW" is a word though
    // French knows a place "Draw").
    if (english_) return (lower.english || (lower.known && !lower.proper)) && !proper.english_proper && !proper.first_name;
    if (proper.proper || proper.english_proper || proper.first_name) return false;
    return (lower.known && !lower.proper) || lower.english;
  }

  // In French text, a French common word that only English knows as a
  // proper noun ("Dix personnes sont mortes": Dix, a painter).
  bool OnlyEnglishProper(size_t i) const {
    if (english_ || toks_[i].all_caps || IsFirstName(i)) return false;
    const WordInfo& info = InfoOf(i);
    return info.english_proper && info.known && !info.proper;
  }

  // Whether a weak (sentence-initial or headline) word is a name by itself.
  bool ProperByItself(size_t i) const {
    std::string_view w = Text(i);
    std::string title = toks_[i].all_caps ? ToTitle(w) : std::string(w);
    if (lex_.IsFirstName(title)) return true;
    const WordInfo& info = toks_[i].all_caps ? morph_.Lookup(title) : InfoOf(i);
    if (info.proper || info.english_proper) return true;
    int g = lex_.FindPhrase(Folded(i));
    if (g >= 0 && !toks_[i].all_caps) {
      // A gazetteer name that is also a common word ("Oracle", "Total") opens
      // a sentence as a name when a verb, a comma or another name follows.
      if (!LowerOf(i).known) return true;
      size_t k = i + 1;
      if (k >= toks_.size()) return false;
      std::string_view next = Lower(k);
      if (toks_[k].kind == TokenKind::kPunct) return next == "," || next == ":" || next == "(" || next == ")";
      if (next == "et" || next == "and") return true;
      const WordInfo& ni = LowerInfo(k);
      return ni.finite && !ni.noun && !ni.adjective;
    }
    if (toks_[i].all_caps) return false;
    if (info.known || KnownCommon(title)) return false;
    // Hyphenated: "Est-ce", "Peut-être" are common words, "High-Flyer" is not.
    if (title.find('-') != std::string::npos) {
      size_t pos = 0;
      while (pos <= title.size()) {
        size_t dash = title.find('-', pos);
        std::string part = title.substr(pos, dash == std::string::npos ? std::string::npos : dash - pos);
        if (!part.empty()) {
          const WordInfo& pi = morph_.Lookup(part);
          if (pi.proper || !pi.known) return true;
        }
        if (dash == std::string::npos) break;
        pos = dash + 1;
      }
      return false;
    }
    return true;
  }

  bool IsNameStart(size_t i) const {
    bool weak;
    if (!IsNameToken(i, &weak)) return false;
    if (IsTitleWord(i) && !toks_[i].all_caps && !(i + 1 < toks_.size() && KeepsRoyalTitle(i, i + 1))) return false;
    // A capitalised determiner or pronoun does not open a name ("Cette"),
    // though it may continue one ("Marine Le Pen").
    if (!toks_[i].all_caps && !toks_[i].inner_caps && !IsCode(toks_[i])) {
      const WordInfo& info = LowerOf(i);
      if (info.function_word && !info.noun && !InfoOf(i).proper) return false;
    }
    return true;
  }

  // "Mobile World Live (MWL)": the words before the parenthesis spell the acronym.
  bool DefinesAcronym(size_t first, size_t last) const {
    if (last + 3 >= toks_.size() + 1 || last + 2 >= toks_.size()) return false;
    if (Text(last + 1) != "(" || !toks_[last + 2].all_caps || last + 3 >= toks_.size() || Text(last + 3) != ")") {
      return false;
    }
    std::string acro = MergeKey(Text(last + 2));
    std::string initials;
    for (size_t k = first; k <= last; ++k) {
      if (!IsWord(k) || !toks_[k].upper_initial) continue;
      initials += MergeKey(Text(k)).substr(0, 1);
    }
    return !acro.empty() && acro == initials;
  }

  bool AllCommonWords(size_t first, size_t last) const {
    for (size_t k = first; k <= last; ++k) {
      if (IsInitialLetter(k) && k + 2 <= last) return false;  // "N. Knight"
      if (!IsWord(k) || IsNameParticle(Lower(k)) || IsNameConnector(Lower(k))) continue;
      if (toks_[k].all_caps || toks_[k].inner_caps || toks_[k].has_digit || !KnownCommon(Text(k)) ||
          ProperByItself(k)) {
        return false;
      }
    }
    return true;
  }

  // A table's header row, short capitalised abbreviations with single
  // letters among them ("W D L PCT GB", "W D L G / F G / A P"), from token
  // `i` on: the index after it, else `i`.
  size_t SkipHeaderRow(size_t i) const { return header_end_.empty() ? i : header_end_[i]; }

  // Names defined by an acronym in parentheses whose words are partly in
  // lower case: "Droit au logement (DAL)", "Haute autorité pour la
  // transparence de la vie publique (HATVP)". The long form is the
  // shortest run of words before "(" that opens with a capital and whose
  // initials spell the acronym (function words may give a letter or not).
  void FindAcronymLongForms() {
    constexpr size_t kMaxWords = 24;
    for (size_t p = 1; p + 2 < toks_.size(); ++p) {
      if (Text(p) != "(" || Text(p + 2) != ")" || !toks_[p + 1].all_caps || toks_[p + 1].has_digit) continue;
      const std::string acro = MergeKey(Text(p + 1));
      if (acro.size() < 3 || lex_.IsCommonAcronym(Text(p + 1)) || !IsWord(p - 1)) continue;
      for (size_t start = p - 1, seen = 0; seen < kMaxWords && IsWord(start); --start, ++seen) {
        if (toks_[start].upper_initial && !toks_[start].all_caps && !LowerInfo(start).function_word &&
            SpellsAcronym(start, p - 1, acro)) {
          bool lower = false;
          for (size_t k = start; k < p; ++k) lower = lower || !toks_[k].upper_initial;
          if (lower) long_forms_[start] = p - 1;
          break;
        }
        if (start == 0) break;
      }
    }
  }

  // Whether the initials of words first..last spell `acro` (folded), every
  // content word giving its letter and function words giving theirs or not.
  bool SpellsAcronym(size_t first, size_t last, const std::string& acro) const {
    std::vector<char> can(acro.size() + 1, 0);  // can[j]: letters 0..j-1 spelled so far
    can[0] = 1;
    for (size_t k = first; k <= last; ++k) {
      const std::string key = MergeKey(Text(k));
      if (key.empty()) return false;
      const bool optional = LowerInfo(k).function_word;
      std::vector<char> next(acro.size() + 1, 0);
      for (size_t j = 0; j <= acro.size(); ++j) {
        if (!can[j]) continue;
        if (optional) next[j] = 1;
        if (j < acro.size() && acro[j] == key[0]) next[j + 1] = 1;
      }
      can.swap(next);
    }
    return can[acro.size()];
  }

  // Fills header_end_ (SkipHeaderRow) in one pass from the sentence's end:
  // runs of such tokens, and how many words and single letters each token
  // starts.
  void FindHeaderRows() {
    const size_t n = toks_.size();
    std::vector<uint32_t> end(n), words(n + 1), letters(n + 1);
    bool any = false;
    for (size_t k = n; k-- > 0;) {
      const Token& t = toks_[k];
      bool slash = Text(k) == "/";
      bool caps = t.all_caps || (t.end - t.start == 1 && t.upper_initial);
      bool abbreviation = t.kind == TokenKind::kWord && caps && !t.has_digit && t.end - t.start <= 3;
      if (!slash && !abbreviation) {
        end[k] = static_cast<uint32_t>(k);
        continue;
      }
      bool run_goes_on = k + 1 < n && end[k + 1] > k + 1;
      end[k] = run_goes_on ? end[k + 1] : static_cast<uint32_t>(k + 1);
      words[k] = (run_goes_on ? words[k + 1] : 0) + (abbreviation ? 1 : 0);
      letters[k] = (run_goes_on ? letters[k + 1] : 0) + (abbreviation && t.end - t.start == 1 ? 1 : 0);
      any = any || (words[k] >= 3 && letters[k] >= 2);
    }
    if (!any) return;
    header_end_.resize(n);
    for (size_t k = 0; k < n; ++k) header_end_[k] = words[k] >= 3 && letters[k] >= 2 ? end[k] : static_cast<uint32_t>(k);
  }

  // "January-June", "mid-September", "end-October", "mi-mars", "Arab-Israeli":
  // words that are no names alone (months, days, demonyms) joined by
  // hyphens, alone or after a word of time.
  bool IsNotNameCompound(std::string_view lower) const {
    if (lower.find('-') == std::string_view::npos) return false;
    bool not_name = false;
    for (std::string_view part : Split(lower, '-')) {
      if (lex_.IsNotName(part)) not_name = true;
      else if (part != "mid" && part != "end" && part != "early" && part != "late" && part != "mi" && part != "fin") return false;
    }
    return not_name;
  }

  bool IsCardinalPoint(size_t k) const {
    std::string_view w = Text(k);
    return w == "Nord" || w == "Sud" || w == "Est" || w == "Ouest" || w == "Nord-Est" || w == "Nord-Ouest" ||
           w == "Sud-Est" || w == "Sud-Ouest";
  }

  // English: the word before a name's head word ("Major League", "Supreme
  // Court", "Labour Party") belongs to the name unless it is a word that
  // opens sentences ("The", "Yesterday").
  bool QualifiesHead(size_t first, size_t last) const {
    if (!english_ || first + 1 > last || !IsWord(first + 1)) return false;
    std::string_view next = Text(first + 1);
    if (!lex_.IsOrgSuffix(next) && !lex_.IsOtherSuffix(next)) return false;
    static constexpr std::string_view kOpeners[] = {"the", "a", "an", "in", "on", "at", "for", "by", "with", "from",
                                                     "as", "after", "before", "when", "while", "but", "and", "or",
                                                     "if", "yesterday", "today", "meanwhile", "also", "now", "then",
                                                     "this", "that", "his", "her", "its", "their", "our"};
    std::string_view lower = Lower(first);
    for (std::string_view o : kOpeners) {
      if (lower == o) return false;
    }
    return !lex_.IsNotName(lower);
  }

  static bool IsFrenchArticle(std::string_view lower) {
    return lower == "la" || lower == "le" || lower == "les" || lower == "un" || lower == "une" || lower == "du" ||
           lower == "des" || lower == "de";
  }

  // The title of a work in quotes after a noun that announces one: the film
  // « Le Seigneur des anneaux », l'émission "Cauchemar en cuisine". Emits it
  // and returns the index after the closing quote (else `i`).
  size_t QuotedTitle(size_t i, std::vector<Candidate>* out) const {
    constexpr size_t kMaxWords = 10;
    if (!IsOpeningQuote(Text(i))) return i;
    std::optional<EntityType> cue = CueBefore(i);
    if (!cue || (*cue != EntityType::kOther && *cue != EntityType::kProduct)) return i;
    if (i + 1 >= toks_.size() || !IsWord(i + 1) || !toks_[i + 1].upper_initial) return i;
    size_t close = i + 1;
    for (; close < toks_.size() && close <= i + kMaxWords + 1; ++close) {
      std::string_view t = Text(close);
      if (IsClosingQuote(t)) break;
      if (t == "." || t == "!" || t == "?" || t == ";" || IsOpeningQuote(t)) return i;
    }
    if (close >= toks_.size() || !IsClosingQuote(Text(close)) || close == i + 1) return i;
    Candidate c;
    c.sentence = index_;
    c.first = static_cast<uint32_t>(i + 1);
    c.last = static_cast<uint32_t>(close - 1);
    c.surface = std::string(text_.substr(toks_[i + 1].start, toks_[close - 1].end - toks_[i + 1].start));
    c.key = MergeKey(c.surface);
    if (c.key.empty() || lex_.IsStopped(c.key)) return i;
    Vote(&c, *cue, 6);
    out->push_back(std::move(c));
    return close + 1;
  }

  static bool IsOpeningQuote(std::string_view t) { return t == "«" || t == "\"" || t == "\u201C"; }
  static bool IsClosingQuote(std::string_view t) { return t == "»" || t == "\"" || t == "\u201D"; }

  // "la société Equity Residential", "l'émission « Top Chef »": the kind of
  // name that the lower-case noun right before token `i` announces.
  std::optional<EntityType> CueBefore(size_t i) const {
    if (i == 0 || !IsWord(i - 1) || toks_[i - 1].upper_initial) return std::nullopt;
    return lex_.Cue(StripElision(Lower(i - 1)));
  }

  bool IsHead(size_t i) const {
    return W(i)->Cached(kHeadBit, [&] {
      return lex_.IsOrgHead(Lower(i)) || lex_.IsLocationHead(Lower(i)) || lex_.IsLowerHead(Lower(i));
    });
  }
  bool IsTitleWord(size_t i) const {
    return W(i)->Cached(kTitleBit, [&] { return lex_.IsTitle(Lower(i)); });
  }
  // "M", "Mme", "Dr" before their dot.
  // In English, "M." is an initial (M. Gatting), not Monsieur.
  bool IsTitleWithDot(size_t i) const {
    if (english_ && toks_[i].end - toks_[i].start == 1) return false;
    return W(i)->Cached(kTitleDotBit, [&] { return lex_.IsTitle(std::string(Lower(i)) + "."); });
  }

  // The longest gazetteer phrase starting at token i; returns its last token
  // (i when none). Phrases are folded token by token, the same as FoldName of
  // the whole span.
  // `article` ("Le", "Les") is a name's own article that a contraction
  // before token i holds: "du Parisien" is "de" + "Le Parisien".
  size_t MatchGazetteer(size_t i, int* entry, std::string_view article = {}) const {
    *entry = -1;
    if (!IsWord(i)) return i;
    const Token& t = toks_[i];
    bool user_only = !(t.upper_initial || t.inner_caps || IsCode(t));
    // A built-in phrase written in lower case ("gilets jaunes") is matched as written.
    if (user_only && lex_.StartsLowerPhrase(Text(i))) user_only = false;
    if (user_only && !lex_.has_user_entries()) return i;
    if (article.empty() && !W(i)->Cached(kPhraseStartBit, [&] { return lex_.IsPhrasePrefix(Folded(i)); })) {
      return i;
    }
    size_t max = std::min(toks_.size(), i + static_cast<size_t>(lex_.max_phrase_words()) + 3);
    std::string phrase(article.empty() ? std::string() : FoldName(article));
    size_t best = i;
    for (size_t j = i; j < max; ++j) {
      if (toks_[j].kind == TokenKind::kPunct) {
        if (j > i && !IsJoiner(Text(j))) break;  // a phrase does not run over punctuation
        continue;
      }
      if (Folded(j).empty()) continue;
      if (!phrase.empty()) phrase.push_back(' ');
      phrase.append(Folded(j));
      bool prefix;
      int e = lex_.FindPhraseOrPrefix(phrase, &prefix);
      if (!prefix) break;  // no longer phrase can match either
      if (e < 0) continue;
      if (user_only && !lex_.entry(e).user) continue;
      if (!lex_.entry(e).user) {
        std::string span(text_.substr(t.start, toks_[j].end - t.start));
        if (!article.empty()) span = std::string(article) + " " + span;
        if (!CaseMatches(span, FoldName(span), e)) continue;
      }
      *entry = e;
      best = j;
    }
    return best;
  }

  // Index of the code token that follows a gazetteer organisation inside
  // [i, end], or i when there is none.
  // Also "AFP Yuta Shinohara", "Assemblée nationale Richard Ferrand": a known
  // organisation or place followed by what looks like a person's name.
  size_t SplitOrgCode(size_t i, size_t end) const {
    for (size_t p = i + 1; p <= end; ++p) {
      if (!IsWord(p)) continue;
      int g = lex_.FindPhrase(FoldName(text_.substr(toks_[i].start, toks_[p - 1].end - toks_[i].start)));
      if (g < 0) continue;
      EntityType t = lex_.entry(g).type;
      if (IsCode(toks_[p]) && t == EntityType::kOrg) return p;
      // ("San Diego Padres" is no place "San" then a person.)
      if ((t == EntityType::kOrg || t == EntityType::kLocation) && end >= p + 1 && !IsSaint(p - 1) &&
          LooksLikePerson(p, end)) {
        return p;
      }
    }
    return i;
  }

  // Two to four capitalised words, the first a first name or neither known
  // to the dictionaries.
  bool LooksLikePerson(size_t first, size_t last) const {
    if (last - first > 3) return false;
    for (size_t k = first; k <= last; ++k) {
      if (!IsWord(k) || !toks_[k].upper_initial || toks_[k].all_caps) return false;
    }
    if (IsFirstName(first)) return true;
    for (size_t k = first; k <= last; ++k) {
      const WordInfo& w = InfoOf(k);
      if (w.known || w.english) return false;
    }
    return true;
  }

  // Per alphanumeric run: 0 lower-case start, 1 capitalised, 2 all capitals.
  // "Le Monde" -> {1, 1}; "LA" -> {2}.
  static std::string Capitals(std::string_view s) {
    std::string out;
    bool in = false;
    int letters = 0;
    bool all_upper = true;
    auto close = [&] {
      if (!out.empty() && out.back() == 1 && letters >= 2 && all_upper) out.back() = 2;
    };
    for (size_t k = 0; k < s.size();) {
      size_t len;
      char32_t c = DecodeUtf8(s, k, &len);
      k += len;
      bool alnum = IsLetter(c) || IsDigit(c);
      if (alnum && !in) {
        close();
        out.push_back(IsUpper(c) ? 1 : 0);
        letters = 0;
        all_upper = true;
      }
      if (alnum && IsLetter(c)) {
        ++letters;
        if (!IsUpper(c)) all_upper = false;
      }
      in = alnum;
    }
    close();
    return out;
  }

  // A gazetteer phrase matches only where the text capitalises the words
  // the gazetteer capitalises ("Le Monde" the paper, not "le monde entier")
  // and writes its acronyms in capitals ("LA", not "La"). `folded` is
  // FoldName(text).
  bool CaseMatches(std::string_view text, std::string_view folded, int entry) const {
    std::vector<Spelling>& forms = (*spellings_)[static_cast<size_t>(entry)];
    if (forms.empty()) {  // the entry's spellings, worked out at its first match
      const GazetteerEntry& e = lex_.entry(entry);
      forms.push_back({FoldName(e.name), Capitals(e.name)});
      for (const auto& a : e.aliases) forms.push_back({FoldName(a), Capitals(a)});
    }
    std::string t = Capitals(text);
    for (const Spelling& f : forms) {
      if (f.folded != folded) continue;
      if (f.capitals.size() != t.size()) return true;
      bool ok = true;
      for (size_t k = 0; k < t.size(); ++k) ok = ok && f.capitals[k] <= t[k];
      if (ok) return true;
    }
    return false;
  }

  static bool IsJoiner(std::string_view p) { return p == "&" || p == "." || p == "+" || p == "’" || p == "'"; }

  bool IsConnector(size_t i) const {
    if (!IsWord(i) && !(i < toks_.size() && toks_[i].elision)) return false;
    return IsNameConnector(Lower(i));
  }

  // Extends a name starting at token i; returns the last token index.
  // Connectors and lower-case words after `end` under the head noun at `i`
  // ("Conseil économique et social", "tribunal correctionnel de Vesoul"): the
  // last word accepted, or `end`.
  size_t HeadedTail(size_t i, size_t end) const {
    const size_t n = toks_.size();
    size_t m = end + 1;
    bool after_connector = false;
    bool article_only = false;  // the connectors since the last word are one article ("le", "la")
    size_t accepted = end;
    while (m < n && m - i < kMaxSpanTokens) {
      if (IsConnector(m)) {
        std::string_view c = Lower(m);
        bool article = IsBareArticle(c) || c == "the";
        article_only = article && !after_connector;
        after_connector = true;
        ++m;
        continue;
      }
      if (!IsWord(m)) break;
      bool w2;
      if (IsNameToken(m, &w2)) {
        // A head after a connector starts a name of its own ("Académie des
        // sciences de Chine"), except the State ("Cour de justice de la République").
        if (after_connector && IsHead(m) && Lower(m) != "république" && Lower(m) != "nation") break;
        accepted = m;
        after_connector = false;
        ++m;
        continue;
      }
      if (toks_[m].upper_initial || toks_[m].has_digit) break;
      // "musée Fitzwilliam de l’université de Cambridge": a second head starts a second name.
      if (lex_.IsLowerHead(Lower(m))) {
        bool named = false;
        for (size_t q = i + 1; q <= accepted; ++q) named = named || (IsWord(q) && toks_[q].upper_initial);
        if (named) break;
      }
      const WordInfo& info = InfoOf(m);
      // "Conseil économique et social", "Centre européen de prévention et de
      // contrôle des maladies": "et" joins two adjectives or two complements.
      if (Lower(m) == "et" && accepted + 1 == m && m + 1 < n && IsWord(m + 1) && !toks_[m + 1].upper_initial) {
        size_t q = m + 1;
        bool complement = IsConnector(q) && !IsBareArticle(Lower(q));  // "et de", not "et les frontières"
        if (complement) ++q;
        if (q < n && IsWord(q) && !toks_[q].upper_initial) {
          const WordInfo& qi = LowerInfo(q);
          if (complement ? (qi.noun && !qi.function_word) : (qi.adjective && !IsLikelyVerb(qi))) {
            after_connector = complement;
            m = q;
            continue;
          }
        }
      }
      if (!info.known || info.function_word) break;
      // "la gendarmerie du Tarn-et-Garonne le décrit": an article alone after
      // a name opens a clause, not a complement.
      if (after_connector && article_only && toks_[accepted].upper_initial) break;
      // "château de Vaux-le-Vicomte séquestrés": a participle after the name
      // is the sentence's, not the name's.
      if (!after_connector && info.participle && toks_[accepted].upper_initial) break;
      // After a connector comes a noun, possibly after adjectives ("du grand
      // commerce"); elsewhere only adjectives ("mondiale", "national").
      bool ok = after_connector ? (info.noun || info.adjective) : (info.adjective && !IsLikelyVerb(info));
      if (!ok) break;
      accepted = m;
      bool noun_follows = m + 1 < n && IsWord(m + 1) && !toks_[m + 1].upper_initial &&
                          LowerInfo(m + 1).noun && !LowerInfo(m + 1).function_word;
      if (!(after_connector && info.adjective && (!info.noun || noun_follows))) after_connector = false;
      ++m;
    }
    return accepted;
  }

  // The last word of a particle and the name after it at `k`, or 0.
  // Particles in a person's name: "Charles de Gaulle", "Valéry Giscard d’Estaing";
  // Dutch, German and Spanish ones after any unknown name ("Maarten den
  // Bakker"), and in English text French ones too ("Aravinda de Silva").
  size_t ParticleName(size_t i, size_t end, size_t k) const {
    const size_t n = toks_.size();
    if (!((IsNameParticle(Lower(k)) && IsFirstName(i)) ||
          ((IsForeignParticle(Lower(k)) || (english_ && IsNameParticle(Lower(k)))) && toks_[i].upper_initial &&
           !toks_[i].all_caps && !KnownCommon(Text(i)) && !InfoOf(i).known))) {
      return 0;
    }
    size_t m = k + 1;
    if (m < n && IsNameParticle(Lower(m))) ++m;
    bool w2;
    // ("Christine Berne de Météo France": a full name, then where she works.)
    int g = -1;
    if (end > i && m < n) MatchGazetteer(m, &g);
    if (g >= 0) return 0;
    // ("Marion Lefebvre de Top Chef": after a full name, a common word or
    // a name of several words is where she is from, not her surname.)
    if (end > i && m < n && (Lower(k) == "de" || Lower(k) == "d'" || Lower(k) == "d’") &&
        (KnownCommon(Text(m)) || (m + 1 < n && IsWord(m + 1) && toks_[m + 1].upper_initial))) {
      return 0;
    }
    if (m < n && IsNameToken(m, &w2) && toks_[m].upper_initial) return m;
    return 0;
  }

  size_t Extend(size_t i) const {
    size_t end = i;
    bool headed = IsHead(i);
    size_t n = toks_.size();
    while (end + 1 < n && end - i + 1 < kMaxSpanTokens) {
      size_t k = end + 1;
      bool weak;
      // Two words with no space between were split by the tokenizer ("BenallaAu"):
      // a paragraph boundary, not one name.
      if (toks_[k].start == toks_[end].end && IsWord(k) && IsWord(end) && !toks_[end].elision) break;
      if (SkipHeaderRow(k) > k) break;  // "EASTERN DIVISION" then "W L PCT GB"
      // "ENGLAND V PAKISTAN", "Arsenal v Chelsea": versus between two names.
      if (IsWord(k) && (Text(k) == "V" || Text(k) == "v" || Text(k) == "vs" || Text(k) == "VS") && k + 1 < n &&
          IsWord(k + 1) && toks_[k + 1].upper_initial) {
        break;
      }
      // A middle initial: "George W. Bush", "Edward D. Jones & Co".
      if (IsInitialLetter(k) && k + 2 < n && IsWord(k + 2) && toks_[k + 2].upper_initial && !toks_[k + 2].all_caps &&
          !IsTitleWithDot(k)) {
        bool w2;
        if (IsNameToken(k + 2, &w2)) {
          end = k + 2;
          continue;
        }
      }
      if (IsNameToken(k, &weak) && !IsTitleWord(k)) {
        // A first name after an acronym or a non-name word starts a new name:
        // "AFP Yuta Shinohara", "UDI Jean-Christophe Lagarde".
        // (Not after a word no dictionary or list knows: "Ijaz Ahmed".)
        if (IsFirstName(k) && !IsFirstName(end) && !toks_[k].all_caps && (toks_[end].all_caps || !IsFirstName(i)) &&
            !IsSaint(end) && !(end == i && !toks_[i].upper_initial && lex_.IsLowerHead(Lower(i))) &&
            !KeepsRoyalTitle(end, k) &&
            (toks_[end].all_caps || KnownCommon(Text(end)) || InfoOf(end).known || InfoOf(end).english ||
             lex_.FindPhrase(Folded(end)) >= 0)) {
          break;
        }
        end = k;
        continue;
      }
      // "Johnson & Johnson", "AT & T".
      if (Text(k) == "&" && k + 1 < n) {
        bool w2;
        if (IsNameToken(k + 1, &w2)) {
          end = k + 1;
          continue;
        }
      }
      // Version after a name: "Llama 3", "Windows 11", "Llama 3.1", "Ascend 910C".
      if ((toks_[k].kind == TokenKind::kNumber && IsVersionNumber(k) && !IsScore(k) &&
           (!english_ || ProductLike(i, end))) ||
          IsModelSuffix(k)) {
        end = k;
        continue;
      }
      // "Caroline du Nord", "Irlande du Nord", "Soudan du Sud": a place and its quarter.
      if (!english_ && (Lower(k) == "du" || Lower(k) == "de") && k + 1 < n && IsCardinalPoint(k + 1)) {
        end = k + 1;
        continue;
      }
      // Particles in a person's name: "Charles de Gaulle", "Valéry Giscard d’Estaing";
      // Dutch, German and Spanish ones after any unknown name ("Maarten den
      // Bakker"), and in English text French ones too ("Aravinda de Silva").
      if (size_t m = ParticleName(i, end, k); m > 0) {
        end = m;
        continue;
      }
      // "Bank of Canada", "University of Michigan", "Commission on
      // Presidential Debates": an English head ends the words before "of".
      if (english_ && (Lower(k) == "of" || Lower(k) == "for" || Lower(k) == "on") && lex_.IsOfHead(Text(end)) &&
          k + 1 < n && IsWord(k + 1) && toks_[k + 1].upper_initial && !toks_[k + 1].all_caps) {
        bool w2;
        if (IsNameToken(k + 1, &w2) && !IsTitleWord(k + 1)) {
          end = k + 1;
          continue;
        }
      }
      if (headed) end = HeadedTail(i, end);
      break;
    }
    return end;
  }

  static bool HasSurnameEnding(std::string_view w) {
    if (w.size() < 5) return false;
    for (std::string_view e : {"poulos", "opoulos", "enko", "shvili", "adze", "escu", "ovic", "ović", "evic", "ević",
                               "ski", "sky", "ska", "ova", "eva", "yeva", "ov", "ev", "ez", "son", "sen", "ssen",
                               "akis", "idis", "oglu", "oğlu"}) {
      if (w.ends_with(e)) return true;
    }
    return false;
  }

  static bool IsGaelicSurname(std::string_view w) {
    auto upper_at = [&](size_t k) { return k < w.size() && w[k] >= 'A' && w[k] <= 'Z'; };
    if (w.starts_with("Mc")) return upper_at(2);
    if (w.starts_with("Mac")) return upper_at(3) && w.size() > 5;
    if (w.starts_with("O'") || w.starts_with("O’")) return upper_at(w[1] == '\'' ? 2 : 4);
    return false;
  }

  // "al-Assad", "el-Sissi", "ben-Gourion": an article joined to a capitalised name.
  static bool IsArabicArticleName(std::string_view w) {
    for (std::string_view a : {"al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-", "ben-", "bin-"}) {
      if (w.starts_with(a) && w.size() > a.size() && w[a.size()] >= 'A' && w[a.size()] <= 'Z') return true;
    }
    return false;
  }

  static bool IsForeignParticle(std::string_view w) {
    return w == "van" || w == "von" || w == "der" || w == "den" || w == "del" || w == "da" || w == "dos";
  }

  // "St Germain", "San Diego": a saint's name continues the name.
  bool IsSaint(size_t i) const {
    std::string_view w = Lower(i);
    return w == "st" || w == "saint" || w == "sainte" || w == "san" || w == "santa" || w == "são" || w == "sankt";
  }

  bool IsFirstName(size_t i) const {
    return W(i)->Cached(kFirstNameBit, [&] {
      std::string w(Text(i));
      if (lex_.IsFirstName(w) || InfoOf(i).first_name) return true;
      // A capital that lost its accent: "Edouard", "Eric" (Édouard, Éric).
      if (w.size() < 2 || w[0] != 'E') return false;
      for (std::string_view accented : {"É", "È"}) {
        std::string restored = std::string(accented) + w.substr(1);
        if (lex_.IsFirstName(restored) || morph_.Lookup(restored).first_name) return true;
      }
      return false;
    });
  }

  static bool IsLikelyVerb(const WordInfo& info) { return info.verb && !info.participle; }

  // "910C", "70B": digits then capitals, short.
  bool IsModelSuffix(size_t k) const {
    const Token& t = toks_[k];
    if (t.kind != TokenKind::kWord || !t.has_digit || t.end - t.start > 6) return false;
    size_t len;
    if (!IsDigit(DecodeUtf8(Text(k), 0, &len))) return false;
    std::string_view w = Text(k);
    for (char ch : w) if (ch >= 'a' && ch <= 'z') return false;
    return true;
  }

  // A number after a name that is a score or a table cell, not a version:
  // in a table row, or followed by another number or by a name and a
  // number ("Barnett 87", "Pohang 3 Ulsan 2", "Anyang 0 3 1").
  bool IsScore(size_t k) const {
    if (tabular_) return true;
    size_t n = toks_.size();
    if (k + 1 < n && toks_[k + 1].kind == TokenKind::kNumber) return true;
    // An English line ending in a number after a name is a score
    // ("R. Mahanama b McGrath 50").
    if (english_) {
      size_t q = k + 1;
      while (q < n && toks_[q].kind == TokenKind::kPunct) ++q;
      if (q == n && (k + 1 == n || Text(k + 1) != "%")) return true;
    }
    return k + 2 < n && IsWord(k + 1) && toks_[k + 1].upper_initial && toks_[k + 2].kind == TokenKind::kNumber;
  }

  // A name that takes a version number in English: a code or a CamelCase
  // word in it, or a known product or event ("Windows 11", "Euro 96");
  // elsewhere an English name and a number are a score ("Israel 2 , Bulgaria 0").
  bool ProductLike(size_t first, size_t last) const {
    for (size_t k = first; k <= last; ++k) {
      if (IsWord(k) && (IsCode(toks_[k]) || (toks_[k].inner_caps && !toks_[k].all_caps))) return true;
    }
    int g = lex_.FindPhrase(FoldName(text_.substr(toks_[first].start, toks_[last].end - toks_[first].start)));
    if (g < 0) return false;
    EntityType t = lex_.entry(g).type;
    return t == EntityType::kProduct || t == EntityType::kOther;
  }

  // "K" of "K. Barnett": one capital letter before its dot.
  bool IsInitialLetter(size_t i) const {
    return IsWord(i) && toks_[i].end - toks_[i].start == 1 && toks_[i].upper_initial && i + 1 < toks_.size() &&
           Text(i + 1) == ".";
  }

  // A date right after the name: "LONDON 1996-08-30" opening a dispatch.
  bool DateFollows(size_t last) const {
    if (last + 1 >= toks_.size()) return false;
    std::string_view w = Text(last + 1);
    if (w.size() != 10 || w[4] != '-' || w[7] != '-') return false;
    for (size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) if (w[k] < '0' || w[k] > '9') return false;
    return true;
  }

  bool IsVersionNumber(size_t k) const {
    std::string_view w = Text(k);
    size_t dot = w.find_first_of(".,");
    size_t int_digits = dot == std::string_view::npos ? w.size() : dot;
    if (int_digits > 2 || w.find(' ') != std::string_view::npos || w.find("\xC2\xA0") != std::string_view::npos) {
      return false;
    }
    if (k + 1 < toks_.size()) {
      std::string_view next = Text(k + 1);
      if (next == "%" || next == "€" || next == "$" || next == "£") return false;
      if (IsWord(k + 1) && !toks_[k + 1].upper_initial) {
        const WordInfo& info = InfoOf(k + 1);
        if (info.noun && !info.function_word) return false;  // "3 millions", "2 fois"
      }
    }
    return true;
  }

  // The span without the words around it that are no part of the name:
  // titles (noted in `titled`), weak leading words, trailing connectors, an
  // English headline's common words, a common word before a known name (whose
  // gazetteer entry `gaz` becomes). False when nothing is left to emit.
  bool TrimSpan(size_t* first_io, size_t* last_io, int* gaz_io, bool* titled) const {
    size_t& first = *first_io;
    size_t& last = *last_io;
    int& gaz = *gaz_io;
    *titled = false;
    while (first < last) {
      bool weak;
      if (KeepsRoyalTitle(first, last)) {
        *titled = true;
        break;
      }
      if (IsTitleWord(first) || IsTitleWithDot(first)) {
        *titled = true;
        ++first;
        if (first <= last && Text(first) == ".") ++first;
        continue;
      }
      int g = -1;
      // (A known name of several words stays whole: "New York Energy Desk";
      // so does an English qualifier of a name's head: "Major League Baseball".)
      if (IsNameToken(first, &weak) && weak && !ProperByItself(first) && !IsHead(first) &&
          !IsInitialLetter(first) && MatchGazetteer(first, &g) == first && !QualifiesHead(first, last)) {
        ++first;
        continue;
      }
      break;
    }
    // Trailing connectors or punctuation.
    while (last > first && (IsConnector(last) || toks_[last].kind == TokenKind::kPunct)) --last;
    // English headlines: "PORTUGAL DRAW" is Portugal; "DRAW", "NOTE" alone are no names.
    if (english_) {
      auto caps_common = [&](size_t k) {
        if (!IsWord(k) || !toks_[k].all_caps || toks_[k].end - toks_[k].start < 4 || !IsCapsCommonWord(k)) {
          return false;
        }
        // Name heads stay: "JAKARTA POST", "AMERICAN LEAGUE", "WORLD CUP".
        std::string title = ToTitle(Text(k));
        return !lex_.IsOrgSuffix(title) && !lex_.IsOtherSuffix(title) && !lex_.IsLocationSuffix(title) &&
               !lex_.IsOfHead(title);
      };
      bool some_name = false;
      for (size_t k = first; k <= last; ++k) some_name = some_name || (IsWord(k) && !caps_common(k));
      if (!some_name && first == last) return false;
      while (some_name && last > first && caps_common(last)) --last;
      while (last > first && (IsConnector(last) || toks_[last].kind == TokenKind::kPunct)) --last;
    }
    // "le think Tank RAND": a capitalised common word before a known name or
    // an acronym is not part of it.
    if (first < last && !toks_[first].all_caps && LowerOf(first).known && !ProperByItself(first) &&
        !IsHead(first) && !IsFirstName(first) && !lex_.IsOrgSuffix(Text(last)) && !CapitalArticleOpensName(first) &&
        !KeepsRoyalTitle(first, last)) {
      int g = -1;
      size_t g_end = MatchGazetteer(first + 1, &g);
      bool strong_rest = first + 1 == last && (toks_[last].all_caps || toks_[last].inner_caps ||
                                               IsCode(toks_[last]) || ProperByItself(last));
      // (In English a word before a city is a club's or agency's name:
      // "Dynamo Moscow", "Statistics Canada".)
      bool club = english_ && g >= 0 && g_end == last && lex_.entry(g).type == EntityType::kLocation;
      if (((g >= 0 && g_end == last) || strong_rest) && !club) {
        ++first;
        gaz = g;
      }
    }
    return first <= last;
  }

  // The gazetteer entry of a span not matched as one: its folded form
  // (kept in `folded`) or its name without a company suffix.
  void FindEntry(size_t first, size_t last, Candidate* cand, std::string* folded) const {
    Candidate& c = *cand;
    if (c.gazetteer < 0) {
      *folded = FoldName(c.surface);
      int g = lex_.FindPhrase(*folded);
      if (g >= 0 && (lex_.entry(g).user || CaseMatches(c.surface, *folded, g))) c.gazetteer = g;
    }
    // "Taiwan Semiconductor Manufacturing Co", "ASML Holding": a known name
    // with a company suffix the gazetteer does not spell out.
    if (c.gazetteer < 0 && last > first && lex_.IsOrgSuffix(Text(last))) {
      size_t end = last - 1;
      while (end > first && toks_[end].kind == TokenKind::kPunct) --end;
      std::string base(text_.substr(toks_[first].start, toks_[end].end - toks_[first].start));
      int g = lex_.FindPhrase(FoldName(base));
      if (g < 0) g = lex_.FindPhrase(FoldName(base + " Company"));
      if (g >= 0 && lex_.entry(g).type == EntityType::kOrg) c.gazetteer = g;
    }
  }

  // Whether the candidate is weak (a name only if the document confirms it
  // elsewhere); nullopt when it is no name at all.
  std::optional<bool> Weakness(size_t first, size_t last, const Candidate& c) const {
    bool weak = false;
    bool single = first == last;
    if (single) {
      // A French article alone is no name ('"La (...) persécution"'), whatever
      // gazetteer alias it spells in another case ("LA").
      if (!toks_[first].all_caps && IsFrenchArticle(Lower(first))) return std::nullopt;
      bool w;
      bool name = IsNameToken(first, &w);
      if (!name && c.gazetteer < 0) return std::nullopt;
      if (c.gazetteer < 0 && lex_.IsCommonAcronym(Text(first))) return std::nullopt;  // "un moteur V8" (IsCode says name)
      if (w && (!ProperByItself(first) || OnlyEnglishProper(first))) weak = true;
      // "le Festival", "les Français", "l’Etat": a capitalised common word
      // alone is not a name unless a gazetteer or the dictionary says so.
      if (!w && c.gazetteer < 0 && !toks_[first].all_caps && !toks_[first].inner_caps && !IsCode(toks_[first]) &&
          !ProperByItself(first) && !TeamName(first)) {
        weak = true;
      }
      if (IsTitleWord(first) && c.gazetteer < 0) return std::nullopt;
      if (c.gazetteer < 0 && Text(first).size() == 1) return std::nullopt;
    } else if (Initial(first) && IsHead(first) && c.gazetteer < 0) {
      // "Groupe de travail ..." opening a sentence: a name only if confirmed.
      bool capital_rest = false;
      for (size_t k = first + 1; k <= last; ++k) if (toks_[k].upper_initial) capital_rest = true;
      weak = !capital_rest;
    } else if (c.gazetteer < 0 && !IsHead(first) && AllCommonWords(first, last) &&
               !(english_ && !Initial(first) && !caps_sentence_) && !CueBefore(first)) {
      // "les Grands Prix", "Open Source": capitalised common words only. (In
      // English, where names capitalise every word, such a run inside a
      // sentence is a name: "the Security Council".)
      weak = true;
    } else if (caps_sentence_) {
      // An all-caps headline: keep gazetteer names and known proper words.
      bool any = false;
      for (size_t k = first; k <= last; ++k) if (ProperByItself(k)) any = true;
      weak = c.gazetteer < 0 && !any;
    }
    if (caps_sentence_ && c.gazetteer >= 0 && single) {
      // "US" in an all-caps headline is just "us" when the dictionary knows it.
      weak = weak || morph_.LookupLowerOf(c.surface).known;
    }
    return weak;
  }

  // The candidate's type votes from the gazetteer, titles, shape, tables and context.
  void CastVotes(size_t first, size_t last, bool titled, Candidate* cand) const {
    Candidate& c = *cand;
    if (c.gazetteer >= 0) Vote(&c, lex_.entry(c.gazetteer).type, lex_.entry(c.gazetteer).user ? 1000.f : kGazetteerVote);
    if (PlatformHere(first, c.gazetteer)) Vote(&c, EntityType::kProduct, kGazetteerVote + 2);
    if (titled || TitleBefore(first)) Vote(&c, EntityType::kPerson, 4);
    ShapeVotes(first, last, &c);
    if (IsInitialLetter(first) && last >= first + 2) Vote(&c, EntityType::kPerson, 6);
    // "LONDON 1996-08-30": the place of a dispatch.
    if (DateFollows(last) && Initial(first)) Vote(&c, EntityType::kLocation, 12);
    // A place's name with its score in a results table is its team
    // ("Somerset 83 and 174", "CHICAGO 65 66").
    if (tabular_ && c.gazetteer >= 0 && lex_.entry(c.gazetteer).type == EntityType::kLocation &&
        !lex_.entry(c.gazetteer).user && last + 1 < toks_.size() && toks_[last + 1].kind == TokenKind::kNumber &&
        !DateFollows(last)) {
      Vote(&c, EntityType::kOrg, 20);
    }
    // "KANSAS CITY AT DETROIT": the places of a fixture line are its teams.
    if (fixture_line_ && c.gazetteer >= 0 && lex_.entry(c.gazetteer).type == EntityType::kLocation &&
        !lex_.entry(c.gazetteer).user) {
      Vote(&c, EntityType::kOrg, 20);
    }
    ContextVotes(first, &c);
    AfterVotes(last, &c);
  }

  void Emit(size_t first, size_t last, int gaz, std::vector<Candidate>* out) {
    bool titled = false;
    if (gaz < 0 && !TrimSpan(&first, &last, &gaz, &titled)) return;
    Candidate c;
    c.sentence = index_;
    c.first = static_cast<uint32_t>(first);
    c.last = static_cast<uint32_t>(last);
    c.surface = std::string(text_.substr(toks_[first].start, toks_[last].end - toks_[first].start));
    c.gazetteer = gaz;
    std::string folded;  // FoldName(c.surface), when needed here
    FindEntry(first, last, &c, &folded);
    std::optional<bool> weak = Weakness(first, last, c);
    if (!weak) return;
    c.key = folded.empty() ? MergeKey(c.surface) : MergeKeyOfFolded(folded);
    if (lex_.IsStopped(c.key)) return;
    c.weak = *weak;
    CastVotes(first, last, titled, &c);
    out->push_back(std::move(c));
  }

  // An all-caps line of two names around "AT" or "V" ("CHICAGO AT TORONTO",
  // "LEEDS V NEWCASTLE"), words only: a fixture of a results page.
  bool IsFixtureLine() const {
    size_t at = 0, words = 0;
    for (size_t k = 0; k < toks_.size(); ++k) {
      const Token& t = toks_[k];
      if (t.kind == TokenKind::kPunct && k + 1 == toks_.size()) continue;  // a final full stop
      if (t.kind != TokenKind::kWord || !t.all_caps) return false;
      std::string_view w = Text(k);
      if (w == "AT" || w == "V" || w == "VS") ++at;
      else ++words;
    }
    return at == 1 && words >= 2;
  }

  // A company's name that names its platform here: "sur Twitter", "le
  // compte Twitter de" (data/platforms.tsv).
  bool PlatformHere(size_t first, int gaz) const {
    if (gaz < 0 || first == 0 || !IsWord(first - 1) || !lex_.IsPlatformCue(Lower(first - 1))) return false;
    return lex_.IsPlatform(ToLower(lex_.entry(gaz).name));
  }
  // A title right before the name, or before one lower-case adjective before
  // it ("la chanteuse belge Maurane", "le DJ suédois Avicii").
  bool TitleBefore(size_t first) const {
    if (first == 0) return false;
    size_t k = first - 1;
    if (Text(k) == "." && k > 0) --k;
    if (!IsWord(k)) return false;
    if (IsTitleWord(k) || IsTitleWithDot(k)) return true;
    return k > 0 && !toks_[k].upper_initial && LowerInfo(k).adjective && IsWord(k - 1) && IsTitleWord(k - 1);
  }

  void ShapeVotes(size_t first, size_t last, Candidate* c) const {
    // "Moslem", "Kurds", "Iraqi Kurdish": a group of people, not an organisation.
    bool group = true;
    for (size_t k = first; k <= last && group; ++k) {
      group = IsWord(k) && (lex_.IsGroupName(Lower(k)) || lex_.IsNotName(Lower(k)));
    }
    if (group && lex_.IsGroupName(Lower(last))) Vote(c, EntityType::kOther, 8);
    // "Caroline du Nord": a place and its quarter.
    if (!english_ && last >= first + 2 && IsCardinalPoint(last) && (Lower(last - 1) == "du" || Lower(last - 1) == "de")) {
      Vote(c, EntityType::kLocation, 4);
    }
    size_t words = 0;
    bool codes = false, digits = false;
    for (size_t k = first; k <= last; ++k) {
      if (IsWord(k)) ++words;
      if (IsWord(k) && IsCode(toks_[k])) codes = true;
      if (toks_[k].has_digit) digits = true;
    }
    std::string_view head = Lower(first);
    // "Bagnols-sur-Cèze", "Saint-Étienne", "Entraigues-sur-la-Sorgue".
    if (words == 1) {
      std::string_view w = Text(first);
      for (std::string_view infix : {"-sur-", "-sous-", "-lès-", "-lez-", "-en-", "-de-", "-du-", "-des-", "-la-",
                                     "-le-", "-les-", "-aux-", "-et-"}) {
        if (w.find(infix) != std::string_view::npos) {
          Vote(c, EntityType::kLocation, 3);
          break;
        }
      }
      if (w.rfind("Saint-", 0) == 0 || w.rfind("Sainte-", 0) == 0) Vote(c, EntityType::kLocation, 2);
    }
    if (lex_.IsOrgHead(head)) Vote(c, EntityType::kOrg, 5);
    // "ouragan Dorian", "loi Alimentation": an event or law named by its head.
    if (words >= 2 && !toks_[first].upper_initial && lex_.IsLowerHead(head)) {
      if (auto cue = lex_.Cue(head); cue && *cue == EntityType::kOther) Vote(c, EntityType::kOther, 6);
    }
    if (lex_.IsLocationHead(head)) Vote(c, EntityType::kLocation, 5);
    if (words >= 2 && lex_.IsOrgSuffix(Text(last))) Vote(c, EntityType::kOrg, 5);
    // "Theodore Boutrous Jr.", "Al Unser Jr": a generation suffix ends a person's name.
    for (size_t k = last + 1; k-- > first;) {
      if (!IsWord(k)) continue;
      if (words >= 2 && (Text(k) == "Jr" || Text(k) == "Sr" || Text(k) == "III" || Text(k) == "II")) {
        Vote(c, EntityType::kPerson, 5);
      }
      break;
    }
    if (words >= 2 && lex_.IsLocationSuffix(Text(last)) && !lex_.IsOrgSuffix(Text(last))) {
      Vote(c, EntityType::kLocation, 5);
    }
    // "World Cup", "Hong Kong Open", "WORLD CUP" (the suffix as written or in capitals).
    if (words >= 2 && (lex_.IsOtherSuffix(Text(last)) ||
                       (toks_[last].all_caps && lex_.IsOtherSuffix(ToTitle(Text(last)))))) {
      Vote(c, EntityType::kOther, 6);
    }
    if (codes || (digits && words >= 1)) Vote(c, EntityType::kProduct, 3);
    if (digits) return;
    bool all_cap = true;
    for (size_t k = first; k <= last; ++k) {
      bool particle = IsNameParticle(Lower(k)) || IsForeignParticle(Lower(k));
      if (IsWord(k) && !toks_[k].upper_initial && !particle && !IsArabicArticleName(Text(k))) all_cap = false;
      if (IsWord(k) && particle) --words;
    }
    std::string first_word(Text(first));
    if (toks_[first].all_caps) first_word = ToTitle(first_word);
    const WordInfo& fi = toks_[first].all_caps ? morph_.Lookup(first_word) : InfoOf(first);
    bool first_name = lex_.IsFirstName(first_word) || fi.first_name;
    if (words >= 2 && words <= 4 && all_cap) {
      const WordInfo& li = InfoOf(last);
      if (first_name) Vote(c, EntityType::kPerson, 4);
      if (li.surname) Vote(c, EntityType::kPerson, 2);
      if (!first_name && !fi.known && !li.known && !fi.english && !InfoOf(last).english && words == 2 &&
          !toks_[first].all_caps && !toks_[last].all_caps) {
        Vote(c, EntityType::kPerson, 1);
      }
      // "Nasser Hussain", "Merlene Ottey": two or three capitalised words,
      // none of them a common word or a name's head or suffix (a town may
      // bear a person's name: Leander Paes, Aliuska Lopez).
      // "San Juan Opico", "Santa Ana", "St Albans": a saint's name is a place's
      // (a plural after it, "San Diego Padres", names a team).
      if (IsSaint(first) && Text(last).back() != 's') Vote(c, EntityType::kLocation, 2);
      if (!first_name && words <= 3 && c->gazetteer < 0 && !lex_.IsOrgSuffix(Text(last)) && !IsSaint(first) &&
          !lex_.IsLocationSuffix(Text(last)) && !lex_.IsOrgHead(head) && !lex_.IsLocationHead(head)) {
        bool plain = true;
        for (size_t k = first; k <= last && plain; ++k) {
          if (!IsWord(k)) continue;
          if (IsNameParticle(Lower(k)) || IsForeignParticle(Lower(k))) continue;
          // In English, French homographs do not count ("Nasser", "Roberts").
          bool common = english_ ? morph_.Lookup(Lower(k)).english : KnownCommon(Text(k));
          if (toks_[k].all_caps || (toks_[k].inner_caps && !IsArabicArticleName(Text(k))) || common) plain = false;
          // A country or a known name of our lists: "Logista France".
          int g = lex_.FindPhrase(Folded(k));
          if (g >= 0 && !lex_.IsOpenDataEntry(g)) plain = false;
        }
        if (plain) Vote(c, EntityType::kPerson, 2);
      }
      // "Aravinda de Silva", "Maarten van Bakker": a particle between two
      // capitalised words, the first no common word.
      for (size_t k = first + 1; k < last; ++k) {
        if (!IsWord(k) || !(IsNameParticle(Lower(k)) || IsForeignParticle(Lower(k)))) continue;
        bool common = english_ ? morph_.Lookup(Lower(first)).english : KnownCommon(Text(first));
        if (!common && toks_[k + 1].upper_initial && c->gazetteer < 0 && !lex_.IsOrgHead(head) &&
            !lex_.IsLocationHead(head)) {
          Vote(c, EntityType::kPerson, 2);
        }
        break;
      }
    }
    if (words == 1) {
      if (fi.surname) Vote(c, EntityType::kPerson, 1);
      // "McAteer", "MacLeod", "O'Brien": Gaelic surnames by their shape.
      if (!toks_[first].all_caps && IsGaelicSurname(Text(first))) Vote(c, EntityType::kPerson, 2);
      // "Panayiotopoulos", "Levrentyeva", "Gomez": surname endings, for a
      // word no dictionary knows.
      if (!toks_[first].all_caps && !fi.known && !fi.english && c->gazetteer < 0 && HasSurnameEnding(Text(first))) {
        Vote(c, EntityType::kPerson, 1.5f);
      }
      if (first_name && !fi.surname) Vote(c, EntityType::kPerson, 1.5f);
      if (toks_[first].all_caps && (last - first) == 0) Vote(c, EntityType::kOrg, 1);
    }
  }

  // What follows a name: "X, 45 ans," is a person; so is "X, ministre de ..."
  // or "X, le fondateur de ...".
  void AfterVotes(size_t last, Candidate* c) const {
    size_t k = last + 1;
    if (k >= toks_.size() || Text(k) != ",") return;
    ++k;
    if (k + 1 < toks_.size() && toks_[k].kind == TokenKind::kNumber && (Lower(k + 1) == "ans" || Lower(k + 1) == "an")) {
      Vote(c, EntityType::kPerson, 4);
      return;
    }
    while (k < toks_.size() && (Lower(k) == "le" || Lower(k) == "la" || Lower(k) == "l’" || Lower(k) == "l'" ||
                                Lower(k) == "un" || Lower(k) == "une" || Lower(k) == "the" || Lower(k) == "a" ||
                                Lower(k) == "ancien" || Lower(k) == "ancienne" || Lower(k) == "ex" || Text(k) == "-")) {
      ++k;
    }
    if (k < toks_.size() && IsWord(k) && !toks_[k].upper_initial && !lex_.RoleRelation(Lower(k)).empty() &&
        Lower(k) != "membre") {
      Vote(c, EntityType::kPerson, 3);
    }
  }

  // Type cues in the words just before the name. A name right after a
  // preposition is its complement ("des puces de Nvidia": Nvidia is no chip).
  void ContextVotes(size_t first, Candidate* c) const {
    if (first > 0 && IsWord(first - 1)) {
      std::string_view prev = Lower(first - 1);
      // "at Headingley", "near Lockerbie": an English place preposition before one word.
      if (english_ && (prev == "at" || prev == "near" || prev == "outside") &&
          c->surface.find(' ') == std::string::npos) {
        Vote(c, EntityType::kLocation, 1);
        return;
      }
      // "dans le Latium", "dans l'Aveyron": one word after "dans" and an article is a region.
      if (!english_ && first >= 2 && IsWord(first - 2) && Lower(first - 2) == "dans" &&
          (prev == "le" || prev == "la" || prev == "les" || StripElision(prev) == "l") &&
          c->surface.find(' ') == std::string::npos) {
        Vote(c, EntityType::kLocation, 1.5f);
        return;
      }
      if (IsLocationPreposition(StripElision(prev)) || prev == "à") {
        // Places are mostly single words (à Paris); "à Emmanuel Macron" is not.
        Vote(c, EntityType::kLocation, c->surface.find(' ') == std::string::npos ? 1.5f : 0.5f);
        return;
      }
      if (IsComplementPreposition(prev)) {
        // "la ville de Falerii Novi", "la région de Kherson": a place noun's
        // complement is the place itself (a person's role's is not).
        for (size_t k = first - 1, seen = 0; k-- > 0 && seen < 2; ++seen) {
          if (!IsWord(k)) break;
          auto cue = lex_.Cue(StripElision(Lower(k)));
          if (cue && *cue == EntityType::kLocation) Vote(c, EntityType::kLocation, 3.5f);
          if (cue || !LowerInfo(k).adjective) break;
        }
        return;
      }
    }
    int seen = 0;
    for (size_t k = first; k-- > 0 && seen < 4;) {
      const Token& t = toks_[k];
      if (t.kind == TokenKind::kPunct) {
        std::string_view p = Text(k);
        if (p == "-" || p == "–") continue;
        break;
      }
      bool weak;
      if (IsNameToken(k, &weak) && !weak) break;
      std::string_view lower = Lower(k);
      ++seen;
      if (auto cue = lex_.Cue(StripElision(lower))) {
        // Product words also name what a company makes ("l’application X").
        Vote(c, *cue, *cue == EntityType::kProduct ? 2.f : 3.f);
        break;
      }
    }
  }

  std::string_view text_;
  const std::vector<Token>& toks_;
  const SentenceTokens& sentence_;
  uint32_t index_;
  const Lexicon& lex_;
  Morphology& morph_;
  std::vector<std::vector<Spelling>>* spellings_;  // the recognizer's, by gazetteer entry
  bool english_ = false;  // an English document
  bool caps_sentence_ = false;
  bool tabular_ = false;
  bool fixture_line_ = false;  // an English results page's "CHICAGO AT TORONTO"
  std::vector<uint32_t> header_end_;  // per token: the end of the header row it starts (empty: none in the sentence)
  std::map<size_t, size_t> long_forms_;  // first token -> last token of a name an acronym defines
};

}  // namespace

SentenceTokens TokenizeSentence(std::string_view text, SentenceSpan span, Vocabulary* vocabulary) {
  SentenceTokens s;
  s.span = span;
  s.tokens = Tokenize(text, span);
  s.vocabulary = vocabulary;
  return s;
}

void EntityRecognizer::Run(std::string_view text, const std::vector<SentenceTokens>& sentences, Language language,
                           std::vector<DocEntity>* entities, std::vector<Mention>* mentions) {
  std::vector<Candidate> cands;
  if (spellings_.size() != lex_.entry_count()) spellings_.resize(lex_.entry_count());
  const bool english = language == Language::kEnglish;
  for (uint32_t s = 0; s < sentences.size(); ++s) {
    SentenceScanner scanner(text, sentences[s], s, lex_, morph_, &spellings_, english);
    scanner.Scan(&cands);
  }
  if (cands.empty()) return;
  recognition::ResolveEntities(text, sentences, lex_, morph_, english, std::move(cands), entities, mentions);
}

}  // namespace kg

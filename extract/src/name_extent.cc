#include "name_extent.h"

#include <string_view>

#include "kg/base/text.h"
#include "word_classes.h"

namespace kg::recognition {
namespace {

constexpr int kMaxSpanTokens = 10;

bool IsLikelyVerb(const WordInfo& info) { return info.verb && !info.participle; }

}  // namespace

// Extends a name starting at token i; returns the last token index.
// Connectors and lower-case words after `end` under the head noun at `i`
// ("Conseil économique et social", "tribunal correctionnel de Vesoul"): the
// last word accepted, or `end`.
size_t NameExtender::HeadedTail(size_t i, size_t end) const {
  const size_t n = s_.toks.size();
  size_t m = end + 1;
  bool after_connector = false;
  bool article_only = false;  // the connectors since the last word are one article ("le", "la")
  size_t accepted = end;
  while (m < n && m - i < kMaxSpanTokens) {
    if (words_.IsConnector(m)) {
      std::string_view c = s_.Lower(m);
      bool article = IsBareArticle(c) || c == "the";
      article_only = article && !after_connector;
      after_connector = true;
      ++m;
      continue;
    }
    if (!s_.IsWord(m)) break;
    bool w2;
    if (words_.IsNameToken(m, &w2)) {
      // A head after a connector starts a name of its own ("Académie des
      // sciences de Chine"), except the State ("Cour de justice de la République").
      if (after_connector && words_.IsHead(m) && s_.Lower(m) != "république" && s_.Lower(m) != "nation") break;
      // "le Salon de Genève la Mercedes-Benz": an article alone after a name
      // opens another name.
      if (after_connector && article_only && s_.toks[accepted].upper_initial) break;
      // A first name right after a lower-case word of an institution with
      // members opens a member's name: "la Cour de cassation Gilbert Azibert".
      if (!after_connector && !s_.toks[accepted].upper_initial && words_.IsFirstName(m) &&
          InWordClass(WordClass::kMemberBody, s_.Lower(i))) {
        break;
      }
      accepted = m;
      after_connector = false;
      ++m;
      continue;
    }
    if (s_.toks[m].upper_initial || s_.toks[m].has_digit) break;
    // "musée Fitzwilliam de l’université de Cambridge": a second head starts a second name.
    if (s_.lex.IsLowerHead(s_.Lower(m))) {
      bool named = false;
      for (size_t q = i + 1; q <= accepted; ++q) named = named || (s_.IsWord(q) && s_.toks[q].upper_initial);
      if (named) break;
    }
    const WordInfo& info = s_.InfoOf(m);
    // A month or a weekday dates the name's mention ("la Cour de cassation
    // de novembre"): not the name's.
    if (!info.adjective && s_.lex.IsNotName(s_.Lower(m))) break;
    // "Office central de lutte contre la délinquance financière".
    if (s_.Lower(m) == "contre" && s_.Lower(accepted) == "lutte") {
      after_connector = true;
      article_only = false;
      ++m;
      continue;
    }
    // "Conseil économique et social", "Centre européen de prévention et de
    // contrôle des maladies": "et" joins two adjectives or two complements.
    if (s_.Lower(m) == "et" && accepted + 1 == m && m + 1 < n && s_.IsWord(m + 1) && !s_.toks[m + 1].upper_initial) {
      size_t q = m + 1;
      bool complement = words_.IsConnector(q) && !IsBareArticle(s_.Lower(q));  // "et de", not "et les frontières"
      if (complement) ++q;
      if (q < n && s_.IsWord(q) && !s_.toks[q].upper_initial) {
        const WordInfo& qi = s_.LowerInfo(q);
        // (Not an adjective before a noun, which opens a phrase of its own:
        // "l'Université nationale autonome du Mexique et ancien directeur".)
        const bool noun_next = q + 1 < n && s_.IsWord(q + 1) && !s_.toks[q + 1].upper_initial &&
                               s_.LowerInfo(q + 1).noun && !s_.LowerInfo(q + 1).function_word &&
                               !s_.LowerInfo(q + 1).verb;
        if (complement ? (qi.noun && !qi.function_word) : (qi.adjective && !IsLikelyVerb(qi) && !noun_next)) {
          after_connector = complement;
          m = q;
          continue;
        }
      }
    }
    if (!info.known || info.function_word) break;
    // "la gendarmerie du Tarn-et-Garonne le décrit": an article alone after
    // a name opens a clause, not a complement.
    if (after_connector && article_only && s_.toks[accepted].upper_initial) break;
    // "château de Vaux-le-Vicomte séquestrés": a participle after the name
    // is the sentence's, not the name's.
    if (!after_connector && info.participle && s_.toks[accepted].upper_initial) break;
    // After a connector comes a noun, possibly after adjectives ("du grand
    // commerce"); elsewhere only adjectives ("mondiale", "national").
    bool ok = after_connector ? (info.noun || info.adjective) : (info.adjective && !IsLikelyVerb(info));
    if (!ok) break;
    accepted = m;
    bool noun_follows = m + 1 < n && s_.IsWord(m + 1) && !s_.toks[m + 1].upper_initial &&
                        s_.LowerInfo(m + 1).noun && !s_.LowerInfo(m + 1).function_word;
    if (!(after_connector && info.adjective && (!info.noun || noun_follows))) after_connector = false;
    ++m;
  }
  return accepted;
}

// The last word of a particle and the name after it at `k`, or 0.
// Particles in a person's name: "Charles de Gaulle", "Valéry Giscard d’Estaing";
// Dutch, German and Spanish ones after any unknown name ("Maarten den
// Bakker"), and in English text French ones too ("Aravinda de Silva").
size_t NameExtender::ParticleName(size_t i, size_t end, size_t k) const {
  const size_t n = s_.toks.size();
  if (const size_t m = ArticleSurname(end, k); m > 0) return m;
  if (!((IsNameParticle(s_.Lower(k)) && words_.IsFirstName(i)) ||
        ((IsForeignParticle(s_.Lower(k)) || (s_.english && IsNameParticle(s_.Lower(k)))) && s_.toks[i].upper_initial &&
         !s_.toks[i].all_caps && !words_.KnownCommon(s_.Text(i)) && !s_.InfoOf(i).known))) {
    return 0;
  }
  size_t m = k + 1;
  if (m < n && IsNameParticle(s_.Lower(m))) ++m;
  bool w2;
  // ("Christine Berne de Météo France": a full name, then where she works.)
  int g = -1;
  if (end > i && m < n) gazetteer_.Match(m, &g);
  if (g >= 0) return 0;
  // ("Marion Lefebvre de Top Chef": after a full name, a common word or
  // a name of several words is where she is from, not her surname.)
  if (end > i && m < n && (s_.Lower(k) == "de" || s_.Lower(k) == "d'" || s_.Lower(k) == "d’") &&
      (words_.KnownCommon(s_.Text(m)) || (m + 1 < n && s_.IsWord(m + 1) && s_.toks[m + 1].upper_initial))) {
    return 0;
  }
  if (m < n && words_.IsNameToken(m, &w2) && s_.toks[m].upper_initial) return m;
  return 0;
}

// The surname's last word when a first name (ending at `end`) is followed
// at `k` by a surname opening with a capitalised article ("Jean-Marie Le
// Pen", "Jean-Yves Le Drian", "Erwan Le Corre"; not "Le Monde", a known
// name of another kind), or 0.
size_t NameExtender::ArticleSurname(size_t end, size_t k) const {
  const size_t n = s_.toks.size();
  if (s_.english || (s_.Text(k) != "Le" && s_.Text(k) != "La") || !words_.IsFirstName(end)) return 0;
  if (k + 1 >= n || !s_.IsWord(k + 1) || !s_.toks[k + 1].upper_initial || s_.toks[k + 1].all_caps) return 0;
  int g = -1;
  gazetteer_.Match(k, &g);
  if (g >= 0 && s_.lex.entry(g).type != EntityType::kPerson) return 0;
  bool weak;
  return words_.IsNameToken(k + 1, &weak) ? k + 1 : 0;
}

// Whether the name starting at token i is the complement of a role: "le
// patron de", "la chanteuse des", "l'attaquant du" right before it.
bool NameExtender::ComplementOfRole(size_t i) const {
  if (i < 2 || !s_.IsWord(i - 1) || !s_.IsWord(i - 2)) return false;
  std::string_view of = s_.Lower(i - 1);
  if (of != "de" && of != "des" && of != "du" && of != "d'" && of != "d’") return false;
  return words_.IsTitleWord(i - 2);
}

size_t NameExtender::Extend(size_t i) const {
  size_t end = i;
  bool headed = words_.IsHead(i);
  size_t n = s_.toks.size();
  while (end + 1 < n && end - i + 1 < kMaxSpanTokens) {
    size_t k = end + 1;
    bool weak;
    // Two words with no space between were split by the tokenizer ("BenallaAu"):
    // a paragraph boundary, not one name.
    if (s_.toks[k].start == s_.toks[end].end && s_.IsWord(k) && s_.IsWord(end) && !s_.toks[end].elision) break;
    if (s_.SkipHeaderRow(k) > k) break;  // "EASTERN DIVISION" then "W L PCT GB"
    // "ENGLAND V PAKISTAN", "Arsenal v Chelsea": versus between two names.
    if (s_.IsWord(k) && (s_.Text(k) == "V" || s_.Text(k) == "v" || s_.Text(k) == "vs" || s_.Text(k) == "VS") &&
        k + 1 < n && s_.IsWord(k + 1) && s_.toks[k + 1].upper_initial) {
      break;
    }
    // A middle initial: "George W. Bush", "Edward D. Jones & Co".
    if (words_.IsInitialLetter(k) && k + 2 < n && s_.IsWord(k + 2) && s_.toks[k + 2].upper_initial &&
        !s_.toks[k + 2].all_caps && !words_.IsTitleWithDot(k)) {
      bool w2;
      if (words_.IsNameToken(k + 2, &w2)) {
        end = k + 2;
        continue;
      }
    }
    // A title opens the next name: "l'AFP M. Rebsamen", "l'AFP Mes Durand
    // et Martin" (not an initial ending a name: "Alaa M. a été arrêté").
    if ((words_.IsTitleWithDot(k) && k + 2 < n && s_.Text(k + 1) == "." && s_.toks[k + 2].upper_initial &&
         !s_.toks[end].has_digit) ||
        (InWordClass(WordClass::kPluralTitle, s_.Lower(k)) && k + 1 < n && s_.toks[k + 1].upper_initial)) {
      break;
    }
    if (words_.IsNameToken(k, &weak) && !words_.IsTitleWord(k)) {
      // A first name after an acronym or a non-name word starts a new name:
      // "AFP Yuta Shinohara", "UDI Jean-Christophe Lagarde"; so it does
      // after a one-word complement of a role ("le patron de Zorglub Pierre
      // Durand", "le directeur du Cevipof Bruno Cautrès": the role's holder,
      // then its holder's name).
      // (Not after a word no dictionary or list knows: "Ijaz Ahmed"; nor
      // after a first word English knows as a name only: "Dionne Rose".)
      if (words_.IsFirstName(k) && !words_.IsFirstName(end) && !s_.toks[k].all_caps &&
          (s_.toks[end].all_caps || !words_.IsFirstName(i)) && !words_.IsSaint(end) &&
          !(end == i && !s_.toks[i].upper_initial && s_.lex.IsLowerHead(s_.Lower(i))) &&
          !words_.KeepsRoyalTitle(end, k) &&
          (s_.toks[end].all_caps || words_.KnownCommon(s_.Text(end)) || s_.InfoOf(end).known ||
           (s_.InfoOf(end).english && !(end == i && s_.InfoOf(end).english_proper)) ||
           s_.lex.FindPhrase(s_.Folded(end)) >= 0 ||
           (k == i + 1 && ComplementOfRole(i)))) {
        break;
      }
      end = k;
      continue;
    }
    // "Johnson & Johnson", "AT & T".
    if (s_.Text(k) == "&" && k + 1 < n) {
      bool w2;
      if (words_.IsNameToken(k + 1, &w2)) {
        end = k + 1;
        continue;
      }
    }
    // Version after a name: "Llama 3", "Windows 11", "Llama 3.1", "Ascend 910C".
    if ((s_.toks[k].kind == TokenKind::kNumber && IsVersionNumber(k) && !IsScore(k) &&
         (!s_.english || ProductLike(i, end))) ||
        IsModelSuffix(k)) {
      end = k;
      continue;
    }
    // "Caroline du Nord", "Irlande du Nord", "Soudan du Sud": a place and its quarter.
    if (!s_.english && (s_.Lower(k) == "du" || s_.Lower(k) == "de") && k + 1 < n && words_.IsCardinalPoint(k + 1)) {
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
    if (s_.english && (s_.Lower(k) == "of" || s_.Lower(k) == "for" || s_.Lower(k) == "on") &&
        s_.lex.IsOfHead(s_.Text(end)) && k + 1 < n && s_.IsWord(k + 1) && s_.toks[k + 1].upper_initial &&
        !s_.toks[k + 1].all_caps) {
      bool w2;
      if (words_.IsNameToken(k + 1, &w2) && !words_.IsTitleWord(k + 1)) {
        end = k + 1;
        continue;
      }
    }
    if (headed) end = HeadedTail(i, end);
    break;
  }
  return end;
}

// "910C", "70B": digits then capitals, short.
bool NameExtender::IsModelSuffix(size_t k) const {
  const Token& t = s_.toks[k];
  if (t.kind != TokenKind::kWord || !t.has_digit || t.end - t.start > 6) return false;
  size_t len;
  if (!IsDigit(DecodeUtf8(s_.Text(k), 0, &len))) return false;
  std::string_view w = s_.Text(k);
  for (char ch : w) if (ch >= 'a' && ch <= 'z') return false;
  return true;
}

// A number after a name that is a score or a table cell, not a version:
// in a table row, or followed by another number or by a name and a
// number ("Barnett 87", "Pohang 3 Ulsan 2", "Anyang 0 3 1").
bool NameExtender::IsScore(size_t k) const {
  if (s_.tabular) return true;
  size_t n = s_.toks.size();
  if (k + 1 < n && s_.toks[k + 1].kind == TokenKind::kNumber) return true;
  // An English line ending in a number after a name is a score
  // ("R. Mahanama b McGrath 50").
  if (s_.english) {
    size_t q = k + 1;
    while (q < n && s_.toks[q].kind == TokenKind::kPunct) ++q;
    if (q == n && (k + 1 == n || s_.Text(k + 1) != "%")) return true;
  }
  return k + 2 < n && s_.IsWord(k + 1) && s_.toks[k + 1].upper_initial && s_.toks[k + 2].kind == TokenKind::kNumber;
}

// A name that takes a version number in English: a code or a CamelCase
// word in it, or a known product or event ("Windows 11", "Euro 96");
// elsewhere an English name and a number are a score ("Israel 2 , Bulgaria 0").
bool NameExtender::ProductLike(size_t first, size_t last) const {
  for (size_t k = first; k <= last; ++k) {
    if (s_.IsWord(k) && (s_.IsCode(k) || (s_.toks[k].inner_caps && !s_.toks[k].all_caps))) return true;
  }
  int g = s_.lex.FindPhrase(FoldName(s_.text.substr(s_.toks[first].start, s_.toks[last].end - s_.toks[first].start)));
  if (g < 0) return false;
  EntityType t = s_.lex.entry(g).type;
  return t == EntityType::kProduct || t == EntityType::kOther;
}

bool NameExtender::IsVersionNumber(size_t k) const {
  std::string_view w = s_.Text(k);
  size_t dot = w.find_first_of(".,");
  size_t int_digits = dot == std::string_view::npos ? w.size() : dot;
  if (int_digits > 2 || w.find(' ') != std::string_view::npos || w.find("\xC2\xA0") != std::string_view::npos) {
    return false;
  }
  if (k + 1 < s_.toks.size()) {
    std::string_view next = s_.Text(k + 1);
    if (next == "%" || next == "€" || next == "$" || next == "£") return false;
    if (s_.IsWord(k + 1) && !s_.toks[k + 1].upper_initial) {
      const WordInfo& info = s_.InfoOf(k + 1);
      if (info.noun && !info.function_word) return false;  // "3 millions", "2 fois"
    }
  }
  return true;
}

}  // namespace kg::recognition

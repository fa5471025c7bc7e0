// The "role-institutions" annotator (kg/extract/annotators.h): a person
// named by a role over a domain heads the document's institution of that
// domain ("le ministre de l'Intérieur Christophe Castaner" and "le ministère
// de l'Intérieur").
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "kg/base/text.h"
#include "kg/extract/annotators.h"
#include "word_classes.h"

namespace kg {
namespace {

constexpr size_t kMaxPhraseTokens = 7;

// A sentence's text and tokens, and the office rows (role -> institution).
struct Context {
  std::string_view text;
  const std::vector<Token>& tokens;
  const std::map<std::string, std::string>& offices;
};

// A role phrase: its role ("ministre") and the tokens [first, end) of its
// domain, from the preposition on.
struct Phrase {
  std::string noun;
  size_t first, end;
};

bool IsOf(std::string_view lower) {
  const std::string_view w = StripElision(lower);
  return w == "de" || w == "du" || w == "des" || w == "d";
}

bool IsWordOrElision(const Token& t) { return t.kind == TokenKind::kWord || t.elision; }

// Token k joins a role to its domain: "de", "du", "des", "d'", "l'", "la".
bool Joins(const Context& c, size_t k) {
  const std::string lower = ToLower(c.tokens[k].Text(c.text));
  return IsOf(lower) || c.tokens[k].elision || lower == "la";
}

// The role and its domain's words: tokens [role, end) with `role` an office
// row's noun, then "de", "du", "des" or "d'" and words up to `end`, the
// first of them after the prepositions and articles capitalised.
bool RoleOver(const Context& c, size_t role, size_t end, std::string* noun) {
  const std::vector<Token>& toks = c.tokens;
  if (end < role + 3 || end > toks.size()) return false;
  *noun = ToLower(toks[role].Text(c.text));
  if (c.offices.count(*noun) == 0 || !IsOf(ToLower(toks[role + 1].Text(c.text)))) return false;
  size_t k = role + 1;
  while (k < end && Joins(c, k)) ++k;
  if (k >= end || !toks[k].upper_initial) return false;
  for (size_t j = role + 1; j < end; ++j) {
    if (!IsWordOrElision(toks[j])) return false;
  }
  return true;
}

// "le ministre de la Santé Olivier Véran": the role right before the name.
std::optional<Phrase> Before(const Context& c, const Mention& m) {
  const size_t from = m.first > kMaxPhraseTokens ? m.first - kMaxPhraseTokens : 0;
  for (size_t role = m.first; role-- > from;) {
    std::string noun;
    if (!c.tokens[role].upper_initial && RoleOver(c, role, m.first, &noun)) {
      return Phrase{noun, role + 1, m.first};
    }
  }
  return std::nullopt;
}

// "Olivier Véran, ministre de la Santé,": the role after the name and a
// comma, without an article (", le ministre de l'Intérieur" begins a new
// phrase more often than not), its domain up to the first word neither
// capitalised nor a preposition or article, then a mark or the sentence's end.
std::optional<Phrase> After(const Context& c, const Mention& m) {
  const std::vector<Token>& toks = c.tokens;
  size_t role = m.last + 1;
  if (role >= toks.size() || toks[role].Text(c.text) != ",") return std::nullopt;
  ++role;
  size_t end = role + 2;
  while (end < toks.size() && end < role + kMaxPhraseTokens && IsWordOrElision(toks[end]) &&
         (toks[end].upper_initial || Joins(c, end))) {
    ++end;
  }
  while (end > role + 2 && !toks[end - 1].upper_initial) --end;  // no article or preposition last
  std::string noun;
  if (role >= toks.size() || !RoleOver(c, role, end, &noun)) return std::nullopt;
  if (end < toks.size() && toks[end].kind != TokenKind::kPunct) return std::nullopt;
  return Phrase{noun, role + 1, end};
}

}  // namespace

void RoleInstitutions::Annotate(AnnotatedDocument* doc) {
  if (offices_.empty()) return;
  std::vector<std::pair<std::string, uint32_t>> institutions;  // folded label, organisation
  for (uint32_t e = 0; e < doc->entities.size(); ++e) {
    if (doc->entities[e].type == EntityType::kOrg) institutions.emplace_back(FoldName(doc->entities[e].label), e);
  }
  if (institutions.empty()) return;
  std::set<std::pair<uint32_t, uint32_t>> related;
  for (const DocRelation& r : doc->relations) {
    if (r.kind == EdgeKind::kRelation) related.insert(std::minmax(r.source, r.target));
  }
  std::vector<DocRelation> added;
  for (const Mention& m : doc->mentions) {
    if (doc->entities[m.entity].type != EntityType::kPerson) continue;
    const Context c{doc->text, doc->sentences[m.sentence].tokens, offices_};
    std::optional<Phrase> p = Before(c, m);
    if (!p) p = After(c, m);
    if (!p) continue;
    const std::string phrase =
        FoldName(offices_.at(p->noun) + " " +
                 std::string(doc->text.substr(c.tokens[p->first].start, c.tokens[p->end - 1].end - c.tokens[p->first].start)));
    for (const auto& [folded, org] : institutions) {
      if (folded != phrase && !folded.starts_with(phrase + " ")) continue;
      if (!related.insert(std::minmax(m.entity, org)).second) break;
      added.push_back(DocRelation{.source = m.entity, .target = org, .relation = p->noun + "_de",
                                  .kind = EdgeKind::kRelation, .sentence = m.sentence});
      break;
    }
  }
  doc->relations.insert(doc->relations.end(), added.begin(), added.end());
}

}  // namespace kg

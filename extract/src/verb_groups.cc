#include "verb_groups.h"

#include <algorithm>
#include <string_view>

#include "relation_words.h"

namespace kg::relations {

std::vector<VerbGroup> VerbGroupFinder::Find() {
  const std::vector<Token>& toks = s_.tokens();
  std::vector<VerbGroup> groups;
  pending_neg_ = false;
  // A verb relates a name before it to a name after it: verbs before the
  // sentence's first mention relate nothing (and looking words up costs),
  // so only negation is tracked there. (Verbs after the last mention still
  // count: their subjects are not the objects of earlier verbs.)
  size_t lo = toks.size();
  for (const Mention& m : s_.mentions()) lo = std::min<size_t>(lo, m.first);
  for (size_t k = 0; k < toks.size(); ++k) {
    std::string_view w = s_.lower(k);
    if (s_.Is(k, kNegationStart)) {
      pending_neg_ = true;
      continue;
    }
    if (s_.Is(k, kClauseBoundary) || w == ",") pending_neg_ = false;
    if (k < lo) continue;
    bool participle_by = s_.mention_at(k) < 0 && toks[k].kind == TokenKind::kWord && s_.Info(k).participle &&
                         s_.Info(k).verb && s_.VerbOfLanguage(s_.Info(k)) && k + 1 < toks.size() &&
                         (s_.lower(k + 1) == "par" || s_.lower(k + 1) == "by") && !(k > 0 && s_.Info(k - 1).auxiliary);
    if (s_.IsFiniteVerb(k) && !participle_by) {
      VerbGroup g;
      g.start = k;
      g.lemma = s_.Info(k).verb_lemma;
      // "ne ... pas" around the finite verb.
      size_t j = k + 1;
      while (j < toks.size() && j <= k + 2) {
        if (s_.Is(j, kNegationEnd) && pending_neg_) g.negated = true;
        ++j;
      }
      g.end = FollowChain(k, &g);
      g.light = s_.lex().IsLightVerb(g.lemma);
      size_t after = g.end + 1;
      while (after < toks.size() && s_.Is(after, kNegationEnd)) ++after;
      g.speech = s_.lex().IsSpeechVerb(g.lemma) && after < toks.size() &&
                 (s_.lower(after) == "que" || s_.lower(after) == "qu’" || s_.lower(after) == "qu'" ||
                  s_.lower(after) == ":" || s_.lower(after) == "«" || s_.lower(after) == "that");
      groups.push_back(g);
      pending_neg_ = false;
      k = g.end;
      continue;
    }
    // "DeepSeek, soutenu par le fonds High-Flyer": a participle before "par".
    if (participle_by) {
      VerbGroup g;
      g.start = g.end = k;
      g.lemma = s_.Info(k).verb_lemma;
      g.passive = true;
      g.participial = true;
      groups.push_back(g);
    }
  }
  return groups;
}

// "en effet", "par exemple": two-word adverbs between an auxiliary and its participle.
bool VerbGroupFinder::IsAdverbLocution(size_t j) const {
  if (j + 1 >= s_.tokens().size()) return false;
  std::string_view a = s_.lower(j);
  std::string_view b = s_.lower(j + 1);
  return (a == "en" && (b == "effet" || b == "outre" || b == "fait" || b == "partie")) ||
         (a == "par" && (b == "exemple" || b == "ailleurs")) || (a == "de" && b == "plus") ||
         (a == "d’" && b == "ailleurs") || (a == "d'" && b == "ailleurs") || (a == "à" && b == "nouveau") ||
         (a == "for" && b == "example");
}

// Follows "a tenté de contourner", "est parvenu à graver", "avoir utilisé"
// from the finite verb at k; returns the group's last token.
size_t VerbGroupFinder::FollowChain(size_t k, VerbGroup* g) {
  const std::vector<Token>& toks = s_.tokens();
  for (int guard = 0; guard < 4; ++guard) {
    size_t j = k + 1;
    while (IsAdverbLocution(j)) j += 2;
    while (j < toks.size() && (s_.Is(j, kNegationEnd) || (s_.Info(j).function_word && !s_.Info(j).verb &&
                                                          !s_.Is(j, kPreposition | kDeterminer | kClauseBoundary) &&
                                                          s_.mention_at(j) < 0))) {
      if (s_.Is(j, kNegationEnd) && pending_neg_) g->negated = true;
      ++j;
    }
    if (j >= toks.size() || s_.mention_at(j) >= 0) return k;
    const WordInfo& w = s_.Info(j);
    bool aux = g->lemma == "avoir" || g->lemma == "être";
    if (aux && w.participle && w.verb && s_.VerbOfLanguage(w)) {
      // "s’est entraînée": a pronominal verb, active voice.
      std::string_view before = g->start > 0 ? s_.lower(g->start - 1) : std::string_view();
      bool reflexive = g->start > 0 && (before == "se" || before == "s’" || before == "s'");
      if (g->lemma == "être" && !w.etre_verb && !reflexive) g->passive = true;
      if (w.verb_lemma == "être") g->passive = false;
      g->lemma = w.verb_lemma;
      k = j;
      continue;
    }
    if (s_.lex().IsModalVerb(g->lemma)) {  // "va investir", "a tenté de contourner"; not "était le boucher"
      size_t m = j;
      std::string_view link = s_.lower(m);
      if (link == "à" || link == "de" || link == "d’" || link == "d'" || link == "to") ++m;
      while (m < toks.size() && IsClitic(s_.lower(m))) ++m;
      if (m < toks.size() && s_.mention_at(m) < 0) {
        const WordInfo& next = s_.Info(m);
        // "will be closed", "would have bought": the auxiliary's chain next.
        if (m == j && next.auxiliary) {
          g->lemma = next.verb_lemma;
          k = m;
          continue;
        }
        if (next.infinitive && s_.VerbOfLanguage(next)) {
          g->lemma = next.verb_lemma;
          g->passive = false;
          k = m;
          continue;
        }
      }
    }
    return k;
  }
  return k;
}

}  // namespace kg::relations

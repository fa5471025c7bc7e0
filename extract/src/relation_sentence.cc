#include "relation_sentence.h"

#include <algorithm>
#include <string>

#include "relation_words.h"

namespace kg::relations {

RelationSentence::RelationSentence(std::string_view text, const SentenceTokens& s, uint32_t index, const Lexicon& lex,
                                   Morphology& morph, const std::vector<Mention>& mentions,
                                   const std::vector<DocEntity>& entities, bool english)
    : view_{text, s.tokens, s, index, lex, morph, english}, ms_(mentions), ents_(entities) {
  mention_at_.assign(view_.toks.size(), -1);
  for (size_t m = 0; m < ms_.size(); ++m) {
    for (uint32_t k = ms_[m].first; k <= ms_[m].last && k < view_.toks.size(); ++k) mention_at_[k] = static_cast<int>(m);
  }
  s.InternAll(view_.text);
  lower_.reserve(view_.toks.size());
  classes_.reserve(view_.toks.size());
  for (size_t k = 0; k < view_.toks.size(); ++k) {
    Word* w = s.WordAt(view_.text, k);
    lower_.push_back(w->lower);
    classes_.push_back(w->CachedMask(kWordClasses, [&] { return WordClassesOf(w->lower); }));
  }
  question_ = !view_.toks.empty() && (lower_.back() == "?" || (lower_.size() > 1 && lower_[lower_.size() - 2] == "?"));
}

// Words that are also nouns or adjectives ("menace", "fabrique", "complexes")
// count as verbs only right after a subject: a name, a subject or object
// pronoun, a negation.
bool RelationSentence::IsFiniteVerb(size_t k) {
  if (mention_at_[k] >= 0 || view_.toks[k].kind != TokenKind::kWord) return false;
  if (view_.toks[k].upper_initial && k > 0) return false;
  const WordInfo& w = Info(k);
  if (!w.finite) return false;
  if (!VerbOfLanguage(w)) return false;
  if (k > 0 && Is(k - 1, kDeterminer | kPreposition)) return false;
  if (w.auxiliary) return true;
  if (w.function_word) return false;
  // English present forms are as often nouns ("hedge fund", "chip makers").
  bool english_present = w.english_verb && !w.participle && w.infinitive;
  bool english_3sg = w.english_verb && !w.participle && !w.infinitive && lower_[k].back() == 's';
  if (!w.noun && !w.adjective && !english_present && !english_3sg) return true;
  if (k == 0) return false;
  if (mention_at_[k - 1] >= 0) return true;
  std::string_view p = lower_[k - 1];
  return IsSubjectPronoun(p) || IsClitic(p) || Is(k - 1, kNegationStart) || p == "qui" || p == "who" ||
         p == "which" || p == "that" || p == "also" || p == "to";
}

void RelationSentence::Add(size_t src_mention, size_t dst_mention, std::string_view label) {
  uint32_t a = EntityOf(src_mention), b = EntityOf(dst_mention);
  if (a == b) return;
  auto key = std::minmax(a, b);
  if (!related_.insert(key).second) return;
  Record(a, b, view_.english ? view_.lex.EnglishLabel(label) : label, EdgeKind::kRelation);
}

bool RelationSentence::SpokenOn(size_t m) const {
  if (!view_.lex.IsOutlet(ents_[ms_[m].entity].label)) return false;
  size_t k = ms_[m].first;
  // "sur son compte Instagram", "sur le plateau de LCI": up to three words
  // of an account or a set between.
  for (size_t steps = 0; k > 0 && steps < 3; ++steps) {
    std::string_view w = lower_[k - 1];
    if (view_.lex.IsOutletCase(w, true)) return true;
    if (!Is(k - 1, kDeterminer) && w != "compte" && w != "page" && w != "plateau" && w != "antenne" &&
        w != "de" && w != "account" && w != "show") {
      return false;
    }
    --k;
  }
  return k > 0 && view_.lex.IsOutletCase(lower_[k - 1], true);
}

void RelationSentence::AddCooccurrence(uint32_t a, uint32_t b) {
  Record(a, b, "cooccurrence", EdgeKind::kCooccurrence);
}

void RelationSentence::MoveResultsTo(std::vector<DocRelation>* out) {
  for (auto& r : found_) out->push_back(std::move(r));
}

void RelationSentence::Record(uint32_t source, uint32_t target, std::string_view label, EdgeKind kind) {
  DocRelation r;
  r.source = source;
  r.target = target;
  r.relation = std::string(label);
  r.kind = kind;
  r.sentence = view_.index;
  found_.push_back(std::move(r));
}

}  // namespace kg::relations

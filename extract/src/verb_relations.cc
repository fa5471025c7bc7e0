#include "verb_relations.h"

#include <string_view>

#include "relation_words.h"

namespace kg::relations {

void VerbRelations::Run() {
  std::vector<VerbGroup> groups = VerbGroupFinder(s_).Find();
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    const VerbGroup& g = groups[gi];
    if (!StatesRelation(g)) continue;
    int subject = SubjectOf(groups, gi);
    // Objects: the first mention after the verb in its clause.
    size_t right_limit = gi + 1 < groups.size() ? groups[gi + 1].start : s_.tokens().size();
    ObjectSearch found = FindObject(g, right_limit);
    if (found.object < 0) continue;
    std::vector<size_t> objects = ObjectsFrom(static_cast<size_t>(found.object), right_limit);
    // Where the subject spoke or posted is no object: "s'agace sur France 5".
    std::erase_if(objects, [&](size_t o) { return s_.SpokenOn(o); });
    if (objects.empty()) continue;
    if (g.passive) {
      if (found.by_agent) AddFromAgents(g, subject, objects);
      continue;
    }
    if (subject < 0) continue;
    AddFromSubjects(g, static_cast<size_t>(subject), objects);
  }
}

bool VerbRelations::StatesRelation(const VerbGroup& g) const {
  // Verbs of saying relate the speaker to what is said, not to the names in it.
  if (g.negated || g.light || g.lemma.empty() || s_.lex().IsSayingVerb(g.lemma)) return false;
  // An inserted attribution, ", a indiqué X" / ", rappelle le Canard": the
  // name after the verb is its subject, and nothing here is stated.
  if (g.start > 0 && !g.participial && s_.lex().IsSpeechVerb(g.lemma)) {
    std::string_view before = s_.lower(g.start - 1);
    if (before == "," || before == "»" || before == "\"" || before == "”") return false;
  }
  return true;
}

// Subject: the leftmost bare mention of the clause, or the antecedent of "qui".
int VerbRelations::SubjectOf(const std::vector<VerbGroup>& groups, size_t gi) const {
  const VerbGroup& g = groups[gi];
  // Participial appositions ("X, soutenu par Y, affirme") do not end the clause.
  size_t left_limit = 0;
  for (size_t pj = gi; pj-- > 0;) {
    if (!groups[pj].participial) {
      left_limit = groups[pj].end + 1;
      break;
    }
  }
  int subject = ClauseSubject(g.start, left_limit);
  // "TSMC, which manufactures Nvidia's chips, fell": after a relative clause
  // closed by a comma, the subject is the relative's antecedent.
  size_t before = g.start;
  while (before > 0 && IsLinkingAdverb(s_.lower(before - 1))) --before;
  if (gi > 0 && before > 0 && s_.lower(before - 1) == ",") {
    int antecedent = RelativeAntecedent(groups[gi - 1]);
    if (antecedent >= 0) subject = antecedent;
  }
  return subject;
}

// Walking back from token `start` to `left_limit`: the antecedent of a
// relative pronoun, else the nearest name not after a preposition, or -1.
int VerbRelations::ClauseSubject(size_t start, size_t left_limit) const {
  for (size_t k = start; k-- > left_limit;) {
    std::string_view w = s_.lower(k);
    if (w == "qui" || w == "which" || w == "who" || w == "that") {
      size_t b = k;
      while (b > 0 && s_.lower(b - 1) == ",") --b;
      if (b > 0 && s_.mention_at(b - 1) >= 0) return s_.mention_at(b - 1);
      return -1;
    }
    if (s_.Is(k, kClauseBoundary)) return -1;
    if (s_.mention_at(k) >= 0) {
      size_t m = static_cast<size_t>(s_.mention_at(k));
      if (!Prepositional(m)) return static_cast<int>(m);  // the nearest bare name
      k = s_.mentions()[m].first;
    }
  }
  return -1;
}

// The first name without a preposition (the direct object), else the first
// name ("investir dans OpenAI"); the first name for a passive; none after a
// verb of speech.
VerbRelations::ObjectSearch VerbRelations::FindObject(const VerbGroup& g, size_t right_limit) const {
  const std::vector<Token>& toks = s_.tokens();
  int object = -1, first_object = -1;
  bool by_agent = false, agent_seen = false;
  for (size_t k = g.end + 1; k < right_limit && k <= g.end + 14; ++k) {
    std::string_view w = s_.lower(k);
    if (s_.Is(k, kClauseBoundary) || w == "qui") break;
    // ", and Meta set up ...": a new clause.
    if (w == "," && k + 1 < toks.size() &&
        (s_.lower(k + 1) == "and" || s_.lower(k + 1) == "et" || s_.lower(k + 1) == "but" ||
         s_.lower(k + 1) == "mais")) {
      break;
    }
    if ((w == "par" || w == "by") && first_object < 0) agent_seen = true;
    if (s_.mention_at(k) >= 0) {
      size_t m = static_cast<size_t>(s_.mention_at(k));
      if (first_object < 0) {
        first_object = static_cast<int>(m);
        by_agent = agent_seen;
      }
      if (!Prepositional(m)) {
        object = static_cast<int>(m);
        break;
      }
      k = s_.mentions()[m].last;
    }
  }
  if (object < 0 || g.passive) object = first_object;
  if (g.speech) object = -1;
  return {object, by_agent};
}

// Mention `obj` and the names coordinated after it, up to the verb group
// starting at token `right_limit`.
std::vector<size_t> VerbRelations::ObjectsFrom(size_t obj, size_t right_limit) const {
  const std::vector<Mention>& ms = s_.mentions();
  // "le NVIDIA H800": the product, not its maker.
  if (obj + 1 < ms.size() && ms[obj + 1].first == ms[obj].last + 1 && s_.TypeOf(obj) == EntityType::kOrg &&
      s_.TypeOf(obj + 1) == EntityType::kProduct) {
    ++obj;
  }
  std::vector<size_t> objects;
  for (size_t o : CoordinatedRight(obj)) {
    // A name right before the next verb is that verb's subject, not an object.
    if (o != obj && ms[o].last + 1 == right_limit) break;
    objects.push_back(o);
  }
  return objects;
}

// Agent(s) act on the subject: "X, soutenu par Y" -> Y soutenir X.
void VerbRelations::AddFromAgents(const VerbGroup& g, int subject, const std::vector<size_t>& agents) {
  int patient = subject;
  if (g.participial) {
    size_t b = g.start;
    while (b > 0 && s_.lower(b - 1) == ",") --b;
    patient = b > 0 ? s_.mention_at(b - 1) : -1;
    if (patient < 0) {
      // "le fonds X, soutenu par" also accepts a determiner-less gap of one noun.
      return;
    }
  }
  if (patient < 0) return;
  for (size_t a : agents) s_.Add(a, static_cast<size_t>(patient), g.lemma);
}

// The subject and the names coordinated with it before the verb act on the objects.
void VerbRelations::AddFromSubjects(const VerbGroup& g, size_t subject, const std::vector<size_t>& objects) {
  std::vector<size_t> subjects = CoordinatedLeft(subject);
  for (size_t m : CoordinatedRight(subject)) {
    if (m != subject && s_.mentions()[m].last < g.start) subjects.push_back(m);
  }
  for (size_t s : subjects) {
    for (size_t o : objects) s_.Add(s, o, g.lemma);
  }
}

// Mentions coordinated with mention m: "A, B et C". A chain joined by commas
// alone is an apposition ("l’ambassadeur en Tunisie, Olivier Poivre"), not a
// list, so a list needs "et" / "ou" (and / or) somewhere.
std::vector<size_t> VerbRelations::Coordinated(size_t m, bool right) const {
  const std::vector<Token>& toks = s_.tokens();
  const std::vector<Mention>& ms = s_.mentions();
  std::vector<size_t> out{m};
  bool conjunction = false;
  size_t cur = m;
  while (right ? cur + 1 < ms.size() : cur > 0) {
    size_t next = right ? cur + 1 : cur - 1;
    bool joined = false;
    if (right) {
      size_t k = ms[cur].last + 1;
      while (k < toks.size() && (IsCoordination(s_.lower(k)) || s_.Is(k, kDeterminer))) {
        if (IsCoordination(s_.lower(k))) joined = true;
        if (IsCoordination(s_.lower(k)) && s_.lower(k) != ",") conjunction = true;
        ++k;
      }
      if (!joined || k >= toks.size() || ms[next].first != k) break;
    } else {
      size_t k = ms[cur].first;
      while (k > 0 && (IsCoordination(s_.lower(k - 1)) || s_.Is(k - 1, kDeterminer))) {
        if (IsCoordination(s_.lower(k - 1))) joined = true;
        if (IsCoordination(s_.lower(k - 1)) && s_.lower(k - 1) != ",") conjunction = true;
        --k;
      }
      if (!joined || k == 0 || s_.mention_at(k - 1) != static_cast<int>(next)) break;
    }
    out.push_back(next);
    cur = next;
  }
  if (!conjunction) out.resize(1);
  return out;
}

// True when mention m sits after a preposition in its noun phrase: walks
// back over the phrase (nouns, adjectives, other names: "le GPU NVIDIA
// H100") to its determiner or preposition.
bool VerbRelations::Prepositional(size_t m) const {
  const std::vector<Token>& toks = s_.tokens();
  const std::vector<Mention>& ms = s_.mentions();
  size_t k = ms[m].first;
  for (int steps = 0; k > 0 && steps < 6; ++steps) {
    std::string_view w = s_.lower(k - 1);
    if (s_.Is(k - 1, kPreposition)) return true;
    if (s_.Is(k - 1, kDeterminer)) return k >= 2 && s_.Is(k - 2, kPreposition);
    if (s_.mention_at(k - 1) >= 0) {
      k = ms[static_cast<size_t>(s_.mention_at(k - 1))].first;
      continue;
    }
    if ((w == "." && k >= 2 && s_.lower(k - 2) == "m") || w == "m" || w == "mme" || w == "dr") {  // "de M. Depp"
      --k;
      continue;
    }
    const WordInfo& info = s_.LowerReading(k - 1);
    bool nounish = info.noun || info.adjective || !info.verb || (info.english_verb && !info.participle);
    if (toks[k - 1].kind == TokenKind::kWord && !s_.Is(k - 1, kClauseBoundary) && w != "et" && w != "ou" &&
        w != "qui" && nounish) {
      --k;
      continue;
    }
    return false;
  }
  return false;
}

// The name a relative pronoun right before verb group g refers to
// ("TSMC, which manufactures"), or -1.
int VerbRelations::RelativeAntecedent(const VerbGroup& g) const {
  size_t k = g.start;
  while (k > 0 && (IsClitic(s_.lower(k - 1)) || s_.lower(k - 1) == "ne" || s_.lower(k - 1) == "n’")) --k;
  if (k == 0) return -1;
  std::string_view w = s_.lower(k - 1);
  if (w != "qui" && w != "which" && w != "who" && w != "that") return -1;
  size_t b = k - 1;
  while (b > 0 && s_.lower(b - 1) == ",") --b;
  return b > 0 ? s_.mention_at(b - 1) : -1;
}

}  // namespace kg::relations

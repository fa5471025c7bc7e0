#include "kg/extract/syntax_trainer.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <random>
#include <set>

#include "kg/extract/morphology.h"

namespace kg {
namespace {

std::string Percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string Universal(const std::string& deprel) { return deprel.substr(0, deprel.find(':')); }

bool LessIgnoringCase(const std::string& a, const std::string& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [](char x, char y) { return std::tolower(x) < std::tolower(y); });
}

// Tag, feature and label inventories.
void BuildInventories(const std::vector<UdSentence>& train, SyntaxModel* m) {
  std::set<std::string> tags, labels;
  std::map<std::string, std::set<std::string>> values;  // name -> values
  for (const UdSentence& s : train) {
    for (const UdWord& w : s.words) {
      tags.insert(w.upos);
      labels.insert(w.deprel);
      for (std::string_view fv : SplitFeats(w.feats)) {
        size_t eq = fv.find('=');
        if (eq != std::string_view::npos) values[std::string(fv.substr(0, eq))].insert(std::string(fv.substr(eq + 1)));
      }
    }
  }
  m->tags.assign(tags.begin(), tags.end());
  m->labels.assign(labels.begin(), labels.end());
  for (const auto& [name, vals] : values) m->feat_names.push_back(name);
  std::sort(m->feat_names.begin(), m->feat_names.end(), LessIgnoringCase);
  if (m->feat_names.size() > 64) m->feat_names.resize(64);
  for (uint32_t n = 0; n < m->feat_names.size(); ++n) {
    m->feat_values.push_back(m->feat_names[n] + "=");
    m->feat_of_value.push_back(n);
    for (const std::string& v : values[m->feat_names[n]]) {
      m->feat_values.push_back(m->feat_names[n] + "=" + v);
      m->feat_of_value.push_back(n);
    }
  }
  m->feats_by_tag.assign(m->tags.size(), 0);
  for (const UdSentence& s : train) {
    for (const UdWord& w : s.words) {
      int tag = static_cast<int>(std::lower_bound(m->tags.begin(), m->tags.end(), w.upos) - m->tags.begin());
      for (std::string_view fv : SplitFeats(w.feats)) {
        std::string name(fv.substr(0, fv.find('=')));
        auto it = std::find(m->feat_names.begin(), m->feat_names.end(), name);
        if (it != m->feat_names.end()) m->feats_by_tag[tag] |= uint64_t{1} << (it - m->feat_names.begin());
      }
    }
  }
}

// Lemma lexicon (most frequent lemma per form and tag) and suffix rules: for
// each tag and suffix of one to five characters, the rewriting (bytes cut,
// text added) most of the distinct training words ending so take (then the
// one most of their occurrences take), kept when two words or more take it.
// Counting words, not occurrences: a frequent word alone makes no rule for
// its own ending (French "due" -> "dû" made "étendue" "étendû", the acronym
// "UI" made "ennui" "ennUI"). Session 32, simulated on gold tags: the
// lemmas of unseen words, Sequoia dev the same, EWT dev +8 of 1,088.
void BuildLemmas(const std::vector<UdSentence>& train, SyntaxModel* m) {
  using Rule = std::pair<uint32_t, std::string>;
  std::map<std::string, std::map<std::string, int>> lexicon;
  std::map<std::pair<std::string, Rule>, int> words;  // (tag \t lower form, rule) -> occurrences
  for (const UdSentence& s : train) {
    for (const UdWord& w : s.words) {
      if (w.lemma == "_" || w.upos == "PROPN") continue;
      std::string lower = syntax::LowerForm(w.form);
      ++lexicon[lower + "\t" + w.upos][w.lemma];
      size_t common = 0;
      while (common < lower.size() && common < w.lemma.size() && lower[common] == w.lemma[common]) ++common;
      // Rules cut and add whole characters, never part of one.
      while (common > 0 && common < lower.size() && (static_cast<unsigned char>(lower[common]) & 0xC0) == 0x80) --common;
      ++words[{w.upos + "\t" + lower, Rule(static_cast<uint32_t>(lower.size() - common), w.lemma.substr(common))}];
    }
  }
  // tag \t suffix -> rule -> (distinct words, occurrences)
  std::map<std::string, std::map<Rule, std::pair<int, int>>> rules;
  for (const auto& [word, count] : words) {
    const size_t tab = word.first.find('\t');
    const std::string tag = word.first.substr(0, tab);
    const std::string_view lower = std::string_view(word.first).substr(tab + 1);
    for (size_t n = 1; n <= 5 && n <= lower.size(); ++n) {
      size_t start = lower.size() - n;
      while (start > 0 && (static_cast<unsigned char>(lower[start]) & 0xC0) == 0x80) --start;
      auto& [types, tokens] = rules[tag + "\t" + std::string(lower.substr(start))][word.second];
      ++types;
      tokens += count;
    }
  }
  auto best = [](const auto& counts) {  // the first of the largest counts
    auto top = counts.begin();
    for (auto it = counts.begin(); it != counts.end(); ++it) {
      if (it->second > top->second) top = it;
    }
    return top;
  };
  for (const auto& [key, counts] : lexicon) m->lemmas.emplace(key, best(counts)->first);
  for (const auto& [key, counts] : rules) {
    auto top = best(counts);
    if (top->second.first >= 2) m->lemma_rules.emplace(key, LemmaRule{top->first.first, top->first.second});
  }
}

// Contractions: multi-word tokens seen at least three times, with their most
// frequent expansion; ambiguous when the same form is often a single word.
void BuildContractions(const std::vector<UdSentence>& train, SyntaxModel* m) {
  std::map<std::string, std::map<std::vector<std::string>, int>> expansions;
  std::map<std::string, int> single;
  for (const UdSentence& s : train) {
    for (const UdToken& t : s.tokens) {
      std::vector<std::string> words;
      for (int i = t.first; i <= t.last; ++i) words.push_back(syntax::LowerForm(s.words[i - 1].form));
      ++expansions[syntax::LowerForm(t.form)][words];
    }
    for (const UdWord& w : s.words) ++single[syntax::LowerForm(w.form)];
  }
  for (const auto& [form, counts] : expansions) {
    int total = 0;
    auto top = counts.begin();
    for (auto it = counts.begin(); it != counts.end(); ++it) {
      total += it->second;
      if (it->second > top->second) top = it;
    }
    if (total < 3) continue;
    m->contractions.emplace(form, top->first);
    if (single[form] * 10 >= total) m->ambiguous_contractions.push_back(form);
  }
}

// Clitics: pronouns written after a hyphen as words of their own ("-t-il",
// "-vous"), seen at least three times; and the hyphenated words that end
// like one but are single words ("rendez-vous").
void BuildClitics(const std::vector<UdSentence>& train, SyntaxModel* m) {
  std::map<std::string, int> counts;
  for (const UdSentence& s : train) {
    for (const UdWord& w : s.words) {
      std::string lower = syntax::LowerForm(w.form);
      if (w.upos == "PRON" && lower.size() >= 2 && lower[0] == '-' && lower[1] >= 'a' && lower[1] <= 'z' &&
          lower.find_first_not_of("abcdefghijklmnopqrstuvwxyz-", 1) == std::string::npos) {
        ++counts[lower];
      }
    }
  }
  for (const auto& [clitic, n] : counts) {
    if (n >= 3) m->clitics.push_back(clitic);
  }
  std::stable_sort(m->clitics.begin(), m->clitics.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::set<std::string> whole;
  for (const UdSentence& s : train) {
    for (const UdWord& w : s.words) {
      std::string lower = syntax::LowerForm(w.form);
      if (lower.size() < 2 || lower[0] == '-') continue;
      for (const std::string& c : m->clitics) {
        if (lower.size() > c.size() && lower.ends_with(c)) whole.insert(lower);
      }
    }
  }
  m->whole_hyphenated.assign(whole.begin(), whole.end());
}

int TagIndex(const SyntaxModel& m, const std::string& upos) {
  auto it = std::lower_bound(m.tags.begin(), m.tags.end(), upos);
  return it != m.tags.end() && *it == upos ? static_cast<int>(it - m.tags.begin()) : 0;
}

struct Prepared {
  std::vector<std::vector<WordKeys>> keys;
  std::vector<std::vector<int>> tags;
};

Prepared Prepare(const SyntaxModel& m, Morphology* morphology, const std::vector<UdSentence>& data) {
  Prepared p;
  SyntaxAnnotator a(m, morphology);
  for (const UdSentence& s : data) {
    p.keys.emplace_back();
    a.ComputeKeys(s, &p.keys.back());
    p.tags.emplace_back();
    for (const UdWord& w : s.words) p.tags.back().push_back(TagIndex(m, w.upos));
  }
  return p;
}

std::vector<size_t> Order(size_t n, std::mt19937_64* rng) {
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[(*rng)() % i]);  // Fisher-Yates, portable
  return order;
}

// Trains `epochs` times, keeping the compiled table that scores best by `dev_score`.
template <typename Epoch, typename Score>
WeightTable TrainBest(PerceptronTrainer* t, int epochs, size_t max_features, const std::string& name,
                      const TrainOptions& o, Epoch epoch, Score dev_score) {
  WeightTable best;
  double best_score = -1;
  for (int e = 1; e <= epochs; ++e) {
    epoch(e);
    WeightTable table = t->Compile(max_features);
    double score = dev_score(table);
    o.log(name + " epoch " + std::to_string(e) + ": dev " + Percent(score) + " (" + std::to_string(t->features()) +
          " features, " + std::to_string(table.features()) + " kept)");
    if (score > best_score) {
      best_score = score;
      best = std::move(table);
    }
  }
  return best;
}

// One pass of the greedy tagger over a training sentence, learning from each
// word's error with the tags it guessed before (Collins 2002); given the
// first pass's tags (`first`), of the second tagging pass.
void TrainTaggerOn(PerceptronTrainer* t, const std::vector<WordKeys>& keys, const std::vector<int>& gold,
                   std::vector<uint64_t>* f, std::vector<float>* scores, const std::vector<int>* first = nullptr) {
  std::vector<int> guess(gold.size(), 0);
  for (size_t i = 0; i < guess.size(); ++i) {
    if (first != nullptr) {
      syntax::Tagger2Features(keys, guess, *first, i, f);
    } else {
      syntax::TaggerFeatures(keys, guess, i, f);
    }
    std::fill(scores->begin(), scores->end(), 0.0f);
    t->Score(*f, scores->data());
    guess[i] = static_cast<int>(std::max_element(scores->begin(), scores->end()) - scores->begin());
    t->Update(*f, gold[i], guess[i]);
    t->Tick();
  }
}

// The share of the development words (`dp`: their keys and gold tags)
// tagged right by a model's tagging passes, in percent.
double TaggingAccuracy(const SyntaxModel& probe, Morphology* morphology, const std::vector<UdSentence>& dev,
                       const Prepared& dp) {
  SyntaxAnnotator a(probe, morphology);
  size_t ok = 0, all = 0;
  std::vector<int> tags;
  for (size_t si = 0; si < dev.size(); ++si) {
    a.Tag(dev[si], dp.keys[si], &tags);
    for (size_t i = 0; i < tags.size(); ++i) ok += tags[i] == dp.tags[si][i];
    all += tags.size();
  }
  return all ? 100.0 * ok / all : 0.0;
}

// The stages below read the training and development sentences with their
// word keys and gold tags prepared once (`tp`, `dp`).
void TrainTagger(const std::vector<UdSentence>& train, const std::vector<UdSentence>& dev, const Prepared& tp,
                 const Prepared& dp, const TrainOptions& o, Morphology* morphology, SyntaxModel* m) {
  PerceptronTrainer t(static_cast<int>(m->tags.size()));
  std::mt19937_64 rng(o.seed);
  std::vector<uint64_t> f;
  std::vector<float> scores(m->tags.size());
  auto epoch = [&](int) {
    for (size_t si : Order(train.size(), &rng)) TrainTaggerOn(&t, tp.keys[si], tp.tags[si], &f, &scores);
  };
  auto score = [&](const WeightTable& table) {
    SyntaxModel probe;
    probe.tags = m->tags;
    probe.tagger = table;
    probe.language = m->language;
    return TaggingAccuracy(probe, morphology, dev, dp);
  };
  m->tagger = TrainBest(&t, o.tagger_epochs, o.tagger_features, "tagger", o, epoch, score);
}

// The second tagging pass (o.tagger_passes 2): it learns from the first
// pass's jackknifed tags of the training sentences (`first`), as it will see
// the first pass's tags in use; the development score runs both passes.
void TrainTagger2(const std::vector<UdSentence>& train, const std::vector<UdSentence>& dev, const Prepared& tp,
                  const Prepared& dp, const std::vector<std::vector<int>>& first, const TrainOptions& o,
                  Morphology* morphology, SyntaxModel* m) {
  PerceptronTrainer t(static_cast<int>(m->tags.size()));
  std::mt19937_64 rng(o.seed + 4);
  std::vector<uint64_t> f;
  std::vector<float> scores(m->tags.size());
  auto epoch = [&](int) {
    for (size_t si : Order(train.size(), &rng)) TrainTaggerOn(&t, tp.keys[si], tp.tags[si], &f, &scores, &first[si]);
  };
  auto score = [&](const WeightTable& table) {
    SyntaxModel probe;
    probe.tags = m->tags;
    probe.tagger = m->tagger;
    probe.tagger2 = table;
    probe.language = m->language;
    return TaggingAccuracy(probe, morphology, dev, dp);
  };
  m->tagger2 = TrainBest(&t, o.tagger_epochs, o.tagger_features, "second tagger", o, epoch, score);
}

// One perceptron over feature=value classes; each feature name is its own decision.
void TrainFeats(const std::vector<UdSentence>& train, const std::vector<UdSentence>& dev, const Prepared& tp,
                const Prepared& dp, const TrainOptions& o, SyntaxModel* m) {
  auto gold_values = [&](const UdWord& w) {
    std::vector<int> gold(m->feat_names.size());
    for (size_t n = 0; n < gold.size(); ++n) {
      gold[n] = static_cast<int>(std::find(m->feat_values.begin(), m->feat_values.end(), m->feat_names[n] + "=") -
                                 m->feat_values.begin());
    }
    for (std::string_view fv : SplitFeats(w.feats)) {
      auto it = std::find(m->feat_values.begin(), m->feat_values.end(), fv);
      if (it != m->feat_values.end()) gold[m->feat_of_value[it - m->feat_values.begin()]] = static_cast<int>(it - m->feat_values.begin());
    }
    return gold;
  };
  PerceptronTrainer t(static_cast<int>(m->feat_values.size()));
  std::mt19937_64 rng(o.seed + 1);
  std::vector<uint64_t> f;
  std::vector<float> scores(m->feat_values.size());
  auto epoch = [&](int) {
    for (size_t si : Order(train.size(), &rng)) {
      for (size_t i = 0; i < train[si].words.size(); ++i) {
        syntax::FeatsFeatures(tp.keys[si], tp.tags[si], i, &f);
        std::fill(scores.begin(), scores.end(), 0.0f);
        t.Score(f, scores.data());
        std::vector<int> gold = gold_values(train[si].words[i]);
        uint64_t allowed = m->feats_by_tag[tp.tags[si][i]];
        for (size_t n = 0; n < gold.size(); ++n) {
          if (!(allowed >> n & 1)) continue;
          int guess = -1;
          for (size_t v = 0; v < scores.size(); ++v) {
            if (m->feat_of_value[v] == n && (guess < 0 || scores[v] > scores[guess])) guess = static_cast<int>(v);
          }
          t.Update(f, gold[n], guess);
        }
        t.Tick();
      }
    }
  };
  auto score = [&](const WeightTable& table) {
    SyntaxModel probe = *m;
    probe.feats = table;
    std::vector<float> s(m->feat_values.size());
    size_t ok = 0, all = 0;
    for (size_t si = 0; si < dev.size(); ++si) {
      for (size_t i = 0; i < dev[si].words.size(); ++i) {
        syntax::FeatsFeatures(dp.keys[si], dp.tags[si], i, &f);
        std::fill(s.begin(), s.end(), 0.0f);
        table.Score(f, s.data());
        std::vector<int> gold = gold_values(dev[si].words[i]);
        bool same = true;
        for (size_t n = 0; n < gold.size() && same; ++n) {
          if (!(m->feats_by_tag[dp.tags[si][i]] >> n & 1)) continue;
          int guess = -1;
          for (size_t v = 0; v < s.size(); ++v) {
            if (m->feat_of_value[v] == n && (guess < 0 || s[v] > s[guess])) guess = static_cast<int>(v);
          }
          same = guess == gold[n];
        }
        ok += same;
        ++all;
      }
    }
    return all ? 100.0 * ok / all : 0.0;
  };
  m->feats = TrainBest(&t, o.tagger_epochs, o.feats_features, "features", o, epoch, score);
}

// Tags of the training sentences as the tagger gives them on text it was
// not trained on (k-fold jackknifing), so the parser learns from the tags it
// will see in use.
std::vector<std::vector<int>> JackknifedTags(const std::vector<UdSentence>& train, const Prepared& tp,
                                             const TrainOptions& o, const SyntaxModel& m) {
  constexpr size_t kFolds = 4;
  std::vector<std::vector<int>> out(train.size());
  std::vector<uint64_t> f;
  std::vector<float> scores(m.tags.size());
  for (size_t fold = 0; fold < kFolds; ++fold) {
    PerceptronTrainer t(static_cast<int>(m.tags.size()));
    std::mt19937_64 rng(o.seed + 10 + fold);
    for (int e = 0; e < std::min(o.tagger_epochs, 6); ++e) {
      for (size_t si : Order(train.size(), &rng)) {
        if (si % kFolds != fold) TrainTaggerOn(&t, tp.keys[si], tp.tags[si], &f, &scores);
      }
    }
    WeightTable table = t.Compile(0);
    for (size_t si = fold; si < train.size(); si += kFolds) {
      std::vector<int>& tags = out[si];
      tags.assign(train[si].words.size(), 0);
      for (size_t i = 0; i < tags.size(); ++i) {
        syntax::TaggerFeatures(tp.keys[si], tags, i, &f);
        std::fill(scores.begin(), scores.end(), 0.0f);
        table.Score(f, scores.data());
        tags[i] = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
      }
    }
  }
  size_t ok = 0, all = 0;
  for (size_t si = 0; si < train.size(); ++si) {
    for (size_t i = 0; i < out[si].size(); ++i) ok += out[si][i] == tp.tags[si][i];
    all += out[si].size();
  }
  o.log("jackknifed training tags: " + Percent(all ? 100.0 * ok / all : 0.0) + "% as gold");
  return out;
}

std::vector<uint64_t> GoldParserTags(const SyntaxModel& m, const UdSentence& s, const std::vector<int>& tags) {
  std::vector<uint64_t> p(tags.size());
  for (size_t i = 0; i < tags.size(); ++i) p[i] = syntax::ParserTag(m, tags[i], s.words[i].feats);
  return p;
}

// The arcs a transition makes unreachable (Goldberg & Nivre 2012, arc-eager).
int Cost(const syntax::Configuration& c, int t, const std::vector<int>& gold) {
  int s0 = c.stack.empty() ? -1 : c.stack.back();
  int b0 = static_cast<int>(c.next);
  int n = static_cast<int>(c.n);
  int cost = 0;
  auto in_stack = [&](int k) { return c.in_stack[k] != 0; };
  switch (t) {
    case syntax::kLeftArc:
      if (gold[s0] != b0 && gold[s0] > b0) ++cost;
      for (int k = b0 + 1; k <= n; ++k) cost += gold[k] == s0;
      break;
    case syntax::kRightArc:
      if (gold[b0] != s0 && (gold[b0] > b0 || in_stack(gold[b0]))) ++cost;
      for (int k : c.stack) cost += c.heads[k] == -1 && k != 0 && gold[k] == b0;
      break;
    case syntax::kReduce:
      for (int k = b0; k <= n; ++k) cost += gold[k] == s0;
      break;
    case syntax::kShift:
      if (in_stack(gold[b0])) ++cost;
      for (int k : c.stack) cost += c.heads[k] == -1 && k != 0 && gold[k] == b0;
      break;
  }
  return cost;
}

// UAS or LAS on the development sentences, parsed on the tagger's tags and
// features as in use.
double ParseDev(const SyntaxModel& m, Morphology* morphology, const std::vector<UdSentence>& dev, bool labelled) {
  SyntaxScores scores = EvaluateSyntax(m, morphology, dev);
  return labelled ? scores.las : scores.uas;
}

// One pass of a greedy parser over a training sentence of `n` words with
// the dynamic oracle: it learns from each configuration's costly guess, and
// follows its guesses after the first epoch nine times in ten (exploration,
// Goldberg & Nivre 2012). `features(c, &f)` gives a configuration's features.
template <typename Features>
void TrainParserOn(PerceptronTrainer* t, const std::vector<int>& gold, size_t n, int epoch, std::mt19937_64* rng,
                   std::vector<uint64_t>* f, Features features) {
  syntax::Configuration c(n);
  while (!c.Done()) {
    features(c, f);
    float scores[syntax::kTransitions] = {};
    t->Score(*f, scores);
    int pred = -1, best_gold = -1, min_cost = 1 << 30;
    int costs[syntax::kTransitions];
    for (int x = 0; x < syntax::kTransitions; ++x) {
      costs[x] = c.Allowed(x) ? Cost(c, x, gold) : -1;
      if (costs[x] >= 0) min_cost = std::min(min_cost, costs[x]);
    }
    for (int x = 0; x < syntax::kTransitions; ++x) {
      if (costs[x] < 0) continue;
      if (pred < 0 || scores[x] > scores[pred]) pred = x;
      if (costs[x] == min_cost && (best_gold < 0 || scores[x] > scores[best_gold])) best_gold = x;
    }
    if (costs[pred] > min_cost) t->Update(*f, best_gold, pred);
    t->Tick();
    bool explore = epoch > 1 && (*rng)() % 10 != 0;
    c.Apply(explore ? pred : best_gold);
  }
}

std::vector<int> GoldHeads(const UdSentence& s) {
  std::vector<int> gold(s.words.size() + 1, 0);
  for (size_t i = 0; i < s.words.size(); ++i) gold[i + 1] = std::max(0, s.words[i].head);
  return gold;
}

// One epoch of the (first, left-to-right) parser over the training
// sentences `use` says to learn from.
template <typename Use>
void ParserEpoch(PerceptronTrainer* t, const std::vector<UdSentence>& train, const Prepared& tp, const SyntaxModel& m,
                 int epoch, std::mt19937_64* rng, Use use) {
  std::vector<uint64_t> f;
  for (size_t si : Order(train.size(), rng)) {
    if (!use(si)) continue;
    const std::vector<uint64_t> ptag = GoldParserTags(m, train[si], tp.tags[si]);
    TrainParserOn(t, GoldHeads(train[si]), train[si].words.size(), epoch, rng, &f,
                  [&](const syntax::Configuration& c, std::vector<uint64_t>* out) {
                    syntax::ParserFeatures(c, tp.keys[si], ptag, out);
                  });
  }
}

// `tp` holds the jackknifed tags (JackknifedTags), as the parser sees in use.
void TrainParser(const std::vector<UdSentence>& train, const std::vector<UdSentence>& dev, const Prepared& tp,
                 const TrainOptions& o, Morphology* morphology, SyntaxModel* m) {
  PerceptronTrainer t(syntax::kTransitions);
  std::mt19937_64 rng(o.seed + 2);
  auto epoch = [&](int e) { ParserEpoch(&t, train, tp, *m, e, &rng, [](size_t) { return true; }); };
  auto score = [&](const WeightTable& table) {
    SyntaxModel probe = *m;
    probe.transitions = table;
    return ParseDev(probe, morphology, dev, false);
  };
  m->transitions = TrainBest(&t, o.parser_epochs, o.parser_features, "parser", o, epoch, score);
}

// Trees of the training sentences as the first parser gives them on text
// it was not trained on (k-fold jackknifing): the guided parser's guides.
std::vector<std::vector<int>> JackknifedHeads(const std::vector<UdSentence>& train, const Prepared& tp,
                                              const TrainOptions& o, Morphology* morphology, const SyntaxModel& m,
                                              std::vector<std::vector<uint8_t>>* sure) {
  constexpr size_t kFolds = 4;
  std::vector<std::vector<int>> out(train.size());
  sure->assign(train.size(), {});
  size_t ok = 0, all = 0;
  for (size_t fold = 0; fold < kFolds; ++fold) {
    PerceptronTrainer t(syntax::kTransitions);
    std::mt19937_64 rng(o.seed + 20 + fold);
    for (int e = 1; e <= std::min(o.parser_epochs, 10); ++e) {
      ParserEpoch(&t, train, tp, m, e, &rng, [&](size_t si) { return si % kFolds != fold; });
    }
    SyntaxModel probe = m;
    probe.transitions = t.Compile(o.parser_features);
    SyntaxAnnotator a(probe, morphology);
    for (size_t si = fold; si < train.size(); si += kFolds) {
      a.Parse(tp.keys[si], GoldParserTags(m, train[si], tp.tags[si]), &out[si], &(*sure)[si]);
      const std::vector<int> gold = GoldHeads(train[si]);
      for (size_t i = 1; i < gold.size(); ++i) ok += out[si][i] == gold[i];
      all += gold.size() - 1;
    }
  }
  o.log("jackknifed training trees: UAS " + Percent(all ? 100.0 * ok / all : 0.0));
  return out;
}

// The guided parser (SyntaxModel::guided): right to left, on the jackknifed
// trees of the first parser as guides.
void TrainGuidedParser(const std::vector<UdSentence>& train, const std::vector<UdSentence>& dev, const Prepared& tp,
                       const std::vector<std::vector<int>>& guide_heads, const std::vector<std::vector<uint8_t>>& sure,
                       const TrainOptions& o, Morphology* morphology, SyntaxModel* m) {
  // Every sentence right to left: its words' keys and classes, its gold and guide trees.
  std::vector<std::vector<WordKeys>> rkeys;
  std::vector<std::vector<uint64_t>> rptags;
  std::vector<std::vector<int>> rgold;
  std::vector<syntax::Guide> guides;
  for (size_t si = 0; si < train.size(); ++si) {
    rkeys.emplace_back(tp.keys[si].rbegin(), tp.keys[si].rend());
    const std::vector<uint64_t> ptag = GoldParserTags(*m, train[si], tp.tags[si]);
    rptags.emplace_back(ptag.rbegin(), ptag.rend());
    rgold.push_back(syntax::ReversedHeads(GoldHeads(train[si])));
    const std::vector<int> rguide = syntax::ReversedHeads(guide_heads[si]);
    guides.push_back(syntax::Guide{rguide, syntax::ChildLists(rguide), syntax::Reversed(sure[si])});
  }
  PerceptronTrainer t(syntax::kTransitions);
  std::mt19937_64 rng(o.seed + 5);
  std::vector<uint64_t> f;
  auto epoch = [&](int e) {
    for (size_t si : Order(train.size(), &rng)) {
      TrainParserOn(&t, rgold[si], train[si].words.size(), e, &rng, &f,
                    [&](const syntax::Configuration& c, std::vector<uint64_t>* out) {
                      syntax::GuidedParserFeatures(c, rkeys[si], rptags[si], guides[si], out);
                    });
    }
  };
  auto score = [&](const WeightTable& table) {
    SyntaxModel probe = *m;
    probe.guided = table;
    return ParseDev(probe, morphology, dev, false);
  };
  m->guided = TrainBest(&t, o.parser_epochs, o.guided_features != 0 ? o.guided_features : o.parser_features, "guided parser", o, epoch, score);
}

// The re-tagger (SyntaxModel::retagger): on the training sentences'
// jackknifed tags (`tp`) and jackknifed trees (`heads`), as it sees them in
// use; its epoch chosen on the development sentences' tags after the
// whole pipeline.
void TrainRetagger(const std::vector<UdSentence>& train, const std::vector<UdSentence>& dev, const Prepared& tp,
                   const std::vector<std::vector<int>>& heads, const TrainOptions& o, Morphology* morphology,
                   SyntaxModel* m) {
  PerceptronTrainer t(static_cast<int>(m->tags.size()));
  std::mt19937_64 rng(o.seed + 6);
  std::vector<uint64_t> f;
  std::vector<float> scores(m->tags.size());
  std::vector<syntax::ChildLists> children;
  for (const std::vector<int>& h : heads) children.emplace_back(h);
  auto epoch = [&](int) {
    for (size_t si : Order(train.size(), &rng)) {
      for (size_t i = 0; i < train[si].words.size(); ++i) {
        syntax::RetaggerFeatures(tp.keys[si], tp.tags[si], heads[si], children[si], i, &f);
        std::fill(scores.begin(), scores.end(), 0.0f);
        t.Score(f, scores.data());
        const int guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        t.Update(f, TagIndex(*m, train[si].words[i].upos), guess);
        t.Tick();
      }
    }
  };
  auto score = [&](const WeightTable& table) {
    SyntaxModel probe = *m;
    probe.retagger = table;
    return EvaluateSyntax(probe, morphology, dev).upos;
  };
  m->retagger = TrainBest(&t, o.tagger_epochs, o.tagger_features, "re-tagger", o, epoch, score);
}

void TrainLabeller(const std::vector<UdSentence>& train, const std::vector<UdSentence>& dev, const Prepared& tp,
                   const TrainOptions& o, Morphology* morphology, SyntaxModel* m) {
  PerceptronTrainer t(static_cast<int>(m->labels.size()));
  std::mt19937_64 rng(o.seed + 3);
  std::vector<uint64_t> f;
  std::vector<float> scores(m->labels.size());
  auto epoch = [&](int) {
    for (size_t si : Order(train.size(), &rng)) {
      const UdSentence& s = train[si];
      const std::vector<int> heads = GoldHeads(s);
      const syntax::ChildLists children(heads);
      std::vector<uint64_t> ptag = GoldParserTags(*m, s, tp.tags[si]);
      for (size_t i = 1; i < heads.size(); ++i) {
        if (heads[i] == 0) continue;
        syntax::LabelFeatures(tp.keys[si], ptag, heads, children, static_cast<int>(i), &f);
        std::fill(scores.begin(), scores.end(), 0.0f);
        t.Score(f, scores.data());
        int guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        int gold = static_cast<int>(std::lower_bound(m->labels.begin(), m->labels.end(), s.words[i - 1].deprel) -
                                    m->labels.begin());
        t.Update(f, gold, guess);
        t.Tick();
      }
    }
  };
  auto score = [&](const WeightTable& table) {
    SyntaxModel probe = *m;
    probe.labeller = table;
    return ParseDev(probe, morphology, dev, true);
  };
  m->labeller = TrainBest(&t, o.labeller_epochs, o.labeller_features, "labeller", o, epoch, score);
}

void TrainSplitter(const std::vector<UdSentence>& train, const TrainOptions& o, SyntaxModel* m) {
  PerceptronTrainer t(2);
  std::vector<uint64_t> f;
  // Surface tokens of each sentence, with the split decision of ambiguous ones.
  std::vector<std::pair<std::vector<std::string>, std::vector<std::pair<size_t, int>>>> data;
  for (const UdSentence& s : train) {
    std::vector<std::string> lower;
    std::vector<std::pair<size_t, int>> cases;
    size_t tok = 0;
    for (size_t i = 1; i <= s.words.size(); ++i) {
      if (tok < s.tokens.size() && s.tokens[tok].first == static_cast<int>(i)) {
        lower.push_back(syntax::LowerForm(s.tokens[tok].form));
        i = s.tokens[tok].last;
        ++tok;
        cases.emplace_back(lower.size() - 1, 1);
        continue;
      }
      lower.push_back(syntax::LowerForm(s.words[i - 1].form));
      cases.emplace_back(lower.size() - 1, 0);
    }
    std::erase_if(cases, [&](const auto& c) {
      return std::find(m->ambiguous_contractions.begin(), m->ambiguous_contractions.end(), lower[c.first]) ==
             m->ambiguous_contractions.end();
    });
    if (!cases.empty()) data.emplace_back(std::move(lower), std::move(cases));
  }
  std::mt19937_64 rng(o.seed + 4);
  for (int e = 0; e < 5; ++e) {
    for (size_t di : Order(data.size(), &rng)) {
      for (auto [i, gold] : data[di].second) {
        syntax::SplitterFeatures(data[di].first, i, &f);
        float scores[2] = {};
        t.Score(f, scores);
        t.Update(f, gold, scores[1] > scores[0] ? 1 : 0);
        t.Tick();
      }
    }
  }
  m->splitter = t.Compile(0);
}

// The model's shortcuts (SyntaxModel): the decisions it takes one way in a
// context on its training sentences, kShortcutShare of kShortcutCount or
// more, so that taking them unscored changes almost nothing. Built after
// the weights, which they do not change.
void BuildShortcuts(const std::vector<UdSentence>& train, const TrainOptions& o, Morphology* morphology, SyntaxModel* m) {
  constexpr int kShortcutCount = 30;
  constexpr double kShortcutShare = 0.995;
  // The guided parser's need more: on its training sentences the guide is
  // right more often than in use (Sequoia and GSD test: the same UAS to
  // ±0.02 with these, -0.05 with the others).
  constexpr int kGuidedShortcutCount = 100;
  constexpr double kGuidedShortcutShare = 0.999;
  // The decisions of the model's stages on the training sentences' words.
  auto record = [&](bool guided, SyntaxAnnotator::Decisions* decisions) {
    SyntaxAnnotator annotator(*m, morphology);
    annotator.RecordDecisions(decisions);
    annotator.UseGuidedParser(guided);
    annotator.UseRerooting(false);
    for (const UdSentence& s : train) {
      UdSentence copy;
      for (const UdWord& w : s.words) copy.words.push_back(UdWord{.form = w.form});
      annotator.Annotate(&copy);
    }
  };
  SyntaxAnnotator::Decisions decisions;
  record(false, &decisions);  // (the labels' contexts on the first parser's trees)
  auto build = [&](const std::map<uint64_t, std::map<int, int>>& counted, ShortcutTable* table,
                   int min_count, double min_share) {
    for (const auto& [key, counts] : counted) {
      int total = 0, best = -1;
      for (const auto& [decision, n] : counts) {
        total += n;
        if (best < 0 || n > counts.at(best)) best = decision;
      }
      if (total >= min_count && counts.at(best) >= min_share * total) table->Add(key, best);
    }
  };
  build(decisions.tags, &m->tag_shortcuts, kShortcutCount, kShortcutShare);
  build(decisions.transitions, &m->transition_shortcuts, kShortcutCount, kShortcutShare);
  build(decisions.labels, &m->label_shortcuts, kShortcutCount, kShortcutShare);
  if (m->guided.classes() != 0) {
    // The guided parser's, on the first parser's trees as in use (with its shortcuts).
    SyntaxAnnotator::Decisions guided;
    record(true, &guided);
    build(guided.guided, &m->guided_shortcuts, kGuidedShortcutCount, kGuidedShortcutShare);
  }
  o.log("shortcuts: " + std::to_string(m->tag_shortcuts.size()) + " words' tags, " +
        std::to_string(m->transition_shortcuts.size()) + " transitions' contexts, " +
        std::to_string(m->label_shortcuts.size()) + " labels' contexts, " +
        std::to_string(m->guided_shortcuts.size()) + " guided transitions' contexts");
}

// Every weight table of the model (the inventories, lemmas and splitter made).
void TrainTables(const std::vector<UdSentence>& train, const std::vector<UdSentence>& dev, const TrainOptions& o,
                 Morphology* morphology, SyntaxModel* model) {
  SyntaxModel& m = *model;
  const Prepared tp = Prepare(m, morphology, train), dp = Prepare(m, morphology, dev);
  TrainTagger(train, dev, tp, dp, o, morphology, &m);
  TrainFeats(train, dev, tp, dp, o, &m);
  const Prepared jackknifed{tp.keys, JackknifedTags(train, tp, o, m)};
  if (o.tagger_passes == 2) TrainTagger2(train, dev, tp, dp, jackknifed.tags, o, morphology, &m);
  TrainParser(train, dev, jackknifed, o, morphology, &m);
  // (The labeller chooses its epoch on the first parser's trees, and the
  // shortcuts are the first parser's: kg build parses with it alone.)
  TrainLabeller(train, dev, jackknifed, o, morphology, &m);
  if (o.guided_parser) {
    std::vector<std::vector<uint8_t>> sure;
    const std::vector<std::vector<int>> heads = JackknifedHeads(train, jackknifed, o, morphology, m, &sure);
    TrainGuidedParser(train, dev, jackknifed, heads, sure, o, morphology, &m);
    if (o.retagger) TrainRetagger(train, dev, jackknifed, heads, o, morphology, &m);
  }
}

// The ensemble's tables: each the mean of the members', as many features kept.
void MeanTables(const std::vector<SyntaxModel>& members, const TrainOptions& o, SyntaxModel* m) {
  auto mean = [&](WeightTable SyntaxModel::*table, size_t max_features) {
    std::vector<const WeightTable*> tables;
    for (const SyntaxModel& member : members) tables.push_back(&(member.*table));
    if (tables[0]->classes() != 0) m->*table = WeightTable::Mean(tables, max_features);
  };
  mean(&SyntaxModel::tagger, o.tagger_features);
  mean(&SyntaxModel::tagger2, o.tagger_features);
  mean(&SyntaxModel::feats, o.feats_features);
  mean(&SyntaxModel::transitions, o.parser_features);
  mean(&SyntaxModel::labeller, o.labeller_features);
  mean(&SyntaxModel::guided, o.guided_features != 0 ? o.guided_features : o.parser_features);
  mean(&SyntaxModel::retagger, o.tagger_features);
}

}  // namespace

StatusOr<SyntaxModel> TrainSyntax(const std::vector<UdSentence>& train, const std::vector<UdSentence>& dev,
                                  const TrainOptions& o, Morphology* morphology) {
  if (train.empty()) return InvalidInput("no training sentences");
  if (dev.empty()) return InvalidInput("no development sentences");
  SyntaxModel m;
  m.language = o.language;
  m.clusters = o.clusters;
  BuildInventories(train, &m);
  BuildLemmas(train, &m);
  BuildContractions(train, &m);
  BuildClitics(train, &m);
  TrainSplitter(train, o, &m);
  if (o.ensemble <= 1) {
    TrainTables(train, dev, o, morphology, &m);
  } else {
    std::vector<SyntaxModel> members(o.ensemble, m);
    for (int r = 0; r < o.ensemble; ++r) {
      TrainOptions member = o;
      member.seed = o.seed + r;
      o.log("ensemble member " + std::to_string(r + 1) + " of " + std::to_string(o.ensemble) + ", seed " +
            std::to_string(member.seed));
      TrainTables(train, dev, member, morphology, &members[r]);
    }
    MeanTables(members, o, &m);
  }
  BuildShortcuts(train, o, morphology, &m);
  return m;
}

SyntaxScores EvaluateSyntax(const SyntaxModel& model, Morphology* morphology, const std::vector<UdSentence>& gold) {
  SyntaxAnnotator a(model, morphology);
  a.UseRerooting(false);
  size_t all = 0, upos = 0, feats = 0, lemma = 0, uas = 0, las = 0;
  for (const UdSentence& g : gold) {
    UdSentence s = g;
    a.Annotate(&s);
    for (size_t i = 0; i < s.words.size(); ++i) {
      const UdWord &x = s.words[i], &y = g.words[i];
      ++all;
      upos += x.upos == y.upos;
      feats += x.feats == y.feats;
      lemma += x.lemma == y.lemma;
      uas += x.head == y.head;
      las += x.head == y.head && Universal(x.deprel) == Universal(y.deprel);
    }
  }
  auto pct = [&](size_t n) { return all ? 100.0 * n / all : 0.0; };
  return SyntaxScores{pct(upos), pct(feats), pct(lemma), pct(uas), pct(las)};
}

}  // namespace kg

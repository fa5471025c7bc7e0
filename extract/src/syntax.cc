#include "kg/extract/syntax.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "kg/extract/morphology.h"
#include "kg/extract/segmenter.h"

#ifndef KG_DEFAULT_MODELS_DIR
#define KG_DEFAULT_MODELS_DIR "data/models"
#endif

namespace kg {

using namespace std::string_view_literals;
namespace {

constexpr char kMagic[8] = {'K', 'G', 'S', 'Y', 'N', 'T', 'A', 'X'};

void WriteStrings(ModelWriter* w, const std::vector<std::string>& v) {
  w->U32(static_cast<uint32_t>(v.size()));
  for (const std::string& s : v) w->Str(s);
}

bool ReadStrings(ModelReader* r, std::vector<std::string>* v) {
  uint32_t n = 0;
  if (!r->U32(&n) || n > (1u << 24)) return false;
  v->resize(n);
  for (std::string& s : *v) {
    if (!r->Str(&s)) return false;
  }
  return true;
}

template <typename T>
void WriteNumbers(ModelWriter* w, const std::vector<T>& v) {
  w->U32(static_cast<uint32_t>(v.size()));
  w->Bytes(v.data(), v.size() * sizeof(T));
}

template <typename T>
bool ReadNumbers(ModelReader* r, std::vector<T>* v) {
  uint32_t n = 0;
  if (!r->U32(&n) || n > (1u << 24)) return false;
  v->resize(n);
  return r->Bytes(v->data(), v->size() * sizeof(T));
}

// Sorted, so the bytes do not depend on hash-map order.
template <typename Map, typename Put>
void WriteMap(ModelWriter* w, const Map& map, Put put) {
  std::vector<const typename Map::value_type*> items;
  for (const auto& kv : map) items.push_back(&kv);
  std::sort(items.begin(), items.end(), [](auto* a, auto* b) { return a->first < b->first; });
  w->U32(static_cast<uint32_t>(items.size()));
  for (auto* kv : items) {
    w->Str(kv->first);
    put(kv->second);
  }
}

Status CheckConsistent(const SyntaxModel& m, const std::string& where) {
  auto bad = [&](const std::string& what) { return InvalidInput(where + ": corrupt model (" + what + ")"); };
  if (m.tags.empty() || m.labels.empty()) return bad("no tags or labels");
  if (m.tagger.classes() != static_cast<int>(m.tags.size())) return bad("tagger classes");
  for (const WeightTable* t : {&m.tagger2, &m.retagger}) {
    if (t->classes() != 0 && t->classes() != static_cast<int>(m.tags.size())) return bad("tagger classes");
  }
  if (m.feats.classes() != static_cast<int>(m.feat_values.size()) && !m.feat_values.empty()) return bad("feature classes");
  if (m.transitions.classes() != syntax::kTransitions) return bad("transition classes");
  if (m.guided.classes() != 0 && m.guided.classes() != syntax::kTransitions) return bad("transition classes");
  if (m.labeller.classes() != static_cast<int>(m.labels.size())) return bad("label classes");
  if (m.feat_of_value.size() != m.feat_values.size() || m.feats_by_tag.size() != m.tags.size()) return bad("feature tables");
  for (uint32_t f : m.feat_of_value) {
    if (f >= m.feat_names.size() || f >= 64) return bad("feature names");
  }
  if (!m.tag_shortcuts.Valid(static_cast<int>(m.tags.size())) ||
      !m.transition_shortcuts.Valid(syntax::kTransitions) || !m.guided_shortcuts.Valid(syntax::kTransitions) ||
      !m.label_shortcuts.Valid(static_cast<int>(m.labels.size()))) {
    return bad("shortcuts");
  }
  if (!std::is_sorted(m.whole_hyphenated.begin(), m.whole_hyphenated.end())) return bad("hyphenated words");
  for (const std::string& c : m.clitics) {
    // ("-" and a lower-case ASCII word: CliticSplit compares bytes.)
    if (c.size() < 2 || c[0] != '-' || c.find_first_not_of("abcdefghijklmnopqrstuvwxyz-", 1) != std::string::npos) {
      return bad("clitics");
    }
  }
  return Status::Ok();
}

}  // namespace

void ShortcutTable::Add(uint64_t key, int decision) {
  keys_.push_back(key);
  decisions_.push_back(decision);
  Index();
}

void ShortcutTable::Index() {
  size_t n = 16;
  while (n < 2 * keys_.size()) n *= 2;
  slots_.assign(n, Slot{});
  for (size_t k = 0; k < keys_.size(); ++k) {
    if (decisions_[k] < 0) continue;  // (invalid: Valid says so)
    size_t i = Home(keys_[k]) & (n - 1);
    while (slots_[i].decision >= 0) i = (i + 1) & (n - 1);
    slots_[i] = Slot{keys_[k], decisions_[k]};
  }
}

bool ShortcutTable::Valid(int classes) const {
  return std::all_of(decisions_.begin(), decisions_.end(), [&](int32_t d) { return d >= 0 && d < classes; });
}

void ShortcutTable::Write(ModelWriter* w) const {
  WriteNumbers(w, keys_);
  WriteNumbers(w, decisions_);
}

bool ShortcutTable::Read(ModelReader* r) {
  if (!ReadNumbers(r, &keys_) || !ReadNumbers(r, &decisions_) || keys_.size() != decisions_.size()) return false;
  for (size_t i = 1; i < keys_.size(); ++i) {
    if (keys_[i] <= keys_[i - 1]) return false;  // sorted, no key twice
  }
  Index();
  return true;
}

void ClusterTable::Assign(std::vector<std::pair<uint64_t, uint32_t>> key_fine, uint32_t fine_per_coarse) {
  std::stable_sort(key_fine.begin(), key_fine.end(), [](auto& a, auto& b) { return a.first < b.first; });
  keys_.clear();
  fine_.clear();
  for (const auto& [key, fine] : key_fine) {
    if (!keys_.empty() && keys_.back() == key) continue;
    keys_.push_back(key);
    fine_.push_back(fine);
  }
  fine_per_coarse_ = std::max<uint32_t>(fine_per_coarse, 1);
}

int64_t ClusterTable::Find(uint64_t key) const {
  auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
  if (it == keys_.end() || *it != key) return -1;
  return fine_[it - keys_.begin()];
}

void ClusterTable::Write(ModelWriter* w) const {
  w->U32(fine_per_coarse_);
  WriteNumbers(w, keys_);
  WriteNumbers(w, fine_);
}

bool ClusterTable::Read(ModelReader* r) {
  if (!r->U32(&fine_per_coarse_) || fine_per_coarse_ == 0) return false;
  if (!ReadNumbers(r, &keys_) || !ReadNumbers(r, &fine_) || keys_.size() != fine_.size()) return false;
  for (size_t i = 1; i < keys_.size(); ++i) {
    if (keys_[i] <= keys_[i - 1]) return false;  // sorted, no key twice
  }
  return true;
}

namespace {

// Everything after the format version (and, in format 9, before deflating).
void WriteBody(const SyntaxModel& m, ModelWriter* w) {
  w->Str(m.language);
  WriteStrings(w, m.tags);
  WriteStrings(w, m.feat_values);
  WriteNumbers(w, m.feat_of_value);
  WriteStrings(w, m.feat_names);
  WriteNumbers(w, m.feats_by_tag);
  WriteStrings(w, m.labels);
  for (const WeightTable* t : {&m.tagger, &m.feats, &m.transitions, &m.labeller, &m.splitter, &m.tagger2, &m.guided,
                               &m.retagger}) {
    t->Write(w);
  }
  WriteMap(w, m.lemmas, [&](const std::string& v) { w->Str(v); });
  WriteMap(w, m.lemma_rules, [&](const LemmaRule& r) { w->U32(r.strip); w->Str(r.add); });
  WriteMap(w, m.contractions, [&](const std::vector<std::string>& v) { WriteStrings(w, v); });
  WriteStrings(w, m.ambiguous_contractions);
  WriteStrings(w, m.clitics);
  WriteStrings(w, m.whole_hyphenated);
  for (const ShortcutTable* t : {&m.tag_shortcuts, &m.transition_shortcuts, &m.label_shortcuts, &m.guided_shortcuts}) {
    t->Write(w);
  }
  if (!m.clusters.empty()) m.clusters.Write(w);
}

constexpr uint32_t kHasClusters = 1;  // format 9's flags

}  // namespace

std::string SyntaxModel::Serialize() const {
  ModelWriter w;
  w.Bytes(kMagic, sizeof kMagic);
  if (compressed) {
    ModelWriter body;
    WriteBody(*this, &body);
    w.U32(kSyntaxFormatDeflated);
    w.U32(clusters.empty() ? 0 : kHasClusters);
    w.Deflated(body.buffer());
  } else {
    w.U32(clusters.empty() ? kSyntaxFormatOldest : kSyntaxFormatClusters);
    WriteBody(*this, &w);
  }
  w.U32(ModelChecksum(w.buffer()));
  return std::move(w.buffer());
}

namespace {

Status ReadBody(ModelReader* reader, bool has_clusters, SyntaxModel* m) {
  ModelReader& r = *reader;
  if (!r.Str(&m->language) || !ReadStrings(&r, &m->tags) || !ReadStrings(&r, &m->feat_values) ||
      !ReadNumbers(&r, &m->feat_of_value) || !ReadStrings(&r, &m->feat_names) || !ReadNumbers(&r, &m->feats_by_tag) ||
      !ReadStrings(&r, &m->labels)) {
    return r.Truncated();
  }
  for (WeightTable* t : {&m->tagger, &m->feats, &m->transitions, &m->labeller, &m->splitter, &m->tagger2, &m->guided,
                        &m->retagger}) {
    StatusOr<WeightTable> table = WeightTable::Read(&r);
    if (!table.ok()) return table.status();
    *t = std::move(*table);
  }
  uint32_t n = 0;
  if (!r.U32(&n)) return r.Truncated();
  for (uint32_t i = 0; i < n; ++i) {
    std::string k, v;
    if (!r.Str(&k) || !r.Str(&v)) return r.Truncated();
    m->lemmas.emplace(std::move(k), std::move(v));
  }
  if (!r.U32(&n)) return r.Truncated();
  for (uint32_t i = 0; i < n; ++i) {
    std::string k;
    LemmaRule rule;
    if (!r.Str(&k) || !r.U32(&rule.strip) || !r.Str(&rule.add)) return r.Truncated();
    m->lemma_rules.emplace(std::move(k), std::move(rule));
  }
  if (!r.U32(&n)) return r.Truncated();
  for (uint32_t i = 0; i < n; ++i) {
    std::string k;
    std::vector<std::string> v;
    if (!r.Str(&k) || !ReadStrings(&r, &v)) return r.Truncated();
    m->contractions.emplace(std::move(k), std::move(v));
  }
  if (!ReadStrings(&r, &m->ambiguous_contractions) || !ReadStrings(&r, &m->clitics) ||
      !ReadStrings(&r, &m->whole_hyphenated)) {
    return r.Truncated();
  }
  for (ShortcutTable* t : {&m->tag_shortcuts, &m->transition_shortcuts, &m->label_shortcuts, &m->guided_shortcuts}) {
    if (!t->Read(&r)) return r.Truncated();
  }
  if (has_clusters && (!m->clusters.Read(&r) || m->clusters.empty())) return r.Truncated();
  if (!r.done()) return r.Truncated();
  return Status::Ok();
}

}  // namespace

StatusOr<std::shared_ptr<const SyntaxModel>> SyntaxModel::Parse(std::string_view bytes, const std::string& where) {
  uint32_t version = 0;
  StatusOr<ModelReader> opened = ModelReader::Open(bytes, std::string_view(kMagic, sizeof kMagic), "syntax model",
                                                   kSyntaxFormatOldest, kSyntaxFormatVersion, where, &version);
  if (!opened.ok()) return opened.status();
  ModelReader& r = *opened;
  auto m = std::make_shared<SyntaxModel>();
  Status read;
  if (version == kSyntaxFormatDeflated) {
    uint32_t flags = 0;
    std::string raw;
    if (!r.U32(&flags) || flags > kHasClusters || !r.Deflated(&raw) || !r.done()) return r.Truncated();
    ModelReader body(raw, where + " (inflated)");
    read = ReadBody(&body, flags & kHasClusters, m.get());
    m->compressed = true;
  } else {
    read = ReadBody(&r, version >= kSyntaxFormatClusters, m.get());
  }
  if (!read.ok()) return read;
  Status ok = CheckConsistent(*m, where);
  if (!ok.ok()) return ok;
  return std::shared_ptr<const SyntaxModel>(std::move(m));
}

StatusOr<std::shared_ptr<const SyntaxModel>> SyntaxModel::Load(const std::string& path) {
  StatusOr<std::string> bytes = ReadModelFile(path);
  if (!bytes.ok()) return bytes.status();
  return Parse(*bytes, path);
}

std::string SyntaxModelPath(const std::string& dir, std::string_view language) {
  return dir + "/" + std::string(language) + "-syntax.kgm";
}

std::string ParseModelPath(const std::string& dir, std::string_view language) {
  std::string own = dir + "/" + std::string(language) + "-parse.kgm";
  // (The link itself: a link to nothing is the parse model, an error naming it.)
  std::error_code ec;
  return std::filesystem::exists(std::filesystem::symlink_status(own, ec)) ? own : SyntaxModelPath(dir, language);
}

std::string DefaultModelsDir() {
  const char* env = std::getenv("KG_MODELS_DIR");
  if (env != nullptr && *env != '\0') return env;
  // The source tree's models (a build), else those installed beside the
  // executable (PREFIX/bin/kg -> PREFIX/share/kg/models).
  std::error_code ec;
  if (std::filesystem::is_directory(KG_DEFAULT_MODELS_DIR, ec)) return KG_DEFAULT_MODELS_DIR;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    std::filesystem::path installed = exe.parent_path().parent_path() / "share" / "kg" / "models";
    if (std::filesystem::is_directory(installed, ec)) return installed.string();
  }
  return KG_DEFAULT_MODELS_DIR;
}

SyntaxAnnotator::SyntaxAnnotator(const SyntaxModel& model, Morphology* morphology)
    : model_(model), morphology_(morphology) {
  for (const std::string& tag : model_.tags) {
    tag_hashes_.push_back(HashString(tag));
    verb_tags_.push_back(syntax::IsVerbTag(tag));
    punct_tags_.push_back(tag == "PUNCT");
  }
  root_label_ = static_cast<int>(std::find(model_.labels.begin(), model_.labels.end(), "root") - model_.labels.begin());
  has_punct_label_ = std::find(model_.labels.begin(), model_.labels.end(), "punct") != model_.labels.end();
  for (const auto& [form, words] : model_.contractions) {
    if (form.empty()) continue;
    contraction_start_[static_cast<unsigned char>(form[0])] = true;
    contraction_bytes_ = std::max(contraction_bytes_, form.size());
  }
}

// The longest clitic the token ends with, after a host ("a" + "-t-il"),
// unless the model keeps the whole word ("rendez-vous").
size_t SyntaxAnnotator::CliticSplit(const std::string& token) const {
  if (model_.clitics.empty() || token.size() < 3 || token.find('-', 1) == std::string::npos) return 0;
  auto ascii_lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  for (const std::string& clitic : model_.clitics) {  // longest first
    if (clitic.size() + 1 > token.size()) continue;
    const size_t cut = token.size() - clitic.size();
    bool same = true, upper = false;
    for (size_t k = 0; k < clitic.size() && same; ++k) {
      same = ascii_lower(token[cut + k]) == clitic[k];
      upper |= token[cut + k] >= 'A' && token[cut + k] <= 'Z';
    }
    if (!same || token[cut - 1] == '-') continue;
    // A capital in the pronoun is a name's part ("Marie-Elle"), unless the
    // whole token is in capitals ("DIT-IL").
    if (upper && std::any_of(token.begin(), token.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return 0;
    const std::string lower = syntax::LowerForm(token);
    if (std::binary_search(model_.whole_hyphenated.begin(), model_.whole_hyphenated.end(), lower)) return 0;
    return cut;
  }
  return 0;
}

// Whether a token's lower case may be a contraction: its first byte, or
// that byte lowered, starts one, or it is not ASCII; and it is not longer
// than one (a typographic apostrophe lowers to one byte from three).
bool SyntaxAnnotator::MayContract(const std::string& token) const {
  if (token.empty() || token.size() > 3 * contraction_bytes_) return false;
  const auto c = static_cast<unsigned char>(token[0]);
  return c >= 0x80 || contraction_start_[c] || (c >= 'A' && c <= 'Z' && contraction_start_[c + 32]);
}

namespace {
constexpr size_t kMemoLimit = size_t{1} << 18;  // forms per memo before it is cleared
}  // namespace

SyntaxAnnotator::FormMemo& SyntaxAnnotator::MemoOf(const std::string& form) {
  if (FormMemo* memo = form_memo_.Find(form)) return *memo;
  FormMemo memo;
  memo.keys = syntax::KeysOf(form, morphology_, model_.language);
  syntax::SetClusters(model_.clusters, &memo.keys);
  return *form_memo_.Emplace(form, std::move(memo)).first;
}

const std::string& SyntaxAnnotator::LemmaOf(FormMemo& memo, const std::string& form, int tag) {
  for (auto& [memo_tag, lemma] : memo.lemma_by_tag) {
    if (memo_tag == tag) return lemma;
  }
  // (A third tag takes the second's place.)
  auto& slot = memo.lemma_by_tag[memo.lemma_by_tag[0].first < 0 ? 0 : 1];
  slot = {tag, syntax::Lemmatize(model_, morphology_, form, tag)};
  return slot.second;
}

void SyntaxAnnotator::ComputeKeys(const UdSentence& s, std::vector<WordKeys>* keys, bool sentence_start) {
  if (form_memo_.size() >= kMemoLimit) form_memo_.clear();  // (memos stay valid through the sentence)
  keys->clear();
  word_memos_.clear();
  for (size_t i = 0; i < s.words.size(); ++i) {
    word_memos_.push_back(&MemoOf(s.words[i].form));
    keys->push_back(word_memos_.back()->keys);
    if (i == 0 && sentence_start) keys->back().shape += 1;  // KeysOf's mark of a sentence's first word
  }
}

void SyntaxAnnotator::Tag(const UdSentence& s, const std::vector<WordKeys>& keys, std::vector<int>* tags) const {
  tags->assign(s.words.size(), 0);
  std::vector<uint64_t>& f = features_;  // (scratch kept between sentences)
  std::vector<float>& scores = scores_;
  scores.assign(model_.tags.size(), 0.0f);
  for (size_t i = 0; i < s.words.size(); ++i) {
    if (const int tag = model_.tag_shortcuts.Find(keys[i].lower); tag >= 0) {
      (*tags)[i] = tag;
      continue;
    }
    syntax::TaggerFeatures(keys, *tags, i, &f);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model_.tagger.Score(f, scores.data());
    (*tags)[i] = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
    if (record_ != nullptr && model_.tagger2.classes() == 0) ++record_->tags[keys[i].lower][(*tags)[i]];
  }
  if (model_.tagger2.classes() == 0) return;
  // The second pass, left to right again, reading the first's tags ahead.
  first_tags_ = *tags;
  for (size_t i = 0; i < s.words.size(); ++i) {
    if (model_.tag_shortcuts.Find(keys[i].lower) >= 0) continue;
    syntax::Tagger2Features(keys, *tags, first_tags_, i, &f);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model_.tagger2.Score(f, scores.data());
    (*tags)[i] = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
    if (record_ != nullptr) ++record_->tags[keys[i].lower][(*tags)[i]];
  }
}

namespace {

// The feature bundle: for each feature name the tag allows, its best value
// (or none), written in the order of feat_values (alphabetical).
std::string DecideFeats(const SyntaxModel& m, int tag, const std::vector<float>& scores) {
  std::vector<int> best(m.feat_names.size(), -1);
  for (size_t v = 0; v < m.feat_values.size(); ++v) {
    uint32_t name = m.feat_of_value[v];
    if (!(m.feats_by_tag[tag] >> name & 1)) continue;
    if (best[name] < 0 || scores[v] > scores[best[name]]) best[name] = static_cast<int>(v);
  }
  std::string out;
  for (size_t v = 0; v < m.feat_values.size(); ++v) {
    const std::string& fv = m.feat_values[v];
    if (best[m.feat_of_value[v]] != static_cast<int>(v) || fv.back() == '=') continue;
    if (!out.empty()) out.push_back('|');
    out += fv;
  }
  return out.empty() ? "_" : out;
}

}  // namespace

namespace {

// The greedy parse loop of both parsers: a forced move is taken, then the
// shortcut of the configuration's context if there is one, else the
// allowed transition that scores best (counted by context in `record`).
template <typename Context, typename Features>
void GreedyParse(syntax::Configuration* c, const WeightTable& table, const ShortcutTable& shortcuts,
                 std::map<uint64_t, std::map<int, int>>* record, std::vector<uint64_t>* f, Context context,
                 Features features, std::vector<uint8_t>* sure = nullptr) {
  const bool keyed = shortcuts.size() > 0 || record != nullptr;
  if (sure != nullptr) sure->assign(c->n + 1, syntax::kSurest);
  // The margin of the decision that attaches a word, for the guided parser.
  auto note = [&](int t, float margin) {
    if (sure == nullptr || (t != syntax::kLeftArc && t != syntax::kRightArc)) return;
    const int dependent = t == syntax::kLeftArc ? c->stack.back() : static_cast<int>(c->next);
    (*sure)[dependent] = syntax::MarginBucket(margin);
  };
  while (!c->Done()) {
    int allowed = 0, only = -1;
    for (int t = 0; t < syntax::kTransitions; ++t) {
      if (c->Allowed(t)) ++allowed, only = t;
    }
    if (allowed == 1) {  // (a forced move needs no scores)
      c->Apply(only);
      continue;
    }
    const uint64_t key = keyed ? context(*c) : 0;
    if (const int shortcut = keyed ? shortcuts.Find(key) : -1; shortcut >= 0 && c->Allowed(shortcut)) {
      note(shortcut, std::numeric_limits<float>::infinity());  // (as sure as scores get: the top bucket)
      c->Apply(shortcut);
      continue;
    }
    features(*c, f);
    float scores[syntax::kTransitions] = {};
    table.Score(*f, scores);
    int best = -1, second = -1;
    for (int t = 0; t < syntax::kTransitions; ++t) {
      if (!c->Allowed(t)) continue;
      if (best < 0 || scores[t] > scores[best]) {
        second = best;
        best = t;
      } else if (second < 0 || scores[t] > scores[second]) {
        second = t;
      }
    }
    if (record != nullptr) ++(*record)[key][best];
    note(best, scores[best] - scores[second]);
    c->Apply(best);
  }
}

}  // namespace

void SyntaxAnnotator::Parse(const std::vector<WordKeys>& keys, const std::vector<uint64_t>& ptag,
                            std::vector<int>* heads, std::vector<uint8_t>* sure) const {
  syntax::Configuration c(ptag.size());
  GreedyParse(
      &c, model_.transitions, model_.transition_shortcuts, record_ != nullptr ? &record_->transitions : nullptr,
      &features_, [&](const syntax::Configuration& x) { return syntax::TransitionContext(x, ptag); },
      [&](const syntax::Configuration& x, std::vector<uint64_t>* f) { syntax::ParserFeatures(x, keys, ptag, f); },
      sure);
  *heads = c.heads;
  syntax::AttachLeftovers(heads);
}

void SyntaxAnnotator::GuidedParse(const std::vector<WordKeys>& keys, const std::vector<uint64_t>& ptag,
                                  std::vector<int>* heads) const {
  // Right to left: the words reversed, the first parser's tree as the guide.
  rkeys_.assign(keys.rbegin(), keys.rend());
  rptags_.assign(ptag.rbegin(), ptag.rend());
  const std::vector<int> guide_heads = syntax::ReversedHeads(*heads);
  const syntax::Guide guide{guide_heads, syntax::ChildLists(guide_heads), syntax::Reversed(sure_)};
  syntax::Configuration c(ptag.size());
  GreedyParse(
      &c, model_.guided, model_.guided_shortcuts, record_ != nullptr ? &record_->guided : nullptr, &features_,
      [&](const syntax::Configuration& x) { return syntax::GuidedContext(x, rptags_, guide); },
      [&](const syntax::Configuration& x, std::vector<uint64_t>* f) {
        syntax::GuidedParserFeatures(x, rkeys_, rptags_, guide, f);
      });
  syntax::AttachLeftovers(&c.heads);
  *heads = syntax::ReversedHeads(c.heads);
}

namespace syntax {

uint8_t MarginBucket(float margin) {
  // (About deciles of the first parsers' margins on news text.)
  static constexpr float kEdges[kSurest - 1] = {10, 25, 45, 65, 80, 95, 110, 130, 160, 200};
  uint8_t b = 0;
  while (b < kSurest - 1 && margin >= kEdges[b]) ++b;
  return b;
}

std::vector<uint8_t> Reversed(const std::vector<uint8_t>& v) {
  std::vector<uint8_t> out(v.size(), 0);
  const size_t n = v.empty() ? 0 : v.size() - 1;
  for (size_t i = 1; i <= n; ++i) out[n + 1 - i] = v[i];
  return out;
}

std::vector<int> ReversedHeads(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size()) - 1;
  std::vector<int> out(heads.size(), -1);
  for (int i = 1; i <= n; ++i) out[n + 1 - i] = heads[i] <= 0 ? heads[i] : n + 1 - heads[i];
  return out;
}

void AttachLeftovers(std::vector<int>* heads) {
  // Words left without a head go under the root's child (one root per sentence).
  int root = -1;
  for (size_t i = 1; i < heads->size(); ++i) {
    if ((*heads)[i] == 0) root = static_cast<int>(i);
  }
  for (size_t i = 1; i < heads->size(); ++i) {
    if ((*heads)[i] != -1) continue;
    if (root < 0) {
      (*heads)[i] = 0;
      root = static_cast<int>(i);
    } else {
      (*heads)[i] = root;
    }
  }
}

std::vector<int> PunctuationRootChildren(const std::vector<int>& heads, const std::vector<char>& punct, int* root) {
  *root = 0;
  for (size_t i = 1; i < heads.size(); ++i) {
    if (heads[i] == 0) *root = static_cast<int>(i);
  }
  std::vector<int> out;
  if (*root == 0 || !punct[*root]) return out;
  for (size_t i = 1; i < heads.size(); ++i) {
    if (heads[i] == *root && !punct[i]) out.push_back(static_cast<int>(i));
  }
  return out;
}

void Reroot(std::vector<int>* heads, int root, int child) {
  for (int& h : *heads) {
    if (h == root) h = child;
  }
  (*heads)[child] = 0;
  (*heads)[root] = child;
}

}  // namespace syntax

void SyntaxAnnotator::TagWords(const std::vector<WordKeys>& keys, const std::vector<int>& tags, UdSentence* s,
                               const std::vector<char>* only) {
  std::vector<uint64_t>& f = features_;  // (scratch kept between sentences)
  std::vector<float>& scores = scores_;
  scores.assign(model_.feat_values.size(), 0.0f);
  for (size_t i = 0; i < s->words.size(); ++i) {
    if (only != nullptr && !(*only)[i]) continue;
    UdWord& w = s->words[i];
    w.upos = model_.tags[tags[i]];
    if (verb_features_only_ && !verb_tags_[tags[i]]) {
      w.feats = "_";
    } else {
      syntax::FeatsFeatures(keys, tags, i, &f);
      std::fill(scores.begin(), scores.end(), 0.0f);
      model_.feats.Score(f, scores.data());
      w.feats = DecideFeats(model_, tags[i], scores);
    }
    w.lemma = LemmaOf(*word_memos_[i], w.form, tags[i]);
  }
}

namespace {

// An inverted pronoun ("a-t-il", "dit-elle") is the expletive of a complex
// inversion beside a subject ("Pourquoi Angiox a-t-il été approuvé ?");
// without one it is the subject itself (UD French). The labeller learned
// inversions mostly from questions of the first kind: corrected here.
void LabelInvertedSubjects(UdSentence* s) {
  for (UdWord& w : s->words) {
    if (w.deprel != "expl:subj"sv || w.form.empty() || w.form[0] != '-' || w.head <= 0) continue;
    const bool subject = std::any_of(s->words.begin(), s->words.end(), [&](const UdWord& x) {
      return &x != &w && x.head == w.head && (x.deprel.starts_with("nsubj") || x.deprel.starts_with("csubj"));
    });
    if (!subject) w.deprel = "nsubj";
  }
}

}  // namespace

void SyntaxAnnotator::Label(const std::vector<WordKeys>& keys, const std::vector<uint64_t>& ptag,
                            const std::vector<int>& heads, UdSentence* s) const {
  const syntax::ChildLists children(heads);
  std::vector<uint64_t>& f = features_;  // (scratch kept between sentences)
  std::vector<float>& scores = scores_;
  scores.assign(model_.labels.size(), 0.0f);
  const bool context = model_.label_shortcuts.size() > 0 || record_ != nullptr;
  for (size_t i = 1; i < heads.size(); ++i) {
    UdWord& w = s->words[i - 1];
    w.head = heads[i];
    if (heads[i] == 0) {
      w.deprel = "root";
      continue;
    }
    if (has_punct_label_ && w.upos == "PUNCT"sv) {  // (UD: punctuation is always punct)
      w.deprel = "punct";
      continue;
    }
    const uint64_t key = context ? syntax::LabelContext(ptag, heads, static_cast<int>(i)) : 0;
    if (const int label = context ? model_.label_shortcuts.Find(key) : -1; label >= 0) {
      w.deprel = model_.labels[label];
      continue;
    }
    syntax::LabelFeatures(keys, ptag, heads, children, static_cast<int>(i), &f);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model_.labeller.Score(f, scores.data());
    int best = -1;
    for (int l = 0; l < static_cast<int>(model_.labels.size()); ++l) {
      if (l != root_label_ && (best < 0 || scores[l] > scores[best])) best = l;
    }
    w.deprel = model_.labels[best];
    if (record_ != nullptr) ++record_->labels[key][best];
  }
  LabelInvertedSubjects(s);
}

void SyntaxAnnotator::Annotate(UdSentence* s, bool sentence_start) {
  if (s->words.empty()) return;
  std::vector<WordKeys>& keys = keys_;
  ComputeKeys(*s, &keys, sentence_start);
  std::vector<int>& tags = tags_;
  Tag(*s, keys, &tags);
  TagWords(keys, tags, s);
  // The parser's word classes: the tag, and the verb form of verbs.
  std::vector<uint64_t>& ptag = ptags_;
  ptag.resize(tags.size());
  for (size_t i = 0; i < tags.size(); ++i) ptag[i] = WordClass(tags[i], s->words[i].feats);
  std::vector<int>& heads = heads_;
  const bool guided = use_guided_ && model_.guided.classes() != 0;
  Parse(keys, ptag, &heads, guided ? &sure_ : nullptr);
  // The re-tagger reads the first parser's tree (as in training), and the
  // guided parser its tags.
  if (guided && model_.retagger.classes() != 0) Retag(keys, heads, s);
  if (guided) GuidedParse(keys, ptag, &heads);
  // (kg build's relation rules were tuned on the first parser's trees as they are.)
  if (guided && reroot_) RerootPunctuation(keys, ptag, &heads);
  Label(keys, ptag, heads, s);
}

void SyntaxAnnotator::RerootPunctuation(const std::vector<WordKeys>& keys, const std::vector<uint64_t>& ptag,
                                        std::vector<int>* heads) {
  // (Most sentences have a word as root: nothing to do.)
  const auto root_word = std::find(heads->begin() + 1, heads->end(), 0);
  if (root_word == heads->end() || !punct_tags_[tags_[root_word - heads->begin() - 1]]) return;
  std::vector<char> punct(heads->size(), 0);
  for (size_t i = 0; i < tags_.size(); ++i) punct[i + 1] = punct_tags_[tags_[i]];
  int root = 0;
  const std::vector<int> candidates = syntax::PunctuationRootChildren(*heads, punct, &root);
  if (candidates.empty() || root_label_ >= static_cast<int>(model_.labels.size())) return;
  // The candidate the labeller finds most like a root once it is one.
  int best = 0;
  float best_score = 0;
  scores_.assign(model_.labels.size(), 0.0f);
  for (int c : candidates) {
    std::vector<int> tried = *heads;
    syntax::Reroot(&tried, root, c);
    syntax::LabelFeatures(keys, ptag, tried, syntax::ChildLists(tried), c, &features_);
    std::fill(scores_.begin(), scores_.end(), 0.0f);
    model_.labeller.Score(features_, scores_.data());
    if (best == 0 || scores_[root_label_] > best_score) {
      best = c;
      best_score = scores_[root_label_];
    }
  }
  syntax::Reroot(heads, root, best);
}

uint64_t SyntaxAnnotator::WordClass(int tag, std::string_view feats) const {
  return syntax::ParserTag(tag_hashes_[tag], verb_tags_[tag], feats);
}

void SyntaxAnnotator::Retag(const std::vector<WordKeys>& keys, const std::vector<int>& heads, UdSentence* s) {
  const syntax::ChildLists children(heads);
  std::vector<int>& tags = tags_;
  first_tags_ = tags;
  std::vector<uint64_t>& f = features_;
  std::vector<float>& scores = scores_;
  scores.assign(model_.tags.size(), 0.0f);
  std::vector<char>& redo = redo_;
  redo.assign(tags.size(), 0);
  bool changed = false;
  for (size_t i = 0; i < tags.size(); ++i) {
    syntax::RetaggerFeatures(keys, first_tags_, heads, children, i, &f);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model_.retagger.Score(f, scores.data());
    const int best = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
    if (best == tags[i]) continue;
    tags[i] = best;
    changed = true;
    // (A word's features read its neighbours' tags.)
    for (size_t j = i > 0 ? i - 1 : 0; j <= i + 1 && j < tags.size(); ++j) redo[j] = 1;
  }
  if (!changed) return;
  TagWords(keys, tags, s, &redo);
  for (size_t i = 0; i < tags.size(); ++i) {
    if (redo[i]) ptags_[i] = WordClass(tags[i], s->words[i].feats);
  }
}

UdSentence SyntaxAnnotator::AnnotateTokens(const std::vector<std::string>& tokens, std::vector<int>* token_words,
                                           bool sentence_start) {
  UdSentence s;
  s.words.reserve(tokens.size() + tokens.size() / 4);  // (contractions add a word each)
  if (token_words != nullptr) {
    token_words->clear();
    token_words->reserve(tokens.size() + 1);
  }
  std::vector<std::string> lower;  // every token's, made when the splitter needs them
  std::vector<uint64_t>& f = features_;  // (scratch kept between sentences)
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (token_words != nullptr) token_words->push_back(static_cast<int>(s.words.size()));
    const std::string lowered = MayContract(tokens[i]) ? syntax::LowerForm(tokens[i]) : std::string();
    auto it = lowered.empty() ? model_.contractions.end() : model_.contractions.find(lowered);
    bool split = it != model_.contractions.end();
    if (split && std::find(model_.ambiguous_contractions.begin(), model_.ambiguous_contractions.end(), lowered) !=
                     model_.ambiguous_contractions.end()) {
      if (lower.empty()) {
        for (const std::string& t : tokens) lower.push_back(syntax::LowerForm(t));
      }
      syntax::SplitterFeatures(lower, i, &f);
      float scores[2] = {};
      model_.splitter.Score(f, scores);
      split = scores[1] > scores[0];
    }
    if (!split) {
      if (const size_t cut = CliticSplit(tokens[i]); cut > 0) {
        s.words.push_back(UdWord{.form = tokens[i].substr(0, cut)});
        s.words.push_back(UdWord{.form = tokens[i].substr(cut)});
        continue;
      }
      s.words.push_back(UdWord{.form = tokens[i]});
      // An abbreviation keeps its dot, one word as in the treebanks: "M.
      // Solère", "Mr. Smith" (the dot's token then covers no word).
      if (i + 2 < tokens.size() && tokens[i + 1] == "." && IsAbbreviation(tokens[i])) {
        s.words.back().form += '.';
        if (token_words != nullptr) token_words->push_back(static_cast<int>(s.words.size()));
        ++i;
      }
      continue;
    }
    int first = static_cast<int>(s.words.size()) + 1;
    for (size_t j = 0; j < it->second.size(); ++j) {
      std::string form = it->second[j];
      // Keep the token's capital on its first word ("Du" -> "De le").
      if (j == 0 && !tokens[i].empty() && tokens[i][0] >= 'A' && tokens[i][0] <= 'Z' && !form.empty() &&
          form[0] >= 'a' && form[0] <= 'z') {
        form[0] = static_cast<char>(form[0] - 'a' + 'A');
      }
      s.words.push_back(UdWord{.form = form});
    }
    s.tokens.push_back(UdToken{first, static_cast<int>(s.words.size()), tokens[i], "_"});
  }
  if (token_words != nullptr) token_words->push_back(static_cast<int>(s.words.size()));
  Annotate(&s, sentence_start);
  return s;
}

}  // namespace kg

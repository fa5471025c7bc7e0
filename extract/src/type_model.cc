#include "kg/extract/type_model.h"

#include <algorithm>
#include <array>
#include <map>

#include "kg/base/flat_map.h"
#include "kg/base/text.h"

namespace kg {
namespace {

constexpr char kMagic[8] = {'K', 'G', 'T', 'Y', 'P', 'E', 'S', '\0'};

// Feature templates.
enum Template : uint64_t {
  kBias = 1,
  kRuleType,
  kRuleMargin,
  kVoteStrength,
  kWord,
  kFirstWord,
  kLastWord,
  kLastSuffix,
  kShape,
  kWordCount,
  kPrevWord,
  kPrevTwo,
  kNextWord,
  kNextTwo,
  kMentionCount,
  kPrevWordRule,
};

bool IsWordByte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
         c == '\'' || c == '.' || c == '&';
}

bool IsBlankByte(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The word or mark ending right before `pos` (blanks skipped), and where it starts.
std::string_view WordBefore(std::string_view text, size_t pos, size_t* start) {
  while (pos > 0 && IsBlankByte(static_cast<unsigned char>(text[pos - 1]))) --pos;
  size_t from = pos;
  while (from > 0 && IsWordByte(static_cast<unsigned char>(text[from - 1]))) --from;
  if (from == pos && pos > 0) from = pos - 1;
  *start = from;
  return text.substr(from, pos - from);
}

// The word or mark starting at `pos` (blanks skipped), and where it ends.
std::string_view WordAfter(std::string_view text, size_t pos, size_t* end) {
  while (pos < text.size() && IsBlankByte(static_cast<unsigned char>(text[pos]))) ++pos;
  size_t to = pos;
  while (to < text.size() && IsWordByte(static_cast<unsigned char>(text[to]))) ++to;
  if (to == pos && pos < text.size()) to = pos + 1;
  *end = to;
  return text.substr(pos, to - pos);
}

// "Xx Xx", "X.X.", "XX d": letters by case, digits, other bytes as they are,
// runs of one kind written once.
std::string Shape(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size();) {
    size_t len = 1;
    char32_t cp = DecodeUtf8(name, i, &len);
    char c = IsUpper(cp) ? 'X' : IsLower(cp) ? 'x' : IsDigit(cp) ? 'd' : cp < 0x80 ? static_cast<char>(cp) : '?';
    if (out.empty() || out.back() != c) out.push_back(c);
    i += len;
  }
  return out;
}

uint64_t Bucket(float v, std::initializer_list<float> bounds) {
  uint64_t b = 0;
  for (float x : bounds) {
    if (v < x) return b;
    ++b;
  }
  return b;
}

uint64_t H(std::string_view s) { return HashString(s); }

// How far the rules' type leads the next in `votes`.
float RuleMargin(const TypeVoteArray& votes) {
  TypeVoteArray sorted = votes;
  std::sort(sorted.begin(), sorted.end(), std::greater<float>());
  return sorted[0] - sorted[1];
}

void NameFeatures(std::string_view name, std::vector<uint64_t>* out) {
  std::vector<std::string_view> words = Split(name, ' ');
  std::erase_if(words, [](std::string_view w) { return w.empty(); });
  if (words.empty()) return;
  for (std::string_view w : words) out->push_back(FeatureHash(kWord, H(ToLower(w))));
  out->push_back(FeatureHash(kFirstWord, H(ToLower(words.front()))));
  std::string last = ToLower(words.back());
  out->push_back(FeatureHash(kLastWord, H(last)));
  size_t cut = last.size() > 3 ? last.size() - 3 : 0;
  while (cut > 0 && (static_cast<unsigned char>(last[cut]) & 0xC0) == 0x80) --cut;  // a whole character
  out->push_back(FeatureHash(kLastSuffix, H(std::string_view(last).substr(cut))));
  out->push_back(FeatureHash(kShape, H(Shape(name))));
  out->push_back(FeatureHash(kWordCount, std::min<uint64_t>(words.size(), 5)));
}

}  // namespace

void TypeFeatures(std::string_view text, std::span<const TextSpan> spans, const DocEntity& entity,
                  std::vector<uint64_t>* out) {
  out->clear();
  const uint64_t rule = static_cast<uint64_t>(DecideType(entity.votes)) + 1;
  out->push_back(FeatureHash(kBias, 1));
  out->push_back(FeatureHash(kRuleType, rule));
  out->push_back(FeatureHash(kRuleMargin, rule, Bucket(RuleMargin(entity.votes), {0.01f, 1, 2, 4, 8})));
  for (int t = 0; t < kEntityTypeCount; ++t) {
    if (entity.votes[t] > 0) out->push_back(FeatureHash(kVoteStrength, t + 1, Bucket(entity.votes[t], {1, 2, 4, 8})));
  }
  out->push_back(FeatureHash(kMentionCount, Bucket(static_cast<float>(spans.size()), {2, 3, 6})));
  NameFeatures(entity.label, out);
  for (const auto& [start, end] : spans) {
    if (start > end || end > text.size()) continue;
    size_t b1 = 0, b2 = 0, a1 = 0, a2 = 0;
    std::string p1 = ToLower(WordBefore(text, start, &b1));
    std::string p2 = ToLower(WordBefore(text, b1, &b2));
    std::string n1 = ToLower(WordAfter(text, end, &a1));
    std::string n2 = ToLower(WordAfter(text, a1, &a2));
    out->push_back(FeatureHash(kPrevWord, H(p1)));
    out->push_back(FeatureHash(kPrevTwo, H(p2), H(p1)));
    out->push_back(FeatureHash(kNextWord, H(n1)));
    out->push_back(FeatureHash(kNextTwo, H(n1), H(n2)));
    out->push_back(FeatureHash(kPrevWordRule, H(p1), rule));
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

namespace {

// Votes by which the rules' type leads the next one that settle it: a
// built-in gazetteer's vote (kGazetteerVote in extract/src/candidate.h).
constexpr float kSettledMargin = 10.f;

// The types the model chooses among: all but PRODUCT, which its training
// sets lack (their MISC, our OTHER, holds products too).
bool Decides(EntityType t) { return t != EntityType::kProduct; }

int ArgMax(const std::array<float, kEntityTypeCount>& scores) {
  int best = 0;
  for (int t = 1; t < kEntityTypeCount; ++t) {
    if (scores[t] > scores[best]) best = t;
  }
  return best;
}

}  // namespace

EntityType PredictType(const TypeModel& model, std::span<const uint64_t> f, const TypeVoteArray& votes) {
  const EntityType rule = DecideType(votes);
  if (!Decides(rule) || RuleMargin(votes) >= kSettledMargin) return rule;
  std::array<float, kEntityTypeCount> scores{};
  model.weights.Score(f, scores.data());
  for (int t = 0; t < kEntityTypeCount; ++t) {
    if (!Decides(static_cast<EntityType>(t))) scores[t] = -1e30f;
  }
  const int best = ArgMax(scores);
  return scores[best] - scores[static_cast<int>(rule)] > model.margin ? static_cast<EntityType>(best) : rule;
}

void SetDecidedType(EntityType type, DocEntity* entity) {
  if (entity->forced || DecideType(entity->votes) == type) return;
  float top = *std::max_element(entity->votes.begin(), entity->votes.end());
  entity->votes[static_cast<int>(type)] = top + 0.2f;
  entity->type = type;
}

void AddTypeExamples(const DocumentResult& r, std::span<const GoldSpan> gold, std::vector<TypeExample>* out) {
  std::map<TextSpan, EntityType> gold_at;
  for (const GoldSpan& g : gold) gold_at.emplace(TextSpan{g.start, g.end}, g.type);
  std::vector<std::vector<TextSpan>> spans(r.entities.size());
  std::vector<std::array<int, kEntityTypeCount>> matched(r.entities.size());
  for (const DocMention& m : r.mentions) {
    if (m.via || m.entity >= r.entities.size()) continue;
    spans[m.entity].emplace_back(m.start, m.end);
    auto it = gold_at.find(TextSpan{m.start, m.end});
    if (it != gold_at.end()) ++matched[m.entity][static_cast<int>(it->second)];
  }
  for (size_t e = 0; e < r.entities.size(); ++e) {
    const auto& votes = matched[e];
    const int best = static_cast<int>(std::max_element(votes.begin(), votes.end()) - votes.begin());
    if (votes[best] == 0 || r.entities[e].forced) continue;
    TypeExample x;
    TypeFeatures(r.text, spans[e], r.entities[e], &x.features);
    x.truth = static_cast<EntityType>(best);
    x.votes = r.entities[e].votes;
    out->push_back(std::move(x));
  }
}

namespace {

WeightTable TrainWeights(const std::vector<TypeExample>& train, const TypeTrainOptions& options) {
  PerceptronTrainer trainer(kEntityTypeCount);
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t state = options.seed;
  auto next = [&state] {  // splitmix64: the same order on every platform
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  };
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[next() % i]);
    size_t right = 0;
    for (size_t i : order) {
      const TypeExample& x = train[i];
      std::array<float, kEntityTypeCount> scores{};
      trainer.Score(x.features, scores.data());
      const int guess = ArgMax(scores), truth = static_cast<int>(x.truth);
      if (guess == truth) ++right;
      trainer.Update(x.features, truth, guess);
      trainer.Tick();
    }
    if (options.log && !train.empty()) {
      options.log("epoch " + std::to_string(epoch + 1) + ": training accuracy " +
                  std::to_string(100.0 * static_cast<double>(right) / static_cast<double>(train.size())));
    }
  }
  return trainer.Compile(options.max_features);
}

// The margin among `candidates` that types `held_out` best (the smallest on a tie).
float ChooseMargin(const WeightTable& weights, const std::vector<TypeExample>& held_out,
                   const TypeTrainOptions& options) {
  TypeModel m;
  m.weights = weights;
  float best = 0;
  size_t best_right = 0;
  for (float margin : {0.0f, 0.25f, 0.5f, 1.0f, 2.0f, 4.0f, 8.0f, 16.0f, 1e30f}) {
    m.margin = margin;
    size_t right = 0;
    for (const TypeExample& x : held_out) right += PredictType(m, x.features, x.votes) == x.truth;
    if (options.log) {
      options.log("margin " + std::to_string(margin) + ": held-out accuracy " +
                  std::to_string(100.0 * static_cast<double>(right) / static_cast<double>(held_out.size())));
    }
    if (right > best_right) {
      best_right = right;
      best = margin;
    }
  }
  return best;
}

}  // namespace

TypeModel TrainTypeModel(const std::vector<TypeExample>& train, const TypeTrainOptions& options) {
  TypeModel model;
  model.language = options.language;
  std::vector<TypeExample> rest, held_out;
  for (size_t i = 0; i < train.size(); ++i) (i % 10 == 9 ? held_out : rest).push_back(train[i]);
  if (!held_out.empty() && !rest.empty()) model.margin = ChooseMargin(TrainWeights(rest, options), held_out, options);
  model.weights = TrainWeights(train, options);
  return model;
}

std::string TypeModel::Serialize() const {
  ModelWriter w;
  w.Bytes(kMagic, sizeof kMagic);
  w.U32(kTypeModelFormatVersion);
  w.Str(language);
  w.F32(margin);
  weights.Write(&w);
  w.U32(ModelChecksum(w.buffer()));
  return std::move(w.buffer());
}

StatusOr<std::shared_ptr<const TypeModel>> TypeModel::Parse(std::string_view bytes, const std::string& where) {
  StatusOr<ModelReader> opened = ModelReader::Open(bytes, std::string_view(kMagic, sizeof kMagic),
                                                   "entity-type model", kTypeModelFormatVersion, where);
  if (!opened.ok()) return opened.status();
  ModelReader& r = *opened;
  auto m = std::make_shared<TypeModel>();
  if (!r.Str(&m->language) || !r.F32(&m->margin)) return r.Truncated();
  StatusOr<WeightTable> table = WeightTable::Read(&r);
  if (!table.ok()) return table.status();
  m->weights = std::move(*table);
  if (!r.done()) return r.Truncated();
  if (m->weights.classes() != kEntityTypeCount) {
    return InvalidInput(where + ": inconsistent model (" + std::to_string(m->weights.classes()) + " classes, not " +
                        std::to_string(kEntityTypeCount) + ")");
  }
  return std::shared_ptr<const TypeModel>(std::move(m));
}

StatusOr<std::shared_ptr<const TypeModel>> TypeModel::Load(const std::string& path) {
  StatusOr<std::string> bytes = ReadModelFile(path);
  if (!bytes.ok()) return bytes.status();
  return Parse(*bytes, path);
}

std::string TypeModelPath(const std::string& dir, std::string_view language) {
  return dir + "/" + std::string(language) + "-types.kgm";
}

}  // namespace kg

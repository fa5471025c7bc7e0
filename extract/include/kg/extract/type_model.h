// Learned entity typing: an averaged perceptron over the rule recognizer's
// entities (all types but PRODUCT) that reads what the rules decided (the type and how clearly the
// votes chose it) with the name's words, shape and suffix and the words
// around its mentions, and keeps or changes the type ("entity-types" in
// data/<lang>/annotators_<lang>.txt). Trained by `kg-train --types` on the
// named-entity sets of ../shared/data/ner (scripts/train-models.sh): the
// recognizer runs on each training text, its entities whose mentions match a
// gold span take the gold type as the answer.
//
//   auto model = TypeModel::Load("data/models/en-types.kgm");  // StatusOr
//   std::vector<uint64_t> f;
//   TypeFeatures(text, spans, entity, &f);
//   EntityType t = PredictType(**model, f, entity.votes);
//
// Model file: "KGTYPES" magic, format version, language, weights, CRC-32 of
// everything before it; a missing, truncated or corrupt file is an error
// naming it. Thread safety: a loaded model is immutable.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kg/base/status.h"
#include "kg/extract/document.h"
#include "kg/extract/perceptron.h"

namespace kg {

constexpr uint32_t kTypeModelFormatVersion = 1;

struct TypeModel {
  std::string language;  // "fr" or "en"
  WeightTable weights;   // one class per EntityType
  // How far the model's type must outscore the rules' to replace it (chosen
  // on a held-out tenth of the training examples).
  float margin = 0;

  std::string Serialize() const;
  static StatusOr<std::shared_ptr<const TypeModel>> Parse(std::string_view bytes, const std::string& where);
  static StatusOr<std::shared_ptr<const TypeModel>> Load(const std::string& path);
};

// <dir>/<language>-types.kgm
std::string TypeModelPath(const std::string& dir, std::string_view language);

// Byte offsets [start, end) of one name mention in the text.
using TextSpan = std::pair<uint32_t, uint32_t>;

// The features of an entity of `text` named at `spans` (sorted, distinct).
void TypeFeatures(std::string_view text, std::span<const TextSpan> spans, const DocEntity& entity,
                  std::vector<uint64_t>* out);

// The rules' type votes of an entity (DocEntity::votes).
using TypeVoteArray = std::array<float, kEntityTypeCount>;

// The type the model gives features `f` of an entity the rules voted
// `votes` for. The rules' type (DecideType) stays when it leads the next by
// a built-in gazetteer's vote or more, and for a product (the model never
// makes one: the training sets have no such class, their MISC holds
// products).
EntityType PredictType(const TypeModel& model, std::span<const uint64_t> f, const TypeVoteArray& votes);

// Makes `type` the entity's decision in its document: its vote is raised
// just above the others — by less than the graph builder's half-vote, so
// across documents it counts as this document's decision and no more (a
// user gazetteer's type stays).
void SetDecidedType(EntityType type, DocEntity* entity);

struct TypeExample {
  std::vector<uint64_t> features;
  EntityType truth = EntityType::kOrg;
  TypeVoteArray votes{};  // the rules' votes
};

// A gold name of a training text: byte offsets and type.
struct GoldSpan {
  uint32_t start = 0;
  uint32_t end = 0;
  EntityType type = EntityType::kOrg;
};

// Appends the examples of a document kg extracted (`r`, without the typer):
// each entity one of whose name mentions is exactly a gold span, labelled
// with the gold type most of its matched mentions have (a tie: the first in
// EntityType order).
void AddTypeExamples(const DocumentResult& r, std::span<const GoldSpan> gold, std::vector<TypeExample>* out);

struct TypeTrainOptions {
  std::string language;
  int epochs = 8;
  size_t max_features = 60000;  // features kept (0: all)
  uint64_t seed = 1;
  std::function<void(const std::string&)> log;
};

// Trains on `train`, in an order shuffled by `seed` each epoch: the same
// examples and options give the same bytes. The margin is the one that
// types best a held-out tenth of the examples (every tenth) under a model
// trained on the rest; the weights are then trained on all.
TypeModel TrainTypeModel(const std::vector<TypeExample>& train, const TypeTrainOptions& options);

}  // namespace kg

// The values that flow out of extraction: one input document, and what the
// extractor found in it (entities with their surface forms, relations with
// the sentence that states them).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kg/base/date.h"

namespace kg {

// One input text. `id` is the file name without extension, or the JSONL id;
// `title` and `date` come from the JSONL fields or a file's header lines.
struct Document {
  std::string id;
  std::string path;
  std::string text;
  std::string title = {};  // (initialised: {id, path, text} stays a complete initializer)
  Date date = 0;           // 0: unknown
};

enum class EntityType : uint8_t { kPerson, kOrg, kLocation, kProduct, kOther };
constexpr int kEntityTypeCount = 5;

// The one decision of an entity's type from its votes (per type, indexed by
// EntityType), used by the recognizer, the graph builder and surname
// merging alike: the most votes; ties, and no positive vote at all, prefer
// ORG, then PERSON, LOCATION, PRODUCT, OTHER (ORG: the most common type of
// an unknown name in news).
template <typename T>
EntityType DecideType(const std::array<T, kEntityTypeCount>& votes) {
  static constexpr EntityType kOrder[] = {EntityType::kOrg, EntityType::kPerson, EntityType::kLocation,
                                          EntityType::kProduct, EntityType::kOther};
  EntityType best = EntityType::kOrg;
  T best_votes = 0;
  for (EntityType t : kOrder) {
    if (votes[static_cast<int>(t)] > best_votes) {
      best_votes = votes[static_cast<int>(t)];
      best = t;
    }
  }
  return best;
}

// "PERSON", "ORG", "LOCATION", "PRODUCT", "OTHER".
std::string_view EntityTypeName(EntityType type);
// Parses the names above and common synonyms (PER, ORGANIZATION, LOC, GPE,
// MISC...). Returns false on an unknown name.
bool ParseEntityType(std::string_view name, EntityType* type);

// A sentence of the document: byte offsets [start, end).
struct SentenceSpan {
  uint32_t start = 0;
  uint32_t end = 0;
};

// An entity as resolved inside one document.
struct DocEntity {
  std::string label;                       // fullest common form in this document
  EntityType type = EntityType::kOther;
  std::map<std::string, uint32_t> forms;   // every surface form -> count
  uint32_t mentions = 0;
  bool forced = false;                     // came from a user gazetteer entry
  std::array<float, kEntityTypeCount> votes{};  // the type evidence summed over the mentions
};

enum class EdgeKind : uint8_t { kRelation, kCooccurrence };

// One supporting sentence for an edge between two entities of the document.
struct DocRelation {
  uint32_t source = 0;  // index into DocumentResult::entities
  uint32_t target = 0;
  std::string relation;  // lemma or relation name; "cooccurrence" for co-mentions
  EdgeKind kind = EdgeKind::kCooccurrence;
  uint32_t sentence = 0;  // index into DocumentResult::sentences
  bool via = false;       // one end reached through a pronoun or description (coreference)
};

// A mention of an entity in the text: a name, or (via) a pronoun or
// description resolved to it; byte offsets [start, end) in the text.
struct DocMention {
  uint32_t sentence = 0;  // index into DocumentResult::sentences
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t entity = 0;  // index into DocumentResult::entities
  bool via = false;
};

struct DocumentResult {
  std::string id;
  std::string path;
  std::string title;
  Date date = 0;
  std::string text;                   // the document text (evidence is cut from it)
  uint64_t chars = 0;                 // code points
  std::vector<SentenceSpan> sentences;
  std::vector<DocEntity> entities;
  std::vector<DocMention> mentions;  // in text order
  std::vector<DocRelation> relations;
};

}  // namespace kg

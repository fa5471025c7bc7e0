// Results of recently extracted documents, found by their text, so that an
// exact repeat of a document (a wire story filed twice, a page crawled
// again) is extracted once and copied after. Extraction is a function of the
// text alone, so a copy is what extracting the repeat would have given.
//
//   RepeatCache cache(64u << 20);
//   cache.Add(std::make_shared<const DocumentResult>(extractor.Extract(doc)));
//   if (auto same = cache.Find(other.text)) result = RepeatOf(*same, std::move(other));
//
// The cache holds at most about `budget_bytes` (texts and results), the
// oldest results leaving first. Thread safety: none; const methods may be
// called concurrently while nothing adds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "kg/extract/document.h"

namespace kg {

class RepeatCache {
 public:
  explicit RepeatCache(size_t budget_bytes) : budget_(budget_bytes) {}

  // The kept result of a document whose text is `text`, or null. `hash`,
  // when given, is HashString(text).
  std::shared_ptr<const DocumentResult> Find(std::string_view text) const { return Find(text, Hash(text)); }
  std::shared_ptr<const DocumentResult> Find(std::string_view text, uint64_t hash) const;
  // Keeps `result`; results beyond the budget leave, oldest first (a result
  // larger than the whole budget is not kept). `hash`: of its text, as above.
  void Add(std::shared_ptr<const DocumentResult> result) {
    uint64_t hash = Hash(result->text);
    Add(std::move(result), hash);
  }
  void Add(std::shared_ptr<const DocumentResult> result, uint64_t hash);
  static uint64_t Hash(std::string_view text);
  size_t size() const { return kept_.size(); }
  size_t bytes() const { return used_; }

 private:
  struct Kept {
    uint64_t hash;
    size_t bytes;
    std::shared_ptr<const DocumentResult> result;
  };
  size_t budget_;
  size_t used_ = 0;
  std::deque<Kept> kept_;                          // oldest first
  uint64_t first_ = 0;                             // sequence number of kept_.front()
  std::unordered_map<uint64_t, uint64_t> by_hash_;  // text hash -> latest sequence number
};

// The repeats a stream of documents meets, numbered in reading order, as a
// pipeline reads them into a window and merges them in order: a document is
// new, a repeat of a kept result (`kept`), or the twin of a document still
// in the window (`twin`, same text hash), whose result it copies when merged.
// Disabled (every document new) with a budget of 0. Thread safety: none
// (the pipeline's reading and merging thread).
class RepeatTracker {
 public:
  static constexpr uint64_t kNoTwin = UINT64_MAX;
  struct Seen {
    uint64_t hash = 0;
    std::shared_ptr<const DocumentResult> kept;
    uint64_t twin = kNoTwin;
    bool repeat() const { return kept != nullptr || twin != kNoTwin; }
  };
  explicit RepeatTracker(size_t budget_bytes) : cache_(budget_bytes), enabled_(budget_bytes > 0) {}

  // Document `number`, just read, with text `text`.
  Seen Read(std::string_view text, uint64_t number);
  // The merged result a twin copies (its texts may still differ: two texts, one hash).
  const std::shared_ptr<const DocumentResult>& TwinSource(uint64_t twin) const { return twin_sources_.at(twin); }
  // Document `number` (seen as `seen`) merged with `result`.
  void Merged(uint64_t number, const Seen& seen, std::shared_ptr<const DocumentResult> result);

 private:
  RepeatCache cache_;
  bool enabled_;
  std::unordered_map<uint64_t, uint64_t> in_window_;  // text hash -> latest new document with it
  std::unordered_map<uint64_t, std::shared_ptr<const DocumentResult>> twin_sources_;  // merged, still wanted
  std::unordered_map<uint64_t, size_t> twin_wanted_;  // document -> later twins not yet merged
};

// The result of `doc`, a document with the same text as the one `same` was
// extracted from: `same`'s findings under `doc`'s id, path and text.
DocumentResult RepeatOf(const DocumentResult& same, Document doc);

// About how many bytes `r` holds (text, sentences, entities, relations).
size_t ResultBytes(const DocumentResult& r);

}  // namespace kg

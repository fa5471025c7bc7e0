#include "kg/graph/repeat_cache.h"

#include "kg/base/flat_map.h"

namespace kg {

uint64_t RepeatCache::Hash(std::string_view text) { return HashString(text); }

std::shared_ptr<const DocumentResult> RepeatCache::Find(std::string_view text, uint64_t hash) const {
  auto it = by_hash_.find(hash);
  if (it == by_hash_.end()) return nullptr;
  const Kept& k = kept_[it->second - first_];
  if (k.result->text != text) return nullptr;
  return k.result;
}

void RepeatCache::Add(std::shared_ptr<const DocumentResult> result, uint64_t hash) {
  size_t bytes = ResultBytes(*result);
  if (bytes > budget_) return;
  while (used_ + bytes > budget_) {
    const Kept& old = kept_.front();
    auto it = by_hash_.find(old.hash);
    if (it != by_hash_.end() && it->second == first_) by_hash_.erase(it);
    used_ -= old.bytes;
    kept_.pop_front();
    ++first_;
  }
  by_hash_[hash] = first_ + kept_.size();
  kept_.push_back({hash, bytes, std::move(result)});
  used_ += bytes;
}

RepeatTracker::Seen RepeatTracker::Read(std::string_view text, uint64_t number) {
  Seen seen;
  if (!enabled_) return seen;
  seen.hash = RepeatCache::Hash(text);
  seen.kept = cache_.Find(text, seen.hash);
  if (seen.kept) return seen;
  if (auto it = in_window_.find(seen.hash); it != in_window_.end()) {
    seen.twin = it->second;
    ++twin_wanted_[seen.twin];
    return seen;
  }
  in_window_[seen.hash] = number;
  return seen;
}

void RepeatTracker::Merged(uint64_t number, const Seen& seen, std::shared_ptr<const DocumentResult> result) {
  if (!enabled_) return;
  if (seen.twin != kNoTwin && --twin_wanted_[seen.twin] == 0) {
    twin_wanted_.erase(seen.twin);
    twin_sources_.erase(seen.twin);
  }
  if (auto it = in_window_.find(seen.hash); it != in_window_.end() && it->second == number) in_window_.erase(it);
  if (twin_wanted_.count(number)) twin_sources_[number] = result;
  cache_.Add(std::move(result), seen.hash);
}

DocumentResult RepeatOf(const DocumentResult& same, Document doc) {
  DocumentResult r;
  r.id = std::move(doc.id);
  r.path = std::move(doc.path);
  r.title = std::move(doc.title);
  r.date = doc.date;
  r.text = std::move(doc.text);
  r.chars = same.chars;
  r.sentences = same.sentences;
  r.entities = same.entities;
  r.mentions = same.mentions;
  r.relations = same.relations;
  return r;
}

size_t ResultBytes(const DocumentResult& r) {
  // Containers' own sizes plus a node's bookkeeping for each map entry.
  constexpr size_t kMapNode = 48;
  size_t n = sizeof(DocumentResult) + r.id.size() + r.path.size() + r.title.size() + r.text.size() +
             r.sentences.size() * sizeof(SentenceSpan) + r.mentions.size() * sizeof(DocMention) +
             r.relations.size() * sizeof(DocRelation);
  for (const DocEntity& e : r.entities) {
    n += sizeof(DocEntity) + e.label.size();
    for (const auto& [form, count] : e.forms) n += kMapNode + sizeof(form) + form.size() + sizeof(count);
  }
  for (const DocRelation& rel : r.relations) n += rel.relation.size();
  return n;
}

}  // namespace kg

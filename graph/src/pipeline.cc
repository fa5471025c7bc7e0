#include "kg/graph/pipeline.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <unordered_map>
#include <vector>

#include "kg/base/flat_map.h"
#include "kg/extract/extractor.h"
#include "kg/graph/repeat_cache.h"

namespace kg {

StatusOr<KnowledgeGraph> BuildGraph(DocumentSource& source, const PipelineOptions& options) {
  int threads = options.threads;
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // One pool of word analyses for all workers: each distinct word meets
  // hunspell once, not once per thread.
  auto shared_words = std::make_unique<SharedWordCache>();
  ExtractorConfig cfg;
  cfg.lexicon = options.lexicon;
  cfg.shared_words = threads > 1 ? shared_words.get() : nullptr;
  if (!options.hunspell_dir.empty()) cfg.hunspell_dir = options.hunspell_dir;
  // One by one: the first loads the dictionaries the others share. (On a
  // thread of their own, while the first batch is read.)
  std::vector<std::unique_ptr<Extractor>> extractors;
  Status created;
  std::thread creator([&] {
    for (int t = 0; t < threads; ++t) {
      auto ex = Extractor::Create(cfg);
      if (!ex.ok()) {
        created = ex.status();
        return;
      }
      extractors.push_back(std::move(*ex));
    }
  });

  PipelineStats stats;
  using Clock = std::chrono::steady_clock;
  auto since = [](Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); };
  GraphBuilder builder(options.build);
  PipelineProgress progress;
  bool done = false;
  Status failed;
  // Reads the next batch of documents (empty at the end or on error).
  auto read_batch = [&](std::vector<Document>* batch, size_t* bytes) {
    auto t0 = Clock::now();
    *bytes = 0;
    while (!done && *bytes < options.batch_bytes) {
      Document doc;
      auto more = source.Next(&doc);
      if (!more.ok()) {
        failed = more.status();
        done = true;
        break;
      }
      if (!*more) {
        done = true;
        break;
      }
      *bytes += doc.text.size();
      batch->push_back(std::move(doc));
    }
    if (options.warn) {
      for (const std::string& w : source.TakeWarnings()) options.warn(w);
    }
    stats.read += since(t0);
  };
  using Results = std::vector<std::shared_ptr<const DocumentResult>>;
  // Merges a batch's results in input order.
  auto merge = [&](Results& results, size_t bytes) {
    auto t0 = Clock::now();
    for (const auto& r : results) builder.Add(*r);
    progress.documents += results.size();
    progress.bytes += bytes;
    results.clear();
    stats.merge += since(t0);
    if (options.progress) options.progress(progress);
  };
  // Exact repeats of a document are extracted once (repeat_cache.h): a
  // repeat of a recent document is copied from its kept result by a worker,
  // a repeat of an earlier document of the same batch once the batch is done.
  RepeatCache repeats(options.repeat_cache_bytes);
  constexpr uint32_t kNone = UINT32_MAX;
  struct Repeat {
    std::shared_ptr<const DocumentResult> kept;  // a kept result with the same text
    uint32_t twin = kNone;                       // an earlier document of the batch with the same text
  };
  auto find_repeats = [&](const std::vector<Document>& docs) {
    std::vector<Repeat> found(docs.size());
    if (options.repeat_cache_bytes == 0) return found;
    std::unordered_map<uint64_t, uint32_t> first;  // text hash -> first document of the batch
    for (size_t i = 0; i < docs.size(); ++i) {
      if ((found[i].kept = repeats.Find(docs[i].text))) {
        ++stats.repeats;
        continue;
      }
      auto [it, added] = first.emplace(HashString(docs[i].text), static_cast<uint32_t>(i));
      if (!added && docs[it->second].text == docs[i].text) {
        found[i].twin = it->second;
        ++stats.repeats;
      }
    }
    return found;
  };

  // A three-stage pipeline: while the workers extract batch k, this thread
  // merges batch k-1 and reads batch k+1.
  std::vector<Document> batch;
  size_t bytes = 0;
  read_batch(&batch, &bytes);
  creator.join();
  if (!created.ok()) return created;
  Results previous;
  size_t previous_bytes = 0;
  while (!batch.empty() && failed.ok()) {
    Results results(batch.size());
    std::vector<Repeat> repeat = find_repeats(batch);
    std::atomic<size_t> next{0};
    auto work = [&](Extractor* ex) {
      for (size_t i = next++; i < batch.size(); i = next++) {
        if (repeat[i].twin != kNone) continue;
        results[i] = std::make_shared<const DocumentResult>(
            repeat[i].kept ? RepeatOf(*repeat[i].kept, std::move(batch[i])) : ex->Extract(std::move(batch[i])));
      }
    };
    auto t0 = Clock::now();
    size_t used = std::min<size_t>(static_cast<size_t>(threads), batch.size());
    std::vector<std::thread> pool;
    for (size_t t = 0; t < used; ++t) pool.emplace_back(work, extractors[t].get());
    merge(previous, previous_bytes);
    std::vector<Document> following;
    size_t following_bytes = 0;
    read_batch(&following, &following_bytes);
    for (auto& th : pool) th.join();
    for (size_t i = 0; i < batch.size(); ++i) {
      if (repeat[i].twin != kNone) {
        results[i] = std::make_shared<const DocumentResult>(RepeatOf(*results[repeat[i].twin], std::move(batch[i])));
      }
      if (options.repeat_cache_bytes > 0) repeats.Add(results[i]);
    }
    stats.extract += since(t0);
    previous = std::move(results);
    previous_bytes = bytes;
    batch = std::move(following);
    bytes = following_bytes;
  }
  if (!failed.ok()) return failed;
  merge(previous, previous_bytes);
  if (builder.document_count() == 0) return InvalidInput("no documents in the input");
  auto t0 = Clock::now();
  KnowledgeGraph graph = builder.Finish();
  stats.finish = since(t0);
  stats.documents = progress.documents;
  stats.bytes = progress.bytes;
  if (options.stats) *options.stats = stats;
  return graph;
}

}  // namespace kg

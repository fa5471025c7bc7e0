#include "kg/graph/pipeline.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "kg/extract/extractor.h"

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
  // Merges a batch's results in input order.
  auto merge = [&](std::vector<DocumentResult>& results, size_t bytes) {
    auto t0 = Clock::now();
    for (const DocumentResult& r : results) builder.Add(r);
    progress.documents += results.size();
    progress.bytes += bytes;
    results.clear();
    stats.merge += since(t0);
    if (options.progress) options.progress(progress);
  };

  // A three-stage pipeline: while the workers extract batch k, this thread
  // merges batch k-1 and reads batch k+1.
  std::vector<Document> batch;
  size_t bytes = 0;
  read_batch(&batch, &bytes);
  creator.join();
  if (!created.ok()) return created;
  std::vector<DocumentResult> previous;
  size_t previous_bytes = 0;
  while (!batch.empty() && failed.ok()) {
    std::vector<DocumentResult> results(batch.size());
    std::atomic<size_t> next{0};
    auto work = [&](Extractor* ex) {
      for (size_t i = next++; i < batch.size(); i = next++) results[i] = ex->Extract(std::move(batch[i]));
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

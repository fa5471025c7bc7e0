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
  std::vector<std::unique_ptr<Extractor>> extractors;
  for (int t = 0; t < threads; ++t) {
    auto ex = Extractor::Create(cfg);
    if (!ex.ok()) return ex.status();
    extractors.push_back(std::move(*ex));
  }

  PipelineStats stats;
  using Clock = std::chrono::steady_clock;
  auto since = [](Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); };
  GraphBuilder builder(options.build);
  PipelineProgress progress;
  bool done = false;
  while (!done) {
    // Read one batch.
    auto t0 = Clock::now();
    std::vector<Document> batch;
    size_t bytes = 0;
    while (bytes < options.batch_bytes) {
      Document doc;
      auto more = source.Next(&doc);
      if (!more.ok()) return more.status();
      if (!*more) {
        done = true;
        break;
      }
      bytes += doc.text.size();
      batch.push_back(std::move(doc));
    }
    if (options.warn) {
      for (const std::string& w : source.TakeWarnings()) options.warn(w);
    }
    stats.read += since(t0);
    if (batch.empty()) break;
    t0 = Clock::now();
    // Extract in parallel; results land at their input index.
    std::vector<DocumentResult> results(batch.size());
    std::atomic<size_t> next{0};
    auto work = [&](Extractor* ex) {
      for (size_t i = next++; i < batch.size(); i = next++) results[i] = ex->Extract(std::move(batch[i]));
    };
    int used = static_cast<int>(std::min<size_t>(static_cast<size_t>(threads), batch.size()));
    std::vector<std::thread> pool;
    for (int t = 1; t < used; ++t) pool.emplace_back(work, extractors[static_cast<size_t>(t)].get());
    work(extractors[0].get());
    for (auto& th : pool) th.join();
    stats.extract += since(t0);
    t0 = Clock::now();
    for (const DocumentResult& r : results) builder.Add(r);
    stats.merge += since(t0);
    progress.documents += batch.size();
    progress.bytes += bytes;
    if (options.progress) options.progress(progress);
  }
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

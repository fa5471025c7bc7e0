#include "kg/graph/pipeline.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "kg/extract/extractor.h"
#include "kg/graph/repeat_cache.h"

namespace kg {

int CappedThreads(int requested) {
  int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (requested <= 0) return cores;
  // Each worker holds an extractor and a share of the window: thousands of
  // them (-j 100000) only cost memory, never speed.
  return std::min(requested, std::max(16, 4 * cores));
}

StatusOr<KnowledgeGraph> BuildGraph(DocumentSource& source, const PipelineOptions& options) {
  int threads = CappedThreads(options.threads);
  // One pool of word analyses for all workers: each distinct word meets
  // hunspell once, not once per thread.
  auto shared_words = std::make_unique<SharedWordCache>();
  ExtractorConfig cfg;
  cfg.lexicon = options.lexicon;
  cfg.shared_words = threads > 1 ? shared_words.get() : nullptr;
  if (!options.hunspell_dir.empty()) cfg.hunspell_dir = options.hunspell_dir;
  cfg.french_syntax = options.french_syntax;
  cfg.english_syntax = options.english_syntax;
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
  // A stream, without batches: this thread reads documents into a window
  // (at most about window_bytes of text) and merges their results in input
  // order as they come; the workers extract the window's documents in turn.
  // Nobody waits for a batch to end, and at the end of the input only the
  // last documents are left to merge.
  //
  // Exact repeats of a document are extracted once (repeat_cache.h): a
  // repeat of a recent document is copied from its kept result by a worker;
  // a repeat of a document still in the window (same text hash) is copied
  // from that one's result when merged.
  RepeatCache repeats(options.repeat_cache_bytes);
  constexpr uint64_t kNone = UINT64_MAX;
  struct Slot {
    Document doc;
    size_t bytes = 0;
    uint64_t hash = 0;
    std::shared_ptr<const DocumentResult> kept;  // a kept result with the same text
    uint64_t twin = kNone;                       // an earlier document of the window with the same text hash
    std::shared_ptr<const DocumentResult> result;
    bool ready = false;
  };
  const size_t window_bytes = std::max<size_t>(options.batch_bytes, 1);
  std::mutex mutex;
  std::condition_variable work_ready, result_ready;
  std::deque<Slot> window;    // window[0] is document number `merged`
  uint64_t merged = 0;        // documents merged
  uint64_t taken = 0;         // documents handed to workers
  size_t held_bytes = 0;      // text in the window
  bool input_done = false;    // nothing more will be read
  bool stop = false;          // workers leave
  uint64_t wake_at = 0;       // the document whose result wakes the merging thread
  std::unordered_map<uint64_t, uint64_t> in_window;  // text hash -> latest document with it
  std::unordered_map<uint64_t, std::shared_ptr<const DocumentResult>> twin_sources;  // merged, still wanted
  std::unordered_map<uint64_t, size_t> twin_wanted;  // document -> later twins not yet merged

  auto worker = [&](Extractor* ex) {
    std::unique_lock<std::mutex> lock(mutex);
    while (true) {
      work_ready.wait(lock, [&] { return stop || taken < merged + window.size() || input_done; });
      if (stop || taken >= merged + window.size()) {
        if (stop || input_done) return;
        continue;
      }
      Slot& slot = window[taken - merged];  // (a deque keeps its elements in place as it grows)
      ++taken;
      uint64_t number = taken - 1;
      if (slot.twin != kNone) {
        slot.ready = true;
        if (number == merged || number >= wake_at) result_ready.notify_one();
        continue;
      }
      Document doc = std::move(slot.doc);
      auto kept = slot.kept;
      lock.unlock();
      auto result = std::make_shared<const DocumentResult>(kept ? RepeatOf(*kept, std::move(doc))
                                                                : ex->Extract(std::move(doc)));
      lock.lock();
      slot.result = std::move(result);
      slot.ready = true;
      // The merging thread waits for the window's first document and the
      // one at wake_at (so it wakes for a run of documents, not for each).
      if (number == merged || number >= wake_at) result_ready.notify_one();
    }
  };

  Status failed;
  // Reads one document into the window; false at the end of the input or on error.
  auto read_one = [&]() {
    auto t0 = Clock::now();
    Slot slot;
    auto more = source.Next(&slot.doc);
    if (options.warn) {
      for (const std::string& w : source.TakeWarnings()) options.warn(w);
    }
    if (!more.ok()) failed = more.status();
    bool got = more.ok() && *more;
    if (got) {
      slot.bytes = slot.doc.text.size();
      if (options.repeat_cache_bytes > 0) {
        slot.hash = RepeatCache::Hash(slot.doc.text);
        slot.kept = repeats.Find(slot.doc.text, slot.hash);
        if (slot.kept) {
          ++stats.repeats;
        } else if (auto it = in_window.find(slot.hash); it != in_window.end()) {
          slot.twin = it->second;
          ++twin_wanted[slot.twin];
          ++stats.repeats;
        }
      }
    }
    std::lock_guard<std::mutex> lock(mutex);
    stats.read += since(t0);
    if (!got) {
      input_done = true;
      work_ready.notify_all();
      return false;
    }
    uint64_t number = merged + window.size();
    if (options.repeat_cache_bytes > 0 && !slot.kept && slot.twin == kNone) in_window[slot.hash] = number;
    held_bytes += slot.bytes;
    window.push_back(std::move(slot));
    work_ready.notify_one();
    return true;
  };
  // Merges the window's first document (ready).
  size_t next_progress = options.batch_bytes;
  std::unique_ptr<Extractor> spare;  // made only if two texts in the window share a hash
  auto merge_first = [&](std::unique_lock<std::mutex>& lock) {
    Slot slot = std::move(window.front());
    window.pop_front();
    uint64_t number = merged++;
    held_bytes -= slot.bytes;
    lock.unlock();
    auto t0 = Clock::now();
    if (slot.twin != kNone) {
      const auto& same = twin_sources.at(slot.twin);
      if (same->text == slot.doc.text) {
        slot.result = std::make_shared<const DocumentResult>(RepeatOf(*same, std::move(slot.doc)));
      } else {  // two texts with one hash: extracted here after all, by an extractor of this thread's
        if (!spare) {
          auto ex = Extractor::Create(cfg);
          if (!ex.ok()) {
            failed = ex.status();
            lock.lock();
            return;
          }
          spare = std::move(*ex);
        }
        slot.result = std::make_shared<const DocumentResult>(spare->Extract(std::move(slot.doc)));
        --stats.repeats;
      }
      if (--twin_wanted[slot.twin] == 0) {
        twin_wanted.erase(slot.twin);
        twin_sources.erase(slot.twin);
      }
    }
    builder.Add(*slot.result);
    if (options.repeat_cache_bytes > 0) {
      if (auto it = in_window.find(slot.hash); it != in_window.end() && it->second == number) in_window.erase(it);
      if (twin_wanted.count(number)) twin_sources[number] = slot.result;
      repeats.Add(slot.result, slot.hash);
    }
    progress.documents += 1;
    progress.bytes += slot.bytes;
    stats.merge += since(t0);
    if (options.progress && progress.bytes >= next_progress) {
      progress.fraction = source.InputFraction();
      options.progress(progress);
      next_progress = progress.bytes + options.batch_bytes;
    }
    lock.lock();
  };

  // The window's first fill, while the extractors are made.
  bool more = true;
  while (more && held_bytes < window_bytes) more = read_one();
  creator.join();
  if (!created.ok()) return created;
  if (!failed.ok()) return failed;
  auto started = Clock::now();
  std::vector<std::thread> pool;
  for (const auto& ex : extractors) pool.emplace_back(worker, ex.get());
  {
    std::unique_lock<std::mutex> lock(mutex);
    while (failed.ok()) {
      if (!window.empty() && window.front().ready) {
        merge_first(lock);
        continue;
      }
      if (!input_done && held_bytes < window_bytes) {
        lock.unlock();
        read_one();
        lock.lock();
        continue;
      }
      if (window.empty()) break;
      size_t run = std::min<size_t>(window.size(), 64);
      wake_at = merged + run - 1;
      result_ready.wait(lock, [&] { return window.front().ready && window[run - 1].ready; });
    }
    stop = true;
    work_ready.notify_all();
  }
  for (auto& th : pool) th.join();
  stats.extract += since(started);
  if (!failed.ok()) return failed;
  if (builder.document_count() == 0) {
    const auto& files = source.files();
    std::string names;
    for (size_t k = 0; k < files.size() && k < 3; ++k) names += (k ? ", " : "") + (files[k] == "-" ? "stdin" : files[k]);
    if (files.size() > 3) names += " and " + std::to_string(files.size() - 3) + " more";
    return InvalidInput(names + ": no documents in the input");
  }
  // What extraction leaves behind (the workers' vocabularies and word
  // caches, the kept results) is freed on a thread of its own while the
  // graph is finished, which is mostly serial work.
  std::thread release([extractors = std::move(extractors), spare = std::move(spare),
                       shared_words = std::move(shared_words), kept = std::move(repeats),
                       twins = std::move(twin_sources)]() mutable {
    extractors.clear();
    spare.reset();
    shared_words.reset();
    twins.clear();
    kept = RepeatCache(0);
  });
  auto t0 = Clock::now();
  KnowledgeGraph graph = builder.Finish();
  release.join();
  stats.finish = since(t0);
  stats.documents = progress.documents;
  stats.bytes = progress.bytes;
  if (options.stats) *options.stats = stats;
  return graph;
}

}  // namespace kg

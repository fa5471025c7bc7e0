#include "kg/graph/pipeline.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
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

namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

ExtractorConfig ConfigOf(const PipelineOptions& options, SharedWordCache* shared_words) {
  ExtractorConfig cfg;
  cfg.lexicon = options.lexicon;
  cfg.shared_words = shared_words;
  if (!options.hunspell_dir.empty()) cfg.hunspell_dir = options.hunspell_dir;
  cfg.french_syntax = options.french_syntax;
  cfg.english_syntax = options.english_syntax;
  cfg.french_types = options.french_types;
  cfg.english_types = options.english_types;
  return cfg;
}

// A document of the window, from reading to merging.
struct Slot {
  Document doc;
  size_t bytes = 0;
  RepeatTracker::Seen seen;  // a repeat copies a kept result or its twin's
  std::shared_ptr<const DocumentResult> result;
  bool ready = false;
};

// A stream, without batches: the calling thread reads documents into a
// window (at most about window_bytes of text) and merges their results in
// input order as they come; the workers extract the window's documents in
// turn. Nobody waits for a batch to end, and at the end of the input only
// the last documents are left to merge. Exact repeats of a document are
// extracted once (RepeatTracker): a repeat of a recent document is copied
// from its kept result by a worker; a repeat of a document still in the
// window is copied from that one's result when merged.
class BuildPipeline {
 public:
  BuildPipeline(DocumentSource& source, const PipelineOptions& options)
      : source_(source),
        options_(options),
        threads_(CappedThreads(options.threads)),
        shared_words_(std::make_unique<SharedWordCache>()),
        cfg_(ConfigOf(options, threads_ > 1 ? shared_words_.get() : nullptr)),
        builder_(options.build),
        repeats_(options.repeat_cache_bytes),
        window_bytes_(std::max<size_t>(options.batch_bytes, 1)),
        next_progress_(options.batch_bytes) {}

  StatusOr<KnowledgeGraph> Run();

 private:
  void CreateExtractors();
  bool ReadOne();
  void Work(Extractor* ex);
  void MergeFirst(std::unique_lock<std::mutex>& lock);
  std::shared_ptr<const DocumentResult> TwinResult(Slot* slot);
  void ReportProgress(size_t bytes);
  void Extract();
  Status NoDocuments() const;
  KnowledgeGraph Finish();

  DocumentSource& source_;
  const PipelineOptions& options_;
  const int threads_;
  // One pool of word analyses for all workers: each distinct word meets
  // hunspell once, not once per thread.
  std::unique_ptr<SharedWordCache> shared_words_;
  const ExtractorConfig cfg_;
  std::vector<std::unique_ptr<Extractor>> extractors_;
  std::unique_ptr<Extractor> spare_;  // made only if two texts in the window share a hash
  Status created_, failed_;
  GraphBuilder builder_;
  RepeatTracker repeats_;
  PipelineStats stats_;
  PipelineProgress progress_;
  const size_t window_bytes_;
  size_t next_progress_;

  std::mutex mutex_;  // guards what follows (the window and the counters)
  std::condition_variable work_ready_, result_ready_;
  std::deque<Slot> window_;  // window_[0] is document number merged_
  uint64_t merged_ = 0;      // documents merged
  uint64_t taken_ = 0;       // documents handed to workers
  size_t held_bytes_ = 0;    // text in the window
  bool input_done_ = false;  // nothing more will be read
  bool stop_ = false;        // workers leave
  uint64_t wake_at_ = 0;     // the document whose result wakes the merging thread
};

// One by one: the first loads the dictionaries the others share.
void BuildPipeline::CreateExtractors() {
  for (int t = 0; t < threads_; ++t) {
    auto ex = Extractor::Create(cfg_);
    if (!ex.ok()) {
      created_ = ex.status();
      return;
    }
    extractors_.push_back(std::move(*ex));
  }
}

// Reads one document into the window; false at the end of the input or on error.
bool BuildPipeline::ReadOne() {
  auto t0 = Clock::now();
  Slot slot;
  auto more = source_.Next(&slot.doc);
  if (options_.warn) {
    for (const std::string& w : source_.TakeWarnings()) options_.warn(w);
  }
  if (!more.ok()) failed_ = more.status();
  const bool got = more.ok() && *more;
  if (got) {
    slot.bytes = slot.doc.text.size();
    // (merged_ and the window change on this thread only.)
    slot.seen = repeats_.Read(slot.doc.text, merged_ + window_.size());
    if (slot.seen.repeat()) ++stats_.repeats;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  stats_.read += Since(t0);
  if (!got) {
    input_done_ = true;
    work_ready_.notify_all();
    return false;
  }
  held_bytes_ += slot.bytes;
  window_.push_back(std::move(slot));
  work_ready_.notify_one();
  return true;
}

void BuildPipeline::Work(Extractor* ex) {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    work_ready_.wait(lock, [&] { return stop_ || taken_ < merged_ + window_.size() || input_done_; });
    if (stop_ || taken_ >= merged_ + window_.size()) {
      if (stop_ || input_done_) return;
      continue;
    }
    Slot& slot = window_[taken_ - merged_];  // (a deque keeps its elements in place as it grows)
    const uint64_t number = taken_++;
    if (slot.seen.twin == RepeatTracker::kNoTwin) {
      Document doc = std::move(slot.doc);
      auto kept = slot.seen.kept;
      lock.unlock();
      auto result = std::make_shared<const DocumentResult>(kept ? RepeatOf(*kept, std::move(doc))
                                                                : ex->Extract(std::move(doc)));
      lock.lock();
      slot.result = std::move(result);
    }
    slot.ready = true;
    // The merging thread waits for the window's first document and the
    // one at wake_at_ (so it wakes for a run of documents, not for each).
    if (number == merged_ || number >= wake_at_) result_ready_.notify_one();
  }
}

// The result of a twin: its earlier twin's, or (two texts with one hash)
// extracted here after all, by an extractor of this thread's; null on error.
std::shared_ptr<const DocumentResult> BuildPipeline::TwinResult(Slot* slot) {
  const auto& same = repeats_.TwinSource(slot->seen.twin);
  if (same->text == slot->doc.text) return std::make_shared<const DocumentResult>(RepeatOf(*same, std::move(slot->doc)));
  if (!spare_) {
    auto ex = Extractor::Create(cfg_);
    if (!ex.ok()) {
      failed_ = ex.status();
      return nullptr;
    }
    spare_ = std::move(*ex);
  }
  --stats_.repeats;
  return std::make_shared<const DocumentResult>(spare_->Extract(std::move(slot->doc)));
}

void BuildPipeline::ReportProgress(size_t bytes) {
  progress_.documents += 1;
  progress_.bytes += bytes;
  if (options_.progress && progress_.bytes >= next_progress_) {
    progress_.fraction = source_.InputFraction();
    options_.progress(progress_);
    next_progress_ = progress_.bytes + options_.batch_bytes;
  }
}

// Merges the window's first document (ready).
void BuildPipeline::MergeFirst(std::unique_lock<std::mutex>& lock) {
  Slot slot = std::move(window_.front());
  window_.pop_front();
  const uint64_t number = merged_++;
  held_bytes_ -= slot.bytes;
  lock.unlock();
  auto t0 = Clock::now();
  if (slot.seen.twin != RepeatTracker::kNoTwin) {
    slot.result = TwinResult(&slot);
    if (!slot.result) {
      lock.lock();
      return;
    }
  }
  builder_.Add(*slot.result);
  repeats_.Merged(number, slot.seen, slot.result);
  ReportProgress(slot.bytes);
  stats_.merge += Since(t0);
  lock.lock();
}

// Reads, extracts and merges until the input ends or fails.
void BuildPipeline::Extract() {
  auto started = Clock::now();
  std::vector<std::thread> pool;
  for (const auto& ex : extractors_) pool.emplace_back([this, e = ex.get()] { Work(e); });
  {
    std::unique_lock<std::mutex> lock(mutex_);
    while (failed_.ok()) {
      if (!window_.empty() && window_.front().ready) {
        MergeFirst(lock);
        continue;
      }
      if (!input_done_ && held_bytes_ < window_bytes_) {
        lock.unlock();
        ReadOne();
        lock.lock();
        continue;
      }
      if (window_.empty()) break;
      size_t run = std::min<size_t>(window_.size(), 64);
      wake_at_ = merged_ + run - 1;
      result_ready_.wait(lock, [&] { return window_.front().ready && window_[run - 1].ready; });
    }
    stop_ = true;
    work_ready_.notify_all();
  }
  for (auto& th : pool) th.join();
  stats_.extract += Since(started);
}

Status BuildPipeline::NoDocuments() const {
  const auto& files = source_.files();
  std::string names;
  for (size_t k = 0; k < files.size() && k < 3; ++k) names += (k ? ", " : "") + (files[k] == "-" ? "stdin" : files[k]);
  if (files.size() > 3) names += " and " + std::to_string(files.size() - 3) + " more";
  return InvalidInput(names + ": no documents in the input");
}

// What extraction leaves behind (the workers' vocabularies and word caches,
// the kept results) is freed on a thread of its own while the graph is
// finished, which is mostly serial work.
KnowledgeGraph BuildPipeline::Finish() {
  std::thread release([extractors = std::move(extractors_), spare = std::move(spare_),
                       shared_words = std::move(shared_words_), repeats = std::move(repeats_)]() mutable {
    extractors.clear();
    spare.reset();
    shared_words.reset();
    repeats = RepeatTracker(0);
  });
  auto t0 = Clock::now();
  KnowledgeGraph graph = builder_.Finish();
  release.join();
  stats_.finish = Since(t0);
  stats_.documents = progress_.documents;
  stats_.bytes = progress_.bytes;
  if (options_.stats) *options_.stats = stats_;
  return graph;
}

StatusOr<KnowledgeGraph> BuildPipeline::Run() {
  // The extractors are made on a thread of their own while the window's
  // first fill is read.
  std::thread creator([this] { CreateExtractors(); });
  bool more = true;
  while (more && held_bytes_ < window_bytes_) more = ReadOne();
  creator.join();
  if (!created_.ok()) return created_;
  if (!failed_.ok()) return failed_;
  Extract();
  if (!failed_.ok()) return failed_;
  if (builder_.document_count() == 0) return NoDocuments();
  return Finish();
}

}  // namespace

StatusOr<KnowledgeGraph> BuildGraph(DocumentSource& source, const PipelineOptions& options) {
  BuildPipeline pipeline(source, options);
  return pipeline.Run();
}

}  // namespace kg

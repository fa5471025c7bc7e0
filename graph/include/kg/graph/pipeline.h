// The build pipeline: documents are read one at a time from a
// DocumentSource, extracted on N threads, and merged into the graph in input
// order, so the result is the same whatever the thread count.
//
//   PipelineOptions opt;
//   opt.threads = 2;
//   opt.lexicon = &lexicon;
//   StatusOr<KnowledgeGraph> g = BuildGraph(*source, opt);
//
// Memory holds a window of documents read ahead (about batch_bytes of text,
// being extracted or waiting to be merged), the results of recent documents
// (repeat_cache_bytes, so exact repeats are copied rather than extracted
// again) and the graph.
// Thread safety: BuildGraph is reentrant; it owns its worker threads.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "kg/base/status.h"
#include "kg/extract/corpus.h"
#include "kg/extract/lexicon.h"
#include "kg/extract/syntax.h"
#include "kg/extract/type_model.h"
#include "kg/graph/builder.h"
#include "kg/graph/graph.h"

namespace kg {

struct PipelineProgress {
  size_t documents = 0;
  size_t bytes = 0;
  double fraction = -1;  // of the input read (DocumentSource::InputFraction); -1 unknown
};

// Where the wall time went (seconds), for `kg build --verbose`.
// Reading and merging run on the calling thread while the workers extract,
// so `extract` (wall time of the overlapped stages) includes them.
struct PipelineStats {
  double read = 0;      // reading and decoding input
  double extract = 0;   // extraction on the worker threads (overlapping read and merge)
  double merge = 0;     // merging document results into the graph
  double finish = 0;    // ids, surname merging, canonical order
  size_t documents = 0;
  size_t bytes = 0;
  size_t repeats = 0;   // documents whose results were copied from an earlier one with the same text
};

struct PipelineOptions {
  int threads = 0;                      // 0: all hardware threads; at most CappedThreads()
  const Lexicon* lexicon = nullptr;
  std::string hunspell_dir;             // empty: DefaultHunspellDir()
  // Syntax models (optional): relations are also read from dependency trees.
  const SyntaxModel* french_syntax = nullptr;
  const SyntaxModel* english_syntax = nullptr;
  // Entity-type models (optional): the learned typer of kg/extract/type_model.h.
  const TypeModel* french_types = nullptr;
  const TypeModel* english_types = nullptr;
  BuildOptions build;
  size_t batch_bytes = 8u << 20;        // text read ahead of the merge (the window); progress every as much
  // Recent results kept to copy for exact repeats of a document (0: none).
  size_t repeat_cache_bytes = 32u << 20;
  std::function<void(const PipelineProgress&)> progress;  // called each time batch_bytes more are merged
  std::function<void(const std::string&)> warn;           // input warnings
  PipelineStats* stats = nullptr;       // optional: filled with phase timings
};

StatusOr<KnowledgeGraph> BuildGraph(DocumentSource& source, const PipelineOptions& options);

// The worker count BuildGraph uses for `requested` threads: all hardware
// threads for 0, else `requested` up to max(16, 4 x hardware threads).
int CappedThreads(int requested);

}  // namespace kg

// The one-paragraph summary `kg build` and `kg merge` print.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "kg/graph/graph.h"
#include "kg/graph/pipeline.h"

namespace kg::cli {

// "Read N documents ...: entities ..., relations .... Most connected: ...\n"
std::string Summary(const KnowledgeGraph& g);
// "Wrote out/graph.graphml (1.2 MB), ... in 6.3 s.\n": the files with their sizes, the run time.
std::string WroteLine(const std::vector<std::string>& files, double seconds);
// "\r42% read, 1234 documents, 56 MB, 12 s" (a line of its own when not on a terminal).
std::string ProgressLine(const PipelineProgress& p, std::chrono::steady_clock::time_point start, bool terminal);
// "Removed stale a, b (formats not asked for).\n", or "" when none.
std::string RemovedLine(const std::vector<std::string>& removed);

}  // namespace kg::cli

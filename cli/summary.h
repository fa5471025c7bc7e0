// The one-paragraph summary `kg build` and `kg merge` print.
#pragma once

#include <string>
#include <vector>

#include "kg/graph/graph.h"

namespace kg::cli {

std::string Summary(const KnowledgeGraph& g, const std::vector<std::string>& files);
// "Removed stale a, b (formats not asked for).\n", or "" when none.
std::string RemovedLine(const std::vector<std::string>& removed);

}  // namespace kg::cli

// Shared by the fuzz targets: whatever graph a loader accepted must export in
// every format and survive the query algorithms.
#pragma once

#include "kg/export/writer.h"
#include "kg/graph/graph.h"
#include "kg/graph/query.h"

namespace kg::fuzz {

inline void ExerciseGraph(const KnowledgeGraph& g) {
  for (const auto& f : WriterFormats()) MakeWriter(f)->Write(g);
  if (g.node_count() > 0 && g.node_count() < 200) {
    PageRank(g);
    Betweenness(g);
    size_t n;
    Components(g, &n);
    ShortestPaths(g, 0, static_cast<NodeId>(g.node_count() - 1), {});
  }
}

}  // namespace kg::fuzz

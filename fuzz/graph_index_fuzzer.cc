// Fuzzes the graph.kgi decoder used by kg query and kg merge: any bytes must
// give a graph or an error, never a crash; a decoded graph must export and
// survive the query algorithms.
#include <cstdint>
#include <memory>
#include <string>

#include "kg/export/writer.h"
#include "kg/graph/graph_index.h"
#include "kg/graph/query.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto bytes = std::make_shared<std::string>(reinterpret_cast<const char*>(data), size);
  auto g = kg::DecodeGraphIndex(*bytes, bytes, nullptr, "fuzz.kgi", "fuzz.json");
  if (!g.ok()) return 0;
  for (const auto& f : kg::WriterFormats()) kg::MakeWriter(f)->Write(*g);
  if (g->node_count() > 0 && g->node_count() < 200) {
    kg::PageRank(*g);
    kg::Betweenness(*g);
    size_t n;
    kg::Components(*g, &n);
    kg::ShortestPaths(*g, 0, static_cast<kg::NodeId>(g->node_count() - 1), {});
  }
  return 0;
}

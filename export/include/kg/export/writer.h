// One writer per output format behind one interface: node-link JSON (the
// graph's own store, read by kg query and NetworkX), GraphML (Gephi, yEd,
// Cytoscape, NetworkX, igraph) and DOT (Graphviz).
//
//   std::unique_ptr<GraphWriter> w = MakeWriter("graphml");
//   std::string bytes = w->Write(graph);       // or Write(graph, &buffer) to stream
//   Status s = WriteGraphFiles(graph, "out", {"graphml", "dot", "json"});
//
// Output is a pure function of the graph: same graph, same bytes.
// Thread safety: writers are stateless; Write() is reentrant.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kg/base/output.h"
#include "kg/base/status.h"
#include "kg/graph/graph.h"

namespace kg {

inline constexpr std::string_view kGenerator = "kg";
inline constexpr std::string_view kVersion = "0.1.0";

class GraphWriter {
 public:
  virtual ~GraphWriter() = default;
  virtual std::string_view format() const = 0;     // "json", "graphml", "dot"
  virtual std::string_view extension() const = 0;  // ".json", ...
  // Streams the output: appends to out->str() and calls out->Flush() between
  // items, so a file never sits whole in memory.
  virtual void Write(const KnowledgeGraph& graph, OutputBuffer* out) const = 0;
  // The whole output as one string.
  std::string Write(const KnowledgeGraph& graph) const {
    OutputBuffer whole;
    Write(graph, &whole);
    return whole.Take();
  }
};

// nullptr for an unknown format.
std::unique_ptr<GraphWriter> MakeWriter(std::string_view format);
std::vector<std::string> WriterFormats();  // {"graphml", "dot", "json"}

// Writes DIR/graph.<ext> for each format, all or nothing (temporary files
// renamed into place once every one is written), the formats in parallel.
// With json comes graph.kgi, its index for fast loading (graph_index.h).
// Creates DIR if needed.
Status WriteGraphFiles(const KnowledgeGraph& graph, const std::string& dir, const std::vector<std::string>& formats);
// Writes one file whose format is chosen by its extension (.graphml, .dot, .gv, .json).
Status WriteGraphFile(const KnowledgeGraph& graph, const std::string& path);

}  // namespace kg

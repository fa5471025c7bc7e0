// One writer per output format behind one interface: node-link JSON (the
// graph's own store, read by kg query and NetworkX), GraphML (Gephi, yEd,
// Cytoscape, NetworkX, igraph), DOT (Graphviz), GEXF 1.3 (Gephi, with time
// intervals), Neo4j import CSV and Cytoscape.js JSON.
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
  virtual std::string_view format() const = 0;     // "json", "graphml", "dot", ...
  virtual std::string_view extension() const = 0;  // ".json", ...
  // The files the format writes in an output directory: most write one,
  // graph<extension>; a format of several files (neo4j) names them and
  // writes each with WritePart.
  virtual std::vector<std::string> FileNames() const { return {"graph" + std::string(extension())}; }
  virtual void WritePart(size_t k, const KnowledgeGraph& graph, OutputBuffer* out) const {
    (void)k;
    Write(graph, out);
  }
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
// Every format: {"graphml", "dot", "json", "gexf", "neo4j", "cyjs", "html"}
// ("html" only when kg was built with its drawing library).
std::vector<std::string> WriterFormats();
// The same as one line for messages: "graphml, dot, json, ...".
std::string WriterFormatList();
// Why MakeWriter(format) gave nullptr, for a message.
std::string UnknownFormat(std::string_view format);

// Writes every file of each format (DIR/graph.<ext>; neo4j's three) as one
// set, the files in parallel: staged, then committed together (atomic_file.h,
// commit_journal.h), so DIR holds the whole old set or the whole new one.
// With json comes graph.kgi, its index for fast loading (graph_index.h).
// The files of kg's formats not in `formats` (StaleOutputs), left by an
// earlier run, are removed as part of the commit, once the new files are in
// place; `removed`, if given, receives their paths. Creates DIR if needed.
Status WriteGraphFiles(const KnowledgeGraph& graph, const std::string& dir, const std::vector<std::string>& formats,
                       std::vector<std::string>* removed = nullptr);
// The paths WriteGraphFiles writes in `dir` for these formats (without
// graph.kgi), in order.
std::vector<std::string> OutputPaths(const std::string& dir, const std::vector<std::string>& formats);
// The regular files of kg's formats in `dir` that are not of `formats` (and
// graph.kgi without json): what a write of `formats` into `dir` removes.
std::vector<std::string> StaleOutputs(const std::string& dir, const std::vector<std::string>& formats);
// Removes StaleOutputs(dir, formats) at once, outside a write. Returns the
// paths removed.
std::vector<std::string> RemoveStaleOutputs(const std::string& dir, const std::vector<std::string>& formats);
// Writes one file whose format is chosen by its extension (.graphml, .dot, .gv, .json).
Status WriteGraphFile(const KnowledgeGraph& graph, const std::string& path);

}  // namespace kg

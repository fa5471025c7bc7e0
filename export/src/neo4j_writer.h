// Internal: the neo4j writer (nodes.csv, relationships.csv, load.cypher) (see kg/export/writer.h).
#pragma once

#include "kg/export/writer.h"

namespace kg {

class Neo4jWriter : public GraphWriter {
 public:
  std::string_view format() const override { return "neo4j"; }
  std::string_view extension() const override { return ".csv"; }
  std::vector<std::string> FileNames() const override { return {"nodes.csv", "relationships.csv", "load.cypher"}; }
  void WritePart(size_t k, const KnowledgeGraph& graph, OutputBuffer* out) const override;
  using GraphWriter::Write;
  // nodes.csv alone (the one file of a single-file write).
  void Write(const KnowledgeGraph& graph, OutputBuffer* out) const override { WritePart(0, graph, out); }
};

}  // namespace kg

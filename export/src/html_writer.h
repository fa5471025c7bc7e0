// Internal: the HTML page writer (one self-contained interactive page: cytoscape.js, our script, the graph) (see kg/export/writer.h).
#pragma once

#include "kg/export/writer.h"

namespace kg {

// The page shows at most kMaxNodes entities (the most connected) and the
// kMaxEdges strongest links among them, each with at most kMaxEvidence
// sentences, each entity with its first kMaxDocuments documents, and says
// how many were left out.
class HtmlWriter : public GraphWriter {
 public:
  static constexpr size_t kMaxNodes = 500;
  static constexpr size_t kMaxEdges = 3000;
  static constexpr size_t kMaxEvidence = 5;
  static constexpr size_t kMaxDocuments = 20;  // listed per entity (all are counted)
  // False when kg was built without the drawing library (no npm).
  static bool Available();
  std::string_view format() const override { return "html"; }
  std::string_view extension() const override { return ".html"; }
  using GraphWriter::Write;
  void Write(const KnowledgeGraph& graph, OutputBuffer* out) const override;
};

}  // namespace kg

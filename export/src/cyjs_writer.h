// Internal: the Cytoscape.js JSON writer (.cyjs, read by Cytoscape desktop and cytoscape.js) (see kg/export/writer.h).
#pragma once

#include "kg/export/writer.h"

namespace kg {

class CyjsWriter : public GraphWriter {
 public:
  std::string_view format() const override { return "cyjs"; }
  std::string_view extension() const override { return ".cyjs"; }
  using GraphWriter::Write;
  void Write(const KnowledgeGraph& graph, OutputBuffer* out) const override;
};

}  // namespace kg

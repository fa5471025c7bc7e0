// Internal: the graphml writer (see kg/export/writer.h).
#pragma once

#include "kg/export/writer.h"

namespace kg {

class GraphmlWriter : public GraphWriter {
 public:
  std::string_view format() const override { return "graphml"; }
  std::string_view extension() const override { return ".graphml"; }
  using GraphWriter::Write;
  void Write(const KnowledgeGraph& graph, OutputBuffer* out) const override;
};

}  // namespace kg

// Internal: the gexf writer (see kg/export/writer.h).
#pragma once

#include "kg/export/writer.h"

namespace kg {

class GexfWriter : public GraphWriter {
 public:
  std::string_view format() const override { return "gexf"; }
  std::string_view extension() const override { return ".gexf"; }
  using GraphWriter::Write;
  void Write(const KnowledgeGraph& graph, OutputBuffer* out) const override;
};

}  // namespace kg

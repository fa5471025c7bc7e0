// Internal: the dot writer (see kg/export/writer.h).
#pragma once

#include "kg/export/writer.h"

namespace kg {

class DotWriter : public GraphWriter {
 public:
  std::string_view format() const override { return "dot"; }
  std::string_view extension() const override { return ".dot"; }
  using GraphWriter::Write;
  void Write(const KnowledgeGraph& graph, OutputBuffer* out) const override;
};

}  // namespace kg

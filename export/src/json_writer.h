// Internal: the json writer (see kg/export/writer.h).
#pragma once

#include "kg/export/writer.h"

namespace kg {

class JsonWriter : public GraphWriter {
 public:
  std::string_view format() const override { return "json"; }
  std::string_view extension() const override { return ".json"; }
  using GraphWriter::Write;
  void Write(const KnowledgeGraph& graph, OutputBuffer* out) const override;
};

}  // namespace kg

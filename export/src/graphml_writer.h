// Internal: the graphml writer (see kg/export/writer.h).
#pragma once

#include "kg/export/writer.h"

namespace kg {

class GraphmlWriter : public GraphWriter {
 public:
  std::string_view format() const override { return "graphml"; }
  std::string_view extension() const override { return ".graphml"; }
  std::string Write(const KnowledgeGraph& graph) const override;
};

}  // namespace kg

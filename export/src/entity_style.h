// Internal: how each entity type looks in the formats that carry drawing
// hints (DOT, GEXF, Cytoscape, the HTML page): one colour and shape a type.
#pragma once

#include <cstdint>

#include "kg/extract/document.h"

namespace kg {

struct EntityStyle {
  const char* color;      // "#rrggbb"
  uint8_t r, g, b;        // the same colour
  const char* dot_shape;  // Graphviz
  const char* shape;      // Cytoscape / Gephi-like name
};

const EntityStyle& StyleOf(EntityType type);

}  // namespace kg

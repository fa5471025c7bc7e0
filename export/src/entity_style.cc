#include "entity_style.h"

namespace kg {

const EntityStyle& StyleOf(EntityType type) {
  static constexpr EntityStyle kStyles[kEntityTypeCount] = {
      {"#a6cee3", 0xa6, 0xce, 0xe3, "ellipse", "ellipse"},       // PERSON
      {"#fdbf6f", 0xfd, 0xbf, 0x6f, "box", "round-rectangle"},   // ORG
      {"#b2df8a", 0xb2, 0xdf, 0x8a, "hexagon", "hexagon"},       // LOCATION
      {"#cab2d6", 0xca, 0xb2, 0xd6, "component", "diamond"},     // PRODUCT
      {"#dddddd", 0xdd, 0xdd, 0xdd, "octagon", "octagon"},       // OTHER
  };
  return kStyles[static_cast<int>(type)];
}

}  // namespace kg

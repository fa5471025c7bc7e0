// Positions for drawing a graph: a force-directed layout (Boost.Graph's
// Fruchterman-Reingold) computed once when a page is written, so a browser
// only draws.
//
//   std::vector<Point2> at = ForceLayout(3, {{0, 1}, {1, 2}});
//
// Deterministic (a fixed seed): same input, same positions. Thread safety:
// a pure function.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace kg {

struct Point2 {
  double x = 0;
  double y = 0;
};

// Positions of nodes 0..n-1 linked by `links` (index pairs, direction
// ignored) in a square whose side grows with sqrt(n).
std::vector<Point2> ForceLayout(std::size_t n, const std::vector<std::pair<uint32_t, uint32_t>>& links);

}  // namespace kg

#include "kg/graph/layout.h"

#include <gtest/gtest.h>

#include <cmath>

namespace kg {
namespace {

double Distance(const Point2& a, const Point2& b) { return std::hypot(a.x - b.x, a.y - b.y); }

// Two triangles joined by one link, and a loner.
TEST(LayoutTest, LinkedNodesLieCloserAndTheLayoutRepeats) {
  std::vector<std::pair<uint32_t, uint32_t>> links{{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {2, 3}};
  std::vector<Point2> at = ForceLayout(7, links);
  ASSERT_EQ(at.size(), 7u);
  for (const Point2& p : at) EXPECT_TRUE(std::isfinite(p.x) && std::isfinite(p.y));
  double inside = (Distance(at[0], at[1]) + Distance(at[3], at[4])) / 2;
  double across = (Distance(at[0], at[4]) + Distance(at[1], at[5])) / 2;
  EXPECT_LT(inside, across);
  std::vector<Point2> again = ForceLayout(7, links);
  for (size_t v = 0; v < at.size(); ++v) EXPECT_TRUE(at[v].x == again[v].x && at[v].y == again[v].y) << v;
}

TEST(LayoutTest, EdgeCases) {
  EXPECT_TRUE(ForceLayout(0, {}).empty());
  EXPECT_EQ(ForceLayout(1, {{0, 0}, {0, 5}}).size(), 1u);  // self-loops and unknown nodes ignored
}

}  // namespace
}  // namespace kg

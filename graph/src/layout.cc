#include "kg/graph/layout.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>

#include <cmath>

namespace kg {

std::vector<Point2> ForceLayout(size_t n, const std::vector<std::pair<uint32_t, uint32_t>>& links) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  using Topology = boost::rectangle_topology<boost::minstd_rand>;
  Graph g(n);
  for (const auto& [a, b] : links) {
    if (a != b && a < n && b < n) boost::add_edge(a, b, g);
  }
  double half = 60.0 * std::sqrt(static_cast<double>(std::max<size_t>(n, 1)));
  boost::minstd_rand gen(20);
  Topology square(gen, -half, -half, half, half);
  std::vector<Topology::point_type> at(n);
  auto position = boost::make_iterator_property_map(at.begin(), boost::get(boost::vertex_index, g));
  boost::random_graph_layout(g, position, square);
  boost::fruchterman_reingold_force_directed_layout(g, position, square,
                                                    boost::cooling(boost::linear_cooling<double>(150)));
  std::vector<Point2> out(n);
  for (size_t v = 0; v < n; ++v) out[v] = {std::round(at[v][0] * 10) / 10, std::round(at[v][1] * 10) / 10};
  return out;
}

}  // namespace kg

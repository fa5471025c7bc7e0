// Internal: the Boost.Graph storage behind KnowledgeGraph.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <unordered_map>

#include "kg/graph/graph.h"

namespace kg {

// Edge properties in a vector (EdgeListS = vecS): one allocation per graph,
// not one list node per edge.
using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeData,
                                         boost::property<boost::edge_index_t, EdgeId, EdgeData>, boost::no_property,
                                         boost::vecS>;

struct KnowledgeGraph::Impl {
  BoostGraph g;
  std::unordered_map<std::string, NodeId> by_id;
};

}  // namespace kg

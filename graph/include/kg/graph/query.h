// Questions asked of a KnowledgeGraph: name resolution, neighbourhoods,
// shortest paths, centrality (Boost.Graph's page_rank and
// brandes_betweenness_centrality), connected components, ego subgraphs.
//
//   NameIndex names(g);
//   NameMatch m = names.Resolve("etats-unis");     // label, then alias; case/accent-insensitive
//   auto paths = ShortestPaths(g, a, b, {});        // hops with their edges
//
// All results are deterministic (ties broken by node id). Thread safety:
// const functions over a const graph; safe to call concurrently.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kg/graph/graph.h"

namespace kg {

struct NameMatch {
  std::optional<NodeId> node;        // the entity, when the name is unambiguous
  std::vector<NodeId> candidates;    // several entities answer to the name
  std::vector<NodeId> suggestions;   // nothing answers: the closest names
};

class NameIndex {
 public:
  explicit NameIndex(const KnowledgeGraph& graph);
  NameMatch Resolve(std::string_view name) const;

 private:
  const KnowledgeGraph& g_;
  std::unordered_map<std::string, std::vector<NodeId>> by_label_, by_alias_;
};

enum class KindFilter { kRelation, kCooccurrence, kAll };
enum class Direction { kOut, kIn, kBoth };

bool ParseKindFilter(std::string_view s, KindFilter* out);
bool ParseDirection(std::string_view s, Direction* out);

struct EdgeFilter {
  KindFilter kind = KindFilter::kAll;
  Direction direction = Direction::kBoth;
  std::string relation;  // empty: any
  bool Accepts(const EdgeData& e) const;
};

// One step along an edge; `forward` when it follows the edge's direction.
struct Hop {
  EdgeId edge;
  NodeId from;
  NodeId to;
  bool forward;
};

struct Neighbor {
  NodeId node;
  int depth;
  Hop via;  // the edge that first reached it (from a node one step closer)
};

// Breadth-first neighbourhood up to `depth` (>= 1), start excluded, ordered
// by depth then by strongest connecting edge weight, then id.
std::vector<Neighbor> Neighbors(const KnowledgeGraph& g, NodeId start, int depth, const EdgeFilter& filter);

struct PathOptions {
  int max_length = 6;
  bool all = false;        // every shortest path, not just the first
  size_t max_paths = 50;
  KindFilter kind = KindFilter::kAll;
};
// Shortest paths from a to b ignoring edge direction; empty when none within
// max_length. Among equally short paths the one with heavier edges comes first.
std::vector<std::vector<Hop>> ShortestPaths(const KnowledgeGraph& g, NodeId a, NodeId b, const PathOptions& opt);

// Edges between a and b (or all edges at a when b is empty).
std::vector<Hop> EdgesAt(const KnowledgeGraph& g, NodeId a, std::optional<NodeId> b, const EdgeFilter& filter);

// Distinct neighbours over all edges.
std::vector<size_t> Degrees(const KnowledgeGraph& g);
std::vector<double> PageRank(const KnowledgeGraph& g);
// Exact on graphs of at most max_nodes entities (0: always exact); beyond,
// computed on the subgraph of the max_nodes best-connected entities (others
// get 0) and *approximate is set.
std::vector<double> Betweenness(const KnowledgeGraph& g, size_t max_nodes = 0, bool* approximate = nullptr);
// Weakly connected components: component index per node, numbered by
// decreasing size (0 is the largest), ties by smallest node id.
std::vector<size_t> Components(const KnowledgeGraph& g, size_t* count);

// The graph induced by the seeds and every node within `depth` steps.
KnowledgeGraph Subgraph(const KnowledgeGraph& g, const std::vector<NodeId>& seeds, int depth);

// Levenshtein distance over code points.
size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace kg

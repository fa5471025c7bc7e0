#include "kg/graph/query.h"

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/page_rank.hpp>

#include <algorithm>
#include <deque>
#include <map>
#include <functional>
#include <set>

#include "graph_impl.h"
#include "kg/base/text.h"

namespace kg {

namespace {

std::u32string Decode(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    size_t len;
    out.push_back(DecodeUtf8(s, i, &len));
    i += len;
  }
  return out;
}

using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// One undirected edge per connected pair, for centrality and components.
Undirected SimpleUndirected(const KnowledgeGraph& g) {
  std::vector<std::pair<NodeId, NodeId>> pairs;
  pairs.reserve(g.edge_count());
  for (const EdgeRef& e : g.edges()) {
    if (e.source != e.target) pairs.push_back(std::minmax(e.source, e.target));
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return Undirected(pairs.begin(), pairs.end(), g.node_count());
}

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b) {
  std::u32string x = Decode(a), y = Decode(b);
  std::vector<size_t> prev(y.size() + 1), cur(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

NameIndex::NameIndex(const KnowledgeGraph& graph) : g_(graph) {
  for (NodeId v = 0; v < g_.node_count(); ++v) {
    const NodeData& n = g_.node(v);
    by_label_[FoldName(n.label)].push_back(v);
    by_label_[FoldName(n.id)].push_back(v);
    for (const auto& a : n.aliases) by_alias_[FoldName(a)].push_back(v);
  }
  for (auto* m : {&by_label_, &by_alias_}) {
    for (auto& [k, v] : *m) {
      std::sort(v.begin(), v.end());
      v.erase(std::unique(v.begin(), v.end()), v.end());
    }
  }
}

NameMatch NameIndex::Resolve(std::string_view name) const {
  NameMatch m;
  std::string key = FoldName(name);
  // Exact label first (case and accents kept), then folded label, then alias.
  std::vector<NodeId> exact;
  for (NodeId v = 0; v < g_.node_count(); ++v) if (g_.node(v).label == name) exact.push_back(v);
  if (exact.size() == 1) {
    m.node = exact[0];
    return m;
  }
  for (const auto* index : {&by_label_, &by_alias_}) {
    auto it = index->find(key);
    if (it == index->end()) continue;
    if (it->second.size() == 1) m.node = it->second[0];
    else m.candidates = it->second;
    return m;
  }
  // Nothing: the closest labels and aliases — close ones when there are,
  // else the three least far, so the user always gets somewhere to go.
  std::vector<std::pair<size_t, NodeId>> scored;
  for (NodeId v = 0; v < g_.node_count(); ++v) {
    size_t best = EditDistance(key, FoldName(g_.node(v).label));
    for (const auto& a : g_.node(v).aliases) best = std::min(best, EditDistance(key, FoldName(a)));
    scored.emplace_back(best, v);
  }
  std::sort(scored.begin(), scored.end());
  size_t close = std::max<size_t>(2, Decode(key).size() / 3);
  size_t n = 0;
  while (n < scored.size() && n < 5 && scored[n].first <= close) ++n;
  if (n == 0) n = std::min<size_t>(3, scored.size());
  for (size_t i = 0; i < n; ++i) m.suggestions.push_back(scored[i].second);
  return m;
}

bool ParseKindFilter(std::string_view s, KindFilter* out) {
  if (s == "relation") *out = KindFilter::kRelation;
  else if (s == "cooccurrence") *out = KindFilter::kCooccurrence;
  else if (s == "all") *out = KindFilter::kAll;
  else return false;
  return true;
}

bool ParseDirection(std::string_view s, Direction* out) {
  if (s == "out") *out = Direction::kOut;
  else if (s == "in") *out = Direction::kIn;
  else if (s == "both") *out = Direction::kBoth;
  else return false;
  return true;
}

bool EdgeFilter::Accepts(const EdgeData& e) const {
  if (kind == KindFilter::kRelation && e.kind != EdgeKind::kRelation) return false;
  if (kind == KindFilter::kCooccurrence && e.kind != EdgeKind::kCooccurrence) return false;
  if (!relation.empty() && e.relation != relation) return false;
  return true;
}

namespace {

// Hops leaving v that the filter allows, in canonical edge order.
// Co-occurrence edges have no direction: they pass every direction filter.
std::vector<Hop> Steps(const KnowledgeGraph& g, NodeId v, const EdgeFilter& f) {
  std::vector<Hop> out;
  for (EdgeId e : g.out_edges(v)) {
    const EdgeRef& r = g.edge(e);
    if (!f.Accepts(*r.data)) continue;
    if (f.direction == Direction::kIn && r.data->kind == EdgeKind::kRelation) continue;
    out.push_back({e, v, r.target, true});
  }
  for (EdgeId e : g.in_edges(v)) {
    const EdgeRef& r = g.edge(e);
    if (!f.Accepts(*r.data)) continue;
    if (f.direction == Direction::kOut && r.data->kind == EdgeKind::kRelation) continue;
    out.push_back({e, v, r.source, false});
  }
  return out;
}

}  // namespace

std::vector<Neighbor> Neighbors(const KnowledgeGraph& g, NodeId start, int depth, const EdgeFilter& filter) {
  std::vector<Neighbor> out;
  std::vector<int> seen(g.node_count(), -1);
  seen[start] = 0;
  std::vector<NodeId> frontier{start};
  for (int d = 1; d <= depth && !frontier.empty(); ++d) {
    // Best edge into each newly reached node.
    std::map<NodeId, Hop> best;
    for (NodeId v : frontier) {
      for (const Hop& h : Steps(g, v, filter)) {
        if (seen[h.to] >= 0) continue;
        auto it = best.find(h.to);
        if (it == best.end() || g.edge(h.edge).data->weight > g.edge(it->second.edge).data->weight ||
            (g.edge(h.edge).data->kind == EdgeKind::kRelation &&
             g.edge(it->second.edge).data->kind == EdgeKind::kCooccurrence &&
             g.edge(h.edge).data->weight == g.edge(it->second.edge).data->weight)) {
          best[h.to] = h;
        }
      }
    }
    std::vector<Neighbor> level;
    for (const auto& [v, h] : best) {
      seen[v] = d;
      level.push_back({v, d, h});
    }
    std::sort(level.begin(), level.end(), [&](const Neighbor& a, const Neighbor& b) {
      uint64_t wa = g.edge(a.via.edge).data->weight, wb = g.edge(b.via.edge).data->weight;
      bool ra = g.edge(a.via.edge).data->kind == EdgeKind::kRelation;
      bool rb = g.edge(b.via.edge).data->kind == EdgeKind::kRelation;
      if (ra != rb) return ra;
      if (wa != wb) return wa > wb;
      return a.node < b.node;
    });
    frontier.clear();
    for (const Neighbor& n : level) {
      frontier.push_back(n.node);
      out.push_back(n);
    }
  }
  return out;
}

std::vector<std::vector<Hop>> ShortestPaths(const KnowledgeGraph& g, NodeId a, NodeId b, const PathOptions& opt) {
  EdgeFilter f;
  f.kind = opt.kind;
  // BFS from a recording every predecessor hop on a shortest path.
  std::vector<int> dist(g.node_count(), -1);
  std::vector<std::vector<Hop>> preds(g.node_count());
  dist[a] = 0;
  std::deque<NodeId> queue{a};
  while (!queue.empty()) {
    NodeId v = queue.front();
    queue.pop_front();
    if (v == b || dist[v] >= opt.max_length) continue;
    for (const Hop& h : Steps(g, v, f)) {
      if (dist[h.to] < 0) {
        dist[h.to] = dist[v] + 1;
        queue.push_back(h.to);
      }
      if (dist[h.to] == dist[v] + 1) preds[h.to].push_back(h);
    }
  }
  std::vector<std::vector<Hop>> paths;
  if (a == b || dist[b] < 0) return paths;
  // Enumerate paths backwards, heavier hops first.
  for (auto& p : preds) {
    std::stable_sort(p.begin(), p.end(), [&](const Hop& x, const Hop& y) {
      const EdgeData& ex = *g.edge(x.edge).data;
      const EdgeData& ey = *g.edge(y.edge).data;
      if ((ex.kind == EdgeKind::kRelation) != (ey.kind == EdgeKind::kRelation)) return ex.kind == EdgeKind::kRelation;
      return ex.weight > ey.weight;
    });
  }
  size_t limit = opt.all ? opt.max_paths : 1;
  std::vector<Hop> stack;
  std::function<void(NodeId)> walk = [&](NodeId v) {
    if (paths.size() >= limit) return;
    if (v == a) {
      paths.emplace_back(stack.rbegin(), stack.rend());
      return;
    }
    for (const Hop& h : preds[v]) {
      // h goes from h.from (closer to a) to v.
      stack.push_back(h);
      walk(h.from);
      stack.pop_back();
      if (paths.size() >= limit) return;
    }
  };
  walk(b);
  return paths;
}

std::vector<Hop> EdgesAt(const KnowledgeGraph& g, NodeId a, std::optional<NodeId> b, const EdgeFilter& filter) {
  std::vector<Hop> out;
  for (const Hop& h : Steps(g, a, filter)) {
    if (!b || h.to == *b) out.push_back(h);
  }
  std::stable_sort(out.begin(), out.end(), [&](const Hop& x, const Hop& y) {
    const EdgeData& ex = *g.edge(x.edge).data;
    const EdgeData& ey = *g.edge(y.edge).data;
    if ((ex.kind == EdgeKind::kRelation) != (ey.kind == EdgeKind::kRelation)) return ex.kind == EdgeKind::kRelation;
    return ex.weight > ey.weight;
  });
  return out;
}

std::vector<size_t> Degrees(const KnowledgeGraph& g) {
  std::vector<size_t> out(g.node_count());
  std::vector<NodeId> nb;
  for (NodeId v = 0; v < g.node_count(); ++v) {
    nb.clear();
    for (EdgeId e : g.out_edges(v)) nb.push_back(g.edge(e).target);
    for (EdgeId e : g.in_edges(v)) nb.push_back(g.edge(e).source);
    std::sort(nb.begin(), nb.end());
    nb.erase(std::unique(nb.begin(), nb.end()), nb.end());
    out[v] = nb.size() - static_cast<size_t>(std::binary_search(nb.begin(), nb.end(), v));
  }
  return out;
}

std::vector<double> PageRank(const KnowledgeGraph& g) {
  // On the directed multigraph: every stated relation and co-mention votes.
  // Co-occurrence edges count both ways.
  // A compressed sparse row graph: built in one go, and its arrays make
  // the 50 sweeps over the edges fast.
  using Directed = boost::compressed_sparse_row_graph<boost::bidirectionalS>;
  std::vector<std::pair<NodeId, NodeId>> arcs;
  arcs.reserve(g.edge_count() * 2);
  for (const EdgeRef& e : g.edges()) {
    if (e.source == e.target) continue;
    arcs.emplace_back(e.source, e.target);
    if (e.data->kind == EdgeKind::kCooccurrence) arcs.emplace_back(e.target, e.source);
  }
  std::vector<double> rank(g.node_count(), 0.0);
  if (g.node_count() == 0) return rank;
  Directed d(boost::edges_are_unsorted_multi_pass, arcs.begin(), arcs.end(), g.node_count());
  boost::graph::page_rank(d, boost::make_iterator_property_map(rank.begin(), boost::get(boost::vertex_index, d)),
                   boost::graph::n_iterations(50), 0.85);
  double total = 0;
  for (double r : rank) total += r;
  if (total > 0) for (double& r : rank) r /= total;  // a probability distribution
  return rank;
}

std::vector<double> Betweenness(const KnowledgeGraph& g, size_t max_nodes, bool* approximate) {
  std::vector<double> c(g.node_count(), 0.0);
  if (approximate) *approximate = false;
  if (g.node_count() == 0) return c;
  if (max_nodes == 0 || g.node_count() <= max_nodes) {
    Undirected u = SimpleUndirected(g);
    boost::brandes_betweenness_centrality(
        u, boost::centrality_map(boost::make_iterator_property_map(c.begin(), boost::get(boost::vertex_index, u))));
    return c;
  }
  // Brandes is O(V·E): on a large graph, run it on the subgraph induced by
  // the max_nodes best-connected entities (ties by id), where the brokers are.
  if (approximate) *approximate = true;
  std::vector<size_t> deg = Degrees(g);
  std::vector<NodeId> order(g.node_count());
  for (NodeId v = 0; v < g.node_count(); ++v) order[v] = v;
  std::stable_sort(order.begin(), order.end(), [&](NodeId a, NodeId b) { return deg[a] > deg[b]; });
  std::vector<int64_t> local(g.node_count(), -1);
  for (size_t i = 0; i < max_nodes; ++i) local[order[i]] = static_cast<int64_t>(i);
  Undirected u(max_nodes);
  std::set<std::pair<NodeId, NodeId>> seen;
  for (const EdgeRef& e : g.edges()) {
    if (local[e.source] < 0 || local[e.target] < 0 || e.source == e.target) continue;
    auto key = std::minmax(e.source, e.target);
    if (seen.insert(key).second) boost::add_edge(local[key.first], local[key.second], u);
  }
  std::vector<double> sub(max_nodes, 0.0);
  boost::brandes_betweenness_centrality(
      u, boost::centrality_map(boost::make_iterator_property_map(sub.begin(), boost::get(boost::vertex_index, u))));
  for (size_t i = 0; i < max_nodes; ++i) c[order[i]] = sub[i];
  return c;
}

std::vector<size_t> Components(const KnowledgeGraph& g, size_t* count) {
  Undirected u = SimpleUndirected(g);
  std::vector<size_t> comp(g.node_count(), 0);
  size_t n = g.node_count() == 0 ? 0 : static_cast<size_t>(boost::connected_components(
                                            u, boost::make_iterator_property_map(comp.begin(), boost::get(boost::vertex_index, u))));
  // Renumber by decreasing size, ties by smallest member.
  std::vector<size_t> size(n, 0), first(n, g.node_count());
  for (NodeId v = 0; v < g.node_count(); ++v) {
    size[comp[v]]++;
    first[comp[v]] = std::min<size_t>(first[comp[v]], v);
  }
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t x, size_t y) { return size[x] != size[y] ? size[x] > size[y] : first[x] < first[y]; });
  std::vector<size_t> rank(n);
  for (size_t i = 0; i < n; ++i) rank[order[i]] = i;
  for (auto& c : comp) c = rank[c];
  *count = n;
  return comp;
}

KnowledgeGraph Subgraph(const KnowledgeGraph& g, const std::vector<NodeId>& seeds, int depth) {
  std::vector<bool> keep(g.node_count(), false);
  EdgeFilter all;
  for (NodeId s : seeds) {
    keep[s] = true;
    for (const Neighbor& n : Neighbors(g, s, depth, all)) keep[n.node] = true;
  }
  // Documents referenced by kept nodes and edges, renumbered in order.
  std::vector<uint32_t> doc_map(g.documents().size(), UINT32_MAX);
  std::vector<DocumentInfo> docs;
  auto use_doc = [&](uint32_t d) {
    if (doc_map[d] == UINT32_MAX) {
      doc_map[d] = static_cast<uint32_t>(docs.size());
      docs.push_back(g.documents()[d]);
    }
    return doc_map[d];
  };
  std::vector<uint32_t> used;
  for (NodeId v = 0; v < g.node_count(); ++v) {
    if (!keep[v]) continue;
    for (uint32_t d : g.node(v).documents) used.push_back(d);
  }
  std::sort(used.begin(), used.end());
  used.erase(std::unique(used.begin(), used.end()), used.end());
  for (uint32_t d : used) use_doc(d);
  KnowledgeGraph out;
  out.ShareText(g);
  std::vector<NodeId> map(g.node_count(), 0);
  for (NodeId v = 0; v < g.node_count(); ++v) {
    if (!keep[v]) continue;
    NodeData n = g.node(v);
    for (auto& d : n.documents) d = doc_map[d];
    map[v] = out.AddNode(std::move(n));
  }
  for (const EdgeRef& e : g.edges()) {
    if (!keep[e.source] || !keep[e.target]) continue;
    EdgeData d = *e.data;
    for (auto& ev : d.evidence) ev.document = use_doc(ev.document);
    out.AddEdge(map[e.source], map[e.target], std::move(d));
  }
  out.SetDocuments(std::move(docs));
  out.Seal();
  return out;
}

}  // namespace kg

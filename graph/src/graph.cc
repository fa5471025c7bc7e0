#include "kg/graph/graph.h"

#include "graph_impl.h"

#include <thread>

namespace kg {

std::string_view EdgeKindName(EdgeKind kind) { return kind == EdgeKind::kRelation ? "relation" : "cooccurrence"; }

DateRange NodeSeen(const KnowledgeGraph& graph, NodeId v) {
  DateRange r;
  const auto& docs = graph.documents();
  for (uint32_t d : graph.node(v).documents) r.Add(docs[d].date);
  return r;
}

SentenceNumbers::SentenceNumbers(const std::vector<DocumentInfo>& docs, size_t limit) : first_(docs.size() + 1, 0) {
  for (size_t d = 0; d < docs.size(); ++d) {
    if (docs[d].sentences > limit - first_[d]) {  // (also no overflow)
      std::fill(first_.begin(), first_.end(), 0);
      return;
    }
    first_[d + 1] = first_[d] + docs[d].sentences;
  }
}

KnowledgeGraph::KnowledgeGraph() : impl_(std::make_unique<Impl>()) {}
KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;

size_t KnowledgeGraph::node_count() const { return boost::num_vertices(impl_->g); }
size_t KnowledgeGraph::edge_count() const { return edges_.size(); }
const NodeData& KnowledgeGraph::node(NodeId v) const { return impl_->g[v]; }

std::optional<NodeId> KnowledgeGraph::FindById(std::string_view id) const {
  auto it = impl_->by_id.find(std::string(id));
  if (it == impl_->by_id.end()) return std::nullopt;
  return it->second;
}

void KnowledgeGraph::Reserve(size_t nodes, size_t edges) {
  impl_->g.m_vertices.reserve(nodes);
  impl_->g.m_edges.reserve(edges);
  impl_->by_id.reserve(nodes);
  out_.reserve(nodes);
  in_.reserve(nodes);
  edges_.reserve(edges);
}

NodeId KnowledgeGraph::AddNode(NodeData data) {
  std::string id = data.id;
  // add_vertex copies its property: add an empty one and move the data in.
  NodeId v = static_cast<NodeId>(boost::add_vertex(impl_->g));
  impl_->g[v] = std::move(data);
  impl_->by_id.emplace(std::move(id), v);
  out_.emplace_back();
  in_.emplace_back();
  return v;
}

EdgeId KnowledgeGraph::AddEdge(NodeId source, NodeId target, EdgeData data) {
  EdgeId id = static_cast<EdgeId>(edges_.size());
  auto e = boost::add_edge(source, target, impl_->g).first;
  boost::put(boost::edge_index, impl_->g, e, id);
  impl_->g[e] = std::move(data);
  edges_.push_back({id, source, target, nullptr});
  out_[source].push_back(id);
  in_[target].push_back(id);
  return id;
}

void KnowledgeGraph::AddEdges(std::vector<NewEdge> edges) {
  std::vector<uint32_t> out(out_.size(), 0), in(in_.size(), 0);
  for (const NewEdge& e : edges) {
    ++out[e.source];
    ++in[e.target];
  }
  auto first = static_cast<EdgeId>(edges_.size());
  // The Boost graph's storage and ours are apart: each half fills its own.
  auto fill_boost = [&] {
    BoostGraph& g = impl_->g;
    g.m_edges.reserve(g.m_edges.size() + edges.size());
    for (NodeId v = 0; v < out.size(); ++v) {
      g.m_vertices[v].m_out_edges.reserve(g.m_vertices[v].m_out_edges.size() + out[v]);
      g.m_vertices[v].m_in_edges.reserve(g.m_vertices[v].m_in_edges.size() + in[v]);
    }
    for (size_t k = 0; k < edges.size(); ++k) {
      auto e = boost::add_edge(edges[k].source, edges[k].target, g).first;
      boost::put(boost::edge_index, g, e, static_cast<EdgeId>(first + k));
      g[e] = std::move(edges[k].data);
    }
  };
  auto fill_lists = [&] {
    edges_.reserve(edges_.size() + edges.size());
    for (NodeId v = 0; v < out.size(); ++v) {
      out_[v].reserve(out_[v].size() + out[v]);
      in_[v].reserve(in_[v].size() + in[v]);
    }
    for (size_t k = 0; k < edges.size(); ++k) {
      auto id = static_cast<EdgeId>(first + k);
      edges_.push_back({id, edges[k].source, edges[k].target, nullptr});
      out_[edges[k].source].push_back(id);
      in_[edges[k].target].push_back(id);
    }
  };
  if (edges.size() < (1u << 14)) {
    fill_boost();
    fill_lists();
    return;
  }
  std::thread lists(fill_lists);
  fill_boost();
  lists.join();
}

std::string_view KnowledgeGraph::StoreText(std::string_view text) {
  if (!arena_) {
    arena_ = std::make_shared<StringArena>();
    owners_.push_back(arena_);
  }
  return arena_->Add(text);
}

void KnowledgeGraph::KeepAlive(std::shared_ptr<const void> owner) {
  for (const auto& o : owners_) if (o == owner) return;
  owners_.push_back(std::move(owner));
}

void KnowledgeGraph::ShareText(const KnowledgeGraph& other) {
  for (const auto& o : other.owners_) KeepAlive(o);
}

void KnowledgeGraph::Seal() {
  // Point the edge references at the stored edge data.
  auto [it, end] = boost::edges(impl_->g);
  auto index = boost::get(boost::edge_index, impl_->g);
  for (; it != end; ++it) {
    EdgeId id = index[*it];
    edges_[id].data = &impl_->g[*it];
  }
}

}  // namespace kg

#include "kg/graph/graph.h"

#include "graph_impl.h"

namespace kg {

std::string_view EdgeKindName(EdgeKind kind) { return kind == EdgeKind::kRelation ? "relation" : "cooccurrence"; }

SentenceNumbers::SentenceNumbers(const std::vector<DocumentInfo>& docs) : first_(docs.size() + 1, 0) {
  for (size_t d = 0; d < docs.size(); ++d) first_[d + 1] = first_[d] + docs[d].sentences;
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

void KnowledgeGraph::ReserveDegrees(const std::vector<uint32_t>& out, const std::vector<uint32_t>& in) {
  for (NodeId v = 0; v < out_.size() && v < out.size() && v < in.size(); ++v) {
    out_[v].reserve(out[v]);
    in_[v].reserve(in[v]);
    impl_->g.m_vertices[v].m_out_edges.reserve(out[v]);
    impl_->g.m_vertices[v].m_in_edges.reserve(in[v]);
  }
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

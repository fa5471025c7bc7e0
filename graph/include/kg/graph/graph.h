// The knowledge graph: entities as nodes, stated relations and co-mentions as
// edges, each edge with the sentences that support it. Stored in a
// Boost.Graph adjacency list behind this interface.
//
//   KnowledgeGraph g = builder.Finish();
//   for (NodeId v = 0; v < g.node_count(); ++v) g.node(v).label;
//   for (const EdgeRef& e : g.edges()) g.node(e.source).label;
//
// Node and edge order is canonical (nodes sorted by id, edges by source id,
// target id, kind, relation), so writers produce the same bytes for the same
// graph. Thread safety: const methods are safe to call concurrently.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kg/base/arena.h"
#include "kg/extract/document.h"

namespace kg {

using NodeId = uint32_t;
using EdgeId = uint32_t;

struct DocumentInfo {
  std::string id;
  std::string path;
  uint64_t sentences = 0;
  uint64_t chars = 0;
  std::string title = {};  // "" when the input gave none
  Date date = 0;           // 0 when unknown
};

// One surface form of an entity: how often it was seen, and in how many
// documents it was the entity's label.
struct FormCount {
  uint64_t count = 0;
  uint64_t label_in = 0;
};

struct NodeData {
  std::string id;     // stable slug of the label, unique
  std::string label;  // canonical name
  EntityType type = EntityType::kOther;
  std::vector<std::string> aliases;         // other surface forms, sorted
  std::map<std::string, FormCount> forms;   // every surface form
  std::array<uint64_t, kEntityTypeCount> type_votes{};  // type evidence (half-votes) summed over documents
  uint64_t mentions = 0;
  std::vector<uint32_t> documents;          // indices into documents(), ascending
  bool forced = false;                      // type fixed by a user gazetteer
};

struct Evidence {
  uint32_t document = 0;  // index into documents()
  uint32_t sentence = 0;
  uint64_t start = 0;     // byte offsets of the sentence in the document
  uint64_t end = 0;
  // The sentence. A view: the bytes belong to the graph (see StoreText and
  // text_owners), so a sentence several edges cite is stored once.
  std::string_view text;
  // The sentence states the relation of an entity reached through a pronoun
  // or a description ("Elle a reçu..."): written "via": "coreference".
  bool via_coreference = false;
};

struct EdgeData {
  std::string relation;
  EdgeKind kind = EdgeKind::kCooccurrence;
  uint64_t weight = 0;              // supporting sentences, all counted
  std::vector<Evidence> evidence;   // possibly capped (see BuildOptions)
  DateRange seen;                   // dates of all supporting documents (not only the kept evidence)
};

struct EdgeRef {
  EdgeId id;
  NodeId source;
  NodeId target;
  const EdgeData* data;
};

std::string_view EdgeKindName(EdgeKind kind);  // "relation" / "cooccurrence"

class KnowledgeGraph;
// The dates of the documents naming a node (empty when none has a date).
DateRange NodeSeen(const KnowledgeGraph& graph, NodeId v);

// The sentences of all documents numbered in order (document 0's first),
// for per-sentence tables: a sentence cited by many edges is handled once.
// The documents' counts come from the graph's files and may be anything: when
// they add up to more than `limit`, nothing is numbered (total() is 0) and the
// caller's table stays empty rather than growing with a count no text backs.
class SentenceNumbers {
 public:
  SentenceNumbers(const std::vector<DocumentInfo>& docs, size_t limit);
  // A limit for tables of a graph citing `evidence` sentences: a few million
  // slots, or a few per citation.
  static size_t LimitFor(size_t evidence) { return std::max<size_t>(size_t{1} << 22, 4 * evidence); }
  size_t total() const { return first_.back(); }
  // The number of a document's sentence; total() when the document does not
  // count that many sentences (a hand-edited graph).
  size_t Of(uint32_t document, uint32_t sentence) const {
    size_t k = first_[document] + sentence;
    return k < first_[document + 1] ? k : total();
  }

 private:
  std::vector<size_t> first_;  // of each document, then the total
};

class KnowledgeGraph {
 public:
  KnowledgeGraph();
  ~KnowledgeGraph();
  KnowledgeGraph(KnowledgeGraph&&) noexcept;
  KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;

  size_t node_count() const;
  size_t edge_count() const;
  const NodeData& node(NodeId v) const;
  const std::vector<EdgeRef>& edges() const { return edges_; }
  const EdgeRef& edge(EdgeId e) const { return edges_[e]; }
  // Edge ids leaving / entering a node, in canonical order.
  const std::vector<EdgeId>& out_edges(NodeId v) const { return out_[v]; }
  const std::vector<EdgeId>& in_edges(NodeId v) const { return in_[v]; }
  const std::vector<DocumentInfo>& documents() const { return documents_; }
  std::optional<NodeId> FindById(std::string_view id) const;

  // Building (used by GraphBuilder and the JSON loader). Nodes must be added
  // in canonical order, then edges in canonical order, then Seal().
  void SetDocuments(std::vector<DocumentInfo> docs) { documents_ = std::move(docs); }
  // Room for this many nodes and edges (optional: saves regrowing storage).
  void Reserve(size_t nodes, size_t edges);
  NodeId AddNode(NodeData data);
  EdgeId AddEdge(NodeId source, NodeId target, EdgeData data);
  // The same as AddEdge on each edge in order, with room made once; a large
  // batch fills the Boost graph and the edge lists on two threads.
  struct NewEdge {
    NodeId source, target;
    EdgeData data;
  };
  void AddEdges(std::vector<NewEdge> edges);
  void Seal();

  // Evidence text. StoreText copies into the graph's own storage; KeepAlive
  // makes the graph hold another owner of bytes its evidence views point to
  // (a builder's arena, a loaded file). A graph made from parts of another
  // (Subgraph) takes that graph's owners with ShareText.
  std::string_view StoreText(std::string_view text);
  void KeepAlive(std::shared_ptr<const void> owner);
  void ShareText(const KnowledgeGraph& other);
  const std::vector<std::shared_ptr<const void>>& text_owners() const { return owners_; }

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
  std::vector<DocumentInfo> documents_;
  std::vector<EdgeRef> edges_;
  std::vector<std::vector<EdgeId>> out_, in_;
  std::shared_ptr<StringArena> arena_;               // StoreText's storage (also in owners_)
  std::vector<std::shared_ptr<const void>> owners_;  // everything evidence views point into
};

}  // namespace kg

// Merges per-document extraction results (or whole graphs) into one
// KnowledgeGraph: entities across documents by normalised name key (case,
// accents, spacing) and shared surface forms; edges with the same source,
// relation, kind and target, with summed weight and their evidence.
//
//   GraphBuilder b(options);
//   for (...) b.Add(extractor.Extract(doc));   // in input order
//   KnowledgeGraph g = b.Finish();
//
// The result depends only on the sequence of Add() calls, so a parallel build
// that adds results in input order gives the same graph as a serial one.
// Thread safety: none.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "kg/base/flat_map.h"
#include "kg/extract/document.h"
#include "kg/graph/graph.h"

namespace kg {

struct BuildOptions {
  bool cooccurrence = true;    // keep same-sentence co-mention edges
  size_t max_evidence = 20;    // evidence items kept per edge (0: all); weight counts all
};

class GraphBuilder {
 public:
  explicit GraphBuilder(BuildOptions options = {}) : options_(options) {}

  void Add(const DocumentResult& doc);
  // Adds every document, node and edge of an already built graph.
  void AddGraph(const KnowledgeGraph& graph);
  size_t document_count() const { return docs_.size(); }
  KnowledgeGraph Finish();

 private:
  struct NodeAcc {
    std::map<std::string, FormCount> forms;
    std::array<uint64_t, kEntityTypeCount> type_votes{};
    uint64_t mentions = 0;
    std::vector<uint32_t> documents;
    uint32_t last_document = UINT32_MAX;  // documents.back(), kept here (no load of the list)
    bool forced = false;
    EntityType forced_type = EntityType::kOther;
    // The type the node is written with and merged as: a user's gazetteer's, else DecideType.
    EntityType Type() const { return forced ? forced_type : DecideType(type_votes); }
  };
  struct EdgeAcc {
    uint64_t weight = 0;
    std::vector<Evidence> evidence;
    DateRange seen;
  };
  // (source, target, relation name id, kind); relation names are interned.
  struct EdgeKey {
    uint32_t source, target, relation;
    EdgeKind kind;
    bool operator==(const EdgeKey&) const = default;
  };
  struct EdgeKeyHash {
    size_t operator()(const EdgeKey& k) const {
      uint64_t a = (static_cast<uint64_t>(k.source) << 32) | k.target;
      uint64_t b = (static_cast<uint64_t>(k.relation) << 1) | static_cast<uint64_t>(k.kind);
      return std::hash<uint64_t>()(a * 0x9E3779B97F4A7C15ull ^ b);
    }
  };
  // The edges by key: entries in a vector, found through an open-addressing
  // table of indices (one probe, where a node-based map chases pointers).
  class EdgeTable {
   public:
    using Entry = std::pair<EdgeKey, EdgeAcc>;
    EdgeAcc& operator[](const EdgeKey& key);
    Entry* Find(const EdgeKey& key);
    std::vector<Entry>& entries() { return entries_; }
    size_t size() const { return entries_.size(); }
    // Drops the entries `drop` marks (by index), keeping the others' order.
    void RemoveIf(const std::vector<bool>& drop);
    // Appends an entry for a key no entry has (the caller knows it), with no
    // lookup. (After these two, the index is rebuilt when next needed.)
    void AddNew(const EdgeKey& key, EdgeAcc acc);
    void clear();

   private:
    size_t SlotOf(const EdgeKey& key) const;
    void Rehash(size_t slots);
    std::vector<Entry> entries_;
    std::vector<uint32_t> slots_;  // entry index + 1; 0 is empty
    bool stale_ = false;           // slots_ no longer match entries_
  };
  // Finish's steps: each node's data (label, type, id), the node order with
  // unique ids, the edges in their final order, and the edges' data.
  struct PendingNode {
    NodeData data;
    uint32_t acc;  // index into nodes_
  };
  struct PendingEdge {
    NodeId s, t;
    EdgeKind kind;
    uint32_t relation_rank;
    uint32_t relation;
    EdgeAcc* acc;
  };
  std::vector<PendingNode> PendingNodes();
  static std::vector<uint32_t> NodeOrder(std::vector<PendingNode>* pending);
  std::vector<PendingEdge> SortedEdges(const std::vector<NodeId>& final_id);
  std::vector<KnowledgeGraph::NewEdge> NewEdges(const std::vector<PendingEdge>& edges);
  std::thread Reset(std::vector<PendingNode> pending, std::vector<PendingEdge> edges);

  uint32_t RelationId(const std::string& name);
  // The order edges merge in: by source, target, relation name, kind.
  bool KeyLess(const EdgeKey& x, const EdgeKey& y) const;

  template <typename Forms>
  uint32_t NodeFor(const std::string& label, EntityType type, const Forms& forms);
  void MergeSurnames();
  static void Absorb(const std::map<std::string, FormCount>& forms,
                     const std::array<uint64_t, kEntityTypeCount>& type_votes, uint64_t mentions,
                     const std::vector<uint32_t>& documents, uint32_t doc_base, NodeAcc* into);

  BuildOptions options_;
  std::shared_ptr<StringArena> text_ = std::make_shared<StringArena>(4u << 20);  // evidence sentences
  std::vector<std::shared_ptr<const void>> text_owners_;  // of graphs added with AddGraph
  std::vector<DocumentInfo> docs_;
  std::vector<NodeAcc> nodes_;
  FlatStringMap<uint32_t> key_to_node_;
  EdgeTable edges_;
  std::vector<std::string> relation_names_;
  FlatStringMap<uint32_t> relation_ids_;
  uint32_t last_relation_ = UINT32_MAX;  // RelationId's last answer
  std::unordered_map<uint32_t, uint32_t> redirect_;  // merged node -> the node it joined
};

}  // namespace kg

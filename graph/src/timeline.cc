#include "kg/graph/timeline.h"

#include <algorithm>
#include <map>

namespace kg {

namespace {

bool InRange(Date d, Date since, Date until) {
  if (since == 0 && until == 0) return true;
  return d != 0 && (since == 0 || d >= since) && (until == 0 || d <= until);
}

uint64_t Scaled(uint64_t total, size_t kept, size_t of) {
  if (of == 0 || kept == of) return total;
  return std::max<uint64_t>(1, (total * kept + of / 2) / of);
}

// Months in order, undated (0) last.
std::vector<MonthCount> InOrder(std::map<Date, MonthCount>&& by_month) {
  std::vector<MonthCount> out;
  for (auto& [month, row] : by_month) if (month != 0) out.push_back(row);
  if (auto it = by_month.find(0); it != by_month.end()) out.push_back(it->second);
  return out;
}

}  // namespace

KnowledgeGraph WithinDates(const KnowledgeGraph& g, Date since, Date until) {
  const auto& docs = g.documents();
  std::vector<uint32_t> doc_map(docs.size(), UINT32_MAX);
  std::vector<DocumentInfo> kept_docs;
  for (uint32_t d = 0; d < docs.size(); ++d) {
    if (!InRange(docs[d].date, since, until)) continue;
    doc_map[d] = static_cast<uint32_t>(kept_docs.size());
    kept_docs.push_back(docs[d]);
  }
  KnowledgeGraph out;
  out.ShareText(g);
  constexpr NodeId kGone = UINT32_MAX;
  std::vector<NodeId> node_map(g.node_count(), kGone);
  for (NodeId v = 0; v < g.node_count(); ++v) {
    const NodeData& n = g.node(v);
    std::vector<uint32_t> kept;
    for (uint32_t d : n.documents) if (doc_map[d] != UINT32_MAX) kept.push_back(doc_map[d]);
    if (kept.empty()) continue;
    NodeData copy = n;
    copy.mentions = Scaled(n.mentions, kept.size(), n.documents.size());
    copy.documents = std::move(kept);
    node_map[v] = out.AddNode(std::move(copy));
  }
  std::vector<KnowledgeGraph::NewEdge> edges;
  for (const EdgeRef& e : g.edges()) {
    if (node_map[e.source] == kGone || node_map[e.target] == kGone) continue;
    if ((since || until) && !e.data->seen.empty() && !e.data->seen.Overlaps(since, until)) continue;
    EdgeData d;
    d.relation = e.data->relation;
    d.kind = e.data->kind;
    for (const Evidence& ev : e.data->evidence) {
      if (doc_map[ev.document] == UINT32_MAX) continue;
      Evidence copy = ev;
      copy.document = doc_map[ev.document];
      d.seen.Add(kept_docs[copy.document].date);
      d.evidence.push_back(copy);
    }
    if (d.evidence.empty()) continue;
    d.weight = Scaled(e.data->weight, d.evidence.size(), e.data->evidence.size());
    edges.push_back({node_map[e.source], node_map[e.target], std::move(d)});
  }
  out.AddEdges(std::move(edges));
  out.SetDocuments(std::move(kept_docs));
  out.Seal();
  return out;
}

std::vector<MonthCount> EntityTimeline(const KnowledgeGraph& g, NodeId v) {
  const auto& docs = g.documents();
  std::map<Date, MonthCount> by_month;
  for (uint32_t d : g.node(v).documents) {
    Date m = MonthOf(docs[d].date);
    MonthCount& row = by_month[m];
    row.month = m;
    ++row.count;
  }
  // An example for each month: the first evidence from that month on the
  // entity's edges, stated relations before co-occurrences.
  for (EdgeKind kind : {EdgeKind::kRelation, EdgeKind::kCooccurrence}) {
    for (const auto* list : {&g.out_edges(v), &g.in_edges(v)}) {
      for (EdgeId id : *list) {
        const EdgeData& data = *g.edge(id).data;
        if (data.kind != kind) continue;
        for (const Evidence& ev : data.evidence) {
          auto it = by_month.find(MonthOf(docs[ev.document].date));
          if (it == by_month.end() || it->second.example) continue;
          it->second.example = &ev;
          it->second.example_edge = id;
        }
      }
    }
  }
  return InOrder(std::move(by_month));
}

std::vector<MonthCount> LinkTimeline(const KnowledgeGraph& g, NodeId a, NodeId b) {
  const auto& docs = g.documents();
  std::map<Date, MonthCount> by_month;
  for (const auto* list : {&g.out_edges(a), &g.in_edges(a)}) {
    for (EdgeId id : *list) {
      const EdgeRef& e = g.edge(id);
      if ((e.source == a ? e.target : e.source) != b) continue;
      for (const Evidence& ev : e.data->evidence) {
        Date m = MonthOf(docs[ev.document].date);
        MonthCount& row = by_month[m];
        row.month = m;
        ++row.count;
        // Stated relations make the better example.
        bool better = !row.example || (e.data->kind == EdgeKind::kRelation &&
                                       g.edge(row.example_edge).data->kind != EdgeKind::kRelation);
        if (better) {
          row.example = &ev;
          row.example_edge = id;
        }
      }
    }
  }
  return InOrder(std::move(by_month));
}

}  // namespace kg

// Time in the graph: the graph as the documents of a date range tell it, and
// how often an entity (or a link between two) comes up month by month.
//
//   KnowledgeGraph g2019 = WithinDates(g, 20190101, 20191231);
//   for (const MonthCount& m : EntityTimeline(g, v)) m.month, m.count;
//
// Thread safety: const functions over a const graph.
#pragma once

#include <cstdint>
#include <vector>

#include "kg/graph/graph.h"

namespace kg {

// The graph of the documents dated in [since, until] (0: no bound; with a
// bound, undated documents are left out). Documents are renumbered; a node
// stays when one of its documents does, with its mentions scaled by the
// share of its documents kept (per-document counts are not stored); an edge
// stays when both ends do and one of its kept evidence sentences is in the
// range, with that evidence, `weight` the number of those sentences (scaled
// the same way when --max-evidence capped the evidence) and `seen` their
// dates.
KnowledgeGraph WithinDates(const KnowledgeGraph& g, Date since, Date until);

// One month of a timeline. `month` is its first day; 0 gathers the
// undated documents (last). `example` points into the graph (may be null).
struct MonthCount {
  Date month = 0;
  uint64_t count = 0;
  const Evidence* example = nullptr;
  EdgeId example_edge = 0;
};

// Documents naming the entity, per month, each month with an evidence
// sentence of one of its edges from that month.
std::vector<MonthCount> EntityTimeline(const KnowledgeGraph& g, NodeId v);
// Evidence sentences linking a and b (every edge between them, either way),
// per month, each with its first sentence. Counts the evidence kept in the
// graph (all of it when built with --max-evidence 0).
std::vector<MonthCount> LinkTimeline(const KnowledgeGraph& g, NodeId a, NodeId b);

}  // namespace kg

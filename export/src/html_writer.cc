#include "html_writer.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <numeric>

#include "entity_style.h"
#include "escape.h"
#include "kg/graph/layout.h"

namespace kg::data {
extern const std::string_view cytoscape_min_js;
extern const std::string_view LICENSE;
extern const std::string_view page_js;
extern const std::string_view page_css;
}  // namespace kg::data

namespace kg {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void Str(Writer& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

// Distinct neighbours of each node.
std::vector<size_t> Degrees(const KnowledgeGraph& g) {
  std::vector<size_t> degree(g.node_count(), 0);
  std::vector<NodeId> nb;
  for (NodeId v = 0; v < g.node_count(); ++v) {
    nb.clear();
    for (EdgeId e : g.out_edges(v)) nb.push_back(g.edge(e).target);
    for (EdgeId e : g.in_edges(v)) nb.push_back(g.edge(e).source);
    std::sort(nb.begin(), nb.end());
    degree[v] = static_cast<size_t>(std::unique(nb.begin(), nb.end()) - nb.begin());
  }
  return degree;
}

// What the page shows: the most connected nodes (then by mentions, then
// id) and the strongest edges among them (then in graph order).
struct Shown {
  std::vector<NodeId> nodes;      // ascending
  std::vector<int64_t> index;     // of each graph node in `nodes`, -1 when left out
  std::vector<EdgeId> edges;      // ascending
  std::vector<size_t> degree;
};

Shown Choose(const KnowledgeGraph& g) {
  Shown s;
  s.degree = Degrees(g);
  std::vector<NodeId> order(g.node_count());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](NodeId a, NodeId b) {
    if (s.degree[a] != s.degree[b]) return s.degree[a] > s.degree[b];
    return g.node(a).mentions > g.node(b).mentions;
  });
  order.resize(std::min(order.size(), HtmlWriter::kMaxNodes));
  std::sort(order.begin(), order.end());
  s.nodes = order;
  s.index.assign(g.node_count(), -1);
  for (size_t k = 0; k < s.nodes.size(); ++k) s.index[s.nodes[k]] = static_cast<int64_t>(k);
  for (const EdgeRef& e : g.edges()) {
    if (s.index[e.source] >= 0 && s.index[e.target] >= 0) s.edges.push_back(e.id);
  }
  std::stable_sort(s.edges.begin(), s.edges.end(),
                   [&](EdgeId a, EdgeId b) { return g.edge(a).data->weight > g.edge(b).data->weight; });
  s.edges.resize(std::min(s.edges.size(), HtmlWriter::kMaxEdges));
  std::sort(s.edges.begin(), s.edges.end());
  return s;
}

void Seen(Writer& w, const DateRange& seen) {
  w.Key("first");
  Str(w, FormatDate(seen.first));
  w.Key("last");
  Str(w, FormatDate(seen.last));
}

// The documents the shown nodes and evidence cite, renumbered in order.
std::vector<uint32_t> CitedDocuments(const KnowledgeGraph& g, const Shown& s, std::vector<int64_t>* index) {
  index->assign(g.documents().size(), -1);
  std::vector<uint32_t> docs;
  auto use = [&](uint32_t d) {
    if ((*index)[d] < 0) docs.push_back(d), (*index)[d] = 0;
  };
  for (NodeId v : s.nodes) {
    const auto& d = g.node(v).documents;
    for (size_t k = 0; k < std::min(d.size(), HtmlWriter::kMaxDocuments); ++k) use(d[k]);
  }
  for (EdgeId e : s.edges) {
    const auto& ev = g.edge(e).data->evidence;
    for (size_t k = 0; k < std::min(ev.size(), HtmlWriter::kMaxEvidence); ++k) use(ev[k].document);
  }
  std::sort(docs.begin(), docs.end());
  for (size_t k = 0; k < docs.size(); ++k) (*index)[docs[k]] = static_cast<int64_t>(k);
  return docs;
}

std::string DataJson(const KnowledgeGraph& g) {
  Shown s = Choose(g);
  std::vector<int64_t> doc_index;
  std::vector<uint32_t> docs = CitedDocuments(g, s, &doc_index);
  std::vector<std::pair<uint32_t, uint32_t>> links;
  for (EdgeId id : s.edges) {
    links.emplace_back(static_cast<uint32_t>(s.index[g.edge(id).source]), static_cast<uint32_t>(s.index[g.edge(id).target]));
  }
  std::vector<Point2> at = ForceLayout(s.nodes.size(), links);
  rapidjson::StringBuffer sb;
  Writer w(sb);
  w.StartObject();
  w.Key("generator");
  std::string generator(kGenerator);
  generator.append(" ").append(kVersion);
  Str(w, generator);
  w.Key("total");
  w.StartObject();
  w.Key("nodes");
  w.Uint64(g.node_count());
  w.Key("edges");
  w.Uint64(g.edge_count());
  w.Key("documents");
  w.Uint64(g.documents().size());
  w.EndObject();
  w.Key("docs");
  w.StartArray();
  for (uint32_t d : docs) {
    const DocumentInfo& info = g.documents()[d];
    w.StartObject();
    w.Key("id");
    Str(w, info.id);
    w.Key("title");
    Str(w, info.title);
    w.Key("date");
    Str(w, FormatDate(info.date));
    w.EndObject();
  }
  w.EndArray();
  w.Key("types");
  w.StartObject();
  for (int t = 0; t < kEntityTypeCount; ++t) {
    const EntityStyle& st = StyleOf(static_cast<EntityType>(t));
    Str(w, EntityTypeName(static_cast<EntityType>(t)));
    w.StartObject();
    w.Key("color");
    Str(w, st.color);
    w.Key("shape");
    Str(w, st.shape);
    w.EndObject();
  }
  w.EndObject();
  w.Key("nodes");
  w.StartArray();
  for (size_t k = 0; k < s.nodes.size(); ++k) {
    NodeId v = s.nodes[k];
    const NodeData& n = g.node(v);
    w.StartObject();
    w.Key("id");
    Str(w, n.id);
    w.Key("x");
    w.Double(at[k].x);
    w.Key("y");
    w.Double(at[k].y);
    w.Key("label");
    Str(w, n.label);
    w.Key("type");
    Str(w, EntityTypeName(n.type));
    w.Key("mentions");
    w.Uint64(n.mentions);
    w.Key("degree");
    w.Uint64(s.degree[v]);
    w.Key("aliases");
    w.StartArray();
    for (const auto& a : n.aliases) Str(w, a);
    w.EndArray();
    w.Key("documents");
    w.Uint64(n.documents.size());
    w.Key("docs");  // the first ones
    w.StartArray();
    for (size_t d = 0; d < std::min(n.documents.size(), HtmlWriter::kMaxDocuments); ++d) w.Int64(doc_index[n.documents[d]]);
    w.EndArray();
    Seen(w, NodeSeen(g, v));
    w.EndObject();
  }
  w.EndArray();
  w.Key("edges");
  w.StartArray();
  for (EdgeId id : s.edges) {
    const EdgeRef& e = g.edge(id);
    const EdgeData& d = *e.data;
    w.StartObject();
    w.Key("source");
    w.Int64(s.index[e.source]);
    w.Key("target");
    w.Int64(s.index[e.target]);
    w.Key("relation");
    Str(w, d.relation);
    w.Key("kind");
    Str(w, EdgeKindName(d.kind));
    w.Key("weight");
    w.Uint64(d.weight);
    Seen(w, d.seen);
    w.Key("evidence");
    w.StartArray();
    for (size_t k = 0; k < std::min(d.evidence.size(), HtmlWriter::kMaxEvidence); ++k) {
      w.StartArray();
      w.Int64(doc_index[d.evidence[k].document]);
      Str(w, d.evidence[k].text);
      w.EndArray();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  // Inside a <script> element: "</" would end it early, "<!--" open a comment.
  std::string json(sb.GetString(), sb.GetSize());
  std::string safe;
  safe.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    if (json[i] == '<' && i + 1 < json.size() && (json[i + 1] == '/' || json[i + 1] == '!')) {
      safe.append("\\u003c");
      continue;
    }
    safe.push_back(json[i]);
  }
  return safe;
}

}  // namespace

bool HtmlWriter::Available() { return KG_HTML_ENABLED && !data::cytoscape_min_js.empty(); }

void HtmlWriter::Write(const KnowledgeGraph& g, OutputBuffer* buffer) const {
  std::string& out = *buffer->str();
  out.append(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>kg graph</title>\n<style>\n");
  out.append(data::page_css);
  out.append("</style>\n</head>\n<body>\n<noscript>This page needs JavaScript to draw the graph.</noscript>\n");
  out.append("<script type=\"application/json\" id=\"kg-data\">");
  out.append(DataJson(g));
  out.append("</script>\n");
  out.append("<!-- cytoscape.js, embedded; its licence follows the page's footer. -->\n<script>\n");
  out.append(data::cytoscape_min_js);
  out.append("\n</script>\n<template id=\"kg-licence\">");
  AppendXml(data::LICENSE, &out);
  out.append("</template>\n<script>\n");
  out.append(data::page_js);
  out.append("\n</script>\n</body>\n</html>\n");
}

}  // namespace kg

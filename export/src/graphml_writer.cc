#include "graphml_writer.h"

#include "escape.h"

namespace kg {

namespace {

struct Key {
  const char* id;
  const char* domain;
  const char* name;
  const char* type;
};

// Descriptive key ids (Gephi reads d3/d7 as labels; NetworkX's d0, d1... say nothing).
constexpr Key kKeys[] = {
    {"label", "node", "label", "string"},
    {"type", "node", "type", "string"},
    {"aliases", "node", "aliases", "string"},
    {"mentions", "node", "mentions", "long"},
    {"documents", "node", "documents", "string"},
    {"document_count", "node", "document_count", "int"},
    {"edge_label", "edge", "label", "string"},
    {"relation", "edge", "relation", "string"},
    {"kind", "edge", "kind", "string"},
    {"weight", "edge", "weight", "double"},
    {"evidence", "edge", "evidence", "string"},
    {"evidence_documents", "edge", "evidence_documents", "string"},
};

constexpr std::string_view kListSeparator = " | ";

void Data(std::string* out, const char* key, std::string_view value) {
  out->append("      <data key=\"").append(key).append("\">");
  AppendXml(value, out);
  out->append("</data>\n");
}

}  // namespace

std::string GraphmlWriter::Write(const KnowledgeGraph& g) const {
  std::string out;
  out.reserve(1024 + g.node_count() * 256 + g.edge_count() * 512);
  out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  out.append(
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
  for (const Key& k : kKeys) {
    out.append("  <key id=\"").append(k.id).append("\" for=\"").append(k.domain).append("\" attr.name=\"");
    out.append(k.name).append("\" attr.type=\"").append(k.type).append("\"/>\n");
  }
  out.append("  <graph id=\"kg\" edgedefault=\"directed\">\n");
  const auto& docs = g.documents();
  for (NodeId v = 0; v < g.node_count(); ++v) {
    const NodeData& n = g.node(v);
    out.append("    <node id=\"");
    AppendXml(n.id, &out);
    out.append("\">\n");
    Data(&out, "label", n.label);
    Data(&out, "type", EntityTypeName(n.type));
    std::string aliases;
    for (size_t i = 0; i < n.aliases.size(); ++i) {
      if (i) aliases.append(kListSeparator);
      aliases.append(n.aliases[i]);
    }
    Data(&out, "aliases", aliases);
    Data(&out, "mentions", std::to_string(n.mentions));
    std::string ds;
    for (size_t i = 0; i < n.documents.size(); ++i) {
      if (i) ds.append(kListSeparator);
      ds.append(docs[n.documents[i]].id);
    }
    Data(&out, "documents", ds);
    Data(&out, "document_count", std::to_string(n.documents.size()));
    out.append("    </node>\n");
  }
  for (const EdgeRef& e : g.edges()) {
    out.append("    <edge id=\"e").append(std::to_string(e.id)).append("\" source=\"");
    AppendXml(g.node(e.source).id, &out);
    out.append("\" target=\"");
    AppendXml(g.node(e.target).id, &out);
    out.append("\">\n");
    Data(&out, "edge_label", e.data->relation);
    Data(&out, "relation", e.data->relation);
    Data(&out, "kind", EdgeKindName(e.data->kind));
    Data(&out, "weight", std::to_string(e.data->weight) + ".0");
    std::string ev, evd;
    for (size_t i = 0; i < e.data->evidence.size(); ++i) {
      if (i) {
        ev.append(kListSeparator);
        evd.append(kListSeparator);
      }
      ev.append(e.data->evidence[i].text);
      evd.append(docs[e.data->evidence[i].document].id);
    }
    Data(&out, "evidence", ev);
    Data(&out, "evidence_documents", evd);
    out.append("    </edge>\n");
  }
  out.append("  </graph>\n</graphml>\n");
  return out;
}

}  // namespace kg

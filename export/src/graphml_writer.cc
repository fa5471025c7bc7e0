#include "graphml_writer.h"

#include <iterator>

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
    {"evidence_count", "edge", "evidence_count", "int"},
    {"evidence_documents", "edge", "evidence_documents", "string"},
};

constexpr std::string_view kListSeparator = " | ";
// Flattened lists and evidence stay short in GraphML: desktop tools show them
// in one cell, and python-igraph 0.10 (Debian 12) fails at random when it
// writes back non-ASCII strings of more than about 240 bytes. The JSON export
// keeps every alias, document and evidence sentence in full.
constexpr size_t kMaxListBytes = 160;

// Joins items with kListSeparator; past kMaxListBytes, stops and notes how
// many were left out. Items are cut at a UTF-8 boundary when one alone is too long.
template <typename Items, typename Get>
std::string JoinCapped(const Items& items, Get get) {
  std::string out;
  size_t n = 0;
  for (const auto& item : items) {
    std::string_view s = get(item);
    size_t room = kMaxListBytes > out.size() ? kMaxListBytes - out.size() : 0;
    if (n > 0 && s.size() + kListSeparator.size() > room) break;
    if (n > 0) out.append(kListSeparator);
    if (s.size() > kMaxListBytes) {
      size_t cut = kMaxListBytes;
      while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
      out.append(s.substr(0, cut)).append("…");
    } else {
      out.append(s);
    }
    ++n;
  }
  size_t total = static_cast<size_t>(std::distance(std::begin(items), std::end(items)));
  if (n < total) out.append(kListSeparator).append("… (+" + std::to_string(total - n) + " more)");
  return out;
}

void Data(std::string* out, const char* key, std::string_view value) {
  out->append("      <data key=\"").append(key).append("\">");
  AppendXml(value, out);
  out->append("</data>\n");
}

}  // namespace

void GraphmlWriter::Write(const KnowledgeGraph& g, OutputBuffer* buffer) const {
  std::string& out = *buffer->str();
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
    Data(&out, "aliases", JoinCapped(n.aliases, [](const std::string& a) -> std::string_view { return a; }));
    Data(&out, "mentions", std::to_string(n.mentions));
    Data(&out, "documents",
         JoinCapped(n.documents, [&](uint32_t d) -> std::string_view { return docs[d].id; }));
    Data(&out, "document_count", std::to_string(n.documents.size()));
    out.append("    </node>\n");
    buffer->Flush();
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
    const auto& evidence = e.data->evidence;
    Data(&out, "evidence", JoinCapped(evidence, [](const Evidence& v) -> std::string_view { return v.text; }));
    Data(&out, "evidence_count", std::to_string(evidence.size()));
    Data(&out, "evidence_documents",
         JoinCapped(evidence, [&](const Evidence& v) -> std::string_view { return docs[v.document].id; }));
    out.append("    </edge>\n");
    buffer->Flush();
  }
  out.append("  </graph>\n</graphml>\n");
}

}  // namespace kg

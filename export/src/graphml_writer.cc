#include "graphml_writer.h"

#include <charconv>
#include <iterator>
#include <string>
#include <vector>

#include "kg/base/flat_map.h"

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

// Declared only when some document has a date (so an undated graph's file
// stays as it was).
constexpr Key kDateKeys[] = {
    {"first_seen", "node", "first_seen", "string"},
    {"last_seen", "node", "last_seen", "string"},
    {"edge_first_seen", "edge", "first_seen", "string"},
    {"edge_last_seen", "edge", "last_seen", "string"},
};

constexpr std::string_view kListSeparator = " | ";
// Flattened lists and evidence stay short in GraphML: desktop tools show them
// in one cell, and python-igraph 0.10 (Debian 12) fails at random when it
// writes back non-ASCII strings of more than about 240 bytes. The JSON export
// keeps every alias, document and evidence sentence in full.
constexpr size_t kMaxListBytes = 160;

// Joins items with kListSeparator into `out` (cleared first); past
// kMaxListBytes, stops and notes how many were left out. Items are cut at a
// UTF-8 boundary when one alone is too long.
template <typename Items, typename Get>
void JoinCapped(const Items& items, Get get, std::string* out) {
  out->clear();
  size_t n = 0;
  for (const auto& item : items) {
    std::string_view s = get(item);
    size_t room = kMaxListBytes > out->size() ? kMaxListBytes - out->size() : 0;
    if (n > 0 && s.size() + kListSeparator.size() > room) break;
    if (n > 0) out->append(kListSeparator);
    if (s.size() > kMaxListBytes) {
      size_t cut = kMaxListBytes;
      while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
      out->append(s.substr(0, cut)).append("…");
    } else {
      out->append(s);
    }
    ++n;
  }
  size_t total = static_cast<size_t>(std::distance(std::begin(items), std::end(items)));
  if (n < total) out->append(kListSeparator).append("… (+" + std::to_string(total - n) + " more)");
}

// A number as text, without allocating.
struct Digits {
  char buf[24];
  std::string_view view;
  explicit Digits(uint64_t n) : view(buf, static_cast<size_t>(std::to_chars(buf, buf + sizeof buf, n).ptr - buf)) {}
};

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
  bool dated = false;
  for (const DocumentInfo& d : g.documents()) dated = dated || d.date != 0;
  auto declare = [&](const Key& k) {
    out.append("  <key id=\"").append(k.id).append("\" for=\"").append(k.domain).append("\" attr.name=\"");
    out.append(k.name).append("\" attr.type=\"").append(k.type).append("\"/>\n");
  };
  for (const Key& k : kKeys) declare(k);
  if (dated) for (const Key& k : kDateKeys) declare(k);
  out.append("  <graph id=\"kg\" edgedefault=\"directed\">\n");
  const auto& docs = g.documents();
  std::string joined;  // JoinCapped's output, reused
  for (NodeId v = 0; v < g.node_count(); ++v) {
    const NodeData& n = g.node(v);
    out.append("    <node id=\"");
    AppendXml(n.id, &out);
    out.append("\">\n");
    Data(&out, "label", n.label);
    Data(&out, "type", EntityTypeName(n.type));
    JoinCapped(n.aliases, [](const std::string& a) -> std::string_view { return a; }, &joined);
    Data(&out, "aliases", joined);
    Data(&out, "mentions", Digits(n.mentions).view);
    JoinCapped(n.documents, [&](uint32_t d) -> std::string_view { return docs[d].id; }, &joined);
    Data(&out, "documents", joined);
    Data(&out, "document_count", Digits(n.documents.size()).view);
    if (DateRange seen = NodeSeen(g, v); !seen.empty()) {
      Data(&out, "first_seen", FormatDate(seen.first));
      Data(&out, "last_seen", FormatDate(seen.last));
    }
    out.append("    </node>\n");
    buffer->Flush();
  }
  // Escaped once: node ids, and each relation's two label lines (made at
  // its first edge; edges mostly repeat the relation of the edge before).
  std::vector<std::string> id_xml(g.node_count());
  for (NodeId v = 0; v < g.node_count(); ++v) AppendXml(g.node(v).id, &id_xml[v]);
  FlatStringMap<std::string> relation_xml;
  const std::string* last_relation = nullptr;
  const std::string* relation_lines = nullptr;
  for (const EdgeRef& e : g.edges()) {
    out.append("    <edge id=\"e").append(Digits(e.id).view).append("\" source=\"");
    out.append(id_xml[e.source]).append("\" target=\"").append(id_xml[e.target]).append("\">\n");
    if (!last_relation || *last_relation != e.data->relation) {
      last_relation = &e.data->relation;
      auto [lines, added] = relation_xml.Emplace(e.data->relation, std::string());
      if (added) {
        Data(lines, "edge_label", e.data->relation);
        Data(lines, "relation", e.data->relation);
      }
      relation_lines = lines;
    }
    out.append(*relation_lines);
    Data(&out, "kind", EdgeKindName(e.data->kind));
    out.append("      <data key=\"weight\">").append(Digits(e.data->weight).view).append(".0</data>\n");
    const auto& evidence = e.data->evidence;
    JoinCapped(evidence, [](const Evidence& ev) -> std::string_view { return ev.text; }, &joined);
    Data(&out, "evidence", joined);
    Data(&out, "evidence_count", Digits(evidence.size()).view);
    JoinCapped(evidence, [&](const Evidence& ev) -> std::string_view { return docs[ev.document].id; }, &joined);
    Data(&out, "evidence_documents", joined);
    if (!e.data->seen.empty()) {
      Data(&out, "edge_first_seen", FormatDate(e.data->seen.first));
      Data(&out, "edge_last_seen", FormatDate(e.data->seen.last));
    }
    out.append("    </edge>\n");
    buffer->Flush();
  }
  out.append("  </graph>\n</graphml>\n");
}

}  // namespace kg

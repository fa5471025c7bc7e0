#include "gexf_writer.h"

#include <string>
#include <vector>

#include "entity_style.h"
#include "escape.h"

namespace kg {

namespace {

struct Attribute {
  const char* id;
  const char* type;  // GEXF attribute types
};

constexpr Attribute kNodeAttributes[] = {
    {"type", "string"},       {"aliases", "string"},    {"mentions", "long"},
    {"documents", "integer"}, {"first_seen", "string"}, {"last_seen", "string"},
};
constexpr Attribute kEdgeAttributes[] = {
    {"relation", "string"},       {"kind", "string"},       {"evidence", "string"},
    {"evidence_count", "integer"}, {"first_seen", "string"}, {"last_seen", "string"},
};

void Declare(const char* cls, const Attribute* begin, const Attribute* end, std::string* out) {
  out->append("    <attributes class=\"").append(cls).append("\" mode=\"static\">\n");
  for (const Attribute* a = begin; a != end; ++a) {
    out->append("      <attribute id=\"").append(a->id).append("\" title=\"").append(a->id);
    out->append("\" type=\"").append(a->type).append("\"/>\n");
  }
  out->append("    </attributes>\n");
}

void Value(const char* key, std::string_view value, std::string* out) {
  out->append("          <attvalue for=\"").append(key).append("\" value=\"");
  AppendXml(value, out);
  out->append("\"/>\n");
}

// start="..." end="..." from a date range (nothing when undated).
void Interval(const DateRange& seen, std::string* out) {
  if (seen.empty()) return;
  out->append(" start=\"").append(FormatDate(seen.first)).append("\" end=\"").append(FormatDate(seen.last));
  out->push_back('"');
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out.append(out.empty() ? "" : " | ").append(s);
  return out;
}

}  // namespace

void GexfWriter::Write(const KnowledgeGraph& g, OutputBuffer* buffer) const {
  std::string& out = *buffer->str();
  out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  out.append(
      "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n");
  out.append("  <meta>\n    <creator>").append(kGenerator).append(" ").append(kVersion).append("</creator>\n");
  out.append("    <description>entities and their relations; co-occurrences are mutual edges</description>\n");
  out.append("  </meta>\n");
  // Dynamic when any document has a date: Gephi's timeline then plays the
  // intervals [first_seen, last_seen] of nodes and edges.
  bool dated = false;
  for (const DocumentInfo& d : g.documents()) dated = dated || d.date != 0;
  out.append("  <graph defaultedgetype=\"directed\"");
  out.append(dated ? " mode=\"dynamic\" timeformat=\"date\" timerepresentation=\"interval\">\n" : " mode=\"static\">\n");
  Declare("node", std::begin(kNodeAttributes), std::end(kNodeAttributes), &out);
  Declare("edge", std::begin(kEdgeAttributes), std::end(kEdgeAttributes), &out);
  out.append("    <nodes>\n");
  std::vector<std::string> id_xml(g.node_count());
  for (NodeId v = 0; v < g.node_count(); ++v) {
    const NodeData& n = g.node(v);
    AppendXml(n.id, &id_xml[v]);
    DateRange seen = NodeSeen(g, v);
    out.append("      <node id=\"").append(id_xml[v]).append("\" label=\"");
    AppendXml(n.label, &out);
    out.push_back('"');
    Interval(seen, &out);
    out.append(">\n        <attvalues>\n");
    Value("type", EntityTypeName(n.type), &out);
    Value("aliases", Join(n.aliases), &out);
    Value("mentions", std::to_string(n.mentions), &out);
    Value("documents", std::to_string(n.documents.size()), &out);
    if (!seen.empty()) {
      Value("first_seen", FormatDate(seen.first), &out);
      Value("last_seen", FormatDate(seen.last), &out);
    }
    out.append("        </attvalues>\n");
    const EntityStyle& st = StyleOf(n.type);
    out.append("        <viz:color r=\"").append(std::to_string(st.r)).append("\" g=\"").append(std::to_string(st.g));
    out.append("\" b=\"").append(std::to_string(st.b)).append("\"/>\n");
    out.append("      </node>\n");
    buffer->Flush();
  }
  out.append("    </nodes>\n    <edges>\n");
  for (const EdgeRef& e : g.edges()) {
    const EdgeData& d = *e.data;
    bool relation = d.kind == EdgeKind::kRelation;
    out.append("      <edge id=\"").append(std::to_string(e.id)).append("\" source=\"").append(id_xml[e.source]);
    out.append("\" target=\"").append(id_xml[e.target]).append("\"");
    // NetworkX's reader refuses a directed graph with undirected edges;
    // "mutual" (both ways) is GEXF's symmetric type that it and Gephi read.
    if (!relation) out.append(" type=\"mutual\"");
    if (relation) {
      out.append(" label=\"");
      AppendXml(d.relation, &out);
      out.push_back('"');
    }
    out.append(" weight=\"").append(std::to_string(d.weight)).append(".0\"");
    Interval(d.seen, &out);
    out.append(">\n        <attvalues>\n");
    Value("relation", d.relation, &out);
    Value("kind", EdgeKindName(d.kind), &out);
    Value("evidence", d.evidence.empty() ? std::string_view() : d.evidence[0].text, &out);
    Value("evidence_count", std::to_string(d.evidence.size()), &out);
    if (!d.seen.empty()) {
      Value("first_seen", FormatDate(d.seen.first), &out);
      Value("last_seen", FormatDate(d.seen.last), &out);
    }
    out.append("        </attvalues>\n      </edge>\n");
    buffer->Flush();
  }
  out.append("    </edges>\n  </graph>\n</gexf>\n");
}

}  // namespace kg

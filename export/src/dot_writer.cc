#include "dot_writer.h"

#include "entity_style.h"
#include "escape.h"

namespace kg {

namespace {

void Quoted(std::string_view s, std::string* out) {
  out->push_back('"');
  AppendDotQuoted(s, out);
  out->push_back('"');
}

}  // namespace

void DotWriter::Write(const KnowledgeGraph& g, OutputBuffer* buffer) const {
  std::string& out = *buffer->str();
  out.append("digraph \"kg\" {\n");
  out.append("  graph [overlap=false, splines=true, fontname=\"Helvetica\"];\n");
  out.append("  node [style=filled, fontname=\"Helvetica\", fontsize=11];\n");
  out.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
  for (NodeId v = 0; v < g.node_count(); ++v) {
    const NodeData& n = g.node(v);
    const EntityStyle& st = StyleOf(n.type);
    out.append("  ");
    Quoted(n.id, &out);
    out.append(" [label=");
    Quoted(n.label, &out);
    out.append(", type=").append(EntityTypeName(n.type));
    out.append(", shape=").append(st.dot_shape).append(", fillcolor=\"").append(st.color).append("\"");
    out.append(", mentions=").append(std::to_string(n.mentions)).append("];\n");
    buffer->Flush();
  }
  for (const EdgeRef& e : g.edges()) {
    out.append("  ");
    Quoted(g.node(e.source).id, &out);
    out.append(" -> ");
    Quoted(g.node(e.target).id, &out);
    out.append(" [");
    if (e.data->kind == EdgeKind::kRelation) {
      out.append("label=");
      Quoted(e.data->relation, &out);
      out.append(", kind=relation");
    } else {
      out.append("kind=cooccurrence, style=dashed, color=\"#999999\", arrowhead=none");
    }
    out.append(", weight=").append(std::to_string(e.data->weight)).append("];\n");
    buffer->Flush();
  }
  out.append("}\n");
}

}  // namespace kg

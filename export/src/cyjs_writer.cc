#include "cyjs_writer.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "entity_style.h"

namespace kg {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void Str(Writer& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

void Field(Writer& w, const char* key, std::string_view value) {
  w.Key(key);
  Str(w, value);
}

void Seen(Writer& w, const DateRange& seen) {
  if (seen.empty()) return;
  Field(w, "first_seen", FormatDate(seen.first));
  Field(w, "last_seen", FormatDate(seen.last));
}

void Node(Writer& w, const KnowledgeGraph& g, NodeId v) {
  const NodeData& n = g.node(v);
  const EntityStyle& st = StyleOf(n.type);
  w.StartObject();
  w.Key("data");
  w.StartObject();
  Field(w, "id", n.id);
  Field(w, "name", n.label);  // Cytoscape desktop's label column
  Field(w, "type", EntityTypeName(n.type));
  w.Key("aliases");
  w.StartArray();
  for (const auto& a : n.aliases) Str(w, a);
  w.EndArray();
  w.Key("mentions");
  w.Uint64(n.mentions);
  w.Key("documents");
  w.Uint64(n.documents.size());
  Seen(w, NodeSeen(g, v));
  Field(w, "color", st.color);
  Field(w, "shape", st.shape);
  w.EndObject();
  w.EndObject();
}

void Edge(Writer& w, const KnowledgeGraph& g, const EdgeRef& e) {
  const EdgeData& d = *e.data;
  w.StartObject();
  w.Key("data");
  w.StartObject();
  std::string id = std::to_string(e.id);
  id.insert(id.begin(), 'e');
  Field(w, "id", id);
  Field(w, "source", g.node(e.source).id);
  Field(w, "target", g.node(e.target).id);
  Field(w, "interaction", d.relation);  // Cytoscape desktop's edge type column
  Field(w, "kind", EdgeKindName(d.kind));
  w.Key("directed");
  w.Bool(d.kind == EdgeKind::kRelation);
  w.Key("weight");
  w.Uint64(d.weight);
  Seen(w, d.seen);
  w.Key("evidence");
  w.StartArray();
  for (const Evidence& ev : d.evidence) {
    w.StartObject();
    Field(w, "document", g.documents()[ev.document].id);
    Field(w, "text", ev.text);
    if (ev.via_coreference) Field(w, "via", "coreference");
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
}

}  // namespace

void CyjsWriter::Write(const KnowledgeGraph& g, OutputBuffer* buffer) const {
  rapidjson::StringBuffer sb(nullptr, 1u << 20);
  Writer w(sb);
  auto drain = [&](size_t at_least) {
    if (sb.GetSize() < at_least) return;
    buffer->Append(std::string_view(sb.GetString(), sb.GetSize()));
    sb.Clear();
  };
  w.StartObject();
  Field(w, "format_version", "1.0");
  std::string by(kGenerator);
  by.append(" ").append(kVersion);
  Field(w, "generated_by", by);
  Field(w, "target_cytoscapejs_version", "~3.0");
  w.Key("data");
  w.StartObject();
  Field(w, "name", "kg");
  w.EndObject();
  w.Key("elements");
  w.StartObject();
  w.Key("nodes");
  w.StartArray();
  for (NodeId v = 0; v < g.node_count(); ++v) {
    Node(w, g, v);
    drain(1u << 20);
  }
  w.EndArray();
  w.Key("edges");
  w.StartArray();
  for (const EdgeRef& e : g.edges()) {
    Edge(w, g, e);
    drain(1u << 20);
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
  drain(0);
  buffer->Append("\n");
}

}  // namespace kg

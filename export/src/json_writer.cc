#include "json_writer.h"

// With SSE2, RapidJSON's Writer<StringBuffer> copies the runs of a string
// that need no escaping 16 bytes at a time instead of byte by byte (most of
// graph.json is evidence text).
#if defined(__SSE2__) && !defined(RAPIDJSON_SSE2)
#define RAPIDJSON_SSE2
#endif
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>
#include <string>
#include <tuple>
#include <vector>

#include "kg/base/arena.h"
#include "kg/base/flat_map.h"

namespace kg {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void Str(Writer& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

// Moves what the writer has produced into the output, a chunk at a time.
void Drain(rapidjson::StringBuffer* sb, OutputBuffer* buffer, size_t at_least) {
  if (sb->GetSize() < at_least) return;
  buffer->Append(std::string_view(sb->GetString(), sb->GetSize()));
  sb->Clear();
}

}  // namespace

void JsonWriter::Write(const KnowledgeGraph& g, OutputBuffer* buffer) const {
  rapidjson::StringBuffer sb(nullptr, 1u << 20);
  Writer w(sb);
  const auto& docs = g.documents();
  w.StartObject();
  w.Key("directed");
  w.Bool(true);
  w.Key("multigraph");
  w.Bool(true);
  w.Key("graph");
  w.StartObject();
  w.Key("generator");
  Str(w, kGenerator);
  w.Key("version");
  Str(w, kVersion);
  w.Key("documents");
  w.StartArray();
  for (const DocumentInfo& d : docs) {
    w.StartObject();
    w.Key("id");
    Str(w, d.id);
    w.Key("path");
    Str(w, d.path);
    w.Key("sentences");
    w.Uint64(d.sentences);
    w.Key("chars");
    w.Uint64(d.chars);
    if (!d.title.empty()) {
      w.Key("title");
      Str(w, d.title);
    }
    if (d.date != 0) {
      w.Key("date");
      Str(w, FormatDate(d.date));
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();

  w.Key("nodes");
  w.StartArray();
  for (NodeId v = 0; v < g.node_count(); ++v) {
    const NodeData& n = g.node(v);
    w.StartObject();
    w.Key("id");
    Str(w, n.id);
    w.Key("label");
    Str(w, n.label);
    w.Key("type");
    Str(w, EntityTypeName(n.type));
    w.Key("aliases");
    w.StartArray();
    for (const auto& a : n.aliases) Str(w, a);
    w.EndArray();
    w.Key("mentions");
    w.Uint64(n.mentions);
    w.Key("documents");
    w.StartArray();
    for (uint32_t d : n.documents) Str(w, docs[d].id);
    w.EndArray();
    if (DateRange seen = NodeSeen(g, v); !seen.empty()) {
      w.Key("first_seen");
      Str(w, FormatDate(seen.first));
      w.Key("last_seen");
      Str(w, FormatDate(seen.last));
    }
    // What `kg merge` needs to merge graphs as one build would.
    w.Key("forms");
    w.StartArray();
    for (const auto& [form, c] : n.forms) {
      w.StartArray();
      Str(w, form);
      w.Uint64(c.count);
      w.Uint64(c.label_in);
      w.EndArray();
    }
    w.EndArray();
    w.Key("type_votes");
    w.StartObject();
    for (int t = 0; t < kEntityTypeCount; ++t) {
      if (n.type_votes[t] == 0) continue;
      Str(w, EntityTypeName(static_cast<EntityType>(t)));
      w.Uint64(n.type_votes[t]);
    }
    w.EndObject();
    if (n.forced) {
      w.Key("forced");
      w.Bool(true);
    }
    w.EndObject();
    Drain(&sb, buffer, 1u << 20);
  }
  w.EndArray();

  // The links, most of the file, are put together from pieces serialised
  // once (node ids, relation names, evidence sentences) and appended
  // directly: RapidJSON's writer ends with the key, the array is ours.
  w.Key("links");
  Drain(&sb, buffer, 0);
  // Each piece is a JSON value as RapidJSON writes it.
  rapidjson::StringBuffer one;
  auto json_of = [&one](auto write) {
    one.Clear();
    Writer pw(one);
    write(pw);
    return std::string(one.GetString(), one.GetSize());
  };
  std::vector<std::string> id_json(g.node_count());
  for (NodeId v = 0; v < g.node_count(); ++v) id_json[v] = json_of([&](Writer& pw) { Str(pw, g.node(v).id); });
  FlatStringMap<std::string> relation_json;
  const std::string kind_json[] = {json_of([](Writer& pw) { Str(pw, EdgeKindName(EdgeKind::kRelation)); }),
                                   json_of([](Writer& pw) { Str(pw, EdgeKindName(EdgeKind::kCooccurrence)); })};
  // serialised[k] is the JSON of sentence k (numbered across documents),
  // kept in an arena: a sentence cited by several edges is serialised once.
  size_t cited = 0;
  for (const EdgeRef& e : g.edges()) cited += e.data->evidence.size();
  SentenceNumbers numbers(docs, SentenceNumbers::LimitFor(cited));
  std::vector<std::string_view> serialised(numbers.total());
  StringArena evidence_json(4u << 20);
  std::string& out = *buffer->str();
  out.append(":[");
  bool first_link = true;
  const std::string* last_relation = nullptr;
  std::string* relation = nullptr;
  for (const EdgeRef& e : g.edges()) {
    if (!first_link) out.push_back(',');
    first_link = false;
    // (Edges mostly repeat the relation of the edge before.)
    if (!last_relation || *last_relation != e.data->relation) {
      last_relation = &e.data->relation;
      bool added;
      std::tie(relation, added) = relation_json.Emplace(e.data->relation, std::string());
      if (added) *relation = json_of([&](Writer& pw) { Str(pw, e.data->relation); });
    }
    out.append("{\"source\":").append(id_json[e.source]);
    out.append(",\"target\":").append(id_json[e.target]);
    out.append(",\"relation\":").append(*relation);
    out.append(",\"kind\":").append(kind_json[e.data->kind == EdgeKind::kRelation ? 0 : 1]);
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, e.data->weight).ptr;
    out.append(",\"weight\":").append(digits, end);
    if (!e.data->seen.empty()) {
      out.append(",\"first_seen\":\"").append(FormatDate(e.data->seen.first));
      out.append("\",\"last_seen\":\"").append(FormatDate(e.data->seen.last)).push_back('"');
    }
    out.append(",\"evidence\":[");
    bool first_evidence = true;
    for (const Evidence& ev : e.data->evidence) {
      // (A sentence its document does not count, from a hand-edited graph, is
      // serialised each time.)
      size_t k = numbers.Of(ev.document, ev.sentence);
      bool counted = k < numbers.total();
      std::string_view json = counted ? serialised[k] : std::string_view();
      if (json.empty()) {
        one.Clear();
        Writer ew(one);
        ew.StartObject();
        ew.Key("document");
        Str(ew, docs[ev.document].id);
        ew.Key("sentence");
        ew.Uint(ev.sentence);
        ew.Key("start");
        ew.Uint64(ev.start);
        ew.Key("end");
        ew.Uint64(ev.end);
        ew.Key("text");
        Str(ew, ev.text);
        ew.EndObject();
        json = std::string_view(one.GetString(), one.GetSize());
        if (counted) json = serialised[k] = evidence_json.Add(json);
      }
      if (!first_evidence) out.push_back(',');
      first_evidence = false;
      if (ev.via_coreference) {  // (the cached object, one member more)
        json.remove_suffix(1);
        out.append(json).append(",\"via\":\"coreference\"}");
      } else {
        out.append(json);
      }
    }
    out.append("]}");
    buffer->Flush();
  }
  out.append("]}\n");
}

}  // namespace kg

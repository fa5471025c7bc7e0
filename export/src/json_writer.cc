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

namespace {

// "graph": the generator and the documents.
void WriteGraphInfo(Writer& w, const std::vector<DocumentInfo>& docs) {
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
}

// What `kg merge` needs to merge graphs as one build would: forms, type votes, forced.
void WriteMergeFields(Writer& w, const NodeData& n) {
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
}

void WriteNode(Writer& w, const KnowledgeGraph& g, NodeId v) {
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
  for (uint32_t d : n.documents) Str(w, g.documents()[d].id);
  w.EndArray();
  if (DateRange seen = NodeSeen(g, v); !seen.empty()) {
    w.Key("first_seen");
    Str(w, FormatDate(seen.first));
    w.Key("last_seen");
    Str(w, FormatDate(seen.last));
  }
  WriteMergeFields(w, n);
  w.EndObject();
}

// The links, most of the file, put together from pieces serialised once
// (node ids, relation names, evidence sentences) and appended directly to
// the output. Each piece is a JSON value as RapidJSON writes it.
class LinkWriter {
 public:
  explicit LinkWriter(const KnowledgeGraph& g) : g_(g), numbers_(g.documents(), SentenceNumbers::LimitFor(Cited(g))) {
    id_json_.resize(g.node_count());
    for (NodeId v = 0; v < g.node_count(); ++v) id_json_[v] = JsonOf([&](Writer& pw) { Str(pw, g.node(v).id); });
    kind_json_[0] = JsonOf([](Writer& pw) { Str(pw, EdgeKindName(EdgeKind::kRelation)); });
    kind_json_[1] = JsonOf([](Writer& pw) { Str(pw, EdgeKindName(EdgeKind::kCooccurrence)); });
    serialised_.resize(numbers_.total());
  }

  // Appends ":[" then every link, then "]".
  void WriteAll(OutputBuffer* buffer) {
    std::string& out = *buffer->str();
    out.append(":[");
    bool first = true;
    for (const EdgeRef& e : g_.edges()) {
      if (!first) out.push_back(',');
      first = false;
      WriteLink(e, &out);
      buffer->Flush();
    }
    out.push_back(']');
  }

 private:
  static size_t Cited(const KnowledgeGraph& g) {
    size_t cited = 0;
    for (const EdgeRef& e : g.edges()) cited += e.data->evidence.size();
    return cited;
  }

  template <typename Write>
  std::string JsonOf(Write write) {
    one_.Clear();
    Writer pw(one_);
    write(pw);
    return std::string(one_.GetString(), one_.GetSize());
  }

  // The relation name's JSON (edges mostly repeat the relation of the edge before).
  const std::string& RelationJson(const std::string& name) {
    if (!last_relation_ || *last_relation_ != name) {
      last_relation_ = &name;
      bool added;
      std::tie(relation_, added) = relation_json_.Emplace(name, std::string());
      if (added) *relation_ = JsonOf([&](Writer& pw) { Str(pw, name); });
    }
    return *relation_;
  }

  // The evidence object's JSON, serialised once per sentence (a sentence
  // its document does not count, from a hand-edited graph, each time).
  std::string_view EvidenceJson(const Evidence& ev) {
    size_t k = numbers_.Of(ev.document, ev.sentence);
    bool counted = k < numbers_.total();
    std::string_view json = counted ? serialised_[k] : std::string_view();
    if (!json.empty()) return json;
    one_.Clear();
    Writer ew(one_);
    ew.StartObject();
    ew.Key("document");
    Str(ew, g_.documents()[ev.document].id);
    ew.Key("sentence");
    ew.Uint(ev.sentence);
    ew.Key("start");
    ew.Uint64(ev.start);
    ew.Key("end");
    ew.Uint64(ev.end);
    ew.Key("text");
    Str(ew, ev.text);
    ew.EndObject();
    json = std::string_view(one_.GetString(), one_.GetSize());
    if (counted) json = serialised_[k] = evidence_json_.Add(json);
    return json;
  }

  void WriteLink(const EdgeRef& e, std::string* out) {
    out->append("{\"source\":").append(id_json_[e.source]);
    out->append(",\"target\":").append(id_json_[e.target]);
    out->append(",\"relation\":").append(RelationJson(e.data->relation));
    out->append(",\"kind\":").append(kind_json_[e.data->kind == EdgeKind::kRelation ? 0 : 1]);
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, e.data->weight).ptr;
    out->append(",\"weight\":").append(digits, end);
    if (!e.data->seen.empty()) {
      out->append(",\"first_seen\":\"").append(FormatDate(e.data->seen.first));
      out->append("\",\"last_seen\":\"").append(FormatDate(e.data->seen.last)).push_back('"');
    }
    out->append(",\"evidence\":[");
    bool first = true;
    for (const Evidence& ev : e.data->evidence) {
      std::string_view json = EvidenceJson(ev);
      if (!first) out->push_back(',');
      first = false;
      if (ev.via_coreference) {  // (the cached object, one member more)
        json.remove_suffix(1);
        out->append(json).append(",\"via\":\"coreference\"}");
      } else {
        out->append(json);
      }
    }
    out->append("]}");
  }

  const KnowledgeGraph& g_;
  SentenceNumbers numbers_;
  rapidjson::StringBuffer one_;  // the piece being serialised
  std::vector<std::string> id_json_;
  std::string kind_json_[2];
  FlatStringMap<std::string> relation_json_;
  const std::string* last_relation_ = nullptr;
  std::string* relation_ = nullptr;
  std::vector<std::string_view> serialised_;  // [k]: the JSON of sentence k (numbered across documents)
  StringArena evidence_json_{4u << 20};
};

}  // namespace

void JsonWriter::Write(const KnowledgeGraph& g, OutputBuffer* buffer) const {
  rapidjson::StringBuffer sb(nullptr, 1u << 20);
  Writer w(sb);
  w.StartObject();
  w.Key("directed");
  w.Bool(true);
  w.Key("multigraph");
  w.Bool(true);
  WriteGraphInfo(w, g.documents());
  w.Key("nodes");
  w.StartArray();
  for (NodeId v = 0; v < g.node_count(); ++v) {
    WriteNode(w, g, v);
    Drain(&sb, buffer, 1u << 20);
  }
  w.EndArray();
  // RapidJSON's writer ends with the key; the links array is LinkWriter's.
  w.Key("links");
  Drain(&sb, buffer, 0);
  LinkWriter(g).WriteAll(buffer);
  buffer->str()->append("}\n");
}

}  // namespace kg

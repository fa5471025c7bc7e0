#include "kg/graph/json_store.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "kg/base/atomic_file.h"
#include "kg/base/text.h"

namespace kg {

namespace {

using Value = rapidjson::Value;

class Reader {
 public:
  explicit Reader(std::string where) : where_(std::move(where)) {}

  Status Error(const std::string& what) const { return InvalidInput(where_ + ": " + what); }

  bool Str(const Value& v, const char* key, std::string* out) const {
    if (!v.IsObject()) return false;
    auto it = v.FindMember(key);
    if (it == v.MemberEnd() || !it->value.IsString()) return false;
    out->assign(it->value.GetString(), it->value.GetStringLength());
    return true;
  }
  static uint64_t UInt(const Value& v, const char* key) {
    if (!v.IsObject()) return 0;
    auto it = v.FindMember(key);
    if (it == v.MemberEnd() || !it->value.IsNumber()) return 0;
    if (it->value.IsUint64()) return it->value.GetUint64();
    // Negative, fractional or huge numbers from another tool: clamp, since
    // converting an out-of-range double is undefined behaviour.
    double d = it->value.GetDouble();
    if (!(d > 0)) return 0;
    if (d >= 18446744073709549568.0) return UINT64_MAX;
    return static_cast<uint64_t>(d);
  }

 private:
  std::string where_;
};

}  // namespace

StatusOr<KnowledgeGraph> ParseGraphJson(const std::string& text, const std::string& where) {
  std::string copy = text;
  return ParseGraphJsonInPlace(&copy, where);
}

StatusOr<KnowledgeGraph> ParseGraphJsonInPlace(std::string* taken, const std::string& where) {
  // In-situ: strings are decoded inside the buffer instead of copied, and
  // the graph keeps the buffer, so evidence text is a view into it.
  auto buffer = std::make_shared<std::string>(std::move(*taken));
  taken->clear();
  const std::string& text = *buffer;
  Reader r(where);
  rapidjson::Document doc;
  doc.ParseInsitu(buffer->data());
  if (doc.HasParseError()) {
    return r.Error(std::string(text.empty() ? "empty file" : "invalid JSON") + " at byte " +
                   std::to_string(doc.GetErrorOffset()) + ": " + rapidjson::GetParseError_En(doc.GetParseError()) +
                   (doc.GetErrorOffset() >= text.size() ? " (truncated file?)" : ""));
  }
  if (!doc.IsObject()) return r.Error("not a kg graph (expected a JSON object)");
  auto nodes_it = doc.FindMember("nodes");
  auto links_it = doc.FindMember("links");
  if (links_it == doc.MemberEnd()) links_it = doc.FindMember("edges");
  if (nodes_it == doc.MemberEnd() || !nodes_it->value.IsArray()) return r.Error("no \"nodes\" array");
  if (links_it == doc.MemberEnd() || !links_it->value.IsArray()) return r.Error("no \"links\" array");

  std::vector<DocumentInfo> docs;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view v) const { return std::hash<std::string_view>()(v); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> doc_index;
  auto graph_it = doc.FindMember("graph");
  if (graph_it != doc.MemberEnd() && graph_it->value.IsObject()) {
    auto d_it = graph_it->value.FindMember("documents");
    if (d_it != graph_it->value.MemberEnd() && d_it->value.IsArray()) {
      for (const Value& d : d_it->value.GetArray()) {
        DocumentInfo info;
        if (!r.Str(d, "id", &info.id)) return r.Error("a document without a string \"id\"");
        r.Str(d, "path", &info.path);
        info.sentences = Reader::UInt(d, "sentences");
        info.chars = Reader::UInt(d, "chars");
        r.Str(d, "title", &info.title);
        std::string date;
        if (r.Str(d, "date", &date) && !ParseDate(date, &info.date)) {
          return r.Error("document \"" + info.id + "\": \"date\" is not a date (" + date.substr(0, 40) + ")");
        }
        doc_index.emplace(info.id, static_cast<uint32_t>(docs.size()));
        docs.push_back(std::move(info));
      }
    }
  }
  auto doc_of = [&](std::string_view id) {
    auto it = doc_index.find(id);
    if (it != doc_index.end()) return it->second;
    uint32_t index = static_cast<uint32_t>(docs.size());
    doc_index.emplace(std::string(id), index);
    docs.push_back({std::string(id), "", 0, 0, "", 0});
    return index;
  };

  std::vector<NodeData> nodes;
  size_t i = 0;
  for (const Value& n : nodes_it->value.GetArray()) {
    ++i;
    NodeData d;
    if (!r.Str(n, "id", &d.id) || d.id.empty()) return r.Error("node " + std::to_string(i) + ": missing string \"id\"");
    if (!r.Str(n, "label", &d.label)) d.label = d.id;
    std::string type;
    if (r.Str(n, "type", &type) && !ParseEntityType(type, &d.type)) {
      return r.Error("node \"" + d.id + "\": unknown type \"" + type + "\"");
    }
    d.mentions = Reader::UInt(n, "mentions");
    auto a_it = n.FindMember("aliases");
    if (a_it != n.MemberEnd() && a_it->value.IsArray()) {
      for (const Value& a : a_it->value.GetArray()) if (a.IsString()) d.aliases.emplace_back(a.GetString(), a.GetStringLength());
    }
    auto f_it = n.FindMember("forms");
    if (f_it != n.MemberEnd() && f_it->value.IsArray()) {
      for (const Value& f : f_it->value.GetArray()) {
        if (!f.IsArray() || f.Size() != 3 || !f[0].IsString() || !f[1].IsUint64() || !f[2].IsUint64()) {
          return r.Error("node \"" + d.id + "\": malformed \"forms\"");
        }
        d.forms[std::string(f[0].GetString(), f[0].GetStringLength())] = {f[1].GetUint64(), f[2].GetUint64()};
      }
    } else {
      // A graph written by another tool: derive forms from label and aliases.
      d.forms[d.label] = {std::max<uint64_t>(d.mentions, 1), 1};
      for (const auto& a : d.aliases) d.forms[a].count += 1;
    }
    auto t_it = n.FindMember("type_votes");
    if (t_it != n.MemberEnd() && t_it->value.IsObject()) {
      for (auto m = t_it->value.MemberBegin(); m != t_it->value.MemberEnd(); ++m) {
        EntityType t;
        if (ParseEntityType(m->name.GetString(), &t) && m->value.IsUint64()) d.type_votes[static_cast<int>(t)] = m->value.GetUint64();
      }
    } else {
      d.type_votes[static_cast<int>(d.type)] = std::max<uint64_t>(d.mentions, 1);
    }
    auto fo = n.FindMember("forced");
    d.forced = fo != n.MemberEnd() && fo->value.IsBool() && fo->value.GetBool();
    auto docs_it = n.FindMember("documents");
    if (docs_it != n.MemberEnd() && docs_it->value.IsArray()) {
      for (const Value& dv : docs_it->value.GetArray()) {
        if (dv.IsString()) d.documents.push_back(doc_of(std::string_view(dv.GetString(), dv.GetStringLength())));
      }
      std::sort(d.documents.begin(), d.documents.end());
      d.documents.erase(std::unique(d.documents.begin(), d.documents.end()), d.documents.end());
    }
    nodes.push_back(std::move(d));
  }
  std::sort(nodes.begin(), nodes.end(), [](const NodeData& a, const NodeData& b) { return a.id < b.id; });
  for (size_t k = 1; k < nodes.size(); ++k) {
    if (nodes[k].id == nodes[k - 1].id) return r.Error("duplicate node id \"" + nodes[k].id + "\"");
  }

  KnowledgeGraph g;
  g.KeepAlive(buffer);
  std::unordered_map<std::string, NodeId, Hash, std::equal_to<>> ids;
  for (NodeData& d : nodes) {
    std::string id = d.id;
    ids.emplace(id, g.AddNode(std::move(d)));
  }
  struct PendingEdge {
    NodeId s, t;
    EdgeData d;
  };
  std::vector<PendingEdge> edges;
  std::vector<size_t> seen_from_evidence;
  i = 0;
  for (const Value& l : links_it->value.GetArray()) {
    ++i;
    std::string s, t;
    if (!r.Str(l, "source", &s) || !r.Str(l, "target", &t)) {
      return r.Error("link " + std::to_string(i) + ": missing string \"source\" or \"target\"");
    }
    auto si = ids.find(s), ti = ids.find(t);
    if (si == ids.end()) return r.Error("link " + std::to_string(i) + ": unknown source \"" + s + "\"");
    if (ti == ids.end()) return r.Error("link " + std::to_string(i) + ": unknown target \"" + t + "\"");
    EdgeData d;
    if (!r.Str(l, "relation", &d.relation)) d.relation = "related";
    std::string kind;
    r.Str(l, "kind", &kind);
    d.kind = kind == "cooccurrence" ? EdgeKind::kCooccurrence : EdgeKind::kRelation;
    d.weight = Reader::UInt(l, "weight");
    auto ev_it = l.FindMember("evidence");
    if (ev_it != l.MemberEnd() && ev_it->value.IsArray()) {
      for (const Value& e : ev_it->value.GetArray()) {
        Evidence ev;
        auto did = e.IsObject() ? e.FindMember("document") : e.MemberEnd();
        if (!e.IsObject() || did == e.MemberEnd() || !did->value.IsString()) {
          return r.Error("link " + std::to_string(i) + ": evidence without \"document\"");
        }
        ev.document = doc_of(std::string_view(did->value.GetString(), did->value.GetStringLength()));
        ev.sentence = static_cast<uint32_t>(Reader::UInt(e, "sentence"));
        ev.start = Reader::UInt(e, "start");
        ev.end = Reader::UInt(e, "end");
        auto text_it = e.FindMember("text");
        if (text_it != e.MemberEnd() && text_it->value.IsString()) {
          ev.text = std::string_view(text_it->value.GetString(), text_it->value.GetStringLength());
        }
        d.evidence.push_back(std::move(ev));
      }
    }
    if (d.weight == 0) d.weight = std::max<uint64_t>(1, d.evidence.size());
    std::string first, last;
    if (r.Str(l, "first_seen", &first) && r.Str(l, "last_seen", &last)) {
      Date a = 0, b = 0;
      if (!ParseDate(first, &a) || !ParseDate(last, &b)) {
        return r.Error("link " + std::to_string(i) + ": \"first_seen\" or \"last_seen\" is not a date");
      }
      d.seen.Add(a);
      d.seen.Add(b);
    } else {
      seen_from_evidence.push_back(edges.size());  // another tool's graph: dated once documents are known
    }
    edges.push_back({si->second, ti->second, std::move(d)});
  }
  for (size_t k : seen_from_evidence) {
    for (const Evidence& ev : edges[k].d.evidence) edges[k].d.seen.Add(docs[ev.document].date);
  }
  std::stable_sort(edges.begin(), edges.end(), [](const PendingEdge& a, const PendingEdge& b) {
    return std::tie(a.s, a.t, a.d.kind, a.d.relation) < std::tie(b.s, b.t, b.d.kind, b.d.relation);
  });
  g.SetDocuments(std::move(docs));
  std::vector<KnowledgeGraph::NewEdge> added;
  added.reserve(edges.size());
  for (PendingEdge& e : edges) added.push_back({e.s, e.t, std::move(e.d)});
  g.AddEdges(std::move(added));
  g.Seal();
  return g;
}

std::string GraphJsonPath(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  return fs::is_directory(path, ec) ? (fs::path(path) / "graph.json").string() : path;
}

StatusOr<KnowledgeGraph> LoadGraphJson(const std::string& path) {
  std::string file = GraphJsonPath(path);
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return IoError(file + ": no such file");
  std::string text;
  Status s = ReadFile(file, &text);
  if (!s.ok()) return s;
  size_t bad = FindInvalidUtf8(text);
  if (bad != std::string::npos) return InvalidInput(file + ": invalid UTF-8 at byte " + std::to_string(bad));
  return ParseGraphJsonInPlace(&text, file);
}

}  // namespace kg

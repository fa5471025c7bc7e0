#include "kg/graph/json_store.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "kg/base/atomic_file.h"
#include "kg/base/date.h"
#include "kg/base/json_parse.h"
#include "kg/base/text.h"

namespace kg {

namespace {

using Value = rapidjson::Value;

class Reader {
 public:
  explicit Reader(std::string where) : where_(std::move(where)) {}

  Status Error(const std::string& what) const { return InvalidInput(where_ + ": " + what); }

  // A string field, cleaned as every name kg outputs (CleanText): a hand-
  // edited graph cannot bring a control character or noncharacter in.
  bool Str(const Value& v, const char* key, std::string* out) const {
    if (!v.IsObject()) return false;
    auto it = v.FindMember(key);
    if (it == v.MemberEnd() || !it->value.IsString()) return false;
    *out = Clean(it->value);
    return true;
  }
  static std::string Clean(const Value& s) { return CleanText(std::string_view(s.GetString(), s.GetStringLength()), true); }
  // Evidence text stays in the parsed buffer: cleaned there, byte for byte.
  static std::string_view CleanInPlace(const Value& s) {
    std::string_view text(s.GetString(), s.GetStringLength());
    if (!NeedsCleaning(text)) return text;
    // Invalid UTF-8 (only when the caller skipped the file check): dropped.
    if (FindInvalidUtf8(text) != std::string_view::npos) return {};
    BlankForbiddenCodePoints(const_cast<char*>(s.GetString()), text.size());
    return text;
  }
  // Optional fields: absent leaves the default; present with the wrong
  // type or out of range records a problem (the first one is kept), which
  // the caller returns with the node or link at fault.
  bool ok() const { return problem_.empty(); }
  const std::string& problem() const { return problem_; }
  void Problem(std::string what) {
    if (problem_.empty()) problem_ = std::move(what);
  }
  // A string field, or a problem when present and not a string.
  bool OptStr(const Value& v, const char* key, std::string* out) {
    auto it = v.FindMember(key);
    if (it == v.MemberEnd()) return false;
    if (!it->value.IsString()) {
      Problem(std::string("\"") + key + "\" is not a string");
      return false;
    }
    *out = Clean(it->value);
    return true;
  }
  // A date field as kg writes it, YYYY-MM-DD (a real day), or a problem
  // when present and not one. False when absent.
  bool OptDate(const Value& v, const char* key, Date* out) {
    auto it = v.FindMember(key);
    if (it == v.MemberEnd()) return false;
    Date d = 0;
    if (!it->value.IsString()) {
      Problem(std::string("\"") + key + "\" is not a string");
      return false;
    }
    std::string text = Clean(it->value);
    if (text.size() != 10 || !ParseDate(text, &d) || FormatDate(d) != text) {
      Problem(std::string("\"") + key + "\" is not a date in YYYY-MM-DD form (\"" + text.substr(0, 40) + "\")");
      return false;
    }
    *out = d;
    return true;
  }
  // A count (weight, mentions, offsets...): a number from 0 to `max`;
  // fractions from another tool are truncated. 0 when absent.
  uint64_t Count(const Value& v, const char* key, uint64_t max = kMaxCount) {
    auto it = v.FindMember(key);
    if (it == v.MemberEnd()) return 0;
    const Value& n = it->value;
    if (n.IsUint64() && n.GetUint64() <= max) return n.GetUint64();
    if (n.IsDouble() && n.GetDouble() >= 0 && n.GetDouble() <= static_cast<double>(max)) {
      return static_cast<uint64_t>(n.GetDouble());
    }
    Problem(std::string("\"") + key + "\" must be a number from 0 to " + std::to_string(max));
    return 0;
  }
  // JSON's exact integers: sums of weights on merging stay far from overflow.
  static constexpr uint64_t kMaxCount = (uint64_t{1} << 53) - 1;

 private:
  std::string where_;
  std::string problem_;
};

}  // namespace

StatusOr<KnowledgeGraph> ParseGraphJson(const std::string& text, const std::string& where) {
  std::string copy = text;
  return ParseGraphJsonInPlace(&copy, where);
}

namespace {

struct Hash {
  using is_transparent = void;
  size_t operator()(std::string_view v) const { return std::hash<std::string_view>()(v); }
};
using IdMap = std::unordered_map<std::string, NodeId, Hash, std::equal_to<>>;

struct PendingEdge {
  NodeId s, t;
  EdgeData d;
};

// A parsed graph.json read into a graph, part by part: documents, nodes,
// links. Each step returns the first problem, naming the file and the
// document, node or link at fault.
class GraphReader {
 public:
  explicit GraphReader(const std::string& where) : r_(where) {}
  Status Error(const std::string& what) const { return r_.Error(what); }

  // The documents of "graph" (others are added as evidence names them).
  Status ReadDocuments(const rapidjson::Document& doc);
  Status ReadNode(const Value& n, size_t i, NodeData* d);
  // `dated`: whether the link has its own first_seen/last_seen.
  Status ReadLink(const Value& l, size_t i, const IdMap& ids, PendingEdge* e, bool* dated);
  std::vector<DocumentInfo>& documents() { return docs_; }

 private:
  uint32_t DocOf(std::string_view id);
  Status ReadForms(const Value& n, NodeData* d);
  Status ReadTypeVotes(const Value& n, NodeData* d);
  Status ReadNodeDocuments(const Value& n, NodeData* d);
  Status ReadEvidence(const Value& e, const std::string& link, Evidence* ev);
  Status ReadSeen(const Value& l, const std::string& link, EdgeData* d, bool* dated);

  Reader r_;
  std::vector<DocumentInfo> docs_;
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> doc_index_;
};

Status GraphReader::ReadDocuments(const rapidjson::Document& doc) {
  auto graph_it = doc.FindMember("graph");
  if (graph_it == doc.MemberEnd() || !graph_it->value.IsObject()) return Status::Ok();
  auto d_it = graph_it->value.FindMember("documents");
  if (d_it == graph_it->value.MemberEnd() || !d_it->value.IsArray()) return Status::Ok();
  for (const Value& d : d_it->value.GetArray()) {
    DocumentInfo info;
    if (!r_.Str(d, "id", &info.id)) return Error("a document without a string \"id\"");
    r_.OptStr(d, "path", &info.path);
    info.sentences = r_.Count(d, "sentences", UINT32_MAX);
    info.chars = r_.Count(d, "chars");
    r_.OptStr(d, "title", &info.title);
    r_.OptDate(d, "date", &info.date);
    if (!r_.ok()) return Error("document \"" + info.id + "\": " + r_.problem());
    doc_index_.emplace(info.id, static_cast<uint32_t>(docs_.size()));
    docs_.push_back(std::move(info));
  }
  return Status::Ok();
}

uint32_t GraphReader::DocOf(std::string_view id) {
  auto it = doc_index_.find(id);
  if (it != doc_index_.end()) return it->second;
  uint32_t index = static_cast<uint32_t>(docs_.size());
  doc_index_.emplace(std::string(id), index);
  docs_.push_back({std::string(id), "", 0, 0, "", 0});
  return index;
}

Status GraphReader::ReadNode(const Value& n, size_t i, NodeData* d) {
  if (!r_.Str(n, "id", &d->id) || d->id.empty()) return Error("node " + std::to_string(i) + ": missing string \"id\"");
  if (!r_.OptStr(n, "label", &d->label)) d->label = d->id;
  std::string type;
  if (r_.OptStr(n, "type", &type) && !ParseEntityType(type, &d->type)) {
    return Error("node \"" + d->id + "\": unknown type \"" + type + "\"");
  }
  d->mentions = r_.Count(n, "mentions");
  auto a_it = n.FindMember("aliases");
  if (a_it != n.MemberEnd()) {
    if (!a_it->value.IsArray()) r_.Problem("\"aliases\" is not an array");
    else for (const Value& a : a_it->value.GetArray()) {
      if (a.IsString()) d->aliases.push_back(Reader::Clean(a));
      else r_.Problem("an alias is not a string");
    }
  }
  if (!r_.ok()) return Error("node \"" + d->id + "\": " + r_.problem());
  for (Status (GraphReader::*step)(const Value&, NodeData*) :
       {&GraphReader::ReadForms, &GraphReader::ReadTypeVotes, &GraphReader::ReadNodeDocuments}) {
    Status ok = (this->*step)(n, d);
    if (!ok.ok()) return ok;
  }
  return Status::Ok();
}

// The forms with their counts, or, in a graph written by another tool,
// forms derived from the label and aliases.
Status GraphReader::ReadForms(const Value& n, NodeData* d) {
  auto f_it = n.FindMember("forms");
  if (f_it == n.MemberEnd() || !f_it->value.IsArray()) {
    d->forms[d->label] = {std::max<uint64_t>(d->mentions, 1), 1};
    for (const auto& a : d->aliases) d->forms[a].count += 1;
    return Status::Ok();
  }
  for (const Value& f : f_it->value.GetArray()) {
    if (!f.IsArray() || f.Size() != 3 || !f[0].IsString() || !f[1].IsUint64() || !f[2].IsUint64() ||
        f[1].GetUint64() > Reader::kMaxCount || f[2].GetUint64() > Reader::kMaxCount) {
      return Error("node \"" + d->id + "\": malformed \"forms\"");
    }
    d->forms[Reader::Clean(f[0])] = {f[1].GetUint64(), f[2].GetUint64()};
  }
  return Status::Ok();
}

// The type votes, then "forced" (another tool's graph: its type, once per mention).
Status GraphReader::ReadTypeVotes(const Value& n, NodeData* d) {
  auto t_it = n.FindMember("type_votes");
  if (t_it != n.MemberEnd() && t_it->value.IsObject()) {
    for (auto m = t_it->value.MemberBegin(); m != t_it->value.MemberEnd(); ++m) {
      EntityType t;
      if (!ParseEntityType(m->name.GetString(), &t)) continue;
      if (!m->value.IsUint64() || m->value.GetUint64() > Reader::kMaxCount) {
        return Error("node \"" + d->id + "\": malformed \"type_votes\"");
      }
      d->type_votes[static_cast<int>(t)] = m->value.GetUint64();
    }
  } else {
    d->type_votes[static_cast<int>(d->type)] = std::max<uint64_t>(d->mentions, 1);
  }
  auto fo = n.FindMember("forced");
  if (fo != n.MemberEnd() && !fo->value.IsBool()) return Error("node \"" + d->id + "\": \"forced\" is not true or false");
  d->forced = fo != n.MemberEnd() && fo->value.GetBool();
  return Status::Ok();
}

Status GraphReader::ReadNodeDocuments(const Value& n, NodeData* d) {
  auto docs_it = n.FindMember("documents");
  if (docs_it == n.MemberEnd()) return Status::Ok();
  if (!docs_it->value.IsArray()) return Error("node \"" + d->id + "\": \"documents\" is not an array");
  for (const Value& dv : docs_it->value.GetArray()) {
    if (!dv.IsString()) return Error("node \"" + d->id + "\": a document is not a string");
    d->documents.push_back(DocOf(Reader::Clean(dv)));
  }
  std::sort(d->documents.begin(), d->documents.end());
  d->documents.erase(std::unique(d->documents.begin(), d->documents.end()), d->documents.end());
  return Status::Ok();
}

Status GraphReader::ReadLink(const Value& l, size_t i, const IdMap& ids, PendingEdge* e, bool* dated) {
  std::string s, t;
  if (!r_.Str(l, "source", &s) || !r_.Str(l, "target", &t)) {
    return Error("link " + std::to_string(i) + ": missing string \"source\" or \"target\"");
  }
  auto si = ids.find(s), ti = ids.find(t);
  if (si == ids.end()) return Error("link " + std::to_string(i) + ": unknown source \"" + s + "\"");
  if (ti == ids.end()) return Error("link " + std::to_string(i) + ": unknown target \"" + t + "\"");
  e->s = si->second;
  e->t = ti->second;
  EdgeData& d = e->d;
  std::string link = "link " + std::to_string(i);
  if (!r_.OptStr(l, "relation", &d.relation)) d.relation = "related";
  std::string kind;
  if (r_.OptStr(l, "kind", &kind) && kind != "relation" && kind != "cooccurrence") {
    return Error(link + ": unknown kind \"" + kind + "\" (relation or cooccurrence)");
  }
  d.kind = kind == "cooccurrence" ? EdgeKind::kCooccurrence : EdgeKind::kRelation;
  d.weight = r_.Count(l, "weight");
  if (!r_.ok()) return Error(link + ": " + r_.problem());
  auto ev_it = l.FindMember("evidence");
  if (ev_it != l.MemberEnd() && ev_it->value.IsArray()) {
    for (const Value& ev : ev_it->value.GetArray()) {
      Status ok = ReadEvidence(ev, link, &d.evidence.emplace_back());
      if (!ok.ok()) return ok;
    }
  }
  if (d.weight == 0) d.weight = std::max<uint64_t>(1, d.evidence.size());
  return ReadSeen(l, link, &d, dated);
}

Status GraphReader::ReadEvidence(const Value& e, const std::string& link, Evidence* ev) {
  auto did = e.IsObject() ? e.FindMember("document") : e.MemberEnd();
  if (!e.IsObject() || did == e.MemberEnd() || !did->value.IsString()) {
    return Error(link + ": evidence without \"document\"");
  }
  ev->document = DocOf(Reader::Clean(did->value));
  ev->sentence = static_cast<uint32_t>(r_.Count(e, "sentence", UINT32_MAX - 1));
  ev->start = r_.Count(e, "start");
  ev->end = r_.Count(e, "end");
  if (r_.ok() && ev->start > ev->end) r_.Problem("evidence \"start\" after its \"end\"");
  auto text_it = e.FindMember("text");
  if (text_it != e.MemberEnd()) {
    if (text_it->value.IsString()) ev->text = Reader::CleanInPlace(text_it->value);
    else r_.Problem("evidence \"text\" is not a string");
  }
  std::string via;
  if (r_.OptStr(e, "via", &via)) {
    if (via == "coreference") ev->via_coreference = true;
    else r_.Problem("evidence \"via\" is \"" + via + "\" (coreference is the only value)");
  }
  if (!r_.ok()) return Error(link + ": " + r_.problem());
  return Status::Ok();
}

Status GraphReader::ReadSeen(const Value& l, const std::string& link, EdgeData* d, bool* dated) {
  Date first = 0, last = 0;
  bool has_first = r_.OptDate(l, "first_seen", &first);
  bool has_last = r_.OptDate(l, "last_seen", &last);
  if (r_.ok() && has_first != has_last) r_.Problem("\"first_seen\" and \"last_seen\" go together");
  if (r_.ok() && first > last) r_.Problem("\"first_seen\" after its \"last_seen\"");
  if (!r_.ok()) return Error(link + ": " + r_.problem());
  *dated = has_first;
  if (has_first) {
    d->seen.Add(first);
    d->seen.Add(last);
  }
  return Status::Ok();
}

// The nodes, sorted by id (a repeated id is an error).
StatusOr<std::vector<NodeData>> ReadNodes(GraphReader& reader, const Value& array) {
  std::vector<NodeData> nodes;
  size_t i = 0;
  for (const Value& n : array.GetArray()) {
    Status ok = reader.ReadNode(n, ++i, &nodes.emplace_back());
    if (!ok.ok()) return ok;
  }
  std::sort(nodes.begin(), nodes.end(), [](const NodeData& a, const NodeData& b) { return a.id < b.id; });
  for (size_t k = 1; k < nodes.size(); ++k) {
    if (nodes[k].id == nodes[k - 1].id) return reader.Error("duplicate node id \"" + nodes[k].id + "\"");
  }
  return nodes;
}

// The links in the order the graph keeps them; a link without dates of its
// own (another tool's graph) is dated by its evidence's documents.
StatusOr<std::vector<PendingEdge>> ReadLinks(GraphReader& reader, const Value& array, const IdMap& ids) {
  std::vector<PendingEdge> edges;
  std::vector<size_t> seen_from_evidence;
  size_t i = 0;
  for (const Value& l : array.GetArray()) {
    bool dated = false;
    Status ok = reader.ReadLink(l, ++i, ids, &edges.emplace_back(), &dated);
    if (!ok.ok()) return ok;
    if (!dated) seen_from_evidence.push_back(edges.size() - 1);
  }
  for (size_t k : seen_from_evidence) {
    for (const Evidence& ev : edges[k].d.evidence) edges[k].d.seen.Add(reader.documents()[ev.document].date);
  }
  std::stable_sort(edges.begin(), edges.end(), [](const PendingEdge& a, const PendingEdge& b) {
    return std::tie(a.s, a.t, a.d.kind, a.d.relation) < std::tie(b.s, b.t, b.d.kind, b.d.relation);
  });
  return edges;
}

}  // namespace

StatusOr<KnowledgeGraph> ParseGraphJsonInPlace(std::string* taken, const std::string& where) {
  // In-situ: strings are decoded inside the buffer instead of copied, and
  // the graph keeps the buffer, so evidence text is a view into it.
  auto buffer = std::make_shared<std::string>(std::move(*taken));
  taken->clear();
  const std::string& text = *buffer;
  GraphReader reader(where);
  rapidjson::Document doc;
  JsonParse parsed = ParseJsonInPlace(buffer->data(), &doc);
  if (!parsed.ok) {
    return reader.Error(std::string(text.empty() ? "empty file" : "invalid JSON") + " at byte " +
                        std::to_string(parsed.offset) + ": " + parsed.problem +
                        (parsed.offset >= text.size() ? " (truncated file?)" : ""));
  }
  if (!doc.IsObject()) return reader.Error("not a kg graph (expected a JSON object)");
  auto nodes_it = doc.FindMember("nodes");
  auto links_it = doc.FindMember("links");
  if (links_it == doc.MemberEnd()) links_it = doc.FindMember("edges");
  if (nodes_it == doc.MemberEnd() || !nodes_it->value.IsArray()) return reader.Error("no \"nodes\" array");
  if (links_it == doc.MemberEnd() || !links_it->value.IsArray()) return reader.Error("no \"links\" array");
  Status documents = reader.ReadDocuments(doc);
  if (!documents.ok()) return documents;
  StatusOr<std::vector<NodeData>> nodes = ReadNodes(reader, nodes_it->value);
  if (!nodes.ok()) return nodes.status();
  KnowledgeGraph g;
  g.KeepAlive(buffer);
  IdMap ids;
  for (NodeData& d : *nodes) {
    std::string id = d.id;
    ids.emplace(id, g.AddNode(std::move(d)));
  }
  StatusOr<std::vector<PendingEdge>> edges = ReadLinks(reader, links_it->value, ids);
  if (!edges.ok()) return edges.status();
  g.SetDocuments(std::move(reader.documents()));
  std::vector<KnowledgeGraph::NewEdge> added;
  added.reserve(edges->size());
  for (PendingEdge& e : *edges) added.push_back({e.s, e.t, std::move(e.d)});
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

#include "kg/graph/graph_index.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unordered_map>

#include "kg/base/atomic_file.h"
#include "kg/base/checksum.h"
#include "kg/base/commit_journal.h"
#include "kg/base/text.h"
#include "kg/graph/json_store.h"

namespace kg {

namespace {

// Layout: kMagic, then unsigned LEB128 varints and length-prefixed strings:
//   documents, relation names, evidence sentences (each once), nodes, edges
//   with their evidence (sentence numbers into that table), then kEnd, the
//   checksum of all that (Checksum64), and the stamp of graph.json (size,
//   mtime in ns, checksum of its sampled blocks). Fixed-size numbers are 8
//   bytes, little-endian. The stamp comes last so the body can be encoded
//   while graph.json is still being written. Every byte is checked: the
//   body by its checksum, the stamp against graph.json.
// Version 6: version 5's checksums with the documents' title and date and
//   the edges' first_seen/last_seen. Any other version is not read (the
//   caller falls back to graph.json).
constexpr std::string_view kMagic = "KGINDEX\x07";
constexpr std::string_view kEnd = "KGI-END";

class Encoder {
 public:
  void U(uint64_t v) {
    char buf[10];
    size_t n = 0;
    while (v >= 0x80) {
      buf[n++] = static_cast<char>((v & 0x7F) | 0x80);
      v >>= 7;
    }
    buf[n++] = static_cast<char>(v);
    out_.append(buf, n);
  }
  void Reserve(size_t bytes) { out_.reserve(bytes); }
  void Str(std::string_view s) {
    U(s.size());
    out_.append(s);
  }
  void Raw(std::string_view s) { out_.append(s); }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads what Encoder wrote; any overrun or bad value sets `ok` to false and
// yields zeros from then on.
class Decoder {
 public:
  explicit Decoder(std::string_view in) : p_(in.data()), end_(in.data() + in.size()) {}
  bool ok() const { return ok_; }
  void Fail() { ok_ = false; p_ = end_; }
  uint64_t U() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ == end_) break;
      auto b = static_cast<unsigned char>(*p_++);
      v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    Fail();
    return 0;
  }
  // A count of items each at least `min_bytes` long: never more than remain.
  size_t Count(size_t min_bytes = 1) {
    uint64_t n = U();
    if (n > static_cast<uint64_t>(end_ - p_) / min_bytes) {
      Fail();
      return 0;
    }
    return static_cast<size_t>(n);
  }
  uint64_t Below(uint64_t limit) {
    uint64_t v = U();
    if (v >= limit) {
      Fail();
      return 0;
    }
    return v;
  }
  std::string_view Str() {
    uint64_t n = U();
    if (n > static_cast<uint64_t>(end_ - p_)) {
      Fail();
      return {};
    }
    std::string_view s(p_, n);
    p_ += n;
    return s;
  }
  bool Expect(std::string_view raw) {
    if (static_cast<size_t>(end_ - p_) < raw.size() || std::memcmp(p_, raw.data(), raw.size()) != 0) {
      Fail();
      return false;
    }
    p_ += raw.size();
    return true;
  }
  bool AtEnd() const { return p_ == end_; }

 private:
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

// A read-only mapping of a whole file, unmapped with its last owner. Cheaper
// than reading: the pages come straight from the page cache.
class Mapping {
 public:
  static StatusOr<std::shared_ptr<const Mapping>> Open(const std::string& path) {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return IoError(path + ": cannot open for reading: " + std::strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      close(fd);
      return IoError(path + ": not a regular file");
    }
    auto m = std::shared_ptr<Mapping>(new Mapping());
    m->size_ = static_cast<size_t>(st.st_size);
    if (m->size_ > 0) {
      void* p = mmap(nullptr, m->size_, PROT_READ, MAP_PRIVATE, fd, 0);
      if (p == MAP_FAILED) {
        close(fd);
        return IoError(path + ": cannot map: " + std::strerror(errno));
      }
      m->data_ = static_cast<const char*>(p);
    }
    close(fd);
    return std::shared_ptr<const Mapping>(std::move(m));
  }
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (data_) munmap(const_cast<char*>(data_), size_);
  }
  std::string_view bytes() const { return {data_, size_}; }

 private:
  Mapping() = default;
  const char* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace

namespace {

// Reads `n` bytes at `offset` into `out`; false on a short read or error.
bool ReadAt(int fd, uint64_t offset, size_t n, std::string* out) {
  out->resize(n);
  size_t done = 0;
  while (done < n) {
    ssize_t got = pread(fd, out->data() + done, n - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    done += static_cast<size_t>(got);
  }
  return true;
}

}  // namespace

StatusOr<FileStamp> StampOf(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return IoError(path + ": " + std::strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int err = errno;
    close(fd);
    return IoError(path + ": " + std::strerror(err));
  }
  FileStamp s;
  s.size = static_cast<uint64_t>(st.st_size);
  s.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  // The first and the last kStampBlock bytes (all of a file up to twice that).
  uint64_t head = std::min<uint64_t>(s.size, kStampBlock);
  uint64_t tail_start = std::max<uint64_t>(head, s.size > kStampBlock ? s.size - kStampBlock : 0);
  std::string first, last;
  bool read = ReadAt(fd, 0, static_cast<size_t>(head), &first) &&
              ReadAt(fd, tail_start, static_cast<size_t>(s.size - tail_start), &last);
  close(fd);
  if (!read) return IoError(path + ": cannot read (changed while read?)");
  s.blocks = Checksum64(last, Checksum64(first));
  return s;
}

std::string IndexPathFor(const std::string& json_path) {
  std::string_view ext = ".json";
  if (json_path.size() > ext.size() && json_path.compare(json_path.size() - ext.size(), ext.size(), ext) == 0) {
    return json_path.substr(0, json_path.size() - ext.size()) + ".kgi";
  }
  return json_path + ".kgi";
}

namespace {

void AppendFixed64(uint64_t v, std::string* out) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

uint64_t ReadFixed64(std::string_view s) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(s[static_cast<size_t>(i)])) << (8 * i);
  return v;
}

constexpr size_t kStampBytes = 24;
constexpr size_t kChecksumBytes = 8;

}  // namespace

void StampGraphIndex(const FileStamp& json, std::string* index) {
  AppendFixed64(json.size, index);
  AppendFixed64(static_cast<uint64_t>(json.mtime_ns), index);
  AppendFixed64(json.blocks, index);
}

std::string EncodeGraphIndexBody(const KnowledgeGraph& g) {
  Encoder e;
  e.Raw(kMagic);
  e.U(g.documents().size());
  for (const DocumentInfo& d : g.documents()) {
    e.Str(d.id);
    e.Str(d.path);
    e.U(d.sentences);
    e.U(d.chars);
    e.Str(d.title);
    e.U(d.date);
  }
  // Relation names, each once; each edge's (mostly the same name as the
  // edge before: looked up only when it is not).
  std::vector<std::string_view> relations;
  std::unordered_map<std::string_view, uint64_t> relation_index;
  std::vector<uint32_t> relation_of;
  relation_of.reserve(g.edge_count());
  const std::string* last = nullptr;
  uint32_t last_index = 0;
  for (const EdgeRef& r : g.edges()) {
    if (!last || *last != r.data->relation) {
      auto [it, added] = relation_index.emplace(r.data->relation, relations.size());
      if (added) relations.push_back(r.data->relation);
      last = &r.data->relation;
      last_index = static_cast<uint32_t>(it->second);
    }
    relation_of.push_back(last_index);
  }
  e.U(relations.size());
  for (std::string_view r : relations) e.Str(r);
  // Evidence sentences, each once however many edges cite it.
  // A sentence's place is its number across documents; a sentence past its
  // document's count (a hand-edited graph) is placed through a map.
  std::vector<std::string_view> sentences;
  std::vector<uint64_t> sentence_of;
  const auto& docs = g.documents();
  size_t cited = 0;
  for (const EdgeRef& r : g.edges()) cited += r.data->evidence.size();
  SentenceNumbers numbers(docs, SentenceNumbers::LimitFor(cited));
  constexpr uint64_t kNone = ~uint64_t{0};
  std::vector<uint64_t> numbered(numbers.total(), kNone);
  std::unordered_map<uint64_t, uint64_t> unnumbered;
  for (const EdgeRef& r : g.edges()) {
    for (const Evidence& ev : r.data->evidence) {
      size_t k = numbers.Of(ev.document, ev.sentence);
      uint64_t* slot;
      if (k < numbers.total()) {
        slot = &numbered[k];
      } else {
        auto it = unnumbered.emplace((static_cast<uint64_t>(ev.document) << 32) | ev.sentence, kNone).first;
        slot = &it->second;
      }
      // (The same sentence is mostly the same bytes: compared only if not.)
      auto same = [](std::string_view a, std::string_view b) {
        return a.size() == b.size() && (a.data() == b.data() || a == b);
      };
      if (*slot != kNone && !same(sentences[*slot], ev.text)) {  // a foreign graph may disagree with itself
        sentence_of.push_back(sentences.size());
        sentences.push_back(ev.text);
        continue;
      }
      if (*slot == kNone) {
        *slot = sentences.size();
        sentences.push_back(ev.text);
      }
      sentence_of.push_back(*slot);
    }
  }
  size_t text_bytes = 0;
  for (std::string_view t : sentences) text_bytes += t.size();
  // Room for it all (numbers take a few bytes each).
  e.Reserve(text_bytes + 64 * g.node_count() + 16 * g.edge_count() + 16 * sentence_of.size() + 64 * docs.size() + 4096);
  e.U(sentences.size());
  for (std::string_view t : sentences) e.Str(t);
  e.U(g.node_count());
  for (NodeId v = 0; v < g.node_count(); ++v) {
    const NodeData& n = g.node(v);
    e.Str(n.id);
    e.Str(n.label);
    e.U(static_cast<uint64_t>(n.type));
    e.U(n.forced ? 1 : 0);
    e.U(n.mentions);
    for (uint64_t t : n.type_votes) e.U(t);
    e.U(n.aliases.size());
    for (const auto& a : n.aliases) e.Str(a);
    e.U(n.forms.size());
    for (const auto& [form, c] : n.forms) {
      e.Str(form);
      e.U(c.count);
      e.U(c.label_in);
    }
    e.U(n.documents.size());
    for (uint32_t d : n.documents) e.U(d);
  }
  e.U(g.edge_count());
  size_t k = 0;
  for (size_t edge = 0; edge < g.edge_count(); ++edge) {
    const EdgeRef& r = g.edge(static_cast<EdgeId>(edge));
    e.U(r.source);
    e.U(r.target);
    e.U(relation_of[edge]);
    e.U(static_cast<uint64_t>(r.data->kind));
    e.U(r.data->weight);
    e.U(r.data->seen.first);
    e.U(r.data->seen.last);
    e.U(r.data->evidence.size());
    for (const Evidence& ev : r.data->evidence) {
      e.U(ev.document);
      e.U(ev.sentence);
      e.U(ev.start);
      e.U(ev.end);
      e.U(sentence_of[k++]);
      e.U(ev.via_coreference ? 1 : 0);
    }
  }
  e.Raw(kEnd);
  std::string body = e.Take();
  AppendFixed64(Checksum64(body), &body);
  return body;
}

StatusOr<KnowledgeGraph> LoadGraphIndex(const std::string& index_path, const std::string& json_path) {
  // The graph keeps the index mapped: evidence text points into it.
  auto mapping = Mapping::Open(index_path);
  if (!mapping.ok()) return mapping.status();
  auto stamp = StampOf(json_path);
  if (!stamp.ok()) return stamp.status();
  return DecodeGraphIndex((*mapping)->bytes(), *mapping, &*stamp, index_path, json_path);
}

StatusOr<KnowledgeGraph> DecodeGraphIndex(std::string_view bytes, std::shared_ptr<const void> owner,
                                          const FileStamp* stamp, const std::string& where,
                                          const std::string& json_path) {
  auto bad = [&](const std::string& what) { return InvalidInput(where + ": " + what); };
  if (bytes.size() < kMagic.size() + kEnd.size() + kChecksumBytes + kStampBytes ||
      bytes.substr(0, kMagic.size()) != kMagic) {
    return bad("not a kg index (or another version)");
  }
  std::string_view trailer = bytes.substr(bytes.size() - kStampBytes);
  FileStamp described{ReadFixed64(trailer), static_cast<int64_t>(ReadFixed64(trailer.substr(8))),
                      ReadFixed64(trailer.substr(16))};
  if (stamp && (described.size != stamp->size || described.mtime_ns != stamp->mtime_ns ||
                described.blocks != stamp->blocks)) {
    return bad("describes another version of " + json_path);
  }
  bytes.remove_suffix(kStampBytes);
  uint64_t checksum = ReadFixed64(bytes.substr(bytes.size() - kChecksumBytes));
  bytes.remove_suffix(kChecksumBytes);
  if (stamp && Checksum64(bytes) != checksum) return bad("damaged index (checksum mismatch)");
  Decoder in(bytes);
  in.Expect(kMagic);

  KnowledgeGraph g;
  g.KeepAlive(std::move(owner));
  std::vector<DocumentInfo> docs(in.Count(4));
  for (DocumentInfo& d : docs) {
    d.id = in.Str();
    d.path = in.Str();
    d.sentences = in.U();
    d.chars = in.U();
    d.title = in.Str();
    d.date = static_cast<Date>(in.Below(100000000));
  }
  std::vector<std::string> relations(in.Count());
  for (std::string& r : relations) r = in.Str();
  std::vector<std::string_view> sentences(in.Count());
  for (std::string_view& t : sentences) t = in.Str();
  size_t nodes = in.Count(12);
  for (size_t v = 0; v < nodes && in.ok(); ++v) {
    NodeData n;
    n.id = in.Str();
    n.label = in.Str();
    n.type = static_cast<EntityType>(in.Below(kEntityTypeCount));
    n.forced = in.Below(2) == 1;
    n.mentions = in.U();
    for (uint64_t& t : n.type_votes) t = in.U();
    n.aliases.resize(in.Count());
    for (std::string& a : n.aliases) a = in.Str();
    size_t forms = in.Count(3);
    for (size_t f = 0; f < forms; ++f) {
      std::string form(in.Str());
      FormCount c;
      c.count = in.U();
      c.label_in = in.U();
      n.forms.emplace_hint(n.forms.end(), std::move(form), c);
    }
    n.documents.resize(in.Count());
    for (uint32_t& d : n.documents) d = static_cast<uint32_t>(in.Below(docs.size()));
    if (n.id.empty()) in.Fail();
    if (in.ok()) g.AddNode(std::move(n));
  }
  size_t edges = in.Count(6);
  std::vector<KnowledgeGraph::NewEdge> added;
  added.reserve(edges);
  for (size_t k = 0; k < edges && in.ok(); ++k) {
    auto s = static_cast<NodeId>(in.Below(nodes));
    auto t = static_cast<NodeId>(in.Below(nodes));
    EdgeData d;
    uint64_t relation = in.Below(relations.size());
    if (in.ok()) d.relation = relations[relation];
    d.kind = static_cast<EdgeKind>(in.Below(2));
    d.weight = in.U();
    d.seen.first = static_cast<Date>(in.Below(100000000));
    d.seen.last = static_cast<Date>(in.Below(100000000));
    d.evidence.resize(in.Count(6));
    for (Evidence& ev : d.evidence) {
      ev.document = static_cast<uint32_t>(in.Below(docs.size()));
      ev.sentence = static_cast<uint32_t>(in.Below(UINT32_MAX));
      ev.start = in.U();
      ev.end = in.U();
      uint64_t sentence = in.Below(sentences.size());
      if (in.ok()) ev.text = sentences[sentence];
      ev.via_coreference = in.Below(2) == 1;
    }
    if (in.ok()) added.push_back({s, t, std::move(d)});
  }
  in.Expect(kEnd);
  if (!in.ok() || !in.AtEnd()) return bad("damaged index");
  g.AddEdges(std::move(added));
  g.SetDocuments(std::move(docs));
  g.Seal();
  return g;
}

StatusOr<KnowledgeGraph> LoadGraph(const std::string& path) {
  namespace fs = std::filesystem;
  std::string file = GraphJsonPath(path);
  std::string index = IndexPathFor(file);
  // A build killed while putting its outputs in place left them half moved:
  // finished first (where we may write; else the index check still holds).
  (void)RecoverOutputDirectory(fs::path(file).parent_path().string());
  std::error_code ec;
  if (fs::is_regular_file(index, ec) && fs::is_regular_file(file, ec)) {
    auto g = LoadGraphIndex(index, file);
    if (g.ok()) return g;
  }
  return LoadGraphJson(file);
}

}  // namespace kg

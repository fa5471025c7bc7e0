#include "kg/graph/builder.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <thread>
#include <unordered_set>

#include "kg/base/text.h"

namespace kg {

namespace {

size_t Words(const std::string& s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// Weights summed over merged graphs stop at the largest value instead of
// wrapping around (issue 19: a hand-edited weight wrapped when merged).
void AddWeight(uint64_t* sum, uint64_t w) {
  if (__builtin_add_overflow(*sum, w, sum)) *sum = UINT64_MAX;
}

// Whether a form is written in capitals for typography rather than as an
// acronym: five letters or more, or several words ("LONDON", "CAPE TOWN";
// not "NATO").
bool ShoutedForm(const std::string& form) {
  size_t letters = 0;
  for (size_t i = 0; i < form.size();) {
    size_t len = 1;
    char32_t cp = DecodeUtf8(form, i, &len);
    if (IsLower(cp)) return false;
    if (IsUpper(cp)) ++letters;
    i += len;
  }
  return letters >= 5 || (letters > 0 && form.find(' ') != std::string::npos);
}

// The canonical label: the form most documents chose as their label, then
// the fullest, then the most frequent; a form in capitals (a dateline's
// "LONDON") gives way to the same name in ordinary case ("London") seen
// twice or chosen by a document.
std::string ChooseLabel(const std::map<std::string, FormCount>& forms) {
  auto key = [](const std::string& f, const FormCount& k) { return std::make_tuple(k.label_in, Words(f), k.count); };
  auto best_of = [&](auto accept) {
    const std::string* best = nullptr;
    const FormCount* bc = nullptr;
    for (const auto& [form, c] : forms) {
      if (!accept(form)) continue;
      if (!best || key(form, c) > key(*best, *bc)) {
        best = &form;
        bc = &c;
      }
    }
    return best;
  };
  const std::string* best = best_of([](const std::string&) { return true; });
  if (best == nullptr) return std::string();
  if (ShoutedForm(*best)) {
    const std::string lower = ToLower(*best);
    // (A plain form seen once and nowhere a label is a slip: "BFMTv" for
    // BFMTV's 2,569 mentions.)
    const std::string* plain = best_of([&](const std::string& f) {
      const FormCount& c = forms.at(f);
      return !ShoutedForm(f) && ToLower(f) == lower && (c.count >= 2 || c.label_in >= 1);
    });
    if (plain != nullptr) return *plain;
  }
  return *best;
}

// Runs f(half, begin, end) on the two halves of [0, n) (half 0, then 1),
// the second on a thread of its own.
template <typename F>
void InTwoHalves(size_t n, F f) {
  std::thread helper([&] { f(1, n / 2, n); });
  f(0, 0, n / 2);
  helper.join();
}

}  // namespace

// Adds one entity's counts (forms, type votes, mentions, documents numbered
// from `doc_base`) to a node.
void GraphBuilder::Absorb(const std::map<std::string, FormCount>& forms,
                          const std::array<uint64_t, kEntityTypeCount>& type_votes, uint64_t mentions,
                          const std::vector<uint32_t>& documents, uint32_t doc_base, NodeAcc* into) {
  for (const auto& [form, c] : forms) {
    into->forms[form].count += c.count;
    into->forms[form].label_in += c.label_in;
  }
  for (int t = 0; t < kEntityTypeCount; ++t) into->type_votes[t] += type_votes[t];
  into->mentions += mentions;
  std::vector<uint32_t> docs = into->documents;
  for (uint32_t d : documents) docs.push_back(doc_base + d);
  std::sort(docs.begin(), docs.end());
  docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
  into->documents = std::move(docs);
  into->last_document = into->documents.empty() ? UINT32_MAX : into->documents.back();
}

// The node for an entity with this label and these forms: the first node any
// of their keys already names, else a new one; every key then names it.
// A person's first name alone is no key: it would join every Emmanuel of
// the corpus to the first Emmanuel Macron.
// A short acronym keeps its case in its key: "LA" (Los Angeles) is not "La".
template <typename Forms>
uint32_t GraphBuilder::NodeFor(const std::string& label, EntityType type, const Forms& forms) {
  auto key = [](const std::string& name) {
    bool acronym = name.size() >= 2 && name.size() <= 3 &&
                   std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    return acronym ? "^" + name : MergeKey(name);
  };
  std::vector<std::string> keys{key(label)};
  size_t space = label.find(' ');
  std::string first_name = type == EntityType::kPerson && space != std::string::npos ? MergeKey(label.substr(0, space)) : "";
  for (const auto& entry : forms) {
    std::string k = key(entry.first);
    if (k != keys[0] && k != first_name) keys.push_back(k);
  }
  uint32_t v = static_cast<uint32_t>(nodes_.size());
  size_t found = keys.size();
  for (size_t k = 0; k < keys.size(); ++k) {
    if (const uint32_t* node = key_to_node_.Find(keys[k])) {
      v = *node;
      found = k;
      break;
    }
  }
  if (v == nodes_.size()) nodes_.emplace_back();
  for (size_t k = 0; k < keys.size(); ++k) {
    if (k != found) key_to_node_.Emplace(keys[k], v);
  }
  return v;
}

void GraphBuilder::Add(const DocumentResult& doc) {
  uint32_t doc_index = static_cast<uint32_t>(docs_.size());
  docs_.push_back({doc.id, doc.path, doc.sentences.size(), doc.chars, doc.title, doc.date});
  std::vector<uint32_t> node_of(doc.entities.size());
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    const DocEntity& ent = doc.entities[e];
    uint32_t v = NodeFor(ent.label, ent.type, ent.forms);
    NodeAcc& acc = nodes_[v];
    bool label_seen = false;
    for (const auto& [form, n] : ent.forms) {
      FormCount& c = acc.forms[form];
      c.count += n;
      if (form == ent.label) {
        c.label_in += 1;
        label_seen = true;
      }
    }
    if (!label_seen) acc.forms[ent.label].label_in += 1;
    // Type evidence adds up across documents (in half-votes, to stay integral),
    // and each document's own decision counts once.
    for (int t = 0; t < kEntityTypeCount; ++t) {
      acc.type_votes[t] += static_cast<uint64_t>(std::lround(std::max(0.f, ent.votes[t]) * 2));
    }
    acc.type_votes[static_cast<int>(ent.type)] += 1;
    acc.mentions += ent.mentions;
    if (acc.last_document != doc_index) {
      acc.documents.push_back(doc_index);
      acc.last_document = doc_index;
    }
    if (ent.forced) {
      acc.forced = true;
      acc.forced_type = ent.type;
    }
    node_of[e] = v;
  }
  // Each cited sentence is stored once, however many edges cite it.
  std::vector<std::string_view> stored(doc.sentences.size());  // empty: not yet
  for (const DocRelation& r : doc.relations) {
    if (r.kind == EdgeKind::kCooccurrence && !options_.cooccurrence) continue;
    uint32_t s = node_of[r.source], t = node_of[r.target];
    if (s == t) continue;
    if (r.kind == EdgeKind::kCooccurrence && s > t) std::swap(s, t);
    EdgeAcc& acc = edges_[{s, t, RelationId(r.relation), r.kind}];
    acc.weight += 1;
    acc.seen.Add(doc.date);
    if (options_.max_evidence == 0 || acc.evidence.size() < options_.max_evidence) {
      const SentenceSpan& span = doc.sentences[r.sentence];
      std::string_view& text = stored[r.sentence];
      if (text.empty()) text = text_->Add(std::string_view(doc.text).substr(span.start, span.end - span.start));
      acc.evidence.push_back({doc_index, r.sentence, span.start, span.end, text, r.via});
    }
  }
}

void GraphBuilder::AddGraph(const KnowledgeGraph& graph) {
  // Evidence is shared with `graph`, not copied: keep its text alive.
  for (const auto& owner : graph.text_owners()) {
    if (std::find(text_owners_.begin(), text_owners_.end(), owner) == text_owners_.end()) text_owners_.push_back(owner);
  }
  uint32_t base = static_cast<uint32_t>(docs_.size());
  for (const DocumentInfo& d : graph.documents()) docs_.push_back(d);
  std::vector<uint32_t> node_of(graph.node_count());
  for (NodeId v = 0; v < graph.node_count(); ++v) {
    const NodeData& n = graph.node(v);
    uint32_t u = NodeFor(n.label, n.type, n.forms);
    NodeAcc& acc = nodes_[u];
    Absorb(n.forms, n.type_votes, n.mentions, n.documents, base, &acc);
    if (n.forced) {
      acc.forced = true;
      acc.forced_type = n.type;
    }
    node_of[v] = u;
  }
  for (const EdgeRef& e : graph.edges()) {
    if (e.data->kind == EdgeKind::kCooccurrence && !options_.cooccurrence) continue;
    uint32_t s = node_of[e.source], t = node_of[e.target];
    if (s == t) continue;
    if (e.data->kind == EdgeKind::kCooccurrence && s > t) std::swap(s, t);
    EdgeAcc& acc = edges_[{s, t, RelationId(e.data->relation), e.data->kind}];
    AddWeight(&acc.weight, e.data->weight);
    acc.seen.Add(e.data->seen);
    for (const Evidence& ev : e.data->evidence) {
      if (options_.max_evidence != 0 && acc.evidence.size() >= options_.max_evidence) break;
      Evidence copy = ev;
      copy.document += base;
      acc.evidence.push_back(std::move(copy));
    }
  }
}

size_t GraphBuilder::EdgeTable::SlotOf(const EdgeKey& key) const {
  size_t mask = slots_.size() - 1;
  size_t i = EdgeKeyHash()(key) & mask;
  while (slots_[i] != 0 && !(entries_[slots_[i] - 1].first == key)) i = (i + 1) & mask;
  return i;
}

void GraphBuilder::EdgeTable::Rehash(size_t slots) {
  stale_ = false;
  slots_.assign(slots, 0);
  for (uint32_t k = 0; k < entries_.size(); ++k) slots_[SlotOf(entries_[k].first)] = k + 1;
}

GraphBuilder::EdgeTable::Entry* GraphBuilder::EdgeTable::Find(const EdgeKey& key) {
  if (slots_.empty()) return nullptr;
  if (stale_) Rehash(slots_.size());
  uint32_t e = slots_[SlotOf(key)];
  return e ? &entries_[e - 1] : nullptr;
}

GraphBuilder::EdgeAcc& GraphBuilder::EdgeTable::operator[](const EdgeKey& key) {
  if ((entries_.size() + 1) * 2 > slots_.size()) Rehash(slots_.empty() ? 1024 : slots_.size() * 2);
  else if (stale_) Rehash(slots_.size());
  size_t i = SlotOf(key);
  if (slots_[i] == 0) {
    entries_.emplace_back(key, EdgeAcc{});
    slots_[i] = static_cast<uint32_t>(entries_.size());
  }
  return entries_[slots_[i] - 1].second;
}

void GraphBuilder::EdgeTable::RemoveIf(const std::vector<bool>& drop) {
  size_t kept = 0;
  for (size_t k = 0; k < entries_.size(); ++k) {
    if (drop[k]) continue;
    if (kept != k) entries_[kept] = std::move(entries_[k]);
    ++kept;
  }
  entries_.resize(kept);
  stale_ = true;
}

void GraphBuilder::EdgeTable::AddNew(const EdgeKey& key, EdgeAcc acc) {
  entries_.emplace_back(key, std::move(acc));
  stale_ = true;
}

void GraphBuilder::EdgeTable::clear() {
  entries_.clear();
  slots_.clear();
  stale_ = false;
}

namespace {

// Type votes (half-votes) that put another type first on strong evidence
// (a gazetteer and more), three times ahead of PERSON.
bool ClearlyNotPerson(const std::array<uint64_t, kEntityTypeCount>& votes) {
  const EntityType best = DecideType(votes);
  const uint64_t top = votes[static_cast<int>(best)], person = votes[static_cast<int>(EntityType::kPerson)];
  return best != EntityType::kPerson && top >= 20 && top >= 3 * person;
}

// True when the two document lists share one.
bool ShareADocument(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  std::set<uint32_t> in_a(a.begin(), a.end());
  return std::any_of(b.begin(), b.end(), [&](uint32_t d) { return in_a.count(d) != 0; });
}

// "Charlène de Monaco", "Jean de France": the last word follows a particle.
bool AfterParticle(const std::string& form) {
  size_t sp = form.rfind(' ');
  if (sp == std::string::npos) return false;
  size_t before = form.rfind(' ', sp - 1);
  std::string particle = form.substr(before == std::string::npos ? 0 : before + 1, sp - (before == std::string::npos ? 0 : before + 1));
  return particle == "de" || particle == "du" || particle == "des" || particle == "of";
}

}  // namespace

void GraphBuilder::MergeSurnames() {
  // Across documents: a one-word name ("Castaner") that is the last word of
  // exactly one person's full name ("Christophe Castaner") is that person.
  auto words = [](const std::string& form) { return Words(form); };
  auto last_key = [](const std::string& form) {
    size_t sp = form.rfind(' ');
    return MergeKey(sp == std::string::npos ? form : form.substr(sp + 1));
  };
  std::unordered_map<std::string, std::vector<uint32_t>> by_last;
  std::set<std::string> particle_last;  // last words after "de" in some person's name
  for (uint32_t v = 0; v < nodes_.size(); ++v) {
    const NodeAcc& a = nodes_[v];
    if (a.forms.empty()) continue;
    if (a.Type() != EntityType::kPerson) continue;
    std::set<std::string> keys;
    for (const auto& [form, c] : a.forms) {
      if (words(form) < 2) continue;
      keys.insert(last_key(form));
      if (AfterParticle(form)) particle_last.insert(last_key(form));
    }
    for (const auto& k : keys) by_last[k].push_back(v);
  }
  for (uint32_t v = 0; v < nodes_.size(); ++v) {
    NodeAcc& a = nodes_[v];
    if (a.forms.empty() || a.forced) continue;
    bool single = true;
    for (const auto& [form, c] : a.forms) if (words(form) != 1) single = false;
    if (!single) continue;
    std::string key = MergeKey(a.forms.begin()->first);
    auto it = by_last.find(key);
    if (it == by_last.end() || it->second.size() != 1 || it->second[0] == v) continue;
    uint32_t into = it->second[0];
    // "Monaco", a place, is not the surname of "Charlène de Monaco"; nor is
    // "Washington", a place named in many more documents, George's; nor one
    // that a document naming both kept apart ("à Washington").
    if (ClearlyNotPerson(a.type_votes) &&
        (particle_last.count(key) != 0 || a.documents.size() > 2 * nodes_[into].documents.size() + 2 ||
         ShareADocument(a.documents, nodes_[into].documents))) {
      continue;
    }
    Absorb(a.forms, a.type_votes, a.mentions, a.documents, 0, &nodes_[into]);
    a = NodeAcc{};
    redirect_[v] = into;
  }
  if (redirect_.empty()) return;
  // Move the edges of merged nodes; parallel edges merge, self-loops go.
  // Only edges touching a merged node change: each new key takes its
  // contributions (the moved edges, and an edge already there) in key order,
  // so which evidence a capped edge keeps does not depend on the hash table.
  std::vector<bool> merged(nodes_.size(), false);
  for (const auto& [from, into] : redirect_) merged[from] = true;
  using Entry = EdgeTable::Entry;
  auto before = [&](const Entry* a, const Entry* b) { return KeyLess(a->first, b->first); };
  std::unordered_map<EdgeKey, std::vector<Entry*>, EdgeKeyHash> targets;
  std::vector<bool> gone(edges_.size(), false);
  for (size_t k = 0; k < edges_.size(); ++k) {
    Entry& entry = edges_.entries()[k];
    const EdgeKey& key = entry.first;
    if (!merged[key.source] && !merged[key.target]) continue;
    gone[k] = true;
    uint32_t s = key.source, t = key.target;
    if (merged[s]) s = redirect_.at(s);
    if (merged[t]) t = redirect_.at(t);
    if (s == t) continue;
    if (key.kind == EdgeKind::kCooccurrence && s > t) std::swap(s, t);
    targets[{s, t, key.relation, key.kind}].push_back(&entry);
  }
  // An edge already there (between nodes that stay) takes the merged total
  // in its place; the other new keys are added after the drop. (A new key
  // is in no entry left: its ends are nodes that stay, and it was not found.)
  std::vector<std::pair<EdgeKey, EdgeAcc>> added;
  for (auto& [key, from] : targets) {
    Entry* existing = edges_.Find(key);
    if (existing && (merged[key.source] || merged[key.target])) existing = nullptr;
    if (existing) from.push_back(existing);
    std::sort(from.begin(), from.end(), before);
    EdgeAcc into;
    for (Entry* entry : from) {
      EdgeAcc& acc = entry->second;
      AddWeight(&into.weight, acc.weight);
      into.seen.Add(acc.seen);
      for (auto& ev : acc.evidence) {
        if (options_.max_evidence == 0 || into.evidence.size() < options_.max_evidence) into.evidence.push_back(std::move(ev));
      }
    }
    if (existing) existing->second = std::move(into);
    else added.emplace_back(key, std::move(into));
  }
  edges_.RemoveIf(gone);
  for (auto& [key, acc] : added) edges_.AddNew(key, std::move(acc));
}

uint32_t GraphBuilder::RelationId(const std::string& name) {
  // Mostly the same name as the last one ("cooccurrence").
  if (last_relation_ < relation_names_.size() && relation_names_[last_relation_] == name) return last_relation_;
  auto [id, added] = relation_ids_.Emplace(name, static_cast<uint32_t>(relation_names_.size()));
  if (added) relation_names_.push_back(name);
  last_relation_ = *id;
  return *id;
}

bool GraphBuilder::KeyLess(const EdgeKey& x, const EdgeKey& y) const {
  if (x.source != y.source) return x.source < y.source;
  if (x.target != y.target) return x.target < y.target;
  if (x.relation != y.relation) return relation_names_[x.relation] < relation_names_[y.relation];
  return x.kind < y.kind;
}

// Each node's label, type and id on its own: the two halves of the nodes on
// two threads, then put together in order.
std::vector<GraphBuilder::PendingNode> GraphBuilder::PendingNodes() {
  std::vector<PendingNode> pending, second;
  InTwoHalves(nodes_.size(), [&](int half, size_t begin, size_t end) {
    std::vector<PendingNode>* out = half == 0 ? &pending : &second;
    out->reserve(end - begin);
    for (auto v = static_cast<uint32_t>(begin); v < end; ++v) {
      NodeAcc& acc = nodes_[v];
      if (acc.forms.empty()) continue;
      NodeData n;
      n.label = ChooseLabel(acc.forms);
      n.type = acc.Type();
      n.forced = acc.forced;
      for (const auto& [form, c] : acc.forms) {
        if (form != n.label) n.aliases.push_back(form);
      }
      n.forms = std::move(acc.forms);
      n.type_votes = acc.type_votes;
      n.mentions = acc.mentions;
      n.documents = std::move(acc.documents);
      n.id = Slug(n.label);
      out->push_back({std::move(n), v});
    }
  });
  pending.reserve(pending.size() + second.size());
  for (PendingNode& p : second) pending.push_back(std::move(p));
  return pending;
}

// The nodes' order (indices into `pending`), by id, with ids made unique: a
// repeated slug gets -2, -3, ... in sorted order, never taking another
// node's own slug.
std::vector<uint32_t> GraphBuilder::NodeOrder(std::vector<PendingNode>* pending_io) {
  std::vector<PendingNode>& pending = *pending_io;
  // Sorted through an index (the node data is large to move): each half on
  // a thread, then merged. (The order is total: `acc` differs for each.)
  std::vector<uint32_t> order(pending.size());
  std::iota(order.begin(), order.end(), 0u);
  auto node_less = [&](uint32_t x, uint32_t y) {
    const PendingNode& a = pending[x];
    const PendingNode& b = pending[y];
    return std::tie(a.data.id, a.data.label, a.acc) < std::tie(b.data.id, b.data.label, b.acc);
  };
  InTwoHalves(order.size(), [&](int, size_t begin, size_t end) {
    std::sort(order.begin() + static_cast<long>(begin), order.begin() + static_cast<long>(end), node_less);
  });
  std::inplace_merge(order.begin(), order.begin() + static_cast<long>(order.size() / 2), order.end(), node_less);
  std::vector<std::string> natural;  // the slugs, in order
  natural.reserve(order.size());
  for (uint32_t i : order) natural.push_back(pending[i].data.id);
  auto is_natural = [&](const std::string& id) { return std::binary_search(natural.begin(), natural.end(), id); };
  std::unordered_set<std::string> renamed;
  for (size_t i = 1; i < order.size(); ++i) {
    // A slug repeats right after its first holder in this order.
    if (natural[i] != natural[i - 1]) continue;
    std::string candidate;
    int n = 1;
    do {
      candidate = natural[i] + "-" + std::to_string(++n);
    } while (renamed.count(candidate) || is_natural(candidate));
    renamed.insert(candidate);
    pending[order[i]].data.id = std::move(candidate);
  }
  if (!renamed.empty()) {
    std::sort(order.begin(), order.end(),
              [&](uint32_t x, uint32_t y) { return pending[x].data.id < pending[y].data.id; });
  }
  return order;
}

// The edges between final node ids, sorted by source, target, kind and
// relation name (through the names' ranks, so the sort compares integers).
std::vector<GraphBuilder::PendingEdge> GraphBuilder::SortedEdges(const std::vector<NodeId>& final_id) {
  std::vector<uint32_t> by_name(relation_names_.size()), rank(relation_names_.size());
  std::iota(by_name.begin(), by_name.end(), 0u);
  std::sort(by_name.begin(), by_name.end(), [&](uint32_t a, uint32_t b) { return relation_names_[a] < relation_names_[b]; });
  for (uint32_t r = 0; r < by_name.size(); ++r) rank[by_name[r]] = r;
  std::vector<PendingEdge> edges;
  edges.reserve(edges_.size());
  for (auto& [key, acc] : edges_.entries()) {
    NodeId s = final_id[key.source], t = final_id[key.target];
    if (key.kind == EdgeKind::kCooccurrence && s > t) std::swap(s, t);
    edges.push_back({s, t, key.kind, rank[key.relation], key.relation, &acc});
  }
  std::sort(edges.begin(), edges.end(), [](const PendingEdge& a, const PendingEdge& b) {
    return std::tie(a.s, a.t, a.kind, a.relation_rank) < std::tie(b.s, b.t, b.kind, b.relation_rank);
  });
  return edges;
}

// Each edge's data, its evidence sorted: the two halves of the edges on two threads.
std::vector<KnowledgeGraph::NewEdge> GraphBuilder::NewEdges(const std::vector<PendingEdge>& edges) {
  std::vector<KnowledgeGraph::NewEdge> added(edges.size());
  InTwoHalves(edges.size(), [&](int, size_t begin, size_t end) {
    for (size_t k = begin; k < end; ++k) {
      const PendingEdge& e = edges[k];
      KnowledgeGraph::NewEdge& n = added[k];
      n.source = e.s;
      n.target = e.t;
      EdgeData& d = n.data;
      d.relation = relation_names_[e.relation];
      d.kind = e.kind;
      d.weight = e.acc->weight;
      d.seen = e.acc->seen;
      d.evidence = std::move(e.acc->evidence);
      std::sort(d.evidence.begin(), d.evidence.end(), [](const Evidence& a, const Evidence& b) {
        return std::tie(a.document, a.sentence, a.via_coreference) < std::tie(b.document, b.sentence, b.via_coreference);
      });
    }
  });
  return added;
}

KnowledgeGraph GraphBuilder::Finish() {
  MergeSurnames();
  std::vector<PendingNode> pending = PendingNodes();
  std::vector<uint32_t> order = NodeOrder(&pending);
  KnowledgeGraph g;
  g.KeepAlive(text_);
  for (auto& owner : text_owners_) g.KeepAlive(std::move(owner));
  text_ = std::make_shared<StringArena>(4u << 20);
  text_owners_.clear();
  g.SetDocuments(std::move(docs_));
  g.Reserve(pending.size(), edges_.size());
  // Nodes get their ids in sorted order; they are added on a thread of their
  // own while the edges are sorted here.
  std::vector<NodeId> final_id(nodes_.size(), 0);
  for (size_t k = 0; k < order.size(); ++k) final_id[pending[order[k]].acc] = static_cast<NodeId>(k);
  std::thread add_nodes([&] {
    for (uint32_t i : order) g.AddNode(std::move(pending[i].data));
  });
  std::vector<PendingEdge> edges = SortedEdges(final_id);
  add_nodes.join();
  std::vector<KnowledgeGraph::NewEdge> added = NewEdges(edges);
  std::thread release = Reset(std::move(pending), std::move(edges));  // freed while the edges go in
  g.AddEdges(std::move(added));
  g.Seal();
  release.join();
  return g;
}

// The builder emptied for the next graph; what it held is freed on the
// thread returned.
std::thread GraphBuilder::Reset(std::vector<PendingNode> pending, std::vector<PendingEdge> edges) {
  std::thread release([nodes = std::move(nodes_), table = std::move(edges_), keys = std::move(key_to_node_),
                       pending = std::move(pending), edges = std::move(edges)]() mutable {
    nodes.clear();
    table.clear();
    keys.clear();
    pending.clear();
    edges.clear();
  });
  nodes_.clear();
  edges_.clear();
  relation_names_.clear();
  relation_ids_.clear();
  last_relation_ = UINT32_MAX;
  key_to_node_.clear();
  redirect_.clear();
  docs_.clear();
  return release;
}

}  // namespace kg

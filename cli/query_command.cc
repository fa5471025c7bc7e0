// kg query GRAPH COMMAND ...: relationship questions answered from graph.json.
#include <algorithm>
#include <optional>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <map>
#include <numeric>

#include "commands.h"
#include "kg/export/report.h"
#include "kg/export/writer.h"
#include "kg/graph/graph_index.h"
#include "kg/graph/query.h"
#include "kg/graph/timeline.h"

namespace kg::cli {

struct QueryFlags {
  std::string graph;
  std::string format = "text";
  std::string command;
  // entities / top
  std::string type;
  std::string sort = "mentions";
  std::string by = "degree";
  size_t limit = 20;
  // names
  std::string name;
  std::string name_b;
  std::vector<std::string> names;
  // neighbors / relations / path / subgraph
  int depth = 1;
  std::string relation;
  std::string kind = "all";
  std::string direction = "both";
  int max_length = 6;
  bool all = false;
  std::string output;
  // any command
  std::string since, until;
};

void AddQueryCommand(CLI::App& app, QueryFlags** flags) {
  static QueryFlags f;
  *flags = &f;
  CLI::App* q = app.add_subcommand("query",
                                   "Answer relationship questions from a graph.json written by kg build.\n"
                                   "Example: kg query out neighbors DeepSeek --depth 2");
  q->add_option("GRAPH", f.graph, "graph.json, or the directory that holds it")->required();
  q->add_option("--format", f.format, "Output: text (default), json (one document) or tsv")
      ->check(CLI::IsMember({"text", "json", "tsv"}));
  q->add_option("--since", f.since, "Only documents dated on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)")
      ->type_name("DATE");
  q->add_option("--until", f.until, "Only documents dated on or before DATE (a month or year: its last day)")
      ->type_name("DATE");
  q->require_subcommand(1);
  auto sub = [&](const char* name, const char* help) {
    CLI::App* c = q->add_subcommand(name, help);
    c->fallthrough();
    c->callback([name] { f.command = name; });
    return c;
  };
  CLI::App* c = sub("entities", "List entities. Example: kg query out entities --type PERSON --sort pagerank");
  c->add_option("--type", f.type, "PERSON, ORG, LOCATION, PRODUCT or OTHER");
  c->add_option("--sort", f.sort, "mentions (default), degree or pagerank")
      ->check(CLI::IsMember({"mentions", "degree", "pagerank"}));
  c->add_option("--limit", f.limit, "At most N rows (default 20, 0 for all)");

  c = sub("show", "One entity: type, aliases, documents, mentions, degree, strongest relations. "
                  "Example: kg query out show Nvidia");
  c->add_option("NAME", f.name, "Entity name, alias or id (case and accents ignored)")->required();
  c->add_option("--limit", f.limit, "Relations shown (default 20)");

  c = sub("neighbors", "Entities linked to NAME. Example: kg query out neighbors DeepSeek --depth 2 --kind relation");
  c->add_option("NAME", f.name, "Entity name")->required();
  c->add_option("--depth", f.depth, "Steps away (default 1)")->check(CLI::Range(1, 10));
  c->add_option("--relation", f.relation, "Only edges with this label (e.g. utiliser)");
  c->add_option("--kind", f.kind, "relation, cooccurrence or all (default)")
      ->check(CLI::IsMember({"relation", "cooccurrence", "all"}));
  c->add_option("--direction", f.direction, "out, in or both (default); co-occurrence has no direction")
      ->check(CLI::IsMember({"out", "in", "both"}));
  c->add_option("--limit", f.limit, "At most N rows (default 20, 0 for all)");

  c = sub("relations", "Edges at A (to B) with label, direction and evidence. Example: kg query out relations DeepSeek H800");
  c->add_option("A", f.name, "Entity name")->required();
  c->add_option("B", f.name_b, "Other entity (optional)");
  c->add_option("--kind", f.kind, "relation, cooccurrence or all (default)")
      ->check(CLI::IsMember({"relation", "cooccurrence", "all"}));
  c->add_option("--limit", f.limit, "At most N edges (default 20, 0 for all)");

  c = sub("path", "Shortest multi-hop path from A to B, each hop with its relation and evidence. "
                  "Example: kg query out path Huawei Stargate");
  c->add_option("FROM", f.name, "From")->required();
  c->add_option("TO", f.name_b, "To")->required();
  c->add_option("--max-length", f.max_length, "Longest path searched (default 6)")->check(CLI::Range(1, 20));
  c->add_flag("--all", f.all, "Every shortest path (up to 50), not just the strongest");
  c->add_option("--kind", f.kind, "Edges used: relation, cooccurrence or all (default)")
      ->check(CLI::IsMember({"relation", "cooccurrence", "all"}));

  c = sub("top", "Most central entities. Example: kg query out top --by pagerank --limit 10");
  c->add_option("--by", f.by, "degree (default), pagerank or betweenness")
      ->check(CLI::IsMember({"degree", "pagerank", "betweenness"}));
  c->add_option("--limit", f.limit, "At most N rows (default 20)");

  c = sub("components", "Connected components: sizes, and the members of the largest. Example: kg query out components");
  c->add_option("--limit", f.limit, "Members listed (default 20, 0 for all)");

  c = sub("subgraph", "Ego network of NAME... exported like kg build. "
                      "Example: kg query out subgraph DeepSeek --depth 1 -o sub.graphml");
  c->add_option("NAME", f.names, "Entity names")->required();
  c->add_option("--depth", f.depth, "Steps away (default 1)")->check(CLI::Range(0, 10));
  c->add_option("-o,--output", f.output,
                "FILE.graphml, FILE.dot, FILE.json, FILE.gexf or FILE.cyjs; or a directory (graph.graphml, graph.dot, graph.json in it)")
      ->required();

  sub("stats", "Counts by type and kind, density, degree distribution. Example: kg query out stats");

  c = sub("timeline", "Mentions of NAME (or links between NAME and NAME2) per month, with example evidence. "
                      "Example: kg query out timeline Huawei \"Donald Trump\"");
  c->add_option("NAME", f.name, "Entity name")->required();
  c->add_option("NAME2", f.name_b, "Second entity: count the sentences linking the two");
}

namespace {

class Query {
 public:
  Query(const QueryFlags& f, const KnowledgeGraph& g) : f_(f), g_(g) {}

  int Run() {
    ParseReportFormat(f_.format, &format_);
    const std::string& c = f_.command;
    if (c == "entities") return Entities();
    if (c == "show") return Show();
    if (c == "neighbors") return NeighborsCmd();
    if (c == "relations") return RelationsCmd();
    if (c == "path") return PathCmd();
    if (c == "top") return Top();
    if (c == "components") return ComponentsCmd();
    if (c == "subgraph") return SubgraphCmd();
    if (c == "stats") return Stats();
    if (c == "timeline") return TimelineCmd();
    return Fail("query: unknown command \"" + c + "\"");
  }

 private:
  // Resolves a name or reports why not (exit 1).
  bool Resolve(const std::string& name, NodeId* out) {
    if (!names_) names_.emplace(g_);  // built on first use: most commands name no entity
    NameMatch m = names_->Resolve(name);
    if (m.node) {
      *out = *m.node;
      return true;
    }
    if (!m.candidates.empty()) {
      std::string list;
      for (NodeId v : m.candidates) {
        list += (list.empty() ? "" : ", ") + g_.node(v).label + " (" + std::string(EntityTypeName(g_.node(v).type)) +
                ", id " + g_.node(v).id + ")";
      }
      std::cerr << "kg: \"" << name << "\" is ambiguous: " << list << "; give an id\n";
      return false;
    }
    std::string msg = "kg: no entity named \"" + name + "\"";
    if (!m.suggestions.empty()) {
      msg += "; did you mean ";
      for (size_t i = 0; i < m.suggestions.size(); ++i) {
        msg += (i ? ", " : "") + std::string("\"") + g_.node(m.suggestions[i]).label + "\"";
      }
      msg += "?";
    }
    std::cerr << msg << "\n";
    return false;
  }

  int Print(const Report& r) {
    std::cout << WriteReport(r, format_);
    return kExitOk;
  }

  static std::string Join(const std::vector<std::string>& items, size_t max = 0) {
    std::string out;
    size_t n = max ? std::min(max, items.size()) : items.size();
    for (size_t i = 0; i < n; ++i) out += (i ? ", " : "") + items[i];
    if (n < items.size()) out += ", … (+" + std::to_string(items.size() - n) + ")";
    return out;
  }

  std::string DocId(uint32_t d) const { return g_.documents()[d].id; }

  // "→" for a stated relation followed forward, "←" backward, "—" co-occurrence;
  // for scripts (JSON, TSV) the words "out", "in" and "none".
  std::string Arrow(const Hop& h) const {
    bool text = format_ == ReportFormat::kText;
    if (g_.edge(h.edge).data->kind == EdgeKind::kCooccurrence) return text ? "—" : "none";
    if (h.forward) return text ? "→" : "out";
    return text ? "←" : "in";
  }

  // A measure under a heading: indented in text, named in full for scripts
  // ("PERSON entities"), whose keys should carry no layout.
  std::string Under(const std::string& heading, const std::string& measure) const {
    return format_ == ReportFormat::kText ? "  " + measure : measure + " " + heading;
  }

  size_t Limit(size_t n) const { return f_.limit == 0 ? n : std::min(n, f_.limit); }

  const std::vector<double>& Rank() {
    if (rank_.empty()) rank_ = PageRank(g_);
    return rank_;
  }
  const std::vector<size_t>& Degree() {
    if (degree_.empty()) degree_ = Degrees(g_);
    return degree_;
  }

  int Entities() {
    std::optional<EntityType> type;
    if (!f_.type.empty()) {
      EntityType t;
      if (!ParseEntityType(f_.type, &t)) return Fail("--type: unknown type \"" + f_.type + "\"");
      type = t;
    }
    std::vector<NodeId> ids;
    for (NodeId v = 0; v < g_.node_count(); ++v) if (!type || g_.node(v).type == *type) ids.push_back(v);
    const auto& deg = Degree();
    bool pr = f_.sort == "pagerank";
    if (pr) Rank();
    std::stable_sort(ids.begin(), ids.end(), [&](NodeId a, NodeId b) {
      if (f_.sort == "degree" && deg[a] != deg[b]) return deg[a] > deg[b];
      if (pr && rank_[a] != rank_[b]) return rank_[a] > rank_[b];
      if (g_.node(a).mentions != g_.node(b).mentions) return g_.node(a).mentions > g_.node(b).mentions;
      return a < b;
    });
    Report r;
    std::vector<std::string> cols{"entity", "type", "mentions", "documents", "degree"};
    if (pr) cols.push_back("pagerank");
    cols.push_back("id");
    Table& t = r.Add("entities", cols);
    for (size_t i = 0; i < Limit(ids.size()); ++i) {
      const NodeData& n = g_.node(ids[i]);
      std::vector<Cell> row{Cell::Str(n.label), Cell::Str(std::string(EntityTypeName(n.type))),
                            Cell::Int(static_cast<long long>(n.mentions)),
                            Cell::Int(static_cast<long long>(n.documents.size())),
                            Cell::Int(static_cast<long long>(deg[ids[i]]))};
      if (pr) row.push_back(Cell::Num(rank_[ids[i]], 5));
      row.push_back(Cell::Str(n.id));
      t.Row(std::move(row));
    }
    if (ids.size() > t.rows.size()) r.notes.push_back("(" + std::to_string(ids.size() - t.rows.size()) + " more; --limit 0 lists all)");
    return Print(r);
  }

  int Show() {
    NodeId v;
    if (!Resolve(f_.name, &v)) return kExitNotFound;
    const NodeData& n = g_.node(v);
    Report r;
    Table& e = r.Add("entity", {"field", "value"});
    std::vector<std::string> docs;
    for (uint32_t d : n.documents) docs.push_back(DocId(d));
    e.Row({Cell::Str("label"), Cell::Str(n.label)});
    e.Row({Cell::Str("id"), Cell::Str(n.id)});
    e.Row({Cell::Str("type"), Cell::Str(std::string(EntityTypeName(n.type)))});
    e.Row({Cell::Str("aliases"), Cell::Str(Join(n.aliases))});
    e.Row({Cell::Str("mentions"), Cell::Int(static_cast<long long>(n.mentions))});
    e.Row({Cell::Str("documents"), Cell::Str(Join(docs, 10))});
    e.Row({Cell::Str("degree"), Cell::Int(static_cast<long long>(Degree()[v]))});
    EdgeFilter all;
    std::vector<Hop> hops = EdgesAt(g_, v, std::nullopt, all);
    Table& t = r.Add("relations", {"dir", "relation", "entity", "weight", "evidence"});
    for (size_t i = 0; i < Limit(hops.size()); ++i) {
      const EdgeData& d = *g_.edge(hops[i].edge).data;
      t.Row({Cell::Str(Arrow(hops[i])), Cell::Str(d.relation), Cell::Str(g_.node(hops[i].to).label),
             Cell::Int(static_cast<long long>(d.weight)), Cell::Str(d.evidence.empty() ? std::string_view() : d.evidence[0].text)});
    }
    return Print(r);
  }

  bool Filter(EdgeFilter* f) {
    if (!ParseKindFilter(f_.kind, &f->kind)) return false;
    if (!ParseDirection(f_.direction, &f->direction)) return false;
    f->relation = f_.relation;
    return true;
  }

  int NeighborsCmd() {
    NodeId v;
    if (!Resolve(f_.name, &v)) return kExitNotFound;
    EdgeFilter filter;
    Filter(&filter);
    std::vector<Neighbor> ns = Neighbors(g_, v, f_.depth, filter);
    Report r;
    Table& t = r.Add("neighbors", {"depth", "entity", "type", "via", "relation", "dir", "weight"});
    for (size_t i = 0; i < Limit(ns.size()); ++i) {
      const Neighbor& n = ns[i];
      const EdgeData& d = *g_.edge(n.via.edge).data;
      t.Row({Cell::Int(n.depth), Cell::Str(g_.node(n.node).label),
             Cell::Str(std::string(EntityTypeName(g_.node(n.node).type))), Cell::Str(g_.node(n.via.from).label),
             Cell::Str(d.relation), Cell::Str(Arrow(n.via)), Cell::Int(static_cast<long long>(d.weight))});
    }
    if (ns.size() > t.rows.size()) r.notes.push_back("(" + std::to_string(ns.size() - t.rows.size()) + " more; --limit 0 lists all)");
    Print(r);
    return ns.empty() ? kExitNotFound : kExitOk;
  }

  int RelationsCmd() {
    NodeId a;
    if (!Resolve(f_.name, &a)) return kExitNotFound;
    std::optional<NodeId> b;
    if (!f_.name_b.empty()) {
      NodeId vb;
      if (!Resolve(f_.name_b, &vb)) return kExitNotFound;
      b = vb;
    }
    EdgeFilter filter;
    Filter(&filter);
    std::vector<Hop> hops = EdgesAt(g_, a, b, filter);
    Report r;
    Table& t = r.Add("relations", {"source", "relation", "target", "kind", "weight", "document", "evidence"});
    for (size_t i = 0; i < Limit(hops.size()); ++i) {
      const EdgeRef& e = g_.edge(hops[i].edge);
      for (const Evidence& ev : e.data->evidence) {
        t.Row({Cell::Str(g_.node(e.source).label), Cell::Str(e.data->relation), Cell::Str(g_.node(e.target).label),
               Cell::Str(std::string(EdgeKindName(e.data->kind))), Cell::Int(static_cast<long long>(e.data->weight)),
               Cell::Str(DocId(ev.document)), Cell::Str(ev.text)});
      }
    }
    if (hops.empty()) {
      std::cerr << "kg: no " << (f_.kind == "all" ? "" : f_.kind + " ") << "edge at \"" << g_.node(a).label << "\""
                << (b ? " to \"" + g_.node(*b).label + "\"" : "") << "\n";
      return kExitNotFound;
    }
    return Print(r);
  }

  int PathCmd() {
    NodeId a, b;
    if (!Resolve(f_.name, &a) || !Resolve(f_.name_b, &b)) return kExitNotFound;
    PathOptions opt;
    opt.max_length = f_.max_length;
    opt.all = f_.all;
    ParseKindFilter(f_.kind, &opt.kind);
    auto paths = ShortestPaths(g_, a, b, opt);
    if (paths.empty()) {
      std::cerr << "kg: no path from \"" << g_.node(a).label << "\" to \"" << g_.node(b).label << "\" within "
                << f_.max_length << " steps\n";
      return kExitNotFound;
    }
    Report r;
    Table& t = r.Add("path", {"path", "step", "from", "relation", "dir", "to", "document", "evidence"});
    for (size_t p = 0; p < paths.size(); ++p) {
      for (size_t s = 0; s < paths[p].size(); ++s) {
        const Hop& h = paths[p][s];
        const EdgeData& d = *g_.edge(h.edge).data;
        const Evidence* ev = d.evidence.empty() ? nullptr : &d.evidence[0];
        t.Row({Cell::Int(static_cast<long long>(p + 1)), Cell::Int(static_cast<long long>(s + 1)),
               Cell::Str(g_.node(h.from).label), Cell::Str(d.relation), Cell::Str(Arrow(h)),
               Cell::Str(g_.node(h.to).label), Cell::Str(ev ? DocId(ev->document) : ""),
               Cell::Str(ev ? ev->text : std::string_view())});
      }
    }
    return Print(r);
  }

  int Top() {
    std::vector<double> score;
    if (f_.by == "degree") {
      for (size_t d : Degree()) score.push_back(static_cast<double>(d));
    } else if (f_.by == "pagerank") {
      score = Rank();
    } else {
      bool approximate = false;
      score = Betweenness(g_, kMaxBetweennessNodes, &approximate);
      if (approximate) {
        approx_note_ = "(betweenness computed on the " + std::to_string(kMaxBetweennessNodes) +
                       " best-connected of " + std::to_string(g_.node_count()) + " entities)";
      }
    }
    std::vector<NodeId> ids(g_.node_count());
    std::iota(ids.begin(), ids.end(), 0);
    std::stable_sort(ids.begin(), ids.end(), [&](NodeId a, NodeId b) { return score[a] > score[b]; });
    Report r;
    Table& t = r.Add("top", {"rank", "entity", "type", f_.by});
    for (size_t i = 0; i < Limit(ids.size()); ++i) {
      NodeId v = ids[i];
      t.Row({Cell::Int(static_cast<long long>(i + 1)), Cell::Str(g_.node(v).label),
             Cell::Str(std::string(EntityTypeName(g_.node(v).type))),
             f_.by == "degree" ? Cell::Int(static_cast<long long>(score[v])) : Cell::Num(score[v], f_.by == "pagerank" ? 5 : 2)});
    }
    if (!approx_note_.empty()) r.notes.push_back(approx_note_);
    return Print(r);
  }

  int ComponentsCmd() {
    size_t count = 0;
    std::vector<size_t> comp = Components(g_, &count);
    std::vector<size_t> size(count, 0);
    for (size_t c : comp) size[c]++;
    Report r;
    Table& t = r.Add("components", {"component", "size", "example"});
    std::vector<NodeId> example(count, 0);
    std::vector<bool> has(count, false);
    const auto& deg = Degree();
    for (NodeId v = 0; v < g_.node_count(); ++v) {
      if (!has[comp[v]] || deg[v] > deg[example[comp[v]]]) {
        example[comp[v]] = v;
        has[comp[v]] = true;
      }
    }
    for (size_t c = 0; c < std::min<size_t>(count, 20); ++c) {
      t.Row({Cell::Int(static_cast<long long>(c + 1)), Cell::Int(static_cast<long long>(size[c])),
             Cell::Str(g_.node(example[c]).label)});
    }
    Table& m = r.Add("largest", {"entity", "type", "degree"});
    std::vector<NodeId> members;
    for (NodeId v = 0; v < g_.node_count(); ++v) if (count && comp[v] == 0) members.push_back(v);
    std::stable_sort(members.begin(), members.end(), [&](NodeId a, NodeId b) { return deg[a] > deg[b]; });
    for (size_t i = 0; i < Limit(members.size()); ++i) {
      m.Row({Cell::Str(g_.node(members[i]).label), Cell::Str(std::string(EntityTypeName(g_.node(members[i]).type))),
             Cell::Int(static_cast<long long>(deg[members[i]]))});
    }
    r.notes.push_back(std::to_string(count) + " components; the largest has " +
                      std::to_string(count ? size[0] : 0) + " of " + std::to_string(g_.node_count()) + " entities");
    return Print(r);
  }

  int SubgraphCmd() {
    std::vector<NodeId> seeds;
    for (const auto& n : f_.names) {
      NodeId v;
      if (!Resolve(n, &v)) return kExitNotFound;
      seeds.push_back(v);
    }
    KnowledgeGraph sub = Subgraph(g_, seeds, f_.depth);
    // A directory (one that exists, or a name with no extension) gets the
    // files kg build writes; a file, the format its extension names.
    std::error_code ec;
    bool dir = std::filesystem::is_directory(f_.output, ec) || std::filesystem::path(f_.output).extension().empty();
    std::vector<std::string> formats{"graphml", "dot", "json"};
    Status s = dir ? WriteGraphFiles(sub, f_.output, formats) : WriteGraphFile(sub, f_.output);  // stale formats go too
    if (!s.ok()) return Fail(s.message());
    std::vector<std::string> files = dir ? OutputPaths(f_.output, formats) : std::vector<std::string>{f_.output};
    Report r;
    Table& t = r.Add("subgraph", {"file", "entities", "edges"});
    for (const std::string& file : files) {
      t.Row({Cell::Str(file), Cell::Int(static_cast<long long>(sub.node_count())),
             Cell::Int(static_cast<long long>(sub.edge_count()))});
    }
    return Print(r);
  }

  int Stats() {
    Report r;
    Table& t = r.Add("stats", {"measure", "value"});
    size_t n = g_.node_count(), m = g_.edge_count();
    t.Row({Cell::Str("documents"), Cell::Int(static_cast<long long>(g_.documents().size()))});
    t.Row({Cell::Str("entities"), Cell::Int(static_cast<long long>(n))});
    std::array<size_t, kEntityTypeCount> by_type{};
    for (NodeId v = 0; v < n; ++v) by_type[static_cast<int>(g_.node(v).type)]++;
    for (int i = 0; i < kEntityTypeCount; ++i) {
      t.Row({Cell::Str(Under("entities", std::string(EntityTypeName(static_cast<EntityType>(i))))),
             Cell::Int(static_cast<long long>(by_type[i]))});
    }
    size_t rel = 0;
    for (const EdgeRef& e : g_.edges()) rel += e.data->kind == EdgeKind::kRelation;
    t.Row({Cell::Str("edges"), Cell::Int(static_cast<long long>(m))});
    t.Row({Cell::Str(Under("edges", "relation")), Cell::Int(static_cast<long long>(rel))});
    t.Row({Cell::Str(Under("edges", "cooccurrence")), Cell::Int(static_cast<long long>(m - rel))});
    std::map<std::string, size_t> labels;
    for (const EdgeRef& e : g_.edges()) if (e.data->kind == EdgeKind::kRelation) labels[e.data->relation]++;
    t.Row({Cell::Str("relation labels"), Cell::Int(static_cast<long long>(labels.size()))});
    double density = n > 1 ? static_cast<double>(m) / (static_cast<double>(n) * static_cast<double>(n - 1)) : 0.0;
    t.Row({Cell::Str("density"), Cell::Num(density, 6)});
    std::vector<size_t> deg = Degree();
    std::sort(deg.begin(), deg.end());
    if (!deg.empty()) {
      double mean = std::accumulate(deg.begin(), deg.end(), 0.0) / static_cast<double>(deg.size());
      t.Row({Cell::Str("degree min"), Cell::Int(static_cast<long long>(deg.front()))});
      t.Row({Cell::Str("degree median"), Cell::Int(static_cast<long long>(deg[deg.size() / 2]))});
      t.Row({Cell::Str("degree mean"), Cell::Num(mean, 2)});
      t.Row({Cell::Str("degree max"), Cell::Int(static_cast<long long>(deg.back()))});
      size_t isolated = static_cast<size_t>(std::count(deg.begin(), deg.end(), 0u));
      t.Row({Cell::Str("isolated entities"), Cell::Int(static_cast<long long>(isolated))});
    }
    std::vector<std::pair<size_t, std::string>> common;
    for (const auto& [l, c] : labels) common.emplace_back(c, l);
    std::stable_sort(common.begin(), common.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    Table& lt = r.Add("relation labels", {"relation", "edges"});
    for (size_t i = 0; i < std::min<size_t>(common.size(), 15); ++i) {
      lt.Row({Cell::Str(common[i].second), Cell::Int(static_cast<long long>(common[i].first))});
    }
    return Print(r);
  }

  int TimelineCmd() {
    NodeId a, b = 0;
    if (!Resolve(f_.name, &a)) return kExitNotFound;
    bool link = !f_.name_b.empty();
    if (link && !Resolve(f_.name_b, &b)) return kExitNotFound;
    std::vector<MonthCount> months = link ? LinkTimeline(g_, a, b) : EntityTimeline(g_, a);
    if (months.empty()) {
      std::cerr << "kg: no edge between \"" << g_.node(a).label << "\" and \"" << g_.node(b).label << "\"\n";
      return kExitNotFound;
    }
    Report r;
    Table& t = r.Add("timeline", {"month", link ? "sentences" : "documents", "relation", "document", "evidence"});
    for (const MonthCount& m : months) {
      const EdgeRef* e = m.example ? &g_.edge(m.example_edge) : nullptr;
      std::string relation;
      if (e) relation = g_.node(e->source).label + " " + e->data->relation + " " + g_.node(e->target).label;
      t.Row({Cell::Str(m.month ? FormatMonth(m.month) : "undated"), Cell::Int(static_cast<long long>(m.count)),
             Cell::Str(relation), Cell::Str(m.example ? DocId(m.example->document) : ""),
             Cell::Str(m.example ? m.example->text : std::string_view())});
    }
    if (link) r.notes.push_back("(sentences: the evidence kept per edge; kg build --max-evidence 0 keeps all)");
    return Print(r);
  }

  const QueryFlags& f_;
  const KnowledgeGraph& g_;
  std::optional<NameIndex> names_;
  ReportFormat format_ = ReportFormat::kText;
  std::vector<double> rank_;
  std::vector<size_t> degree_;
  std::string approx_note_;
  static constexpr size_t kMaxBetweennessNodes = 500;
};

}  // namespace

namespace {

// --since / --until as a closed range of days; a month or year given as the
// upper bound means its last day.
bool DateBounds(const QueryFlags& f, Date* since, Date* until) {
  *since = *until = 0;
  if (!f.since.empty() && !ParseDate(f.since, since)) {
    Fail("--since: \"" + f.since + "\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
    return false;
  }
  if (!f.until.empty()) {
    if (!ParseDate(f.until, until)) {
      Fail("--until: \"" + f.until + "\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
      return false;
    }
    size_t digits = static_cast<size_t>(std::count_if(f.until.begin(), f.until.end(), [](char c) { return c >= '0' && c <= '9'; }));
    if (digits == 4) *until = *until / 10000 * 10000 + 1231;
    else if (digits == 6) *until = *until / 100 * 100 + 31;  // (no day number is above 31)
  }
  if (*since && *until && *since > *until) {
    Fail("--since " + f.since + " is after --until " + f.until);
    return false;
  }
  return true;
}

}  // namespace

int RunQuery(const QueryFlags& f) {
  Date since, until;
  if (!DateBounds(f, &since, &until)) return kExitError;
  auto g = LoadGraph(f.graph);
  if (!g.ok()) return Fail(g.status().message());
  if (since || until) {
    KnowledgeGraph window = WithinDates(*g, since, until);
    if (window.documents().empty()) {
      size_t undated = 0;
      for (const DocumentInfo& d : g->documents()) undated += d.date == 0;
      std::cerr << "kg: warning: no document is dated in that range" << (undated ? " (" + std::to_string(undated) +
                   " undated documents are left out by --since/--until)" : std::string()) << "\n";
    }
    KeepUntilExit(std::move(*g));
    Query q(f, KeepUntilExit(std::move(window)));
    return q.Run();
  }
  Query q(f, KeepUntilExit(std::move(*g)));
  return q.Run();
}

}  // namespace kg::cli

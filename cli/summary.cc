#include "summary.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <array>
#include <sstream>

namespace kg::cli {

std::string Summary(const KnowledgeGraph& g) {
  uint64_t sentences = 0;
  for (const auto& d : g.documents()) sentences += d.sentences;
  std::array<size_t, kEntityTypeCount> by_type{};
  for (NodeId v = 0; v < g.node_count(); ++v) by_type[static_cast<int>(g.node(v).type)]++;
  size_t stated = 0, cooc = 0;
  for (const EdgeRef& e : g.edges()) (e.data->kind == EdgeKind::kRelation ? stated : cooc)++;
  // Most connected: distinct neighbours over both kinds of edge.
  std::vector<std::pair<size_t, NodeId>> degree;
  for (NodeId v = 0; v < g.node_count(); ++v) {
    std::vector<NodeId> nb;
    for (EdgeId e : g.out_edges(v)) nb.push_back(g.edge(e).target);
    for (EdgeId e : g.in_edges(v)) nb.push_back(g.edge(e).source);
    std::sort(nb.begin(), nb.end());
    nb.erase(std::unique(nb.begin(), nb.end()), nb.end());
    degree.emplace_back(nb.size(), v);
  }
  std::sort(degree.begin(), degree.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::ostringstream out;
  out << "Read " << g.documents().size() << " document" << (g.documents().size() == 1 ? "" : "s") << " ("
      << sentences << " sentences): " << g.node_count() << " entities (";
  bool first = true;
  for (int t = 0; t < kEntityTypeCount; ++t) {
    if (!first) out << ", ";
    first = false;
    out << by_type[t] << " " << EntityTypeName(static_cast<EntityType>(t));
  }
  out << "), " << stated << " stated relations and " << cooc << " co-occurrence links.";
  if (!degree.empty() && degree.front().first > 0) {
    out << " Most connected: ";
    for (size_t i = 0; i < std::min<size_t>(5, degree.size()) && degree[i].first > 0; ++i) {
      if (i) out << ", ";
      out << g.node(degree[i].second).label << " (" << degree[i].first << ")";
    }
    out << ".";
  }
  out << "\n";
  return out.str();
}

namespace {

std::string Size(uint64_t bytes) {
  char buf[32];
  if (bytes < 1024) std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
  else if (bytes < (1u << 20)) std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / 1024);
  else std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
  return buf;
}

}  // namespace

std::string WroteLine(const std::vector<std::string>& files, double seconds) {
  std::string out = "Wrote";
  for (size_t i = 0; i < files.size(); ++i) {
    std::error_code ec;
    uint64_t n = std::filesystem::file_size(files[i], ec);
    out += (i ? ", " : " ") + files[i] + (ec ? "" : " (" + Size(n) + ")");
  }
  char t[32];
  std::snprintf(t, sizeof t, " in %.1f s.\n", seconds);
  return out + t;
}

std::string ProgressLine(const PipelineProgress& p, std::chrono::steady_clock::time_point start, bool terminal) {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char line[128];
  char percent[16] = "";
  if (p.fraction >= 0) std::snprintf(percent, sizeof percent, "%.0f%% read, ", p.fraction * 100);
  std::snprintf(line, sizeof line, "%s%s%zu documents, %zu MB, %.0f s%s", terminal ? "\r" : "", percent, p.documents,
                p.bytes >> 20, seconds, terminal ? "" : "\n");
  return line;
}

std::string RemovedLine(const std::vector<std::string>& removed) {
  if (removed.empty()) return {};
  std::string out = "Removed stale";
  for (size_t i = 0; i < removed.size(); ++i) out += (i ? ", " : " ") + removed[i];
  return out + " (formats not asked for).\n";
}

}  // namespace kg::cli

#include "kg/export/writer.h"

#include <filesystem>

#include "dot_writer.h"
#include "graphml_writer.h"
#include "json_writer.h"
#include "kg/base/atomic_file.h"
#include "kg/graph/graph_index.h"

namespace kg {

std::unique_ptr<GraphWriter> MakeWriter(std::string_view format) {
  if (format == "json") return std::make_unique<JsonWriter>();
  if (format == "graphml") return std::make_unique<GraphmlWriter>();
  if (format == "dot" || format == "gv") return std::make_unique<DotWriter>();
  return nullptr;
}

std::vector<std::string> WriterFormats() { return {"graphml", "dot", "json"}; }

Status WriteGraphFiles(const KnowledgeGraph& graph, const std::string& dir, const std::vector<std::string>& formats) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) return IoError(dir + ": exists and is not a directory");
  fs::create_directories(dir, ec);
  if (ec) return IoError(dir + ": cannot create directory: " + ec.message());
  AtomicFileSet files;
  for (const std::string& f : formats) {
    auto w = MakeWriter(f);
    if (!w) return Usage("unknown format \"" + f + "\" (graphml, dot, json)");
    std::string path = (fs::path(dir) / ("graph" + std::string(w->extension()))).string();
    if (w->format() != "json") {
      if (Status s = files.Add(path, w->Write(graph)); !s.ok()) return s;
      continue;
    }
    // graph.json comes with graph.kgi, its index for fast loading (see
    // kg/graph/graph_index.h), which names it by size and time.
    std::string temporary;
    if (Status s = files.Add(path, w->Write(graph), &temporary); !s.ok()) return s;
    auto stamp = StampOf(temporary);
    if (!stamp.ok()) return stamp.status();
    if (Status s = files.Add(IndexPathFor(path), EncodeGraphIndex(graph, *stamp)); !s.ok()) return s;
  }
  return files.Commit();
}

Status WriteGraphFile(const KnowledgeGraph& graph, const std::string& path) {
  namespace fs = std::filesystem;
  std::string ext = fs::path(path).extension().string();
  if (!ext.empty()) ext.erase(0, 1);
  auto w = MakeWriter(ext);
  if (!w) return Usage(path + ": unknown output format (use .graphml, .dot or .json)");
  fs::path parent = fs::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty() && !fs::is_directory(parent, ec)) return IoError(path + ": directory does not exist");
  return WriteFileAtomically(path, w->Write(graph));
}

}  // namespace kg

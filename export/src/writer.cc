#include "kg/export/writer.h"

#include <filesystem>
#include <thread>

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
  std::vector<std::unique_ptr<GraphWriter>> writers;
  for (const std::string& f : formats) {
    auto w = MakeWriter(f);
    if (!w) return Usage("unknown format \"" + f + "\" (graphml, dot, json)");
    writers.push_back(std::move(w));
  }
  AtomicFileSet files;
  // graph.json comes with graph.kgi: its body is encoded and written on a
  // thread of its own while the JSON is written; the JSON file's stamp is
  // appended once that file is done.
  bool with_index = false;
  for (const auto& w : writers) with_index = with_index || w->format() == "json";
  std::string index_temporary;
  Status index_written;
  std::thread indexer;
  if (with_index) {
    indexer = std::thread([&] {
      std::string body = EncodeGraphIndexBody(graph);
      index_written = files.Add(IndexPathFor((fs::path(dir) / "graph.json").string()), body, &index_temporary);
    });
  }
  auto write = [&](const GraphWriter& w) {
    std::string path = (fs::path(dir) / ("graph" + std::string(w.extension()))).string();
    std::string temporary;
    Status s = files.AddStreamed(path, [&](OutputBuffer* out) { w.Write(graph, out); }, &temporary);
    if (!s.ok() || w.format() != "json") return s;
    auto stamp = StampOf(temporary);
    if (!stamp.ok()) return stamp.status();
    indexer.join();
    if (!index_written.ok()) return index_written;
    std::string stamp_bytes;
    StampGraphIndex(*stamp, &stamp_bytes);
    return AppendToFile(index_temporary, stamp_bytes);
  };
  // One thread per format; the writers only read the graph.
  std::vector<Status> status(writers.size());
  std::vector<std::thread> threads;
  for (size_t i = 1; i < writers.size(); ++i) threads.emplace_back([&, i] { status[i] = write(*writers[i]); });
  if (!writers.empty()) status[0] = write(*writers[0]);
  for (auto& t : threads) t.join();
  if (indexer.joinable()) indexer.join();
  for (const Status& s : status) if (!s.ok()) return s;
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
  AtomicFileSet file;
  if (Status s = file.AddStreamed(path, [&](OutputBuffer* out) { w->Write(graph, out); }); !s.ok()) return s;
  return file.Commit();
}

}  // namespace kg

#include "kg/export/writer.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <functional>
#include <thread>

#include "cyjs_writer.h"
#include "dot_writer.h"
#include "gexf_writer.h"
#include "graphml_writer.h"
#include "html_writer.h"
#include "json_writer.h"
#include "neo4j_writer.h"
#include "kg/base/atomic_file.h"
#include "kg/graph/graph_index.h"

namespace kg {

std::unique_ptr<GraphWriter> MakeWriter(std::string_view format) {
  if (format == "json") return std::make_unique<JsonWriter>();
  if (format == "graphml") return std::make_unique<GraphmlWriter>();
  if (format == "dot" || format == "gv") return std::make_unique<DotWriter>();
  if (format == "gexf") return std::make_unique<GexfWriter>();
  if (format == "neo4j") return std::make_unique<Neo4jWriter>();
  if (format == "cyjs") return std::make_unique<CyjsWriter>();
  if (format == "html" && HtmlWriter::Available()) return std::make_unique<HtmlWriter>();
  return nullptr;
}

std::vector<std::string> WriterFormats() {
  std::vector<std::string> all{"graphml", "dot", "json", "gexf", "neo4j", "cyjs"};
  if (HtmlWriter::Available()) all.push_back("html");
  return all;
}

std::string UnknownFormat(std::string_view format) {
  if (format == "html") return "format \"html\": this kg was built without its drawing library (npm was not found)";
  return "unknown format \"" + std::string(format) + "\" (" + WriterFormatList() + ")";
}

std::string WriterFormatList() {
  std::string out;
  for (const std::string& f : WriterFormats()) out.append(out.empty() ? "" : ", ").append(f);
  return out;
}

Status WriteGraphFiles(const KnowledgeGraph& graph, const std::string& dir, const std::vector<std::string>& formats,
                       std::vector<std::string>* removed) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) return IoError(dir + ": exists and is not a directory");
  fs::create_directories(dir, ec);
  if (ec) return IoError(dir + ": cannot create directory: " + ec.message());
  std::vector<std::unique_ptr<GraphWriter>> writers;
  for (const std::string& f : formats) {
    auto w = MakeWriter(f);
    if (!w) return Usage(UnknownFormat(f));
    writers.push_back(std::move(w));
  }
  AtomicFileSet files;
  // Files of the formats not asked for, left by an earlier run, go with the
  // commit: the directory then holds the new set and nothing stale.
  std::vector<std::string> stale = StaleOutputs(dir, formats);
  for (const std::string& path : stale) files.RemoveOnCommit(path);
  // The files are jobs taken, largest first, by as many threads as there
  // are cores (each job on one thread): on two cores the JSON, the longest,
  // has a core to itself from the start while the others follow one
  // another on the second. With graph.json comes graph.kgi: its body is a
  // job of its own; the JSON file's stamp is appended once both are done.
  struct Job {
    int rank;  // the order jobs are taken in: by their usual size
    std::function<Status()> run;
  };
  auto rank_of = [](std::string_view format) { return format == "json" ? 0 : format == "graphml" ? 1 : 3; };
  std::vector<Job> jobs;
  // One job per file; a format of several files has a job for each.
  struct Part {
    const GraphWriter* writer;
    size_t k;
    std::string name;
  };
  std::vector<Part> parts;
  for (const auto& w : writers) {
    std::vector<std::string> names = w->FileNames();
    for (size_t k = 0; k < names.size(); ++k) parts.push_back({w.get(), k, names[k]});
  }
  std::vector<std::string> temporaries(parts.size());
  std::string index_temporary;
  int json = -1;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].writer->format() == "json") json = static_cast<int>(i);
    jobs.push_back({rank_of(parts[i].writer->format()), [&, i] {
                      const Part& part = parts[i];
                      std::string path = (fs::path(dir) / part.name).string();
                      return files.AddStreamed(
                          path, [&](OutputBuffer* out) { part.writer->WritePart(part.k, graph, out); }, &temporaries[i]);
                    }});
  }
  if (json >= 0) {
    jobs.push_back({2, [&] {
                      std::string body = EncodeGraphIndexBody(graph);
                      return files.Add(IndexPathFor((fs::path(dir) / "graph.json").string()), body, &index_temporary);
                    }});
  }
  std::stable_sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return a.rank < b.rank; });
  std::vector<Status> status(jobs.size());
  std::atomic<size_t> next{0};
  auto lane = [&] {
    for (size_t j; (j = next.fetch_add(1)) < jobs.size();) status[j] = jobs[j].run();
  };
  size_t lanes = std::min<size_t>(jobs.size(), std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> threads;
  for (size_t i = 1; i < lanes; ++i) threads.emplace_back(lane);
  lane();
  for (auto& t : threads) t.join();
  for (const Status& s : status) if (!s.ok()) return s;
  if (json >= 0) {
    auto stamp = StampOf(temporaries[static_cast<size_t>(json)]);
    if (!stamp.ok()) return stamp.status();
    std::string stamp_bytes;
    StampGraphIndex(*stamp, &stamp_bytes);
    if (Status s = AppendToFile(index_temporary, stamp_bytes); !s.ok()) return s;
  }
  if (Status s = files.Commit(); !s.ok()) return s;
  if (removed) *removed = std::move(stale);
  return Status::Ok();
}

std::vector<std::string> OutputPaths(const std::string& dir, const std::vector<std::string>& formats) {
  std::vector<std::string> paths;
  for (const std::string& f : formats) {
    auto w = MakeWriter(f);
    if (!w) continue;
    for (const std::string& name : w->FileNames()) paths.push_back((std::filesystem::path(dir) / name).string());
  }
  return paths;
}

std::vector<std::string> StaleOutputs(const std::string& dir, const std::vector<std::string>& formats) {
  namespace fs = std::filesystem;
  std::vector<std::string> keep = OutputPaths(dir, formats);
  std::vector<std::string> candidates = OutputPaths(dir, WriterFormats());
  bool json = std::find(formats.begin(), formats.end(), "json") != formats.end();
  if (!json) candidates.push_back((fs::path(dir) / "graph.kgi").string());
  std::vector<std::string> stale;
  for (const std::string& path : candidates) {
    if (std::find(keep.begin(), keep.end(), path) != keep.end()) continue;
    std::error_code ec;
    if (fs::is_regular_file(fs::symlink_status(path, ec))) stale.push_back(path);
  }
  return stale;
}

std::vector<std::string> RemoveStaleOutputs(const std::string& dir, const std::vector<std::string>& formats) {
  std::vector<std::string> removed;
  for (const std::string& path : StaleOutputs(dir, formats)) {
    std::error_code ec;
    if (std::filesystem::remove(path, ec)) removed.push_back(path);
  }
  return removed;
}

Status WriteGraphFile(const KnowledgeGraph& graph, const std::string& path) {
  namespace fs = std::filesystem;
  std::string ext = fs::path(path).extension().string();
  if (!ext.empty()) ext.erase(0, 1);
  auto w = MakeWriter(ext);
  if (!w || w->FileNames().size() != 1) {
    return Usage(path + ": unknown output format (use .graphml, .dot, .json, .gexf, .cyjs or .html)");
  }
  fs::path parent = fs::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty() && !fs::is_directory(parent, ec)) return IoError(path + ": directory does not exist");
  AtomicFileSet file;
  if (Status s = file.AddStreamed(path, [&](OutputBuffer* out) { w->Write(graph, out); }); !s.ok()) return s;
  return file.Commit();
}

}  // namespace kg

#include <chrono>
#include <iostream>

#include "commands.h"
#include "kg/export/writer.h"
#include "kg/graph/builder.h"
#include "kg/graph/graph_index.h"
#include "summary.h"

namespace kg::cli {

Status CheckOutputDir(const std::string& dir);
Status ParseFormats(const std::string& spec, std::vector<std::string>* formats);

void AddMergeCommand(CLI::App& app, MergeFlags* f) {
  CLI::App* cmd = app.add_subcommand(
      "merge", "Merge graphs built separately into one, as a single build over all their inputs would.\n"
               "Example: kg merge part1/graph.json part2/graph.json -o all");
  cmd->add_option("GRAPH", f->inputs, "graph.json files (or directories holding one), in input order")->required();
  cmd->add_option("-o,--output", f->output_dir, "Output directory")->required();
  cmd->add_option("--format", f->formats, "Comma-separated output formats: graphml, dot, json (the default three), gexf, neo4j, cyjs, html. "
                  "Files of formats not asked for, left by an earlier run, are removed");
  cmd->add_flag("-q,--quiet", f->quiet, "Print nothing on success");
}

int RunMerge(const MergeFlags& f) {
  auto start = std::chrono::steady_clock::now();
  std::vector<std::string> formats;
  if (Status s = ParseFormats(f.formats, &formats); !s.ok()) return Fail(s.message());
  if (Status s = CheckOutputDir(f.output_dir); !s.ok()) return Fail(s.message());
  BuildOptions opt;
  opt.max_evidence = 0;  // keep what each input kept
  GraphBuilder builder(opt);
  for (const std::string& in : f.inputs) {
    auto g = LoadGraph(in);
    if (!g.ok()) return Fail(g.status().message());
    builder.AddGraph(*g);
  }
  KnowledgeGraph merged = builder.Finish();
  std::vector<std::string> removed;  // stale files of formats not asked for, removed with the commit
  if (Status s = WriteGraphFiles(merged, f.output_dir, formats, &removed); !s.ok()) return Fail(s.message());
  if (!f.quiet) {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << Summary(merged) << WroteLine(OutputPaths(f.output_dir, formats), seconds) << RemovedLine(removed);
  }
  return kExitOk;
}

}  // namespace kg::cli

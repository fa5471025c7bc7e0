#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <memory>
#include <cstdio>
#include <filesystem>
#include <future>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "kg/extract/annotators.h"
#include "kg/extract/syntax.h"
#include "kg/export/writer.h"
#include "kg/extract/corpus.h"
#include "kg/extract/lexicon.h"
#include "kg/graph/pipeline.h"
#include "summary.h"

namespace kg::cli {

const KnowledgeGraph& KeepUntilExit(KnowledgeGraph&& graph) {
  // Every graph kept (a query over a date range keeps two) stays reachable
  // from this static list, so leak checkers find them through it.
  static auto* kept = new std::vector<KnowledgeGraph*>();
  kept->push_back(new KnowledgeGraph(std::move(graph)));
  return *kept->back();
}

int Fail(const std::string& message) {
  std::cerr << "kg: " << message << "\n";
  return kExitError;
}

void AddBuildCommand(CLI::App& app, BuildFlags* f) {
  CLI::App* cmd = app.add_subcommand("build", "Build a knowledge graph from articles.\n"
                                              "Example: kg build articles/ corpus.jsonl -o out --format graphml,json");
  cmd->add_option("INPUT", f->inputs,
                  "Inputs: .txt/.md files, directories (recursive, sorted), .jsonl or .jsonl.gz corpora "
                  "({\"id\", \"text\"} per line), or - for standard input")
      ->required();
  cmd->add_option("-o,--output", f->output_dir, "Output directory for graph.graphml, graph.dot, graph.json")->required();
  cmd->add_option("--format", f->formats, "Comma-separated output formats: graphml, dot, json (the default three), gexf, neo4j, cyjs, html. "
                  "Files of formats not asked for, left by an earlier run, are removed");
  cmd->add_option("-j,--threads", f->threads, "Worker threads (default 0: all cores; at most 4 per core, or 16, are used); "
                  "output is identical for any count")
      ->check(CLI::Range(0, 1024));
  cmd->add_flag("--no-cooccurrence", f->no_cooccurrence, "Drop same-sentence co-mention edges; keep stated relations");
  cmd->add_option("--max-evidence", f->max_evidence,
                  "Evidence sentences kept per edge (default 20, 0 for all); weight always counts all");
  cmd->add_option("--gazetteer", f->gazetteers,
                  "Extra entities, TSV (name<TAB>type<TAB>alias|alias) or JSON [{name, type, aliases}]; "
                  "repeatable. Example: --gazetteer mine.tsv");
  cmd->add_option("--stoplist", f->stoplists, "Names never to report as entities, one per line; repeatable");
  cmd->add_option("--models", f->models_dir,
                  "Directory of the syntax models (default: $KG_MODELS_DIR or kg's data/models)");
  cmd->add_flag("--no-syntax", f->no_syntax,
                "Relations from word patterns only: no parsing or coreference (faster, fewer relations)");
  cmd->add_option("--hunspell-dir", f->hunspell_dir,
                  "Directory with fr_FR.aff/.dic (default: $KG_HUNSPELL_DIR or /usr/share/hunspell)");
  cmd->add_flag("-q,--quiet", f->quiet, "Print nothing on success");
  cmd->add_flag("--progress", f->progress,
                "Show progress (share of the input read, documents, elapsed time) even when standard error is not a "
                "terminal, one line each time");
  cmd->add_flag("-v,--verbose", f->verbose, "Also print where the time went (read, extract, merge, write) on stderr");
}

namespace {

std::vector<std::string> SplitFormats(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (!item.empty() && std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
  }
  return out;
}

}  // namespace

Status CheckOutputDir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p(dir);
  if (fs::exists(p, ec)) {
    if (!fs::is_directory(p, ec)) return IoError(dir + ": exists and is not a directory");
    if (access(dir.c_str(), W_OK) != 0) return IoError(dir + ": directory is not writable");
    return Status::Ok();
  }
  fs::path parent = p.parent_path();
  while (!parent.empty() && !fs::exists(parent, ec)) parent = parent.parent_path();
  std::string check = parent.empty() ? "." : parent.string();
  if (!fs::is_directory(check, ec)) return IoError(dir + ": cannot create directory (" + check + " is not a directory)");
  if (access(check.c_str(), W_OK) != 0) return IoError(dir + ": cannot create directory (" + check + " is not writable)");
  return Status::Ok();
}

Status ParseFormats(const std::string& spec, std::vector<std::string>* formats) {
  *formats = SplitFormats(spec);
  if (formats->empty()) return Usage("--format: no format given (" + WriterFormatList() + ")");
  for (const std::string& f : *formats) {
    if (!MakeWriter(f)) return Usage("--format: " + UnknownFormat(f));
  }
  return Status::Ok();
}

int RunBuild(const BuildFlags& f) {
  std::vector<std::string> formats;
  if (Status s = ParseFormats(f.formats, &formats); !s.ok()) return Fail(s.message());
  if (Status s = CheckOutputDir(f.output_dir); !s.ok()) return Fail(s.message());
  // The syntax models load on threads of their own while the lexicon is
  // built (startup is serial time); their errors are reported where they
  // are used, in the same order as before.
  const std::string models = f.models_dir.empty() ? DefaultModelsDir() : f.models_dir;
  auto load = [&](std::string_view language) {
    return std::async(std::launch::async, [&models, language, skip = f.no_syntax] {
      return skip ? StatusOr<std::shared_ptr<const SyntaxModel>>(std::shared_ptr<const SyntaxModel>())
                  : SyntaxModel::Load(SyntaxModelPath(models, language));
    });
  };
  auto fr_loading = load("fr"), en_loading = load("en");
  Lexicon lexicon = Lexicon::Builtin();
  for (const auto& g : f.gazetteers) {
    std::vector<std::string> warnings;
    if (Status s = lexicon.AddGazetteerFile(g, &warnings); !s.ok()) return Fail(s.message());
    for (const std::string& w : warnings) std::cerr << "kg: warning: " << w << "\n";
  }
  for (const auto& sl : f.stoplists) {
    if (Status s = lexicon.AddStoplistFile(sl); !s.ok()) return Fail(s.message());
  }
  auto source = DocumentSource::Open(f.inputs);
  if (!source.ok()) return Fail(source.status().message());

  PipelineOptions opt;
  opt.threads = f.threads;
  opt.lexicon = &lexicon;
  opt.hunspell_dir = f.hunspell_dir;
  std::shared_ptr<const SyntaxModel> french, english;
  if (!f.no_syntax) {
    auto fr = fr_loading.get();
    auto en = en_loading.get();
    if (!fr.ok()) return Fail(fr.status().message());
    if (!en.ok()) return Fail(en.status().message());
    french = *fr;
    english = *en;
  }
  opt.french_syntax = french.get();
  opt.english_syntax = english.get();
  // The entity-type models of the languages whose annotators use one.
  auto french_types = LoadTypeModelFor(Language::kFrench, models);
  if (!french_types.ok()) return Fail(french_types.status().message());
  auto english_types = LoadTypeModelFor(Language::kEnglish, models);
  if (!english_types.ok()) return Fail(english_types.status().message());
  opt.french_types = french_types->get();
  opt.english_types = english_types->get();
  opt.build.cooccurrence = !f.no_cooccurrence;
  opt.build.max_evidence = f.max_evidence;
  opt.warn = [](const std::string& w) { std::cerr << "kg: warning: " << w << "\n"; };
  auto start = std::chrono::steady_clock::now();
  bool tty = isatty(STDERR_FILENO) && !f.quiet;
  if (tty || f.progress) {
    opt.progress = [tty, start](const PipelineProgress& p) { std::cerr << ProgressLine(p, start, tty) << std::flush; };
  }
  PipelineStats stats;
  opt.stats = &stats;
  auto built = BuildGraph(**source, opt);
  if (tty) std::cerr << "\r\033[K" << std::flush;
  if (!built.ok()) return Fail(built.status().message());
  if (f.progress && !tty) std::cerr << ProgressLine({stats.documents, stats.bytes, 1.0}, start, false);
  const KnowledgeGraph* graph = &KeepUntilExit(std::move(*built));
  // The summary is put together while the files are written.
  std::future<std::string> summary;
  if (!f.quiet) {
    summary = std::async(std::launch::async, [graph] { return Summary(*graph); });
  }
  auto t0 = std::chrono::steady_clock::now();
  std::vector<std::string> removed;  // stale files of formats not asked for, removed with the commit
  if (Status s = WriteGraphFiles(*graph, f.output_dir, formats, &removed); !s.ok()) return Fail(s.message());
  if (f.verbose) {
    double write = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    char line[256];
    std::snprintf(line, sizeof line, "kg: %zu documents (%zu exact repeats copied), %.1f MB: read %.2fs, extract %.2fs, merge %.2fs, finish %.2fs, write %.2fs\n",
                  stats.documents, stats.repeats, static_cast<double>(stats.bytes) / 1e6, stats.read, stats.extract, stats.merge,
                  stats.finish, write);
    std::cerr << line;
  }
  if (summary.valid()) {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << summary.get() << WroteLine(OutputPaths(f.output_dir, formats), seconds) << RemovedLine(removed);
  }
  return kExitOk;
}

}  // namespace kg::cli

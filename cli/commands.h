// The kg command line: each subcommand fills a plain options struct from
// CLI11, then Run*() validates it and calls the libraries. Only this layer
// prints. Exit codes: 0 success, 1 not found (query), 2 usage or input error.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace kg {
class KnowledgeGraph;
}  // namespace kg

namespace kg::cli {

constexpr int kExitOk = 0;
constexpr int kExitNotFound = 1;
constexpr int kExitError = 2;

struct BuildFlags {
  std::vector<std::string> inputs;
  std::string output_dir;
  std::string formats = "graphml,dot,json";
  int threads = 0;
  bool no_cooccurrence = false;
  size_t max_evidence = 20;
  std::vector<std::string> gazetteers;
  std::vector<std::string> stoplists;
  std::string hunspell_dir;
  std::string models_dir;
  bool no_syntax = false;
  bool quiet = false;
  bool verbose = false;
  bool progress = false;  // also when standard error is not a terminal
};
void AddBuildCommand(CLI::App& app, BuildFlags* flags);
int RunBuild(const BuildFlags& flags);

struct QueryFlags;
void AddQueryCommand(CLI::App& app, QueryFlags** flags);
int RunQuery(const QueryFlags& flags);

struct MergeFlags {
  std::vector<std::string> inputs;
  std::string output_dir;
  std::string formats = "graphml,dot,json";
  bool quiet = false;
};
void AddMergeCommand(CLI::App& app, MergeFlags* flags);
int RunMerge(const MergeFlags& flags);

struct ParseFlags {
  std::vector<std::string> inputs;
  std::string language = "auto";
  bool pretokenized = false;
  std::string output;
  std::string models_dir;
  std::string hunspell_dir;
  bool verbose = false;
};
void AddParseCommand(CLI::App& app, ParseFlags* flags);
int RunParse(const ParseFlags& flags);

// Moves a graph to the heap and never frees it: the process ends soon after,
// and the OS reclaims a large graph much faster than its destructors would.
// (Held by a static list, so leak checkers see every one as reachable.)
const KnowledgeGraph& KeepUntilExit(KnowledgeGraph&& graph);

// Prints "kg: message" on stderr and returns kExitError.
int Fail(const std::string& message);

}  // namespace kg::cli

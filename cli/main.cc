// kg: news text in, knowledge graph out.
#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>

#include "commands.h"
#include "kg/base/standard_input.h"
#include "kg/graph/query.h"

namespace {

// The deepest subcommand the command line reached: "kg", "kg build",
// "kg query path"; *deepest is set to it.
std::string CommandPath(CLI::App* app, CLI::App** deepest) {
  std::string path = app->get_name();
  *deepest = app;
  while (true) {
    std::vector<CLI::App*> subs = (*deepest)->get_subcommands();
    if (subs.empty()) return path;
    *deepest = subs.front();
    path += " " + (*deepest)->get_name();
  }
}

// "; did you mean "build"?" when `word` is close to a subcommand of `app`.
std::string Suggestion(CLI::App* app, const std::string& word) {
  std::string best;
  size_t best_distance = 3;  // at most two edits away
  for (const CLI::App* sub : app->get_subcommands({})) {
    size_t d = kg::EditDistance(word, sub->get_name());
    if (d < best_distance) {
      best_distance = d;
      best = sub->get_name();
    }
  }
  return best.empty() ? "" : "; did you mean \"" + best + "\"?";
}

// A parse error as one line, pointing at the help of the command at fault.
int ParseFailure(CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
  CLI::App* deepest = nullptr;
  std::string path = CommandPath(&app, &deepest);
  std::string message = e.what();
  // A misspelt command: the first word the deepest command did not take.
  std::vector<std::string> extra = deepest->remaining();
  if (!deepest->get_subcommands({}).empty() && deepest->get_subcommands().empty()) {
    std::string word;
    if (!extra.empty()) word = extra.front();
    else if (deepest == &app && argc > 1 && argv[1][0] != '-') word = argv[1];
    if (!word.empty()) message = "unknown command \"" + word + "\"" + Suggestion(deepest, word);
  }
  return kg::cli::Fail(message + " (see " + path + " --help)");
}

// Output that could not be written is an error (a full disk, /dev/full);
// a reader that went away (a closed pipe) is not.
int Finish(int code) {
  errno = 0;
  std::cout.flush();
  if (std::cout.good() || errno == EPIPE) return code;
  int err = errno;
  std::cout.clear();
  return kg::cli::Fail(std::string("cannot write to standard output: ") + (err ? std::strerror(err) : "write error"));
}

}  // namespace

int main(int argc, char** argv) {
  kg::GuardStandardStreams();  // before any file is opened: none may become descriptor 0-2
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe ends output quietly, not with a crash
  std::signal(SIGXFSZ, SIG_IGN);  // a file size limit fails the write (an error), not the process
  CLI::App app{"kg — build knowledge graphs from news articles and query them.\n"
               "  kg build articles/ -o out        build GraphML, DOT and JSON in out/\n"
               "  kg query out neighbors DeepSeek   ask the graph\n",
               "kg"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "kg 0.1.0");
  kg::cli::BuildFlags build;
  kg::cli::QueryFlags* query = nullptr;
  kg::cli::MergeFlags merge;
  kg::cli::AddBuildCommand(app, &build);
  kg::cli::AddQueryCommand(app, &query);
  kg::cli::AddMergeCommand(app, &merge);
  kg::cli::ParseFlags parse;
  kg::cli::AddParseCommand(app, &parse);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return Finish(app.exit(e));  // --help, --version
    return ParseFailure(app, e, argc, argv);
  }
  try {
    if (app.got_subcommand("build")) return Finish(kg::cli::RunBuild(build));
    if (app.got_subcommand("query")) return Finish(kg::cli::RunQuery(*query));
    if (app.got_subcommand("merge")) return Finish(kg::cli::RunMerge(merge));
    if (app.got_subcommand("parse")) return Finish(kg::cli::RunParse(parse));
  } catch (const std::exception& e) {
    return kg::cli::Fail(std::string("internal error: ") + e.what());
  }
  return kg::cli::kExitError;
}

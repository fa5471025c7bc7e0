// kg: news text in, knowledge graph out.
#include <csignal>
#include <iostream>

#include "commands.h"
#include "kg/base/standard_input.h"

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
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    return kg::cli::Fail(std::string(e.what()) + " (see kg --help)");
  }
  try {
    if (app.got_subcommand("build")) return kg::cli::RunBuild(build);
    if (app.got_subcommand("query")) return kg::cli::RunQuery(*query);
    if (app.got_subcommand("merge")) return kg::cli::RunMerge(merge);
    if (app.got_subcommand("parse")) return kg::cli::RunParse(parse);
  } catch (const std::exception& e) {
    return kg::cli::Fail(std::string("internal error: ") + e.what());
  }
  return kg::cli::kExitError;
}

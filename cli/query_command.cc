#include "commands.h"

namespace kg::cli {

struct QueryFlags {
  std::string graph;
};

void AddQueryCommand(CLI::App& app, QueryFlags** flags) {
  static QueryFlags f;
  *flags = &f;
  CLI::App* cmd = app.add_subcommand("query", "Ask the graph (work in progress)");
  cmd->add_option("graph", f.graph, "graph.json or its directory")->required();
}

int RunQuery(const QueryFlags&) { return Fail("query: not implemented yet"); }

}  // namespace kg::cli

// Reads a graph.json written by `kg build` (the graph's own store) back into
// a KnowledgeGraph. Malformed or truncated files give an error naming the
// file and the problem.
//
//   auto g = LoadGraphJson("out/graph.json");   // or the directory "out"
//
// Thread safety: reentrant.
#pragma once

#include <string>

#include "kg/base/status.h"
#include "kg/graph/graph.h"

namespace kg {

StatusOr<KnowledgeGraph> LoadGraphJson(const std::string& path);
// The graph.json a path names: the path itself, or DIR/graph.json for a directory.
std::string GraphJsonPath(const std::string& path);
// Parses graph JSON text; `where` names the source in errors.
StatusOr<KnowledgeGraph> ParseGraphJson(const std::string& text, const std::string& where);
// The same, parsing inside the buffer (faster): the graph takes the buffer's
// bytes (its evidence text points into them) and leaves `buffer` empty.
StatusOr<KnowledgeGraph> ParseGraphJsonInPlace(std::string* buffer, const std::string& where);

}  // namespace kg

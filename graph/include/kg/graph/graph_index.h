// graph.kgi: a binary companion of graph.json that lets `kg query` skip
// parsing hundreds of megabytes of JSON. It holds the same graph — every
// node and edge field — in compact binary, each evidence sentence stored
// once however many edges cite it; loaded evidence points into its bytes.
//
//   std::string kgi = EncodeGraphIndexBody(g);   // while graph.json is written
//   StampGraphIndex(*StampOf("out/graph.json"), &kgi);
//   auto loaded = LoadGraph("out");   // index when fresh, else graph.json
//
// The index names the graph.json it describes by size and modification
// time; any other graph.json (edited, copied without -p, rebuilt by another
// tool) makes LoadGraph ignore the index and parse the JSON. A damaged index
// is ignored the same way. Thread safety: reentrant.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kg/base/status.h"
#include "kg/graph/graph.h"

namespace kg {

// Identifies one version of a file.
struct FileStamp {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};
StatusOr<FileStamp> StampOf(const std::string& path);

// The index of `g` in two steps, so the body can be encoded while graph.json
// is written: EncodeGraphIndexBody, then StampGraphIndex once the file is done.
std::string EncodeGraphIndexBody(const KnowledgeGraph& g);
void StampGraphIndex(const FileStamp& json, std::string* index);

// Decodes an index for the graph.json at `json_path`; an error when the
// index is damaged or describes another version of the file.
StatusOr<KnowledgeGraph> LoadGraphIndex(const std::string& index_path, const std::string& json_path);

// Decodes index bytes; the graph's evidence points into them, so it keeps
// `owner` (whatever holds the bytes). With `stamp`, the index must describe
// that version of graph.json. `where` names the index in errors.
StatusOr<KnowledgeGraph> DecodeGraphIndex(std::string_view bytes, std::shared_ptr<const void> owner,
                                          const FileStamp* stamp, const std::string& where,
                                          const std::string& json_path);

// "out/graph.json" -> "out/graph.kgi".
std::string IndexPathFor(const std::string& json_path);

// Loads a graph: `path` is a graph.json or the directory holding one. Uses
// the index beside it when it is fresh and sound, else parses the JSON.
StatusOr<KnowledgeGraph> LoadGraph(const std::string& path);

}  // namespace kg

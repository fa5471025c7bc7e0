// graph.kgi: a binary companion of graph.json that lets `kg query` skip
// parsing hundreds of megabytes of JSON. It holds the same graph — every
// node and edge field — in compact binary, each evidence sentence stored
// once however many edges cite it; loaded evidence points into its bytes.
//
//   std::string kgi = EncodeGraphIndexBody(g);   // while graph.json is written
//   StampGraphIndex(*StampOf("out/graph.json"), &kgi);
//   auto loaded = LoadGraph("out");   // index when fresh, else graph.json
//
// The index names the graph.json it describes by size, modification time
// and a checksum of its first and last kStampBlock bytes (so all of a file
// up to 128 KiB); any other graph.json (edited, copied without -p, rebuilt
// by another tool) makes LoadGraph ignore the index and parse the JSON. The
// index carries a checksum of its own body: a damaged index is ignored the
// same way. (An edit that keeps graph.json's size and modification time and
// touches neither its first nor its last block goes unseen: the price of not
// reading hundreds of megabytes on every query.) Thread safety: reentrant.
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
inline constexpr uint64_t kStampBlock = 64 * 1024;
struct FileStamp {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t blocks = 0;  // Checksum64 of the first and last kStampBlock bytes
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
// that version of graph.json and its body must match its checksum (without,
// as the fuzzer calls it, neither is checked: the decoder alone must then
// stand any bytes). `where` names the index in errors.
StatusOr<KnowledgeGraph> DecodeGraphIndex(std::string_view bytes, std::shared_ptr<const void> owner,
                                          const FileStamp* stamp, const std::string& where,
                                          const std::string& json_path);

// "out/graph.json" -> "out/graph.kgi".
std::string IndexPathFor(const std::string& json_path);

// Loads a graph: `path` is a graph.json or the directory holding one. Uses
// the index beside it when it is fresh and sound, else parses the JSON.
StatusOr<KnowledgeGraph> LoadGraph(const std::string& path);

}  // namespace kg

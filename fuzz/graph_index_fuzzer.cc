// Fuzzes the graph.kgi decoder used by kg query and kg merge: any bytes must
// give a graph or an error, never a crash; a decoded graph must export and
// survive the query algorithms.
#include <cstdint>
#include <memory>
#include <string>

#include "kg/graph/graph_index.h"
#include "exercise_graph.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto bytes = std::make_shared<std::string>(reinterpret_cast<const char*>(data), size);
  auto g = kg::DecodeGraphIndex(*bytes, bytes, nullptr, "fuzz.kgi", "fuzz.json");
  if (!g.ok()) return 0;
  kg::fuzz::ExerciseGraph(*g);
  return 0;
}

// Fuzzes the graph.json loader used by kg query and kg merge: any bytes must
// give a graph or an error, never a crash; a loaded graph must export.
#include <cstdint>
#include <string>

#include "kg/graph/json_store.h"
#include "exercise_graph.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto g = kg::ParseGraphJson(text, "fuzz.json");
  if (!g.ok()) return 0;
  kg::fuzz::ExerciseGraph(*g);
  return 0;
}

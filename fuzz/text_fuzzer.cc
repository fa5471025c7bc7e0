// Fuzzes the whole build path: bytes -> text normalisation -> extraction ->
// graph -> every writer, and checks that the JSON store reads back to the
// same bytes.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "kg/export/writer.h"
#include "kg/extract/corpus.h"
#include "kg/extract/extractor.h"
#include "kg/graph/builder.h"
#include "kg/graph/json_store.h"

namespace {

kg::Extractor& GetExtractor() {
  static kg::Lexicon lexicon = kg::Lexicon::Builtin();
  static std::unique_ptr<kg::Extractor> ex = [] {
    kg::ExtractorConfig cfg;
    cfg.lexicon = &lexicon;
    auto e = kg::Extractor::Create(cfg);
    if (!e.ok()) std::abort();
    return std::move(*e);
  }();
  return *ex;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> warnings;
  if (!kg::NormalizeText("fuzz", &text, &warnings).ok()) return 0;
  kg::GraphBuilder builder;
  builder.Add(GetExtractor().Extract({"fuzz", "fuzz.txt", text}));
  kg::KnowledgeGraph g = builder.Finish();
  std::string json;
  for (const auto& f : kg::WriterFormats()) {
    std::string out = kg::MakeWriter(f)->Write(g);
    if (f == "json") json = out;
  }
  auto back = kg::ParseGraphJson(json, "fuzz.json");
  if (!back.ok()) std::abort();
  if (kg::MakeWriter("json")->Write(*back) != json) std::abort();
  return 0;
}

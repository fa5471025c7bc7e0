// kg-train-types: trains kg's entity typer for one language
// (kg/extract/type_model.h) on named-entity texts made by
// scripts/ner-to-jsonl.py: JSON lines {"id", "text", "spans": [[start, end,
// TYPE], ...]}. kg's recognizer reads each text (no syntax); its entities
// matching gold names are the examples. Deterministic (scripts/train-models.sh).
//
//   kg-train-types --lang en --train en-ner.jsonl -o data/models/en-types.kgm
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <rapidjson/document.h>

#include "kg/base/atomic_file.h"
#include "kg/extract/extractor.h"
#include "kg/extract/type_model.h"

namespace {

int Fail(const std::string& message) {
  std::cerr << "kg-train-types: " << message << "\n";
  return 2;
}

// One line of a training file: the document and its gold names; an error
// names the file and line.
kg::Status ParseLine(const std::string& line, const std::string& where, kg::Document* doc,
                     std::vector<kg::GoldSpan>* gold) {
  rapidjson::Document j;
  j.Parse(line.c_str(), line.size());
  if (j.HasParseError() || !j.IsObject() || !j.HasMember("id") || !j["id"].IsString() || !j.HasMember("text") ||
      !j["text"].IsString() || !j.HasMember("spans") || !j["spans"].IsArray()) {
    return kg::InvalidInput(where + ": expected {\"id\", \"text\", \"spans\": [[start, end, TYPE], ...]}");
  }
  doc->id = j["id"].GetString();
  doc->path = doc->id;
  doc->text.assign(j["text"].GetString(), j["text"].GetStringLength());
  gold->clear();
  for (const auto& s : j["spans"].GetArray()) {
    kg::GoldSpan g;
    if (!s.IsArray() || s.Size() != 3 || !s[0].IsUint() || !s[1].IsUint() || !s[2].IsString() ||
        !kg::ParseEntityType(s[2].GetString(), &g.type) || s[0].GetUint() > s[1].GetUint() ||
        s[1].GetUint() > doc->text.size()) {
      return kg::InvalidInput(where + ": a span must be [start, end, TYPE] inside the text");
    }
    g.start = s[0].GetUint();
    g.end = s[1].GetUint();
    gold->push_back(g);
  }
  return kg::Status::Ok();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kg-train-types — train kg's entity typer on named-entity texts", "kg-train-types"};
  kg::TypeTrainOptions o;
  std::vector<std::string> train;
  std::string output, hunspell_dir = kg::DefaultHunspellDir();
  app.add_option("--lang", o.language, "fr or en")->required()->check(CLI::IsMember({"fr", "en"}));
  app.add_option("--train", train, "training JSON-lines files")->required()->delimiter(',');
  app.add_option("-o,--output", output, "model file to write")->required();
  app.add_option("--epochs", o.epochs)->capture_default_str();
  app.add_option("--max-features", o.max_features, "features kept (0: all)")->capture_default_str();
  app.add_option("--seed", o.seed)->capture_default_str();
  app.add_option("--hunspell-dir", hunspell_dir, "dictionaries of the recognizer")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  kg::Lexicon lexicon = kg::Lexicon::Builtin();
  kg::ExtractorConfig config;
  config.lexicon = &lexicon;
  config.hunspell_dir = hunspell_dir;
  auto extractor = kg::Extractor::Create(config);
  if (!extractor.ok()) return Fail(extractor.status().message());
  std::vector<kg::TypeExample> examples;
  size_t documents = 0;
  for (const std::string& path : train) {
    std::ifstream in(path);
    if (!in) return Fail(path + ": cannot open for reading");
    std::string line;
    kg::Document doc;
    std::vector<kg::GoldSpan> gold;
    for (size_t n = 1; std::getline(in, line); ++n) {
      if (line.empty()) continue;
      kg::Status s = ParseLine(line, path + ":" + std::to_string(n), &doc, &gold);
      if (!s.ok()) return Fail(s.message());
      kg::DocumentResult r = (*extractor)->Extract(doc);
      kg::AddTypeExamples(r, gold, &examples);
      ++documents;
    }
  }
  if (examples.empty()) return Fail("no training examples (no entity of kg matches a gold name)");
  std::fprintf(stderr, "%zu documents, %zu entities matching gold names\n", documents, examples.size());
  o.log = [](const std::string& line) { std::cerr << line << std::endl; };
  kg::TypeModel model = kg::TrainTypeModel(examples, o);
  std::string bytes = model.Serialize();
  kg::Status written = kg::WriteFileAtomically(output, bytes);
  if (!written.ok()) return Fail(written.message());
  std::fprintf(stderr, "wrote %s (%zu bytes, %zu features)\n", output.c_str(), bytes.size(), model.weights.features());
  return 0;
}

// kg-coref-eval: scores kg's coreference (pronouns and possessives resolved
// to a named entity) on GAP (Webster et al. 2018, ../shared/data/coref):
// for each example, the pronoun resolved by kg is counted as referring to
// name A or B when one of the antecedent entity's mentions overlaps that
// name. GAP's measure: precision, recall and F1 over the A and B decisions;
// also how many pronouns kg resolves at all, by pronoun.
//
//   kg-coref-eval ../shared/data/coref/en-gap-test.tsv [--models DIR]
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "kg/base/text.h"
#include "kg/extract/extractor.h"
#include "kg/extract/lexicon.h"
#include "kg/extract/syntax.h"

namespace {

struct Example {
  std::string id, text, pronoun;
  size_t pronoun_at = 0, a_at = 0, b_at = 0;
  std::string a, b;
  bool a_gold = false, b_gold = false;
};

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t from = 0;
  while (true) {
    size_t tab = line.find('\t', from);
    out.push_back(line.substr(from, tab == std::string::npos ? std::string::npos : tab - from));
    if (tab == std::string::npos) return out;
    from = tab + 1;
  }
}

// GAP's offsets count characters; kg's count bytes.
size_t ByteOffset(const std::string& text, size_t chars) {
  size_t i = 0;
  while (chars > 0 && i < text.size()) {
    size_t len = 1;
    kg::DecodeUtf8(text, i, &len);
    i += len;
    --chars;
  }
  return i;
}

bool ReadGap(const std::string& path, std::vector<Example>* out) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "kg-coref-eval: %s: cannot open\n", path.c_str());
    return false;
  }
  std::string line;
  std::getline(in, line);  // header
  for (size_t n = 2; std::getline(in, line); ++n) {
    std::vector<std::string> c = SplitTabs(line);
    if (c.size() < 10) {
      std::fprintf(stderr, "kg-coref-eval: %s:%zu: want 11 columns, got %zu\n", path.c_str(), n, c.size());
      return false;
    }
    Example e;
    e.id = c[0];
    e.text = c[1];
    e.pronoun = c[2];
    e.pronoun_at = ByteOffset(e.text, std::stoul(c[3]));
    e.a = c[4];
    e.a_at = ByteOffset(e.text, std::stoul(c[5]));
    e.a_gold = c[6] == "TRUE";
    e.b = c[7];
    e.b_at = ByteOffset(e.text, std::stoul(c[8]));
    e.b_gold = c[9] == "TRUE";
    out->push_back(std::move(e));
  }
  return true;
}

bool Overlaps(const std::vector<std::pair<size_t, size_t>>& spans, size_t at, size_t len) {
  for (const auto& [s, e] : spans) {
    if (s < at + len && at < e) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Scores kg's pronoun resolution on GAP"};
  std::vector<std::string> files;
  std::string models = kg::DefaultModelsDir();
  app.add_option("gap", files, "GAP .tsv files")->required();
  app.add_option("--models", models, "Directory of the syntax models");
  CLI11_PARSE(app, argc, argv);

  std::vector<Example> examples;
  for (const std::string& f : files) {
    if (!ReadGap(f, &examples)) return 2;
  }
  kg::Lexicon lexicon = kg::Lexicon::Builtin();
  auto fr = kg::SyntaxModel::Load(kg::SyntaxModelPath(models, "fr"));
  auto en = kg::SyntaxModel::Load(kg::SyntaxModelPath(models, "en"));
  if (!fr.ok() || !en.ok()) {
    std::fprintf(stderr, "kg-coref-eval: %s\n", (!fr.ok() ? fr.status() : en.status()).message().c_str());
    return 2;
  }
  kg::ExtractorConfig config;
  config.lexicon = &lexicon;
  config.french_syntax = fr->get();
  config.english_syntax = en->get();
  auto extractor = kg::Extractor::Create(config);
  if (!extractor.ok()) {
    std::fprintf(stderr, "kg-coref-eval: %s\n", extractor.status().message().c_str());
    return 2;
  }
  size_t tp = 0, fp = 0, fn = 0;
  std::map<std::string, std::pair<size_t, size_t>> by_pronoun;  // lower-case pronoun -> (resolved, seen)
  for (const Example& e : examples) {
    std::vector<kg::ResolvedReference> refs = (*extractor)->References(kg::Document{e.id, e.id, e.text});
    const kg::ResolvedReference* ref = nullptr;
    for (const auto& r : refs) {
      if (r.start <= e.pronoun_at && e.pronoun_at < r.end) ref = &r;
    }
    bool a = ref != nullptr && Overlaps(ref->antecedent, e.a_at, e.a.size());
    bool b = ref != nullptr && Overlaps(ref->antecedent, e.b_at, e.b.size());
    for (auto [guess, gold] : {std::pair{a, e.a_gold}, std::pair{b, e.b_gold}}) {
      tp += guess && gold;
      fp += guess && !gold;
      fn += !guess && gold;
    }
    auto& count = by_pronoun[kg::ToLower(e.pronoun)];
    count.first += ref != nullptr;
    count.second += 1;
  }
  double p = tp + fp == 0 ? 0 : static_cast<double>(tp) / static_cast<double>(tp + fp);
  double r = tp + fn == 0 ? 0 : static_cast<double>(tp) / static_cast<double>(tp + fn);
  double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
  std::printf("examples %zu: precision %.3f recall %.3f F1 %.3f (A/B decisions: %zu right, %zu wrong, %zu missed)\n",
              examples.size(), p, r, f, tp, fp, fn);
  std::printf("pronouns resolved to a named entity, by pronoun:");
  for (const auto& [pronoun, count] : by_pronoun) {
    std::printf(" %s %zu/%zu", pronoun.c_str(), count.first, count.second);
  }
  std::printf("\n");
  return 0;
}

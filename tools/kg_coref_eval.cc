// kg-coref-eval: scores kg's coreference (pronouns resolved to a named
// entity).
// - GAP (Webster et al. 2018, ../shared/data/coref, English): the pronoun
//   resolved by kg refers to name A or B when one of the antecedent entity's
//   mentions overlaps that name. GAP's measure: precision, recall and F1 over
//   the A and B decisions; also how many pronouns kg resolves, by pronoun.
// - POPCORN (../shared/data/ner/fr-popcorn-*.json, French): every personal
//   pronoun (il, elle, le, la, lui, l') of a chain that names its entity
//   before it; kg is right when the entity it picks has a mention inside
//   that chain. Precision over the pronouns kg resolves, recall over all.
//
//   kg-coref-eval ../shared/data/coref/en-gap-test.tsv [--models DIR]
//   kg-coref-eval --popcorn ../shared/data/ner/fr-popcorn-test.json
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <rapidjson/document.h>

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
    std::vector<std::string_view> cv = kg::SplitTabs(line);
    std::vector<std::string> c(cv.begin(), cv.end());
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

// POPCORN: pronoun accuracy against the gold chains of each text.
struct Tally {
  size_t eligible = 0, resolved = 0, right = 0;
};

bool IsPronoun(const std::string& lower) {
  static const char* kPronouns[] = {"il", "elle", "le", "la", "lui", "l'", "l\u2019"};
  for (const char* p : kPronouns) {
    if (lower == p) return true;
  }
  return false;
}

void ScorePopcornText(const std::string& text, const rapidjson::Value& entities,
                      const std::vector<kg::ResolvedReference>& refs, Tally* tally) {
  for (const auto& e : entities.GetArray()) {
    if (!e.HasMember("mentions") || !e["mentions"].IsArray()) continue;
    std::vector<std::pair<size_t, size_t>> chain;  // byte spans
    std::vector<size_t> pronouns;                  // their starts
    size_t first_name = SIZE_MAX;
    for (const auto& m : e["mentions"].GetArray()) {
      std::string value = m["value"].GetString();
      size_t start = ByteOffset(text, m["start"].GetUint()), end = ByteOffset(text, m["end"].GetUint());
      chain.emplace_back(start, end);
      size_t len = 1;
      if (IsPronoun(kg::ToLower(value))) pronouns.push_back(start);
      else if (!value.empty() && kg::IsUpper(kg::DecodeUtf8(value, 0, &len))) first_name = std::min(first_name, start);
    }
    for (size_t start : pronouns) {
      if (first_name == SIZE_MAX || first_name > start) continue;
      ++tally->eligible;
      for (const auto& r : refs) {
        if (r.start != start) continue;
        ++tally->resolved;
        bool right = false;
        for (const auto& [s, t] : r.antecedent) right = right || Overlaps(chain, s, t - s);
        tally->right += right;
      }
    }
  }
}

bool ScorePopcorn(const std::string& path, kg::Extractor* extractor, Tally* tally) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  rapidjson::Document d;
  if (!in || d.Parse(buffer.str().c_str()).HasParseError() || !d.IsObject()) {
    std::fprintf(stderr, "kg-coref-eval: %s: not a POPCORN JSON file\n", path.c_str());
    return false;
  }
  for (auto doc = d.MemberBegin(); doc != d.MemberEnd(); ++doc) {
    const auto& v = doc->value;
    if (!v.IsObject() || !v.HasMember("text") || !v["text"].IsString() || !v.HasMember("entities") ||
        !v["entities"].IsArray()) {
      continue;
    }
    std::string text = v["text"].GetString();
    std::vector<kg::ResolvedReference> refs = extractor->References(kg::Document{doc->name.GetString(), "", text});
    ScorePopcornText(text, v["entities"], refs, tally);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Scores kg's pronoun resolution on GAP"};
  std::vector<std::string> files;
  std::string models = kg::DefaultModelsDir();
  std::vector<std::string> popcorn;
  app.add_option("gap", files, "GAP .tsv files");
  app.add_option("--popcorn", popcorn, "POPCORN .json files (French)");
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
  // The entity typer, as kg build runs it (types decide which entities a pronoun may take).
  auto en_types = kg::LoadTypeModelFor(kg::Language::kEnglish, models);
  if (!en_types.ok()) {
    std::fprintf(stderr, "kg-coref-eval: %s\n", en_types.status().message().c_str());
    return 2;
  }
  config.english_types = en_types->get();
  auto extractor = kg::Extractor::Create(config);
  if (!extractor.ok()) {
    std::fprintf(stderr, "kg-coref-eval: %s\n", extractor.status().message().c_str());
    return 2;
  }
  if (!popcorn.empty()) {
    Tally t;
    for (const std::string& f : popcorn) {
      if (!ScorePopcorn(f, extractor->get(), &t)) return 2;
    }
    double p = t.resolved == 0 ? 0 : static_cast<double>(t.right) / static_cast<double>(t.resolved);
    double r = t.eligible == 0 ? 0 : static_cast<double>(t.right) / static_cast<double>(t.eligible);
    std::printf("POPCORN pronouns with a named antecedent: %zu; resolved %zu, right %zu: precision %.3f recall %.3f F1 %.3f\n",
                t.eligible, t.resolved, t.right, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    if (files.empty()) return 0;
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

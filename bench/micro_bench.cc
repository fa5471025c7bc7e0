// Microbenchmarks of the pipeline's stages on our sample articles (repeated
// to a few hundred KB): segmentation, tokenization, morphology lookups,
// mention detection, the whole extractor, graph merging, each exporter.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "kg/export/writer.h"
#include "kg/extract/extractor.h"
#include "kg/extract/recognizer.h"
#include "kg/extract/segmenter.h"
#include "kg/extract/tokenizer.h"
#include "kg/graph/builder.h"

namespace {

const std::string& Text() {
  static const std::string text = [] {
    std::string all;
    for (const auto& e : std::filesystem::directory_iterator(KG_SAMPLES_DIR)) {
      std::ifstream in(e.path());
      std::stringstream ss;
      ss << in.rdbuf();
      all += ss.str() + "\n";
    }
    std::string out;
    while (out.size() < 256 * 1024) out += all;
    return out;
  }();
  return text;
}

const kg::Lexicon& Lex() {
  static const kg::Lexicon lex = kg::Lexicon::Builtin();
  return lex;
}

kg::Extractor& Ex() {
  static std::unique_ptr<kg::Extractor> ex = [] {
    kg::ExtractorConfig cfg;
    cfg.lexicon = &Lex();
    return std::move(*kg::Extractor::Create(cfg));
  }();
  return *ex;
}

void SetBytes(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(Text().size()));
}

void BM_Segment(benchmark::State& state) {
  kg::Segmenter seg;
  for (auto _ : state) benchmark::DoNotOptimize(seg.Split(Text()));
  SetBytes(state);
}
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  kg::Segmenter seg;
  auto spans = seg.Split(Text());
  for (auto _ : state) {
    size_t n = 0;
    for (const auto& s : spans) n += kg::Tokenize(Text(), s).size();
    benchmark::DoNotOptimize(n);
  }
  SetBytes(state);
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_MorphologyLookup(benchmark::State& state) {
  auto m = std::move(*kg::Morphology::Open(kg::DefaultHunspellDir()));
  kg::Segmenter seg;
  std::vector<std::string> words;
  for (const auto& s : seg.Split(Text())) {
    for (const auto& t : kg::Tokenize(Text(), s)) words.emplace_back(t.Text(Text()));
  }
  for (auto _ : state) {
    for (const auto& w : words) benchmark::DoNotOptimize(m->Lookup(w).known);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words.size()));
}
BENCHMARK(BM_MorphologyLookup)->Unit(benchmark::kMillisecond);

void BM_Mentions(benchmark::State& state) {
  auto m = std::move(*kg::Morphology::Open(kg::DefaultHunspellDir()));
  kg::Segmenter seg;
  kg::Vocabulary vocabulary;
  std::vector<kg::SentenceTokens> sentences;
  for (const auto& s : seg.Split(Text())) sentences.push_back(kg::TokenizeSentence(Text(), s, &vocabulary));
  for (auto _ : state) {
    std::vector<kg::DocEntity> entities;
    std::vector<kg::Mention> mentions;
    kg::EntityRecognizer rec(Lex(), *m);
    rec.Run(Text(), sentences, kg::Language::kFrench, &entities, &mentions);
    benchmark::DoNotOptimize(mentions.size());
  }
  SetBytes(state);
}
BENCHMARK(BM_Mentions)->Unit(benchmark::kMillisecond);

void BM_Extract(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Ex().Extract({"d", "d.txt", Text()}).entities.size());
  SetBytes(state);
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

const kg::DocumentResult& Result() {
  static const kg::DocumentResult r = Ex().Extract({"d", "d.txt", Text()});
  return r;
}

void BM_GraphMerge(benchmark::State& state) {
  for (auto _ : state) {
    kg::GraphBuilder b;
    for (int i = 0; i < 10; ++i) b.Add(Result());
    benchmark::DoNotOptimize(b.Finish().edge_count());
  }
}
BENCHMARK(BM_GraphMerge)->Unit(benchmark::kMillisecond);

const kg::KnowledgeGraph& Graph() {
  static const kg::KnowledgeGraph g = [] {
    kg::GraphBuilder b;
    b.Add(Result());
    return b.Finish();
  }();
  return g;
}

void BM_Write(benchmark::State& state, const char* format) {
  auto w = kg::MakeWriter(format);
  size_t bytes = 0;
  for (auto _ : state) {
    std::string out = w->Write(Graph());
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK_CAPTURE(BM_Write, json, "json")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Write, graphml, "graphml")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Write, dot, "dot")->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

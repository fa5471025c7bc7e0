// kg's string hash table (base/flat_map.h, the design the vocabulary's table
// shares) against absl::flat_hash_map (Debian's libabsl-dev) and
// std::unordered_map, on the words of real text: interning every word of a
// text (find, or add with the next id) into a fresh table, and finding every
// word in a full one. The text: $KG_HASH_BENCH_TEXT (a .txt or .jsonl file;
// its first 16 MB), else samples/ repeated.
//   cmake -DKG_BUILD_BENCH=ON ... && build/bench/kg_hash_bench
#include <absl/container/flat_hash_map.h>
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "kg/base/flat_map.h"
#include "kg/base/text.h"
#include "kg/extract/segmenter.h"
#include "kg/extract/tokenizer.h"

namespace {

std::string ReadText() {
  std::string all;
  if (const char* path = std::getenv("KG_HASH_BENCH_TEXT")) {
    std::ifstream in(path, std::ios::binary);
    all.resize(16u << 20);
    in.read(all.data(), static_cast<std::streamsize>(all.size()));
    all.resize(static_cast<size_t>(in.gcount()));
    return all;
  }
  for (const auto& e : std::filesystem::directory_iterator(KG_SAMPLES_DIR)) {
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    all += ss.str() + "\n";
  }
  std::string out;
  while (out.size() < 1024 * 1024) out += all;
  return out;
}

// The text's words, lower-cased, in order (what the vocabulary interns).
const std::vector<std::string>& Words() {
  static const std::vector<std::string> words = [] {
    const std::string text = ReadText();
    std::vector<std::string> out;
    kg::Segmenter seg;
    for (const kg::SentenceSpan& span : seg.Split(text)) {
      for (const kg::Token& t : kg::Tokenize(text, span)) {
        if (t.kind == kg::TokenKind::kWord) out.push_back(kg::ToLower(t.Text(text)));
      }
    }
    return out;
  }();
  return words;
}

struct Ours {
  kg::FlatStringMap<uint32_t> m;
  uint32_t Intern(std::string_view w) { return *m.Emplace(w, static_cast<uint32_t>(m.size())).first; }
  const uint32_t* Find(std::string_view w) const { return m.Find(w); }
};

struct Absl {
  absl::flat_hash_map<std::string, uint32_t> m;
  // (Debian's Abseil has its own string_view.)
  static absl::string_view View(std::string_view w) { return absl::string_view(w.data(), w.size()); }
  uint32_t Intern(std::string_view w) {
    auto it = m.find(View(w));
    if (it != m.end()) return it->second;
    return m.emplace(std::string(w), static_cast<uint32_t>(m.size())).first->second;
  }
  const uint32_t* Find(std::string_view w) const {
    auto it = m.find(View(w));
    return it == m.end() ? nullptr : &it->second;
  }
};

struct Std {
  std::unordered_map<std::string, uint32_t> m;
  uint32_t Intern(std::string_view w) { return m.try_emplace(std::string(w), static_cast<uint32_t>(m.size())).first->second; }
  const uint32_t* Find(std::string_view w) const {
    auto it = m.find(std::string(w));
    return it == m.end() ? nullptr : &it->second;
  }
};

template <typename Map>
void BM_Intern(benchmark::State& state) {
  const auto& words = Words();
  for (auto _ : state) {
    Map map;
    uint64_t sum = 0;
    for (const std::string& w : words) sum += map.Intern(w);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words.size()));
}

template <typename Map>
void BM_Find(benchmark::State& state) {
  const auto& words = Words();
  Map map;
  for (const std::string& w : words) map.Intern(w);
  for (auto _ : state) {
    uint64_t sum = 0;
    for (const std::string& w : words) sum += *map.Find(w);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words.size()));
  state.counters["distinct"] = static_cast<double>(map.m.size());
}

BENCHMARK_TEMPLATE(BM_Intern, Ours)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Intern, Absl)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Intern, Std)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Find, Ours)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Find, Absl)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Find, Std)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

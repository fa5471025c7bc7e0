// kg-clusters: word clusters from raw text (kg/extract/word_clusters.h), for
// kg-train --clusters. Reads documents as kg build does (files, directories,
// .jsonl, .jsonl.gz), splits them into sentences and words as kg parse does,
// and writes one line per clustered word: word, coarse cluster, fine
// cluster, count. Deterministic.
//
//   kg-clusters --lang fr -o fr-clusters.tsv ../shared/corpus/orangesum-fr.jsonl.gz
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "kg/base/atomic_file.h"
#include "kg/extract/corpus.h"
#include "kg/extract/segmenter.h"
#include "kg/extract/tokenizer.h"
#include "kg/extract/word_clusters.h"

namespace {

int Fail(const std::string& message) {
  std::cerr << "kg-clusters: " << message << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kg-clusters — word clusters from raw text, for kg-train --clusters", "kg-clusters"};
  kg::ClusterOptions o;
  std::string language, output;
  std::vector<std::string> inputs;
  app.add_option("--lang", language, "fr or en (sentence splitting)")->required()->check(CLI::IsMember({"fr", "en"}));
  app.add_option("-o,--output", output, "clusters file to write (TSV)")->required();
  app.add_option("--vocabulary", o.vocabulary, "commonest words clustered, at most")->capture_default_str();
  app.add_option("--min-count", o.min_count, "times a clustered word was seen, at least")->capture_default_str();
  app.add_option("--contexts", o.contexts, "commonest words that describe the others")->capture_default_str();
  app.add_option("--coarse", o.coarse, "clusters of the first level")->check(CLI::Range(1, 4096))->capture_default_str();
  app.add_option("--fine", o.fine, "clusters each coarse one is split into")->check(CLI::Range(1, 4096))->capture_default_str();
  app.add_option("--iterations", o.iterations)->capture_default_str();
  app.add_option("--seed", o.seed)->capture_default_str();
  app.add_option("inputs", inputs, "documents")->required();
  CLI11_PARSE(app, argc, argv);

  auto source = kg::DocumentSource::Open(inputs);
  if (!source.ok()) return Fail(source.status().message());
  kg::Segmenter segmenter(language == "en" ? kg::Language::kEnglish : kg::Language::kFrench);
  kg::ContextCounter counter;
  kg::Document doc;
  std::vector<std::string_view> forms;
  while (true) {
    auto more = (*source)->Next(&doc);
    if (!more.ok()) return Fail(more.status().message());
    if (!*more) break;
    for (kg::SentenceSpan span : segmenter.Split(doc.text)) {
      forms.clear();
      for (const kg::Token& t : kg::Tokenize(doc.text, span)) forms.push_back(t.Text(doc.text));
      counter.AddSentence(forms);
    }
  }
  std::vector<kg::WordCluster> clusters = counter.Cluster(o);
  kg::Status written = kg::WriteFileAtomically(output, kg::FormatClusters(clusters, o));
  if (!written.ok()) return Fail(written.message());
  std::fprintf(stderr, "kg-clusters: %zu tokens, %zu words clustered -> %s\n", counter.tokens(), clusters.size(),
               output.c_str());
  return 0;
}

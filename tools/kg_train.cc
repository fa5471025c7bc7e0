// kg-train: trains kg's syntax model for one language from Universal
// Dependencies treebanks (scripts/train-models.sh runs it for the committed
// models). Prints development scores per epoch; deterministic.
//
//   kg-train --lang fr --train fr-sequoia-train.conllu,fr-gsd-dev.conllu
//            --dev fr-sequoia-dev.conllu -o data/models/fr-syntax.kgm
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "kg/base/atomic_file.h"
#include "kg/base/flat_map.h"
#include "kg/extract/conllu.h"
#include "kg/extract/morphology.h"
#include "kg/extract/syntax_trainer.h"
#include "kg/extract/word_clusters.h"

namespace {

kg::StatusOr<std::vector<kg::UdSentence>> ReadAll(const std::vector<std::string>& paths) {
  std::vector<kg::UdSentence> all;
  for (const std::string& p : paths) {
    auto s = kg::ReadConllu(p);
    if (!s.ok()) return s.status();
    for (kg::UdSentence& x : *s) all.push_back(std::move(x));
  }
  return all;
}

int Fail(const std::string& message) {
  std::cerr << "kg-train: " << message << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kg-train — train kg's tagger, lemmatizer and parser on UD treebanks", "kg-train"};
  kg::TrainOptions o;
  std::vector<std::string> train, dev;
  std::string output, hunspell_dir = kg::DefaultHunspellDir();
  app.add_option("--lang", o.language, "fr or en")->required()->check(CLI::IsMember({"fr", "en"}));
  app.add_option("--train", train, "training CoNLL-U files")->required()->delimiter(',');
  app.add_option("--dev", dev, "development CoNLL-U files (epoch selection)")->required()->delimiter(',');
  app.add_option("-o,--output", output, "model file to write")->required();
  app.add_option("--tagger-epochs", o.tagger_epochs)->capture_default_str();
  app.add_option("--parser-epochs", o.parser_epochs)->capture_default_str();
  app.add_option("--labeller-epochs", o.labeller_epochs)->capture_default_str();
  app.add_option("--tagger-features", o.tagger_features, "features kept (0: all)")->capture_default_str();
  app.add_option("--feats-features", o.feats_features)->capture_default_str();
  app.add_option("--parser-features", o.parser_features)->capture_default_str();
  app.add_option("--labeller-features", o.labeller_features)->capture_default_str();
  app.add_option("--guided-features", o.guided_features, "features kept by the guided parser (0: as the parser)");
  app.add_option("--seed", o.seed)->capture_default_str();
  app.add_option("--tagger-passes", o.tagger_passes, "1, or 2: a second tagging pass that reads the first's tags ahead")
      ->check(CLI::Range(1, 2))
      ->capture_default_str();
  app.add_flag("--guided-parser", o.guided_parser,
               "a second parser, right to left, that reads the first one's tree and decides again");
  app.add_flag("--retagger", o.retagger,
               "after the first parser, a tagger that reads its tree and decides the tags again (kg parse)")
      ->needs("--guided-parser");
  app.add_option("--ensemble", o.ensemble,
                 "members trained with seeds seed, seed+1, ...: the model's tables are the mean of theirs")
      ->check(CLI::Range(1, 16))
      ->capture_default_str();
  bool compress = false;
  app.add_flag("--compress", compress,
               "write the model zlib-deflated (format 9): a smaller file, inflated when loaded");
  std::string clusters;
  app.add_option("--clusters", clusters, "word clusters the features read (made by kg-clusters)");
  app.add_option("--hunspell-dir", hunspell_dir, "dictionaries for the tagger's word readings")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  auto train_data = ReadAll(train);
  if (!train_data.ok()) return Fail(train_data.status().message());
  auto dev_data = ReadAll(dev);
  if (!dev_data.ok()) return Fail(dev_data.status().message());
  if (!clusters.empty()) {
    int fine = 0;
    auto read = kg::ReadClusters(clusters, &fine);
    if (!read.ok()) return Fail(read.status().message());
    std::vector<std::pair<uint64_t, uint32_t>> key_fine;
    for (const kg::WordCluster& c : *read) key_fine.emplace_back(kg::HashString(kg::syntax::WordKeyText(c.word)), c.fine);
    o.clusters.Assign(std::move(key_fine), static_cast<uint32_t>(fine));
  }
  auto morphology = kg::Morphology::Open(hunspell_dir);
  if (!morphology.ok()) return Fail(morphology.status().message());
  o.log = [](const std::string& line) { std::cerr << line << std::endl; };
  auto model = kg::TrainSyntax(*train_data, *dev_data, o, morphology->get());
  if (!model.ok()) return Fail(model.status().message());
  kg::SyntaxScores s = kg::EvaluateSyntax(*model, morphology->get(), *dev_data);
  std::fprintf(stderr, "dev: UPOS %.2f  UFeats %.2f  Lemmas %.2f  UAS %.2f  LAS %.2f\n", s.upos, s.feats, s.lemma,
               s.uas, s.las);
  model->compressed = compress;
  std::string bytes = model->Serialize();
  kg::Status written = kg::WriteFileAtomically(output, bytes);
  if (!written.ok()) return Fail(written.message());
  std::fprintf(stderr, "wrote %s (%zu bytes)\n", output.c_str(), bytes.size());
  return 0;
}

// Training of the syntax models (kg/extract/syntax.h) from Universal
// Dependencies treebanks: the tag, feature, label and lemma inventories and
// the contractions come from the training data; each perceptron is trained
// for a number of epochs and the epoch that scores best on the development
// data is kept. Deterministic: the same data, options and seed give the
// same model bytes.
//
//   TrainOptions o; o.language = "fr";
//   StatusOr<SyntaxModel> m = TrainSyntax(train, dev, o, morphology.get());
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "kg/base/status.h"
#include "kg/extract/conllu.h"
#include "kg/extract/syntax.h"

namespace kg {

struct TrainOptions {
  std::string language = "fr";
  int tagger_epochs = 10;
  int parser_epochs = 15;
  int labeller_epochs = 10;
  // Features kept per table (0: all), to bound the model's size.
  size_t tagger_features = 0, feats_features = 0, parser_features = 0, labeller_features = 0;
  uint64_t seed = 1;
  int tagger_passes = 1;  // 2: a second tagging pass reading the first's tags ahead
  bool guided_parser = false;
  size_t guided_features = 0;  // 0: parser_features  // a second, right-to-left parser guided by the first's tree
  bool retagger = false;  // after the first parser, a tagger reading its tree (needs guided_parser)
  // Members of an ensemble (seeds seed, seed + 1, ...): the model's tables
  // are the mean of theirs, its shortcuts made again from the mean.
  int ensemble = 1;
  // Word clusters the model's features read (kg-train --clusters); empty: none.
  ClusterTable clusters;
  std::function<void(const std::string&)> log = [](const std::string&) {};
};

// Dev-set figures of a model, in percent.
struct SyntaxScores {
  double upos = 0, feats = 0, lemma = 0, uas = 0, las = 0;
};

StatusOr<SyntaxModel> TrainSyntax(const std::vector<UdSentence>& train, const std::vector<UdSentence>& dev,
                                  const TrainOptions& options, Morphology* morphology);

// Annotates copies of `gold`'s sentences and scores them against it (the
// parsers' own trees: without SyntaxAnnotator::UseRerooting).
SyntaxScores EvaluateSyntax(const SyntaxModel& model, Morphology* morphology, const std::vector<UdSentence>& gold);

}  // namespace kg

#!/usr/bin/env bash
# Reproduces the committed models in data/models/ bit for bit (training is
# deterministic: fixed seed, single thread; see data/SOURCES.md): the syntax
# models from the UD treebanks in ../shared/data/treebanks (kg parse's French
# one also from the news of ../shared/corpus), the English
# entity typer from CoNLL-2003 train in ../shared/data/ner. The typer learns
# from what kg's recognizer finds: retrain it (scripts/train-types.sh, a few
# seconds) whenever the recognizer changes — ctest's typer_reproducible says when.
#   scripts/train-models.sh [BUILD_DIR] [OUT_DIR]
# BUILD_DIR (default build/) must hold tools/kg-train (scripts/setup.sh builds it);
# OUT_DIR defaults to data/models. Each model takes two to ten minutes here.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=${2:-data/models}
tb=${KG_TREEBANKS:-../shared/data/treebanks}
corpus=${KG_CORPUS:-../shared/corpus/orangesum-fr.jsonl.gz}
train="$build/tools/kg-train"
[ -x "$train" ] || { echo "train-models.sh: $train not found: run scripts/setup.sh first" >&2; exit 2; }
[ -d "$tb" ] || { echo "train-models.sh: $tb: no such directory (the UD treebanks)" >&2; exit 2; }
[ -f "$corpus" ] || { echo "train-models.sh: $corpus: no such file (the French news corpus)" >&2; exit 2; }
mkdir -p "$out"

# French: Sequoia train + GSD dev + FQB for training, Sequoia dev for epoch
# selection; a second, guided parser (right to left, reading the first's
# tree: `kg parse` uses both, `kg build` the first alone), then a re-tagger
# reading the tree (`kg parse`'s too: UPOS +0.05 Sequoia test, +0.13 GSD;
# English's two tagging passes gained nothing from it).
"$train" --lang fr --guided-parser --guided-features 120000 --retagger \
  --train "$tb/fr-sequoia-train.conllu,$tb/fr-gsd-dev.conllu,$tb/fr-fqb-test.conllu" \
  --dev "$tb/fr-sequoia-dev.conllu" \
  --tagger-epochs 10 --parser-epochs 15 --labeller-epochs 10 \
  --tagger-features 40000 --feats-features 6000 --parser-features 250000 --labeller-features 16000 \
  -o "$out/fr-syntax.kgm"

# French for `kg parse` alone (fr-parse.kgm, which kg parse reads where it
# exists): the same data and options, tagged in two passes, each table the
# mean of five models' (seeds 1-5). Its trees are better (session 29: Sequoia
# test UPOS +0.13, UAS +0.13, LAS +0.11; GSD +0.21, +0.29, +0.42; Sequoia dev
# +0.12, +0.24, +0.56), but kg build's relation rules were tuned on
# fr-syntax.kgm's trees (the eval floors): kg build keeps that one.
# Session 31: that model is now a step (base), and the model kg parse reads
# also learns from the news of the corpus: word clusters (kg-clusters) and
# 100,000 words of silver trees, the corpus's sentences on which fr-syntax,
# base and a third model (seed 2) agree entirely (scripts/silver-trees.py).
parse_options=(--lang fr --tagger-passes 2 --guided-parser --guided-features 120000 --retagger
  --dev "$tb/fr-sequoia-dev.conllu"
  --tagger-epochs 10 --parser-epochs 15 --labeller-epochs 10
  --tagger-features 40000 --feats-features 6000 --parser-features 250000 --labeller-features 16000)
french="$tb/fr-sequoia-train.conllu,$tb/fr-gsd-dev.conllu,$tb/fr-fqb-test.conllu"
steps=$(mktemp -d)
trap 'rm -rf "$steps"' EXIT
mkdir -p "$steps/syntax" "$steps/base" "$steps/seed2"
cp "$out/fr-syntax.kgm" "$steps/syntax/"
"$train" "${parse_options[@]}" --train "$french" --ensemble 5 -o "$steps/base/fr-parse.kgm"
"$train" "${parse_options[@]}" --train "$french" --seed 2 -o "$steps/seed2/fr-parse.kgm"
for model in syntax base seed2; do
  "$build/cli/kg" parse --lang fr --models "$steps/$model" "$corpus" -o "$steps/$model.conllu"
done
python3 scripts/silver-trees.py "$steps/syntax.conllu" "$steps/base.conllu" "$steps/seed2.conllu" \
  --words 100000 -o "$steps/silver.conllu"
rm "$steps/syntax.conllu" "$steps/base.conllu" "$steps/seed2.conllu"
"$build/tools/kg-clusters" --lang fr -o "$steps/fr-clusters.tsv" "$corpus"
"$train" "${parse_options[@]}" --train "$french,$steps/silver.conllu" --ensemble 5 \
  --clusters "$steps/fr-clusters.tsv" -o "$out/fr-parse.kgm"

# English: EWT train, EWT dev for epoch selection; two tagging passes (the
# second reads the first's tags of the next words: EWT test UPOS +0.27, LAS
# +0.28; French gained nothing on its test sets); the guided parser as in
# French, the taggers keeping every feature (session 27: EWT test UPOS +0.22,
# LAS +0.14; the feature classifier 8,000: UFeats +0.66), the parser smaller
# to stay under 10 MB; an ensemble of three (seeds 1-3), every table the
# mean of theirs (session 28: EWT test UPOS +0.12, UAS +0.21, LAS +0.52),
# the taggers kept to 150,000 features (every feature of three: 10.99 MB).
# Session 32: with every option chosen on EWT dev held out, the model learns
# from EWT train and dev (229k words; EWT test UPOS +0.14, UAS +0.64, LAS
# +0.53); dev still selects the epochs, which then reads text it learned
# from (about the last epoch). Taggers 145,000 features to stay under 10 MB.
# Session 33: the parser keeps 350,000 features (chosen on EWT dev with a
# model of EWT train alone: UAS 84.34 -> 84.56; 350,000 and a guided parser
# of 250,000, 84.48), the file deflated (--compress) to stay under 10 MB.
"$train" --lang en --tagger-passes 2 --guided-parser --guided-features 120000 --ensemble 3 \
  --train "$tb/en-ewt-train.conllu,$tb/en-ewt-dev.conllu" \
  --dev "$tb/en-ewt-dev.conllu" \
  --tagger-epochs 10 --parser-epochs 12 --labeller-epochs 8 \
  --tagger-features 145000 --feats-features 8000 --parser-features 350000 --labeller-features 40000 \
  --compress -o "$out/en-syntax.kgm"
scripts/train-types.sh "$build" "$out"
ls -l "$out"

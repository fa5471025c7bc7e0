#!/usr/bin/env bash
# Trains the English entity typer (kg/extract/type_model.h) into
# OUT_DIR/en-types.kgm from CoNLL-2003 train (../shared/data/ner, or
# $KG_NER), converted by scripts/ner-to-jsonl.py; deterministic, a few seconds.
#   scripts/train-types.sh [BUILD_DIR] [OUT_DIR]
# BUILD_DIR (default build/) must hold tools/kg-train-types; OUT_DIR defaults to data/models.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=${2:-data/models}
ner=${KG_NER:-../shared/data/ner}
train="$build/tools/kg-train-types"
[ -x "$train" ] || { echo "train-types.sh: $train not found: run scripts/setup.sh first" >&2; exit 2; }
[ -f "$ner/en-conll2003-train.tsv" ] || { echo "train-types.sh: $ner/en-conll2003-train.tsv: no such file" >&2; exit 2; }
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 scripts/ner-to-jsonl.py en "$ner/en-conll2003-train.tsv" > "$tmp/en-ner.jsonl"
"$train" --lang en --train "$tmp/en-ner.jsonl" -o "$out/en-types.kgm"

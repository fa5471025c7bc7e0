#!/usr/bin/env bash
# README command (1): install what is missing, build in Release, and build the
# knowledge graph of samples/ into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
build/cli/kg build samples -o out
echo "Graph files: $(pwd)/out/graph.graphml, out/graph.dot, out/graph.json"

#!/usr/bin/env bash
# README command (2): the same set-up, then the whole test suite through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests build-tests
cd build-tests
ctest --output-on-failure -j "$(nproc)"

#!/usr/bin/env bash
# README command (2): the same set-up as quickstart, then the whole test suite
# through ctest (including the slow large-input tests).
#   scripts/test.sh              Release build in build-tests/, every test
#   scripts/test.sh --sanitize   AddressSanitizer + UBSan build in build-asan/,
#                                every test but the slow ones
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--sanitize" ]; then
  KG_SANITIZE=address,undefined scripts/setup.sh --tests build-asan
  cd build-asan
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --output-on-failure -j "$(nproc)" -LE slow
else
  scripts/setup.sh --tests build-tests
  cd build-tests
  ctest --output-on-failure -j "$(nproc)"
fi

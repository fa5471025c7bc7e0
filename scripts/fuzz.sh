#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for
# SECONDS (default 600) from the seed corpus in fuzz/corpus/.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
# Findings land in build-fuzz/findings/; turn each into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text_fuzzer graph_json_fuzzer graph_index_fuzzer)
if ! command -v clang++ >/dev/null || [ ! -e /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang libclang-rt-14-dev >/dev/null
fi
scripts/setup.sh --deps-only   # the Debian packages the libraries need
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKG_BUILD_TESTS=OFF -DKG_FUZZ=ON \
  -DKG_SANITIZE=address,undefined,fuzzer-no-link >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target "${targets[@]}"
mkdir -p build-fuzz/findings
for t in "${targets[@]}"; do
  seeds=fuzz/corpus/text
  [ "$t" = graph_json_fuzzer ] && seeds=fuzz/corpus/graph
  [ "$t" = graph_index_fuzzer ] && seeds=fuzz/corpus/index
  work=build-fuzz/corpus-$t
  mkdir -p "$work"
  echo "== $t for ${seconds}s"
  build-fuzz/fuzz/$t "$work" "$seeds" -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix=build-fuzz/findings/$t- -rss_limit_mb=4096 2>&1 | tail -n 25
done

#!/usr/bin/env bash
# Installs the Debian 12 packages kg needs (only those missing) and builds it.
#   scripts/setup.sh [--tests] [--deps-only] [BUILD_DIR]
# --tests also installs what the test suite uses (check-graph's consumers)
# and builds the tests with warnings as errors; --deps-only installs and stops.
set -euo pipefail
cd "$(dirname "$0")/.."

tests=0 deps_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --tests) tests=1; shift ;;
    --deps-only) deps_only=1; shift ;;
    *) break ;;
  esac
done
build_dir=${1:-build}

packages=(g++ cmake make pkg-config libboost-graph-dev rapidjson-dev libcli11-dev libgtest-dev
          libicu-dev libhunspell-dev hunspell-fr-comprehensive hunspell-en-us zlib1g-dev libjemalloc-dev)
# npm fetches the HTML page's drawing library (pinned) at build time; an npm
# already there (e.g. with another nodejs package) is used as it is.
command -v npm >/dev/null || packages+=(npm)
if [ "$tests" = 1 ]; then
  packages+=(graphviz libxml2-utils python3 python3-networkx python3-igraph python3-pydot python3-lxml chromium)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

[ "$deps_only" = 1 ] && exit 0

flags=(-DCMAKE_BUILD_TYPE=Release)
if [ "$tests" = 1 ]; then flags+=(-DKG_BUILD_TESTS=ON -DKG_WERROR=ON); else flags+=(-DKG_BUILD_TESTS=OFF); fi
if [ -n "${KG_SANITIZE:-}" ]; then flags+=("-DKG_SANITIZE=$KG_SANITIZE" -DCMAKE_BUILD_TYPE=RelWithDebInfo); fi
cmake -S . -B "$build_dir" "${flags[@]}" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"

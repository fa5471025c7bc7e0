#!/usr/bin/env bash
# Rebuilds tests/golden/ from samples/ with the current build. Review the diff
# (git diff tests/golden) before committing: it is the change users will see.
set -euo pipefail
cd "$(dirname "$0")/.."
kg=${KG:-build/cli/kg}
"$kg" build samples -o tests/golden -j 2 -q
git --no-pager diff --stat -- tests/golden || true

#!/usr/bin/env bash
# The floor comparison of tests/eval_test.py on made-up scores (no ../shared
# needed): met floors pass, a figure below its floor fails and is named, a bad
# floors file is an error, and a missing ../shared is a skip (77).
set -uo pipefail
script=$1 root=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
pass=0 fail=0
check() {  # check NAME EXPECTED_CODE PATTERN... -- eval_test.py arguments...
  local name=$1 want=$2; shift 2
  local patterns=()
  while [ "$1" != "--" ]; do patterns+=("$1"); shift; done; shift
  local out code ok=1
  out=$(python3 "$script" "$@" 2>&1); code=$?
  [ "$code" -eq "$want" ] || ok=0
  for p in "${patterns[@]}"; do grep -qE -- "$p" <<< "$out" || ok=0; done
  if [ $ok -eq 1 ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $name: exit $code (want $want), output:"; echo "$out"
  fi
}
# Every metric score.py prints, at 0.99, for the three sets.
python3 - "$work/scores.json" <<'PY'
import json, sys
keys = ["entity_precision", "entity_recall", "entity_f1", "type_accuracy", "duplicates",
        "relation_precision", "relation_recall", "relation_f1", "direction_accuracy",
        "gold_entities", "gold_relations"]
s = {k: 0.99 for k in keys}
json.dump({n: s for n in ("seeds", "dev-fr", "dev-en")}, open(sys.argv[1], "w"))
PY
scores=$work/scores.json
# The repository's floors parse and name only known sets and metrics.
check repo-floors 0 "all [0-9]+ floors met" -- kg "$root" "$work/w" --scores "$scores"
printf '# a comment\nseeds\tentity_f1\t0.990\n\ndev-fr relation_f1 0.5  # inline\n' > "$work/equal.tsv"
check floor-equal 0 "all 2 floors met" -- kg "$root" "$work/w" --scores "$scores" --floors "$work/equal.tsv"
printf 'seeds\tentity_f1\t0.995\ndev-fr\ttype_accuracy\t0.5\ndev-en\ttype_accuracy\t0.999\n' > "$work/high.tsv"
check floor-too-high 1 "BELOW FLOOR: seeds entity_f1 = 0.9900 < 0.995 .*high.tsv:1" \
  "BELOW FLOOR: dev-en type_accuracy = 0.9900 < 0.999 .*high.tsv:3" "2 of 3 figures below" -- \
  kg "$root" "$work/w" --scores "$scores" --floors "$work/high.tsv"
printf 'seeds\tentity_f2\t0.5\n' > "$work/metric.tsv"
check unknown-metric 2 "metric.tsv:1: unknown metric 'entity_f2'" -- \
  kg "$root" "$work/w" --scores "$scores" --floors "$work/metric.tsv"
printf 'dev-de\tentity_f1\t0.5\n' > "$work/set.tsv"
check unknown-set 2 "set.tsv:1: unknown set 'dev-de'" -- \
  kg "$root" "$work/w" --scores "$scores" --floors "$work/set.tsv"
printf 'seeds entity_f1\n' > "$work/short.tsv"
check malformed 2 "short.tsv:1: want 'set metric floor'" -- \
  kg "$root" "$work/w" --scores "$scores" --floors "$work/short.tsv"
mkdir -p "$work/nowhere/repo"
check no-shared 77 "^skipped: \.\./shared/eval not found" -- kg "$work/nowhere/repo" "$work/w"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

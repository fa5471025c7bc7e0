#!/usr/bin/env bash
# Behaviour of the kg binary on good and bad input: exit codes, one-line
# errors that name the path, nothing written on failure, determinism.
set -uo pipefail
kg=$1 samples=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
pass=0 fail=0
check() {  # check NAME EXPECTED_CODE PATTERN -- command...
  local name=$1 want=$2 pattern=$3; shift 4
  local err code
  err=$("$@" 2>&1 >/dev/null); code=$?
  if [ "$code" -eq "$want" ] && { [ -z "$pattern" ] || grep -qE -- "$pattern" <<< "$err"; } &&
     [ "$(echo -n "$err" | grep -c '')" -le 1 ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "FAIL $name: exit $code (want $want), stderr: $err"
  fi
}
check missing-input 2 "nope.txt: no such file" -- "$kg" build "$work/nope.txt" -o "$work/o1"
[ ! -e "$work/o1" ] || { fail=$((fail + 1)); echo "FAIL missing-input wrote output"; }
mkdir -p "$work/empty"
check empty-dir 2 "empty: directory holds no" -- "$kg" build "$work/empty" -o "$work/o2"
: > "$work/file"
check output-is-file 2 "file: exists and is not a directory" -- "$kg" build "$samples" -o "$work/file"
check bad-format 2 "unknown format" -- "$kg" build "$samples" -o "$work/o3" --format pdf
printf 'a\0b' > "$work/binary.txt"
check binary 2 "binary.txt: binary data" -- "$kg" build "$work/binary.txt" -o "$work/o4"
printf '{"id": "a", "text": "Paris"}\n{broken\n' > "$work/bad.jsonl"
check bad-jsonl 2 "bad.jsonl:2: invalid JSON" -- "$kg" build "$work/bad.jsonl" -o "$work/o5"
check no-subcommand 2 "" -- "$kg"
check help 0 "" -- "$kg" build --help
# Standard input and JSONL.
printf 'Emmanuel Macron a rencontré Olaf Scholz à Berlin.\n' | "$kg" build - -o "$work/stdin" -q &&
  grep -q '"id":"stdin"' "$work/stdin/graph.json" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL stdin"; }
printf '{"id": "n1", "text": "Huawei a racheté Foo Corp."}\n' > "$work/ok.jsonl"
"$kg" build "$work/ok.jsonl" -o "$work/jsonl" -q && grep -q '"documents":\[{"id":"n1"' "$work/jsonl/graph.json" &&
  pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL jsonl"; }
# Same input, same bytes, whatever the thread count; a failed run keeps the previous output.
"$kg" build "$samples" -o "$work/j1" -j 1 -q && "$kg" build "$samples" -o "$work/j2" -j 2 -q &&
  "$kg" build "$samples" -o "$work/j2b" -j 2 -q
for f in graph.graphml graph.dot graph.json; do
  if cmp -s "$work/j1/$f" "$work/j2/$f" && cmp -s "$work/j2/$f" "$work/j2b/$f"; then pass=$((pass + 1));
  else fail=$((fail + 1)); echo "FAIL determinism $f"; fi
done
cp "$work/j1/graph.json" "$work/before.json"
check keeps-previous 2 "no such file" -- "$kg" build "$work/nope" -o "$work/j1"
cmp -s "$work/before.json" "$work/j1/graph.json" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL keeps-previous"; }
ls "$work/j1" | grep -c tmp > /dev/null && { fail=$((fail + 1)); echo "FAIL temporary files left"; } || pass=$((pass + 1))
# kg query on the samples graph.
g="$work/j1"
expect_out() {  # expect_out NAME EXPECTED_CODE PATTERN -- command...
  local name=$1 want=$2 pattern=$3; shift 4
  local out code
  out=$("$@" 2>&1); code=$?
  if [ "$code" -eq "$want" ] && grep -qE -- "$pattern" <<< "$out"; then pass=$((pass + 1));
  else fail=$((fail + 1)); echo "FAIL $name: exit $code (want $want), output: $(echo "$out" | head -5)"; fi
}
expect_out q-neighbors 0 "Nvidia|H800" -- "$kg" query "$g" neighbors DeepSeek
expect_out q-neighbors-folded 0 "R1" -- "$kg" query "$g/graph.json" neighbors deepseek --kind relation --direction out
expect_out q-accents 0 "États-Unis" -- "$kg" query "$g" show etats-unis
expect_out q-relations 0 "puces H800 de Nvidia" -- "$kg" query "$g" relations DeepSeek H800
expect_out q-path 0 "Huawei" -- "$kg" query "$g" path Huawei "Donald Trump"
expect_out q-top-pr 0 "pagerank" -- "$kg" query "$g" top --by pagerank --limit 5
expect_out q-top-bc 0 "betweenness" -- "$kg" query "$g" top --by betweenness --limit 5
expect_out q-entities 0 "PERSON" -- "$kg" query "$g" entities --type PERSON --sort degree
expect_out q-components 0 "components" -- "$kg" query "$g" components
expect_out q-stats 0 "density" -- "$kg" query "$g" stats
expect_out q-tsv 0 $'entity\ttype' -- "$kg" query "$g" --format tsv entities
expect_out q-unknown 1 'no entity named "Zorglubium"; did you mean' -- "$kg" query "$g" neighbors Zorglubium
expect_out q-no-path 1 "no path" -- "$kg" query "$g" path DeepSeek Stargate --max-length 1 --kind relation
"$kg" query "$g" --format json neighbors DeepSeek | python3 -c "import json,sys; d=json.load(sys.stdin); assert d['neighbors']" &&
  pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL q-json"; }
"$kg" query "$g" subgraph DeepSeek --depth 1 -o "$work/sub.graphml" >/dev/null && grep -q "<graphml" "$work/sub.graphml" &&
  pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL q-subgraph"; }
printf '{"nodes": [{"id": "a"}], "links": [' > "$work/trunc.json"
check q-truncated 2 "trunc.json: invalid JSON .*truncated" -- "$kg" query "$work/trunc.json" stats
check q-missing 2 "nope.json: no such file" -- "$kg" query "$work/nope.json" stats
# kg merge: graphs built separately equal one build over all their inputs.
mkdir -p "$work/m1" "$work/m2"
cp "$samples"/01-* "$samples"/02-* "$work/m1/" && cp "$samples"/03-* "$samples"/04-* "$work/m2/"
( cd "$work" && "$kg" build m1 -o g1 -q && "$kg" build m2 -o g2 -q && "$kg" merge g1/graph.json g2 -o gm -q &&
  "$kg" build m1 m2 -o gall -q )
for f in graph.graphml graph.dot graph.json; do
  cmp -s "$work/gm/$f" "$work/gall/$f" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL merge $f"; }
done
# Papercuts (issue 20): suggestions, the subcommand's own help, readable
# argument names and bounds, a full stdout, words for directions in JSON and
# TSV, no layout in JSON keys, progress, the run time and sizes written,
# subgraph into a directory.
check pc-misspelt 2 'unknown command "biuld"; did you mean "build"\? \(see kg --help\)' -- "$kg" biuld
check pc-misspelt-query 2 'unknown command "nieghbors"; did you mean "neighbors"\? \(see kg query --help\)' -- \
  "$kg" query "$g" nieghbors DeepSeek
check pc-sub-help 2 '\(see kg build --help\)' -- "$kg" build
check pc-names 2 '^kg: TO is required \(see kg query path --help\)$' -- "$kg" query "$g" path DeepSeek
check pc-threads 2 'Value -1 not in range 0 to 1024 \(see kg build --help\)$' -- "$kg" build "$samples" -o "$work/o6" -j -1
check pc-full-stdout 2 'cannot write to standard output: No space left on device' -- \
  bash -c '"$0" query "$1" stats > /dev/full' "$kg" "$g"
check pc-closed-pipe 0 '' -- bash -c '"$0" query "$1" --format tsv entities --limit 0 | head -1 >/dev/null' "$kg" "$g"
check pc-parse-misspelt 2 'unknown command "prase"; did you mean "parse"\? \(see kg --help\)' -- "$kg" prase
check pc-parse-names 2 '^kg: INPUT is required \(see kg parse --help\)$' -- "$kg" parse
check pc-parse-lang 2 '\(see kg parse --help\)$' -- "$kg" parse --lang de "$samples"
check pc-parse-full-stdout 2 'cannot write to standard output: No space left on device' -- \
  bash -c '"$0" parse "$1" > /dev/full' "$kg" "$samples/01-deepseek-r1.txt"
check pc-parse-closed-pipe 0 '' -- bash -c '"$0" parse "$1" | head -1 >/dev/null' "$kg" "$samples"
out=$("$kg" query "$g" --format json neighbors DeepSeek)
grep -q '"dir":"out"' <<< "$out" && ! grep -qE '→|←|—' <<< "$out" && pass=$((pass + 1)) ||
  { fail=$((fail + 1)); echo "FAIL pc-json-dir: $out"; }
out=$("$kg" query "$g" --format tsv show Nvidia)
grep -qE $'^(in|out|none)\t' <<< "$out" && ! grep -qE '→|←|—' <<< "$out" && pass=$((pass + 1)) ||
  { fail=$((fail + 1)); echo "FAIL pc-tsv-dir: $out"; }
out=$("$kg" query "$g" --format json stats)
grep -q '"measure":"PERSON entities"' <<< "$out" && ! grep -q '"measure":" ' <<< "$out" && pass=$((pass + 1)) ||
  { fail=$((fail + 1)); echo "FAIL pc-json-keys: $out"; }
err=$("$kg" build "$samples" -o "$work/o7" --progress -q 2>&1 >/dev/null)
grep -qE '^100% read, 4 documents, 0 MB, [0-9]+ s$' <<< "$err" && pass=$((pass + 1)) ||
  { fail=$((fail + 1)); echo "FAIL pc-progress: $err"; }
out=$("$kg" build "$samples" -o "$work/o8")
grep -qE '^Wrote .*/o8/graph.graphml \([0-9.]+ KB\), .* in [0-9.]+ s\.$' <<< "$out" && pass=$((pass + 1)) ||
  { fail=$((fail + 1)); echo "FAIL pc-summary: $out"; }
"$kg" query "$g" subgraph DeepSeek -o "$work/subdir" >/dev/null &&
  [ -s "$work/subdir/graph.graphml" ] && [ -s "$work/subdir/graph.json" ] && pass=$((pass + 1)) ||
  { fail=$((fail + 1)); echo "FAIL pc-subgraph-dir"; }
# A missing or corrupt entity-type model is bad input naming the file, and nothing is written.
mkdir -p "$work/models"
cp "$samples/../data/models/"*-syntax.kgm "$work/models/"
check typer-missing 2 "models/en-types.kgm: cannot open model" -- "$kg" build "$samples" -o "$work/o9" --models "$work/models"
head -c 1000 "$samples/../data/models/en-types.kgm" > "$work/models/en-types.kgm"
check typer-truncated 2 "models/en-types.kgm: corrupt or truncated model" -- \
  "$kg" build "$samples" -o "$work/o9" --models "$work/models"
[ ! -e "$work/o9" ] || { fail=$((fail + 1)); echo "FAIL typer-missing wrote output"; }
# kg parse reads LANG-parse.kgm where the directory has one: a corrupt one is
# bad input naming it, and nothing is written.
head -c 1000 "$samples/../data/models/fr-syntax.kgm" > "$work/models/fr-parse.kgm"
check parse-model-truncated 2 "models/fr-parse.kgm: corrupt or truncated model" -- \
  "$kg" parse --lang fr "$samples/01-deepseek-r1.txt" -o "$work/p1.conllu" --models "$work/models"
[ ! -e "$work/p1.conllu" ] || { fail=$((fail + 1)); echo "FAIL parse-model-truncated wrote output"; }
# (and -v says which it read; kg's own data/models has French's)
"$kg" parse -v --lang fr "$samples/01-deepseek-r1.txt" -o /dev/null 2>&1 | grep -q "kg parse: fr model .*/fr-parse.kgm$" &&
  pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL parse-model-verbose"; }
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

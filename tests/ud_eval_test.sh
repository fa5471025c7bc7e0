#!/usr/bin/env bash
# bench/ud_eval.py on two hand-made CoNLL-U files with known differences
# (tests/ud_eval/system.conllu lists them): exact figures, --feats, --json, and
# a one-line error naming the place when the files do not align.
set -uo pipefail
script=$1 data=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
gold=$data/gold.conllu sys=$data/system.conllu
pass=0 fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL $*"; }
# expect NAME EXPECTED_JSON_SUBSET -- ud_eval.py arguments: every key given is checked.
expect() {
  local name=$1 want=$2; shift 3
  local out
  out=$(python3 "$script" --json "$@" 2>&1) || { ko "$name: exit $?: $out"; return; }
  python3 -c '
import json, sys
got, want = json.loads(sys.argv[1]), json.loads(sys.argv[2])
def diff(g, w, path):
    if isinstance(w, dict):
        return [d for k in w for d in diff(g.get(k) if isinstance(g, dict) else None, w[k], path + "." + k)]
    return [] if g == w else [f"{path}: got {g!r}, want {w!r}"]
d = diff(got, want, "")
if d: print("\n".join(d))
sys.exit(1 if d else 0)' "$out" "$want" && ok || ko "$name"
}
acc() { echo "{\"correct\": $1, \"total\": 19, \"accuracy\": $2}"; }
expect default "{\"sentences\": 3, \"words\": 19, \"metrics\": {
  \"UPOS\": $(acc 18 94.74), \"XPOS\": $(acc 17 89.47), \"UFeats\": $(acc 16 84.21),
  \"AllTags\": $(acc 13 68.42), \"Lemmas\": $(acc 17 89.47), \"UAS\": $(acc 17 89.47),
  \"LAS\": $(acc 13 68.42),
  \"CLAS\": {\"correct\": 8, \"gold\": 11, \"system\": 12, \"precision\": 66.67, \"recall\": 72.73, \"f1\": 69.57}}}" \
  -- "$gold" "$sys"
expect feats-all "{\"features\": \"all\", \"metrics\": {\"UFeats\": $(acc 15 78.95), \"AllTags\": $(acc 12 63.16)}}" \
  -- "$gold" "$sys" --feats all
expect feats-list "{\"metrics\": {\"UFeats\": $(acc 17 89.47), \"AllTags\": $(acc 14 73.68), \"LAS\": $(acc 13 68.42)}}" \
  -- "$gold" "$sys" --feats Gender,Number,Person,VerbForm,Mood,Voice
expect self "{\"words\": 19, \"metrics\": {\"UPOS\": $(acc 19 100.0), \"UFeats\": $(acc 19 100.0),
  \"LAS\": $(acc 19 100.0), \"CLAS\": {\"f1\": 100.0}}}" -- "$gold" "$gold"
# The table.
table=$(python3 "$script" "$gold" "$sys")
for line in "^UFeats +16 +19 +84\.21$" "^LAS +13 +19 +68\.42$" "^CLAS +8 +11 +69\.57  F1 \(P 66\.67 of 12 system content words, R 72\.73\)$"; do
  grep -qE "$line" <<< "$table" && ok || ko "table: no line matching '$line' in:"$'\n'"$table"
done
# Files that do not align: exit 2, one line naming the sentence, word and lines.
check_error() {  # NAME PATTERN SYSTEM_FILE
  local err code
  err=$(python3 "$script" "$gold" "$3" 2>&1 >/dev/null); code=$?
  # (here-strings, not pipes: with pipefail, grep -q closing the pipe early fails the test at random)
  if [ $code -eq 2 ] && grep -qE -- "$2" <<< "$err" && [ "$(wc -l <<< "$err")" -eq 1 ]; then ok
  else ko "$1: exit $code, stderr: $err"; fi
}
grep -v "^6	coffee" "$sys" > "$work/missing.conllu"
check_error missing-word "^ud_eval.py: error: sentence 2 \(s2\), .*gold.conllu:13 and .*missing.conllu:20: 6 gold words, 5 system words$" "$work/missing.conllu"
sed 's/^2\tchat\tchat/2\tchien\tchat/' "$sys" > "$work/form.conllu"
check_error form "word 2 of sentence 1 \(s1\).*: gold form 'chat' \(.*gold.conllu:5\), system form 'chien' \(.*form.conllu:13\)" "$work/form.conllu"
awk '/sent_id = s3/ {exit} {print}' "$sys" > "$work/short.conllu"
check_error sentences "gold.conllu has 3 sentences, .*short.conllu 2$" "$work/short.conllu"
sed 's/^3\tde\tde\tADP\t_\t_\t5/3\tde\tde\tADP\t_\t_/' "$sys" > "$work/columns.conllu"
check_error columns "columns.conllu:14: want 10 tab-separated columns, got 9$" "$work/columns.conllu"
check_error unreadable "nope.conllu: No such file or directory$" "$work/nope.conllu"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

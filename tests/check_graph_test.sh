#!/usr/bin/env bash
# Builds samples/ and runs ../shared/check-graph on the three outputs, and on a
# document full of hostile characters. Exit 77 (skipped) when the validator is absent.
set -uo pipefail
kg=$1 checker=$2 samples=$3 work=$4
if [ ! -x "$checker" ]; then
  echo "check-graph not found at $checker: skipped"
  exit 77
fi
rm -rf "$work" && mkdir -p "$work"
status=0
run() {
  local name=$1; shift
  local input=$1; shift
  "$kg" build "$input" "$@" -o "$work/$name" -q || { echo "kg build failed for $name"; status=1; return; }
  local out
  out=$("$checker" --graphml "$work/$name/graph.graphml" --dot "$work/$name/graph.dot" --json "$work/$name/graph.json" 2>&1)
  echo "$out" | grep -E "^(FAIL|[0-9]+ passed)"
  echo "$out" | tail -n 1 | grep -q " 0 failed" || status=1
}
run samples "$samples"
# Names and evidence with XML, DOT and JSON metacharacters, DOT keywords,
# control characters and characters outside the BMP (names forced by a gazetteer).
python3 -c "
open('$work/hostile-gaz.tsv', 'w', encoding='utf-8').write(
    'Foo \"Bar\" <Baz> & \\\\ ]]> --\tORG\tFoo Bar Baz\n'
    'strict graph node\tPRODUCT\tStrict Graph\n'
    '\U0001D518nicode \U0001F600 Planet \x01\tLOCATION\tUnicode Planet\n')"
cat > "$work/hostile.txt" <<'TXT'
La société Foo Bar Baz a racheté « Quote"Corp » et Back\Slash Inc. selon Zorg ]]> Industries.
Le groupe Strict Graph -- Digraph Systems a signé avec Node Corp et Edge Ltd à Unicode Planet.
La start-up Émoji 𝔘nicode Labs collabore avec Tab	Corp depuis Genève. <![CDATA[ x ]]> &amp; \n \"
TXT
run hostile "$work/hostile.txt" --gazetteer "$work/hostile-gaz.tsv"
# Dated documents: first_seen / last_seen in every format.
cat > "$work/dated.jsonl" <<'JSONL'
{"id": "a", "date": "2019-03-15", "text": "Donald Trump a menacé TSMC. Huawei a racheté Foo Corp à Shenzhen."}
{"id": "b", "date": "2020-01-10", "text": "Donald Trump a menacé TSMC lors d'un discours à Washington."}
JSONL
run dated "$work/dated.jsonl"
exit $status

#!/usr/bin/env bash
# The output formats and dates end to end: a small dated corpus built into
# every format, each checked in the tool its users have (formats_check.py,
# under every Python with NetworkX found: the system's and the one first on
# PATH); --since/--until and timeline on the result; stale files removed.
set -uo pipefail
kg=$1 here=$2 readme=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL $*"; }
cat > "$work/news.jsonl" <<'JSONL'
{"id": "a", "title": "Menaces", "date": "2019-03-15", "text": "Donald Trump a menacé TSMC. Le président américain vise Taïwan."}
{"id": "b", "published": "2020-01-10T08:00:00Z", "text": "Donald Trump a menacé TSMC. Huawei a racheté Foo Corp à Shenzhen."}
{"id": "c", "datetime": "20/02/2020", "text": "Donald Trump a menacé TSMC lors d'un discours à Washington."}
JSONL
printf 'date: 2019-07-01\nTitle: Note\nEmmanuel Macron a rencontré Angela Merkel à Berlin.\n' > "$work/d.txt"
g="$work/g"
"$kg" build "$here/../samples" -o "$work/samples-graph" --format json -q || ko "samples build"
"$kg" build "$work/news.jsonl" "$work/d.txt" -o "$g" --format json,graphml,dot,gexf,neo4j,cyjs -q || ko build
for f in graph.json graph.graphml graph.dot graph.gexf nodes.csv relationships.csv load.cypher graph.cyjs; do
  [ -s "$g/$f" ] && ok || ko "missing $f"
done
python3 - "$g/graph.json" <<'PY' && ok || ko "graph.json dates"
import json, sys
d = json.load(open(sys.argv[1]))
docs = {x["id"]: x for x in d["graph"]["documents"]}
assert docs["a"]["date"] == "2019-03-15" and docs["a"]["title"] == "Menaces"
assert docs["b"]["date"] == "2020-01-10" and docs["c"]["date"] == "2020-02-20" and docs["d"]["date"] == "2019-07-01"
assert docs["d"]["title"] == "Note"
t = [l for l in d["links"] if l["relation"] == "menacer" and l["target"] == "tsmc"][0]
assert (t["first_seen"], t["last_seen"]) == ("2019-03-15", "2020-02-20"), t
PY
# Same input, same bytes in every format, whatever the thread count (html
# too when this kg has it).
all=json,graphml,dot,gexf,neo4j,cyjs
"$kg" build "$work/news.jsonl" "$work/d.txt" -o "$work/j1" --format "$all,html" -j 1 -q 2>/dev/null ||
  "$kg" build "$work/news.jsonl" "$work/d.txt" -o "$work/j1" --format "$all" -j 1 -q
"$kg" build "$work/news.jsonl" "$work/d.txt" -o "$work/j2" --format "$all,html" -j 2 -q 2>/dev/null ||
  "$kg" build "$work/news.jsonl" "$work/d.txt" -o "$work/j2" --format "$all" -j 2 -q
for f in $(ls "$work/j1" | grep -v '\.kgi$'); do
  cmp -s "$work/j1/$f" "$work/j2/$f" && ok || ko "determinism $f"
done
# Each Python that has NetworkX (the one on PATH, and Debian's).
checked=0
for py in $(printf '%s\n' "$(command -v python3)" /usr/bin/python3 | awk 'NF && !seen[$0]++'); do
  [ -x "$py" ] && "$py" -c "import networkx" 2>/dev/null || continue
  if "$py" "$here/formats_check.py" "$g" "$readme"; then ok; else ko "formats_check.py under $py"; fi
  checked=$((checked + 1))
done
[ "$checked" -gt 0 ] || echo "note: no Python with NetworkX; format checks skipped"
# Dates in queries.
out=$("$kg" query "$g" --since 2019-01-01 --until 2019-12-31 stats)
grep -qE "documents +2$" <<< "$out" && ok || ko "since/until stats: $out"
out=$("$kg" query "$g" --since 2019-01-01 --until 2019-12-31 --format tsv entities --limit 0)
grep -q "Huawei" <<< "$out" && ko "2019 shows Huawei (2020 only)" || ok
grep -q "Angela Merkel" <<< "$out" && ok || ko "2019 misses Merkel: $out"
"$kg" query "$g" --since 2020 top >/dev/null && ok || ko "--since YEAR"
out=$("$kg" query "$g" --until 2019-12 --format tsv relations "Donald Trump" TSMC)
[ "$(echo "$out" | grep -c menacer)" -eq 1 ] && ok || ko "until month: $out"
out=$("$kg" query "$g" timeline "Donald Trump" TSMC)
grep -qE "^2019-03 +1 " <<< "$out" && grep -qE "^2020-02 +1 " <<< "$out" && ok || ko "timeline link: $out"
out=$("$kg" query "$g" timeline TSMC)
[ "$(echo "$out" | grep -cE '^20[0-9]{2}-[0-9]{2} ')" -eq 3 ] && ok || ko "timeline entity: $out"
err=$("$kg" query "$g" --since yesterday stats 2>&1); code=$?
[ $code -eq 2 ] && grep -q -- '--since: "yesterday" is not a date' <<< "$err" && ok || ko "bad --since: $code $err"
err=$("$kg" query "$g" --since 2020 --until 2019 stats 2>&1); code=$?
[ $code -eq 2 ] && ok || ko "since after until: $code $err"
err=$("$kg" query "$work/samples-graph" --since 2020 stats 2>&1 >/dev/null)
grep -q "no document is dated in that range (4 undated documents" <<< "$err" && ok || ko "undated warning: $err"
# Formats not asked for are removed, and the summary says so.
out=$("$kg" build "$work/news.jsonl" -o "$g" --format json)
grep -q "Removed stale .*graph.graphml" <<< "$out" && ok || ko "stale summary: $out"
[ "$(ls "$g" | tr '\n' ' ')" = "graph.json graph.kgi " ] && ok || ko "stale files left: $(ls "$g")"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

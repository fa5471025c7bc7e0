#!/usr/bin/env bash
# The HTML page in headless Chromium (Debian's chromium): it loads without
# console errors, a scripted search (the page's #search=NAME) opens the
# entity's panel with its evidence sentences, and a screenshot is taken
# (kept in WORK as an artefact) and checked loosely: not blank.
# Exits 77 (skipped) when chromium is not installed or kg has no html format.
set -uo pipefail
kg=$1 samples=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || { echo "SKIP: chromium not installed"; exit 77; }
pass=0 fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL $*"; }
if ! "$kg" build "$samples" -o "$work/g" --format json,html -q 2> "$work/build.err"; then
  grep -q "built without" "$work/build.err" && { echo "SKIP: $(cat "$work/build.err")"; exit 77; }
  ko "build: $(cat "$work/build.err")"
fi
page="$work/g/graph.html"
run_chromium() {  # run_chromium ARGS... : a fresh profile each time, no network
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --virtual-time-budget=10000 --enable-logging=stderr --v=0 "$@"
}
run_chromium --dump-dom "file://$page#search=DeepSeek" > "$work/dom.html" 2> "$work/chromium.log"
grep -q 'data-kg-ready="1"' "$work/dom.html" && ok || ko "page script did not finish"
grep -q 'data-kg-found="[1-9]' "$work/dom.html" && ok || ko "search found nothing"
grep -q '<h2>DeepSeek</h2>' "$work/dom.html" && ok || ko "panel shows no DeepSeek"
# The panel's relations carry their evidence sentences.
grep -o 'id="kg-relations".*' "$work/dom.html" | grep -c 'class="kg-evidence">“La start-up chinoise DeepSeek, basée à Hangzhou' > /dev/null &&
  ok || ko "no evidence in the panel"
grep -q 'id="kg-errors"></div>' "$work/dom.html" && ok || ko "page errors: $(grep -o 'id="kg-errors">[^<]*' "$work/dom.html")"
# Counts from the graph itself (the samples' entities change as extraction improves).
count() { python3 -c "import json,sys; g=json.load(open(sys.argv[1])); print($1)" "$work/g/graph.json"; }
nodes=$(count "len(g['nodes'])")
people=$(count "sum(n['type'] == 'PERSON' for n in g['nodes'])")
grep -q "Showing $nodes of $nodes entities" "$work/dom.html" && ok || ko "no count note (want $nodes)"
# Filters from the URL: the samples' people alone; stated relations alone.
run_chromium --dump-dom "file://$page#types=PERSON" > "$work/people.html" 2>> "$work/chromium.log"
grep -q "data-kg-visible=\"$people " "$work/people.html" && ok || ko "type filter: $(grep -o 'data-kg-visible="[^"]*"' "$work/people.html") (want $people people)"
run_chromium --dump-dom "file://$page#kinds=relation" > "$work/relations.html" 2>> "$work/chromium.log"
relations=$(python3 -c "import json,sys; print(sum(l['kind'] == 'relation' for l in json.load(open(sys.argv[1]))['links']))" "$work/g/graph.json")
grep -q "data-kg-visible=\"$nodes $relations\"" "$work/relations.html" && ok ||
  ko "kind filter: $(grep -o 'data-kg-visible="[^"]*"' "$work/relations.html") (want $nodes $relations)"
# Dates: a dated corpus, the window of 2019.
printf '%s\n' '{"id": "a", "date": "2019-03-15", "text": "Donald Trump a menacé TSMC."}' \
  '{"id": "b", "date": "2020-01-10", "text": "Huawei a racheté Foo Corp à Shenzhen."}' > "$work/dated.jsonl"
"$kg" build "$work/dated.jsonl" -o "$work/dated" --format html -q
run_chromium --dump-dom "file://$work/dated/graph.html#from=2019-01-01&to=2019-12-31" > "$work/2019.html" 2>> "$work/chromium.log"
grep -q 'data-kg-visible="2 1"' "$work/2019.html" && ok || ko "date filter: $(grep -o 'data-kg-visible="[^"]*"' "$work/2019.html")"
# The offline page: nothing fetched from elsewhere.
grep -qiE '<script[^>]+src=|<link[^>]+href=' "$page" && ko "page loads external resources" || ok
run_chromium --window-size=1200,800 --screenshot="$work/screenshot.png" "file://$page#search=DeepSeek" \
  > /dev/null 2>> "$work/chromium.log"
python3 - "$work/screenshot.png" <<'PY' && ok || ko "screenshot blank or missing"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
pos, idat, width, height = 8, b"", 0, 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
# Loosely: many distinct byte values across the image (a blank page has a few).
distinct = len(set(raw[:: max(1, len(raw) // 200000)]))
assert width >= 800 and height >= 600 and distinct > 40, (width, height, distinct)
PY
# kg query subgraph -o FILE.html: the same page for a part of the graph.
"$kg" query "$work/g" subgraph Nvidia --depth 1 -o "$work/nvidia.html" > /dev/null && grep -q 'id="kg-data"' "$work/nvidia.html" &&
  ok || ko "subgraph -o .html"
# No console message in any of the runs above.
if grep -E 'CONSOLE|Uncaught' "$work/chromium.log"; then ko "console messages"; else ok; fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

#!/usr/bin/env bash
# The hostile-input matrix: each row a kind of bad or unusual input, with the
# behaviour we promise (README "Errors"). Usage:
#   hostile_test.sh KG WORKDIR [slow]
# "slow" runs the rows that need large inputs (a 200 MB line, 100,000 files).
set -uo pipefail
kg=$1 work=$2 mode=${3:-fast}
rm -rf "$work" && mkdir -p "$work" && cd "$work"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL $*"; }
# row NAME WANT_CODE STDERR_PATTERN -- command...; stderr must be one line for errors.
row() {
  local name=$1 want=$2 pattern=$3; shift 4
  local err code
  err=$("$@" 2>&1 >/dev/null); code=$?
  if [ "$code" -ne "$want" ]; then ko "$name: exit $code, want $want: $err"; return; fi
  if [ -n "$pattern" ] && ! grep -qE -- "$pattern" <<< "$err"; then ko "$name: stderr '$err' lacks /$pattern/"; return; fi
  if [ "$want" -ne 0 ] && [ "$(printf '%s' "$err" | grep -c '')" -ne 1 ]; then ko "$name: error is not one line: $err"; return; fi
  ok
}
xml_ok() { python3 -c "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])" "$1"; }
json_ok() { python3 -c "import json,sys; json.load(open(sys.argv[1], encoding='utf-8'))" "$1"; }
# has_label GRAPH LABEL: the graph has a node with exactly this label.
has_label() { python3 -c "import json,sys; sys.exit(0 if sys.argv[2] in [n['label'] for n in json.load(open(sys.argv[1]))['nodes']] else 1)" "$1" "$2"; }

if [ "$mode" = fast ]; then
  echo "Paris et Lyon." > ok-lyon.txt
  : > empty.txt
  row empty-file 0 "empty.txt: empty file" -- "$kg" build empty.txt -o o-empty
  [ -f o-empty/graph.json ] && json_ok o-empty/graph.json && ok || ko "empty-file output"

  printf 'Paris\0Lyon' > nul.txt
  row binary 2 "nul.txt: binary data \(NUL byte at offset 5\)" -- "$kg" build nul.txt -o o-bin
  [ ! -e o-bin ] && ok || ko "binary wrote output"

  printf 'La soci\xe9t\xe9 Renault a rachet\xe9 Dacia \xe0 Bucarest. L\x92\xe9t\xe9 \xab chaud \xbb.\n' > latin1.txt
  row latin1 0 "latin1.txt: not valid UTF-8 .*Windows-1252" -- "$kg" build latin1.txt -o o-latin1
  has_label o-latin1/graph.json "Bucarest" && ! grep -q $'\xc3\x83' o-latin1/graph.json && ok || ko "latin1 mojibake"

  printf 'Emmanuel Macron est à Paris. Un octet cass\xc3 ici. Angela Merkel est à Berlin.\n' > broken.txt
  row invalid-utf8 0 "broken.txt: 1 invalid UTF-8 byte" -- "$kg" build broken.txt -o o-broken
  has_label o-broken/graph.json "Angela Merkel" && ok || ko "invalid-utf8 lost text"

  printf '\xef\xbb\xbfAngela Merkel est \xc3\xa0 Berlin.\r\nEmmanuel Macron est \xc3\xa0 Paris.\r\n' > bom-crlf.txt
  row bom-crlf 0 "" -- "$kg" build bom-crlf.txt -o o-bom
  has_label o-bom/graph.json "Angela Merkel" && ! grep -q $'\xef\xbb\xbf' o-bom/graph.json &&
    ! grep -qF '\r' o-bom/graph.json && ok || ko "bom-crlf"

  printf 'Angela Merkel est à Berlin.\n' | python3 -c "import sys; sys.stdout.buffer.write(b'\xff\xfe' + sys.stdin.read().encode('utf-16-le'))" > utf16.txt
  row utf16 0 "" -- "$kg" build utf16.txt -o o-utf16
  has_label o-utf16/graph.json "Berlin" && ok || ko "utf16"

  ln -s loop-a loop-b && ln -s loop-b loop-a
  row symlink-loop 2 "loop-a: broken or looping symbolic link" -- "$kg" build loop-a -o o-loop
  mkdir -p tree && ln -s .. tree/up && echo "Paris et Lyon." > tree/a.txt
  row symlink-dir-loop 0 "" -- "$kg" build tree -o o-tree

  echo "Paris et Lyon." > secret.txt && chmod 000 secret.txt
  if [ "$(id -u)" -eq 0 ] && command -v runuser >/dev/null; then
    chmod 777 "$work"
    row unreadable 2 "secret.txt: cannot open for reading: Permission denied" -- runuser -u nobody -- "$kg" build secret.txt -o o-secret
  else
    row unreadable 2 "secret.txt: cannot open for reading: Permission denied" -- "$kg" build secret.txt -o o-secret
  fi

  printf '{"id": "a", "text": "Paris"}\n{"id": "b", "text": \n' > bad.jsonl
  row malformed-jsonl 2 "bad.jsonl:2: invalid JSON" -- "$kg" build bad.jsonl -o o-jsonl
  printf '{"id": "a", "body": "Paris"}\n' > nottext.jsonl
  row jsonl-no-text 2 "nottext.jsonl:1: expected an object with a string \"text\"" -- "$kg" build nottext.jsonl -o o-jsonl2

  # Issue 19: deep nesting in every JSON reader (was exit 139, a stack overflow).
  python3 -c "print('{\"nodes\":'+'['*200000+']'*200000+',\"links\":[]}')" > deep.json
  row deep-graph-json 2 "deep.json: invalid JSON at byte [0-9]+: nesting deeper than 512 levels" -- "$kg" query deep.json stats
  row deep-merge 2 "deep.json: invalid JSON at byte [0-9]+: nesting deeper than 512 levels" -- "$kg" merge deep.json -o o-deep-merge
  [ ! -e o-deep-merge ] && ok || ko "deep merge wrote output"
  python3 -c "print('{\"id\": \"a\", \"text\": \"Paris\"}'); print('{\"text\": \"x\", \"meta\": '+'['*200000+']'*200000+'}')" > deep.jsonl
  row deep-jsonl 2 "deep.jsonl:2: invalid JSON at column [0-9]+: nesting deeper than 512 levels" -- "$kg" build deep.jsonl -o o-deep-jsonl
  python3 -c "print('['*200000+']'*200000)" > deep-gaz.json
  row deep-gazetteer 2 "deep-gaz.json: invalid JSON at byte [0-9]+: nesting deeper than 512 levels" -- "$kg" build ok-lyon.txt -o o-deep-gaz --gazetteer deep-gaz.json

  # Issue 19: a .jsonl.gz is checked to the end of its gzip members.
  python3 - <<'PY'
import gzip, zlib
lines = b''.join(b'{"id": "d%d", "text": "Emmanuel Macron est a Paris le jour %d."}\n' % (i, i) for i in range(400))
whole = gzip.compress(lines)
open('whole.jsonl.gz', 'wb').write(whole)
open('no-trailer.jsonl.gz', 'wb').write(whole[:-8])
open('cut-mid.jsonl.gz', 'wb').write(whole[:len(whole) // 2])
bad_crc = bytearray(whole); bad_crc[-8] ^= 0xFF
open('bad-crc.jsonl.gz', 'wb').write(bytes(bad_crc))
c = zlib.compressobj(6, zlib.DEFLATED, 31)
flushed = c.compress(lines[:len(lines) // 2]) + c.flush(zlib.Z_SYNC_FLUSH)
open('cut-flush.jsonl.gz', 'wb').write(flushed)
PY
  row gz-whole 0 "" -- "$kg" build whole.jsonl.gz -o o-gz -q
  for f in no-trailer cut-mid cut-flush; do
    row gz-$f 2 "$f.jsonl.gz: truncated gzip stream \(unexpected end of file\)" -- "$kg" build $f.jsonl.gz -o o-gz-$f
    [ ! -e o-gz-$f ] && ok || ko "gz-$f wrote output"
  done
  row gz-bad-crc 2 "bad-crc.jsonl.gz: read error: incorrect data check" -- "$kg" build bad-crc.jsonl.gz -o o-gz-crc

  # Issue 19: standard input closed, a directory, never one of kg's own files.
  row stdin-closed 2 "stdin: standard input is closed" -- bash -c "exec \"$kg\" build - -o o-stdin-closed <&-"
  row stdin-directory 2 "stdin: is a directory" -- bash -c "exec \"$kg\" build - -o o-stdin-dir < ."
  [ ! -e o-stdin-closed ] && [ ! -e o-stdin-dir ] && ok || ko "stdin errors wrote output"
  row stdin-ok 0 "" -- bash -c "echo 'Angela Merkel est à Berlin.' | exec \"$kg\" build - -o o-stdin -q"
  has_label o-stdin/graph.json "Angela Merkel" && ok || ko "stdin text lost"
  row stdout-closed 0 "" -- bash -c "exec \"$kg\" build ok-lyon.txt -o o-stdout-closed -q >&-"

  # Issue 19: one cleaning for every format; file names that are not UTF-8.
  printf 'Angela Merkel est \xc3\xa0 Berlin.\n' > "$(printf 'bad\xff.txt')"
  row non-utf8-name 0 "" -- "$kg" build "$(printf 'bad\xff.txt')" -o o-badname -q
  json_ok o-badname/graph.json && xml_ok o-badname/graph.graphml && ok || ko "non-UTF-8 file name broke an export"
  python3 -c "
import json
open('chars.jsonl', 'w', encoding='utf-8').write(json.dumps({'id': 'doc\x01\u0085\ufffe', 'text':
    'Angela Merkel\ufffe est \u00e0 Berlin\u0085 avec Emmanuel\uffff Macron \U0010FFFF \ufdd0.'}) + '\n')
open('chars-gaz.tsv', 'w', encoding='utf-8').write('Bundes\ufffekanzleramt\u0085\tORG\tKanzleramt\n')"
  row forbidden-chars 0 "" -- "$kg" build chars.jsonl -o o-chars -q --gazetteer chars-gaz.tsv
  python3 -c "
import sys
bad = ['\x01', '\u0085', '\ufffe', '\uffff', '\U0010ffff', '\ufdd0', '\\\\u0001', '\\\\u0085']
for f in ('graph.json', 'graph.graphml', 'graph.dot'):
    t = open('o-chars/' + f, encoding='utf-8').read()
    for b in bad:
        if b in t: sys.exit(f + ' holds ' + repr(b))
" && json_ok o-chars/graph.json && xml_ok o-chars/graph.graphml && ok || ko "forbidden characters reached an export"

  # Issue 19: gazetteer names kept apart or said to merge; no name without a letter or digit.
  printf 'C++\tPRODUCT\nC#\tPRODUCT\nAT&T\tORG\nAT-T\tORG\n' > symbols.tsv
  err=$("$kg" build ok-lyon.txt -o o-symbols -q --gazetteer symbols.tsv 2>&1); code=$?
  [ "$code" -eq 0 ] && grep -q 'symbols.tsv:2: "C#" and "C++" (symbols.tsv:1) have the same key "c"' <<< "$err" &&
    grep -q 'symbols.tsv:4: "AT-T" and "AT&T" (symbols.tsv:3)' <<< "$err" && ok || ko "gazetteer collisions not warned: $err"
  printf 'Renault\tORG\n+++\tORG\n' > punct.tsv
  row gazetteer-no-letter 2 'punct.tsv:2: name "\+\+\+" has no letter or digit' -- "$kg" build ok-lyon.txt -o o-punct --gazetteer punct.tsv
  printf '[{"name": "Renault", "type": "ORG"}, {"name": "\u2728\u2728", "type": "ORG"}]' > emoji.json
  row gazetteer-emoji 2 'emoji.json: entry 2: name ".*" has no letter or digit' -- "$kg" build ok-lyon.txt -o o-emoji --gazetteer emoji.json
  printf 'Renault\n' > onecol.tsv
  row gazetteer-one-column 0 "onecol.tsv:1: no type column" -- "$kg" build ok-lyon.txt -o o-onecol -q --gazetteer onecol.tsv

  # Issue 19: a BOM opening a .jsonl is dropped as in .txt; -j is capped.
  printf '\xef\xbb\xbf{"id": "a", "text": "Angela Merkel est \xc3\xa0 Berlin."}\n' > bom.jsonl
  row jsonl-bom 0 "" -- "$kg" build bom.jsonl -o o-bom-jsonl -q
  has_label o-bom-jsonl/graph.json "Angela Merkel" && ok || ko "jsonl-bom lost text"
  row many-threads 0 "" -- timeout 20 "$kg" build ok-lyon.txt -o o-threads -q -j 1024
  row too-many-threads 2 "not in range 0 to 1024" -- "$kg" build ok-lyon.txt -o o-threads -q -j 100000

  # Issue 19: binary data in a .jsonl.gz, a corpus with no document, the document size limit.
  python3 -c "import gzip; gzip.open('nul.jsonl.gz', 'wb').write(b'{\"text\": \"a\"}\n' + b'\0' * 100000)"
  row jsonl-binary 2 "nul.jsonl.gz: binary data \(NUL byte at offset 14\)" -- "$kg" build nul.jsonl.gz -o o-nul-jsonl
  printf '\n   \n\n' > blank.jsonl
  row jsonl-no-document 2 "blank.jsonl: no documents in the input" -- "$kg" build blank.jsonl -o o-blank
  python3 -c "open('sparse.txt', 'w').write('Paris et Lyon. ' * 5000)" && truncate -s 300M sparse.txt  # text, then a hole
  row document-limit 2 "sparse.txt: larger than the 256 MiB document limit" -- "$kg" build sparse.txt -o o-sparse
  rm -f sparse.txt
  truncate -s 300M zeros.txt  # (a sparse file: NUL bytes)
  row document-limit-binary 2 "zeros.txt: binary data \(NUL byte at offset 0\)" -- "$kg" build zeros.txt -o o-zeros
  rm -f zeros.txt

  printf 'Selon le pr\xc3\xa9sident Emmanuel\tMacron, Angela Merkel est venue.\n' > tab-name.txt
  row tab-in-name 0 "" -- "$kg" build tab-name.txt -o o-tab -q
  python3 -c "
import json, sys
g = json.load(open('o-tab/graph.json'))
names = [n['label'] for n in g['nodes']] + [a for n in g['nodes'] for a in n.get('aliases', [])]
sys.exit(1 if any('\t' in x for x in names) or 'Emmanuel Macron' not in names else 0)" && ok || ko "a tab reached a name"

  echo "Paris et Lyon." > ok.txt
  : > afile
  row output-is-file 2 "afile: exists and is not a directory" -- "$kg" build ok.txt -o afile
  row output-unwritable 2 "cannot create directory" -- "$kg" build ok.txt -o /proc/kg-out

  "$kg" build ok.txt -o o-query -q
  head -c 60 o-query/graph.json > trunc.json
  row query-truncated 2 "trunc.json: invalid JSON at byte [0-9]+.*truncated" -- "$kg" query trunc.json stats
  echo '{"nodes": 3, "links": []}' > wrong.json
  row query-malformed 2 "wrong.json: no \"nodes\" array" -- "$kg" query wrong.json stats

  # Nothing lost: a run that fails while writing leaves the previous outputs.
  "$kg" build ok.txt -o keep -q && cp keep/graph.json before.json
  python3 -c "print(' '.join(['Paris, Lyon et Marseille.'] * 20000))" > big.txt
  row disk-full 2 "keep/graph.* write failed" -- bash -c "ulimit -f 64; exec \"$kg\" build big.txt -o keep --max-evidence 0"
  cmp -s before.json keep/graph.json && ok || ko "disk-full changed the previous output"
  ls keep | grep -c tmp > /dev/null && ko "disk-full left temporary files" || ok
  # kill -9 in the middle of a run.
  python3 -c "
import random
random.seed(7)
names=['Paris','Lyon','Renault','Airbus','Emmanuel Macron','Angela Merkel','Nvidia','Huawei']
for i in range(4000):
    print('{\"id\": \"d%d\", \"text\": \"%s a rencontré %s à %s.\"}' % (i, random.choice(names), random.choice(names), random.choice(names)))
" > many.jsonl
  "$kg" build many.jsonl -o keep -q -j 1 & pid=$!
  sleep 0.3; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  json_ok keep/graph.json && ok || ko "kill -9 left a broken graph.json"
  # Issue 19: the next run removes what a killed one left (staging directories).
  "$kg" build ok.txt -o keep -q && [ -z "$(ls -A keep | grep -v '^graph\.\(json\|graphml\|dot\|kgi\)$')" ] && ok ||
    ko "leftovers after a killed run: $(ls -A keep)"
  # Issue 19: a target that cannot be replaced changes nothing (was: new
  # GraphML, DOT and index beside the old JSON).
  "$kg" build ok.txt -o set -q && cp set/graph.dot set-before.dot && rm set/graph.json && mkdir set/graph.json
  row output-set-dir 2 "set/graph.json: is a directory" -- "$kg" build bom-crlf.txt -o set
  cmp -s set-before.dot set/graph.dot && [ -z "$(ls -A set | grep -v '^graph\.')" ] && ok || ko "output set changed in part: $(ls -A set)"

  # Nothing injected: names and evidence full of metacharacters.
  python3 -c "
open('hostile-gaz.tsv', 'w', encoding='utf-8').write(
    'Foo \"Bar\" <Baz> & \\\\ ]]> --\tORG\tFoo Bar Baz\n'
    'Graph Node Strict\tPRODUCT\tstrict graph\n'
    '\U0001D518nicode Planet \x01\tLOCATION\tUnicode Planet\n')"
  printf 'La société Foo Bar Baz a signé avec Graph Node Strict à Unicode Planet.\nTab\there & <b>"quoted"</b> \\ ]]> -- node Foo Bar Baz, Unicode Planet.\n' > hostile.txt
  row hostile-build 0 "" -- "$kg" build hostile.txt -o o-hostile --gazetteer hostile-gaz.tsv
  has_label o-hostile/graph.json 'Foo "Bar" <Baz> & \ ]]> --' && has_label o-hostile/graph.json '𝔘nicode Planet' &&
    ok || ko "hostile names not kept"
  for f in graphml dot json; do [ -s o-hostile/graph.$f ] && ok || ko "hostile $f"; done
else
  # A 200 MB text on one line.
  python3 -c "
import sys
s='La société Renault a racheté Dacia à Bucarest, selon Emmanuel Macron; '
n=200*1024*1024//len(s.encode())
sys.stdout.write(s*n)" > line.txt
  row huge-line 0 "" -- timeout 900 "$kg" build line.txt -o o-line -q
  json_ok o-line/graph.json && ok || ko "huge-line output"
  # Issue 19: one JSONL line or standard input past the 256 MiB document limit.
  python3 -c "
import gzip
with gzip.open('long-line.jsonl.gz', 'wb', compresslevel=1) as f:
    f.write(b'{\"text\": \"')
    for _ in range(300): f.write(b' ' * (1 << 20))"
  row long-jsonl-line 2 "long-line.jsonl.gz:1: line longer than the 256 MiB document limit" -- "$kg" build long-line.jsonl.gz -o o-long
  row long-stdin 2 "stdin: larger than the 256 MiB document limit" -- bash -c "head -c 300M /dev/zero | tr '\\0' a | \"$kg\" build - -o o-long-stdin"
  # 100,000 tiny files.
  mkdir tiny && python3 -c "
import os
for i in range(100000):
    with open('tiny/%06d.txt' % i, 'w') as f: f.write('Paris et Lyon %d.' % (i % 7))
"
  row many-files 0 "" -- timeout 900 "$kg" build tiny -o o-tiny -q
  python3 -c "import json; g=json.load(open('o-tiny/graph.json')); assert len(g['graph']['documents'])==100000" && ok || ko "many-files documents"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

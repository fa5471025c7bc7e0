#!/usr/bin/env bash
# scripts/silver-trees.py on hand-made parses: which sentences it keeps (all
# parses agree, 6-40 words, a final punctuation mark), how --words spreads
# them, and a one-line error naming the file (exit 2, no output) when the
# parses are not of the same text.
set -uo pipefail
script=$1 work=$2
rm -rf "$work" && mkdir -p "$work"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL $*"; }

# sentence ID TEXT then "form upos head rel" per word: one CoNLL-U sentence.
sentence() {
  local id=$1 text=$2; shift 2
  printf '# sent_id = %s\n# text = %s\n' "$id" "$text"
  local n=0 w
  for w in "$@"; do
    read -r form upos head rel <<< "$w"
    n=$((n + 1))
    printf '%d\t%s\t%s\t%s\t_\t_\t%s\t%s\t_\t_\n' "$n" "$form" "${form,,}" "$upos" "$head" "$rel"
  done
  echo
}
# A six-word sentence; $1 is the head of "chat" (2 in the first parse).
six() {
  sentence "$2" "Le chat dort sur le lit." "Le DET 2 det" "chat NOUN ${1} nsubj" "dort VERB 0 root" \
    "sur ADP 6 case" "le DET 6 det" "lit NOUN 3 obl" ". PUNCT 3 punct"
}
{ six 3 s1; sentence s2 "Il dort." "Il PRON 2 nsubj" "dort VERB 0 root" ". PUNCT 2 punct"
  six 3 s3; six 3 s4; six 3 s5
  sentence s6 "Le chat dort sur le lit" "Le DET 2 det" "chat NOUN 3 nsubj" "dort VERB 0 root" \
    "sur ADP 6 case" "le DET 6 det" "lit NOUN 3 obl"; } > "$work/a.conllu"
# b: s3 attaches "chat" elsewhere; s4 is split into other words.
{ six 3 s1; sentence s2 "Il dort." "Il PRON 2 nsubj" "dort VERB 0 root" ". PUNCT 2 punct"
  six 6 s3
  sentence s4 "Le chat dort sur le lit." "Le DET 2 det" "chat NOUN 3 nsubj" "dort VERB 0 root" \
    "sur ADP 5 case" "le lit NOUN 3 obl" ". PUNCT 3 punct"
  six 3 s5
  sentence s6 "Le chat dort sur le lit" "Le DET 2 det" "chat NOUN 3 nsubj" "dort VERB 0 root" \
    "sur ADP 6 case" "le DET 6 det" "lit NOUN 3 obl"; } > "$work/b.conllu"

ids() { grep '^# sent_id' "$1" | sed 's/.*= //' | tr '\n' ' '; }
# kept NAME WANTED_IDS -- arguments
kept() {
  local name=$1 want=$2; shift 3
  rm -f "$work/out.conllu"
  python3 "$script" "$@" -o "$work/out.conllu" 2>/dev/null || { ko "$name: exit $?"; return; }
  [ "$(ids "$work/out.conllu")" = "$want" ] && ok || ko "$name: kept '$(ids "$work/out.conllu")', want '$want'"
}
kept agree-only 's1 s5 ' -- "$work/a.conllu" "$work/b.conllu"
kept itself 's1 s3 s4 s5 ' -- "$work/a.conllu" "$work/a.conllu"
kept three-parses 's1 s5 ' -- "$work/a.conllu" "$work/a.conllu" "$work/b.conllu"
kept spread 's1 s4 ' -- "$work/a.conllu" "$work/a.conllu" --words 14
kept first-words 's1 ' -- "$work/a.conllu" "$work/a.conllu" --words 7
python3 "$script" "$work/a.conllu" "$work/a.conllu" -o "$work/x.conllu" 2>/dev/null &&
  python3 "$script" "$work/a.conllu" "$work/a.conllu" -o "$work/y.conllu" 2>/dev/null &&
  cmp -s "$work/x.conllu" "$work/y.conllu" && ok || ko "deterministic"
# Copied whole but for the lemma, the parser's guess ("le" in the parse).
grep -q $'^1\tLe\t_\tDET\t_\t_\t2\tdet\t_\t_$' "$work/x.conllu" && ok || ko "sentences copied, lemmas left out"
grep -q $'^1\tLe\tle\tDET' "$work/a.conllu" && ok || ko "the parses have lemmas"

# Parses of different texts: exit 2, one line naming the file, no output.
check_error() {  # NAME PATTERN FILES...
  local name=$1 pattern=$2 err code; shift 2
  rm -f "$work/out.conllu"
  err=$(python3 "$script" "$@" -o "$work/out.conllu" 2>&1); code=$?
  [ "$code" = 2 ] && [ "$(wc -l <<< "$err")" = 1 ] && grep -qE "$pattern" <<< "$err" &&
    [ ! -e "$work/out.conllu" ] && ok || ko "$name: exit $code: $err"
}
head -n 20 "$work/b.conllu" > "$work/short.conllu"
sed 's/# text = Il dort./# text = Elle dort./' "$work/b.conllu" > "$work/other.conllu"
printf '1\tLe\n\n' > "$work/bad.conllu"
check_error fewer "short.conllu: fewer sentences than .*a.conllu$" "$work/a.conllu" "$work/short.conllu"
check_error more "a.conllu: more sentences than .*short.conllu$" "$work/short.conllu" "$work/a.conllu"
check_error other-text "other.conllu: its sentences differ from .*a.conllu's: not the same input$" \
  "$work/a.conllu" "$work/other.conllu"
check_error not-conllu "bad.conllu:1: not a CoNLL-U line \(10 columns\)$" "$work/bad.conllu" "$work/a.conllu"
check_error missing "nowhere.conllu: No such file or directory$" "$work/a.conllu" "$work/nowhere.conllu"
err=$(python3 "$script" "$work/a.conllu" -o "$work/out.conllu" 2>&1); code=$?
[ "$code" = 2 ] && grep -q "two parses or more" <<< "$err" && ok || ko "one-parse: exit $code: $err"

echo "silver_trees: $pass passed, $fail failed"
[ "$fail" = 0 ]

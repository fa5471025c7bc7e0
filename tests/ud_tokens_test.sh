#!/usr/bin/env bash
# bench/ud_tokens.py on a hand-made treebank of three sentences (kg tokenizes
# the first and third as the treebank — an inverted pronoun, a contraction —
# and not the second's "20h45"): the exact figures, and a one-line error for
# a missing file.
set -uo pipefail
script=$1 kg=$2 data=$3
want="3 sentences: 2 with the treebank's words (66.7%), 0 split into several; F1 tokens 90.48, words 90.91"
got=$(python3 "$script" "$kg" "$data/fr.conllu" --lang fr --show 1)
status=0
if [ "$(echo "$got" | tail -1)" != "$want" ]; then echo "FAIL figures: got '$(echo "$got" | tail -1)', want '$want'"; status=1; fi
if [ "$(echo "$got" | head -1)" != "  treebank only: ['20', 'h', '45']  kg only: ['20h45']" ]; then
  echo "FAIL difference shown: $(echo "$got" | head -1)"; status=1
fi
err=$(python3 "$script" "$kg" "$data/missing.conllu" --lang fr 2>&1); code=$?
if [ $code -ne 2 ] || [ "$(echo "$err" | wc -l)" -ne 1 ] || [[ "$err" != *missing.conllu* ]]; then
  echo "FAIL missing file: exit $code, '$err'"; status=1
fi
[ $status -eq 0 ] && echo "ud_tokens: all checks passed"
exit $status

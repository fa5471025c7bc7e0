#!/usr/bin/env python3
"""Syntax accuracy of kg on the UD test splits, checked against recorded floors.

    tests/ud_test.py KG ROOT WORK [--floors FILE]

Runs `KG parse --lang L --pretokenized TREEBANK -o WORK/NAME.conllu` on each
test split of ROOT/../shared/data/treebanks the models were not trained on,
scores it with ROOT/bench/ud_eval.py, prints the figures, then compares them
with the floors (default ROOT/tests/ud_floors.tsv: set, measure, floor in
percent) and names every figure below its floor.

Exit codes: 0 every floor met, 1 a figure below its floor, 2 an error,
77 skipped (the treebanks not found).
"""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_test import Error, report  # noqa: E402  (the same floors format)

SETS = [("fr-sequoia-test", "fr"), ("fr-gsd-test", "fr"), ("en-ewt-test", "en")]
MEASURES = ["UPOS", "UFeats", "Lemmas", "UAS", "LAS"]
SKIP = 77


def measure(kg, root, treebanks, work):
    scores = {}
    for name, lang in SETS:
        gold = os.path.join(treebanks, name + ".conllu")
        out = os.path.join(work, name + ".conllu")
        parse = subprocess.run([kg, "parse", "--lang", lang, "--pretokenized", gold, "-o", out],
                               capture_output=True, text=True)
        if parse.returncode != 0:
            raise Error(f"kg parse {name} failed (exit {parse.returncode}): {parse.stderr.strip()}")
        score = subprocess.run([sys.executable, os.path.join(root, "bench", "ud_eval.py"), gold, out, "--json"],
                               capture_output=True, text=True)
        if score.returncode != 0:
            raise Error(f"ud_eval.py on {name} failed (exit {score.returncode}): {score.stderr.strip()}")
        metrics = json.loads(score.stdout)["metrics"]
        scores[name] = {m: metrics[m]["accuracy"] for m in MEASURES}
    return scores


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("kg", help="the kg binary")
    ap.add_argument("root", help="the repository (../shared is found beside it)")
    ap.add_argument("work", help="a scratch directory for the parses")
    ap.add_argument("--floors", help="floors file (default ROOT/tests/ud_floors.tsv)")
    a = ap.parse_args()
    treebanks = os.path.normpath(os.path.join(a.root, "..", "shared", "data", "treebanks"))
    if not all(os.path.isfile(os.path.join(treebanks, n + ".conllu")) for n, _ in SETS):
        print(f"skipped: the UD test splits not found in {treebanks}")
        return SKIP
    floors_path = a.floors or os.path.join(a.root, "tests", "ud_floors.tsv")
    try:
        os.makedirs(a.work, exist_ok=True)
        scores = measure(a.kg, a.root, treebanks, a.work)
        print("set              " + "  ".join(f"{m:>6}" for m in MEASURES))
        for name, s in scores.items():
            print(f"{name:16} " + "  ".join(f"{s[m]:6.2f}" for m in MEASURES))
        return report(scores, floors_path)
    except Error as e:
        print(f"ud_test: error: {e}")
        return 2


if __name__ == "__main__":
    sys.exit(main())

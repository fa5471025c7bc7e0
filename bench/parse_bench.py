#!/usr/bin/env python3
"""Tagging and parsing speed: `kg parse -v` words per second on one thread.

Runs `kg parse --lang LANG -v INPUT... -o /dev/null` RUNS times and prints
each run's figure (kg's own count: the time spent annotating, not reading,
loading models or writing), then the median. With --floor, exits 1 when the
median is below it (issue 16 asks for 150,000 words/s).

  python3 bench/parse_bench.py build/cli/kg --lang fr /tmp/first-1000-articles.jsonl --runs 3
  python3 bench/parse_bench.py build/cli/kg --lang en --pretokenized ../shared/data/treebanks/en-ewt-train.conllu

Exit codes: 0 measured (and at or above the floor), 1 below the floor, 2 kg
failed or printed no figure.
"""
import argparse
import re
import statistics
import subprocess
import sys

FIGURE = re.compile(r"kg parse: (\d+) words annotated in ([0-9.]+) s \((\d+) words/s")


def run_once(kg, lang, inputs, pretokenized):
    cmd = [kg, "parse", "--lang", lang, "-v", "-o", "/dev/null"]
    if pretokenized:
        cmd.append("--pretokenized")
    done = subprocess.run(cmd + inputs, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd + inputs)}: exit {done.returncode}: {done.stderr.strip()}")
    m = FIGURE.search(done.stderr)
    if m is None:
        raise RuntimeError(f"{' '.join(cmd + inputs)}: no words/s figure on stderr")
    return int(m.group(1)), int(m.group(3))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kg", help="the kg executable")
    ap.add_argument("inputs", nargs="+", help="texts, folders, .jsonl files, or CoNLL-U with --pretokenized")
    ap.add_argument("--lang", default="fr", choices=["fr", "en"])
    ap.add_argument("--pretokenized", action="store_true", help="inputs are CoNLL-U sentences")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--floor", type=float, default=0, help="words/s the median must reach")
    a = ap.parse_args()
    figures = []
    try:
        for r in range(a.runs):
            words, speed = run_once(a.kg, a.lang, a.inputs, a.pretokenized)
            figures.append(speed)
            print(f"run {r + 1}: {words} words, {speed} words/s")
    except RuntimeError as e:
        print(f"parse_bench: {e}", file=sys.stderr)
        return 2
    median = statistics.median(figures)
    print(f"median {median:.0f} words/s over {len(figures)} runs ({a.lang}, one thread)")
    if a.floor and median < a.floor:
        print(f"parse_bench: median {median:.0f} words/s is below the floor {a.floor:.0f}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Accuracy of kg on the shared seeds and dev sets, checked against recorded floors.

    tests/eval_test.py KG ROOT WORK [--floors FILE] [--scores SCORES.json]

Builds ROOT/../shared/seeds, ROOT/../shared/eval/dev-fr and ROOT/../shared/eval/dev-en
with `KG build DIR -o WORK/NAME -q`, scores each graph.json with
ROOT/../shared/eval/score.py against ROOT/../shared/eval/gold/NAME.json, prints one
table of the figures, then compares them with the floors (default
ROOT/tests/eval_floors.tsv) and names every figure below its floor.

--scores reads the figures from a JSON object {set: {metric: value}} instead of
building and scoring (for testing the comparison; ../shared is not needed then).

Exit codes: 0 every floor met, 1 a figure below its floor, 2 an error (kg or
score.py failed, a bad floors file), 77 skipped (../shared/eval not found).
"""
import argparse
import json
import os
import subprocess
import sys

SETS = [("seeds", "seeds"), ("dev-fr", "eval/dev-fr"), ("dev-en", "eval/dev-en")]
SKIP = 77


class Error(Exception):
    pass


def measure(kg, shared, work):
    """Builds and scores every set; returns {set: score.py's JSON object}."""
    scores = {}
    for name, rel in SETS:
        out = os.path.join(work, name)
        build = subprocess.run([kg, "build", os.path.join(shared, rel), "-o", out, "-q"],
                               capture_output=True, text=True)
        if build.returncode != 0:
            raise Error(f"kg build {rel} failed (exit {build.returncode}): {build.stderr.strip()}")
        score = subprocess.run([sys.executable, os.path.join(shared, "eval", "score.py"),
                                "--gold", os.path.join(shared, "eval", "gold", name + ".json"),
                                "--graph", os.path.join(out, "graph.json"), "--json"],
                               capture_output=True, text=True)
        if score.returncode != 0:
            raise Error(f"score.py on {name} failed (exit {score.returncode}): {score.stderr.strip()}")
        scores[name] = json.loads(score.stdout)
    return scores


def fmt(x):
    return f"{x:.3f}"


def print_table(scores):
    cols = ["set", "ent P", "ent R", "ent F1", "types", "rel P", "rel R", "rel F1", "direction"]
    rows = []
    for name, s in scores.items():
        row = [name, fmt(s["entity_precision"]), fmt(s["entity_recall"]), fmt(s["entity_f1"]),
               fmt(s["type_accuracy"])]
        if s.get("gold_relations", 1):
            row += [fmt(s["relation_precision"]), fmt(s["relation_recall"]),
                    fmt(s["relation_f1"]), fmt(s["direction_accuracy"])]
        else:
            row += ["-"] * 4  # No gold relations: nothing to measure.
        rows.append(row)
    widths = [max(len(r[i]) for r in [cols] + rows) for i in range(len(cols))]
    for r in [cols] + rows:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    print("(ent: entities, types: type accuracy of the entities found, rel: relations as "
          "unordered pairs, direction: accuracy on the directed pairs found)")


def read_floors(path):
    """Returns [(set, metric, floor, line number)]."""
    floors = []
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError as e:
        raise Error(f"{path}: {e.strerror}")
    for n, line in enumerate(lines, 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        fields = line.split()
        if len(fields) != 3:
            raise Error(f"{path}:{n}: want 'set metric floor', got '{line}'")
        try:
            value = float(fields[2])
        except ValueError:
            raise Error(f"{path}:{n}: floor '{fields[2]}' is not a number")
        floors.append((fields[0], fields[1], value, n))
    return floors


def check(scores, floors, path):
    """Returns the lines naming every figure below its floor."""
    below = []
    for name, metric, floor, n in floors:
        if name not in scores:
            raise Error(f"{path}:{n}: unknown set '{name}' (sets: {', '.join(scores)})")
        if metric not in scores[name]:
            raise Error(f"{path}:{n}: unknown metric '{metric}' (metrics: {', '.join(scores[name])})")
        value = scores[name][metric]
        if value < floor:
            below.append(f"BELOW FLOOR: {name} {metric} = {value:.4f} < {floor:.3f} ({path}:{n})")
    return below


def run(a):
    floors_path = a.floors or os.path.join(a.root, "tests", "eval_floors.tsv")
    if a.scores:
        try:
            with open(a.scores, encoding="utf-8") as f:
                scores = json.load(f)
        except (OSError, ValueError) as e:
            raise Error(f"{a.scores}: {e}")
    else:
        shared = os.path.normpath(os.path.join(a.root, "..", "shared"))
        if not os.path.isfile(os.path.join(shared, "eval", "score.py")):
            print(f"skipped: ../shared/eval not found ({shared}/eval/score.py absent)")
            return SKIP
        if not os.path.isdir(os.path.join(shared, "seeds")):
            print(f"skipped: ../shared/seeds not found ({shared}/seeds absent)")
            return SKIP
        os.makedirs(a.work, exist_ok=True)
        scores = measure(a.kg, shared, a.work)
    print_table(scores)
    return report(scores, floors_path)


def report(scores, floors_path):
    """Prints every figure below its floor; returns the exit code (0 or 1)."""
    floors = read_floors(floors_path)
    below = check(scores, floors, floors_path)
    for line in below:
        print(line)
    if below:
        print(f"{len(below)} of {len(floors)} figures below their floors")
        return 1
    print(f"all {len(floors)} floors met ({floors_path})")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("kg", help="the kg binary")
    ap.add_argument("root", help="the repository (../shared is found beside it)")
    ap.add_argument("work", help="a scratch directory for the graphs")
    ap.add_argument("--floors", help="floors file (default ROOT/tests/eval_floors.tsv)")
    ap.add_argument("--scores", help="JSON {set: {metric: value}} to check instead of building")
    a = ap.parse_args()
    try:
        return run(a)
    except Error as e:
        print(f"eval_test: error: {e}")
        return 2


if __name__ == "__main__":
    sys.exit(main())

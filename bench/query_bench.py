#!/usr/bin/env python3
"""Times every `kg query` command, load included, on a built graph.

    bench/query_bench.py GRAPH_DIR [--kg build/cli/kg] [--runs 3] [--budget 1.0]

Build the graph of the whole corpus first, e.g.
    build/cli/kg build ../shared/corpus/orangesum-fr.jsonl.gz -o /tmp/corpus-graph
The entity names used are the graph's own best-connected ones, so any graph works.
Prints the median wall time per command and whether it is under the budget.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("graph")
    ap.add_argument("--kg", default=os.path.join(os.path.dirname(__file__), "..", "build", "cli", "kg"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--budget", type=float, default=1.0)
    a = ap.parse_args()
    top = json.loads(subprocess.check_output([a.kg, "query", a.graph, "--format", "json", "top", "--limit", "3"]))
    names = [row["entity"] for row in top["top"]]
    size = os.path.getsize(os.path.join(a.graph, "graph.json") if os.path.isdir(a.graph) else a.graph)
    print(f"graph: {a.graph} ({size / 1e6:.0f} MB of JSON); entities used: {', '.join(names)}")
    commands = [
        ["stats"],
        ["entities", "--sort", "mentions"],
        ["entities", "--sort", "pagerank", "--limit", "10"],
        ["show", names[0]],
        ["neighbors", names[0]],
        ["neighbors", names[1], "--depth", "2", "--kind", "relation"],
        ["relations", names[0], names[1]],
        ["path", names[1], names[2]],
        ["top", "--by", "degree"],
        ["top", "--by", "pagerank"],
        ["top", "--by", "betweenness"],
        ["components"],
        ["subgraph", names[0], "--depth", "1", "-o", "/tmp/kg-query-bench-sub.graphml"],
    ]
    worst = 0.0
    for cmd in commands:
        times = []
        for _ in range(a.runs):
            t0 = time.perf_counter()
            r = subprocess.run([a.kg, "query", a.graph] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            times.append(time.perf_counter() - t0)
            if r.returncode not in (0, 1):
                sys.exit(f"kg query {' '.join(cmd)} failed: {r.stderr.decode()}")
        m = statistics.median(times)
        worst = max(worst, m)
        print(f"  {m:6.2f} s  {'ok  ' if m <= a.budget else 'SLOW'}  kg query GRAPH {' '.join(cmd)}")
    print(f"slowest: {worst:.2f} s (budget {a.budget:.1f} s)")
    return 0 if worst <= a.budget else 1


if __name__ == "__main__":
    sys.exit(main())

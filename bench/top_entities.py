#!/usr/bin/env python3
"""The entities of highest degree in a kg graph, for review (junk, wrong merges, duplicates).

Usage: bench/top_entities.py GRAPH [--limit N] [--kind relation|cooccurrence|all]

GRAPH is a graph.json or the directory holding it. Prints one line per entity:
rank, degree (distinct neighbours), type, label, document count, and up to five
aliases, most connected first (ties by label).
"""
import argparse
import json
import os
import sys
from collections import defaultdict


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("graph")
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--kind", choices=["relation", "cooccurrence", "all"], default="all")
    args = ap.parse_args()
    path = os.path.join(args.graph, "graph.json") if os.path.isdir(args.graph) else args.graph
    try:
        with open(path, encoding="utf-8") as f:
            g = json.load(f)
    except (OSError, ValueError) as e:
        print(f"top_entities.py: {path}: {e}", file=sys.stderr)
        return 2
    neighbours = defaultdict(set)
    for link in g.get("links", []):
        if args.kind != "all" and link.get("kind") != args.kind:
            continue
        if link["source"] != link["target"]:
            neighbours[link["source"]].add(link["target"])
            neighbours[link["target"]].add(link["source"])
    nodes = sorted(g.get("nodes", []), key=lambda n: (-len(neighbours[n["id"]]), n.get("label", "")))
    print(f"{'rank':>4} {'degree':>6} {'type':<8} {'docs':>5}  label  [aliases]")
    for rank, n in enumerate(nodes[: args.limit], 1):
        aliases = [a for a in n.get("aliases", []) if a != n.get("label")][:5]
        more = f" (+{len(n.get('aliases', [])) - len(aliases)})" if len(n.get("aliases", [])) > len(aliases) else ""
        print(f"{rank:>4} {len(neighbours[n['id']]):>6} {n.get('type', ''):<8} {len(n.get('documents', [])):>5}  "
              f"{n.get('label', n['id'])}  [{' | '.join(aliases)}{more}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())

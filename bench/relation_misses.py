#!/usr/bin/env python3
"""Sorts a graph's gold relations by why kg found them or not.

    bench/relation_misses.py GRAPH.json GOLD.json [--show KIND,...]

For every gold relation of every gold document, the graph's nodes that match
each end (by name or alias, as ../shared/eval/score.py matches them) and the
graph's edges between them whose evidence comes from that document give one
of four kinds:
  relation         a relation edge joins the two ends (found, whatever label)
  co-mentioned     only a co-occurrence edge: both ends named in one sentence,
                   no relation read there (the tree readers' gap)
  apart            both ends found, never in one sentence of the document
                   (coreference or reasoning across sentences needed)
  entity-missing   an end kg did not find
Prints the count per kind, then with --show the relations of the kinds asked
for: document, ends, gold label and the start of the gold evidence.
"""
import argparse
import collections
import importlib.util
import json
import os
import sys

KINDS = ("relation", "co-mentioned", "apart", "entity-missing")


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def edges_by_pair(graph):
    """(node, node, document) -> set of edge kinds, both orders."""
    pairs = collections.defaultdict(set)
    for link in graph.get("links") or graph.get("edges") or []:
        for ev in link.get("evidence", []):
            for a, b in ((link["source"], link["target"]), (link["target"], link["source"])):
                pairs[(a, b, ev["document"])].add(link["kind"])
    return pairs


def kind_of(relation, doc, names, pairs, scorer):
    entities = {e["name"]: e for e in doc["entities"]}
    ends = []
    for name in (relation["a"], relation["b"]):
        nodes = set()
        for form in scorer.names_of(entities.get(name, {"name": name})):
            nodes |= names.get(form, set())
        ends.append(nodes)
    if not ends[0] or not ends[1]:
        return "entity-missing"
    file = doc["file"]
    doc_id = file.rsplit(".", 1)[0] if file.endswith(".txt") else file  # as score.py names documents
    kinds = set()
    for a in ends[0]:
        for b in ends[1]:
            kinds |= pairs.get((a, b, doc_id), set())
    if "relation" in kinds:
        return "relation"
    return "co-mentioned" if kinds else "apart"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graph")
    ap.add_argument("gold")
    ap.add_argument("--show", default="", help="comma-separated kinds to list")
    ap.add_argument("--scorer", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "score.py"))
    args = ap.parse_args()
    try:
        scorer = load_scorer(args.scorer)
        with open(args.graph, encoding="utf-8") as f:
            graph = json.load(f)
        with open(args.gold, encoding="utf-8") as f:
            gold = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(f"relation_misses.py: {e}")
    names = collections.defaultdict(set)
    for node in graph["nodes"]:
        for form in scorer.node_names(node):
            names[form].add(node["id"])
    pairs = edges_by_pair(graph)
    counts = collections.Counter()
    listed = collections.defaultdict(list)
    for doc in gold["documents"]:
        for r in doc.get("relations", []):
            kind = kind_of(r, doc, names, pairs, scorer)
            counts[kind] += 1
            listed[kind].append(f"{doc['file']}\t{r['a']} -- {r['b']}\t{r['label']}\t{r.get('evidence', '')[:160]}")
    total = sum(counts.values())
    for kind in KINDS:
        print(f"{kind:15} {counts[kind]:5}  {100.0 * counts[kind] / max(total, 1):5.1f}%")
    for kind in filter(None, args.show.split(",")):
        if kind not in KINDS:
            sys.exit(f"relation_misses.py: --show: unknown kind {kind!r} (one of {', '.join(KINDS)})")
        for line in listed[kind]:
            print(f"{kind}\t{line}")


if __name__ == "__main__":
    main()

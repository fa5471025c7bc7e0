"""Loads kg's outputs in the tools their users have and checks them against
graph.json: GEXF in NetworkX (counts, time intervals), the Neo4j CSV files
(headers, counts), the Cytoscape file, and the README's NetworkX lines.

    python3 formats_check.py OUT_DIR README.md
"""
import csv
import json
import re
import sys

import networkx as nx


def readme_snippet(readme):
    """The README's Python block that loads the outputs."""
    text = open(readme, encoding="utf-8").read()
    m = re.search(r"```python\n(.*?)```", text, re.S)
    assert m, "README has no ```python block"
    return m.group(1)


def check_readme(out, readme):
    code = readme_snippet(readme).replace('"out/', '"' + out + "/")
    scope = {}
    exec(compile(code, "README.md", "exec"), scope)
    g = scope["G"]
    data = json.load(open(out + "/graph.json", encoding="utf-8"))
    assert g.number_of_nodes() == len(data["nodes"]), "README: node count"
    assert g.number_of_edges() == len(data["links"]), "README: edge count"


def check_gexf(out, data):
    from networkx.readwrite import gexf

    if "1.3" not in gexf.GEXF.versions:  # NetworkX 2.8 knows GEXF up to 1.2draft
        print("note: NetworkX %s does not know GEXF 1.3; its namespace added for this check" % nx.__version__)
        v = dict(gexf.GEXF.versions["1.2draft"])
        v.update(NS_GEXF="http://gexf.net/1.3", NS_VIZ="http://gexf.net/1.3/viz", VERSION="1.3")
        gexf.GEXF.versions["1.3"] = v
    g = nx.read_gexf(out + "/graph.gexf")
    relations = sum(1 for l in data["links"] if l["kind"] == "relation")
    cooc = len(data["links"]) - relations
    assert g.number_of_nodes() == len(data["nodes"]), "gexf nodes"
    # Co-occurrences are mutual: NetworkX adds them both ways.
    assert g.number_of_edges() == relations + 2 * cooc, (g.number_of_edges(), relations, cooc)
    assert g.graph["mode"] == "dynamic"
    for n in data["nodes"]:
        a = g.nodes[n["id"]]
        assert a["label"] == n["label"] and a["type"] == n["type"] and a["mentions"] == n["mentions"], n["id"]
        if "first_seen" in n:
            assert (a["start"], a["end"]) == (n["first_seen"], n["last_seen"]), n["id"]
    timed = 0
    for s, t, d in g.edges(data=True):
        if "start" in d:
            timed += 1
            assert d["start"] <= d["end"] and d["first_seen"] == d["start"]
    assert timed == g.number_of_edges(), "every edge of a dated corpus has an interval"


def check_neo4j(out, data):
    with open(out + "/nodes.csv", encoding="utf-8", newline="") as f:
        nodes = list(csv.reader(f))
    assert nodes[0] == ["id:ID", "name", "type", "aliases", "mentions:long", "documents:int",
                        "first_seen:date", "last_seen:date", ":LABEL"], nodes[0]
    assert len(nodes) - 1 == len(data["nodes"])
    ids = {r[0] for r in nodes[1:]}
    assert len(ids) == len(nodes) - 1, "unique :ID"
    with open(out + "/relationships.csv", encoding="utf-8", newline="") as f:
        rels = list(csv.reader(f))
    assert rels[0][:3] == [":START_ID", ":END_ID", ":TYPE"], rels[0]
    assert len(rels) - 1 == len(data["links"])
    assert all(r[0] in ids and r[1] in ids for r in rels[1:]), "relationships name known nodes"
    assert all(len(r) == len(rels[0]) for r in rels), "one record a line"
    script = open(out + "/load.cypher", encoding="utf-8").read()
    assert "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv'" in script


def check_cyjs(out, data):
    c = json.load(open(out + "/graph.cyjs", encoding="utf-8"))
    assert len(c["elements"]["nodes"]) == len(data["nodes"])
    assert len(c["elements"]["edges"]) == len(data["links"])


def main():
    out, readme = sys.argv[1], sys.argv[2]
    data = json.load(open(out + "/graph.json", encoding="utf-8"))
    check_readme(out, readme)
    check_gexf(out, data)
    check_neo4j(out, data)
    check_cyjs(out, data)
    print("formats ok with NetworkX", nx.__version__)


main()

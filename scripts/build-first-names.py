#!/usr/bin/env python3
"""Derives a list of given names from the person names annotated in open
data sets of ../shared/data, into data/gaz_first_names.txt (see
data/SOURCES.md, section "Gazetteers").

    scripts/build-first-names.py [--data ../shared/data] [--out data]

A word is kept when it opens at least MIN_NAMES distinct person names of two
words or more, is capitalised letters (a hyphen or an apostrophe inside),
and is no title (data/titles.txt and a list here), no name particle and no
country or region of our own list (data/locations.tsv: "Georgia"; a town of
the open-data gazetteer may be a given name too: "Lawrence"). Sources:
  coref/en-gap-*.tsv            GAP, the names A and B (Apache 2.0)
  relations/en-redocred-*.json  Re-DocRED, PER mentions (MIT)
  ner/en-wikigold.conll         WikiGold, PER spans (CC BY 4.0)
  ner/en-wnut17-*.conll         WNUT 2017, person spans (CC BY 4.0)
The output is sorted and deterministic.
"""

import argparse
import csv
import glob
import json
import os
import re
import sys

MIN_NAMES = 3
WORD = re.compile(r"^[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF]+(?:[-'][A-Z\u00C0-\u00DE]?[a-z\u00DF-\u00FF]+)?$")
PARTICLES = {"De", "Da", "Del", "Della", "Di", "Du", "Van", "Von", "Der", "Den", "La", "Le", "Les", "El", "Al",
             "Bin", "Ibn", "Abu", "Mac", "Mc", "Saint", "San", "Santa", "St", "The", "Mr", "Mrs", "Ms", "Dr"}
# Words that open names without being given names: titles, kinship, epithets.
NOT_GIVEN = {"Admiral", "Archbishop", "Archduke", "Aunt", "Baron", "Big", "Bishop", "Black", "Brother", "Captain",
             "Cardinal", "Chief", "Colonel", "Consort", "Count", "Countess", "Dame", "Doc", "Duke", "Earl", "Emperor",
             "Father", "General", "Governor", "Grand", "Great", "Iron", "Judge", "King", "Lady", "Little", "Lord",
             "Major", "Marquis", "Miss", "Mother", "Old", "Pope", "President", "Prince", "Princess", "Professor",
             "Queen", "Red", "Rev", "Reverend", "Senator", "Sheikh", "Sir", "Sister", "Uncle", "Viscount", "Young"}


def gap_names(data):
    for path in sorted(glob.glob(os.path.join(data, "coref", "en-gap-*.tsv"))):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                for col in ("A", "B"):
                    if row.get(col):
                        yield row[col]


def redocred_names(data):
    for path in sorted(glob.glob(os.path.join(data, "relations", "en-redocred-*.json"))):
        with open(path, encoding="utf-8") as f:
            for doc in json.load(f):
                for entity in doc.get("vertexSet", []):
                    for m in entity:
                        if m.get("type") == "PER":
                            yield m.get("name", "")


def conll_names(path, person_tags):
    """Person spans of a two-column CoNLL file (token, IOB tag)."""
    span = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.split()
            tag = cols[-1] if len(cols) >= 2 else "O"
            kind = tag[2:] if tag[:2] in ("B-", "I-") else ""
            if kind in person_tags and not (tag.startswith("B-") and span):
                span.append(cols[0])
                continue
            if span:
                yield " ".join(span)
            span = [cols[0]] if kind in person_tags else []
    if span:
        yield " ".join(span)


def all_names(data):
    yield from gap_names(data)
    yield from redocred_names(data)
    wikigold = os.path.join(data, "ner", "en-wikigold.conll")
    if os.path.exists(wikigold):
        yield from conll_names(wikigold, {"PER"})
    for path in sorted(glob.glob(os.path.join(data, "ner", "en-wnut17-*.conll"))):
        yield from conll_names(path, {"person"})


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(repo, "..", "shared", "data"))
    ap.add_argument("--out", default=os.path.join(repo, "data"))
    args = ap.parse_args()
    titles = set()
    with open(os.path.join(repo, "data", "titles.txt"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                titles.add(line.strip().lower())
    places = set()
    for name in ("locations.tsv",):
        with open(os.path.join(repo, "data", name), encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#"):
                    cols = line.rstrip("\n").split("\t")
                    places.add(cols[0])
                    if len(cols) > 1:
                        places.update(a for a in cols[1].split("|") if a)
    opened = {}  # first word -> the distinct names it opens
    for name in all_names(args.data):
        words = name.split()
        if len(words) < 2 or not WORD.match(words[0]) or words[0] in PARTICLES | NOT_GIVEN or words[0] in places:
            continue
        if words[0].lower() in titles or not words[-1][:1].isupper():
            continue
        opened.setdefault(words[0], set()).add(" ".join(words))
    kept = sorted(w for w, names in opened.items() if len(names) >= MIN_NAMES)
    with open(os.path.join(args.out, "gaz_first_names.txt"), "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/build-first-names.py from ../shared/data; do not edit.\n"
                "# Given names: words that open several annotated person names (see data/SOURCES.md).\n")
        for w in kept:
            f.write(w + "\n")
    print(f"{len(kept)} given names", file=sys.stderr)


if __name__ == "__main__":
    main()

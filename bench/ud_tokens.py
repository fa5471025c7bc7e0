#!/usr/bin/env python3
"""How kg parse tokenizes raw text, against a treebank's tokens.

    bench/ud_tokens.py KG TREEBANK.conllu --lang fr [--show N]

Each sentence's "# text" is given to `kg parse` as a document of its own; the
surface tokens kg writes (a multi-word token's form, else the word's) and its
words are compared with the treebank's by their character spans within the
sentence (spaces removed), after the CoNLL 2018 Tokens and Words figures (a
word of a multi-word token whose words do not spell it, "du" = "de" "le",
is matched by its token's span, its rank and its form).
Prints the share of sentences whose words are the treebank's, how many kg
split into several sentences, the two F1s, and the first N sentences that
differ (the words only one side has).

Exit codes: 0 measured, 2 error (unreadable file, kg failed).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


class Segmented:
    """A sentence's surface tokens (a multi-word token's form, else the word's)
    and words; each word's place is its token's index and its rank in it."""
    def __init__(self):
        self.tokens, self.words, self.places, self.covered, self.rank = [], [], [], 0, 0

    def add(self, cols):
        if "-" in cols[0]:
            self.tokens.append(cols[1])
            self.covered, self.rank = int(cols[0].split("-")[1]), 0
        elif "." not in cols[0]:
            self.words.append(cols[1])
            if int(cols[0]) > self.covered:
                self.tokens.append(cols[1])
                self.places.append((len(self.tokens) - 1, 0))
            else:
                self.rank += 1
                self.places.append((len(self.tokens) - 1, self.rank))


def read_treebank(path):
    """(text, Segmented) per sentence."""
    sentences, text, seg = [], None, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# text = "):
                text, seg = line[len("# text = "):], Segmented()
            elif line and not line.startswith("#") and text is not None:
                seg.add(line.split("\t"))
            elif not line and text is not None:
                sentences.append((text, seg))
                text = None
    if text is not None:
        sentences.append((text, seg))
    return sentences


def read_kg(path):
    """Segmented (all its sentences together) and sentence count per document id."""
    segs, pieces = {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# sent_id = "):
                doc = line[len("# sent_id = "):].rsplit("-", 1)[0]
                pieces[doc] = pieces.get(doc, 0) + 1
                segs.setdefault(doc, Segmented()).covered = 0
            elif line and not line.startswith("#"):
                segs[doc].add(line.split("\t"))
    return segs, pieces


def token_spans(tokens):
    """Each token's (start, end) in the sentence's characters, spaces removed."""
    out, at = [], 0
    for t in tokens:
        n = len(t.replace(" ", ""))
        out.append((at, at + n))
        at += n
    return out


def spans(seg, unit):
    tokens = token_spans(seg.tokens)
    if unit == "tokens":
        return set(tokens)
    # A word: its own span when its token's words spell the token ("Google's":
    # "Google" "'s"), else its token's span, its rank in it and its form
    # ("du": "de" "le").
    by_token = {}
    for (t, rank), word in zip(seg.places, seg.words):
        by_token.setdefault(t, []).append(word)
    out = set()
    for t, words in by_token.items():
        start, end = tokens[t]
        if "".join(words).replace(" ", "") == seg.tokens[t].replace(" ", ""):
            for w in words:
                n = len(w.replace(" ", ""))
                out.add(((start, start + n), 0, ""))
                start += n
        else:
            out.update(((start, end), rank, w) for rank, w in enumerate(words))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kg")
    ap.add_argument("treebank")
    ap.add_argument("--lang", required=True, choices=["fr", "en"])
    ap.add_argument("--show", type=int, default=0)
    a = ap.parse_args()
    try:
        gold = read_treebank(a.treebank)
    except (OSError, UnicodeDecodeError, ValueError) as e:
        print(f"ud_tokens.py: {a.treebank}: {e}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        source, parsed = os.path.join(tmp, "in.jsonl"), os.path.join(tmp, "out.conllu")
        with open(source, "w", encoding="utf-8") as f:
            for k, (text, _) in enumerate(gold):
                f.write(json.dumps({"id": f"s{k}", "text": text}, ensure_ascii=False) + "\n")
        run = subprocess.run([a.kg, "parse", "--lang", a.lang, source, "-o", parsed], capture_output=True, text=True)
        if run.returncode != 0:
            print(f"ud_tokens.py: kg parse failed: {run.stderr.strip()}", file=sys.stderr)
            return 2
        ours, pieces = read_kg(parsed)
    exact, counts, shown = 0, {"tokens": [0, 0, 0], "words": [0, 0, 0]}, 0
    for k, (_, seg) in enumerate(gold):
        mine = ours.get(f"s{k}", Segmented())
        exact += mine.words == seg.words
        for unit in counts:
            g, o = spans(seg, unit), spans(mine, unit)
            c = counts[unit]
            c[0], c[1], c[2] = c[0] + len(g & o), c[1] + len(g), c[2] + len(o)
        if mine.words != seg.words and shown < a.show:
            shown += 1
            print("  treebank only:", [w for w in seg.words if w not in mine.words][:6],
                  " kg only:", [w for w in mine.words if w not in seg.words][:6])
    several = sum(1 for k in range(len(gold)) if pieces.get(f"s{k}", 0) > 1)
    f1 = {unit: 200 * c[0] / (c[1] + c[2]) for unit, c in counts.items()}
    print(f"{len(gold)} sentences: {exact} with the treebank's words ({100 * exact / len(gold):.1f}%), "
          f"{several} split into several; F1 tokens {f1['tokens']:.2f}, words {f1['words']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""How kg parse tokenizes raw text, against a treebank's tokens.

    bench/ud_tokens.py KG TREEBANK.conllu --lang fr [--show N]

Each sentence's "# text" is given to `kg parse` as a document of its own; the
surface tokens kg writes (a multi-word token's form, else the word's) are
compared with the treebank's by their character spans within the sentence
(spaces removed). Prints the share of sentences tokenized exactly as the
treebank, how many kg split into several sentences, the token F1, and the
first N sentences that differ (the tokens only one side has).

Exit codes: 0 measured, 2 error (unreadable file, kg failed).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def read_treebank(path):
    """(text, surface tokens) per sentence."""
    sentences, text, tokens, covered = [], None, [], 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# text = "):
                text, tokens, covered = line[len("# text = "):], [], 0
            elif line and not line.startswith("#") and text is not None:
                cols = line.split("\t")
                if "-" in cols[0]:
                    tokens.append(cols[1])
                    covered = int(cols[0].split("-")[1])
                elif "." not in cols[0] and int(cols[0]) > covered:
                    tokens.append(cols[1])
            elif not line and text is not None:
                sentences.append((text, tokens))
                text = None
    if text is not None:
        sentences.append((text, tokens))
    return sentences


def read_kg(path):
    """Surface tokens and sentence count per document id."""
    tokens, pieces, covered = {}, {}, 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# sent_id = "):
                doc = line[len("# sent_id = "):].rsplit("-", 1)[0]
                pieces[doc] = pieces.get(doc, 0) + 1
                tokens.setdefault(doc, [])
                covered = 0
            elif line and not line.startswith("#"):
                cols = line.split("\t")
                if "-" in cols[0]:
                    tokens[doc].append(cols[1])
                    covered = int(cols[0].split("-")[1])
                elif "." not in cols[0] and int(cols[0]) > covered:
                    tokens[doc].append(cols[1])
    return tokens, pieces


def spans(tokens):
    out, at = set(), 0
    for t in tokens:
        n = len(t.replace(" ", ""))
        out.add((at, at + n))
        at += n
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
    exact = right = gold_n = ours_n = 0
    shown = 0
    for k, (_, tokens) in enumerate(gold):
        mine = ours.get(f"s{k}", [])
        exact += mine == tokens
        g, o = spans(tokens), spans(mine)
        right, gold_n, ours_n = right + len(g & o), gold_n + len(g), ours_n + len(o)
        if mine != tokens and shown < a.show:
            shown += 1
            print("  treebank only:", [t for t in tokens if t not in mine][:6], " kg only:", [t for t in mine if t not in tokens][:6])
    several = sum(1 for k in range(len(gold)) if pieces.get(f"s{k}", 0) > 1)
    print(f"{len(gold)} sentences: {exact} tokenized as the treebank ({100 * exact / len(gold):.1f}%), "
          f"{several} split into several; token F1 {200 * right / (gold_n + ours_n):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Writes the English running text of ../shared/data as documents kg reads
(JSON lines {"id", "text"}): the text the English word clusters are learned
from (tools/kg-clusters --lang en), since ../shared/corpus has no English.

    scripts/english-text.py ../shared/data > en-text.jsonl

Sources, in this order: GAP's Wikipedia paragraphs (coref/en-gap-*.tsv,
Apache 2.0), Re-DocRED's Wikipedia abstracts (relations/en-redocred-*.json,
MIT), the sentences of WNUT-17 (ner/en-wnut17-*.conll, social media, CC BY
4.0) and WikiGold (ner/en-wikigold.conll, CC BY 4.0), and the `# text` of
EWT train and dev (treebanks/, web text, CC BY-SA 4.0: the sentences the
English model learns from). CoNLL-2003 is left out (research use only).
Tokens of token files are joined by spaces, a sentence per line. Output is
deterministic; a missing or malformed file is one line naming it, exit 2.
"""
import csv
import json
import os
import sys

csv.field_size_limit(1 << 24)


def gap(path):
    with open(path, encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            yield row["ID"], row["Text"]


def redocred(path):
    with open(path, encoding="utf-8") as stream:
        for number, doc in enumerate(json.load(stream)):
            yield str(number), "\n".join(" ".join(s) for s in doc["sents"])


def token_lines(path):
    """A token file's sentences (the token before the tag, columns split by a
    tab or a space), as one document per -DOCSTART- (the whole file if none)."""
    doc, sentence, number = [], [], 0
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            cells = line.rstrip("\n").split("\t" if "\t" in line else " ")
            token = cells[-2] if len(cells) >= 2 else ""
            if token == "-DOCSTART-" or not line.strip():
                if sentence:
                    doc.append(" ".join(sentence))
                    sentence = []
                if token == "-DOCSTART-" and doc:
                    yield str(number), "\n".join(doc)
                    doc, number = [], number + 1
                continue
            if not token:
                raise ValueError(f"line without a token and a tag: {line.strip()!r}")
            sentence.append(token)
    if sentence:
        doc.append(" ".join(sentence))
    if doc:
        yield str(number), "\n".join(doc)


def conllu_text(path):
    """The `# text` lines of a CoNLL-U file, a document per 100 sentences."""
    lines, number = [], 0
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            if line.startswith("# text = "):
                lines.append(line[len("# text = "):].rstrip("\n"))
                if len(lines) == 100:
                    yield str(number), "\n".join(lines)
                    lines, number = [], number + 1
    if lines:
        yield str(number), "\n".join(lines)


SOURCES = [
    ("coref/en-gap-development.tsv", gap), ("coref/en-gap-validation.tsv", gap),
    ("coref/en-gap-test.tsv", gap),
    ("relations/en-redocred-dev.json", redocred), ("relations/en-redocred-test.json", redocred),
    ("ner/en-wnut17-train.conll", token_lines), ("ner/en-wnut17-dev.conll", token_lines),
    ("ner/en-wikigold.conll", token_lines),
    ("treebanks/en-ewt-train.conllu", conllu_text), ("treebanks/en-ewt-dev.conllu", conllu_text),
]


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: english-text.py DATA_DIR")
    out = []
    for name, read in SOURCES:
        path = os.path.join(sys.argv[1], name)
        try:
            for ident, text in read(path):
                out.append(json.dumps({"id": f"{os.path.basename(name)}-{ident}", "text": text},
                                      ensure_ascii=False))
        except (OSError, KeyError, ValueError, TypeError, UnicodeDecodeError) as error:
            print(f"english-text.py: {path}: {error}", file=sys.stderr)
            sys.exit(2)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()

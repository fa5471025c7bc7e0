#!/usr/bin/env python3
"""Turns the named-entity sets of ../shared/data/ner into the documents the
entity typer is trained on (kg-train --types): JSON lines
{"id", "text", "spans": [[start, end, TYPE], ...]}, byte offsets into the
UTF-8 text, types mapped onto kg's (PERSON, ORG, LOCATION, PRODUCT, OTHER).

    scripts/ner-to-jsonl.py en ../shared/data/ner/en-conll2003-train.tsv > en-ner.jsonl
    scripts/ner-to-jsonl.py fr ../shared/data/ner/fr-popcorn-train.json > fr-ner.jsonl

Formats: CoNLL (`[index] token tag`, IOB1 or IOB2 tags, one document per
-DOCSTART-: CoNLL-2003, WikiGold; a sentence per line of the text, tokens joined by spaces, as in
../shared/eval/dev-en) and POPCORN (texts with typed entities and character
offsets of their mentions; only mentions written with a capital are names).
Output is deterministic (documents in input order).
"""
import json
import sys

CONLL_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOCATION", "MISC": "OTHER"}
POPCORN_TYPES = {
    "CIVILIAN": "PERSON", "TERRORIST_OR_CRIMINAL": "PERSON", "MILITARY": "PERSON",
    "PLACE": "LOCATION",
    "NON_GOVERNMENTAL_ORGANISATION": "ORG", "NON_MILITARY_GOVERNMENT_ORGANISATION": "ORG",
    "MILITARY_ORGANISATION": "ORG", "INTERGOVERNMENTAL_ORGANISATION": "ORG",
    "MATERIEL": "PRODUCT", "MATERIAL_REFERENCE": "PRODUCT",
    "GATHERING": "OTHER", "EPIDEMIC": "OTHER",
}


def conll_documents(path):
    doc, sentence = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.split()
            if len(cols) < 2:
                if sentence:
                    doc.append(sentence)
                sentence = []
                continue
            token, tag = cols[-2], cols[-1]
            if token == "-DOCSTART-":
                if sentence:
                    doc.append(sentence)
                if doc:
                    yield doc
                doc, sentence = [], []
                continue
            sentence.append((token, tag))
    if sentence:
        doc.append(sentence)
    if doc:
        yield doc


def conll_record(index, doc):
    text = bytearray()
    spans = []
    for sentence in doc:
        open_span = None
        for k, (token, tag) in enumerate(sentence):
            if k:
                text += b" "
            start = len(text)
            text += token.encode("utf-8")
            kind = CONLL_TYPES.get(tag[2:]) if tag[:2] in ("B-", "I-") else None
            if open_span and (kind is None or tag.startswith("B-") or kind != open_span[2]):
                spans.append(open_span)
                open_span = None
            if kind and open_span:
                open_span[1] = len(text)
            elif kind:
                open_span = [start, len(text), kind]
        if open_span:
            spans.append(open_span)
        text += b"\n"
    return {"id": "conll-%04d" % index, "text": text.decode("utf-8"), "spans": spans}


def popcorn_records(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    for key in sorted(data, key=lambda k: (len(k), k)):
        doc = data[key]
        text = doc["text"]
        spans = []
        for entity in doc.get("entities", []):
            kind = POPCORN_TYPES.get(entity.get("type"))
            if not kind:
                continue
            for m in entity.get("mentions", []):
                value = text[m["start"]:m["end"]]
                if not value[:1].isupper():
                    continue
                start = len(text[:m["start"]].encode("utf-8"))
                spans.append([start, start + len(value.encode("utf-8")), kind])
        yield {"id": "popcorn-" + key, "text": text, "spans": sorted(spans)}


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("en", "fr"):
        sys.exit(__doc__)
    out = sys.stdout
    for path in sys.argv[2:]:
        if path.endswith(".json"):
            records = popcorn_records(path)
        else:
            records = (conll_record(i, d) for i, d in enumerate(conll_documents(path)))
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()

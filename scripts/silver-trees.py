#!/usr/bin/env python3
"""Picks silver training trees: the sentences that two parses or more of the
same raw text agree on entirely (the words the models split it into, every
word's UPOS, head and relation), for kg-train to learn from besides the
treebanks (self-training on text the treebanks do not cover: news).

    scripts/silver-trees.py A.conllu B.conllu [C.conllu...] --words 100000 -o silver.conllu

A, B... are `kg parse` outputs of the same input by different models.
Only sentences of 6 to 40 words ending with punctuation are kept (no
headlines, no fragments); from those that agree, every k-th is taken, k
chosen so that about --words words are spread over the whole input.
The sentences are the first parse's lines, lemmas left out ("_": kg-train
learns no lemma from them): a lemma is the parser's own guess, not part of
the agreement, and kg lemmatizes an unseen word at run time with the rules
it would have learned it from (a lemma frozen in the training data stays
wrong after its rule is fixed: "vraie" learned as "vXIIe").
Output is deterministic: the same inputs give the same bytes.
"""
import argparse
import os
import sys

MIN_WORDS, MAX_WORDS = 6, 40


class InputError(Exception):
    pass


def sentences(path):
    """Yields each sentence of a CoNLL-U file as its list of lines."""
    try:
        with open(path, encoding="utf-8") as stream:
            block = []
            for number, line in enumerate(stream, 1):
                if line.strip():
                    if not line.startswith("#") and line.count("\t") != 9:
                        raise InputError(f"{path}:{number}: not a CoNLL-U line (10 columns)")
                    block.append(line)
                elif block:
                    yield block
                    block = []
            if block:
                yield block
    except OSError as error:
        raise InputError(f"{path}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 ({error.reason})") from error


def words(block):
    """The syntactic words of a sentence: (form, upos, head, relation)."""
    rows = (line.split("\t") for line in block if not line.startswith("#"))
    return [(r[1], r[3], r[6], r[7]) for r in rows if r[0].isdigit()]


def without_lemma(line):
    """A word or token line with "_" for its lemma; a comment as it is."""
    if line.startswith("#"):
        return line
    cells = line.split("\t")
    cells[2] = "_"
    return "\t".join(cells)


def text(block):
    """A sentence's `# text` (and `# sent_id`) comments: what both parses must share."""
    return [line for line in block if line.startswith(("# text", "# sent_id"))]


def agreeing(paths):
    """Yields (index in the first parse, word count) of each sentence all the
    parses agree on."""
    streams = [sentences(path) for path in paths]
    for index, block in enumerate(streams[0]):
        parse = words(block)
        agree = True
        for path, stream in zip(paths[1:], streams[1:]):
            other = next(stream, None)
            if other is None:
                raise InputError(f"{path}: fewer sentences than {paths[0]}")
            if text(other) != text(block):
                raise InputError(f"{path}: its sentences differ from {paths[0]}'s: not the same input")
            agree = agree and words(other) == parse
        if agree and MIN_WORDS <= len(parse) <= MAX_WORDS and parse[-1][1] == "PUNCT":
            yield index, len(parse)
    for path, stream in zip(paths[1:], streams[1:]):
        if next(stream, None) is not None:
            raise InputError(f"{path}: more sentences than {paths[0]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("parses", nargs="+", metavar="PARSE")
    parser.add_argument("--words", type=int, default=100000)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    if len(args.parses) < 2:
        parser.error("two parses or more of the same text")
    try:
        agree = list(agreeing(args.parses))
        total = sum(n for _, n in agree)
        step = max(1, total // max(1, args.words))
        chosen, kept_words = set(), 0
        for index, n in agree[::step]:
            if kept_words >= args.words:
                break
            chosen.add(index)
            kept_words += n
        with open(args.output + ".tmp", "w", encoding="utf-8") as out:
            for index, block in enumerate(sentences(args.parses[0])):
                if index in chosen:
                    out.write("".join(without_lemma(line) for line in block) + "\n")
    except InputError as error:
        print(f"silver-trees.py: {error}", file=sys.stderr)
        sys.exit(2)
    os.replace(args.output + ".tmp", args.output)
    print(f"silver-trees.py: {len(chosen)} sentences, {kept_words} words "
          f"(of {total} words the parses agree on)", file=sys.stderr)


if __name__ == "__main__":
    main()

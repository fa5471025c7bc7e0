#!/usr/bin/env python3
"""Scores a CoNLL-U system file against a gold one, on gold tokenization.

    bench/ud_eval.py GOLD.conllu SYSTEM.conllu [--json] [--feats Gender,Number,...]

Written for kg from the CoNLL 2018 shared task definitions
(https://universaldependencies.org/conll18/evaluation.html), restricted to the
case where the system kept the gold sentences and words (`kg parse
--pretokenized`): words are aligned by position in each sentence, after
dropping multi-word token lines (1-2) and empty nodes (1.1); the script fails,
naming the sentence and word, when sentence counts, word counts or forms differ.

Measures (accuracy = correct words / gold words, in percent):
  UPOS, XPOS   the tag is equal
  UFeats       the feature sets are equal; as in CoNLL 2018, only the universal
               features count (--feats all: every feature; --feats A,B: only A and B)
  AllTags      UPOS, XPOS and UFeats all equal
  Lemmas       the lemma is equal (a gold lemma "_" counts as correct, as in 2018)
  UAS          the head is equal
  LAS          the head and the universal part of the relation (before ':') are equal
  CLAS         LAS on content words: words whose relation is not aux, case, cc, clf,
               cop, det, mark or punct (nor a subtype), in gold and in system;
               precision = correct / system content words, recall = correct / gold
               content words, reported as F1

Exit codes: 0 scored, 2 error (unreadable or malformed file, files that do not align).
"""
import argparse
import json
import sys

ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS, MISC = range(10)

# The features the CoNLL 2018 evaluation keeps for UFeats.
UNIVERSAL_FEATURES = {
    "PronType", "NumType", "Poss", "Reflex", "Foreign", "Abbr", "Gender", "Animacy",
    "Number", "Case", "Definite", "Degree", "VerbForm", "Mood", "Tense", "Aspect",
    "Voice", "Evident", "Polarity", "Person", "Polite",
}
# Relations of function words; every other relation marks a content word (CLAS).
FUNCTIONAL_DEPRELS = {"aux", "case", "cc", "clf", "cop", "det", "mark", "punct"}
TAG_METRICS = ["UPOS", "XPOS", "UFeats", "AllTags", "Lemmas", "UAS", "LAS"]


class Error(Exception):
    pass


class Sentence:
    def __init__(self, line, sent_id):
        self.line = line        # line number of its first line
        self.sent_id = sent_id  # from "# sent_id = ...", or None
        self.words = []         # (columns, line number)


def read_conllu(path):
    """Returns the sentences of a CoNLL-U file, each with its words (no ranges, no empty nodes)."""
    try:
        with open(path, encoding="utf-8-sig") as f:
            lines = f.read().split("\n")
    except OSError as e:
        raise Error(f"{path}: {e.strerror}")
    except UnicodeDecodeError as e:
        raise Error(f"{path}: not UTF-8 ({e.reason} at byte {e.start})")
    sentences = []
    current = None
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\r")
        if not line.strip():
            if current is not None:
                sentences.append(current)
                current = None
            continue
        if current is None:
            current = Sentence(n, None)
        if line.startswith("#"):
            if line.startswith("# sent_id"):
                current.sent_id = line.split("=", 1)[-1].strip()
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise Error(f"{path}:{n}: want 10 tab-separated columns, got {len(cols)}")
        if "-" in cols[ID] or "." in cols[ID]:
            continue  # A multi-word token's range or an empty node.
        if cols[ID] != str(len(current.words) + 1):
            raise Error(f"{path}:{n}: word id '{cols[ID]}' where {len(current.words) + 1} was expected")
        current.words.append((cols, n))
    if current is not None:
        sentences.append(current)
    sentences = [s for s in sentences if s.words]  # Comment-only blocks.
    if not sentences:
        raise Error(f"{path}: no words")
    return sentences


def align(gold, system, gold_path, system_path):
    """Yields (gold columns, system columns) word by word; raises Error when the files differ."""
    if len(gold) != len(system):
        raise Error(f"{gold_path} has {len(gold)} sentences, {system_path} {len(system)}")
    for k, (g, s) in enumerate(zip(gold, system), 1):
        where = (f"sentence {k}" + (f" ({g.sent_id})" if g.sent_id else "") +
                 f", {gold_path}:{g.line} and {system_path}:{s.line}")
        if len(g.words) != len(s.words):
            raise Error(f"{where}: {len(g.words)} gold words, {len(s.words)} system words")
        for (gc, gl), (sc, sl) in zip(g.words, s.words):
            if gc[FORM] != sc[FORM]:
                raise Error(f"word {gc[ID]} of {where}: gold form '{gc[FORM]}' ({gold_path}:{gl}), "
                            f"system form '{sc[FORM]}' ({system_path}:{sl})")
            yield gc, sc


def feature_set(feats, keep):
    """The Name=Value pairs of a FEATS column whose name is kept (keep None: all)."""
    if feats == "_":
        return frozenset()
    pairs = (p for p in feats.split("|") if p)
    return frozenset(p for p in pairs if keep is None or p.split("=", 1)[0] in keep)


def universal(deprel):
    return deprel.split(":", 1)[0]


def percent(correct, total):
    return round(100.0 * correct / total, 2) if total else 0.0


def evaluate(gold, system, gold_path, system_path, keep):
    counts = {m: 0 for m in TAG_METRICS}
    words = 0
    clas_correct = clas_gold = clas_system = 0
    for g, s in align(gold, system, gold_path, system_path):
        words += 1
        upos = g[UPOS] == s[UPOS]
        xpos = g[XPOS] == s[XPOS]
        feats = feature_set(g[FEATS], keep) == feature_set(s[FEATS], keep)
        uas = g[HEAD] == s[HEAD]
        las = uas and universal(g[DEPREL]) == universal(s[DEPREL])
        counts["UPOS"] += upos
        counts["XPOS"] += xpos
        counts["UFeats"] += feats
        counts["AllTags"] += upos and xpos and feats
        counts["Lemmas"] += g[LEMMA] == "_" or g[LEMMA] == s[LEMMA]
        counts["UAS"] += uas
        counts["LAS"] += las
        gold_content = universal(g[DEPREL]) not in FUNCTIONAL_DEPRELS
        clas_gold += gold_content
        clas_system += universal(s[DEPREL]) not in FUNCTIONAL_DEPRELS
        clas_correct += gold_content and las
    metrics = {m: {"correct": c, "total": words, "accuracy": percent(c, words)}
               for m, c in counts.items()}
    p = clas_correct / clas_system if clas_system else 0.0
    r = clas_correct / clas_gold if clas_gold else 0.0
    metrics["CLAS"] = {
        "correct": clas_correct, "gold": clas_gold, "system": clas_system,
        "precision": round(100 * p, 2), "recall": round(100 * r, 2),
        "f1": round(100 * 2 * p * r / (p + r), 2) if p + r else 0.0,
    }
    return {"sentences": len(gold), "words": words, "metrics": metrics}


def print_table(result, features):
    m = result["metrics"]
    print(f"{result['sentences']} sentences, {result['words']} words; UFeats on {features}")
    print(f"{'Metric':<8} {'Correct':>8} {'Gold':>8}  Score")
    for name in TAG_METRICS:
        print(f"{name:<8} {m[name]['correct']:>8} {m[name]['total']:>8}  {m[name]['accuracy']:6.2f}")
    c = m["CLAS"]
    print(f"{'CLAS':<8} {c['correct']:>8} {c['gold']:>8}  {c['f1']:6.2f}  F1 (P {c['precision']:.2f} of "
          f"{c['system']} system content words, R {c['recall']:.2f})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.split("\n")[3:]))
    ap.add_argument("gold", help="gold CoNLL-U file")
    ap.add_argument("system", help="system CoNLL-U file with the same sentences and words")
    ap.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    ap.add_argument("--feats", metavar="LIST",
                    help="UFeats on these features only (comma-separated), or 'all' for every "
                         "feature (default: the universal features, as in CoNLL 2018)")
    a = ap.parse_args()
    if a.feats is None:
        keep, features = UNIVERSAL_FEATURES, "the universal features"
    elif a.feats == "all":
        keep, features = None, "all features"
    else:
        keep = {f.strip() for f in a.feats.split(",") if f.strip()}
        if not keep:
            ap.error("--feats: no feature named")
        features = ",".join(sorted(keep))
    try:
        result = evaluate(read_conllu(a.gold), read_conllu(a.system), a.gold, a.system, keep)
    except Error as e:
        print(f"ud_eval.py: error: {e}", file=sys.stderr)
        return 2
    if a.json:
        result = {"gold": a.gold, "system": a.system,
                  "features": sorted(keep) if keep is not None else "all", **result}
        print(json.dumps(result, indent=2))
    else:
        print_table(result, features)
    return 0


if __name__ == "__main__":
    sys.exit(main())

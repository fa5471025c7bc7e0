#!/usr/bin/env python3
"""Times `kg build` on a corpus against `wc -w` on the same text, in the same run.

    bench/corpus_bench.py CORPUS.jsonl[.gz] [--kg build/cli/kg] [--runs 3] [--threads N]

The corpus is unpacked once to a temporary file; every run then times
`wc -w` on that file and `kg build` on it, and the medians are reported with
words/s, MB/s, peak RSS (of kg, from the kernel's accounting) and the
kg / wc ratio — the figure that counts, since these machines are noisy.
It also builds the first half of the corpus (scaling) and checks that -j 1 and
-j N give byte-identical outputs on a slice.
"""
import argparse
import gzip
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def timed(cmd, **kw):
    """Runs cmd; returns (seconds, peak RSS in MB of this child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, **kw)
    _, status, usage = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed ({status}): {' '.join(cmd)}")
    return dt, usage.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--kg", default=os.path.join(os.path.dirname(__file__), "..", "build", "cli", "kg"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--keep", help="keep the last outputs in this directory")
    a = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="kg-bench-")
    try:
        text = os.path.join(tmp, "corpus.jsonl")
        opener = gzip.open if a.corpus.endswith(".gz") else open
        with opener(a.corpus, "rb") as src, open(text, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        size = os.path.getsize(text)
        words = int(subprocess.check_output(["wc", "-w", text]).split()[0])
        with open(text, "rb") as f:
            lines = f.readlines()
        half = os.path.join(tmp, "half.jsonl")
        with open(half, "wb") as f:
            f.writelines(lines[: len(lines) // 2])
        out = os.path.join(tmp, "out")
        print(f"corpus: {a.corpus}: {len(lines)} documents, {size / 1e6:.1f} MB, {words} words; "
              f"kg -j {a.threads}, {a.runs} runs")

        wc_t, kg_t, kg_rss, half_t = [], [], [], []
        for r in range(a.runs):
            t, _ = timed(["wc", "-w", text], stdout=subprocess.DEVNULL)
            wc_t.append(t)
            t, rss = timed([a.kg, "build", text, "-o", out, "-q", "-j", str(a.threads)])
            kg_t.append(t)
            kg_rss.append(rss)
            t, _ = timed([a.kg, "build", half, "-o", out + "-half", "-q", "-j", str(a.threads)])
            half_t.append(t)
            print(f"  run {r + 1}: wc -w {wc_t[-1]:.3f}s  kg {kg_t[-1]:.2f}s ({rss:.0f} MB)  half {half_t[-1]:.2f}s",
                  flush=True)
        wc_m, kg_m, half_m = statistics.median(wc_t), statistics.median(kg_t), statistics.median(half_t)
        print(f"wc -w:    {wc_m:.3f} s")
        print(f"kg build: {kg_m:.2f} s = {words / kg_m / 1e6:.2f} M words/s, {size / kg_m / 1e6:.1f} MB/s, "
              f"peak RSS {max(kg_rss):.0f} MB")
        print(f"ratio kg / wc -w: {kg_m / wc_m:.1f}x")
        print(f"half corpus: {half_m:.2f} s = {half_m / kg_m * 100:.0f}% of the full time (linear: 50%)")
        outsize = sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out))
        print(f"outputs: {outsize / 1e6:.0f} MB in {out}")

        # Thread count does not change the bytes (on a slice, to keep this quick).
        slice_ = os.path.join(tmp, "slice.jsonl")
        with open(slice_, "wb") as f:
            f.writelines(lines[:2000])
        for j in (1, a.threads):
            subprocess.check_call([a.kg, "build", slice_, "-o", f"{out}-j{j}", "-q", "-j", str(j)])
        same = all(open(f"{out}-j1/graph.{e}", "rb").read() == open(f"{out}-j{a.threads}/graph.{e}", "rb").read()
                   for e in ("json", "graphml", "dot"))
        print(f"-j 1 and -j {a.threads} outputs identical: {'yes' if same else 'NO'}")
        if a.keep:
            shutil.rmtree(a.keep, ignore_errors=True)
            shutil.copytree(out, a.keep)
        return 0 if same else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

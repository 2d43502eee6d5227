#!/usr/bin/python3
"""Markdown tables from bench_blas.sh's JSON lines: per model and batch, the
best median (ms) of each BLAS with its threads at their default and at 1, the
GFLOP/s and share of the GEMM peak of the best cell, and the GEMM peaks."""
import collections
import json
import sys

rows = [json.loads(line) for line in open(sys.argv[1])]
peaks = {r["variant"]: r["peak_gflops"] for r in rows if "peak_gflops" in r}
variants = list(dict.fromkeys(r["variant"] for r in rows))
best = collections.defaultdict(dict)
gflop = {}
for r in rows:
    if "peak_gflops" in r:
        continue
    key = (r["file"], r["batch"])
    cell = (r["variant"], r["policy"])
    best[key][cell] = min(best[key].get(cell, float("inf")), r["median_ms"])
    gflop[r["file"]] = r.get("gflop_per_image", 0)

head = ["model", "batch"] + ["%s %s" % (v, p) for v in variants for p in ("default", "1")]
print("| " + " | ".join(head) + " | best | GFLOP/s (% of its peak) |")
print("|" + " --- |" * (len(head) + 2))
for (model, batch), cells in best.items():
    values = []
    for v in variants:
        for p in ("default", "1"):
            values.append("%.1f" % cells[(v, p)] if (v, p) in cells else "")
    (bv, bp), ms = min(cells.items(), key=lambda kv: kv[1])
    rate = gflop[model] * batch / (ms / 1000) if gflop[model] else 0
    share = " (%.0f %%)" % (100 * rate / peaks[bv]) if rate and peaks.get(bv) else ""
    print("| %s | %d | %s | %s %s | %s |" % (model, batch, " | ".join(values), bv, bp,
                                            ("%.1f%s" % (rate, share)) if rate else ""))
print()
print("GEMM peak (1024^3, 2 threads): " +
      ", ".join("%s %.1f GFLOP/s" % (v, p) for v, p in peaks.items()))

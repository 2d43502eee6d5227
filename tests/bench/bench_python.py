#!/usr/bin/python3
"""Times a MoEScope model (.pt + moescope.json) in Python/PyTorch, as a
reference for the C++ runtime's benchmark.

    /usr/bin/python3 tools/bench_python.py --model resources/models/moe-vit-shapes-tiny.pt \\
        [--batch 1] [--iterations 50] [--warmup 5] [--threads 2] [--json]

Inputs are built from moescope.json: image -> randn [B, C, H, W], index ->
zeros int64 [B], vector -> zeros [B, size], expert_mask -> ones [L, E_max].
Runs on the CPU under torch.inference_mode(). Prints one JSON object
({"runtime", "device", "threads", "batch", "iterations", "median_ms", "p95_ms",
"mean_ms", "throughput_per_s"}) with --json, else a readable summary.
"""

import argparse
import json
import statistics
import sys
import time


def build_inputs(meta, batch, torch):
    layers = meta.get("moe_layers", [])
    e_max = max([int(l["experts"]) for l in layers] or [1])
    args = []
    for spec in meta["inputs"]:
        kind = spec["kind"]
        if kind == "image":
            args.append(torch.randn(batch, int(spec["channels"]), int(spec["height"]),
                                    int(spec["width"]), dtype=torch.float32))
        elif kind == "index":
            args.append(torch.zeros(batch, dtype=torch.int64))
        elif kind == "vector":
            args.append(torch.zeros(batch, int(spec["size"]), dtype=torch.float32))
        elif kind == "expert_mask":
            args.append(torch.ones(len(layers), e_max, dtype=torch.float32))
        else:
            raise SystemExit(f"bench_python: input {spec.get('name')!r} has unknown kind {kind!r}")
    return args


def percentile(sorted_values, q):
    """Linear-interpolated percentile, q in [0, 100]."""
    if len(sorted_values) == 1:
        return sorted_values[0]
    pos = (len(sorted_values) - 1) * q / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Time a MoEScope TorchScript model in PyTorch (CPU).")
    ap.add_argument("--model", required=True, help="the .pt file")
    ap.add_argument("--batch", type=int, default=1)
    ap.add_argument("--iterations", type=int, default=50)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", action="store_true", help="print only the JSON result")
    args = ap.parse_args(argv)
    if args.batch < 1 or args.iterations < 1 or args.warmup < 0 or args.threads < 1:
        ap.error("--batch, --iterations and --threads must be >= 1, --warmup >= 0")

    import torch

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    extra = {"moescope.json": ""}
    model = torch.jit.load(args.model, map_location="cpu", _extra_files=extra)
    model.eval()
    if not extra["moescope.json"]:
        raise SystemExit(f"bench_python: {args.model} has no moescope.json")
    meta = json.loads(extra["moescope.json"])
    inputs = build_inputs(meta, args.batch, torch)

    times = []
    with torch.inference_mode():
        for _ in range(args.warmup):
            model(*inputs)
        for _ in range(args.iterations):
            t0 = time.perf_counter()
            model(*inputs)
            times.append((time.perf_counter() - t0) * 1000.0)
    times.sort()
    median = statistics.median(times)
    result = {
        "runtime": f"python-torch {torch.__version__}",
        "device": "cpu",
        "threads": args.threads,
        "batch": args.batch,
        "iterations": args.iterations,
        "median_ms": round(median, 3),
        "p95_ms": round(percentile(times, 95), 3),
        "mean_ms": round(statistics.fmean(times), 3),
        "throughput_per_s": round(args.batch * 1000.0 / median, 2),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{meta.get('name', args.model)}: batch {args.batch}, {args.threads} thread(s), "
              f"{args.iterations} iterations ({result['runtime']}, cpu)")
        print(f"  median {result['median_ms']} ms, p95 {result['p95_ms']} ms, "
              f"mean {result['mean_ms']} ms, {result['throughput_per_s']} images/s")
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

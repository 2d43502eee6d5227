#!/usr/bin/python3
"""What a user would write instead of `moescope-cli index` + `retrieve
--evaluate`: read a labelled folder of CT slices (DIR/<label>/*.dcm) with
pydicom, apply the model's HU windows as its moescope.json says, embed every
slice with PyTorch (batch 1, like the CLI on single-slice files), keep the
embeddings in memory, and compute leave-one-out mAP@k by cosine similarity.

    /usr/bin/python3 tests/bench/bench_index_python.py --model resources/models/ct-hmar-tiny.pt \\
        --input DIR [--threads 2] [--k 10] [--json]

Prints images/s (reading + preprocessing + forward, as the CLI's figure) and
mAP@k; no database (a user's script would not have one), so it is the lower
bound of what such a script costs.
"""

import argparse
import json
import os
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--input", required=True)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    import numpy as np
    import pydicom
    import torch
    import torch.nn.functional as F

    torch.set_num_threads(args.threads)
    extra = {"moescope.json": ""}
    model = torch.jit.load(args.model, map_location="cpu", _extra_files=extra).eval()
    meta = json.loads(extra["moescope.json"])
    spec = next(s for s in meta["inputs"] if s["kind"] == "image")
    size = (int(spec["height"]), int(spec["width"]))
    windows = spec.get("windows") or []
    mean = torch.tensor(spec["mean"]).reshape(1, -1, 1, 1)
    std = torch.tensor(spec["std"]).reshape(1, -1, 1, 1)
    layers = meta.get("moe_layers", [])
    mask = torch.ones(len(layers), max([int(l["experts"]) for l in layers] or [1]))
    names = [o for o in meta["outputs"]]
    emb_index = names.index("embedding")

    files = []
    for root, _, fs in os.walk(args.input):
        for f in sorted(fs):
            if f.endswith(".dcm"):
                files.append(os.path.join(root, f))
    files.sort()
    labels, embeddings = [], []
    t0 = time.perf_counter()
    with torch.inference_mode():
        for path in files:
            ds = pydicom.dcmread(path)
            hu = ds.pixel_array.astype(np.float32) * float(getattr(ds, "RescaleSlope", 1)) \
                + float(getattr(ds, "RescaleIntercept", 0))
            x = torch.from_numpy(hu)[None, None]
            h, w = x.shape[-2:]
            if (h, w) != size:
                x = F.interpolate(x, size=size, mode="bilinear", align_corners=False,
                                  antialias=(h > size[0] or w > size[1]))
            x = torch.cat([((x - (c - wd / 2.0)) / wd).clamp(0, 1) for c, wd in windows], 1)
            x = (x - mean) / std
            out = model(x, mask)
            e = out["embedding"] if isinstance(out, dict) else out[emb_index]
            embeddings.append(F.normalize(e[0], dim=0).numpy())
            labels.append(os.path.relpath(path, args.input).split(os.sep)[0])
    seconds = time.perf_counter() - t0

    e = np.stack(embeddings)
    y = np.array(labels)
    s = e @ e.T
    np.fill_diagonal(s, -np.inf)
    order = np.argsort(-s, axis=1, kind="stable")[:, :args.k]
    rel = (y[order] == y[:, None]).astype(np.float64)
    prec = rel.cumsum(1) / np.arange(1, args.k + 1)
    ap_k = (prec * rel).sum(1) / np.maximum(rel.sum(1), 1)
    result = {"runtime": "python", "images": len(files), "seconds": seconds,
              "images_per_s": len(files) / seconds, "k": args.k, "map_at_k": float(ap_k.mean()),
              "precision_at_1": float(rel[:, 0].mean()), "threads": args.threads,
              "torch": torch.__version__}
    print(json.dumps(result, indent=None if not args.json else 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

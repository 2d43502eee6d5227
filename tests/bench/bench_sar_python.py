#!/usr/bin/python3
"""The notebook path for tiled SAR inference, for bench_sar.sh to compare:
GDAL reads tiles (128, overlap 32, mirrored at the edge), the same
conversion to the model's declared representation, torch.jit forward in
batches, tile centres stitched into numpy-backed GDAL writes (labels, class
probabilities, each layer's expert probabilities), timed the same way.

usage: bench_sar_python.py MODEL SCENE OUTDIR [--batch N] [--threads N]
Prints one JSON line: tiles, forward_s, wall_s, peak RSS is measured outside.
"""
import argparse
import json
import math
import os
import resource
import time
import zipfile

import numpy as np
import torch
from osgeo import gdal

gdal.UseExceptions()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model"); ap.add_argument("scene"); ap.add_argument("out")
    ap.add_argument("--batch", type=int, default=4); ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    t0 = time.perf_counter()
    with zipfile.ZipFile(a.model) as z:
        meta = json.loads(next(z.read(n) for n in z.namelist() if n.endswith("moescope.json")))
    spec = meta["inputs"][0]
    T, mean, std = spec["width"], spec["mean"][0], spec["std"][0]
    sar = spec.get("sar", {"quantity": "amplitude", "range": [0, 1]})
    lo, hi = sar["range"]
    model = torch.jit.load(a.model).eval()
    layers = len(meta["moe_layers"]); experts = meta["moe_layers"][0]["experts"]
    mask_in = [i for i in meta["inputs"] if i["kind"] == "expert_mask"]
    src = gdal.Open(a.scene); band = src.GetRasterBand(1)
    W, H = src.RasterXSize, src.RasterYSize
    overlap, stride = 32, T - 32
    cols = 1 if W <= T else (W - T + stride - 1) // stride + 1
    rows = 1 if H <= T else (H - T + stride - 1) // stride + 1
    os.makedirs(a.out, exist_ok=True)
    drv = gdal.GetDriverByName("GTiff")
    opts = ["TILED=YES", "COMPRESS=DEFLATE", "ZLEVEL=1", "BIGTIFF=IF_SAFER"]
    mc, tc = 2, T // 16
    lab = drv.Create(f"{a.out}/labels.tif", math.ceil(W / mc), math.ceil(H / mc), 1, gdal.GDT_Byte, opts)
    prob = drv.Create(f"{a.out}/class_probs.tif", math.ceil(W / mc), math.ceil(H / mc), 5, gdal.GDT_Float32, opts)
    exp = [drv.Create(f"{a.out}/experts-{l}.tif", math.ceil(W / tc), math.ceil(H / tc), experts, gdal.GDT_Float32, opts)
           for l in range(layers)]
    for d in [lab, prob] + exp:
        d.SetGeoTransform(src.GetGeoTransform()); d.SetProjection(src.GetProjection())
    forward_s = 0.0
    steps = [(r, c) for r in range(rows) for c in range(cols)]

    def tile(r, c):
        x0, y0 = c * stride, r * stride
        w, h = min(T, W - x0), min(T, H - y0)
        v = band.ReadAsArray(x0, y0, w, h).astype(np.float32)
        v = np.pad(v, ((0, T - h), (0, T - w)), mode="symmetric")
        q = {"db": 10 * np.log10(np.maximum(v, 1e-10)), "amplitude": np.sqrt(v), "intensity": v}[sar["quantity"]]
        return (np.clip((q - lo) / (hi - lo), 0, 1) - mean) / std

    def span(i, n, extent):
        a0 = 0 if i == 0 else i * stride + overlap // 2
        a1 = extent if i == n - 1 else (i + 1) * stride + overlap // 2
        return a0, min(a1, extent)

    with torch.inference_mode():
        for s in range(0, len(steps), a.batch):
            chunk = steps[s:s + a.batch]
            x = torch.from_numpy(np.stack([tile(r, c) for r, c in chunk])[:, None])
            args = [x] + ([torch.ones(layers, experts)] if mask_in else [])
            f0 = time.perf_counter(); out = model(*args); forward_s += time.perf_counter() - f0
            logits = out["mask"].softmax(1).numpy()
            for b, (r, c) in enumerate(chunk):
                x0, y0 = c * stride, r * stride
                ax0, ax1 = span(c, cols, W); ay0, ay1 = span(r, rows, H)
                lx0, ly0 = (ax0 - x0) // mc, (ay0 - y0) // mc
                nw, nh = math.ceil((ax1 - ax0) / mc), math.ceil((ay1 - ay0) / mc)
                p = logits[b][:, ly0:ly0 + nh, lx0:lx0 + nw]
                lab.GetRasterBand(1).WriteArray(p.argmax(0).astype(np.uint8), ax0 // mc, ay0 // mc)
                for k in range(p.shape[0]):
                    prob.GetRasterBand(k + 1).WriteArray(p[k], ax0 // mc, ay0 // mc)
                tx0, ty0 = (ax0 - x0) // tc, (ay0 - y0) // tc
                tw, th = math.ceil((ax1 - ax0) / tc), math.ceil((ay1 - ay0) / tc)
                for l in range(layers):
                    g = out[f"router.{l}"][b].numpy().reshape(16, 16, experts)[ty0:ty0 + th, tx0:tx0 + tw]
                    for e in range(experts):
                        exp[l].GetRasterBand(e + 1).WriteArray(g[:, :, e], ax0 // tc, ay0 // tc)
    lab = prob = exp = None
    print(json.dumps({"runtime": "python", "tiles": len(steps), "forward_s": round(forward_s, 1),
                      "wall_s": round(time.perf_counter() - t0, 1),
                      "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))


if __name__ == "__main__":
    main()

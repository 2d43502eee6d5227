#!/usr/bin/python3
"""Trains and exports sar-crossearth-tiny, MoEScope's reference SAR model.

    /usr/bin/python3 resources/models/recipe/sar/train.py

Deterministic (fixed seeds, synthetic data from data.py), trains on one CPU
thread. Writes, relative to the repository:

    resources/models/sar-crossearth-tiny.pt    TorchScript + moescope.json
    resources/models/sar-crossearth-tiny.md    model card (numbers from this run)
    resources/samples/sar/                     three held-out 512 x 512 sigma0
                                               GeoTIFFs (+ label maps) and a
                                               complex SLC-like GeoTIFF

The model's input is calibrated backscatter in dB (moescope.json "sar"
object on the image input, see model.py); `to_unit` below is the conversion
MoEScope's SAR plugin applies to a product. The generated scenes (already
converted, float16) are cached under resources/models/recipe/data/ (ignored
by git).
"""

import argparse
import hashlib
import json
import math
import os
import subprocess
import sys
import time

# TorchScript writes a module's constants in set order: fix Python's hash seed
# so that the archive comes out byte-identical run after run.
if __name__ == "__main__" and os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))

# Other processes share this machine's cores: let idle OpenMP threads sleep.
CALLER_OMP_WAIT_POLICY = os.environ.get("OMP_WAIT_POLICY")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
RECIPE = os.path.dirname(HERE)
ROOT = os.path.normpath(os.path.join(RECIPE, "..", "..", ".."))
sys.path.insert(0, HERE)
sys.path.insert(0, RECIPE)

import data  # noqa: E402
from export_moescope import validate_moescope  # noqa: E402
from model import (CLASSES, DB_RANGE, MEAN, PHYSICS_NAMES, SAR_INPUT, STD,  # noqa: E402
                   SARCrossEarthTiny)
from moe_layers import load_balancing_loss, physics_descriptors  # noqa: E402

NAME = "sar-crossearth-tiny"
EXPERTS, TOP_K, DEPTH = 6, 1, 4
LAYERS = [("blocks.%d.mlp" % i, EXPERTS, TOP_K) for i in range(DEPTH)]
GRID = 16
PATCH = 128 // GRID
TILE = 128
SHIP_TOKEN = 0.10   # a token is a "ship" token when >= 10 % of its 8 x 8 patch is ship
MIN_SHARE = 0.05    # routing check: >= 2 experts with >= 5 % of the tokens in every layer

# Samples: 512 x 512 native pixels, 10 m, UTM 33N (EPSG:32633), off the
# Pomeranian coast of the Baltic (about 54.1 N, 13.5 E).
SAMPLE_SIZE = 512
PIXEL_M = 10.0
EPSG = 32633


def log(*args):
    print(*args, flush=True)


def to_unit(intensity):
    """MoEScope's conversion of a product's linear intensity I (sigma0) to the
    model's [0, 1] input: dB = 10 log10(max(I, 1e-10)), then
    clamp((dB - lo) / (hi - lo), 0, 1) over DB_RANGE. float32."""
    lo, hi = DB_RANGE
    db = 10.0 * np.log10(np.maximum(intensity, 1e-10))
    return np.clip((db - lo) / (hi - lo), 0.0, 1.0).astype(np.float32)


def to_input(x01):
    """[N, 128, 128] in [0, 1] (float16 or float32) -> normalised float32 [N, 1, 128, 128]."""
    x = torch.from_numpy(np.ascontiguousarray(x01)).float().unsqueeze(1)
    return (x - MEAN[0]) / STD[0]


def settings_arrays(settings):
    """Per-scene sensor settings as arrays (for the cache and the tables)."""
    return {
        "looks": np.array([s["looks"] for s in settings], dtype=np.int64),
        "enl": np.array([s["enl"] for s in settings], dtype=np.float64),
        "averaged": np.array([s["ax"] > 0 or s["ay"] > 0 for s in settings]),
        "gain_db": np.array([s["gain_db"] for s in settings], dtype=np.float64),
        "tilt_db": np.array([s["tilt_db"] for s in settings], dtype=np.float64),
        "nesz_db": np.array([np.nan if s["nesz_db"] is None else s["nesz_db"] for s in settings]),
        "format": np.array([data.FORMATS.index(s["format"]) for s in settings], dtype=np.int64),
        "calm": np.array([s["calm"] for s in settings]),
    }


def cached_dataset(n, seed, profile="train"):
    """(images [n, 128, 128] float16 in [0, 1] (the model's unit input),
    labels, settings arrays, seconds it took to generate them, whether they
    came from the cache)."""
    os.makedirs(os.path.join(RECIPE, "data"), exist_ok=True)
    src = open(os.path.join(HERE, "data.py"), "rb").read()
    key = hashlib.sha256(src + f"{n}:{seed}:{profile}:{DB_RANGE}".encode()).hexdigest()[:16]
    path = os.path.join(RECIPE, "data", f"sar-{profile}-{n}-{seed}-{key}.npz")
    if os.path.exists(path):
        z = np.load(path)
        if "gen_s" in z:
            S = {k[2:]: z[k] for k in z.files if k.startswith("s_")}
            return z["images"], z["labels"], S, float(z["gen_s"]), True
    t = time.time()
    images, labels, settings = data.make_dataset(
        n, seed, profile, convert=lambda I: to_unit(I).astype(np.float16))
    gen_s = time.time() - t
    S = settings_arrays(settings)
    np.savez_compressed(path, images=images, labels=labels, gen_s=gen_s,
                        **{"s_" + k: v for k, v in S.items()})
    log(f"generated {n} scenes (seed {seed}, profile {profile}) in {gen_s:.1f} s")
    return images, labels, S, gen_s, False


def token_classes(labels):
    """Ground-truth class of each of the 16 x 16 tokens: ship if >= 10 % of its
    8 x 8 patch is ship, else the patch's majority class. [N, 256]."""
    n = labels.shape[0]
    onehot = np.eye(len(CLASSES), dtype=np.float32)[labels]              # [N, 128, 128, K]
    frac = onehot.reshape(n, GRID, PATCH, GRID, PATCH, -1).mean(axis=(2, 4)).reshape(n, GRID * GRID, -1)
    cls = frac[..., :4].argmax(-1)
    cls[frac[..., 4] >= SHIP_TOKEN] = 4
    return cls


def predict(model, images, batch=20, phys_off=False):
    """Per image: predicted class map [N, 128, 128], per layer the top-1 expert
    of every token [N, 256], and the physics descriptors [N, 3]."""
    model.eval()
    preds, phys = [], []
    top1 = [[] for _ in LAYERS]
    mask = torch.ones(len(LAYERS), EXPERTS)
    saved = model.phys_std.clone()
    if phys_off:  # routers see the training-set mean descriptors instead of this image's
        model.phys_std.fill_(1e12)
    with torch.inference_mode():
        for i in range(0, len(images), batch):
            out = model(to_input(images[i:i + batch]), mask)
            logits = F.interpolate(out["mask"], size=(TILE, TILE), mode="bilinear", align_corners=False)
            preds.append(logits.argmax(1).numpy().astype(np.uint8))
            for li in range(len(LAYERS)):
                top1[li].append(out[f"router.{li}"].argmax(-1).numpy())
            phys.append(out["physics"].numpy())
    model.phys_std.copy_(saved)
    return np.concatenate(preds), [np.concatenate(t) for t in top1], np.concatenate(phys)


def confusions(labels, preds):
    """Per image confusion matrices [N, K, K] (rows truth)."""
    K = len(CLASSES)
    out = np.empty((len(labels), K, K), dtype=np.int64)
    for i in range(len(labels)):
        idx = labels[i].reshape(-1).astype(np.int64) * K + preds[i].reshape(-1)
        out[i] = np.bincount(idx, minlength=K * K).reshape(K, K)
    return out


def iou_from_conf(conf):
    tp = np.diag(conf).astype(np.float64)
    denom = conf.sum(0) + conf.sum(1) - tp
    return tp / np.maximum(denom, 1)


def miou_present(conf):
    """mIoU over the classes present in the ground truth."""
    present = conf.sum(1) > 0
    return float(iou_from_conf(conf)[present].mean())


def expert_shares(top1):
    """Per layer, the share of tokens whose top-1 expert is each expert [E]."""
    return [np.bincount(t.reshape(-1), minlength=EXPERTS) / t.size for t in top1]


def balance_ok(shares):
    return all(int((s >= MIN_SHARE).sum()) >= 2 for s in shares)


def routing_tables(top1, tok_cls):
    """Per layer: counts [E, K] of tokens by top-1 expert and ground-truth class."""
    K = len(CLASSES)
    out = []
    for t in top1:
        idx = t.reshape(-1) * K + tok_cls.reshape(-1)
        out.append(np.bincount(idx, minlength=EXPERTS * K).reshape(EXPERTS, K))
    return out


def routing_markdown(counts):
    lines = []
    for (name, e, k), c in zip(LAYERS, counts):
        share = c.sum(1) / c.sum()
        col = c / np.maximum(c.sum(0, keepdims=True), 1)          # per class, over experts
        lines.append(f"**{name}** (6 experts, top-1)\n")
        lines.append("| expert | share of all tokens | " + " | ".join(CLASSES) + " | its tokens are mostly |")
        lines.append("| --- | --- | " + " | ".join("---" for _ in CLASSES) + " | --- |")
        for j in range(e):
            mix = c[j] / max(c[j].sum(), 1)                        # this expert's tokens by class
            order = np.argsort(-mix)[:2]
            mostly = ", ".join(f"{CLASSES[o]} {100 * mix[o]:.0f} %" for o in order if mix[o] > 0.005)
            lines.append(f"| {j} | {100 * share[j]:.1f} % | "
                         + " | ".join(f"{100 * col[j, q]:.1f} %" for q in range(len(CLASSES)))
                         + f" | {mostly or '-'} |")
        lines.append("")
    return "\n".join(lines)


def physics_split_markdown(top1, phys, S):
    """Expert shares per layer for low- vs high-ENL images (split at the median
    of the ENL descriptor), for speckle ENL 1-2 vs 6-8, for low- vs
    high-directional-entropy images and for calibration offsets below -1.5 dB
    vs above +1.5 dB."""
    enl, ent = phys[:, 1], phys[:, 0]
    lo = enl <= np.median(enl)
    lo_ent = ent <= np.median(ent)
    groups = [("ENL descriptor below median", lo), ("ENL descriptor above median", ~lo),
              ("speckle ENL 1-2", S["enl"] <= 2.0), ("speckle ENL 6-8", S["enl"] >= 6.0),
              ("entropy below median", lo_ent), ("entropy above median", ~lo_ent),
              ("gain < -1.5 dB", S["gain_db"] < -1.5), ("gain > +1.5 dB", S["gain_db"] > 1.5)]
    lines = ["| layer | images | n | " + " | ".join(f"expert {j}" for j in range(EXPERTS)) + " |",
             "| --- | --- | --- | " + " | ".join("---" for _ in range(EXPERTS)) + " |"]
    for (name, e, k), t in zip(LAYERS, top1):
        for g, sel in groups:
            tt = t[sel]
            cells = [f"{100 * (tt == j).mean():.1f} %" if tt.size else "-" for j in range(e)]
            lines.append(f"| {name} | {g} | {int(sel.sum())} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def condition_markdown(conf_img, groups):
    """mIoU and per-class IoU of groups of images: [(label, boolean [N])]."""
    lines = ["| scenes | n | mIoU | " + " | ".join(CLASSES) + " |",
             "| --- | --- | --- | " + " | ".join("---" for _ in CLASSES) + " |"]
    for label, sel in groups:
        if not sel.any():
            continue
        conf = conf_img[sel].sum(0)
        iou = iou_from_conf(conf)
        present = conf.sum(1) > 0
        cells = [f"{100 * v:.1f} %" if p else "-" for v, p in zip(iou, present)]
        lines.append(f"| {md_escape(label)} | {int(sel.sum())} | {100 * miou_present(conf):.1f} % | "
                     + " | ".join(cells) + " |")
    return "\n".join(lines)


def share_rows_markdown(shares, flips=None):
    rows = []
    for i, ((name, _, _), s) in enumerate(zip(LAYERS, shares)):
        row = f"| {name} | " + " | ".join(f"{100 * v:.1f} %" for v in s) + f" | {int((s >= MIN_SHARE).sum())} |"
        if flips is not None:
            row += f" {100 * flips[i]:.1f} % |"
        rows.append(row)
    return "\n".join(rows)


def python_bench(pt, threads, iterations=50, passive=False):
    """Median batch-1 latency (ms) in a child process: torch.set_num_threads,
    warm-up, then `iterations` forwards under torch.inference_mode. The child
    gets the caller's own OMP_WAIT_POLICY (this script sets PASSIVE for
    itself)."""
    code = f"""
import json, statistics, time, torch
torch.set_num_threads({threads})
extra = {{"moescope.json": ""}}
m = torch.jit.load({pt!r}, map_location="cpu", _extra_files=extra).eval()
meta = json.loads(extra["moescope.json"])
L = len(meta["moe_layers"]); E = max(l["experts"] for l in meta["moe_layers"])
torch.manual_seed(0)
x = torch.randn(1, 1, 128, 128); mask = torch.ones(L, E)
ts = []
with torch.inference_mode():
    for _ in range(10): m(x, mask)
    c0 = time.process_time()
    for _ in range({iterations}):
        t = time.perf_counter(); m(x, mask); ts.append((time.perf_counter() - t) * 1000.0)
    cpu = (time.process_time() - c0) * 1000.0 / {iterations}
ts.sort()
print(json.dumps({{"median_ms": statistics.median(ts), "p95_ms": ts[int(0.95 * (len(ts) - 1))],
                  "cpu_ms": cpu}}))
"""
    env = dict(os.environ)
    env.pop("OMP_WAIT_POLICY", None)
    if passive:
        env["OMP_WAIT_POLICY"] = "PASSIVE"
    elif CALLER_OMP_WAIT_POLICY is not None:
        env["OMP_WAIT_POLICY"] = CALLER_OMP_WAIT_POLICY
    res = subprocess.run([sys.executable, "-c", code], env=env, check=True,
                         capture_output=True, text=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


# ---- samples ------------------------------------------------------------------------------

# (name, product, which layout qualifies (class fractions, number of ships),
#  fixed sensor conditions, upper-left corner (easting, northing) in EPSG:32633)
SAMPLES = [
    ("coast-ships", "GRD-like: 1 look averaged [0.3, 1, 0.3] in range and azimuth (ENL 4.7), NESZ -24 dB",
     lambda f, ships: 0.2 < f[0] < 0.6 and ships >= 3 and f[1] > 0.05 and f[2] > 0.05 and f[3] > 0.05,
     dict(looks=1, ax=0.3, ay=0.3, gain_db=0.0, tilt_db=3.0, tilt_left=True, nesz_db=-24.0,
          format="float"),
     (400000.0, 6000000.0)),
    ("land", "3 looks, +1.5 dB calibration offset, NESZ -26 dB",
     lambda f, ships: f[0] == 0 and f[1] > 0.1 and f[2] > 0.15 and f[3] > 0.15,
     dict(looks=3, ax=0.0, ay=0.0, gain_db=1.5, tilt_db=2.0, tilt_left=False, nesz_db=-26.0,
          format="float"),
     (420000.0, 6020000.0)),
    ("one-look", "single look, -1 dB calibration offset, 5 dB incidence drop, NESZ -22 dB",
     lambda f, ships: 0.25 < f[0] < 0.8 and ships >= 2 and f[1] > 0.03,
     dict(looks=1, ax=0.0, ay=0.0, gain_db=-1.0, tilt_db=5.0, tilt_left=True, nesz_db=-22.0,
          format="float"),
     (380000.0, 5990000.0)),
]
SLC_SAMPLE = ("slc", "complex single look (|z|^2 = sigma0), NESZ -23 dB",
              lambda f, ships: 0.25 < f[0] < 0.75 and ships >= 2 and f[1] > 0.03 and f[2] + f[3] > 0.1,
              dict(looks=1, ax=0.0, ay=0.0, gain_db=0.0, tilt_db=4.0, tilt_left=False, nesz_db=-23.0,
                   format="float"),
              (390000.0, 6010000.0))


def make_sample(rng, accept, conditions):
    """A 512 x 512 scene at 10 m (scale 1) whose layout `accept`s, under fixed
    conditions: (intensity, labels, settings)."""
    for _ in range(400):
        labels, cell, k, ships = data.sample_layout(rng, SAMPLE_SIZE, 1.0)
        frac = np.bincount(labels.reshape(-1), minlength=5) / labels.size
        if accept(frac, len(ships)):
            break
    sigma0, info = data.backscatter(rng, labels, cell, k, ships, 1.0)
    c = data.sample_conditions(rng, "train")
    c.update(conditions)
    c["enl"] = c["looks"] / (data._kernel_energy(c["ax"]) * data._kernel_energy(c["ay"]))
    intensity = data.observe(rng, sigma0, c)
    c.update(info, scale=1.0, ships=len(ships))
    return intensity, labels, c


def tiles_of(img):
    """[512, 512] -> [16, 128, 128] (row-major 128 x 128 tiles)."""
    n = img.shape[0] // TILE
    return img.reshape(n, TILE, n, TILE).transpose(0, 2, 1, 3).reshape(n * n, TILE, TILE)


def untile(tiles):
    n = int(round(math.sqrt(tiles.shape[0])))
    return tiles.reshape(n, n, TILE, TILE).transpose(0, 2, 1, 3).reshape(n * TILE, n * TILE)


SLC_HOLDS = "CFloat32 complex z, \\|z\\|^2 = sigma0; no CRS"
INTENSITY_HOLDS = "Float32 sigma0 (linear), band Sigma0_VV; EPSG:32633"


def md_escape(text):
    """Text for a markdown table cell (| would end the cell)."""
    return text.replace("|", "\\|")


def write_geotiff(path, array, dtype, description, origin, crs=True, metadata=None):
    from osgeo import gdal, osr
    gdal.UseExceptions()
    if os.path.exists(path):
        os.remove(path)
    n = array.shape[0]
    options = ["COMPRESS=DEFLATE", "TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256"]
    if dtype == gdal.GDT_Float32:
        options.append("PREDICTOR=3")
    elif dtype == gdal.GDT_Byte:
        options.append("PREDICTOR=2")
    ds = gdal.GetDriverByName("GTiff").Create(path, n, n, 1, dtype, options=options)
    ds.SetGeoTransform((origin[0], PIXEL_M, 0.0, origin[1], 0.0, -PIXEL_M))
    if crs:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(EPSG)
        ds.SetProjection(srs.ExportToWkt())
    if metadata:
        ds.SetMetadata(metadata)
    band = ds.GetRasterBand(1)
    band.SetDescription(description)
    band.WriteArray(array)
    band.FlushCache()
    ds = None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--steps", type=int, default=1200)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--aux", type=float, default=0.005, help="Switch load-balancing loss weight")
    ap.add_argument("--train-size", type=int, default=4000)
    ap.add_argument("--test-size", type=int, default=300)
    ap.add_argument("--shift-size", type=int, default=300)
    ap.add_argument("--threads", type=int, default=1, help="training threads")
    ap.add_argument("--bench-threads", type=int, default=2)
    ap.add_argument("--out", default=os.path.join(ROOT, "resources", "models"))
    ap.add_argument("--samples", default=os.path.join(ROOT, "resources", "samples", "sar"))
    ap.add_argument("--no-export", action="store_true", help="train and evaluate only")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    t0 = time.time()
    train_x, train_y, train_s, gen_train, cached_train = cached_dataset(args.train_size, seed=1)
    test_x, test_y, test_s, gen_test, cached_test = cached_dataset(args.test_size, seed=2)
    shift_x, shift_y, shift_s, gen_shift, cached_shift = cached_dataset(args.shift_size, seed=4,
                                                                        profile="shift")
    t_data = time.time() - t0
    if cached_train and cached_test and cached_shift:
        data_note = (f"the scenes came from the cache in `recipe/data/` ({t_data:.0f} s to load); "
                     f"generating and converting them took {gen_train + gen_test + gen_shift:.0f} s "
                     "when the cache was made")
    else:
        data_note = f"{t_data:.0f} s more went to generating or loading the scenes"
    xm = float(train_x[:1000].astype(np.float32).mean())
    xs = float(train_x[:1000].astype(np.float32).std())
    log(f"unit input over 1000 training scenes: mean {xm:.3f}, std {xs:.3f} "
        f"(model.py uses MEAN {MEAN}, STD {STD})")

    model = SARCrossEarthTiny(experts=EXPERTS, top_k=TOP_K, depth=DEPTH)
    # Standardisation of the physics descriptors at the routers, measured on
    # the training scenes (through the model's own radiometry).
    with torch.no_grad():
        ph = []
        for i in range(0, min(800, len(train_x)), 100):
            _, amp, _ = model.radiometry(to_input(train_x[i:i + 100]))
            ph.append(physics_descriptors(amp))
        phys = torch.cat(ph)
        model.phys_mean.copy_(phys.mean(0))
        model.phys_std.copy_(phys.std(0).clamp_min(1e-3))
    log("descriptor mean", np.round(model.phys_mean.numpy(), 3), "std", np.round(model.phys_std.numpy(), 3))
    freq = np.bincount(train_y.reshape(-1), minlength=len(CLASSES)) / train_y.size
    weights = (np.median(freq) / np.maximum(freq, 1e-6)) ** 0.375    # median-frequency ** 3/8
    weights = torch.tensor(weights / (weights * freq).sum(), dtype=torch.float32)
    log("class frequencies", np.round(freq, 4), "loss weights", np.round(weights.numpy(), 2))

    params = sum(p.numel() for p in model.parameters())
    log(f"{params:,} parameters")
    decay = [p for n, p in model.named_parameters() if p.ndim >= 2 and "pos_embed" not in n]
    no_decay = [p for n, p in model.named_parameters() if not (p.ndim >= 2 and "pos_embed" not in n)]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.05},
                             {"params": no_decay, "weight_decay": 0.0}], lr=args.lr)
    warmup = max(1, args.steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warmup) * 0.5 * (1 + math.cos(math.pi * min(s, args.steps) / args.steps)))
    mask = torch.ones(len(LAYERS), EXPERTS)
    gen = torch.Generator().manual_seed(0)
    model.train()
    t_train = time.time()
    cpu_train = time.process_time()
    loads = []
    order = torch.randperm(len(train_x), generator=gen)
    pos = 0
    for step in range(args.steps):
        if pos + args.batch > len(order):
            order, pos = torch.randperm(len(train_x), generator=gen), 0
        idx = order[pos:pos + args.batch].numpy()
        pos += args.batch
        x = to_input(train_x[idx])
        y = torch.from_numpy(train_y[idx].astype(np.int64))
        # Random dihedral transform (the scenes have no preferred orientation).
        r = torch.randint(0, 8, (1,), generator=gen).item()
        if r & 1:
            x, y = x.flip(3), y.flip(2)
        if r & 2:
            x, y = x.flip(2), y.flip(1)
        if r & 4:
            x, y = x.transpose(2, 3), y.transpose(1, 2)
        out = model(x.contiguous(), mask)
        logits = F.interpolate(out["mask"], size=(TILE, TILE), mode="bilinear", align_corners=False)
        seg = F.cross_entropy(logits, y.contiguous(), weight=weights)
        balance = torch.stack([load_balancing_loss(out[f"router.{i}"]) for i in range(len(LAYERS))])
        loss = seg + args.aux * balance.sum()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        if step % 20 == 0 or step == args.steps - 1:
            loads.append(os.getloadavg()[0])
            acc = (logits.argmax(1) == y).float().mean().item()
            log(f"step {step:4d}  seg {seg.item():.3f}  balance {' '.join(f'{b:.2f}' for b in balance.tolist())}  "
                f"pixel acc {acc:.2f}  {time.time() - t_train:.0f} s  load {loads[-1]:.1f}")
    train_s = time.time() - t_train
    train_cpu_s = time.process_time() - cpu_train

    # ---- held-out and condition-shift evaluation --------------------------------------------
    pred, top1, phys = predict(model, test_x)
    conf_img = confusions(test_y, pred)
    conf = conf_img.sum(0)
    iou = iou_from_conf(conf)
    miou = float(iou.mean())
    pix = float(np.diag(conf).sum() / conf.sum())
    tok_cls = token_classes(test_y)
    counts = routing_tables(top1, tok_cls)
    shares = expert_shares(top1)
    _, top1_off, _ = predict(model, test_x, phys_off=True)
    flips = [float((a != b).mean()) for a, b in zip(top1, top1_off)]
    log(f"\nheld-out mIoU {100 * miou:.1f} %  pixel accuracy {100 * pix:.1f} %  ("
        + ", ".join(f"{c} {100 * v:.1f}" for c, v in zip(CLASSES, iou)) + ")")
    for (name, _, _), s, fl in zip(LAYERS, shares, flips):
        log(f"{name}: expert shares " + " ".join(f"{100 * v:.1f}" for v in s)
            + f"  (top-1 changes for {100 * fl:.1f} % of tokens with the descriptors held at the mean)")

    spred, stop1, sphys = predict(model, shift_x)
    sconf_img = confusions(shift_y, spred)
    sconf = sconf_img.sum(0)
    siou = iou_from_conf(sconf)
    smiou = float(siou.mean())
    spix = float(np.diag(sconf).sum() / sconf.sum())
    sshares = expert_shares(stop1)
    log(f"condition-shift mIoU {100 * smiou:.1f} %  pixel accuracy {100 * spix:.1f} %  ("
        + ", ".join(f"{c} {100 * v:.1f}" for c, v in zip(CLASSES, siou)) + ")")
    for (name, _, _), s in zip(LAYERS, sshares):
        log(f"{name} (condition shift): expert shares " + " ".join(f"{100 * v:.1f}" for v in s))

    fmt = test_s["format"]
    held_groups = [
        ("all held-out", np.ones(len(test_y), bool)),
        ("speckle ENL 1 (single look)", test_s["enl"] < 1.5),
        ("speckle ENL 1.5-4", (test_s["enl"] >= 1.5) & (test_s["enl"] < 4)),
        ("speckle ENL 4-8", test_s["enl"] >= 4),
        ("averaged (correlated speckle)", test_s["averaged"]),
        ("gain < -1.5 dB", test_s["gain_db"] < -1.5),
        ("gain -1.5...+1.5 dB", np.abs(test_s["gain_db"]) <= 1.5),
        ("gain > +1.5 dB", test_s["gain_db"] > 1.5),
        ("incidence drop > 4 dB", test_s["tilt_db"] > 4),
        ("noise floor (NESZ -30...-20 dB)", ~np.isnan(test_s["nesz_db"])),
        ("float sigma0", fmt == 0), ("16-bit DN amplitude", fmt == 1),
        ("clipped", fmt == 2), ("8-bit dB", fmt == 3),
        ("calm water", test_s["calm"]), ("wind-roughened water", ~test_s["calm"]),
    ]
    sfmt = shift_s["format"]
    shift_groups = [
        ("all condition-shift", np.ones(len(shift_y), bool)),
        ("single look (ENL 1)", shift_s["enl"] < 1.5),
        ("10-16 looks", shift_s["enl"] >= 10),
        ("gain -4.5...-2.5 dB", shift_s["gain_db"] < 0),
        ("gain +2.5...+4.5 dB", shift_s["gain_db"] > 0),
        ("|gain| > 3 dB (outside training)", np.abs(shift_s["gain_db"]) > 3),
        ("incidence drop > 7.5 dB", shift_s["tilt_db"] > 7.5),
        ("noise floor -24...-19 dB", ~np.isnan(shift_s["nesz_db"])),
        ("16-bit DN, k = 30-100", sfmt == 1),
        ("single look, gain < -2.5 dB, noise floor", (shift_s["enl"] < 1.5) & (shift_s["gain_db"] < 0)
         & ~np.isnan(shift_s["nesz_db"])),
    ]
    ok_held, ok_shift = balance_ok(shares), balance_ok(sshares)
    if args.no_export:
        log(condition_markdown(conf_img, held_groups))
        log(condition_markdown(sconf_img, shift_groups))
        log(f"routing check: held-out {'PASS' if ok_held else 'FAIL'}, condition shift "
            f"{'PASS' if ok_shift else 'FAIL'}")
        log(f"total {time.time() - t0:.0f} s (data {t_data:.0f} s, training {train_s:.0f} s)")
        return 0 if ok_held and ok_shift else 1

    # ---- export -------------------------------------------------------------------------
    model.eval()
    scripted = torch.jit.script(model)
    meta = {
        "schema": 1,
        "name": NAME,
        "task": "sar",
        "title": "Tiny physics-guided sparse-MoE ViT: SAR land-cover segmentation",
        "description": ("A 4-block Vision Transformer whose every FFN is a physics-guided sparse "
                        "MoE (6 experts, top-1; the router sees each token together with the "
                        "image's directional entropy, ENL and roughness, computed inside the "
                        "model from the linear amplitude), after CrossEarth-SAR. Input: "
                        "calibrated backscatter (sigma0) in dB over [-35, 15] dB, 128 x 128 "
                        "tiles at the product's native pixel spacing. Segments water, urban, "
                        "vegetation, bare soil and ships. Trained on synthetic, radiometrically "
                        "calibrated scenes over a wide range of looks, calibration offsets, "
                        "incidence drops and product formats, in minutes on one CPU thread; a "
                        "reference model for MoEScope, not for operational use."),
        "license": "MIT",
        "reference": "CrossEarth-SAR (Ye et al., CVPR 2026, arXiv 2603.12008) style",
        "inputs": [
            {"name": "image", "kind": "image", "channels": 1, "height": 128, "width": 128,
             "mean": MEAN, "std": STD, "sar": SAR_INPUT},
            {"name": "expert_mask", "kind": "expert_mask"},
        ],
        "outputs": {
            "mask": {"kind": "segmentation", "labels": list(CLASSES)},
            "physics": {"kind": "physics", "names": list(PHYSICS_NAMES)},
        },
        "moe_layers": [
            {"name": name, "experts": e, "top_k": k, "router": "top-k",
             "tokens": [{"input": "image", "offset": 0, "grid": [GRID, GRID]}]}
            for name, e, k in LAYERS
        ],
    }
    os.makedirs(args.out, exist_ok=True)
    pt = os.path.join(args.out, NAME + ".pt")
    torch.jit.save(scripted, pt, _extra_files={"moescope.json": json.dumps(meta, indent=2)})
    validate_moescope(pt)
    log(f"\nwrote {os.path.relpath(pt, ROOT)}: validate_moescope OK")

    # Round trip: the saved file loads and agrees with the trained model, and
    # honours the expert mask.
    extra = {"moescope.json": ""}
    loaded = torch.jit.load(pt, _extra_files=extra)
    assert json.loads(extra["moescope.json"]) == meta
    with torch.inference_mode():
        x = to_input(test_x[:4])
        a, b = model(x, mask), loaded(x, mask)
        for key in a:
            assert torch.allclose(a[key], b[key], atol=1e-4), key
        m2 = mask.clone()
        m2[0, 0] = 0.0
        c = loaded(x, m2)
        assert float(c["router.0"][..., 0].abs().max()) == 0.0
        assert torch.allclose(c["router.0"].sum(-1), torch.ones(1), atol=1e-4)
    size_mb = os.path.getsize(pt) / 2**20
    load = os.getloadavg()[0]
    bench2 = python_bench(pt, args.bench_threads)
    bench1 = python_bench(pt, 1)
    bench2p = python_bench(pt, args.bench_threads, passive=True)
    log(f"batch-1 forward, {args.bench_threads} threads with OMP_WAIT_POLICY=PASSIVE: median "
        f"{bench2p['median_ms']:.1f} ms (CPU time {bench2p['cpu_ms']:.1f} ms)")
    log(f"batch-1 forward: median {bench2['median_ms']:.1f} ms on {args.bench_threads} threads "
        f"(p95 {bench2['p95_ms']:.1f}, CPU time {bench2['cpu_ms']:.1f} ms), "
        f"median {bench1['median_ms']:.1f} ms on 1 thread (CPU time {bench1['cpu_ms']:.1f} ms)")

    # ---- samples --------------------------------------------------------------------------
    from osgeo import gdal
    os.makedirs(args.samples, exist_ok=True)
    for f in os.listdir(args.samples):                  # the previous version's PNG samples
        if f.startswith("sar-") and f.endswith(".png"):
            os.remove(os.path.join(args.samples, f))
    rng = np.random.default_rng(3)
    sample_rows, sample_share_rows, sample_checks, readme_rows = [], [], [], []
    for name, product, accept, cond, origin in SAMPLES + [SLC_SAMPLE]:
        intensity, lab, s = make_sample(rng, accept, cond)
        is_slc = name == "slc"
        fname = f"sar-{name}.tif"
        md = {"TIFFTAG_IMAGEDESCRIPTION": f"Synthetic SAR scene for {NAME} (seed 3): {product}",
              "TIFFTAG_SOFTWARE": "MoEScope resources/models/recipe/sar/train.py"}
        if is_slc:
            phase = np.random.default_rng(33).uniform(-math.pi, math.pi, size=intensity.shape)
            z = (np.sqrt(intensity.astype(np.float64)) * np.exp(1j * phase)).astype(np.complex64)
            write_geotiff(os.path.join(args.samples, fname), z, gdal.GDT_CFloat32, "VV", origin,
                          crs=False, metadata=md)
            intensity = (np.abs(z).astype(np.float64) ** 2).astype(np.float32)   # what the plugin reads back
        else:
            write_geotiff(os.path.join(args.samples, fname), intensity.astype(np.float32),
                          gdal.GDT_Float32, "Sigma0_VV", origin, metadata=md)
        write_geotiff(os.path.join(args.samples, f"sar-{name}-labels.tif"), lab, gdal.GDT_Byte,
                      "class", origin, crs=not is_slc,
                      metadata={"TIFFTAG_IMAGEDESCRIPTION": "class index: 0 water, 1 urban, "
                                "2 vegetation, 3 bare-soil, 4 ship"})
        # Read back through GDAL, as MoEScope would, and run the model tile by tile.
        ds = gdal.Open(os.path.join(args.samples, fname))
        arr = ds.GetRasterBand(1).ReadAsArray()
        ds = None
        back = (np.abs(arr).astype(np.float64) ** 2).astype(np.float32) if is_slc else arr
        assert np.allclose(back, intensity, rtol=1e-5, atol=1e-12)
        x01 = tiles_of(to_unit(back))
        p, t1, ph = predict(loaded, x01, batch=16)
        pred_full = untile(p)
        sconf_s = confusions(lab[None], pred_full[None])[0]
        s_miou = miou_present(sconf_s)
        s_iou = iou_from_conf(sconf_s)
        s_shares = expert_shares(t1)
        s_ok = balance_ok(s_shares)
        frac = np.bincount(lab.reshape(-1), minlength=5) / lab.size
        classes = ", ".join(f"{c} {100 * f:.1f} %" for c, f in zip(CLASSES, frac) if f > 0)
        nesz = "-" if s["nesz_db"] is None else f"{s['nesz_db']:.0f} dB"
        phm = ph.mean(0)
        sample_rows.append(
            f"| `{fname}` | {md_escape(product)} | {s['enl']:.1f} | {s['gain_db']:+.1f} dB | {s['tilt_db']:.0f} dB | "
            f"{nesz} | {s['ships']} | {classes} | {phm[0]:.3f} / {phm[1]:.3f} / {phm[2]:.3f} | "
            f"**{100 * s_miou:.1f} %** |")
        sample_share_rows += [f"| `{fname}` | {n} | " + " | ".join(f"{100 * v:.1f} %" for v in sh)
                              + f" | {int((sh >= MIN_SHARE).sum())} |" for (n, _, _), sh in zip(LAYERS, s_shares)]
        sample_checks.append((fname, s_ok, [int((sh >= MIN_SHARE).sum()) for sh in s_shares]))
        readme_rows.append((fname, product, s, classes, origin, is_slc))
        log(f"wrote resources/samples/sar/{fname} (+ labels): mIoU {100 * s_miou:.1f} % ("
            + ", ".join(f"{c} {100 * v:.1f}" for c, v, pr in zip(CLASSES, s_iou, sconf_s.sum(1) > 0) if pr)
            + "); expert shares " + "; ".join(" ".join(f"{100 * v:.0f}" for v in sh) for sh in s_shares)
            + f"; routing check {'PASS' if s_ok else 'FAIL'}")

    with open(os.path.join(args.samples, "README.md"), "w") as f:
        f.write(README.format(NAME=NAME, rows="\n".join(
            f"| `{fn}` | {SLC_HOLDS if slc else INTENSITY_HOLDS} "
            f"| ({o[0]:.0f}, {o[1]:.0f}) | {md_escape(prod)} | {cls} |"
            for fn, prod, s, cls, o, slc in readme_rows)))

    # ---- model card -------------------------------------------------------------------------
    def iou_table(cf):
        prec = np.diag(cf) / np.maximum(cf.sum(0), 1)
        rec = np.diag(cf) / np.maximum(cf.sum(1), 1)
        io = iou_from_conf(cf)
        return "\n".join(f"| {c} | {100 * io[i]:.1f} % | {100 * prec[i]:.1f} % | {100 * rec[i]:.1f} % "
                         f"| {100 * cf[i].sum() / cf.sum():.2f} % |" for i, c in enumerate(CLASSES))

    def fewest(sh):
        return ", ".join(str(int((s >= MIN_SHARE).sum())) for s in sh)

    ok_samples = all(ok for _, ok, _ in sample_checks)
    check_line = (
        f"**Routing check** (in every token-level layer at least two experts each take >= 5 % of "
        f"the tokens): held-out **{'PASS' if ok_held else 'FAIL'}** (experts >= 5 % in "
        f"blocks.0-3: {fewest(shares)}); condition-shift **{'PASS' if ok_shift else 'FAIL'}** "
        f"({fewest(sshares)}); "
        + "; ".join(f"`{fn}` **{'PASS' if ok else 'FAIL'}** ({', '.join(map(str, n))})"
                    for fn, ok, n in sample_checks) + ".")
    log(check_line)
    tok_share = np.bincount(tok_cls.reshape(-1), minlength=5) / tok_cls.size
    total_s = time.time() - t0
    card = CARD.format(
        NAME=NAME, size_mb=size_mb, params=params, MEAN=MEAN, STD=STD, xm=xm, xs=xs,
        lo=DB_RANGE[0], hi=DB_RANGE[1], span=DB_RANGE[1] - DB_RANGE[0], sar_json=json.dumps(SAR_INPUT),
        miou=100 * miou, pix=100 * pix, smiou=100 * smiou, spix=100 * spix,
        n_test=len(test_x), n_train=len(train_x), n_shift=len(shift_x),
        iou_rows=iou_table(conf), shift_iou_rows=iou_table(sconf),
        held_groups=condition_markdown(conf_img, held_groups),
        shift_groups=condition_markdown(sconf_img, shift_groups),
        share_rows=share_rows_markdown(shares, flips), shift_share_rows=share_rows_markdown(sshares),
        sample_share_rows="\n".join(sample_share_rows), check_line=check_line,
        tables=routing_markdown(counts), physics_split=physics_split_markdown(top1, phys, test_s),
        tok_share=", ".join(f"{c} {100 * v:.1f} %" for c, v in zip(CLASSES, tok_share)),
        steps=args.steps, batch=args.batch, lr=args.lr, aux=args.aux,
        weights=", ".join(f"{c} {w:.2f}" for c, w in zip(CLASSES, weights.tolist())),
        train_s=train_s, train_cpu_s=train_cpu_s, data_note=data_note,
        load_run=float(np.mean(loads)), total_min=total_s / 60.0, threads=args.threads,
        lat2=bench2["median_ms"], p95_2=bench2["p95_ms"], cpu2=bench2["cpu_ms"],
        lat1=bench1["median_ms"], cpu1=bench1["cpu_ms"], bench_threads=args.bench_threads,
        lat2p=bench2p["median_ms"], cpu2p=bench2p["cpu_ms"], load=load, cores=os.cpu_count(),
        ips2=1000.0 / bench2["median_ms"], ips2p=1000.0 / bench2p["median_ms"],
        ips1=1000.0 / bench1["median_ms"],
        phys_mean=", ".join(f"{v:.3f}" for v in model.phys_mean.tolist()),
        phys_std=", ".join(f"{v:.3f}" for v in model.phys_std.tolist()),
        phys_test=", ".join(f"{n} {np.percentile(phys[:, i], 5):.3f}-{np.percentile(phys[:, i], 95):.3f}"
                            for i, n in enumerate(PHYSICS_NAMES)),
        phys_shift=", ".join(f"{n} {np.percentile(sphys[:, i], 5):.3f}-{np.percentile(sphys[:, i], 95):.3f}"
                             for i, n in enumerate(PHYSICS_NAMES)),
        sample_rows="\n".join(sample_rows), ship_token=int(100 * SHIP_TOKEN),
        meta=json.dumps(meta, indent=2))
    with open(os.path.join(args.out, NAME + ".md"), "w") as f:
        f.write(card)
    log(f"wrote {os.path.relpath(os.path.join(args.out, NAME + '.md'), ROOT)}")
    log(f"total {time.time() - t0:.0f} s (data {t_data:.0f} s, training {train_s:.0f} s, "
        f"CPU {train_cpu_s:.0f} s)")
    return 0 if ok_held and ok_shift and ok_samples else 1


README = """# SAR samples

Held-out synthetic SAR scenes for `{NAME}`, written by
`resources/models/recipe/sar/train.py` through GDAL (seed 3, never seen in
training). Each is 512 x 512 pixels at 10 m, i.e. 16 of the model's 128 x 128
input tiles at native pixel spacing:

| file | holds | upper-left corner (E, N) | sensor / product | classes |
| --- | --- | --- | --- | --- |
{rows}

- Intensity samples: GeoTIFF, one Float32 band described `Sigma0_VV`, sigma0
  as **linear intensity** (not dB, not amplitude), as a calibrated Sentinel-1
  GRD or a SNAP sigma0 export holds it; georeferenced in EPSG:32633 (WGS 84 /
  UTM zone 33N), 10 m square pixels, north up (geotransform (E0, 10, 0, N0, 0,
  -10)), off the Baltic coast near 54.1 N, 13.5 E. DEFLATE-compressed.
- `sar-slc.tif`: a complex SLC-like product, one CFloat32 band `VV`, z =
  sqrt(sigma0) e^(i phi) with uniform random phase, single look; the same
  kind of geotransform but no CRS (SLCs are in radar geometry). Its pixels are
  square 10 m ones like the others, unlike a real SLC's.
- `*-labels.tif`: ground truth, Byte, pixel value = class index: 0 water,
  1 urban, 2 vegetation, 3 bare-soil, 4 ship; same georeferencing as its scene.

The model card (`resources/models/{NAME}.md`) gives every sample's sensor
settings, the model's mIoU on it and its expert shares. Synthetic; MIT.
"""


CARD = """# {NAME}

MoEScope's reference model for the `sar` task: a tiny Vision Transformer whose
every FFN is a **physics-guided sparse Mixture-of-Experts** layer, after
CrossEarth-SAR, trained to segment SAR backscatter into water, urban,
vegetation, bare soil and ships. Its input is **calibrated backscatter in dB**
(the moescope.json `"sar"` representation below), which MoEScope's SAR plugin
derives from any product it reads through GDAL (sigma0 GeoTIFFs, Sentinel-1
GRD/SLC, RADARSAT-2...), so the same model opens real products. It exists so
that the SAR plugin and the routing views have a model to open, route and
ablate, and as a worked example of a physics-conditioned router. **Not for
operational use**: it has only ever seen the synthetic, radiometrically
calibrated scenes described below, never a real SAR image, and it has not
been tried on one: expect water, bright built-up areas and ships to carry over
best, and vegetation against bare soil least (their levels vary most with
region, season and incidence angle).

| | |
| --- | --- |
| File | `resources/models/{NAME}.pt` (TorchScript, {size_mb:.1f} MiB, {params:,} parameters) |
| Task | `sar`, semantic segmentation, 5 classes: water, urban, vegetation, bare-soil, ship |
| Input | `image`: 1 channel, float32 [B, 1, 128, 128]: sigma0 in dB mapped to [0, 1] over [{lo:g}, {hi:g}] dB and clamped, then normalised with mean {MEAN}, std {STD}; 128 x 128 tiles at the product's native pixel spacing; `expert_mask`: float32 [4, 6] |
| Outputs | `mask` [B, 5, 64, 64] logits; `physics` [B, 3] (directional entropy, log(1 + ENL), roughness, from the linear amplitude); `router.<i>` and `dispatch.<i>`, i = 0..3, each [B, 256, 6] |
| Held-out mIoU | **{miou:.1f} %** (pixel accuracy {pix:.1f} %) on {n_test} generated scenes never seen in training |
| Condition-shift mIoU | **{smiou:.1f} %** (pixel accuracy {spix:.1f} %) on {n_shift} scenes with looks, calibration offsets, incidence drops and quantisation at or beyond the edges of training |
| License | MIT |
| Reference | CrossEarth-SAR (Ye et al., CVPR 2026, arXiv 2603.12008) style |

## Input: the `sar` representation

The image input of moescope.json carries

```json
"sar": {sar_json}
```

MoEScope's SAR plugin converts any product to it, pixel by pixel: product →
linear backscatter intensity I (sigma0 when the product is calibrated; a
complex SLC sample z gives |z|^2, an amplitude A gives A^2) → **dB** =
10 log10(max(I, 1e-10)) → x = clamp((dB - ({lo:g})) / ({hi:g} - ({lo:g})), 0, 1)
→ (x - {MEAN[0]}) / {STD[0]}. Tiles are read at the product's native pixel
spacing (no resampling), 128 x 128.

- **Range [{lo:g}, {hi:g}] dB.** The low end sits below calm water (-25...-18 dB)
  and below the noise floor of current sensors (NESZ about -22...-30 dB), so
  that single-look speckle, whose dB values spread about 5.6 dB (standard
  deviation) with a long low tail, is rarely clipped; the high end keeps
  urban areas and most ship pixels (+5...+20 dB) unclipped and saturates only
  the strongest point targets. 50 dB over [0, 1].
- **looks [1, 8]**: speckle ENL of the training scenes (1 to 8 looks, and
  averaged products with non-integer ENL up to 8); informational (the plugin
  records it, it does not yet estimate a product's ENL to warn).
  The condition-shift test below shows what happens at ENL 1 and at 10-16.
- **filter "none"**: the model wants the speckle in; it despeckles for itself
  (a 5 x 5 boxcar channel in the stem, see below). A speckle-filtered product
  looks to it like a product with many looks.
- **bands ["VV"]**: the backscatter levels of the training scenes are VV-like;
  HH is similar over land and a few dB darker over the sea; cross-polarised
  bands (VH, HV) are 6-10 dB darker and will read as darker classes.
- **mean {MEAN} / std {STD}**: the mean and standard deviation of x over 1000
  training scenes ({xm:.3f} / {xs:.3f} in this run), rounded.

## Architecture

- **Radiometry, inside the model.** dB = {lo:g} + (x * std + mean) * {span:g}
  (x the normalised input) is recovered first, then the linear
  intensity 10^(dB / 10) and amplitude 10^(dB / 20).
- **Physics descriptors, inside the model.** `physics_descriptors`
  (`recipe/moe_layers.py`) computes CrossEarth-SAR's three image-level scalars
  from the **linear amplitude** (ENL and the others are defined on linear
  data, not on dB) after X' = log(1 + |X|): directional entropy H_DE (entropy
  of the magnitude-weighted histogram of Sobel gradient orientations, 36 bins,
  divided by log 36), the equivalent number of looks ENL = (mu / sigma)^2 of
  the amplitude, reported as log(1 + ENL), and local roughness R_LR (variance
  of the 8 x 8 block means of X', x 10). They are returned as the output
  `physics` and, standardised with the training set's mean ({phys_mean}) and
  standard deviation ({phys_std}) and clamped to +-5, go to every router.
- **Stem**: three 3 x 3 stride-2 convolutions (BatchNorm, ReLU), 3 → 16 → 32 → 96
  channels, then a 1 x 1 embedding: a 16 x 16 grid of tokens (row-major,
  tokens 0..255, no class token), each over its own 8 x 8 patch, plus learned
  position embeddings. The three input channels: the normalised dB input; a
  **despeckled dB** (5 x 5 boxcar mean of the linear intensity, back to dB and
  normalised like the input; averaging in dB instead would shift it by a
  looks-dependent -2.5 dB at 1 look to -0.3 dB at 8); and the **local contrast**,
  the despeckled dB minus its 31 x 31 mean (in dB), / 6, which a calibration
  offset or an incidence drop does not change.
- **Four pre-norm transformer blocks**, width 96, 3 heads of 32, global
  self-attention over the 256 tokens. **The FFN of every block is a
  `PhysicsMoEFFN`** (`blocks.0.mlp` .. `blocks.3.mlp`): 6 experts, each Linear
  96 → 128 → 96 with GELU; router pi = softmax(W_r [z || s] + b_r) per token,
  where z is the token and s the image's standardised descriptors tiled over
  the tokens; top-1; the token's output is its expert's output times the
  renormalised top-1 weight (exactly 1; its gradient reaches the router
  straight-through, see `MoEFFN`). `router.<i>` are the probabilities,
  `dispatch.<i>` the combine weights (1 at the chosen expert, 0 elsewhere).
- **Decoder**: LayerNorm, a 1 x 1 projection to 32 channels, x2 bilinear
  up-sampling joined by the stem's 32 x 32 features, 3 x 3 convolution (32),
  x2 up-sampling joined by the stem's 64 x 64 features, 3 x 3 convolution (24),
  1 x 1 classifier: logits `mask` [B, 5, 64, 64]. The skips keep ships, which
  are only 2-20 output pixels long.
- **Expert ablation**: `expert_mask` row i switches experts of `blocks.i.mlp`
  off; their logits are masked before the softmax, the router renormalises over
  the others, and a token goes to its best remaining expert.
- **CPU implementation notes** (same arithmetic as the shared layers, faster on
  Debian's reference-BLAS LibTorch): top-1 routing runs sparsely, each expert
  only on the tokens dispatched to it (index_select / index_add, tokens as a
  batch of 1 x 1 images so oneDNN runs the convolutions); attention's two
  matrix products run per image and head as plain 1 x 1 convolutions over the
  query tokens (`RowsAttention`, 3-4x faster than the grouped convolutions of
  `moe_vit.Attention`, identical result).

## What follows the paper, and where it departs

Follows CrossEarth-SAR (details from a paper note of arXiv 2603.12008; the
official code was not available): a ViT whose FFN in **every** block is
replaced by a physics-guided sparse MoE; **n = 6 experts, top-1** (the paper's
best setting); the router sees **[token || s]** with s = (directional
entropy, ENL, local roughness) computed from X' = log(1 + |X|), tiled over the
tokens; **Switch-style balance loss** L_BC = lambda * n * sum_k f_k p_k with
**lambda = 0.005**; a segmentation loss; mIoU as the metric.

Departs, and why:

| paper | here | why |
| --- | --- | --- |
| DINOv2 ViT-S/B/L (patch 14, 12-24 blocks, 20M-300M active parameters), experts initialised from DINOv2's FFN, continual pre-training on CrossEarth-SAR-200K | 4 blocks, width 96, stride-8 convolutional stem, {params:,} parameters, trained from scratch | MoEScope's reference models must train in minutes on a CPU and run at >= 20 images/s there; no pretrained weights or real SAR data may be downloaded |
| descriptors computed in preprocessing and fed with the image | computed inside the model from the de-normalised input (dB → linear amplitude) and returned as `physics` | every caller (app, CLI, Python) gets the same descriptors without a `vector` input |
| Mask2Former decoder on a frozen backbone, 7 classes (building, road, water, bare land, forest, cropland, background) | small U-Net-like decoder trained jointly with the backbone; 5 classes (water, urban, vegetation, bare-soil, ship), no background class | the task asked for ships at sea and the synthetic scenes have no unlabelled pixels; a query-based decoder would dominate the CPU budget |
| 512 x 512 input, 1 channel replicated to 3 | 128 x 128 tiles at native pixel spacing, 1 channel in dB (plus a despeckled and a local-contrast channel derived inside the stem) | speed; no RGB-pretrained stem to feed; dB makes the multiplicative speckle and calibration offsets additive |
| real and pseudo-labelled SAR from 109 regions | synthetic, radiometrically calibrated scenes from `data.py` | offline, license-free, with exact labels |

## Choices the paper is silent on

- The input quantity: sigma0 in dB over [{lo:g}, {hi:g}] dB (see above);
  descriptors on the linear amplitude recovered from it.
- Descriptor scale: ENL enters as log(1 + ENL) and roughness x 10 (as the shared
  `physics_descriptors` does); at the router all three are standardised with
  training-set constants (and clamped to +-5, so that an unusual product cannot
  push the routers far outside what they were trained on).
- The descriptors are computed on each 128 x 128 input tile (what the model
  sees), not on the whole product.
- How L_BC is combined over layers: summed over the four MoE layers (each with
  lambda = 0.005), as in the Switch Transformer; f_k counts top-1 choices over
  all tokens of the batch. Kept unchanged from the previous version: routing
  did not collapse with it (see the check below).
- Router: a bias (the paper's b_r), no noise, no capacity limit (no token is
  dropped), top-1 weight straight-through.
- Expert width 128 (4/3 x the model width), token grid 16 x 16, no class token.
- Segmentation loss: class-weighted cross-entropy (weights: {weights}:
  median-frequency balancing to the power 3/8, the power the previous version
  settled on in trial runs) on the logits bilinearly up-sampled to 128 x 128.

## Training data

Synthetic scenes from `resources/models/recipe/sar/data.py`: maps of
**sigma0 as linear intensity**, rendered directly at native pixel spacing
(about 10 m; a per-scene size factor of 0.7-1.4 stretches every feature, as a
different pixel spacing would), 128 x 128 pixels, then converted to the input
exactly as the plugin converts a product (`to_unit` in `train.py`):

- **Layout**: 23 % of the scenes all land, 12 % open sea (a tile far off the
  coast: a product's sea tiles have no coastline in them), the rest a
  coastline from a thresholded smooth random field (sea share 5-90 %); land
  cut into irregular parcels (Voronoi cells with warped boundaries, one per
  (22-48 px)^2) of urban, vegetation or bare soil, urban parcels clustering
  around town centres; 1-7 ships (6-28 x 2-6 px, any heading) on open sea in
  70 % of the scenes with sea.
- **Backscatter** (dB, VV-like): calm water -25...-18, wind-roughened water
  -18...-12 with wind streaks along the wind (+-0.3-2.5 dB), dark slicks in
  calm scenes and K-distributed sea clutter (Gamma texture of shape 2-20) when
  rough; bare soil -18...-10 per parcel, smooth; vegetation -14...-7 per parcel
  with a correlated log-normal texture of 1.5-3.5 dB; urban -6...+5 in oriented
  blocks (one orientation per scene) with log-normal per-block brightness,
  double-bounce facade lines 5-12 dB above the block, dark streets and point
  scatterers of +5...+20 dB; ships +5...+20 dB with bright superstructure
  pixels and a range/azimuth sidelobe cross (peak sidelobe ratio -32...-13 dB).
- **Speckle**: multiplicative Gamma speckle on intensity with L = 1...8 looks
  (single look, as in an SLC, in a quarter of these scenes, 2-8 uniformly in
  the rest); 35 % of the scenes are averaged / oversampled products instead:
  L = 1-3 and a [a, 1, a] smoothing of the intensity in range and azimuth
  (a = 0-0.9), giving correlated speckle and a non-integer ENL up to 8.
- **Sensor and product settings per scene**: a calibration offset of
  -3...+3 dB; an incidence-angle drop of 0-6 dB across range, near range on
  either side; a thermal noise floor (NESZ -30...-20 dB) in 60 % of the scenes;
  the product's format: float sigma0 (50 %), 16-bit DN amplitude DN =
  round(k sqrt(I)) with k = 100-1000, read back as (DN / k)^2 (25 %; dark
  water quantises to a few DN and can hit 0, i.e. the bottom of the range),
  clipped at a saturation level of -3...+12 dB (15 %), or 8-bit dB over a
  random [-32...-24, 0...+12] dB window (10 %).

On the held-out scenes the descriptors span (5th-95th percentile)
{phys_test};
on the condition-shift scenes {phys_shift}.

{n_train} training scenes (seed 1), {n_test} held-out scenes (seed 2) from the
same distribution, {n_shift} **condition-shift** scenes (seed 4) whose layouts
and backscatter come from the same generator but whose sensor settings lie at
or beyond the edges of training: half single-look (ENL 1, no averaging), half
10, 12 or 16 looks (outside training); calibration offsets of 2.5-4.5 dB
either way; incidence drops of 6-9 dB; a high noise floor (NESZ -24...-19 dB)
in half of them; half stored as coarse 16-bit DN (k = 30-100), the rest as
float. The samples come from a third seed (3).

## Training

{steps} steps of AdamW (batch {batch}, lr {lr}, 5 % warm-up then cosine decay,
weight decay 0.05, gradient clipping 1.0, random flips and transposition),
class-weighted cross-entropy plus {aux} x the Switch balance loss of each of
the four MoE layers. {train_s:.0f} s of training on {threads} CPU thread
({train_cpu_s:.0f} s of CPU time); {data_note}. The whole script, export,
evaluation, benchmarks and samples included, took {total_min:.1f} minutes, on
a machine shared with a C++ build (2 cores, 1-minute load average
{load_run:.1f} on average during training).

## Held-out results

mIoU **{miou:.1f} %**, pixel accuracy {pix:.1f} %, on {n_test} held-out scenes,
evaluated at 128 x 128 (logits bilinearly up-sampled from 64 x 64):

| class | IoU | precision | recall | share of pixels |
| --- | --- | --- | --- | --- |
{iou_rows}

By sensor and product conditions (IoU per class over the scenes of each
group; mIoU over the classes present):

{held_groups}

## Condition-shift results

mIoU **{smiou:.1f} %**, pixel accuracy {spix:.1f} %, on the {n_shift}
condition-shift scenes:

| class | IoU | precision | recall | share of pixels |
| --- | --- | --- | --- | --- |
{shift_iou_rows}

{shift_groups}

## Routing on the held-out scenes

{check_line}

Expert load: share of the 256 tokens per image whose top-1 expert is each
expert, over all held-out scenes. The last column is the share of tokens whose
top-1 expert changes when the routers are given the training-set mean
descriptors instead of the image's own (a measure of how much the routing
depends on the physics descriptors).

| layer | expert 0 | expert 1 | expert 2 | expert 3 | expert 4 | expert 5 | experts >= 5 % | top-1 changes without descriptors |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
{share_rows}

On the condition-shift scenes:

| layer | expert 0 | expert 1 | expert 2 | expert 3 | expert 4 | expert 5 | experts >= 5 % |
| --- | --- | --- | --- | --- | --- | --- | --- |
{shift_share_rows}

Which expert takes which kind of region: for each ground-truth class, the
share of that class's tokens that each expert takes as top-1 (columns sum to
100 %); a token's class is the majority class of its 8 x 8 patch, or ship when
at least {ship_token} % of the patch is ship. Token classes over the held-out
set: {tok_share}.

{tables}
Routing against the physics descriptors and the sensor: expert shares (all
tokens) in the held-out images whose ENL descriptor is below or above the
held-out median, in scenes of speckle ENL 1-2 and 6-8, in images whose
directional entropy is below or above its median, and under negative or
positive calibration offsets (n = number of images).

{physics_split}

## Speed

Batch 1, median of 50 forwards after warm-up under `torch.inference_mode`
(Python, TorchScript file, Debian python3-torch 1.13 CPU, random input), measured
by the training script in a child process:

| threads | OMP_WAIT_POLICY | median | images/s | CPU time per forward |
| --- | --- | --- | --- | --- |
| {bench_threads} | the caller's (default: spinning) | {lat2:.1f} ms | {ips2:.0f} | {cpu2:.1f} ms |
| {bench_threads} | PASSIVE | {lat2p:.1f} ms | {ips2p:.0f} | {cpu2p:.1f} ms |
| 1 | - | {lat1:.1f} ms | {ips1:.0f} | {cpu1:.1f} ms |

The machine these numbers come from was shared with a compiler (1-minute load
average {load:.1f} on {cores} cores when the benchmark started): wall-clock
times may be inflated, and OpenMP threads that spin while waiting for a busy
core inflate the 2-thread row most. The CPU time per forward at 1 thread is the
better guide to the cost of a forward pass on an idle machine.

## Samples

`resources/samples/sar/` holds four held-out scenes (seed 3), 512 x 512
pixels at 10 m (16 input tiles each), written through GDAL: three GeoTIFFs of
**sigma0 as Float32 linear intensity** (band description `Sigma0_VV`,
EPSG:32633, UTM 33N, north up, off the Baltic coast near 54.1 N, 13.5 E) and
one complex SLC-like CFloat32 GeoTIFF (`sar-slc.tif`, z = sqrt(sigma0)
e^(i phi), uniform random phase, no CRS), each with its ground-truth label map
(`*-labels.tif`, Byte, pixel value = class index: 0 water, 1 urban, 2
vegetation, 3 bare-soil, 4 ship). The scenes are read back through GDAL,
converted as the plugin converts them (|z|^2 for the SLC) and run tile by tile
(16 tiles of 128 x 128, no overlap); the mIoU is over the classes present, at
full resolution (logits up-sampled per tile); the physics column is the mean
over the 16 tiles.

| file | product | ENL | calibration offset | incidence drop | NESZ | ships | classes | physics (H_DE / log(1+ENL) / R_LR) | mIoU |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
{sample_rows}

Expert shares per sample (all 16 x 256 tokens):

| file | layer | expert 0 | expert 1 | expert 2 | expert 3 | expert 4 | expert 5 | experts >= 5 % |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
{sample_share_rows}

## moescope.json

```json
{meta}
```

## Reproduce

```sh
/usr/bin/python3 resources/models/recipe/sar/train.py
```

Deterministic given the same torch build and thread count (Debian 12
python3-torch 1.13, 1 training thread; the script fixes PYTHONHASHSEED so that
the archive is byte-identical); writes the model, this card and the samples.
"""

if __name__ == "__main__":
    sys.exit(main())

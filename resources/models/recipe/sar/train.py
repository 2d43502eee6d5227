#!/usr/bin/python3
"""Trains and exports sar-crossearth-tiny, MoEScope's reference SAR model.

    /usr/bin/python3 resources/models/recipe/sar/train.py

Deterministic (fixed seeds, synthetic data from data.py), trains on one CPU
thread. Writes, relative to the repository:

    resources/models/sar-crossearth-tiny.pt    TorchScript + moescope.json
    resources/models/sar-crossearth-tiny.md    model card (numbers from this run)
    resources/samples/sar/                     three held-out scenes (256 x 256
                                               amplitude PNG) + label maps

The generated scenes are cached under resources/models/recipe/data/ (ignored
by git).
"""

import argparse
import hashlib
import json
import math
import os
import statistics
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
from model import CLASSES, MEAN, PHYSICS_NAMES, STD, SARCrossEarthTiny  # noqa: E402
from moe_layers import load_balancing_loss, physics_descriptors  # noqa: E402
from shapes_data import write_png  # noqa: E402

NAME = "sar-crossearth-tiny"
EXPERTS, TOP_K, DEPTH = 6, 1, 4
LAYERS = [("blocks.%d.mlp" % i, EXPERTS, TOP_K) for i in range(DEPTH)]
GRID = 16
PATCH = 128 // GRID
SHIP_TOKEN = 0.10   # a token is a "ship" token when >= 10 % of its 8 x 8 patch is ship


def log(*args):
    print(*args, flush=True)


def cached_dataset(n, seed):
    """(images, labels, looks, seconds it took to generate them, whether they
    came from the cache)."""
    os.makedirs(os.path.join(RECIPE, "data"), exist_ok=True)
    src = open(os.path.join(HERE, "data.py"), "rb").read()
    key = hashlib.sha256(src + f"{n}:{seed}".encode()).hexdigest()[:16]
    path = os.path.join(RECIPE, "data", f"sar-{n}-{seed}-{key}.npz")
    if os.path.exists(path):
        z = np.load(path)
        if "gen_s" in z:
            return z["images"], z["labels"], z["looks"], float(z["gen_s"]), True
    t = time.time()
    res = data.make_dataset(n, seed)
    gen_s = time.time() - t
    np.savez_compressed(path, images=res[0], labels=res[1], looks=res[2], gen_s=gen_s)
    log(f"generated {n} scenes (seed {seed}) in {gen_s:.1f} s")
    return res[0], res[1], res[2], gen_s, False


def to_input(images_u8):
    """uint8 [N, 128, 128] -> normalised float32 [N, 1, 128, 128]."""
    x = torch.from_numpy(images_u8).float().div_(255.0).unsqueeze(1)
    return (x - MEAN[0]) / STD[0]


def token_classes(labels):
    """Ground-truth class of each of the 16 x 16 tokens: ship if >= 10 % of its
    8 x 8 patch is ship, else the patch's majority class. [N, 256]."""
    n = labels.shape[0]
    onehot = np.eye(len(CLASSES), dtype=np.float32)[labels]              # [N, 128, 128, K]
    frac = onehot.reshape(n, GRID, PATCH, GRID, PATCH, -1).mean(axis=(2, 4)).reshape(n, GRID * GRID, -1)
    cls = frac[..., :4].argmax(-1)
    cls[frac[..., 4] >= SHIP_TOKEN] = 4
    return cls


def evaluate(model, images, labels, batch=20, phys_off=False):
    """Confusion matrix [K, K] (rows truth) at 128 x 128, per layer the top-1
    expert of every token [N, 256], and the physics descriptors [N, 3]."""
    model.eval()
    K = len(CLASSES)
    conf = np.zeros((K, K), dtype=np.int64)
    top1 = [[] for _ in LAYERS]
    phys = []
    mask = torch.ones(len(LAYERS), EXPERTS)
    saved = model.phys_std.clone()
    if phys_off:  # routers see the training-set mean descriptors instead of this image's
        model.phys_std.fill_(1e12)
    with torch.inference_mode():
        for i in range(0, len(images), batch):
            out = model(to_input(images[i:i + batch]), mask)
            logits = F.interpolate(out["mask"], size=(128, 128), mode="bilinear", align_corners=False)
            pred = logits.argmax(1).numpy().reshape(-1)
            truth = labels[i:i + batch].reshape(-1).astype(np.int64)
            conf += np.bincount(truth * K + pred, minlength=K * K).reshape(K, K)
            for li in range(len(LAYERS)):
                top1[li].append(out[f"router.{li}"].argmax(-1).numpy())
            phys.append(out["physics"].numpy())
    model.phys_std.copy_(saved)
    return conf, [np.concatenate(t) for t in top1], np.concatenate(phys)


def iou_from_conf(conf):
    tp = np.diag(conf).astype(np.float64)
    denom = conf.sum(0) + conf.sum(1) - tp
    return tp / np.maximum(denom, 1)


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


def physics_split_markdown(top1, phys, looks):
    """Expert shares per layer for low- vs high-ENL images (split at the median
    of the ENL descriptor), for 1-look vs 4-look scenes, and for low- vs
    high-directional-entropy images."""
    enl, ent = phys[:, 1], phys[:, 0]
    lo = enl <= np.median(enl)
    lo_ent = ent <= np.median(ent)
    groups = [("ENL below median", lo), ("ENL above median", ~lo),
              ("1 look", looks == 1), ("4 looks", looks == 4),
              ("entropy below median", lo_ent), ("entropy above median", ~lo_ent)]
    lines = ["| layer | images | n | " + " | ".join(f"expert {j}" for j in range(EXPERTS)) + " |",
             "| --- | --- | --- | " + " | ".join("---" for _ in range(EXPERTS)) + " |"]
    for (name, e, k), t in zip(LAYERS, top1):
        for g, sel in groups:
            tt = t[sel]
            cells = [f"{100 * (tt == j).mean():.1f} %" if tt.size else "-" for j in range(e)]
            lines.append(f"| {name} | {g} | {int(sel.sum())} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


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


def pick_samples(seed, count=3):
    """Held-out scenes from their own seed: the first multi-look scene with
    sea, ships, urban, vegetation and bare soil; the first all-land scene with urban, vegetation and bare soil; the
    first 1-look coastal scene with ships. Only scenes whose 8-bit amplitude
    spans 0 (or 1)..255 qualify: MoEScope windows a 1-channel image without a
    window of its own to its min..max, which is then (nearly) the identity."""
    rng = np.random.default_rng(seed)
    wants = [
        ("coast-ships", lambda f, s: s["looks"] >= 2 and f[0] > 0.2 and f[4] > 0.002 and f[1] > 0.05
         and f[2] > 0.05 and f[3] > 0.05),
        ("land", lambda f, s: f[0] == 0 and f[1] > 0.15 and f[2] > 0.15 and f[3] > 0.15),
        ("one-look", lambda f, s: s["looks"] == 1 and f[0] > 0.2 and f[1] > 0.03 and f[4] > 0.001),
    ]
    found = {}
    for _ in range(400):
        native_amp, native_lab, amp, lab, s = data.make_scene(rng)
        frac = np.bincount(native_lab.reshape(-1), minlength=5) / native_lab.size
        if native_amp.min() > 1 or native_amp.max() != 255:
            continue   # MoEScope windows a grey PNG to its min..max: keep that (nearly) the identity
        for name, ok in wants:
            if name not in found and ok(frac, s):
                found[name] = (native_amp, native_lab, amp, lab, s)
                break                      # one scene per sample
        if len(found) == len(wants):
            break
    return [(name, found[name]) for name, _ in wants if name in found][:count]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--steps", type=int, default=220)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--aux", type=float, default=0.005, help="Switch load-balancing loss weight")
    ap.add_argument("--train-size", type=int, default=1600)
    ap.add_argument("--test-size", type=int, default=300)
    ap.add_argument("--threads", type=int, default=1, help="training threads")
    ap.add_argument("--bench-threads", type=int, default=2)
    ap.add_argument("--out", default=os.path.join(ROOT, "resources", "models"))
    ap.add_argument("--samples", default=os.path.join(ROOT, "resources", "samples", "sar"))
    ap.add_argument("--no-export", action="store_true", help="train and evaluate only")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    t0 = time.time()
    train_x, train_y, train_looks, gen_train, cached_train = cached_dataset(args.train_size, seed=1)
    test_x, test_y, test_looks, gen_test, cached_test = cached_dataset(args.test_size, seed=2)
    t_data = time.time() - t0
    if cached_train and cached_test:
        data_note = (f"the scenes came from the cache in `recipe/data/` ({t_data:.0f} s to load); "
                     f"generating them took {gen_train + gen_test:.0f} s when the cache was made")
    else:
        data_note = f"plus {t_data:.0f} s to generate or load the scenes"

    model = SARCrossEarthTiny(experts=EXPERTS, top_k=TOP_K, depth=DEPTH)
    # Standardisation constants measured on the training scenes: the physics
    # descriptors at the routers and the log-amplitude channel of the stem.
    with torch.no_grad():
        amp = to_input(train_x[:400]) * STD[0] + MEAN[0]
        phys = physics_descriptors(amp)
        model.phys_mean.copy_(phys.mean(0))
        model.phys_std.copy_(phys.std(0).clamp_min(1e-3))
        la = torch.log(amp.clamp_min(0.0) + 1.0 / 255.0)
        model.log_mean.fill_(float(la.mean()))
        model.log_std.fill_(float(la.std()))
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
        logits = F.interpolate(out["mask"], size=(128, 128), mode="bilinear", align_corners=False)
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
                f"pixel acc {acc:.2f}  {time.time() - t_train:.0f} s")
    train_s = time.time() - t_train

    # ---- held-out evaluation ------------------------------------------------------------
    conf, top1, phys = evaluate(model, test_x, test_y)
    iou = iou_from_conf(conf)
    miou = float(iou.mean())
    pix = float(np.diag(conf).sum() / conf.sum())
    tok_cls = token_classes(test_y)
    counts = routing_tables(top1, tok_cls)
    shares = [c.sum(1) / c.sum() for c in counts]
    _, top1_off, _ = evaluate(model, test_x, test_y, phys_off=True)
    flips = [float((a != b).mean()) for a, b in zip(top1, top1_off)]
    log(f"\nheld-out mIoU {100 * miou:.1f} %  pixel accuracy {100 * pix:.1f} %  ("
        + ", ".join(f"{c} {100 * v:.1f}" for c, v in zip(CLASSES, iou)) + ")")
    for (name, _, _), s, fl in zip(LAYERS, shares, flips):
        log(f"{name}: expert shares " + " ".join(f"{100 * v:.1f}" for v in s)
            + f"  (top-1 changes for {100 * fl:.1f} % of tokens with the descriptors held at the mean)")
    ok_balance = all((s >= 0.05).sum() >= 2 for s in shares)
    if not ok_balance:
        log("WARNING: routing target missed (two experts >= 5 % of tokens in every layer)")
    if args.no_export:
        log(f"total {time.time() - t0:.0f} s (data {t_data:.0f} s, training {train_s:.0f} s)")
        return 0 if ok_balance else 1

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
                        "model), after CrossEarth-SAR. Segments synthetic speckled SAR amplitude "
                        "scenes into water, urban, vegetation, bare soil and ships. Trained in "
                        "minutes on one CPU thread; a reference model for MoEScope, not for "
                        "operational use."),
        "license": "MIT",
        "reference": "CrossEarth-SAR (Ye et al., CVPR 2026, arXiv 2603.12008) style",
        "inputs": [
            {"name": "image", "kind": "image", "channels": 1, "height": 128, "width": 128,
             "mean": MEAN, "std": STD},
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
    os.makedirs(args.samples, exist_ok=True)
    sample_rows = []
    with torch.inference_mode():
        for name, (native_amp, native_lab, amp, lab, s) in pick_samples(3):
            write_png(os.path.join(args.samples, f"sar-{name}.png"), native_amp)
            write_png(os.path.join(args.samples, f"sar-{name}-labels.png"), native_lab)
            out = loaded(to_input(amp[None]), mask)
            logits = F.interpolate(out["mask"], size=(128, 128), mode="bilinear", align_corners=False)
            sconf = np.bincount(lab.reshape(-1).astype(np.int64) * 5 + logits.argmax(1).numpy().reshape(-1),
                                minlength=25).reshape(5, 5)
            present = sconf.sum(1) > 0
            siou = iou_from_conf(sconf)[present].mean()
            frac = np.bincount(native_lab.reshape(-1), minlength=5) / native_lab.size
            ph = out["physics"][0].tolist()
            sample_rows.append(
                f"| `sar-{name}.png` | {s['looks']} | {s['gain']:.2f} | "
                + ", ".join(f"{c} {100 * f:.0f} %" for c, f in zip(CLASSES, frac) if f > 0)
                + f" | {ph[0]:.3f} / {ph[1]:.3f} / {ph[2]:.3f} | {100 * siou:.1f} % |")
            log(f"wrote resources/samples/sar/sar-{name}.png (+ labels), mIoU {100 * siou:.1f} %")

    with open(os.path.join(args.samples, "README.md"), "w") as f:
        f.write("# SAR samples\n\n"
                "Held-out synthetic SAR scenes for `sar-crossearth-tiny`, written by\n"
                "`resources/models/recipe/sar/train.py` (seed 3, never seen in training):\n"
                "256 x 256 8-bit amplitude PNGs (`sar-<name>.png`, linear amplitude x 255)\n"
                "and their ground-truth label maps (`sar-<name>-labels.png`, 8-bit grey,\n"
                "pixel value = class index: 0 water, 1 urban, 2 vegetation, 3 bare-soil,\n"
                "4 ship). See `resources/models/sar-crossearth-tiny.md`. Synthetic; MIT.\n")

    # ---- model card -------------------------------------------------------------------------
    prec = np.diag(conf) / np.maximum(conf.sum(0), 1)
    rec = np.diag(conf) / np.maximum(conf.sum(1), 1)
    iou_rows = "\n".join(f"| {c} | {100 * v:.1f} % | {100 * prec[i]:.1f} % | {100 * rec[i]:.1f} % "
                         f"| {100 * conf[i].sum() / conf.sum():.2f} % |"
                         for i, (c, v) in enumerate(zip(CLASSES, iou)))
    share_rows = "\n".join(
        f"| {name} | " + " | ".join(f"{100 * v:.1f} %" for v in s) + f" | {int((s >= 0.05).sum())} "
        f"| {100 * fl:.1f} % |" for (name, _, _), s, fl in zip(LAYERS, shares, flips))
    tok_share = np.bincount(tok_cls.reshape(-1), minlength=5) / tok_cls.size
    total_s = time.time() - t0
    card = CARD.format(
        NAME=NAME, size_mb=size_mb, params=params, MEAN=MEAN, STD=STD,
        miou=100 * miou, pix=100 * pix, n_test=len(test_x), n_train=len(train_x),
        iou_rows=iou_rows, share_rows=share_rows,
        tables=routing_markdown(counts), physics_split=physics_split_markdown(top1, phys, test_looks),
        tok_share=", ".join(f"{c} {100 * v:.1f} %" for c, v in zip(CLASSES, tok_share)),
        steps=args.steps, batch=args.batch, lr=args.lr, aux=args.aux,
        weights=", ".join(f"{c} {w:.2f}" for c, w in zip(CLASSES, weights.tolist())),
        train_s=train_s, data_note=data_note, load_run=float(np.mean(loads)), total_min=total_s / 60.0, threads=args.threads,
        lat2=bench2["median_ms"], p95_2=bench2["p95_ms"], cpu2=bench2["cpu_ms"],
        lat1=bench1["median_ms"], cpu1=bench1["cpu_ms"], bench_threads=args.bench_threads,
        lat2p=bench2p["median_ms"], cpu2p=bench2p["cpu_ms"], load=load, cores=os.cpu_count(),
        ips2=1000.0 / bench2["median_ms"], ips2p=1000.0 / bench2p["median_ms"],
        ips1=1000.0 / bench1["median_ms"],
        phys_mean=", ".join(f"{v:.3f}" for v in model.phys_mean.tolist()),
        phys_std=", ".join(f"{v:.3f}" for v in model.phys_std.tolist()),
        phys_test=", ".join(f"{n} {np.percentile(phys[:, i], 5):.3f}-{np.percentile(phys[:, i], 95):.3f}"
                            for i, n in enumerate(PHYSICS_NAMES)),
        sample_rows="\n".join(sample_rows), ship_token=int(100 * SHIP_TOKEN),
        meta=json.dumps(meta, indent=2))
    with open(os.path.join(args.out, NAME + ".md"), "w") as f:
        f.write(card)
    log(f"wrote {os.path.relpath(os.path.join(args.out, NAME + '.md'), ROOT)}")
    log(f"total {time.time() - t0:.0f} s (data {t_data:.0f} s, training {train_s:.0f} s)")
    return 0 if ok_balance else 1


CARD = """# {NAME}

MoEScope's reference model for the `sar` task: a tiny Vision Transformer whose
every FFN is a **physics-guided sparse Mixture-of-Experts** layer, after
CrossEarth-SAR, trained to segment synthetic speckled SAR amplitude scenes
into water, urban, vegetation, bare soil and ships. It exists so that the SAR
plugin and the routing views have a model to open, route and ablate, and as a
worked example of a physics-conditioned router. **Not for operational use**:
it has only ever seen the synthetic scenes described below, never a real SAR
image.

| | |
| --- | --- |
| File | `resources/models/{NAME}.pt` (TorchScript, {size_mb:.1f} MiB, {params:,} parameters) |
| Task | `sar`, semantic segmentation, 5 classes: water, urban, vegetation, bare-soil, ship |
| Input | `image`: 1-channel amplitude, float32 [B, 1, 128, 128], pixels in [0, 1], normalised with mean {MEAN}, std {STD}; `expert_mask`: float32 [4, 6] |
| Outputs | `mask` [B, 5, 64, 64] logits; `physics` [B, 3] (directional entropy, log(1 + ENL), roughness); `router.<i>` and `dispatch.<i>`, i = 0..3, each [B, 256, 6] |
| Held-out mIoU | **{miou:.1f} %** (pixel accuracy {pix:.1f} %) on {n_test} generated scenes never seen in training |
| License | MIT |
| Reference | CrossEarth-SAR (Ye et al., CVPR 2026, arXiv 2603.12008) style |

## Architecture

- **Physics descriptors, inside the model.** The [0, 1] amplitude is
  recovered from the normalised input (x * std + mean) and
  `physics_descriptors` (`recipe/moe_layers.py`) computes CrossEarth-SAR's three
  image-level scalars after X' = log(1 + |X|): directional entropy H_DE
  (entropy of the magnitude-weighted histogram of Sobel gradient orientations,
  36 bins, divided by log 36), the equivalent number of looks ENL = (mu /
  sigma)^2 of the amplitude, reported as log(1 + ENL), and local roughness R_LR
  (variance of the 8 x 8 block means of X', x 10). They are returned as the
  output `physics` and, standardised with the training set's mean ({phys_mean})
  and standard deviation ({phys_std}), go to every router.
- **Stem**: three 3 x 3 stride-2 convolutions (BatchNorm, ReLU), 2 → 16 → 32 → 96
  channels, then a 1 x 1 embedding: a 16 x 16 grid of tokens (row-major,
  tokens 0..255, no class token), each over its own 8 x 8 patch, plus learned
  position embeddings. The stem's two input channels are the normalised
  amplitude and its standardised logarithm.
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
  are only 2-5 output pixels long.
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
| descriptors computed in preprocessing and fed with the image | computed inside the model from the de-normalised input and returned as `physics` | every caller (app, CLI, Python) gets the same descriptors without a `vector` input |
| Mask2Former decoder on a frozen backbone, 7 classes (building, road, water, bare land, forest, cropland, background) | small U-Net-like decoder trained jointly with the backbone; 5 classes (water, urban, vegetation, bare-soil, ship), no background class | the task asked for ships at sea and the synthetic scenes have no unlabelled pixels; a query-based decoder would dominate the CPU budget |
| 512 x 512 input, 1 channel replicated to 3 | 128 x 128, 1 channel (plus its logarithm inside the stem) | speed; no RGB-pretrained stem to feed |
| real and pseudo-labelled SAR from 109 regions | synthetic scenes from `data.py` | offline, license-free, with exact labels |

## Choices the paper is silent on

- Descriptor scale: ENL enters as log(1 + ENL) and roughness x 10 (as the shared
  `physics_descriptors` does); at the router all three are standardised with
  training-set constants so that no descriptor dominates the token features.
- The descriptors are computed on the 128 x 128 model input (what the model
  sees), not at native resolution.
- How L_BC is combined over layers: summed over the four MoE layers (each with
  lambda = 0.005), as in the Switch Transformer; f_k counts top-1 choices over
  all tokens of the batch.
- Router: a bias (the paper's b_r), no noise, no capacity limit (no token is
  dropped), top-1 weight straight-through.
- Expert width 128 (4/3 x the model width), token grid 16 x 16, no class token.
- Segmentation loss: class-weighted cross-entropy (weights: {weights}:
  median-frequency balancing to the power 3/8; in trial runs the power 1/2
  over-predicted ships (ship precision 58 %, recall 98 %) and 1/4
  under-predicted them (94 %, 50 %)) on the logits bilinearly up-sampled to
  128 x 128.

## Training data

Synthetic scenes from `resources/models/recipe/sar/data.py`, rendered at 256 x
256 native pixels and reduced to the model's 128 x 128 by 2 x 2 area
averaging (what MoEScope does with a 256 x 256 sample), quantised to 8 bits:

- **Layout**: a coastline from a thresholded smooth random field (sea share 8-65
  %, no sea in a quarter of the scenes); land cut into irregular parcels
  (Voronoi cells with warped boundaries) of urban, vegetation or bare soil,
  urban parcels clustering around one or two town centres; 1-7 ships (8-20 x
  3-6 native pixels, any heading) on open sea in most scenes with sea.
- **Backscatter**: water dark, brightened by a per-scene wind factor (x0.6-3)
  with slow streaks, so rough water can be as bright as bare soil; bare soil
  medium-low and smooth; vegetation medium with a correlated log-normal
  texture; urban bright, in oriented city blocks with per-block brightness,
  strong facade (double-bounce) lines in one dominant direction, weaker cross
  streets and strong point scatterers (low directional entropy); ships very
  bright with faint range/azimuth sidelobes; per-parcel brightness variation.
- **Speckle**: multiplicative Gamma speckle on intensity with L = 1, 2, 3 or 4
  looks per scene; texture lowers the effective ENL of vegetation and urban
  areas (class-dependent ENL).
- **Sensor settings per scene**: number of looks, overall gain (x0.65-1.5 in
  amplitude), an incidence-angle-like drop across range (up to 45 % in
  intensity, left or right). On the held-out scenes the descriptors span (5th-95th
  percentile) {phys_test}.

{n_train} training scenes (seed 1), {n_test} held-out scenes (seed 2); the
samples come from a third seed (3).

## Training

{steps} steps of AdamW (batch {batch}, lr {lr}, 5 % warm-up then cosine decay,
weight decay 0.05, gradient clipping 1.0, random flips and transposition),
class-weighted cross-entropy plus {aux} x the Switch balance loss of each of
the four MoE layers. {train_s:.0f} s of training on {threads} CPU thread ({data_note});
the whole script, export, evaluation, benchmarks and samples included, took
{total_min:.1f} minutes, on a machine shared with other training jobs (2 cores,
1-minute load average {load_run:.1f} on average during training).

## Held-out results

mIoU **{miou:.1f} %**, pixel accuracy {pix:.1f} %, on {n_test} held-out scenes,
evaluated at 128 x 128 (logits bilinearly up-sampled from 64 x 64):

| class | IoU | precision | recall | share of pixels |
| --- | --- | --- | --- | --- |
{iou_rows}

## Routing on the held-out scenes

Expert load: share of the 256 tokens per image whose top-1 expert is each
expert, over all held-out scenes (the target: at least two experts >= 5 % in
every layer). The last column is the share of tokens whose top-1 expert
changes when the routers are given the training-set mean descriptors instead
of the image's own (a measure of how much the routing depends on the physics
descriptors).

| layer | expert 0 | expert 1 | expert 2 | expert 3 | expert 4 | expert 5 | experts >= 5 % | top-1 changes without descriptors |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
{share_rows}

Which expert takes which kind of region: for each ground-truth class, the
share of that class's tokens that each expert takes as top-1 (columns sum to
100 %); a token's class is the majority class of its 8 x 8 patch, or ship when
at least {ship_token} % of the patch is ship. Token classes over the held-out
set: {tok_share}.

{tables}
Routing against the physics descriptors: expert shares (all tokens) in the
held-out images whose ENL descriptor is below or above the held-out median, in
1-look and 4-look scenes, and in images whose directional entropy is below or
above its median (n = number of images).

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

The machine these numbers come from was shared with other training jobs and a
compiler (1-minute load average {load:.1f} on {cores} cores when the benchmark started): wall-clock times are inflated, and
OpenMP threads that spin while waiting for a busy core inflate the 2-thread
row most. The CPU time per forward at 1 thread is the better guide to the
cost of a forward pass on an idle machine.

## Samples

`resources/samples/sar/` holds three held-out scenes (seed 3) as 256 x 256
8-bit amplitude PNGs, with their ground-truth label maps (`*-labels.png`,
8-bit grey, pixel value = class index: 0 water, 1 urban, 2 vegetation,
3 bare-soil, 4 ship). The mIoU column is the model's, over the classes
present, at 128 x 128 (the 2 x 2 area average of the scene). Every sample's
amplitude spans 0 (or 1) to 255: MoEScope windows a 1-channel image that has
no window of its own to its min..max, which then leaves it (nearly)
unchanged. Other 8-bit images are stretched by that window, which acts on the
model like a change of gain and offset.

| file | looks | gain | classes | physics (H_DE / log(1+ENL) / R_LR) | mIoU |
| --- | --- | --- | --- | --- | --- |
{sample_rows}

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

#!/usr/bin/python3
"""Trains and exports ct-hmar-tiny, MoEScope's reference CT retrieval model.

    /usr/bin/python3 resources/models/recipe/ct_retrieval/train.py

Deterministic (fixed seeds, synthetic data; one CPU thread for training).
Writes, relative to the repository:

    resources/models/ct-hmar-tiny.pt          TorchScript + moescope.json
    resources/models/ct-hmar-tiny.md          model card (numbers from this run)
    resources/samples/ct/gallery/<class>/<n>.dcm   held-out gallery, 8 classes x 4 (seed 3)
    resources/samples/ct/query-<class>.dcm    two held-out query slices (seed 4)

Generated training / evaluation slices are cached under
resources/models/recipe/data/ (ignored by git).
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

# Other processes share this machine's cores: let waiting OpenMP threads sleep.
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
import make_gallery  # noqa: E402
from export_moescope import validate_moescope  # noqa: E402
from model import EXPERT_NAMES, MEAN, STD, WINDOWS, HMARTiny, preprocess  # noqa: E402
from moe_layers import conv_1x1, load_balancing_loss  # noqa: E402

NAME = "ct-hmar-tiny"
ARCH = dict(dim=96, heads=3, hidden=192, depth=1, emb=64, hash_bits=64, window=4, stride=2)
QUERY_CLASSES = ["chest_nodule", "abdomen_liver_lesion"]
TOP_K = 10
# Token tissue classes by the median HU of the token's 8 x 8 patch.
TISSUES = [("air", -1e9, -900), ("lung", -900, -300), ("fat", -300, -30),
           ("soft tissue / fluid", -30, 200), ("bone / calcification", 200, 1e9)]


def log(*args):
    print(*args, flush=True)


# ---------------------------------------------------------------------------
# Data.
# ---------------------------------------------------------------------------

def cached_dataset(n, seed, masks=False):
    """HU as int16 [n, 128, 128], labels [n] (and lesion masks as uint8 0-255)."""
    os.makedirs(os.path.join(RECIPE, "data"), exist_ok=True)
    src = open(os.path.join(HERE, "data.py"), "rb").read()
    key = hashlib.sha256(src + f"{n}:{seed}:{masks}".encode()).hexdigest()[:16]
    path = os.path.join(RECIPE, "data", f"ct-{n}-{seed}-{key}.npz")
    if os.path.exists(path):
        z = np.load(path)
        return (z["hu"], z["labels"], z["masks"]) if masks else (z["hu"], z["labels"])
    t = time.time()
    res = data.make_dataset(n, seed, masks=masks)
    hu = np.round(res[0]).astype(np.int16)
    if masks:
        m = np.round(res[2] * 255).astype(np.uint8)
        np.savez(path, hu=hu, labels=res[1], masks=m)
        out = (hu, res[1], m)
    else:
        np.savez(path, hu=hu, labels=res[1])
        out = (hu, res[1])
    log(f"generated {n} slices (seed {seed}) in {time.time() - t:.1f} s")
    return out


def to_input(hu_i16):
    return preprocess(torch.from_numpy(hu_i16.astype(np.float32)))


class BalancedSampler:
    """Batches with batch / K slices of every class (K = 8), without
    replacement within each class until it runs out."""

    def __init__(self, labels, batch, seed):
        self.k = len(data.CLASSES)
        assert batch % self.k == 0
        self.per = batch // self.k
        self.rng = np.random.default_rng(seed)
        self.idx = [np.flatnonzero(labels == c) for c in range(self.k)]
        self.order = [self.rng.permutation(i) for i in self.idx]
        self.pos = [0] * self.k

    def next(self):
        out = []
        for c in range(self.k):
            if self.pos[c] + self.per > len(self.order[c]):
                self.order[c], self.pos[c] = self.rng.permutation(self.idx[c]), 0
            out.append(self.order[c][self.pos[c]:self.pos[c] + self.per])
            self.pos[c] += self.per
        return np.concatenate(out)


# ---------------------------------------------------------------------------
# Losses and metrics.
# ---------------------------------------------------------------------------

def supcon(z, y, tau=0.1):
    """Supervised contrastive loss (Khosla et al. 2020) on L2-normalised z
    [N, d] with class labels y [N]: every other slice of the same class is a
    positive."""
    z = F.normalize(z, dim=1)
    sim = z @ z.t() / tau
    n = z.shape[0]
    eye = torch.eye(n, dtype=torch.bool)
    sim = sim.masked_fill(eye, -1e9)
    logp = sim - torch.logsumexp(sim, dim=1, keepdim=True)
    pos = (y[:, None] == y[None, :]) & ~eye
    return -(logp * pos).sum(1).div(pos.sum(1).clamp_min(1)).mean()


def retrieval_metrics(scores, labels, k=TOP_K):
    """Each item queries all others. scores [N, N] (higher = more similar).
    mAP@k as in the hashing-retrieval literature: AP@k = (1/R_k) sum_{i<=k}
    P(i) rel(i), R_k = relevant items among the top k (AP 0 if none);
    also precision@1 and precision@k. Ties keep gallery order (stable sort)."""
    s = scores.clone().double()
    n = s.shape[0]
    s.fill_diagonal_(-float("inf"))
    order = torch.from_numpy(np.argsort(-s.numpy(), axis=1, kind="stable")[:, :k])
    rel = (labels[order] == labels[:, None]).double()                # [N, k]
    hits = rel.cumsum(1)
    prec = hits / torch.arange(1, k + 1, dtype=torch.float64)
    ap = (prec * rel).sum(1) / rel.sum(1).clamp_min(1)
    return {"map": float(ap.mean()), "p1": float(rel[:, 0].mean()), "pk": float(rel.mean()),
            "per_class_map": [float(ap[labels == c].mean()) for c in range(len(data.CLASSES))]}


def embed_all(model, hu, batch=100):
    model.eval()
    mask = torch.ones(2, 2)
    keys = ["embedding", "global_embedding", "local_embedding", "hash", "window_embeddings",
            "router.0", "router.1"]
    res = {k: [] for k in keys}
    with torch.inference_mode():
        for i in range(0, len(hu), batch):
            out = model(to_input(hu[i:i + batch]), mask)
            for k in keys:
                res[k].append(out[k])
    return {k: torch.cat(v) for k, v in res.items()}


def evaluate(model, hu, labels):
    e = embed_all(model, hu)
    y = torch.from_numpy(labels)
    m = {
        "embedding": retrieval_metrics(e["embedding"] @ e["embedding"].t(), y),
        "global": retrieval_metrics(e["global_embedding"] @ e["global_embedding"].t(), y),
        "local": retrieval_metrics(e["local_embedding"] @ e["local_embedding"].t(), y),
    }
    codes = torch.sign(e["hash"])
    m["hash"] = retrieval_metrics(codes @ codes.t(), y)       # = bits - 2 * Hamming distance
    # HMAR-style sliding-window matching: for every query window the best
    # matching gallery window (cosine), averaged over the query's windows.
    # (Cosines as a 1x1 convolution: Debian's reference BLAS makes matmul slow.)
    w = e["window_embeddings"]                                 # [N, 49, d]
    n, nw, d = w.shape
    chamfer = torch.empty(n, n)
    flat = w.reshape(n * nw, d).t().reshape(1, d, n * nw, 1)
    with torch.inference_mode():
        for i in range(0, n, 16):
            q = w[i:i + 16]
            sim = conv_1x1(flat, q.reshape(-1, d, 1, 1))           # [1, q * 49, N * 49, 1]
            sim = sim.reshape(q.shape[0], nw, n, nw)
            chamfer[i:i + 16] = sim.amax(dim=3).mean(dim=1)
    m["windows"] = retrieval_metrics(chamfer, y)
    return m, e


def routing_tables(e, hu, labels, masks):
    """Top-1 expert shares of the token-level layer per class, per tissue and
    for lesion / non-lesion tokens; mean image-level gate per class."""
    top1 = e["router.0"].argmax(-1).numpy()                     # [N, 256]
    n = len(labels)
    patches = hu.astype(np.float32).reshape(n, 16, 8, 16, 8).transpose(0, 1, 3, 2, 4).reshape(n, 256, 64)
    med = np.median(patches, axis=2)
    tissue = np.zeros_like(top1)
    for t, (_, lo, hi) in enumerate(TISSUES):
        tissue[(med >= lo) & (med < hi)] = t
    lesion_cov = masks.astype(np.float32).reshape(n, 16, 8, 16, 8).mean(axis=(2, 4)).reshape(n, 256) / 255.0
    lesion_tok = lesion_cov >= 0.25
    lesion_img = np.array([c % 2 == 1 for c in labels])

    def share(sel):
        t = top1[sel]
        return (float((t == 0).mean()) if t.size else float("nan")), int(t.size)

    rows = {"all": share(np.ones_like(top1, dtype=bool))}
    for c, cls in enumerate(data.CLASSES):
        rows["class:" + cls] = share(np.broadcast_to((labels == c)[:, None], top1.shape))
    for t, (name, _, _) in enumerate(TISSUES):
        rows["tissue:" + name] = share(tissue == t)
    rows["lesion tokens"] = share(lesion_tok)
    body = tissue != 0
    rows["non-lesion body tokens, lesion slices"] = share(~lesion_tok & body & lesion_img[:, None])
    rows["body tokens, normal slices"] = share(body & ~lesion_img[:, None])
    gate = e["router.1"][:, 0, :].numpy()                      # [N, 2]
    gates = {cls: (float(gate[labels == c, 0].mean()), float(gate[labels == c, 0].std()))
             for c, cls in enumerate(data.CLASSES)}
    return rows, gates


# ---------------------------------------------------------------------------
# Benchmark (child process, so that the thread count and OpenMP policy are
# those of a fresh process).
# ---------------------------------------------------------------------------

BENCH = r"""
import json, sys, time, torch
torch.set_num_threads(int(sys.argv[2]))
m = torch.jit.load(sys.argv[1]).eval()
x = torch.randn(1, 3, 128, 128, generator=torch.Generator().manual_seed(0))
mask = torch.ones(2, 2)
ts = []
with torch.inference_mode():
    for _ in range(10):
        m(x, mask)
    for _ in range(50):
        t = time.perf_counter(); m(x, mask); ts.append(1000 * (time.perf_counter() - t))
ts.sort()
print(json.dumps({"median_ms": ts[25], "p95_ms": ts[47], "min_ms": ts[0]}))
"""


def bench_env(passive):
    """The environment for a benchmark child: OpenMP's sleeping wait policy
    (passive) or the caller's own setting (usually OpenMP's default, active
    spinning)."""
    env = dict(os.environ)
    env.pop("OMP_WAIT_POLICY", None)
    if passive:
        env["OMP_WAIT_POLICY"] = "PASSIVE"
    elif CALLER_OMP_WAIT_POLICY is not None:
        env["OMP_WAIT_POLICY"] = CALLER_OMP_WAIT_POLICY
    return env


def bench(pt, threads, passive):
    out = subprocess.run([sys.executable, "-c", BENCH, pt, str(threads)], env=bench_env(passive),
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


# ---------------------------------------------------------------------------
# Main.
# ---------------------------------------------------------------------------

def pct(x):
    return f"{100 * x:.1f} %"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--steps1", type=int, default=200, help="stage 1 steps (global)")
    ap.add_argument("--steps2", type=int, default=1500, help="stage 2 steps (local + gate)")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--aux", type=float, default=0.05, help="load-balancing loss weight (token layer)")
    ap.add_argument("--proxy", type=float, default=2.0, help="weight of the class-proxy term")
    ap.add_argument("--stage2-backbone", type=float, default=1.0,
                    help="stage-2 learning rate of the stage-1 parameters, relative to --lr")
    ap.add_argument("--w-global", type=float, default=0.25, help="stage-2 weight of the global-head loss")
    ap.add_argument("--w-hash", type=float, default=0.25, help="stage-2 weight of the hash loss")
    ap.add_argument("--quick-eval", action="store_true", help="evaluate and stop (experiments)")
    ap.add_argument("--train-size", type=int, default=4800)
    ap.add_argument("--test-size", type=int, default=800)
    ap.add_argument("--threads", type=int, default=1, help="training threads")
    ap.add_argument("--bench-threads", type=int, default=2)
    ap.add_argument("--out", default=os.path.join(ROOT, "resources", "models"))
    ap.add_argument("--samples", default=os.path.join(ROOT, "resources", "samples", "ct"))
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    t0 = time.time()
    train_hu, train_y = cached_dataset(args.train_size, seed=1)
    test_hu, test_y, test_m = cached_dataset(args.test_size, seed=2, masks=True)
    t_data = time.time() - t0

    model = HMARTiny(**ARCH)
    n_params = sum(p.numel() for p in model.parameters())
    mask = torch.ones(2, 2)
    sampler = BalancedSampler(train_y, args.batch, seed=0)
    late = ("local_fc1", "local_fc2", "gate", "hash")   # heads first trained in stage 2

    def is_late(name):
        return name.split(".")[0] in late

    def make_opt(params_groups, steps):
        opt = torch.optim.AdamW(params_groups)
        warm = max(1, steps // 10)
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda s: min(1.0, (s + 1) / warm) * 0.5 * (1 + math.cos(math.pi * min(s, steps) / steps)))
        return opt, sched

    # Class proxies for the proxy (NormFace-style) term of the metric loss,
    # one set per embedding; used only in training, not exported.
    proxies = {k: torch.nn.Parameter(torch.randn(len(data.CLASSES), ARCH["emb"]) * 0.1)
               for k in ("global", "local", "embedding")}

    def groups(names_ok, lr_scale=lambda n: 1.0, proxy_keys=()):
        g = []
        for n, p in model.named_parameters():
            if not names_ok(n):
                continue
            decay = p.ndim >= 2
            g.append({"params": [p], "lr": args.lr * lr_scale(n), "weight_decay": 0.05 if decay else 0.0})
        for k in proxy_keys:
            g.append({"params": [proxies[k]], "lr": args.lr * 5, "weight_decay": 0.0})
        return g

    def metric_loss(z, y, key):
        """SupCon + args.proxy x cross-entropy of scaled cosines to class proxies."""
        loss = supcon(z, y)
        if args.proxy > 0:
            cos = F.normalize(z, dim=1) @ F.normalize(proxies[key], dim=1).t()
            loss = loss + args.proxy * F.cross_entropy(16.0 * cos, y)
        return loss

    history = []
    t_train = time.time()

    def run_stage(stage, steps, opt, sched):
        model.train()
        for step in range(steps):
            idx = sampler.next()
            x = to_input(train_hu[idx])
            y = torch.from_numpy(train_y[idx])
            out = model(x, mask)
            bal = load_balancing_loss(out["router.0"])
            if stage == 1:
                main_loss = metric_loss(out["global_embedding"], y, "global")
                parts = {"global": main_loss}
            else:
                l_emb = metric_loss(out["embedding"], y, "embedding")
                l_loc = metric_loss(out["local_embedding"], y, "local")
                l_glb = metric_loss(out["global_embedding"], y, "global")
                h = out["hash"]
                l_hash = supcon(h, y) + 0.1 * ((h.abs() - 1.0) ** 2).mean()
                main_loss = l_emb + l_loc + args.w_global * l_glb + args.w_hash * l_hash
                parts = {"emb": l_emb, "local": l_loc, "global": l_glb, "hash": l_hash}
            loss = main_loss + args.aux * bal
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            if step % 20 == 0 or step == steps - 1:
                p_local = float(out["router.0"][..., 1].mean())
                g_local = float(out["router.1"][..., 1].mean())
                msg = "  ".join(f"{k} {v.item():.3f}" for k, v in parts.items())
                log(f"stage {stage} step {step:4d}  {msg}  balance {bal.item():.3f}  "
                    f"p(local) tokens {p_local:.2f} gate {g_local:.2f}  {time.time() - t_train:.0f} s")
                history.append((stage, step, float(main_loss)))

    # Stage 1: backbone + token-level dual-expert layer + global head.
    for n, p in model.named_parameters():
        p.requires_grad_(not is_late(n))
    opt, sched = make_opt(groups(lambda n: not is_late(n), proxy_keys=("global",)), args.steps1)
    run_stage(1, args.steps1, opt, sched)
    t_stage1 = time.time() - t_train
    # Stage 2: local head, gate and hash layer at full rate; everything
    # trained in stage 1 keeps learning at args.stage2_backbone of it.
    for p in model.parameters():
        p.requires_grad_(True)
    opt, sched = make_opt(groups(lambda n: True, lambda n: 1.0 if is_late(n) else args.stage2_backbone,
                                 proxy_keys=("global", "local", "embedding")), args.steps2)
    run_stage(2, args.steps2, opt, sched)
    train_s = time.time() - t_train
    log(f"training: stage 1 {t_stage1:.0f} s, stage 2 {train_s - t_stage1:.0f} s")

    # ---- evaluation --------------------------------------------------------------------
    t_eval = time.time()
    metrics, e = evaluate(model, test_hu, test_y)
    rows, gates = routing_tables(e, test_hu, test_y, test_m)
    log(f"evaluation {time.time() - t_eval:.0f} s")
    for k, v in metrics.items():
        log(f"  {k:10s} mAP@{TOP_K} {v['map']:.3f}  P@1 {v['p1']:.3f}  P@{TOP_K} {v['pk']:.3f}")
    for k, (s, cnt) in rows.items():
        log(f"  {k:40s} global {pct(s)}  local {pct(1 - s)}  ({cnt} tokens)")
    for k, (g, sd) in gates.items():
        log(f"  gate {k:24s} global {g:.3f} ± {sd:.3f}")
    share_global = rows["all"][0]
    ok_balance = min(share_global, 1 - share_global) >= 0.05
    ok_map = metrics["embedding"]["map"] >= 0.8
    if args.quick_eval:
        for c, cls in enumerate(data.CLASSES):
            log(f"  {cls:24s} " + "  ".join(f"{k} {metrics[k]['per_class_map'][c]:.3f}"
                                             for k in ("embedding", "global", "local")))
        return 0

    # ---- export -------------------------------------------------------------------------
    model.eval()
    scripted = torch.jit.script(model)
    meta = {
        "schema": 1,
        "name": NAME,
        "task": "ct-retrieval",
        "title": "Tiny HMAR-style CT slice retrieval (global / local dual experts)",
        "description": ("Retrieval embeddings for axial CT slices: a conv stem and a transformer "
                        "block feed a token-level soft mixture of a global expert (token + image "
                        "context) and a local expert (3x3 depthwise conv + FFN); a global head "
                        "(mean-pooled MLP) and a position-invariant local head (4x4-token sliding "
                        "windows, max-pooled) are mixed by an image-level gate into a 64-d "
                        "embedding, with 64-bit hash codes and per-window embeddings for "
                        "sliding-window matching. Trained on synthetic CT-like slices (8 classes: "
                        "head / chest / upper abdomen / pelvis, normal or with a lesion). "
                        "Not for clinical use."),
        "license": "MIT",
        "reference": ("After HMAR: Hierarchical Modality-Aware Expert and Dynamic Routing Medical "
                      "Image Retrieval Architecture (A. Yuan, arXiv 2603.16679, 2026)"),
        "inputs": [
            {"name": "image", "kind": "image", "channels": 3, "height": 128, "width": 128,
             "mean": MEAN, "std": STD, "windows": WINDOWS},
            {"name": "expert_mask", "kind": "expert_mask"},
        ],
        "outputs": {
            "embedding": {"kind": "embedding", "metric": "cosine"},
            "global_embedding": {"kind": "embedding", "metric": "cosine", "role": "global expert head"},
            "local_embedding": {"kind": "embedding", "metric": "cosine", "role": "local expert head"},
            "window_embeddings": {"kind": "window_embeddings", "input": "image", "grid": [7, 7],
                                  "window": [32, 32], "stride": [16, 16], "metric": "cosine"},
            "hash": {"kind": "hash", "bits": ARCH["hash_bits"]},
        },
        "classes": list(data.CLASSES),
        "moe_layers": [
            {"name": "dual_moe", "experts": 2, "top_k": 0, "router": "soft",
             "expert_names": EXPERT_NAMES,
             "tokens": [{"input": "image", "offset": 0, "grid": [16, 16]}]},
            {"name": "gate", "experts": 2, "top_k": 0, "router": "soft",
             "expert_names": EXPERT_NAMES, "tokens": []},
        ],
    }
    os.makedirs(args.out, exist_ok=True)
    pt = os.path.join(args.out, NAME + ".pt")
    torch.jit.save(scripted, pt, _extra_files={"moescope.json": json.dumps(meta, indent=2)})
    checked = validate_moescope(pt)
    assert checked == meta
    loaded = torch.jit.load(pt)
    with torch.inference_mode():
        x = to_input(test_hu[:8])
        a, b = model(x, mask), loaded(x, mask)
        for key in a:
            assert torch.allclose(a[key], b[key], atol=1e-5), key
        # Expert ablation: switching the local expert off everywhere.
        abl = loaded(x, torch.tensor([[1.0, 0.0], [1.0, 0.0]]))
        assert float(abl["router.0"][..., 1].abs().max()) == 0.0
        assert float(abl["router.1"][..., 1].abs().max()) == 0.0
    size_mb = os.path.getsize(pt) / 2 ** 20
    log(f"\nwrote {os.path.relpath(pt, ROOT)} ({size_mb:.2f} MiB), validate_moescope: OK")
    load_before = os.getloadavg()[0]
    speed = bench(pt, args.bench_threads, passive=True)
    speed_default = bench(pt, args.bench_threads, passive=False)
    speed_1t = bench(pt, 1, passive=True)
    speed["load"] = (load_before + os.getloadavg()[0]) / 2
    speed["default_median_ms"] = speed_default["median_ms"]
    speed["one_thread_median_ms"] = speed_1t["median_ms"]
    log(f"batch-1 forward: median {speed['median_ms']:.1f} ms ({1000 / speed['median_ms']:.1f} images/s), "
        f"p95 {speed['p95_ms']:.1f} ms on {args.bench_threads} threads (OMP_WAIT_POLICY=PASSIVE); "
        f"default wait policy {speed_default['median_ms']:.1f} ms; 1 thread {speed_1t['median_ms']:.1f} ms; "
        f"load average {speed['load']:.1f}")

    # ---- samples: held-out gallery (seed 3) and queries (seed 4) as DICOM ------------------
    gallery_dir = os.path.join(args.samples, "gallery")
    files = make_gallery.make_gallery(gallery_dir, per_class=4, seed=3, size=128)
    rng = np.random.default_rng(4)
    queries = []
    for cls in QUERY_CLASSES:
        label = data.CLASSES.index(cls)
        scene = data.sample_scene(rng, label)
        path = os.path.join(args.samples, f"query-{cls}.dcm")
        make_gallery.write_ct_dicom(path, data.render(scene, 256), cls, scene["region"],
                                    f"seed4/query/{cls}/256")
        queries.append((path, cls))
    sample_bytes = sum(os.path.getsize(p) for p, _ in files + queries)
    log(f"wrote {len(files)} gallery slices + {len(queries)} queries under "
        f"{os.path.relpath(args.samples, ROOT)} ({sample_bytes / 2 ** 20:.2f} MiB)")
    # Round trip through the DICOM files: read HU back, preprocess, retrieve.
    with torch.inference_mode():
        g_hu = [make_gallery.read_ct_dicom(p) for p, _ in files]
        g_out = loaded(preprocess(torch.from_numpy(np.stack(g_hu))), mask)
        g_lab = [c for _, c in files]
        demo = []
        for path, cls in queries:
            q = loaded(preprocess(torch.from_numpy(make_gallery.read_ct_dicom(path))[None]), mask)
            sims = (g_out["embedding"] @ q["embedding"][0]).numpy()
            top = np.argsort(-sims, kind="stable")[:5]
            wsim = (q["window_embeddings"][0] @ g_out["window_embeddings"][int(top[0])].t())
            best_q = int(wsim.amax(dim=1).argmax())
            best_g = int(wsim[best_q].argmax())
            demo.append((os.path.basename(path), cls, float(q["router.1"][0, 0, 0]),
                         [(os.path.relpath(files[int(i)][0], args.samples), g_lab[int(i)], float(sims[i]))
                          for i in top], (best_q, best_g)))
        g_metrics = retrieval_metrics(g_out["embedding"] @ g_out["embedding"].t(),
                                      torch.tensor([data.CLASSES.index(c) for c in g_lab]), k=3)
    for name, cls, gq, top, (bq, bg) in demo:
        log(f"query {name}: gate(global) {gq:.2f}; top-5 " + ", ".join(f"{c} {s:.2f}" for _, c, s in top))

    cli = os.path.join(ROOT, "build", "app", "moescope-cli")
    cli_note = "not measured (build/app/moescope-cli was not built when this card was written)"
    if os.path.exists(cli):
        try:
            r = subprocess.run([cli, "bench", "--model", pt, "--threads", str(args.bench_threads),
                                "--iterations", "50", "--json"], capture_output=True, text=True,
                               timeout=300, env=bench_env(True))
            j = json.loads(r.stdout)
            cli_note = f"`moescope-cli bench --threads {args.bench_threads}` (OMP_WAIT_POLICY=PASSIVE): " + ", ".join(
                f"{k} {v:.1f}" if isinstance(v, float) else f"{k} {v}" for k, v in j.items()
                if isinstance(v, (int, float)) and not isinstance(v, bool))
        except Exception as ex:  # noqa: BLE001 - the card says what happened
            cli_note = f"moescope-cli bench failed: {ex}"
        log(cli_note)

    # ---- model card -------------------------------------------------------------------------
    write_card(args, meta, metrics, rows, gates, speed, cli_note, size_mb, n_params, train_s,
               t_stage1, t_data, demo, g_metrics, len(files), sample_bytes)
    log(f"wrote {os.path.relpath(os.path.join(args.out, NAME + '.md'), ROOT)}")
    log(f"total {time.time() - t0:.0f} s")
    if not (ok_balance and ok_map):
        log("WARNING: target missed (mAP@10 >= 0.8, both token experts >= 5 % of tokens)")
    return 0 if (ok_balance and ok_map) else 1


def routing_notes(rows, gates):
    """A few sentences read off the routing tables (numbers from this run)."""
    notes = []
    by_region = []
    for region in data.REGIONS:
        s = [rows["class:" + c][0] for c in data.CLASSES if c.startswith(region + "_")]
        g = sum(s) / len(s)
        by_region.append(f"{region} {pct(g)}")
    notes.append("Token level: share of tokens routed mainly to the global expert, per body "
                 "region (normal and lesion slices together): " + ", ".join(by_region) + ".")
    les, rest = rows["lesion tokens"][0], rows["non-lesion body tokens, lesion slices"][0]
    notes.append(f"Lesion tokens go to the global expert {pct(les)} of the time, the other body "
                 f"tokens of the same slices {pct(rest)}.")
    diffs = []
    for region in data.REGIONS:
        cn, cl = region + "_normal", region + "_" + data.FINDINGS[region]
        diffs.append(f"{region} {gates[cn][0]:.2f} (normal) vs {gates[cl][0]:.2f} ({data.FINDINGS[region].replace('_', ' ')})")
    notes.append("Image level: mean weight of the global head, " + "; ".join(diffs) + ".")
    return " ".join(notes)


def write_card(args, meta, metrics, rows, gates, speed, cli_note, size_mb, n_params, train_s,
               t_stage1, t_data, demo, g_metrics, n_gallery, sample_bytes):
    m = metrics
    emb = m["embedding"]
    lines = ["| ranking by | mAP@10 | P@1 | P@10 |", "| --- | --- | --- | --- |"]
    names = {"embedding": "`embedding` (gated mix, cosine)", "global": "`global_embedding` only",
             "local": "`local_embedding` only", "hash": "`hash` (sign, Hamming distance)",
             "windows": "`window_embeddings`, sliding-window matching"}
    for k in ["embedding", "global", "local", "hash", "windows"]:
        lines.append(f"| {names[k]} | **{m[k]['map']:.3f}** | {m[k]['p1']:.3f} | {m[k]['pk']:.3f} |"
                     if k == "embedding" else
                     f"| {names[k]} | {m[k]['map']:.3f} | {m[k]['p1']:.3f} | {m[k]['pk']:.3f} |")
    metric_table = "\n".join(lines)
    per_class = "\n".join(
        f"| {cls} | {emb['per_class_map'][c]:.3f} | {m['global']['per_class_map'][c]:.3f} "
        f"| {m['local']['per_class_map'][c]:.3f} | {gates[cls][0]:.3f} ± {gates[cls][1]:.3f} |"
        for c, cls in enumerate(data.CLASSES))
    tok = ["| tokens | global expert | local expert | tokens counted |", "| --- | --- | --- | --- |"]
    for k, (s, cnt) in rows.items():
        label = k.replace("class:", "class ").replace("tissue:", "tissue: ")
        tok.append(f"| {label} | {pct(s)} | {pct(1 - s)} | {cnt:,} |")
    token_table = "\n".join(tok)
    demo_lines = []
    for name, cls, gq, top, (bq, bg) in demo:
        demo_lines.append(f"- `{name}` ({cls}, image gate global {gq:.2f}): "
                          + ", ".join(f"{c} ({s:.2f})" for _, c, s in top)
                          + f"; best window pair: query window {bq} (row {bq // 7}, col {bq % 7}) "
                          f"-> top hit's window {bg} (row {bg // 7}, col {bg % 7})")
    demo_text = "\n".join(demo_lines)
    classes = ", ".join(f"`{c}`" for c in data.CLASSES)
    share = rows["all"][0]
    meta_short = json.dumps({k: meta[k] for k in ("inputs", "outputs", "moe_layers")}, indent=1)

    card = f"""# {NAME}

A tiny CT slice retrieval model after HMAR (global / local dual experts),
MoEScope's reference model for the `ct-retrieval` task. Given one axial CT
slice it returns a 64-d retrieval embedding, 64-bit hash codes and 7 x 7
per-window embeddings; its two routed layers show, per token and per image,
how much the global and the local expert contribute. **Not for clinical
use**: it has only ever seen the synthetic slices described below, and it
knows nothing about real anatomy or disease.

| | |
| --- | --- |
| File | `resources/models/{NAME}.pt` (TorchScript, {size_mb:.1f} MiB, {n_params:,} parameters) |
| Task | `ct-retrieval`: content-based retrieval of CT slices; 8 classes {classes} |
| Input | `image`: float32 [B, 3, 128, 128], the same HU slice under three CT windows (see Preprocessing); `expert_mask`: float32 [2, 2] |
| Outputs | `embedding` [B, 64]; `global_embedding`, `local_embedding` [B, 64]; `window_embeddings` [B, 49, 64]; `hash` [B, 64]; `router.0`/`dispatch.0` [B, 256, 2]; `router.1`/`dispatch.1` [B, 1, 2] |
| Held-out retrieval | **mAP@10 {emb['map']:.3f}**, P@1 {emb['p1']:.3f} ({args.test_size} held-out slices, each querying the other {args.test_size - 1}) |
| Speed | batch 1, {args.bench_threads} CPU threads: median {speed['median_ms']:.1f} ms = {1000 / speed['median_ms']:.0f} images/s (Python, TorchScript; see Speed) |
| License | MIT |
| Reference | A. Yuan, "HMAR: Hierarchical Modality-Aware Expert and Dynamic Routing Medical Image Retrieval Architecture", arXiv 2603.16679 (2026) |

## Preprocessing (host and Python must agree)

`preprocess()` in `recipe/ct_retrieval/model.py` is the only place where HU
become model input, and the host has to do exactly the same:

1. take the slice in Hounsfield units (DICOM: stored value x RescaleSlope +
   RescaleIntercept);
2. resize it to 128 x 128, bilinear (half-pixel centres; area-averaged /
   antialiased when shrinking), still in HU;
3. channel c = clamp((HU - (center_c - width_c / 2)) / width_c, 0, 1) with the
   windows (center, width) = {WINDOWS} (lung, soft tissue / mediastinum,
   bone); these are in moescope.json as the optional input field `"windows"`;
4. (x - mean_c) / std_c with mean {MEAN}, std {STD} (the windowed values'
   mean and standard deviation over 800 training slices).

The display window stored in a DICOM file plays no role. A host that does not
know `"windows"` (it windows to 8 bits with the file's window and copies the
grey to every channel) still runs the model, but the embeddings are then not
comparable with those of this card.

## Architecture

- Stem: three 3x3 stride-2 convolutions (3→24→48→96, BatchNorm, ReLU) and a
  1x1 convolution: stride 8, a 16 x 16 grid of 96-d tokens (row-major, no
  class token, no position embedding).
- One pre-norm transformer block (width 96, 3 heads, FFN 192), as
  `moe_vit.DenseBlock` but with spatial-reduction attention (PVT, Wang et al.
  2021): the 256 queries attend to keys and values from the 2 x 2
  average-pooled 8 x 8 grid (LayerNorm after pooling). Full 256 x 256
  attention made every training step about 1.6x slower on one CPU thread,
  which would have cost a third of the training steps in the time budget.
- **`dual_moe`, routed layer 0** (token level, router "soft", top_k 0, experts
  `global`, `local`): pre-norm h = LN(x); per-token router softmax(W h) over
  the two experts; x + p_global · G(h) + p_local · L(h), where the **global
  expert** G is an FFN (192→192→96) of [h ‖ mean of h over the image] (the
  token in its holistic context) and the **local expert** L is a depthwise
  3 x 3 convolution over the token grid followed by an FFN (96→192→96) (local
  texture). `router.0` = `dispatch.0` = the per-token probabilities [B, 256, 2].
- LayerNorm, then two heads on the 16 x 16 features:
  - global head: MLP (96→192→64) of the mean-pooled features → `global_embedding`;
  - local head: every 4 x 4-token window (stride 2 tokens: 7 x 7 = 49 windows,
    each 32 x 32 input pixels, stride 16 pixels) goes through the same MLP
    (a 4x4 stride-2 convolution 96→192, GELU, 1x1 192→64) →
    `window_embeddings` (L2-normalised per window, row-major 7 x 7);
    max-pooling over the 49 windows gives `local_embedding` (position invariant).
- **`gate`, routed layer 1** (image level, router "soft", tokens [], T = 1,
  experts `global`, `local`): softmax(Linear([mean-pool ‖ max-pool of the
  features])) = (g0, g1); `embedding` = L2norm(g0 · L2norm(e_global) + g1 ·
  L2norm(e_local)). `router.1` = `dispatch.1` = (g0, g1) [B, 1, 2].
- `hash` = tanh(Linear(64→64)(embedding)); sign(hash) is the 64-bit code,
  searched by Hamming distance.
- Expert ablation: `expert_mask` row 0 switches token-level experts off, row 1
  image-level heads; masked logits get -1e9, so the router renormalises over
  what is left (switching the local expert off in both rows leaves a purely
  global model). Masking every expert of a layer makes the token layer a
  no-op and the embedding zero.
- Per-token linear layers run as 1x1 convolutions on channels-first tokens
  (see `moe_layers.py`). Width 96 rather than 64 for speed: PyTorch 1.13
  sends a batch-1 convolution whose input has at most 20,480 elements
  (64 x 256) to its slow native path, and 96 x 256 goes to oneDNN.

### Where this departs from HMAR, and the choices HMAR leaves open

- HMAR's backbone (a ResNet-50, per a secondary summary) is replaced by a
  3-layer conv stem and one transformer block (~{n_params / 1e6:.2f} M parameters
  in all): it has to train in minutes on one CPU thread and run at 20+ images/s.
- HMAR's router form and what it routes are not public. Here routing happens
  at two levels so that the workbench has something to show per patch: a
  token-level soft mixture of a global and a local expert (our own reading of
  "global features for holistic similarity" vs "position-invariant local
  representations"), and an image-level gate between the two heads (the
  "dynamic routing" between expert outputs that the abstract describes).
- Soft (dense) mixing at both levels, not top-k: with two experts, top-1
  would drop half the model per token; soft mixing keeps every expert's
  contribution visible as a probability.
- Sliding windows: 4 x 4 tokens with stride 2 (7 x 7 windows); window size,
  stride, max pooling and the matching score (mean over query windows of the
  best cosine with any gallery window) are our choices.
- Hash layer: HMAR uses Kolmogorov-Arnold Network (KAN) layers; this model
  uses one linear layer + tanh (no KAN implementation in the dependency-free
  recipe, and 64 bits from a 64-d embedding need little capacity).
- Two-stage contrastive training as in HMAR, but *supervised*: SupCon
  (class labels from the generator) plus a class-proxy term (cross-entropy of
  16 x the cosine to a learned proxy per class, NormFace / Proxy-NCA style;
  the proxies are not exported) instead of HMAR's self-supervised pairs.
  Labels are free for synthetic data, and a few hundred CPU steps do not
  suffice for augmentation-only contrastive learning; the proxy term gives
  every slice a signal against every class, which batches of 4 per class
  cannot. No bounding boxes or lesion masks are used in training (as in
  HMAR); the lesion masks serve only the routing tables below.
- Training data: synthetic CT-like slices instead of RadioImageNet-CT (16
  patterns, 29,903 images), which cannot be redistributed with the app.

## Training data

Generated by `resources/models/recipe/ct_retrieval/data.py` (numpy, seeded):
axial slices in Hounsfield units of four body regions (head / brain, chest /
lung, upper abdomen with portal-venous contrast, pelvis), each normal or with
one finding: a hyperdense intraparenchymal hemorrhage (62-90 HU, often with a
hypodense edema halo) in the brain, a soft-tissue nodule (10-60 HU, lobulated,
radius ~2.6-6.7 px at 128 px, clear of heart, aorta, spine and ribs) in either
lung (normal lungs hold 8-17 smaller vessel cross-sections per side), a
hypodense lesion (10-50 HU) in
the enhanced liver (95-125 HU), a soft-tissue mass with a calcified core
(250-700 HU) in the pelvic fat. Anatomy from anti-aliased ellipses and lobulated
blobs with textbook HU (air -1000, lung -880..-780, fat -120..-80, CSF /
bladder 0-15, brain 26-42, muscle 40-55, spleen 105-130, enhanced aorta
150-220, cancellous bone 180-350, cortical bone 700-1400), random organ sizes
and positions, whole-body shift ±12 %, scale 0.82-1.04, rotation ±10°,
low-frequency organ texture, slight partial-volume blur and correlated noise
(σ 6-18 HU). Lesions lie at random positions inside their organ.

{args.train_size} training slices (seed 1, {args.train_size // 8} per class), {args.test_size} held-out slices (seed 2,
{args.test_size // 8} per class); generating both took {t_data:.0f} s in this run (0 when cached). The
shipped gallery (seed 3) and queries (seed 4) were never seen in training.

## Training recipe

Two stages, AdamW (weight decay 0.05 on matrices), batch {args.batch} with
{args.batch // 8} slices of every class, warm-up then cosine decay, gradient clipping at 1,
{args.threads} CPU thread(s):

1. **global stage**, {args.steps1} steps, lr {args.lr}: stem, transformer block,
   `dual_moe` and the global head; loss = M(`global_embedding`)
   + {args.aux} x Switch load-balancing loss on `router.0`. {t_stage1:.0f} s.
2. **local + gate stage**, {args.steps2} steps: local head, gate and hash layer at lr
   {args.lr}, everything from stage 1 at lr {args.lr * args.stage2_backbone:g} (a fresh warm-up and cosine
   decay); loss = M(`embedding`) + M(`local_embedding`) + {args.w_global} M(`global_embedding`)
   + {args.w_hash} (SupCon(`hash`) + 0.1 · mean((|hash| - 1)²)) + {args.aux} x load balancing.
   {train_s - t_stage1:.0f} s.

M(z) = SupCon(z, τ 0.1) + {args.proxy} x CE(16 · cos(z, proxies), class), one set
of 8 learned class proxies per embedding (lr 5x, used only in training).

Training took **{train_s:.0f} s** ({train_s / 60:.1f} min) in all.

## Retrieval on held-out slices

Every one of the {args.test_size} held-out slices (seed 2, 100 per class) queries the
other {args.test_size - 1}; relevant = same class. mAP@10 as in the hashing literature:
AP@10 = (1 / R) Σ_(i ≤ 10) P(i) · rel(i), R = relevant items among the top 10
(AP = 0 when there are none), averaged over queries; P@k = share of relevant
items among the top k.

{metric_table}

Per class (`embedding` mAP@10, and with either head alone), with the mean
image-level gate weight of the global head (± standard deviation):

| class | mAP@10 | global head only | local head only | gate: global weight |
| --- | --- | --- | --- | --- |
{per_class}

On the shipped 32-slice gallery (`resources/samples/ct/gallery`, 4 per
class, read back from the DICOM files): mAP@3 {g_metrics['map']:.3f}, P@1 {g_metrics['p1']:.3f}
(each slice against the other 31). The two shipped queries:

{demo_text}

## Routing on the held-out slices

Token level (`dual_moe`, layer 0): share of tokens whose top-1 expert (larger
router probability) is the global or the local expert, over all 256 tokens
of the {args.test_size} held-out slices, per class, per tissue (median HU of
the token's 8 x 8 patch: air < -900, lung -900..-300, fat -300..-30, soft
tissue / fluid -30..200, bone / calcification >= 200) and for lesion tokens
(at least a quarter of the patch covered by the lesion mask).

{token_table}

Over all tokens the global expert takes {pct(share)} and the local expert
{pct(1 - share)} (target: both >= 5 %).

{routing_notes(rows, gates)}

Image level (`gate`, layer 1): mean gate weight of the global head per class
in the table above; the local head gets 1 minus that.

## Speed

- Python, `torch.jit.load` of the exported file, batch 1, {args.bench_threads} threads,
  `torch.inference_mode`, median of 50 forwards after 10 warm-up runs:
  median {speed['median_ms']:.1f} ms ({1000 / speed['median_ms']:.1f} images/s), p95 {speed['p95_ms']:.1f} ms
  with OMP_WAIT_POLICY=PASSIVE; on one thread {speed['one_thread_median_ms']:.1f} ms.
- The machine (2 cores) was shared with other jobs (load average
  {speed['load']:.1f}) when this was measured. With OpenMP's default (spinning)
  wait policy, two threads on a machine that busy took a median
  {speed['default_median_ms']:.1f} ms: spinning threads lose their core to other processes.
  On an idle machine the two policies measure alike.
- MoEScope CLI: {cli_note}.

## moescope.json (inputs, outputs, layers)

```json
{meta_short}
```

`"windows"` on the image input, and the output kinds `window_embeddings`
(with `grid`, `window`, `stride` in input pixels) and `hash` (with `bits`),
are optional fields beyond the schema-1 core; a host that does not know them
lists them as "other".

## Reproduce

```sh
/usr/bin/python3 resources/models/recipe/ct_retrieval/train.py
/usr/bin/python3 resources/models/recipe/ct_retrieval/make_gallery.py --out /tmp/ct-gallery --per-class 25 --seed 5 --size 256
```

Deterministic given the same torch build and thread count (Debian 12
python3-torch 1.13; the script fixes PYTHONHASHSEED so that the archive is
byte-identical). It writes the model, this card, and the {n_gallery} gallery slices plus
2 queries ({sample_bytes / 2 ** 20:.2f} MiB) under `resources/samples/ct/`.

## Known limitations

- Synthetic anatomy: ellipses and blobs with plausible HU, not real CT
  (no streak artifacts, no partial slices through organs, one finding per
  slice, one slice per case). Retrieval quality on real CT is unknown.
- Eight coarse classes; a lesion class means "this region with this finding
  somewhere", so retrieval does not distinguish lesion size or site.
- The host must implement the three-window preprocessing (`"windows"`) for
  the embeddings to mean what this card says.
"""
    with open(os.path.join(args.out, NAME + ".md"), "w") as f:
        f.write(card)


if __name__ == "__main__":
    sys.exit(main())

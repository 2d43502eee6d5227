#!/usr/bin/python3
"""Trains and exports MoEScope's bundled sample model, moe-vit-shapes-tiny.

    /usr/bin/python3 resources/models/recipe/train_shapes.py

Deterministic (fixed seeds, synthetic data), about two to three minutes on two
CPU threads with Debian's python3-torch. Writes, relative to the repository:

    resources/models/moe-vit-shapes-tiny.pt    TorchScript + moescope.json
    resources/models/moe-vit-shapes-tiny.md    model card
    resources/samples/shapes-<class>.png       four held-out samples, 224 x 224
    resources/samples/shapes-circle.dcm        the circle sample as DICOM

The generated training images are cached under resources/models/recipe/data/
(ignored by git).
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

# Other processes share this machine's cores: OpenMP threads that spin while
# waiting for a busy core waste most of the time, so let them sleep instead.
# (Only for training; the latency in the model card is measured by
# tests/bench/bench_python.py in a child process with the caller's own setting.)
CALLER_OMP_WAIT_POLICY = os.environ.get("OMP_WAIT_POLICY")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, HERE)

import shapes_data  # noqa: E402
from moe_layers import load_balancing_loss  # noqa: E402
from moe_vit import MEAN, STD, MoEViT  # noqa: E402

NAME = "moe-vit-shapes-tiny"
LAYERS = [  # (name in the model, experts, top_k)
    ("blocks.1.mlp", 4, 1),
    ("blocks.3.mlp", 4, 2),
]
SAMPLE_CLASSES = ["circle", "square", "triangle", "ring"]


def log(*args):
    print(*args, flush=True)


def cached_dataset(n, seed, with_masks=False):
    os.makedirs(os.path.join(HERE, "data"), exist_ok=True)
    src = open(os.path.join(HERE, "shapes_data.py"), "rb").read()
    key = hashlib.sha256(src + f"{n}:{seed}:{with_masks}".encode()).hexdigest()[:16]
    path = os.path.join(HERE, "data", f"shapes-{n}-{seed}-{key}.npz")
    if os.path.exists(path):
        z = np.load(path)
        return (z["images"], z["labels"], z["masks"]) if with_masks else (z["images"], z["labels"])
    t = time.time()
    res = shapes_data.make_dataset(n, seed, with_masks=with_masks)
    if with_masks:
        np.savez(path, images=res[0], labels=res[1], masks=res[2])
    else:
        np.savez(path, images=res[0], labels=res[1])
    log(f"generated {n} images (seed {seed}) in {time.time() - t:.1f} s")
    return res


def to_input(images_u8):
    """uint8 [N, H, W, 3] -> normalised float32 [N, 3, H, W]."""
    x = torch.from_numpy(images_u8).permute(0, 3, 1, 2).float().div_(255.0)
    mean = torch.tensor(MEAN).reshape(1, 3, 1, 1)
    std = torch.tensor(STD).reshape(1, 3, 1, 1)
    return (x - mean) / std


def evaluate(model, images, labels, masks, batch=100):
    """Accuracy, and per layer per expert top-1 token counts (patch tokens
    only), split by whether the patch lies mostly on the shape."""
    model.eval()
    mask = torch.ones(len(LAYERS), max(e for _, e, _ in LAYERS))
    correct = 0
    counts = [np.zeros((e, 2), dtype=np.int64) for _, e, _ in LAYERS]  # [:, 0] bg, [:, 1] fg
    with torch.inference_mode():
        for i in range(0, len(images), batch):
            out = model(to_input(images[i:i + batch]), mask)
            correct += int((out["logits"].argmax(1) == torch.from_numpy(labels[i:i + batch])).sum())
            m = torch.from_numpy(masks[i:i + batch]).reshape(-1, 16, 8, 16, 8).mean(dim=(2, 4))
            fg = (m.reshape(m.shape[0], -1) > 0.5).long()  # [b, 256]
            for li in range(len(LAYERS)):
                top1 = out[f"router.{li}"][:, 1:].argmax(-1)  # patch tokens only
                idx = (top1 * 2 + fg).reshape(-1).numpy()
                counts[li] += np.bincount(idx, minlength=counts[li].size).reshape(-1, 2)
    return correct / len(images), counts


def load_table(counts, fg_share):
    lines = ["| layer | expert | top-1 share of patch tokens | on-shape tokens | background tokens |",
             "| --- | --- | --- | --- | --- |"]
    for (name, e, k), c in zip(LAYERS, counts):
        total = c.sum()
        for j in range(e):
            lines.append(f"| {name} (top-{k}) | {j} | {100 * c[j].sum() / total:.1f} % "
                         f"| {100 * c[j, 1] / max(c[:, 1].sum(), 1):.1f} % "
                         f"| {100 * c[j, 0] / max(c[:, 0].sum(), 1):.1f} % |")
    lines.append("")
    lines.append(f"On-shape and background columns: share of the on-shape ({100 * fg_share:.1f} % "
                 "of patch tokens: more than half the 8 x 8 patch covered by the shape) and of "
                 "the background tokens that each expert takes as top-1.")
    return "\n".join(lines)


def write_dicom(path, grey_u8, title):
    import pydicom
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian, generate_uid

    sop_class = "1.2.840.10008.5.1.4.1.1.7"  # Secondary Capture Image Storage
    uid = lambda tag: generate_uid(entropy_srcs=[NAME, os.path.basename(path), tag])  # noqa: E731
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = uid("sop")
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = pydicom.uid.PYDICOM_IMPLEMENTATION_UID
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = uid("study")
    ds.SeriesInstanceUID = uid("series")
    ds.PatientName = "Anonymous^Sample"
    ds.PatientID = "MOESCOPE-SAMPLE"
    ds.Modality = "OT"
    ds.ConversionType = "SYN"
    ds.StudyDate = ds.SeriesDate = "20240101"
    ds.StudyDescription = "MoEScope synthetic sample"
    ds.SeriesDescription = title
    ds.SeriesNumber = 1
    ds.InstanceNumber = 1
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows, ds.Columns = grey_u8.shape
    ds.PixelSpacing = [0.5, 0.5]
    ds.BitsAllocated = 8
    ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    ds.WindowCenter = 128
    ds.WindowWidth = 256
    ds.PixelData = np.ascontiguousarray(grey_u8, dtype=np.uint8).tobytes()
    ds.save_as(path, write_like_original=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--steps", type=int, default=240)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=1.5e-3)
    ap.add_argument("--aux", type=float, default=0.05, help="load-balancing loss weight")
    ap.add_argument("--train-size", type=int, default=4000)
    ap.add_argument("--test-size", type=int, default=1000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default=os.path.join(ROOT, "resources", "models"))
    ap.add_argument("--samples", default=os.path.join(ROOT, "resources", "samples"))
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    t0 = time.time()
    train_x, train_y = cached_dataset(args.train_size, seed=1)
    test_x, test_y, test_m = cached_dataset(args.test_size, seed=2, with_masks=True)

    model = MoEViT(num_classes=len(shapes_data.CLASSES),
                   experts=[e for _, e, _ in LAYERS], top_k=[k for _, _, k in LAYERS])
    decay = [p for n, p in model.named_parameters() if p.ndim >= 2 and "pos_embed" not in n]
    no_decay = [p for n, p in model.named_parameters() if not (p.ndim >= 2 and "pos_embed" not in n)]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.05},
                             {"params": no_decay, "weight_decay": 0.0}], lr=args.lr)
    warmup = max(1, args.steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warmup)
                                              * 0.5 * (1 + math.cos(math.pi * min(s, args.steps) / args.steps)))
    mask = torch.ones(len(LAYERS), max(e for _, e, _ in LAYERS))
    gen = torch.Generator().manual_seed(0)
    model.train()
    t_train = time.time()
    order = torch.randperm(len(train_x), generator=gen)
    pos = 0
    for step in range(args.steps):
        if pos + args.batch > len(order):
            order, pos = torch.randperm(len(train_x), generator=gen), 0
        idx = order[pos:pos + args.batch].numpy()
        pos += args.batch
        x = to_input(train_x[idx])
        if bool(torch.rand(1, generator=gen) < 0.5):  # shapes are mirror-symmetric classes
            x = x.flip(3)
        y = torch.from_numpy(train_y[idx])
        out = model(x, mask)
        ce = F.cross_entropy(out["logits"], y, label_smoothing=0.05)
        aux = sum(load_balancing_loss(out[f"router.{i}"]) for i in range(len(LAYERS))) / len(LAYERS)
        loss = ce + args.aux * aux
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        if step % 20 == 0 or step == args.steps - 1:
            acc = (out["logits"].argmax(1) == y).float().mean().item()
            log(f"step {step:4d}  ce {ce.item():.3f}  balance {aux.item():.3f}  batch acc {acc:.2f}  "
                f"{time.time() - t_train:.0f} s")
    train_s = time.time() - t_train

    acc, counts = evaluate(model, test_x, test_y, test_m)
    fg_share = float((torch.from_numpy(test_m).reshape(-1, 16, 8, 16, 8).mean(dim=(2, 4)) > 0.5).float().mean())
    table = load_table(counts, fg_share)
    log(f"\nheld-out accuracy: {100 * acc:.1f} % ({len(test_x)} images)\n")
    log(table)
    ok_acc = acc >= 0.85
    ok_balance = all((c.sum(1) / c.sum() >= 0.05).sum() >= 2 for c in counts)
    if not (ok_acc and ok_balance):
        log("WARNING: target missed (accuracy >= 85 %, two experts >= 5 % per layer)")

    # ---- export -------------------------------------------------------------------------
    model.eval()
    scripted = torch.jit.script(model)
    meta = {
        "schema": 1,
        "name": NAME,
        "task": "generic",
        "title": "Tiny MoE ViT: synthetic shapes",
        "description": ("A 4-block Vision Transformer with two routed MoE FFN layers "
                        "(4 experts top-1, 4 experts top-2), trained in a few minutes on CPU "
                        "to classify synthetic shapes (circle, square, triangle, cross, ring) "
                        "on gradient, striped and noise backgrounds. MoEScope's bundled "
                        "sample model; not for clinical use."),
        "license": "MIT",
        "reference": "V-MoE (Riquelme et al. 2021) style",
        "inputs": [
            {"name": "image", "kind": "image", "channels": 3, "height": 128, "width": 128,
             "mean": MEAN, "std": STD},
            {"name": "expert_mask", "kind": "expert_mask"},
        ],
        "outputs": {"logits": {"kind": "classes", "labels": list(shapes_data.CLASSES)}},
        "moe_layers": [
            {"name": name, "experts": e, "top_k": k, "router": "top-k",
             "tokens": [{"input": "image", "offset": 1, "grid": [16, 16]}]}
            for name, e, k in LAYERS
        ],
    }
    os.makedirs(args.out, exist_ok=True)
    pt = os.path.join(args.out, NAME + ".pt")
    torch.jit.save(scripted, pt, _extra_files={"moescope.json": json.dumps(meta, indent=2)})

    # Round trip: the saved file loads and agrees with the trained model.
    extra = {"moescope.json": ""}
    loaded = torch.jit.load(pt, _extra_files=extra)
    assert json.loads(extra["moescope.json"]) == meta
    with torch.inference_mode():
        x = to_input(test_x[:8])
        a, b = model(x, mask), loaded(x, mask)
        for key in a:
            assert torch.allclose(a[key], b[key], atol=1e-5), key
        for i in range(len(LAYERS)):
            assert torch.allclose(b[f"router.{i}"].sum(-1), torch.ones(1), atol=1e-4)
    size_mb = os.path.getsize(pt) / 2**20
    log(f"\nwrote {os.path.relpath(pt, ROOT)} ({size_mb:.2f} MiB)")
    env = dict(os.environ)
    env.pop("OMP_WAIT_POLICY", None)
    if CALLER_OMP_WAIT_POLICY is not None:
        env["OMP_WAIT_POLICY"] = CALLER_OMP_WAIT_POLICY
    bench = json.loads(subprocess.run(
        [sys.executable, os.path.join(ROOT, "tests", "bench", "bench_python.py"), "--model", pt,
         "--batch", "1", "--threads", str(args.threads), "--iterations", "50", "--json"],
        env=env, check=True, capture_output=True, text=True).stdout)
    latency_ms = bench["median_ms"]
    log(f"batch-1 forward (tests/bench/bench_python.py): median {latency_ms:.1f} ms, "
        f"p95 {bench['p95_ms']:.1f} ms on {args.threads} threads")

    # ---- samples: held-out scenes rendered at 224 x 224 ----------------------------------
    os.makedirs(args.samples, exist_ok=True)
    rng = np.random.default_rng(3)
    wanted = [shapes_data.CLASSES.index(c) for c in SAMPLE_CLASSES]
    samples = {}  # class -> (image, confidence): the most confident correct one
    with torch.inference_mode():
        for _ in range(100):
            scene = shapes_data.sample_scene(rng)
            if scene["label"] not in wanted:
                continue
            img = shapes_data.render(scene, 224)
            small = F.interpolate(to_input(img[None]), size=(128, 128), mode="bilinear",
                                  align_corners=False, antialias=True)
            p = torch.softmax(loaded(small, mask)["logits"], -1)[0]
            cls = shapes_data.CLASSES[scene["label"]]
            if int(p.argmax()) == scene["label"] and float(p.max()) > samples.get(cls, (None, 0.0))[1]:
                samples[cls] = (img, float(p.max()))
    for cls in SAMPLE_CLASSES:
        img, conf = samples[cls]
        shapes_data.write_png(os.path.join(args.samples, f"shapes-{cls}.png"), img)
        log(f"wrote resources/samples/shapes-{cls}.png (model: {cls} {100 * conf:.0f} %)")
    grey = (samples["circle"][0].astype(np.float64) @ np.array([0.299, 0.587, 0.114]) + 0.5)
    write_dicom(os.path.join(args.samples, "shapes-circle.dcm"), grey.clip(0, 255).astype(np.uint8),
                "shapes-circle (luminance of shapes-circle.png)")
    log("wrote resources/samples/shapes-circle.dcm")

    notes = []
    for (name, e, k), c in zip(LAYERS, counts):
        fg = c[:, 1] / max(c[:, 1].sum(), 1)
        bg = c[:, 0] / max(c[:, 0].sum(), 1)
        hi, lo = int(np.argmax(fg - bg)), int(np.argmin(fg - bg))
        notes.append(f"In `{name}`, expert {hi} takes {100 * fg[hi]:.1f} % of the on-shape tokens "
                     f"but {100 * bg[hi]:.1f} % of the background ones; expert {lo} "
                     f"{100 * fg[lo]:.1f} % against {100 * bg[lo]:.1f} %.")
    specialisation = " ".join(notes)

    # ---- model card -------------------------------------------------------------------------
    card = f"""# {NAME}

MoEScope's bundled sample model: a tiny Mixture-of-Experts Vision Transformer
that classifies synthetic shapes. It exists so that the workbench has a model
to open, route and ablate out of the box, and as a worked example of the model
contract (`docs/model-contract.md`). **Not for clinical use**, nor for any
decision about real images: it has only ever seen the synthetic shapes below.

| | |
| --- | --- |
| File | `resources/models/{NAME}.pt` (TorchScript, {size_mb:.1f} MiB, {sum(p.numel() for p in model.parameters()):,} parameters) |
| Task | `generic`, 5-way classification: {", ".join(shapes_data.CLASSES)} |
| Input | `image`: RGB float32 [B, 3, 128, 128], pixels in [0, 1], normalised with mean {MEAN}, std {STD}; `expert_mask`: float32 [2, 4] |
| Outputs | `logits` [B, 5]; `router.0`, `dispatch.0`, `router.1`, `dispatch.1`, each [B, 257, 4] |
| Held-out accuracy | **{100 * acc:.1f} %** on {len(test_x)} images never seen in training |
| License | MIT |
| Reference | V-MoE (Riquelme et al. 2021) style |

## Architecture

- Patch embedding: a convolutional stem (three 3x3 stride-2 convolutions
  3→24→48→96, each with BatchNorm and ReLU, then a 1x1 convolution), i.e.
  stride 8: a 16 x 16 grid of tokens, each over its own 8 x 8 patch (plus
  context). A learned class token is prepended (token 0), so
  the 256 patch tokens are tokens 1..256, row-major; learned position embeddings.
- Four pre-norm transformer blocks, width 96, 3 attention heads, FFN hidden 192.
- Blocks 1 and 3 (0-based) replace the FFN by a routed MoE FFN
  (`blocks.1.mlp`: 4 experts, top-1; `blocks.3.mlp`: 4 experts, top-2). The
  router is a linear layer followed by a softmax over the experts; each token
  goes to its top-k experts with the top-k probabilities renormalised as
  combine weights. `router.<i>` are the probabilities, `dispatch.<i>` the
  combine weights applied (0 elsewhere). The class token is routed as well but
  lies on no grid.
- Expert ablation: `expert_mask` row i switches experts of layer i off (0);
  their logits are masked before the softmax, so the router renormalises over
  the remaining experts and the reported probabilities are the renormalised
  ones. Masking every expert of a layer makes that FFN a no-op.
- Classification head: LayerNorm + linear on the class token.
- Implementation note: per-token linear layers run as 1x1 convolutions on a
  channels-first token layout (and attention's matrix products as grouped 1x1
  convolutions), because Debian's LibTorch uses the reference BLAS; the
  parameters are ordinary linear weights. Batch-1 forward took a median
  {latency_ms:.0f} ms on {args.threads} CPU threads when this card was written
  (`tests/bench/bench_python.py --model resources/models/{NAME}.pt` measures it).

## Training data

Synthetic, generated by `resources/models/recipe/shapes_data.py` from seeded
numpy generators: one shape per image (circle, square, triangle, cross or
ring; radius 16-32 % of the image, random position, rotation within ±23°,
light random colour and shading) on one of three darker backgrounds (smooth
two-colour gradient, stripes, two-colour value noise), plus pixel noise. {args.train_size} training images (seed 1),
{args.test_size} held-out images (seed 2); the samples in `resources/samples/`
come from a third seed (3) and are rendered at 224 x 224.

Training: {args.steps} steps of AdamW (batch {args.batch}, lr {args.lr}, warm-up then
cosine decay, weight decay 0.05, label smoothing 0.05, random horizontal
flips), cross-entropy plus {args.aux} x the Switch-Transformer load-balancing
loss averaged over both MoE layers; {train_s:.0f} s on {args.threads} CPU threads.

## Expert load on the held-out images

Top-1 expert per patch token (class token excluded), over all
{len(test_x)} held-out images:

{table}

{specialisation}

## Reproduce

```sh
/usr/bin/python3 resources/models/recipe/train_shapes.py
```

Deterministic given the same torch build and thread count (Debian 12
python3-torch 1.13, 2 threads; the script fixes PYTHONHASHSEED so that the
archive is byte-identical); writes the model, this card and the samples.
"""
    with open(os.path.join(args.out, NAME + ".md"), "w") as f:
        f.write(card)
    log(f"wrote {os.path.relpath(os.path.join(args.out, NAME + '.md'), ROOT)}")
    log(f"total {time.time() - t0:.0f} s")
    return 0 if (ok_acc and ok_balance) else 1


if __name__ == "__main__":
    sys.exit(main())

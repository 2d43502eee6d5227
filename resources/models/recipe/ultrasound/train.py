#!/usr/bin/python3
"""Trains and exports us-m2dino-tiny, MoEScope's reference ultrasound model.

    /usr/bin/python3 resources/models/recipe/ultrasound/train.py

Deterministic (fixed seeds, synthetic data, one training thread). Writes,
relative to the repository:

    resources/models/us-m2dino-tiny.pt     TorchScript + moescope.json
    resources/models/us-m2dino-tiny.md     model card (numbers from this run)
    resources/samples/ultrasound/          held-out PNG frames and a DICOM cine

The generated images are cached under resources/models/recipe/data/ (ignored
by git); a cold run generates them first (a few minutes on one core).
"""

import argparse
import hashlib
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time

# TorchScript writes a module's constants in set order: fix Python's hash seed
# so that the archive comes out byte-identical run after run.
if __name__ == "__main__" and os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))

# Other processes share this machine's cores: OpenMP threads that spin while
# waiting for a busy core waste most of the time, so let them sleep instead.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
RECIPE = os.path.dirname(HERE)
ROOT = os.path.normpath(os.path.join(RECIPE, "..", "..", ".."))
sys.path.insert(0, HERE)
sys.path.insert(0, RECIPE)

import data as usdata  # noqa: E402
from export_moescope import validate_moescope  # noqa: E402
from model import LESION_CLASSES, TASKS, USM2DinoTiny  # noqa: E402
from moe_layers import load_balancing_loss  # noqa: E402
from shapes_data import write_png  # noqa: E402

NAME = "us-m2dino-tiny"
TOKEN_LAYER = ("blocks.0.mlp", 4, 1)
TASK_LAYERS = [("blocks.1.mlp", 6, 2), ("blocks.2.mlp", 6, 2)]
E_MAX = 6
T_ORGAN, T_LESION, T_CLS = 0, 1, 2
SHOWN_REGIONS = list(usdata.REGION_CLASSES)


def log(*args):
    print(*args, flush=True)


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------

def cached_dataset(n, seed):
    os.makedirs(os.path.join(RECIPE, "data"), exist_ok=True)
    src = open(os.path.join(HERE, "data.py"), "rb").read()
    key = hashlib.sha256(src + f"{n}:{seed}".encode()).hexdigest()[:16]
    path = os.path.join(RECIPE, "data", f"ultrasound-{n}-{seed}-{key}.npz")
    if os.path.exists(path):
        z = np.load(path)
        return {k: z[k] for k in z.files}
    t = time.time()
    d = usdata.make_dataset(n, seed)
    np.savez(path, **d)
    log(f"generated {n} B-mode images (seed {seed}) in {time.time() - t:.0f} s")
    return d


def to_input(images_u8, mean, std):
    """uint8 [N, H, W] -> normalised float32 [N, 1, H, W]."""
    x = torch.from_numpy(images_u8).float().div_(255.0).unsqueeze(1)
    return (x - mean) / std


def pool_mask(m):
    """bool [N, 128, 128] -> float fraction [N, 64, 64] (the head's resolution)."""
    return F.avg_pool2d(torch.from_numpy(m).float().unsqueeze(1), 2).squeeze(1)


# ---------------------------------------------------------------------------
# Losses
# ---------------------------------------------------------------------------

def seg_loss(logits, target):
    """Cross-entropy against soft (pooled) targets plus soft Dice on the
    foreground, per image. logits [n, 2, h, w], target [n, h, w] in [0, 1]."""
    logp = F.log_softmax(logits, dim=1)
    ce = -(target * logp[:, 1] + (1 - target) * logp[:, 0]).mean()
    p = logp[:, 1].exp()
    inter = (p * target).sum(dim=(1, 2))
    denom = p.sum(dim=(1, 2)) + target.sum(dim=(1, 2))
    dice = 1 - (2 * inter + 1.0) / (denom + 1.0)
    return ce + dice.mean()


def task_mi_loss(block):
    """Negative mutual information between task and expert (Mod-Squad style)
    for a task-conditioned layer: -(H(mean_t p(e|t)) - mean_t H(p(e|t))).
    Pushes the tasks towards distinct, confident expert choices while keeping
    the experts as a whole in use."""
    mlp = block.mlp
    tasks = torch.arange(mlp.task_embed.num_embeddings)
    p = torch.softmax(mlp.router(mlp.task_embed(tasks)), dim=-1)      # [T, E]
    pm = p.mean(dim=0)
    h_marg = -(pm * torch.log(pm + 1e-9)).sum()
    h_cond = -(p * torch.log(p + 1e-9)).sum(dim=1).mean()
    return -(h_marg - h_cond)


# ---------------------------------------------------------------------------
# Metrics
# ---------------------------------------------------------------------------

def auc_binary(score, positive):
    """Area under the ROC curve (Mann-Whitney, ties counted half)."""
    pos, neg = score[positive], score[~positive]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    order = np.argsort(np.concatenate([pos, neg]), kind="mergesort")
    allv = np.concatenate([pos, neg])[order]
    ranks = np.empty(len(allv))
    i = 0
    while i < len(allv):
        j = i
        while j + 1 < len(allv) and allv[j + 1] == allv[i]:
            j += 1
        ranks[i:j + 1] = (i + j) / 2 + 1
        i = j + 1
    r = np.empty(len(allv))
    r[order] = ranks
    return float((r[:len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def dice(pred, gt):
    inter = (pred & gt).sum(axis=(1, 2))
    return 2 * inter / np.maximum(pred.sum(axis=(1, 2)) + gt.sum(axis=(1, 2)), 1)


def evaluate(model, d, mean, std, batch=50):
    """Held-out metrics and routing statistics."""
    model.eval()
    mask = torch.ones(1 + len(TASK_LAYERS), E_MAX)
    n = len(d["image"])
    organ_pred, lesion_pred, probs_cls = [], [], []
    counts = np.zeros((TOKEN_LAYER[1], len(SHOWN_REGIONS)), dtype=np.int64)
    per_probe = np.zeros((3, TOKEN_LAYER[1]), dtype=np.int64)
    with torch.inference_mode():
        for i in range(0, n, batch):
            x = to_input(d["image"][i:i + batch], mean, std)
            b = x.shape[0]
            outs = [model(x, torch.full((b,), t, dtype=torch.long), mask) for t in range(3)]
            up = lambda z: F.interpolate(z, size=(128, 128), mode="bilinear", align_corners=False)  # noqa: E731
            organ_pred.append(up(outs[T_ORGAN]["organ_mask"]).argmax(1).numpy().astype(bool))
            lesion_pred.append(up(outs[T_LESION]["lesion_mask"]).argmax(1).numpy().astype(bool))
            probs_cls.append(torch.softmax(outs[T_CLS]["lesion_class"], -1).numpy())
            # token routing (blocks.0 comes before any task-conditioned block, so
            # it is the same for every task): top-1 expert per patch token
            top1 = outs[T_ORGAN]["router.0"][:, 1:].argmax(-1).numpy()            # [b, 256]
            reg = d["region"][i:i + b].reshape(b, 16, 8, 16, 8).transpose(0, 1, 3, 2, 4).reshape(b, 256, 64)
            # the patch's region: its most frequent label
            lab = (reg[..., None] == np.arange(len(SHOWN_REGIONS))).sum(2).argmax(-1)
            np.add.at(counts, (top1.reshape(-1), lab.reshape(-1)), 1)
            for j in range(b):
                per_probe[d["probe"][i + j]] += np.bincount(top1[j], minlength=TOKEN_LAYER[1])
    organ_pred = np.concatenate(organ_pred)
    lesion_pred = np.concatenate(lesion_pred)
    probs_cls = np.concatenate(probs_cls)
    organ_d = dice(organ_pred, d["organ"])
    has_les = d["lesion"].sum(axis=(1, 2)) > 0
    les_d = dice(lesion_pred, d["lesion"])[has_les]
    normal = d["label"] == 0
    fp_normal = float((lesion_pred[normal].sum(axis=(1, 2)) >= 20).mean())
    y = d["label"]
    acc = float((probs_cls.argmax(1) == y).mean())
    aucs = [auc_binary(probs_cls[:, c], y == c) for c in range(3)]
    conf = np.zeros((3, 3), dtype=np.int64)
    np.add.at(conf, (y, probs_cls.argmax(1)), 1)
    les_by_kind = {k: float(dice(lesion_pred, d["lesion"])[(d["label"] == c) & has_les].mean())
                   for c, k in ((1, "cyst"), (2, "solid"))}
    organ_by_probe = {p: float(organ_d[d["probe"] == i].mean()) for i, p in enumerate(usdata.PROBES)}
    return {
        "organ_dice": float(organ_d[d["organ"].sum(axis=(1, 2)) > 0].mean()),
        "organ_by_probe": organ_by_probe,
        "lesion_dice": float(les_d.mean()), "lesion_dice_n": int(has_les.sum()),
        "lesion_by_kind": les_by_kind,
        "lesion_fp_normal": fp_normal, "n_normal": int(normal.sum()),
        "acc": acc, "auc": aucs, "auc_macro": float(np.mean(aucs)), "confusion": conf,
        "counts": counts, "per_probe": per_probe,
    }


def task_gates(model):
    """Per task-conditioned layer: [tasks, experts] router probabilities and
    the top-k experts each task uses."""
    res = []
    with torch.inference_mode():
        for li in range(len(TASK_LAYERS)):
            mlp = model.blocks[1 + li].mlp
            p = torch.softmax(mlp.router(mlp.task_embed(torch.arange(len(TASKS)))), -1).numpy()
            top = [sorted(np.argsort(-p[t])[:mlp.top_k].tolist()) for t in range(len(TASKS))]
            res.append((p, top))
    return res


# ---------------------------------------------------------------------------
# Tables for the model card
# ---------------------------------------------------------------------------

def token_tables(counts):
    E = counts.shape[0]
    tot_r = counts.sum(0)
    keep = [r for r in range(len(SHOWN_REGIONS)) if tot_r[r] > 0]
    load = counts.sum(1) / counts.sum()
    head = "| expert | load (top-1 share of patch tokens) | " + " | ".join(SHOWN_REGIONS[r] for r in keep) + " |"
    sep = "| --- | --- |" + " --- |" * len(keep)
    a = [head, sep]
    for e in range(E):
        a.append(f"| {e} | {100 * load[e]:.1f} % | " + " | ".join(
            f"{100 * counts[e, r] / tot_r[r]:.1f} %" for r in keep) + " |")
    a.append("| (share of all patch tokens) | | " + " | ".join(
        f"{100 * tot_r[r] / tot_r.sum():.1f} %" for r in keep) + " |")
    b = ["| expert | " + " | ".join(SHOWN_REGIONS[r] for r in keep) + " |", "| --- |" + " --- |" * len(keep)]
    for e in range(E):
        row = counts[e] / max(counts[e].sum(), 1)
        b.append(f"| {e} | " + " | ".join(f"{100 * row[r]:.1f} %" for r in keep) + " |")
    return "\n".join(a), "\n".join(b)


def token_expert_names(counts):
    """Names each token-level expert by the region classes whose tokens it
    takes most of: every class of which it takes >= 40 % (largest first, at
    most three), else the class of which it takes the largest share."""
    share = counts / np.maximum(counts.sum(0, keepdims=True), 1)      # [E, R], columns sum to 1
    names = []
    for e in range(counts.shape[0]):
        order = [r for r in np.argsort(-share[e]) if counts[:, r].sum() > 0]
        cand = [r for r in order if share[e, r] >= 0.4][:3] or order[:1]
        names.append("/".join(SHOWN_REGIONS[r] for r in cand))
    return names


def task_expert_names(top, E):
    names = []
    for e in range(E):
        users = [TASKS[t] for t in range(len(TASKS)) if e in top[t]]
        names.append(" + ".join(users) if users else "unused")
    return names


def gate_table(p, top):
    E = p.shape[1]
    lines = ["| task | " + " | ".join(f"expert {e}" for e in range(E)) + " | top-2 |",
             "| --- |" + " --- |" * (E + 1)]
    for t, name in enumerate(TASKS):
        cells = [(f"**{p[t, e]:.2f}**" if e in top[t] else f"{p[t, e]:.2f}") for e in range(E)]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {', '.join(map(str, top[t]))} |")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Speed
# ---------------------------------------------------------------------------

BENCH_SNIPPET = r"""
import statistics, sys, time, torch
torch.set_num_threads(2)
m = torch.jit.load(sys.argv[1]).eval()
x = torch.randn(1, 1, 128, 128, generator=torch.Generator().manual_seed(0))
mask = torch.ones(3, 6)
res = {}
with torch.inference_mode():
    for t in range(3):
        task = torch.tensor([t])
        for _ in range(10):
            m(x, task, mask)
        ts = []
        for _ in range(50):
            a = time.perf_counter(); m(x, task, mask); ts.append(time.perf_counter() - a)
        res[t] = (statistics.median(ts) * 1000, sorted(ts)[int(0.95 * len(ts)) - 1] * 1000)
print(repr(res))
"""


def bench_python(pt):
    """Median / p95 batch-1 latency per task on 2 threads, in a child process
    (the caller's OMP_WAIT_POLICY: PASSIVE here)."""
    out = subprocess.run([sys.executable, "-c", BENCH_SNIPPET, pt], check=True,
                         capture_output=True, text=True).stdout
    import ast
    return ast.literal_eval(out.strip().splitlines()[-1])


def bench_cli(pt):
    cli = os.path.join(ROOT, "build", "app", "moescope-cli")
    if not os.path.exists(cli):
        cli = os.path.join(ROOT, "build", "app", "cli", "moescope-cli")
    if not os.path.exists(cli):
        return None
    try:
        r = subprocess.run([cli, "bench", "--model", pt, "--json", "--threads", "2"],
                           capture_output=True, text=True, timeout=300)
        return json.loads(r.stdout.strip().splitlines()[-1])
    except Exception as e:  # noqa: BLE001 - the CLI is optional here
        log(f"moescope-cli bench failed: {e}")
        return None


# ---------------------------------------------------------------------------
# Samples
# ---------------------------------------------------------------------------

FONT = {  # 3 x 5 bitmaps for the cine's annotation band
    "0": "111101101101111", "1": "010110010010111", "2": "111001111100111",
    "3": "111001111001111", "4": "101101111001001", "5": "111100111001111",
    "6": "111100111101111", "7": "111001001001001", "8": "111101111101111",
    "9": "111101111001111", "C": "111100100100111", "M": "101111111101101",
    "H": "101101111101101", "Z": "111001010100111", "G": "111100101101111",
    "D": "110101101101110", "B": "110101110101110", "S": "111100111001111",
    "Y": "101101010010010", "N": "111101101101101", " ": "000000000000000",
    ".": "000000000000010", "-": "000000111000000", "c": "000000111100111",
    "m": "000000111111101", "O": "111101101101111", "E": "111100111100111",
    "P": "111101111100100",
}


def draw_text(img, text, x, y, scale=2, value=200):
    for ch in text:
        bits = FONT.get(ch, FONT[" "])
        for i, b in enumerate(bits):
            if b == "1":
                r, c = divmod(i, 3)
                img[y + r * scale:y + (r + 1) * scale, x + c * scale:x + (c + 1) * scale] = value
        x += 4 * scale
    return img


def write_cine(path, frames, region, delta_cm, ref, title):
    """frames uint8 [N, rows, cols]; region (x0, y0, x1, y1) inclusive pixels;
    delta_cm (dx, dy) cm per pixel; ref (x, y) of the skin-line centre
    relative to the region's top-left pixel."""
    import pydicom
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.sequence import Sequence
    from pydicom.uid import ExplicitVRLittleEndian, generate_uid

    sop_class = "1.2.840.10008.5.1.4.1.1.3.1"  # Ultrasound Multi-frame Image Storage
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
    ds.PatientName = "Anonymous^Synthetic"
    ds.PatientID = "MOESCOPE-US-SAMPLE"
    ds.Modality = "US"
    ds.Manufacturer = "MoEScope synthetic B-mode generator"
    ds.StudyDate = ds.SeriesDate = ds.ContentDate = "20240101"
    ds.StudyTime = ds.SeriesTime = ds.ContentTime = "120000"
    ds.StudyDescription = "MoEScope synthetic ultrasound sample"
    ds.SeriesDescription = title
    ds.ImageType = ["DERIVED", "SECONDARY"]
    ds.BurnedInAnnotation = "YES"
    ds.SeriesNumber = 1
    ds.InstanceNumber = 1
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    n, rows, cols = frames.shape
    ds.Rows, ds.Columns = rows, cols
    ds.NumberOfFrames = n
    ds.FrameTime = 66.7
    ds.CineRate = 15
    ds.RecommendedDisplayFrameRate = 15
    ds.FrameIncrementPointer = pydicom.tag.Tag(0x0018, 0x1063)   # FrameTime
    ds.BitsAllocated = 8
    ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    ds.LossyImageCompression = "00"
    reg = Dataset()
    reg.RegionSpatialFormat = 1          # 2D
    reg.RegionDataType = 1               # tissue
    reg.RegionFlags = 0
    reg.RegionLocationMinX0, reg.RegionLocationMinY0 = int(region[0]), int(region[1])
    reg.RegionLocationMaxX1, reg.RegionLocationMaxY1 = int(region[2]), int(region[3])
    reg.PhysicalUnitsXDirection = 3      # cm
    reg.PhysicalUnitsYDirection = 3
    reg.PhysicalDeltaX = float(delta_cm[0])
    reg.PhysicalDeltaY = float(delta_cm[1])
    reg.ReferencePixelX0 = int(round(ref[0]))
    reg.ReferencePixelY0 = int(round(ref[1]))
    reg.ReferencePixelPhysicalValueX = 0.0
    reg.ReferencePixelPhysicalValueY = 0.0
    ds.SequenceOfUltrasoundRegions = Sequence([reg])
    ds.PixelData = np.ascontiguousarray(frames, dtype=np.uint8).tobytes()
    ds.save_as(path, write_like_original=False)


def make_cine(scene, seed, frames=12, height=224, shift_per_frame=2):
    """A sector cine: the probe rocks slowly (shift_per_frame beams at
    oversample 2 per frame), the speckle moves with the tissue. Returns
    (frames uint8 [N, rows, cols], region, delta_cm, ref, masks)."""
    rng = np.random.default_rng([seed, 1000])
    x0, x1, z0, z1 = scene["box"]
    width = int(round(height * (x1 - x0) / (z1 - z0)))      # square pixels
    os_ = 2
    B, S, P = usdata.BEAMS * os_, usdata.SAMPLES * os_, usdata.PAD * os_
    scat = usdata.scatterers(rng, S, B + 2 * P + shift_per_frame * frames)
    left, top, right, bottom = 24, 30, 40, 14
    rows, cols = top + height + bottom, left + width + right
    out = np.zeros((frames, rows, cols), np.uint8)
    masks = []
    dz = (z1 - z0) / height
    for f in range(frames):
        r = usdata.render(scene, height, width, os_, rng, scat=scat, shift=f * shift_per_frame)
        out[f, top:top + height, left:left + width] = r["image"]
        masks.append(r)
        # annotation band and depth scale (burned in, outside the region)
        draw_text(out[f], "MOESCOPE SYN C5-2", 4, 6, 2, 210)
        draw_text(out[f], f"D {scene['depth']:.0f}cm  G 50", 4 + 4 * 2 * 19, 6, 2, 210)
        draw_text(out[f], f"{f + 1:02d}", cols - 22, 6, 2, 160)
        for k in range(int((z1 - z0)) + 1):
            y = top + int(round((k - z0) / dz)) if k >= z0 else None
            if y is None or y >= top + height:
                continue
            out[f, y, left + width + 4:left + width + (12 if k % 5 == 0 else 8)] = 220
            if k % 5 == 0 and k > 0:
                draw_text(out[f], str(k), left + width + 15, max(0, y - 5), 2, 200)
        out[f, top + 2:top + 6, left + 2:left + 6] = 230           # orientation marker
    region = (left, top, left + width - 1, top + height - 1)
    ref = ((0.0 - x0) / ((x1 - x0) / width), (0.0 - z0) / dz)     # skin-line centre
    return out, region, ((x1 - x0) / width, dz), ref, masks


def cine_summary(model, frames, region, masks, mean, std, mask):
    """Runs the model on every cine frame, cropped to the ultrasound region
    (as trained) and, for comparison, uncropped; returns a sentence."""
    x0, y0, x1, y1 = region
    h, w = y1 - y0 + 1, x1 - x0 + 1

    def run(imgs, crop):
        x = to_input(imgs, mean, std)
        x = F.interpolate(x, size=(128, 128), mode="bilinear", align_corners=False, antialias=True)
        n = x.shape[0]
        with torch.inference_mode():
            outs = [model(x, torch.full((n,), t, dtype=torch.long), mask) for t in range(3)]
        cls = outs[T_CLS]["lesion_class"].argmax(1).numpy()
        res = {"cls": cls, "top1": outs[T_ORGAN]["router.0"][:, 1:].argmax(-1).numpy()}
        for key, t, gt in (("organ_mask", T_ORGAN, "organ"), ("lesion_mask", T_LESION, "lesion")):
            lg = outs[t][key]
            if crop:
                pr = F.interpolate(lg, size=(h, w), mode="bilinear", align_corners=False).argmax(1)
            else:
                full = F.interpolate(lg, size=frames.shape[1:], mode="bilinear",
                                     align_corners=False).argmax(1)
                pr = full[:, y0:y1 + 1, x0:x1 + 1]
            g = np.stack([m[gt] for m in masks])
            res[gt] = float(dice(pr.numpy().astype(bool), g).mean())
        return res

    c = run(frames[:, y0:y1 + 1, x0:x1 + 1], True)
    u = run(frames, False)
    flips = float((c["top1"][1:] != c["top1"][:-1]).mean())
    name = lambda r: ", ".join(f"{LESION_CLASSES[k]} {int((r['cls'] == k).sum())}" for k in range(3))  # noqa: E731
    return (f"over its {len(frames)} frames the model says ({name(c)}) with organ Dice {c['organ']:.2f} "
            f"and lesion Dice {c['lesion']:.2f} (mean over frames); between consecutive frames "
            f"{100 * flips:.0f} % of the patch tokens change their top-1 expert in `blocks.0.mlp`. "
            f"Fed the whole frame instead (annotations and margins resized with it), it says "
            f"({name(u)}), organ Dice {u['organ']:.2f}, lesion Dice {u['lesion']:.2f}.")


def pick_scene(rng, label, probe, want):
    """The first held-out scene of the wanted kind whose lesion lies well inside
    the region (for a readable sample)."""
    for _ in range(200):
        s = usdata.sample_scene(rng, label=label, probe=probe)
        if want(s):
            return s
    return s


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--steps", type=int, default=340)
    ap.add_argument("--batch", type=int, default=36)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--balance", type=float, default=0.05, help="token-level balance loss weight")
    ap.add_argument("--task-mi", type=float, default=0.05, help="task-router MI loss weight")
    ap.add_argument("--train-size", type=int, default=4000)
    ap.add_argument("--test-size", type=int, default=600)
    ap.add_argument("--task-mix", default="0.3,0.3,0.4",
                    help="share of each batch per task (organ-seg, lesion-seg, lesion-cls)")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--out", default=os.path.join(ROOT, "resources", "models"))
    ap.add_argument("--samples", default=os.path.join(ROOT, "resources", "samples", "ultrasound"))
    ap.add_argument("--no-samples", action="store_true")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    t0 = time.time()
    train = cached_dataset(args.train_size, seed=1)
    test = cached_dataset(args.test_size, seed=2)
    t_data = time.time() - t0
    mean = round(float(train["image"].mean()) / 255, 3)
    std = round(float(train["image"].std()) / 255, 3)
    log(f"data ready in {t_data:.0f} s; pixel mean {mean}, std {std}")

    model = USM2DinoTiny()
    n_params = sum(p.numel() for p in model.parameters())
    decay = [p for n, p in model.named_parameters() if p.ndim >= 2 and "pos_embed" not in n
             and "task_embed" not in n]
    decay_ids = {id(p) for p in decay}
    no_decay = [p for p in model.parameters() if id(p) not in decay_ids]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.05},
                             {"params": no_decay, "weight_decay": 0.0}], lr=args.lr)
    warmup = max(1, args.steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warmup) * 0.5 * (1 + math.cos(math.pi * min(s, args.steps) / args.steps)))
    mask = torch.ones(1 + len(TASK_LAYERS), E_MAX)
    gen = torch.Generator().manual_seed(0)
    organ64, lesion64 = pool_mask(train["organ"]), pool_mask(train["lesion"])
    labels = torch.from_numpy(train["label"])

    mix = [float(v) for v in args.task_mix.split(",")]
    n_task = [int(args.batch * w) for w in mix[:-1]]
    n_task.append(args.batch - sum(n_task))
    task_pattern = torch.cat([torch.full((n,), t, dtype=torch.long) for t, n in enumerate(n_task)])

    model.train()
    t_train = time.time()
    order = torch.randperm(len(train["image"]), generator=gen)
    pos = 0
    hist = []
    for step in range(args.steps):
        if pos + args.batch > len(order):  # (a partial last batch is skipped)
            order, pos = torch.randperm(len(train["image"]), generator=gen), 0
        idx = order[pos:pos + args.batch]
        pos += args.batch
        B = len(idx)
        x = to_input(train["image"][idx.numpy()], mean, std)
        om, lm, y = organ64[idx], lesion64[idx], labels[idx]
        # augmentation: mirror half the batch (scan lines are left-right symmetric),
        # mild gain jitter
        flip = torch.rand(B, generator=gen) < 0.5
        x = torch.where(flip.reshape(-1, 1, 1, 1), x.flip(-1), x)
        om = torch.where(flip.reshape(-1, 1, 1), om.flip(-1), om)
        lm = torch.where(flip.reshape(-1, 1, 1), lm.flip(-1), lm)
        x = x * (1 + 0.1 * (torch.rand(B, 1, 1, 1, generator=gen) - 0.5)) \
            + 0.2 * (torch.rand(B, 1, 1, 1, generator=gen) - 0.5)
        # every image serves one task, in fixed shares of the batch
        task = task_pattern[torch.randperm(B, generator=gen)]
        out = model(x, task, mask)
        losses = []
        for t in range(len(TASKS)):
            sel = task == t
            if not bool(sel.any()):
                continue
            if t == T_ORGAN:
                losses.append(seg_loss(out["organ_mask"][sel], om[sel]))
            elif t == T_LESION:
                losses.append(seg_loss(out["lesion_mask"][sel], lm[sel]))
            else:
                losses.append(F.cross_entropy(out["lesion_class"][sel], y[sel], label_smoothing=0.05))
        task_loss = sum(losses)
        bal = load_balancing_loss(out["router.0"][:, 1:])
        mi = sum(task_mi_loss(model.blocks[1 + i]) for i in range(len(TASK_LAYERS))) / len(TASK_LAYERS)
        loss = task_loss + args.balance * bal + args.task_mi * mi
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        hist.append([float(l) for l in losses])
        if step % 20 == 0 or step == args.steps - 1:
            h = np.mean(hist[-20:], axis=0)
            log(f"step {step:4d}  organ {h[0]:.3f}  lesion {h[1]:.3f}  cls {h[2]:.3f}  "
                f"balance {bal.item():.3f}  mi {mi.item():.3f}  {time.time() - t_train:.0f} s")
    train_s = time.time() - t_train

    # ---- held-out evaluation ----------------------------------------------------------
    model.eval()
    t_eval = time.time()
    ev = evaluate(model, test, mean, std)
    gates = task_gates(model)
    counts = ev["counts"]
    load = counts.sum(1) / counts.sum()
    tab_a, tab_b = token_tables(counts)
    log(f"\nheld-out ({len(test['image'])} images): organ Dice {ev['organ_dice']:.3f}, "
        f"lesion Dice {ev['lesion_dice']:.3f} (n={ev['lesion_dice_n']}), "
        f"accuracy {100 * ev['acc']:.1f} %, macro AUC {ev['auc_macro']:.3f}  ({time.time() - t_eval:.0f} s)")
    log(tab_a)
    for li, (p, top) in enumerate(gates):
        log(f"{TASK_LAYERS[li][0]}:\n" + gate_table(p, top))
    ok = {
        "organ Dice > 0.8": ev["organ_dice"] > 0.8,
        "lesion Dice > 0.6": ev["lesion_dice"] > 0.6,
        "accuracy > 85 %": ev["acc"] > 0.85,
        "two experts >= 5 % of tokens": int((load >= 0.05).sum()) >= 2,
        "tasks pick different expert sets": all(len({tuple(t) for t in top}) > 1 for _, top in gates),
    }
    for k, v in ok.items():
        if not v:
            log(f"WARNING: target missed: {k}")

    # ---- export -----------------------------------------------------------------------
    token_names = token_expert_names(counts)
    task_names = [task_expert_names(top, E) for (_, top), (_, E, _) in zip(gates, TASK_LAYERS)]
    meta = {
        "schema": 1,
        "name": NAME,
        "task": "ultrasound",
        "title": "Tiny task-conditioned MoE ViT for B-mode ultrasound (after M2DINO)",
        "description": ("A 3-block Vision Transformer for grey B-mode frames (the imaging region, "
                        "resized to 128 x 128) with one token-level MoE layer (4 experts, top-1 per "
                        "patch) and two task-conditioned MoE layers (6 experts, top-2 chosen by the "
                        "task). Three tasks: organ segmentation, lesion segmentation, lesion "
                        "classification (normal / cyst / solid). Trained in minutes on CPU on "
                        "synthetic B-mode images (speckle, attenuation, shadowing, enhancement; "
                        "sector and linear probes). Not for clinical use."),
        "license": "MIT",
        "reference": ("M2DINO: Wang et al., 'Understanding Task Aggregation for Generalizable "
                      "Ultrasound Foundation Models', arXiv:2603.18123 (2026): task-conditioned MoE "
                      "blocks; the token-level layer is a departure"),
        "inputs": [
            {"name": "image", "kind": "image", "channels": 1, "height": 128, "width": 128,
             "mean": [mean], "std": [std]},
            {"name": "task", "kind": "index", "choices": list(TASKS)},
            {"name": "expert_mask", "kind": "expert_mask"},
        ],
        "outputs": {
            "organ_mask": {"kind": "segmentation", "labels": ["background", "organ"],
                           "task_choice": "organ-seg"},
            "lesion_mask": {"kind": "segmentation", "labels": ["background", "lesion"],
                            "task_choice": "lesion-seg"},
            "lesion_class": {"kind": "classes", "labels": list(LESION_CLASSES),
                             "task_choice": "lesion-cls"},
        },
        "moe_layers": [
            {"name": TOKEN_LAYER[0], "experts": TOKEN_LAYER[1], "top_k": TOKEN_LAYER[2],
             "router": "top-k", "expert_names": token_names,
             "tokens": [{"input": "image", "offset": 1, "grid": [16, 16]}]},
        ] + [
            {"name": name, "experts": E, "top_k": k, "router": "task", "expert_names": names,
             "tokens": []}
            for (name, E, k), names in zip(TASK_LAYERS, task_names)
        ],
    }
    scripted = torch.jit.script(model)
    os.makedirs(args.out, exist_ok=True)
    pt = os.path.join(args.out, NAME + ".pt")
    torch.jit.save(scripted, pt, _extra_files={"moescope.json": json.dumps(meta, indent=2)})
    validate_moescope(pt)
    extra = {"moescope.json": ""}
    loaded = torch.jit.load(pt, _extra_files=extra)
    assert json.loads(extra["moescope.json"]) == meta
    with torch.inference_mode():
        x = to_input(test["image"][:6], mean, std)
        task = torch.tensor([0, 1, 2, 0, 1, 2])
        a, b = model(x, task, mask), loaded(x, task, mask)
        for key in a:
            assert torch.allclose(a[key], b[key], atol=1e-4), key
        # ablation: switching an expert off renormalises the router over the rest
        m2 = mask.clone()
        m2[0, int(np.argmax(load))] = 0
        r = loaded(x, task, m2)["router.0"]
        assert torch.allclose(r.sum(-1), torch.ones(1), atol=1e-4)
        assert float(r[..., int(np.argmax(load))].abs().max()) == 0.0
    size_mb = os.path.getsize(pt) / 2**20
    log(f"\nwrote {os.path.relpath(pt, ROOT)} ({size_mb:.2f} MiB); validate_moescope: OK")

    speed = bench_python(pt)
    log("batch-1 latency (Python, 2 threads): " + ", ".join(
        f"{TASKS[t]} median {v[0]:.1f} ms" for t, v in speed.items()))
    cli = bench_cli(pt)
    if cli:
        log(f"moescope-cli bench: median {cli.get('median_ms')} ms, {cli.get('throughput_per_s')} /s")

    # ---- samples ------------------------------------------------------------------------
    sample_lines = []
    cine_note = cine_eval = ""
    if not args.no_samples:
        os.makedirs(args.samples, exist_ok=True)
        rng = np.random.default_rng(3)
        inside = lambda s: s["lesion"] is not None and 0.2 < usdata.xz_to_beam(  # noqa: E731
            s, np.array(s["lesion"]["cx"]), np.array(s["lesion"]["cz"]))[0] < 0.8 and \
            s["reflector"] is None and s["vessel"] is None
        wanted = [("us-curvilinear-cyst", 1, "curvilinear"), ("us-linear-solid", 2, "linear"),
                  ("us-phased-normal", 0, "phased")]
        for fname, label, probe in wanted:
            s = pick_scene(rng, label, probe, inside if label else (lambda s: s["reflector"] is None))
            r = usdata.render(s, 256, 256, 2, rng)
            write_png(os.path.join(args.samples, fname + ".png"), r["image"])
            small = F.interpolate(to_input(r["image"][None], mean, std), size=(128, 128),
                                  mode="bilinear", align_corners=False, antialias=True)
            with torch.inference_mode():
                outs = [loaded(small, torch.tensor([t]), mask) for t in range(3)]
            p = torch.softmax(outs[T_CLS]["lesion_class"], -1)[0]
            def dsc(key, gt, o):
                pr = F.interpolate(o[key], size=(256, 256), mode="bilinear", align_corners=False).argmax(1)[0].numpy().astype(bool)
                return float(dice(pr[None], gt[None])[0]) if gt.any() else float("nan")
            od = dsc("organ_mask", r["organ"], outs[T_ORGAN])
            ld = dsc("lesion_mask", r["lesion"], outs[T_LESION])
            line = (f"`{fname}.png`: {probe} probe, ground truth {LESION_CLASSES[label]}; model: "
                    f"{LESION_CLASSES[int(p.argmax())]} ({100 * float(p.max()):.0f} %), organ Dice "
                    f"{od:.2f}" + (f", lesion Dice {ld:.2f}" if label else ""))
            sample_lines.append("- " + line)
            log("wrote sample " + line)
        # the cine: a curvilinear probe rocking over an organ with a cyst
        s = pick_scene(rng, 1, "curvilinear", inside)
        frames, region, delta, ref, masks = make_cine(s, seed=3)
        cine = os.path.join(args.samples, "us-curvilinear-cine.dcm")
        write_cine(cine, frames, region, delta, ref,
                   "Synthetic curvilinear B-mode cine (probe rocking), 12 frames")
        x0r, y0r, x1r, y1r = region
        cine_note = (f"`us-curvilinear-cine.dcm`: Ultrasound Multi-frame Image Storage, "
                     f"{frames.shape[0]} frames of {frames.shape[1]} x {frames.shape[2]} pixels "
                     f"(8-bit MONOCHROME2, FrameTime 66.7 ms, CineRate 15), ground truth cyst. "
                     f"One ultrasound region, pixels ({x0r}, {y0r})-({x1r}, {y1r}), "
                     f"{10 * delta[0]:.3f} x {10 * delta[1]:.3f} mm per pixel, the fan's bounding box "
                     f"({(x1r - x0r + 1) * delta[0]:.1f} x {(y1r - y0r + 1) * delta[1]:.1f} cm); "
                     f"outside it, a black margin with burned-in annotation text, a depth scale "
                     f"and an orientation marker")
        log("wrote " + os.path.relpath(cine, ROOT) + f" ({os.path.getsize(cine) / 2**20:.2f} MiB)")
        cine_eval = cine_summary(loaded, frames, region, masks, mean, std, mask)
        log("cine: " + cine_eval)

    # ---- model card ---------------------------------------------------------------------
    gate_md = "\n\n".join(f"`{TASK_LAYERS[li][0]}` (router probabilities per task; the top-2 "
                          f"experts, in bold, carry every token):\n\n{gate_table(p, top)}"
                          for li, (p, top) in enumerate(gates))
    conf = ev["confusion"]
    conf_md = "\n".join(["| true \\ predicted | " + " | ".join(LESION_CLASSES) + " |",
                         "| --- | --- | --- | --- |"] +
                        [f"| {LESION_CLASSES[i]} | " + " | ".join(str(int(v)) for v in conf[i]) + " |"
                         for i in range(3)])
    per_probe = ev["per_probe"]
    probe_md = "\n".join(["| probe | " + " | ".join(f"expert {e}" for e in range(TOKEN_LAYER[1])) + " |",
                          "| --- |" + " --- |" * TOKEN_LAYER[1]] +
                         [f"| {usdata.PROBES[i]} | " + " | ".join(
                             f"{100 * v / max(per_probe[i].sum(), 1):.1f} %" for v in per_probe[i]) + " |"
                          for i in range(3)])
    total_s = time.time() - t0
    speed_md = "; ".join(f"{TASKS[t]} {v[0]:.1f} ms median (p95 {v[1]:.1f} ms)" for t, v in speed.items())
    med = statistics.median([v[0] for v in speed.values()])
    cli_md = (f" `moescope-cli bench --threads 2` (LibTorch, batch 1, task index 0) measured a median "
              f"{cli['median_ms']:.1f} ms ({cli['throughput_per_s']:.1f} images/s) on the same machine."
              if cli else "")
    fmt = dict(locals())
    fmt.update({
        "name": NAME, "size_mb": size_mb, "n_params": f"{n_params:,}",
        "organ_dice": ev["organ_dice"], "lesion_dice": ev["lesion_dice"],
        "lesion_n": ev["lesion_dice_n"], "acc": 100 * ev["acc"], "auc": ev["auc_macro"],
        "auc_each": ", ".join(f"{c} {a:.3f}" for c, a in zip(LESION_CLASSES, ev["auc"])),
        "les_cyst": ev["lesion_by_kind"]["cyst"], "les_solid": ev["lesion_by_kind"]["solid"],
        "organ_probe": ", ".join(f"{k} {v:.3f}" for k, v in ev["organ_by_probe"].items()),
        "fp_normal": 100 * ev["lesion_fp_normal"], "n_normal": ev["n_normal"],
        "n_test": len(test["image"]), "n_train": len(train["image"]),
        "token_names": ", ".join(f"{e}: {n}" for e, n in enumerate(token_names)),
        "samples_md": "\n".join(sample_lines), "fps": 1000 / med,
        "missed": ("\n\nTargets missed in this run: " + ", ".join(k for k, v in ok.items() if not v) + "."
                   if not all(ok.values()) else ""),
    })
    card = CARD.format(**fmt)
    with open(os.path.join(args.out, NAME + ".md"), "w") as f:
        f.write(card)
    log(f"wrote {os.path.relpath(os.path.join(args.out, NAME + '.md'), ROOT)}")
    log(f"total {time.time() - t0:.0f} s (training {train_s:.0f} s)")
    return 0 if all(ok.values()) else 1


CARD = """# {name}

A tiny multi-task Mixture-of-Experts Vision Transformer for grey B-mode
ultrasound frames, after M2DINO's task-conditioned MoE blocks, with one
token-level MoE layer added so that MoEScope's per-patch routing maps say
something. It exists as MoEScope's reference model for the `ultrasound` task
plugin and as a worked example of a task-routed model (`docs/model-contract.md`).
**Not for clinical use**: it has only ever seen the synthetic images described
below, and nothing it outputs means anything about a real patient.

| | |
| --- | --- |
| File | `resources/models/{name}.pt` (TorchScript, {size_mb:.1f} MiB, {n_params} parameters) |
| Task | `ultrasound`; `task` input choices `organ-seg`, `lesion-seg`, `lesion-cls` |
| Inputs | `image`: grey float32 [B, 1, 128, 128], pixels in [0, 1] normalised with mean [{mean}], std [{std}]; `task`: int64 [B]; `expert_mask`: float32 [3, 6] |
| Outputs | `organ_mask` [B, 2, 64, 64] (background, organ; `task_choice` organ-seg), `lesion_mask` [B, 2, 64, 64] (background, lesion; lesion-seg), `lesion_class` [B, 3] (normal, cyst, solid; lesion-cls); `router.0`/`dispatch.0` [B, 257, 4], `router.1`/`dispatch.1` and `router.2`/`dispatch.2` [B, 1, 6] |
| Held-out metrics | organ Dice **{organ_dice:.3f}**, lesion Dice **{lesion_dice:.3f}**, lesion-class accuracy **{acc:.1f} %**, macro AUC **{auc:.3f}** ({n_test} generated images never seen in training) |
| License | MIT |
| Reference | M2DINO (Wang et al., arXiv:2603.18123, 2026), task-conditioned MoE blocks |

## Architecture

- Stem: three 3x3 stride-2 convolutions 1→16→32→80 (BatchNorm, ReLU) and a
  1x1 convolution: a 16 x 16 grid of patch tokens (each over its 8 x 8 pixel
  patch plus context) plus a learned class token (token 0); learned position
  embeddings. Width 80, 2 attention heads, FFN hidden 160, pre-norm blocks.
- `blocks.0.mlp`: **token-level** MoE FFN, 4 experts, top-1, a linear router
  per token (softmax, then top-1; the combine weight's denominator is detached
  so the router still learns, see `moe_layers.MoEFFN`). `router.0` covers the
  class token (token 0, on no grid) and the 16 x 16 patch grid (tokens 1-256).
- `blocks.1.mlp`, `blocks.2.mlp`: **task-conditioned** MoE FFNs, 6 experts
  each, top-2: a learned task embedding (16-d, one per layer) → linear →
  softmax → top-2, renormalised; every token of the image goes through the same
  two experts (`tokens: []`, router `"task"`, `router.i` is [B, 1, 6]). Only
  the selected experts are evaluated.
- Heads, one per task, all computed on every call (moescope.json's
  `task_choice` says which output belongs to which `task` choice): a shared
  light decoder (tokens → 1x1 conv → bilinear ×2 → concatenated with the stem's
  32 x 32 features → two 3x3 conv-BN-ReLU) feeding one 1x1 convolution per
  segmentation task, whose logits are upsampled bilinearly to 64 x 64; the
  classifier is LayerNorm + linear on [class token ‖ mean patch token].
  The outputs that do not belong to the chosen task are computed with that
  task's experts and mean little.
- Expert ablation: `expert_mask` row 0 switches token-level experts (first 4
  columns), rows 1-2 the task experts; switched-off experts get probability 0
  and the router renormalises over the rest (for a task layer the next-best
  expert then enters the top-2).
- Implementation note: per-token linear layers run as 1x1 convolutions on a
  channels-first layout (see `moe_layers.py`). The width is 80 rather than 64
  for speed: at batch 1, PyTorch sends 1x1 convolutions over fewer than 20,480
  input values to a slow reference kernel, and 257 tokens x 64 channels is
  below that.

## The paper, and where this model departs from it

M2DINO (abstract; the internals are not public) is a multi-organ, multi-task
ultrasound framework on a **DINOv3** backbone with **task-conditioned MoE
blocks** for adaptive capacity, trained on 27 tasks (segmentation,
classification, detection, regression), comparing task-specific,
clinically-grouped and all-task training. This model keeps the idea that
matters for MoEScope: a task embedding chooses which FFN experts an image goes
through, and all tasks are trained together (the paper's "all-task unified"
paradigm). It departs, and the paper is silent on most of what follows:

- **Backbone**: a 3-block ViT trained from scratch instead of a pretrained
  DINOv3 (no weights can be downloaded here, and a ViT-S/16 needs about 30x
  the compute, far over the CPU budget). A conv stem replaces the linear patchify so that it
  learns in minutes.
- **Token-level layer** (`blocks.0.mlp`): not in the paper, whose routing is
  per task. With task routing alone every patch of an image goes to the same
  experts and a per-patch heatmap is a flat colour. It comes first, before any
  task-conditioned block, so its routing is the same whatever the task (the
  maps are comparable between tasks).
- **Which blocks are MoE**: the last two of three blocks are task-conditioned
  (the paper does not say how many of its blocks are).
- **E = 6, top-2, task embedding 16-d, one router per layer**: unknown in the
  paper (a secondary, unverified source shows E = 8, k = 2; not used as a
  fact). 3 tasks x top-2 = 6 expert slots, so the layer can give each task its
  own pair or let tasks share.
- **Task-router loss**: the paper gives none. Top-k routing gives no gradient
  to experts that were not chosen, so without a loss the tasks keep whatever
  experts the initialisation gave them. Added: the negative mutual
  information between task and expert (Mod-Squad, Chen et al. 2023), weight
  {args.task_mi}: it rewards each task for a confident choice and the experts as a
  whole for being used, and lets the tasks share experts when that helps.
- **Token-level balance**: the Switch-Transformer load-balancing loss on the
  patch tokens of `blocks.0.mlp`, weight {args.balance}.
- **Heads**: one small head per task (the paper's heads are unknown); the
  segmentation heads share one decoder trunk.
- **Tasks**: 3 (organ segmentation, lesion segmentation, lesion
  classification) on one synthetic domain instead of 27 real data sets.

## Training data: a B-mode generator

`resources/models/recipe/ultrasound/data.py` draws each scene from a seeded
numpy generator and renders it in beam space (one column per scan line), so
that everything that happens along a scan line is a cumulative sum down a
column:

- **Probes**: linear (40 %; 3.5-5 cm wide, 4-6.5 cm deep, a rectangle),
  curvilinear (40 %; 2.5-5 cm radius, 56-76° fan, 10-16 cm deep) and phased
  (20 %; a pointed 72-90° fan). Sector images are black outside the fan.
- **Speckle**: complex circular-Gaussian scatterers (Rayleigh envelope) times
  the echogenicity, blurred by a separable Gaussian PSF wider laterally than
  axially; multiplicative, fully developed.
- **Attenuation and TGC**: amplitude x exp(-∫α dz) down each scan line, with
  tissue attenuation 4.5-7.5 Np over the depth; a time-gain compensation that
  undoes it imperfectly (±12 % slope error plus a random smooth bump).
- **Organ-like structure**: a rotated, slightly irregular ellipse, hypoechoic
  parenchyma with a bright capsule; 60 % kidney-like with an irregular
  echogenic centre, the rest homogeneous. Its mask is the organ ground truth.
- **Lesion** (70 % of images), inside the organ (40 %) or in the surrounding
  tissue; its mask is the lesion ground truth:
  - **cyst**: round-oval, smooth, anechoic (20 % with low-level internal
    echoes), a thin specular wall, almost no attenuation (**posterior acoustic
    enhancement**) and thin refraction shadows below its lateral walls;
  - **solid**: lobulated/spiculated outline, hypoechoic relative to what
    surrounds it (−8 to −16 dB), heterogeneous, strongly attenuating
    (**acoustic shadowing**; 20 % only weakly).
- **Distractors** in any class: an anechoic tubular vessel (30 %, not a
  lesion, with mild enhancement) and a bright reflector (25 %, a
  calcification/bone-like arc with a dense shadow).
- Display: log compression to 50-65 dB, gain ±4 dB, gamma, an electronic
  noise floor, light speckle smoothing, 8 bits; scan conversion onto the pixel
  grid of the imaging region's bounding box (1/4 of the images rendered at
  256 x 256 and area-averaged to 128 x 128, as MoEScope shrinks a bigger
  frame).
- Classes: normal 30 %, cyst 35 %, solid 35 %. {n_train} training images
  (seed 1), {n_test} held-out images (seed 2); the samples come from seed 3.

**What the model sees**: the imaging region only. A training image is the
bounding box of the fan (or the linear probe's rectangle) resized to 128 x 128,
whatever its aspect ratio; the region's own black corners are part of it.
A frame with annotations around the region (like the bundled cine) must be
cropped to its ultrasound region (DICOM Sequence of Ultrasound Regions) before
it is resized, or the model sees a smaller, off-centre fan it was never
trained on.

## Training

{args.steps} steps of AdamW (batch {args.batch}, lr {args.lr}, warm-up then cosine decay,
weight decay 0.05), one thread. All three tasks are trained together: every
image of a batch serves one task ({n_task[0]} organ-seg, {n_task[1]} lesion-seg, {n_task[2]} lesion-cls
images per batch: the classification learns slowest) and only that task's head gets
a loss: cross-entropy against the 64 x 64 pooled mask plus soft Dice for the
segmentation tasks, cross-entropy (label smoothing 0.05) for the
classification. Plus {args.balance} x the Switch balance loss (token layer) and
{args.task_mi} x the task-expert mutual-information loss (task layers). Augmentation:
left-right mirroring, ±5 % gain and ±0.1 offset (normalised units).
Training took {train_s:.0f} s; the whole script (data from the cache, evaluation,
export, samples) {total_s:.0f} s, on a 2-core machine shared with other jobs.

## Held-out metrics

On {n_test} generated images (seed 2, never seen in training); each image is
run once per task, with that task's index:

- **organ-seg**: mean per-image Dice **{organ_dice:.3f}** (by probe: {organ_probe}).
- **lesion-seg**: mean per-image Dice **{lesion_dice:.3f}** over the {lesion_n} images
  with a lesion (cysts {les_cyst:.3f}, solid {les_solid:.3f}); on the {n_normal} normal
  images, {fp_normal:.1f} % get a false lesion of 20 pixels or more.
- **lesion-cls**: accuracy **{acc:.1f} %**, macro one-vs-rest AUC **{auc:.3f}**
  ({auc_each}).

{conf_md}

Dice is computed at 128 x 128 on the argmax of the bilinearly upsampled
logits.{missed}

## Routing on the held-out images

### Token-level layer `blocks.0.mlp` (4 experts, top-1)

Top-1 expert of every patch token (class token excluded). A token's region is
the most frequent ground-truth region class of its 8 x 8 pixel patch
(`outside`: outside the fan; `shadow` / `enhancement`: tissue or organ whose
scan line is at least 6 dB darker / 3.5 dB brighter than plain tissue would
give, behind a solid lesion, reflector, cyst or vessel). Cells: the share of
that region's tokens that the expert takes (columns sum to 100 %):

{tab_a}

The same counts as the make-up of each expert's tokens (rows sum to 100 %):

{tab_b}

Expert names in moescope.json (the region classes of which each expert takes
at least 40 % of the tokens, else its largest share): {token_names}.

Load by probe geometry (share of patch tokens per expert):

{probe_md}

### Task-conditioned layers

{gate_md}

An image's task decides these layers' experts alone, so `router.1` and
`router.2` are the same for every image of a task; expert names in
moescope.json say which tasks use each expert.

## Speed

Batch-1 forward, Python (TorchScript, `torch.set_num_threads(2)`, median of
50 after warm-up, inference mode), on the shared 2-core machine: {speed_md}
(about {fps:.0f} images/s).{cli_md} Both ran with `OMP_WAIT_POLICY=PASSIVE`
(set by the training script): on an oversubscribed machine, OpenMP threads that
spin while they wait for a busy core can make a 2-thread forward many times
slower; with passive waiting, or one thread, they do not.

## Samples

`resources/samples/ultrasound/`, held out (seed 3), rendered at 256 x 256 at
twice the beam density (the app shrinks them to 128 x 128):

{samples_md}

{cine_note}. The probe rocks by 2 scan lines (of 256) per frame and the
speckle moves with the tissue. The model saw only imaging regions: cropped to
the ultrasound region and resized to 128 x 128, the frames are what it was
trained on; {cine_eval}

## Known weaknesses

- Synthetic data only, from one generator: real scanners' speckle, harmonic
  imaging, compound imaging, reverberation, side lobes and annotations differ,
  and real organs and lesions have far more kinds of look.
- A solid lesion's posterior margin is often lost in its own shadow; the
  model has to guess it, and shadowed organ borders likewise.
- The outputs of the tasks that were not asked for are computed with the
  other task's experts and are not meaningful.
- The task-level routing is per task: `router.1`/`router.2` never change with
  the image.

## Reproduce

```sh
/usr/bin/python3 resources/models/recipe/ultrasound/train.py
```

Deterministic given the same torch build (Debian 12 python3-torch 1.13) and
one training thread: the same weights, metrics and samples run after run (the
script fixes PYTHONHASHSEED so that TorchScript also writes the archive the
same way). It writes the model, this card and the samples. The generated data
are cached in `resources/models/recipe/data/` (git-ignored); a cold run first
generates them (4,600 images, about 3 minutes of one idle core).
"""


if __name__ == "__main__":
    sys.exit(main())

"""The tracker loop and GOT-10k metrics for track-spmtrack-tiny.

    results = track(model, sequences)        # model: the nn.Module or the TorchScript file
    ao, sr50, sr75 = got10k_metrics(results)

Frame 1: the template is cut around the ground-truth box (2 x sqrt(w h),
64 x 64). Every later frame: the search region is cut around the previous
box (4 x sqrt(w h), 128 x 128), the model returns the box in the search
crop's coordinates, and it is mapped back to the frame (its centre kept
inside the frame, its sides clamped to [4, 256] pixels). The template is
never updated. The sequences run in lockstep so that one forward pass serves
all of them (a batch), which is much faster on a CPU than one at a time;
each sequence's result is the same as tracking it alone.

GOT-10k's metrics: AO is the mean IoU of the predicted and ground-truth boxes
over every frame but the first (where the box is given) of every sequence,
SR0.5 / SR0.75 the fraction of those frames with IoU above 0.5 / 0.75; frames
where the target is fully hidden (cover 0) do not count, as GOT-10k skips
absent frames.

Run as a script to evaluate a saved model on held-out generated sequences:

    /usr/bin/python3 resources/models/recipe/tracking/tracker.py \\
        --model resources/models/track-spmtrack-tiny.pt --sequences 40 --seed 7
"""

import argparse
import math
import os
import sys
from typing import Dict, List, Optional

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import data  # noqa: E402
from model import (MEAN, SEARCH_FACTOR, SEARCH_SIZE, STD, STRIDE, TEMPLATE_FACTOR,  # noqa: E402
                   TEMPLATE_SIZE)

CATEGORIES = ["template", "target", "occluder", "distractor", "background"]


def to_input(images_u8: np.ndarray) -> torch.Tensor:
    """uint8 [N, H, W, 3] -> normalised float32 [N, 3, H, W]."""
    x = torch.from_numpy(np.ascontiguousarray(images_u8)).permute(0, 3, 1, 2).float().div_(255.0)
    mean = torch.tensor(MEAN).reshape(1, 3, 1, 1)
    std = torch.tensor(STD).reshape(1, 3, 1, 1)
    return (x - mean) / std


def iou_xywh(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """IoU of x,y,w,h boxes, row by row."""
    a, b = np.asarray(a, dtype=np.float64).reshape(-1, 4), np.asarray(b, dtype=np.float64).reshape(-1, 4)
    x1 = np.maximum(a[:, 0], b[:, 0])
    y1 = np.maximum(a[:, 1], b[:, 1])
    x2 = np.minimum(a[:, 0] + a[:, 2], b[:, 0] + b[:, 2])
    y2 = np.minimum(a[:, 1] + a[:, 3], b[:, 1] + b[:, 3])
    inter = np.clip(x2 - x1, 0, None) * np.clip(y2 - y1, 0, None)
    union = a[:, 2] * a[:, 3] + b[:, 2] * b[:, 3] - inter
    return inter / np.maximum(union, 1e-9)


def _token_categories(label_crop: np.ndarray) -> np.ndarray:
    """Search-crop label map (uint8 [128, 128], data.LABELS) -> one category
    index (CATEGORIES) per 16 x 16 token: the label covering most of its
    8 x 8 cell."""
    g = SEARCH_SIZE // STRIDE
    cells = label_crop.reshape(g, STRIDE, g, STRIDE).transpose(0, 2, 1, 3).reshape(g * g, -1)
    counts = np.stack([(cells == k).sum(1) for k in range(len(data.LABELS))], 1)  # bg, distr, target, occ
    lab = counts.argmax(1)
    # data.LABELS order -> CATEGORIES index
    return np.array([4, 3, 1, 2])[lab]


def next_box(prev: np.ndarray, out_box: np.ndarray, window, width: float, height: float,
             size_lr: float = 1.0) -> np.ndarray:
    """The model's box (cx, cy, w, h in the search window) as the next frame's
    x, y, w, h: its centre kept inside the frame, its sides in [4, frame]."""
    b = data.window_to_box(out_box, window)
    cx = min(max(b[0] + 0.5 * b[2], 0.0), width)
    cy = min(max(b[1] + 0.5 * b[3], 0.0), height)
    w = prev[2] + size_lr * (b[2] - prev[2])
    h = prev[3] + size_lr * (b[3] - prev[3])
    w = min(max(w, 4.0), width)
    h = min(max(h, 4.0), height)
    return np.array([cx - 0.5 * w, cy - 0.5 * h, w, h])


def track_frames(model, frames: List[np.ndarray], init_box) -> np.ndarray:
    """One sequence, one frame at a time (batch 1), from `init_box` on frame 0:
    what MoEScope's C++ tracker does (plugins/tracking/trackerrun.h).
    Returns the boxes [n, 4] (x, y, w, h; frame 0 the given box) and the peak
    scores [n] (frame 0's from the forward pass around the given box)."""
    H, W = frames[0].shape[:2]
    pred = np.zeros((len(frames), 4))
    pred[0] = np.asarray(init_box, dtype=np.float64)
    scores = np.zeros(len(frames))
    tmpl = to_input(data.crop(frames[0], data.crop_window(pred[0], TEMPLATE_FACTOR),
                              TEMPLATE_SIZE)[None])
    mask = torch.ones(8, 4)
    for t in range(len(frames)):
        prev = pred[max(t - 1, 0)]
        win = data.crop_window(prev, SEARCH_FACTOR)
        search = to_input(data.crop(frames[t], win, SEARCH_SIZE)[None])
        with torch.inference_mode():
            out = model(tmpl, search, mask)
        scores[t] = float(torch.sigmoid(out["score_map"]).max())
        if t > 0:
            pred[t] = next_box(prev, out["box"][0].numpy(), win, W, H)
    return pred, scores


def track(model, sequences: List[Dict], expert_mask: Optional[torch.Tensor] = None,
          routing_counts: Optional[np.ndarray] = None, size_lr: float = 1.0,
          min_score: float = 0.0) -> List[Dict]:
    """Tracks every sequence (data.sample_sequence parameters). Returns per
    sequence {"pred": [n, 4], "gt": [n, 4], "cover": [n]} (x,y,w,h pixels).

    routing_counts, if given ([L, E, len(CATEGORIES)] int64), is incremented
    with the top-1 expert of every template and search token of every layer,
    by token category."""
    n_layers = 8
    if expert_mask is None:
        expert_mask = torch.ones(n_layers, 4)
    states = []
    for seq in sequences:
        bg = data.render_background(seq)
        gt = data.target_boxes(seq)
        f0 = data.render_frame(seq, 0, bg)
        tmpl = data.crop(f0, data.crop_window(gt[0], TEMPLATE_FACTOR), TEMPLATE_SIZE)
        pred = np.zeros_like(gt)
        pred[0] = gt[0]
        states.append({"seq": seq, "bg": bg, "gt": gt, "pred": pred, "tmpl": tmpl,
                       "cover": np.array([data.cover_label(seq, t) for t in range(seq["n"])])})
    max_n = max(s["seq"]["n"] for s in states)
    for t in range(1, max_n):
        active = [s for s in states if t < s["seq"]["n"]]
        searches, windows, cats = [], [], []
        for s in active:
            frame, labels = data.render_frame(s["seq"], t, s["bg"], with_labels=True)
            win = data.crop_window(s["pred"][t - 1], SEARCH_FACTOR)
            img, lab = data.crop(frame, win, SEARCH_SIZE, labels)
            searches.append(img)
            windows.append(win)
            cats.append(_token_categories(lab))
        with torch.inference_mode():
            out = model(to_input(np.stack([s["tmpl"] for s in active])), to_input(np.stack(searches)),
                        expert_mask)
        boxes = out["box"].numpy()
        conf = torch.sigmoid(out["score_map"]).flatten(1).max(1).values.numpy()
        for k, s in enumerate(active):
            prev = s["pred"][t - 1]
            if conf[k] < min_score:
                s["pred"][t] = prev
                continue
            s["pred"][t] = next_box(prev, boxes[k], windows[k], data.SIZE, data.SIZE, size_lr)
        if routing_counts is not None:
            n_t = (TEMPLATE_SIZE // STRIDE) ** 2
            cat = np.stack(cats)                                   # [B, 256]
            for li in range(routing_counts.shape[0]):
                top1 = out["router.%d" % li].argmax(-1).numpy()   # [B, 321]
                E = routing_counts.shape[1]
                routing_counts[li, :, 0] += np.bincount(top1[:, 1:1 + n_t].ravel(), minlength=E)
                idx = top1[:, 1 + n_t:] * len(CATEGORIES) + cat
                routing_counts[li] += np.bincount(idx.ravel(), minlength=E * len(CATEGORIES)).reshape(
                    E, len(CATEGORIES))                           # search categories are 1..4
    return [{"pred": s["pred"], "gt": s["gt"], "cover": s["cover"]} for s in states]


def got10k_metrics(results: List[Dict]):
    """(AO, SR0.5, SR0.75, per-frame IoUs) over all frames but each sequence's first."""
    ious = []
    for r in results:
        keep = r["cover"][1:] > 0
        ious.append(iou_xywh(r["pred"][1:], r["gt"][1:])[keep])
    ious = np.concatenate(ious)
    return float(ious.mean()), float((ious > 0.5).mean()), float((ious > 0.75).mean()), ious


def held_out_sequences(n: int, seed: int) -> List[Dict]:
    rng = np.random.default_rng(seed)
    # Every other sequence has an occluder, so that occlusion is well represented.
    return [data.sample_sequence(rng, occluded=(i % 2 == 0)) for i in range(n)]


def bench(path: str, threads: int, iterations: int = 50, batch: int = 1) -> Dict:
    """Latency of the TorchScript file at batch `batch`: median and p95 of
    `iterations` forwards (inference mode) after 10 warm-up runs."""
    import time
    torch.set_num_threads(threads)
    model = torch.jit.load(path).eval()
    g = torch.Generator().manual_seed(0)
    t = torch.randn(batch, 3, TEMPLATE_SIZE, TEMPLATE_SIZE, generator=g)
    s = torch.randn(batch, 3, SEARCH_SIZE, SEARCH_SIZE, generator=g)
    mask = torch.ones(8, 4)
    times = []
    with torch.inference_mode():
        for _ in range(10):
            model(t, s, mask)
        for _ in range(iterations):
            t0 = time.perf_counter()
            model(t, s, mask)
            times.append(time.perf_counter() - t0)
    times.sort()
    med = times[len(times) // 2] * 1000
    return {"median_ms": med, "p95_ms": times[int(0.95 * (len(times) - 1))] * 1000,
            "images_per_s": 1000.0 * batch / med, "threads": threads, "batch": batch}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", required=True)
    ap.add_argument("--sequences", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--bench", action="store_true",
                    help="print the batch-1 latency as JSON instead of tracking")
    args = ap.parse_args()
    if args.bench:
        import json
        print(json.dumps(bench(args.model, args.threads)))
        return 0
    torch.set_num_threads(args.threads)
    model = torch.jit.load(args.model).eval()
    res = track(model, held_out_sequences(args.sequences, args.seed))
    ao, sr50, sr75, ious = got10k_metrics(res)
    print("AO %.3f  SR0.5 %.3f  SR0.75 %.3f  (%d sequences, %d frames)"
          % (ao, sr50, sr75, len(res), len(ious)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

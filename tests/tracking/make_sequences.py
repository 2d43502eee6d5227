"""Held-out generated sequences for tst_tracking, and the recipe tracker's
boxes on them.

    make_sequences.py MODEL OUT_DIR [--sequences N] [--seed S]

Writes OUT_DIR/<name>/ in GOT-10k's layout with lossless PNG frames (so the
C++ tracker reads exactly the pixels the Python one tracked), and
OUT_DIR/expected.json: per sequence the boxes and peak scores of
tracker.track_frames (batch 1, from the ground truth's first box as written,
four decimals), their IoUs with the ground truth (the recipe's iou_xywh) and
the cover labels.
"""
import argparse
import json
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
RECIPE = os.path.join(HERE, "..", "..", "resources", "models", "recipe", "tracking")
sys.path.insert(0, RECIPE)

import data  # noqa: E402
import tracker  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("out")
    ap.add_argument("--sequences", type=int, default=6)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--frames", type=int, default=30)
    args = ap.parse_args()
    torch.set_num_threads(1)
    model = torch.jit.load(args.model).eval()
    rng = np.random.default_rng(args.seed)
    expected = {}
    for i in range(args.sequences):
        seq = data.sample_sequence(rng, n_frames=args.frames, occluded=(i % 2 == 0))
        bg = data.render_background(seq)
        frames = [data.render_frame(seq, t, bg) for t in range(seq["n"])]
        name = "Held_%03d" % (i + 1)
        data.write_got10k_sequence(os.path.join(args.out, name), seq, frames, fmt="png")
        init = [float("%.4f" % float(v)) for v in data.target_boxes(seq)[0]]
        boxes, scores = tracker.track_frames(model, frames, init)
        gt = np.array([[float("%.4f" % float(v)) for v in b] for b in data.target_boxes(seq)])
        cover = np.array([data.cover_label(seq, t) for t in range(seq["n"])])
        expected[name] = {"boxes": boxes.tolist(), "scores": scores.tolist(),
                          "ious": tracker.iou_xywh(boxes, gt).tolist(), "cover": cover.tolist()}
    with open(os.path.join(args.out, "expected.json"), "w") as fh:
        json.dump(expected, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main())

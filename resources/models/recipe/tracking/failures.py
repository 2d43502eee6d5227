"""Where a tracker still fails on held-out generated sequences: its per-frame
IoU split by what the frame holds (occlusion, a look-alike near the target,
fast motion, scale change), and what the frames where it has lost the target
have in common. train.py writes this table into the model card;
`failures.py --model FILE` prints it for any model file."""
import argparse
import os
import sys
from typing import Dict, List

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
import tracker  # noqa: E402


def frame_conditions(seq: Dict, t: int) -> Dict[str, bool]:
    """What makes frame t of `seq` hard, as booleans."""
    target = seq["target"]
    centre = target["centre"]
    size = target["size"] * float(target["scale"][t])
    speed = float(np.hypot(*(centre[t] - centre[t - 1]))) if t > 0 else 0.0
    rel_scale = float(target["scale"][t] / target["scale"][0])
    cover = data.cover_label(seq, t)
    return {
        "partly occluded (cover 1-7 of 8)": 0 < cover < 8,
        "mostly occluded (cover 1-3)": 0 < cover <= 3,
        "a distractor within 1.5 target sizes": data._nearest_distractor(seq, t) < 1.5,
        "fast motion (> 3 px per frame, > 0.1 target size)": speed > 3.0 and speed > 0.1 * size,
        "scale changed by > 25 % since frame 1": rel_scale < 0.8 or rel_scale > 1.25,
    }


def analyse(sequences: List[Dict], results: List[Dict]) -> str:
    """A Markdown table and two sentences."""
    rows: Dict[str, List[float]] = {}
    all_ious, lost_with = [], {}
    for seq, r in zip(sequences, results):
        ious = tracker.iou_xywh(r["pred"], r["gt"])
        for t in range(1, seq["n"]):
            if r["cover"][t] == 0:
                continue
            cond = frame_conditions(seq, t)
            all_ious.append(ious[t])
            for name, on in cond.items():
                rows.setdefault(name, [[], []])[0 if on else 1].append(ious[t])
                if ious[t] < 0.1:
                    lost_with.setdefault(name, 0)
                    lost_with[name] += int(on)
    all_ious = np.array(all_ious)
    lost = int((all_ious < 0.1).sum())
    out = ["| frames where | share of frames | AO there | AO elsewhere | share of lost frames (IoU < 0.1) |",
           "| --- | --- | --- | --- | --- |"]
    for name, (on, off) in rows.items():
        out.append("| %s | %.0f %% | %.3f | %.3f | %s |" % (
            name, 100.0 * len(on) / len(all_ious), np.mean(on) if on else float("nan"),
            np.mean(off) if off else float("nan"),
            "%.0f %%" % (100.0 * lost_with.get(name, 0) / lost) if lost else "-"))
    lost_seqs = sum(1 for seq, r in zip(sequences, results)
                    if (tracker.iou_xywh(r["pred"], r["gt"])[seq["n"] // 2:] < 0.1).mean() > 0.5)
    out.append("")
    out.append("%d of %d scored frames (%.1f %%) are lost (IoU < 0.1); in %d of %d sequences the "
               "tracker has lost the target for most of the second half and does not find it "
               "again (the template is never updated and the search region follows the lost box)."
               % (lost, len(all_ious), 100.0 * lost / len(all_ious), lost_seqs, len(sequences)))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", required=True)
    ap.add_argument("--sequences", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    torch.set_num_threads(1)
    model = torch.jit.load(args.model).eval()
    seqs = tracker.held_out_sequences(args.sequences, seed=args.seed)
    print(analyse(seqs, tracker.track(model, seqs)))


if __name__ == "__main__":
    main()

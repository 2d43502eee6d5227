#!/usr/bin/python3
"""The notebook path for one picture, as a user without MoEScope would write
it: read a DICOM with pydicom, scale and resize it to the model's input, run
the TorchScript model, and save with matplotlib one figure per MoE layer with
a heatmap per expert over the picture, plus the top-1 expert map. The
alternative `moescope-cli run --out` is measured against (tests/bench/
bench_oneshot.sh); run in a fresh interpreter each time, as a notebook's
first cell would be.

    /usr/bin/python3 tests/bench/notebook_oneshot.py MODEL.pt FILE.dcm OUT_DIR
"""

import json
import os
import sys
import time

start = time.perf_counter()

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pydicom  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402


def main(model_path, dicom_path, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    extra = {"moescope.json": ""}
    model = torch.jit.load(model_path, map_location="cpu", _extra_files=extra).eval()
    meta = json.loads(extra["moescope.json"])
    spec = meta["inputs"][0]
    channels, height, width = int(spec["channels"]), int(spec["height"]), int(spec["width"])

    pixels = pydicom.dcmread(dicom_path).pixel_array.astype(np.float32)
    picture = (pixels - pixels.min()) / max(float(pixels.max() - pixels.min()), 1e-6)
    x = torch.from_numpy(picture)[None, None].expand(1, channels, *picture.shape)
    x = F.interpolate(x, size=(height, width), mode="bilinear", align_corners=False)
    mean = torch.tensor(spec.get("mean", [0.0] * channels)).view(1, -1, 1, 1)
    std = torch.tensor(spec.get("std", [1.0] * channels)).view(1, -1, 1, 1)
    layers = meta["moe_layers"]
    arguments = [(x - mean) / std]
    for other in meta["inputs"][1:]:  # the ablation mask: every expert on; an index: 0
        if other["kind"] == "expert_mask":
            arguments.append(torch.ones(len(layers), max(int(l["experts"]) for l in layers)))
        else:
            arguments.append(torch.zeros(1, dtype=torch.int64))
    with torch.inference_mode():
        outputs = model(*arguments)

    for i, layer in enumerate(layers):
        grid = layer["tokens"][0]
        rows, cols = grid["grid"]
        probs = outputs[f"router.{i}"][0, grid["offset"]:grid["offset"] + rows * cols]
        maps = probs.reshape(rows, cols, -1).permute(2, 0, 1).numpy()
        experts = maps.shape[0]
        extent = (0, picture.shape[1], picture.shape[0], 0)
        fig, axes = plt.subplots(1, experts + 1, figsize=(2.2 * (experts + 1), 2.4))
        for e in range(experts):
            axes[e].imshow(picture, cmap="gray")
            axes[e].imshow(maps[e], cmap="inferno", alpha=0.5, extent=extent, vmin=0, vmax=1)
            axes[e].set_title(f"expert {e}")
            axes[e].axis("off")
        axes[-1].imshow(maps.argmax(0), cmap="tab10", extent=extent)
        axes[-1].set_title("top-1")
        axes[-1].axis("off")
        fig.savefig(os.path.join(out_dir, f"layer{i}.png"), dpi=100)
        plt.close(fig)
    print(json.dumps({"path": "notebook", "elapsed_s": time.perf_counter() - start}))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])

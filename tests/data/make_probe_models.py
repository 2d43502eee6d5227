#!/usr/bin/python3
"""Writes the two shape-probe models the host's tiled and stateful tests run:

    /usr/bin/python3 tests/data/make_probe_models.py OUTDIR

No weights are learnt: what each model computes is a closed form the tests
can recompute without torch.

tiled-probe.pt (task "test-tiled"): one grey 32 x 32 input, mean 0.5, std
0.25. Tokens are the 16 patches of 8 x 8 (a 4 x 4 grid); each token's router
is softmax([4 m, -4 m, 0]) over 3 experts, m the patch's mean normalised
value. "logits" = [-M, M], M the mean over the whole input.

track-probe.pt (task "test-track"): one grey 32 x 32 "search" input, same
normalisation. "box" (cxcywh, normalised) is the centre of mass of
clamp(x * 0.25 + 0.5, 0, 1) ** 4 (0.5, 0.5 when the input is empty) with a
fixed 0.25 x 0.25 size; the router is the tiled probe's.
"""

import json
import os
import sys
from typing import Dict

if __name__ == "__main__" and os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from torch import Tensor  # noqa: E402


def patch_router(image: Tensor) -> Tensor:
    m = F.avg_pool2d(image[:, :1], kernel_size=8, stride=8).flatten(1)   # [B, 16]
    logits = torch.stack([4.0 * m, -4.0 * m, torch.zeros_like(m)], dim=-1)
    return F.softmax(logits, dim=-1)                                      # [B, 16, 3]


class TiledProbe(nn.Module):
    def forward(self, image: Tensor) -> Dict[str, Tensor]:
        mean = image.mean(dim=(1, 2, 3))
        return {"router.0": patch_router(image), "logits": torch.stack([-mean, mean], dim=-1)}


class TrackProbe(nn.Module):
    def forward(self, search: Tensor) -> Dict[str, Tensor]:
        w = torch.clamp(search[:, 0] * 0.25 + 0.5, 0.0, 1.0) ** 4         # [B, 32, 32]
        coords = (torch.arange(32, dtype=torch.float32) + 0.5) / 32.0
        total = w.sum(dim=(1, 2)) + 1e-6
        cx = ((w * coords.reshape(1, 1, 32)).sum(dim=(1, 2)) + 0.5e-6) / total
        cy = ((w * coords.reshape(1, 32, 1)).sum(dim=(1, 2)) + 0.5e-6) / total
        size = torch.full_like(cx, 0.25)
        return {"router.0": patch_router(search), "box": torch.stack([cx, cy, size, size], dim=-1)}


def meta(name: str, task: str, input_name: str, outputs) -> Dict:
    return {
        "schema": 1, "name": name, "task": task, "title": name + " (host test probe)",
        "license": "MIT",
        "inputs": [{"name": input_name, "kind": "image", "channels": 1, "height": 32,
                    "width": 32, "mean": [0.5], "std": [0.25]}],
        "outputs": outputs,
        "moe_layers": [{"name": "probe", "experts": 3, "top_k": 0, "router": "soft",
                        "expert_names": ["bright", "dark", "neutral"],
                        "tokens": [{"input": input_name, "offset": 0, "grid": [4, 4]}]}],
    }


def save(path: str, module: nn.Module, m: Dict) -> None:
    scripted = torch.jit.script(module.eval())
    torch.jit.save(scripted, path, _extra_files={"moescope.json": json.dumps(m, sort_keys=True)})


def main() -> None:
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    save(os.path.join(out, "tiled-probe.pt"), TiledProbe(),
         meta("tiled-probe", "test-tiled", "image",
              {"logits": {"kind": "classes", "labels": ["dark", "bright"]}}))
    save(os.path.join(out, "track-probe.pt"), TrackProbe(),
         meta("track-probe", "test-track", "search", {"box": {"kind": "box", "format": "cxcywh"}}))


if __name__ == "__main__":
    main()

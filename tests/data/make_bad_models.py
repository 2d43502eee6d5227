#!/usr/bin/python3
"""Writes the model-contract fixtures for the C++ loader's tests.

    /usr/bin/python3 tests/data/make_bad_models.py OUTDIR

Deterministic, no training, a few seconds: every model is tiny (image 3 x 32 x
32, patch 8 -> a 4 x 4 grid of tokens, no class token) and has fixed-seed
random weights. OUTDIR/manifest.json lists every file with whether it must
load and, when not, the keyword of the first contract rule it breaks:

    json       no moescope.json, or it does not parse
    field      a required field is missing ("name", "moe_layers", ...)
    schema     "schema" is not 1
    shape      a router / dispatch / output shape does not match moescope.json
    rows       router rows do not sum to 1 (within 1e-3)
    nan        router holds NaN / Inf
    output     an output named in moescope.json is missing from forward()
    labels     the number of labels does not match the output's size
    torchscript  the file is not a TorchScript archive
"""

import json
import os
import sys
from typing import Dict

# TorchScript writes a module's constants in set order: fix Python's hash seed
# so that the archives come out byte-identical run after run.
if __name__ == "__main__" and os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from torch import Tensor  # noqa: E402

IMAGE = {"name": "image", "kind": "image", "channels": 3, "height": 32, "width": 32,
         "mean": [0.5, 0.5, 0.5], "std": [0.25, 0.25, 0.25]}
MASK = {"name": "expert_mask", "kind": "expert_mask"}
GRID = [{"input": "image", "offset": 0, "grid": [4, 4]}]


def base_meta(name: str) -> Dict:
    return {
        "schema": 1,
        "name": name,
        "task": "generic",
        "title": "contract fixture " + name,
        "license": "MIT",
        "inputs": [IMAGE, MASK],
        "outputs": {"logits": {"kind": "classes", "labels": ["a", "b"]}},
        "moe_layers": [{"name": "moe", "experts": 3, "top_k": 1, "router": "top-k",
                        "tokens": GRID}],
    }


class TinyMoE(nn.Module):
    """Patchify 8 x 8 -> 16 tokens of width 8, one top-1 MoE layer, mean-pool head.

    The knobs break the contract on purpose: extra_experts widens router.0,
    row_scale scales its rows, make_nan puts a NaN in it, return_logits drops
    the "logits" output."""

    def __init__(self, experts: int = 3, labels: int = 2, extra_experts: int = 0,
                 row_scale: float = 1.0, make_nan: bool = False, return_logits: bool = True):
        super().__init__()
        self.experts = experts
        self.extra_experts = extra_experts
        self.row_scale = row_scale
        self.make_nan = make_nan
        self.return_logits = return_logits
        self.patch = nn.Conv2d(3, 8, kernel_size=8, stride=8)
        self.router = nn.Linear(8, experts)
        self.expert_w = nn.Parameter(torch.randn(experts, 8, 8) * 0.1)
        self.head = nn.Linear(8, labels)

    def forward(self, image: Tensor, expert_mask: Tensor) -> Dict[str, Tensor]:
        x = self.patch(image).flatten(2).transpose(1, 2)              # [B, 16, 8]
        logits = self.router(x)
        keep = expert_mask[0, : self.experts].reshape(1, 1, -1) > 0.5
        if bool(keep.any()):
            logits = logits.masked_fill(~keep, -1.0e9)
        probs = F.softmax(logits, dim=-1)                             # [B, 16, E]
        top = probs.argmax(dim=-1)
        dispatch = F.one_hot(top, self.experts).to(probs.dtype)
        y = torch.einsum("bte,eij,btj->bti", dispatch, self.expert_w, x)
        x = x + y
        router = probs * self.row_scale
        if self.extra_experts > 0:
            pad = torch.zeros(router.shape[0], router.shape[1], self.extra_experts)
            router = torch.cat([router, pad], dim=-1)
            dispatch = torch.cat([dispatch, pad], dim=-1)
        if self.make_nan:
            router = router.clone()
            router[:, 0, 0] = float("nan")
        out: Dict[str, Tensor] = {"router.0": router, "dispatch.0": dispatch}
        if self.return_logits:
            out["logits"] = self.head(x.mean(dim=1))
        return out


class TinyNoMask(nn.Module):
    """A valid model without the optional expert_mask input."""

    def __init__(self):
        super().__init__()
        self.inner = TinyMoE()

    def forward(self, image: Tensor) -> Dict[str, Tensor]:
        return self.inner(image, torch.ones(1, 3))


class TinyTaskMoE(nn.Module):
    """A valid model with an index input: layer 0 routes the whole image by
    task (T = 1, tokens []), layer 1 routes every token, biased by the task."""

    def __init__(self):
        super().__init__()
        self.patch = nn.Conv2d(3, 8, kernel_size=8, stride=8)
        self.task_embed = nn.Embedding(2, 8)
        self.task_router = nn.Embedding(2, 2)       # layer 0: 2 experts, per task
        self.task_experts = nn.Parameter(torch.randn(2, 8) * 0.1)
        self.router = nn.Linear(8, 3)               # layer 1: 3 experts, per token
        self.expert_w = nn.Parameter(torch.randn(3, 8, 8) * 0.1)
        self.head = nn.Linear(8, 2)
        with torch.no_grad():
            self.task_router.weight.copy_(torch.tensor([[3.0, -3.0], [-3.0, 3.0]]))

    def forward(self, image: Tensor, task: Tensor, expert_mask: Tensor) -> Dict[str, Tensor]:
        x = self.patch(image).flatten(2).transpose(1, 2)              # [B, 16, 8]
        x = x + self.task_embed(task).unsqueeze(1)
        l0 = self.task_router(task).unsqueeze(1)                      # [B, 1, 2]
        keep0 = expert_mask[0, :2].reshape(1, 1, -1) > 0.5
        if bool(keep0.any()):
            l0 = l0.masked_fill(~keep0, -1.0e9)
        p0 = F.softmax(l0, dim=-1)
        d0 = F.one_hot(p0.argmax(-1), 2).to(p0.dtype)
        x = x + (d0 @ self.task_experts).reshape(-1, 1, 8)
        l1 = self.router(x)
        keep1 = expert_mask[1, :3].reshape(1, 1, -1) > 0.5
        if bool(keep1.any()):
            l1 = l1.masked_fill(~keep1, -1.0e9)
        p1 = F.softmax(l1, dim=-1)                                    # [B, 16, 3]
        d1 = F.one_hot(p1.argmax(-1), 3).to(p1.dtype)
        x = x + torch.einsum("bte,eij,btj->bti", d1, self.expert_w, x)
        return {"logits": self.head(x.mean(dim=1)), "router.0": p0, "dispatch.0": d0,
                "router.1": p1, "dispatch.1": d1}


def save(path: str, module: nn.Module, meta) -> None:
    scripted = torch.jit.script(module.eval())
    extra = {} if meta is None else {"moescope.json": json.dumps(meta, indent=2)}
    torch.jit.save(scripted, path, _extra_files=extra)


def main(argv) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    manifest = []

    def add(file, factory, meta, expect, why, detail=None):
        torch.manual_seed(0)                     # same weights whatever the order
        save(os.path.join(out, file), factory(), meta)
        entry = {"file": file, "loads": expect is None, "rule": expect, "why": why}
        if detail is not None:
            entry["detail"] = detail             # a word the refusal message should name
        manifest.append(entry)

    add("good.pt", lambda: TinyMoE(), base_meta("good"), None,
        "valid: image 3x32x32, grid 4x4 offset 0, one 3-expert top-1 layer, expert_mask")

    add("no-json.pt", lambda: TinyMoE(), None, "json", "no moescope.json in the archive")

    meta = base_meta("missing-name")
    del meta["name"]
    add("missing-name.pt", lambda: TinyMoE(), meta, "field", "moescope.json has no \"name\"",
        "name")

    meta = base_meta("missing-moe-layers")
    del meta["moe_layers"]
    add("missing-moe-layers.pt", lambda: TinyMoE(), meta, "field",
        "moescope.json has no \"moe_layers\"", "moe_layers")

    meta = base_meta("bad-schema")
    meta["schema"] = 99
    add("bad-schema.pt", lambda: TinyMoE(), meta, "schema", "\"schema\" is 99, not 1")

    add("wrong-router-shape.pt", lambda: TinyMoE(extra_experts=1), base_meta("wrong-router-shape"),
        "shape", "router.0 is [B, 16, 4] while moescope.json says 3 experts")

    add("rows-not-one.pt", lambda: TinyMoE(row_scale=2.0), base_meta("rows-not-one"), "rows",
        "router.0 rows sum to 2")

    add("nan-router.pt", lambda: TinyMoE(make_nan=True), base_meta("nan-router"), "nan",
        "router.0[:, 0, 0] is NaN")

    add("missing-output.pt", lambda: TinyMoE(return_logits=False), base_meta("missing-output"),
        "output", "moescope.json lists output \"logits\"; forward() does not return it", "logits")

    meta = base_meta("wrong-labels")
    meta["outputs"]["logits"]["labels"] = ["a", "b", "c"]
    add("wrong-labels.pt", lambda: TinyMoE(), meta, "labels",
        "moescope.json gives 3 labels, logits is [B, 2]")

    with open(os.path.join(out, "not-torchscript.pt"), "w") as f:
        f.write("this is not a TorchScript archive\n\x01\x02 garbage {\"schema\": 1}\n")
    manifest.append({"file": "not-torchscript.pt", "loads": False, "rule": "torchscript",
                     "why": "a text file, not a zip archive"})

    meta = base_meta("no-expert-mask")
    meta["inputs"] = [IMAGE]
    add("no-expert-mask.pt", lambda: TinyNoMask(), meta, None,
        "valid: no expert_mask input (ablation unavailable)")

    meta = base_meta("index-input")
    meta["inputs"] = [IMAGE, {"name": "task", "kind": "index", "choices": ["a", "b"]}, MASK]
    meta["moe_layers"] = [
        {"name": "task_moe", "experts": 2, "top_k": 1, "router": "task", "tokens": []},
        {"name": "token_moe", "experts": 3, "top_k": 1, "router": "top-k", "tokens": GRID},
    ]
    add("index-input.pt", lambda: TinyTaskMoE(), meta, None,
        "valid: index input \"task\" (choices a, b); layer 0 routes per task (T = 1, "
        "tokens []), layer 1 per token; expert_mask is [2, 3]")

    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump({"schema": 1, "generator": "tests/data/make_bad_models.py", "models": manifest},
                  f, indent=2)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

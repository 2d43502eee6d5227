#!/usr/bin/env python3
"""Reference outputs for the C++ ⇄ Python parity test.

usage: make_parity_reference.py OUTDIR MODEL.pt [MODEL.pt ...]

For each model, builds a deterministic input batch from its moescope.json
(seeded normal noise for image inputs, index 1 clamped to the choices, a
ramp for vectors, an expert mask with expert 0 of layer 0 switched off when
the model takes one), runs it with Python torch and writes
OUTDIR/<name>.inputs.bin / .json (float32/int64 little-endian, in contract
order) and OUTDIR/<name>.outputs.json (every returned tensor, flattened).
The C++ test feeds the same bytes through moescope's engine and compares.
"""
import json
import os
import sys

import torch


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    torch.set_num_threads(2)
    index = []
    for path in sys.argv[2:]:
        extra = {"moescope.json": ""}
        module = torch.jit.load(path, _extra_files=extra)
        module.eval()
        meta = json.loads(extra["moescope.json"])
        name = meta["name"]
        gen = torch.Generator().manual_seed(20261124)
        batch = 2
        args, described = [], []
        layers = meta["moe_layers"]
        for spec in meta["inputs"]:
            kind = spec["kind"]
            if kind == "image":
                t = torch.randn(batch, spec["channels"], spec["height"], spec["width"], generator=gen)
            elif kind == "index":
                t = torch.full((batch,), min(1, len(spec["choices"]) - 1), dtype=torch.int64)
            elif kind == "vector":
                t = torch.linspace(-1, 1, batch * spec["size"]).reshape(batch, spec["size"])
            else:  # expert_mask
                t = torch.ones(len(layers), max(l["experts"] for l in layers))
                if layers[0]["experts"] > 1:
                    t[0, 0] = 0.0
            args.append(t)
            described.append({"name": spec["name"], "kind": kind, "shape": list(t.shape),
                              "dtype": "int64" if t.dtype == torch.int64 else "float32"})
        with open(os.path.join(out_dir, name + ".inputs.bin"), "wb") as f:
            for t in args:
                f.write(t.contiguous().numpy().astype("<i8" if t.dtype == torch.int64 else "<f4").tobytes())
        with torch.inference_mode():
            result = module(*args)
        outputs = {k: {"shape": list(v.shape), "values": v.float().flatten().tolist()}
                   for k, v in result.items()}
        with open(os.path.join(out_dir, name + ".json"), "w") as f:
            json.dump({"model": os.path.abspath(path), "batch": batch, "inputs": described,
                       "torch": torch.__version__, "outputs": outputs}, f)
        index.append(name)
    with open(os.path.join(out_dir, "index.json"), "w") as f:
        json.dump(index, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())

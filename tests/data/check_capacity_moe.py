#!/usr/bin/python3
"""Checks recipe/moe_layers.py's capacity routing (CapacityMoEFFN /
top_k_dispatch, V-MoE style): no expert takes more than its capacity per
image, Batch Prioritized Routing keeps the most confident tokens, dropped
tokens get an all-zero dispatch row and pass through as zero, switched-off
experts get nothing, and the module scripts to TorchScript. Exit 0 = pass;
each failed check prints one line and the exit code is 1."""

import math
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "resources", "models", "recipe"))
from moe_layers import CapacityMoEFFN, masked_softmax, top_k_dispatch  # noqa: E402

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


torch.manual_seed(0)
B, T, E = 3, 64, 4
logits = torch.randn(B, T, E) * 2
mask = torch.ones(E)
probs, kept = masked_softmax(logits, mask)

for top_k, factor in [(1, 1.0), (2, 1.0), (1, 0.5), (2, 1.25)]:
    capacity = int(math.ceil(factor * top_k * T / E))
    d = top_k_dispatch(probs, top_k, mask, kept, factor)
    per_expert = (d > 0).sum(dim=1)                                   # [B, E]
    check(bool((per_expert <= capacity).all()),
          f"top-{top_k} factor {factor}: an expert took {int(per_expert.max())} > {capacity} tokens")
    check(bool(((d > 0).sum(-1) <= top_k).all()), f"top-{top_k}: a token went to more than k experts")
    rows = d.sum(-1)
    check(bool(((rows - 1).abs() < 1e-5).logical_or(rows < 1 - 1e-5).all()),
          f"top-{top_k}: a kept row does not sum to 1 or less")
    if top_k == 1:
        # BPR: among the tokens whose first choice is e, the kept ones are the
        # `capacity` most confident.
        top1p, top1 = probs.max(-1)
        for b in range(B):
            for e in range(E):
                chose = (top1[b] == e).nonzero().flatten()
                if len(chose) == 0:
                    continue
                best = chose[torch.argsort(top1p[b, chose], descending=True)][:capacity]
                kept_tokens = (d[b, :, e] > 0).nonzero().flatten()
                check(sorted(best.tolist()) == sorted(kept_tokens.tolist()),
                      f"factor {factor}: image {b} expert {e} kept {sorted(kept_tokens.tolist())[:5]}..., "
                      f"BPR wants {sorted(best.tolist())[:5]}...")
    if factor < 1.0:
        dropped = (d.sum(-1) == 0).sum()
        check(int(dropped) > 0, f"factor {factor}: no token dropped although capacity {capacity} < {T // E}")

# Without capacity nothing is dropped.
d = top_k_dispatch(probs, 2, mask, kept, 0.0)
check(bool(((d.sum(-1) - 1).abs() < 1e-5).all()), "no capacity: a token was dropped")

# A switched-off expert gets no probability and no tokens.
mask_off = torch.tensor([1.0, 0.0, 1.0, 1.0])
p_off, kept_off = masked_softmax(logits, mask_off)
d_off = top_k_dispatch(p_off, 1, mask_off, kept_off, 1.0)
check(bool((p_off[..., 1] == 0).all()) and bool((d_off[..., 1] == 0).all()),
      "switched-off expert 1 still routed to")
check(bool(((p_off.sum(-1) - 1).abs() < 1e-5).all()), "masked probabilities do not sum to 1")

# The module: dropped tokens come out as zero (the residual carries them), it scripts.
layer = CapacityMoEFFN(dim=16, hidden=32, num_experts=E, top_k=1, capacity_factor=0.5).eval()
x = torch.randn(2, 16, T, 1)
with torch.no_grad():
    out, router, dispatch = layer(x, mask)
check(tuple(router.shape) == (2, T, E) and tuple(dispatch.shape) == (2, T, E),
      f"router/dispatch shapes {tuple(router.shape)} {tuple(dispatch.shape)}")
dropped = dispatch.sum(-1) == 0                                       # [2, T]
check(bool(dropped.any()), "module: nothing dropped at capacity factor 0.5")
out_tokens = out.squeeze(-1).transpose(1, 2)                          # [2, T, 16]
check(bool((out_tokens[dropped].abs().max() == 0)), "module: a dropped token has a non-zero output")
scripted = torch.jit.script(layer)
with torch.no_grad():
    out2, router2, dispatch2 = scripted(x, mask)
check(torch.allclose(out, out2, atol=1e-6) and torch.equal(dispatch, dispatch2),
      "scripted module differs from eager")

print("check_capacity_moe: %d failure(s)" % len(failures))
sys.exit(1 if failures else 0)

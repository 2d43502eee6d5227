"""sar-crossearth-tiny: a small physics-guided sparse-MoE ViT for SAR
segmentation, after CrossEarth-SAR (Ye et al., CVPR 2026, arXiv 2603.12008).

Input ``image`` float32 [B, 1, 128, 128]: calibrated backscatter in dB (sigma0
when the product is calibrated), mapped to [0, 1] over DB_RANGE = [-35, 15] dB
and clamped, x = clamp((dB - lo) / (hi - lo), 0, 1), then (x - MEAN) / STD.
This is the moescope.json ``"sar"`` representation of the input (quantity
"db"); MoEScope's SAR plugin converts any product (sigma0 intensity, complex
SLC, DN amplitude) to it, tile by tile at native pixel spacing. Input
``expert_mask`` float32 [4, 6].

1. Radiometry, inside the model: dB = lo + (x * STD + MEAN) * (hi - lo),
   linear intensity I = 10^(dB / 10), linear amplitude A = sqrt(I).
2. Physics descriptors: ``physics_descriptors`` (moe_layers.py) on the linear
   amplitude A gives the three image-level scalars of CrossEarth-SAR:
   directional entropy of the Sobel gradient orientations, ENL (as
   log(1 + ENL)) and local roughness, [B, 3]. They are returned as output
   ``physics`` and, standardised with constants measured on the training set
   (and clamped to +-5), tiled over the tokens and concatenated to every
   token at every router.
3. Convolutional stem (stride 2, 4, 8) over three channels: the normalised
   dB input itself; a 5 x 5 boxcar-despeckled version (mean of the linear
   intensity, back to dB, normalised the same way: averaging dB would bias
   it by a looks-dependent -2.5...-0.3 dB); and the despeckled dB minus its
   31 x 31 local mean in dB, / 6 (local contrast, blind to calibration offsets
   and incidence drops). 16 x 16 = 256 tokens (no class token), width 96,
   plus learned position embeddings.
4. Four pre-norm transformer blocks (3 heads of 32, global attention); the FFN
   of EVERY block is a PhysicsMoEFFN: 6 experts (Linear 96 -> 128 -> 96,
   GELU), router softmax(W_r [z || s] + b_r) per token, top-1
   ("blocks.<i>.mlp").
5. Decoder: LayerNorm, 1 x 1 projection to 32 channels, two x2 bilinear
   up-samplings each joined by the stem's feature map at that resolution (skip
   connections keep small ships), 3 x 3 convolutions, 1 x 1 classifier:
   logits ``mask`` [B, 5, 64, 64] over water, urban, vegetation, bare-soil,
   ship.

forward(image, expert_mask) -> {"mask", "physics", "router.<i>", "dispatch.<i>"}
following the MoEScope model contract (docs/model-contract.md).

Top-1 routing is executed sparsely: each expert runs only on the tokens sent
to it (gathered with index_select, written back with index_add). The routing
itself (probabilities, expert mask, renormalised top-k weights, straight-
through top-1 weight) is the shared code's (moe_layers.masked_softmax and
top_k_dispatch); only the combine differs from RoutedFFN.combine, which runs
every expert on every token. With 6 experts at top-1 the sparse combine does
1/6 of the expert arithmetic and gives the same result.

Why the CPU details (see moe_layers.py): Debian's LibTorch runs matrix
products on the reference BLAS; 1 x 1 convolutions go to oneDNN when they are
dilated and either have a batch > 1 or more than 20480 input values. Width 96
over 256 tokens (24576 values) keeps the per-token linear layers of the shared
classes on oneDNN at batch 1; the experts' gathered tokens and attention's
query tokens are used as the batch.
"""

import os
import sys
from typing import Dict, List, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from moe_layers import (PhysicsMoEFFN, TokenLayerNorm, conv_1x1,  # noqa: E402
                        masked_softmax, physics_descriptors, top_k_dispatch)
from moe_vit import Attention  # noqa: E402

# The input representation (moescope.json "sar"): sigma0 in dB over DB_RANGE,
# x = clamp((dB - lo) / (hi - lo), 0, 1), normalised with MEAN / STD
# (measured on the training scenes, rounded).
DB_RANGE = [-35.0, 15.0]
MEAN = [0.42]
STD = [0.15]
SAR_INPUT = {"quantity": "db", "range": DB_RANGE, "looks": [1, 8], "filter": "none",
             "bands": ["VV"]}
CLASSES = ["water", "urban", "vegetation", "bare-soil", "ship"]
PHYSICS_NAMES = ["directional_entropy", "enl", "roughness"]


# Token counts per expert are rounded up to a multiple of this (see below).
PAD_ROWS = 32


class SparsePhysicsMoEFFN(PhysicsMoEFFN):
    """PhysicsMoEFFN whose experts run only on the tokens dispatched to them.

    forward(x [B, D, T, 1], phys [B, P], mask [E]) -> (out, router [B, T, E],
    dispatch [B, T, E]); same routing and outputs as PhysicsMoEFFN."""

    def forward(self, x: Tensor, phys: Tensor, mask: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        B, D, T = x.shape[0], x.shape[1], x.shape[2]
        s = phys.reshape(B, -1, 1, 1).expand(-1, -1, T, 1)
        logits = self.router(torch.cat([x, s], dim=1)).squeeze(-1).transpose(1, 2)
        probs, any_kept = masked_softmax(logits, mask)
        dispatch = top_k_dispatch(probs, self.top_k, mask, any_kept)
        # One row per token of the whole batch, [B*T, D]; every expert runs on
        # its own rows as a batch of 1 x 1 "images" [n, D, 1, 1] (a batch > 1
        # sends the 1 x 1 convolutions to oneDNN, see moe_layers.py).
        rows = x.squeeze(-1).transpose(1, 2).reshape(B * T, D)
        w = dispatch.reshape(B * T, self.num_experts)
        out = torch.zeros_like(rows)
        e = 0
        for expert in self.experts:
            we = w[:, e]
            idx = torch.nonzero(we > 0.0).squeeze(1)
            n = idx.numel()
            if n > 0:
                # Padded with zero rows to a multiple of PAD_ROWS: every token
                # count is a new convolution shape, and oneDNN compiles and
                # caches a kernel per shape; unpadded, a tiled scene meets
                # hundreds of counts (the host's bounded cache then recompiles,
                # the forward 2x slower). Rows are independent (1 x 1 convs,
                # pointwise activation), so the padding changes nothing else.
                pad = (32 - n % 32) % 32  # PAD_ROWS (TorchScript takes no globals)
                picked = rows.index_select(0, idx)
                if pad > 0:
                    picked = torch.cat([picked, picked.new_zeros(pad, D)], dim=0)
                y = expert(picked.reshape(n + pad, D, 1, 1)).reshape(n + pad, D)[:n]
                out = out.index_add(0, idx, y * we.index_select(0, idx).unsqueeze(1))
            e += 1
        out = out.reshape(B, T, D).transpose(1, 2).unsqueeze(-1)
        return out, probs, dispatch


class RowsAttention(Attention):
    """moe_vit.Attention (same parameters, same result) with its two matrix
    products run per image and head as plain 1 x 1 convolutions whose batch is
    the query tokens: scores = conv(q rows [T, d, 1, 1], k [T, d, 1, 1]),
    out = conv(attn [T, T, 1, 1], v [d, T, 1, 1]). On Debian's CPU LibTorch
    this is 3-4x faster than the grouped convolution of the shared class
    (oneDNN's grouped kernels are slow at these shapes), and the softmax runs
    over the contiguous last dimension."""

    def forward(self, x: Tensor) -> Tensor:
        B, D, T = x.shape[0], x.shape[1], x.shape[2]
        H, d = self.heads, self.head_dim
        qkv = self.qkv(x).reshape(B, 3, H, d, T)
        # One [T, d] / [d, T] slice per image and head; unbind (not indexing)
        # so that backward stacks the slices' gradients in one operation.
        qs = qkv[:, 0].transpose(2, 3).reshape(B * H, T, d).unbind(0)
        ks = (qkv[:, 1].transpose(2, 3).reshape(B * H, T, d) * self.scale).unbind(0)
        vs = qkv[:, 2].reshape(B * H, d, T).unbind(0)
        ys: List[Tensor] = []
        for i in range(B * H):
            s = conv_1x1(qs[i].reshape(T, d, 1, 1), ks[i].reshape(T, d, 1, 1))   # [Tq, Tk, 1, 1]
            a = torch.softmax(s.reshape(T, T), dim=-1).reshape(T, T, 1, 1)
            ys.append(conv_1x1(a, vs[i].reshape(d, T, 1, 1)).reshape(T, d))
        y = torch.stack(ys, 0).reshape(B, H, T, d).permute(0, 1, 3, 2).reshape(B, D, T, 1)
        return self.proj(y)


class Conv1x1(nn.Conv2d):
    """A 1 x 1 nn.Conv2d evaluated through moe_layers.conv_1x1 (oneDNN, not
    the reference-BLAS path that small undilated 1 x 1 convolutions take)."""

    def __init__(self, cin: int, cout: int):
        super().__init__(cin, cout, 1)

    def forward(self, x: Tensor) -> Tensor:
        return conv_1x1(x, self.weight, self.bias)


class PhysicsBlock(nn.Module):
    def __init__(self, dim: int, heads: int, hidden: int, experts: int, top_k: int, phys_dim: int):
        super().__init__()
        self.norm1 = TokenLayerNorm(dim)
        self.attn = RowsAttention(dim, heads)
        self.norm2 = TokenLayerNorm(dim)
        self.mlp = SparsePhysicsMoEFFN(dim, hidden, experts, top_k, phys_dim)

    def forward(self, x: Tensor, phys: Tensor, mask: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        x = x + self.attn(self.norm1(x))
        y, probs, dispatch = self.mlp(self.norm2(x), phys, mask)
        return x + y, probs, dispatch


def conv_bn(cin: int, cout: int, stride: int = 1) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False),
                         nn.BatchNorm2d(cout), nn.ReLU())


class SARCrossEarthTiny(nn.Module):
    """The routed layers are blocks.0.mlp .. blocks.3.mlp (moescope.json names)."""

    def __init__(self, image_size: int = 128, dim: int = 96, heads: int = 3, hidden: int = 128,
                 depth: int = 4, experts: int = 6, top_k: int = 1,
                 num_classes: int = 5, c1: int = 16, c2: int = 32, lateral: int = 32,
                 dec2: int = 32, dec1: int = 24):
        super().__init__()
        self.grid = image_size // 8
        self.num_experts = experts
        self.mean = MEAN[0]
        self.std = STD[0]
        self.db_lo = DB_RANGE[0]
        self.db_span = DB_RANGE[1] - DB_RANGE[0]
        # Standardisation of the descriptors at the router (set from training data).
        self.register_buffer("phys_mean", torch.zeros(3))
        self.register_buffer("phys_std", torch.ones(3))
        self.stem1 = conv_bn(3, c1, 2)                                # 64 x 64
        self.stem2 = conv_bn(c1, c2, 2)                               # 32 x 32
        self.stem3 = conv_bn(c2, dim, 2)                              # 16 x 16
        self.embed = Conv1x1(dim, dim)
        self.pos_embed = nn.Parameter(torch.randn(1, dim, self.grid * self.grid, 1) * 0.02)
        self.blocks = nn.ModuleList([PhysicsBlock(dim, heads, hidden, experts, top_k, 3)
                                     for _ in range(depth)])
        self.norm = TokenLayerNorm(dim)
        self.lateral = Conv1x1(dim, lateral)                     # 16 x 16
        self.dec2 = conv_bn(lateral + c2, dec2)                       # 32 x 32
        self.dec1 = conv_bn(dec2 + c1, dec1)                          # 64 x 64
        self.classifier = Conv1x1(dec1, num_classes)

    def radiometry(self, image: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        """(dB [B, 1, H, W], linear amplitude, stem input [B, 3, H, W])."""
        x01 = (image * self.std + self.mean).clamp(0.0, 1.0)
        db = x01 * self.db_span + self.db_lo
        intensity = torch.pow(10.0, db * 0.1)
        amp = torch.pow(10.0, db * 0.05)
        # 5 x 5 boxcar of the linear intensity, back to dB.
        i5 = F.avg_pool2d(intensity, 5, stride=1, padding=2, count_include_pad=False)
        db5 = 10.0 * torch.log10(i5)
        n5 = (((db5 - self.db_lo) / self.db_span).clamp(0.0, 1.0) - self.mean) / self.std
        # Local contrast: despeckled dB minus its 31 x 31 mean in dB (separable box).
        ctx = F.avg_pool2d(db5, (1, 31), stride=1, padding=(0, 15), count_include_pad=False)
        ctx = F.avg_pool2d(ctx, (31, 1), stride=1, padding=(15, 0), count_include_pad=False)
        contrast = (db5 - ctx) / 6.0
        return db, amp, torch.cat([image, n5, contrast], dim=1)

    def forward(self, image: Tensor, expert_mask: Tensor) -> Dict[str, Tensor]:
        db, amp, stem_in = self.radiometry(image)
        phys = physics_descriptors(amp)                               # [B, 3]
        s = ((phys - self.phys_mean) / self.phys_std).clamp(-5.0, 5.0)
        f1 = self.stem1(stem_in)
        f2 = self.stem2(f1)
        f3 = self.embed(self.stem3(f2))
        B, D = f3.shape[0], f3.shape[1]
        x = f3.reshape(B, D, -1, 1) + self.pos_embed                  # row-major tokens
        out: Dict[str, Tensor] = {}
        layer = 0
        for block in self.blocks:
            x, probs, dispatch = block(x, s, expert_mask[layer, :self.num_experts])
            out["router." + str(layer)] = probs
            out["dispatch." + str(layer)] = dispatch
            layer += 1
        g = self.lateral(self.norm(x).reshape(B, D, self.grid, self.grid))
        g = F.interpolate(g, scale_factor=2.0, mode="bilinear", align_corners=False)
        g = self.dec2(torch.cat([g, f2], dim=1))
        g = F.interpolate(g, scale_factor=2.0, mode="bilinear", align_corners=False)
        g = self.dec1(torch.cat([g, f1], dim=1))
        out["mask"] = self.classifier(g)
        out["physics"] = phys
        return out

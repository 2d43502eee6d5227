"""ct-hmar-tiny: a small HMAR-style CT slice retrieval model.

HMAR (Yuan 2026, arXiv 2603.16679) retrieves CT images with a dual-expert
MoE: expert 0 extracts global features for holistic matching, expert 1
position-invariant local features for lesion regions, mixed by a dynamic
router; a two-stage contrastive recipe trains it, and a sliding-window
matcher compares local regions at inference. This is a tiny version that
follows that split at two levels:

* token level, `dual_moe` (moescope layer 0, router "soft", 2 experts):
  every one of the 16 x 16 tokens is mixed from a *global* expert (an FFN
  that sees the token together with the image's mean token: holistic
  context) and a *local* expert (depthwise 3 x 3 convolution over the token
  grid, then an FFN: local texture), weighted by a per-token softmax router;
* image level, `gate` (moescope layer 1, router "soft", 2 experts, T = 1):
  the final embedding mixes the global head (MLP of the mean-pooled
  features) and the local head (per-window MLP over 4 x 4-token sliding
  windows, stride 2 -> 7 x 7 windows, max-pooled over windows: position
  invariant) with an image-level softmax gate.

forward(image [B, 3, 128, 128], expert_mask [2, 2]) -> {
    "embedding" [B, 64]              L2-normalised retrieval embedding,
    "window_embeddings" [B, 49, 64]  L2-normalised per-window embeddings (7 x 7, row-major),
    "hash" [B, 64]                   tanh codes (sign -> 64-bit hash, Hamming search),
    "global_embedding", "local_embedding" [B, 64]  the two heads, L2-normalised,
    "router.0"/"dispatch.0" [B, 256, 2], "router.1"/"dispatch.1" [B, 1, 2]}

The image's three channels are the same HU slice under three CT windows
(preprocess() below, the only place that turns HU into model input).

Tokens are channels-first [B, C, T, 1] and per-token linear layers run as
1x1 convolutions (see ../moe_layers.py: Debian's LibTorch uses the reference
BLAS). There is no position embedding: the convolutional stem, attention
and both experts are then equivariant to shifts of the anatomy (up to the
zero padding at the border), which suits retrieval of a finding wherever it
lies.
"""

import os
import sys
from typing import Dict, List, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # resources/models/recipe: shared layers

from moe_layers import TokenLayerNorm, TokenLinear, conv_1x1, masked_softmax  # noqa: E402
from moe_vit import DenseMLP  # noqa: E402

IMAGE_SIZE = 128
# CT windows per input channel, (center, width) in HU: lung, soft tissue
# (mediastinum), bone.
WINDOWS: List[List[float]] = [[-600.0, 1500.0], [40.0, 400.0], [400.0, 1800.0]]
# Per-channel mean / std of the windowed [0, 1] values over 800 training
# slices (data.make_dataset(800, seed=1)), rounded.
MEAN: List[float] = [0.482, 0.158, 0.109]
STD: List[float] = [0.319, 0.264, 0.163]
EXPERT_NAMES = ["global", "local"]


def preprocess(hu: Tensor, size: int = IMAGE_SIZE) -> Tensor:
    """HU slices -> model input, exactly as the MoEScope host must do it.

    hu: float [N, H, W] (or [N, 1, H, W]) in Hounsfield units.
    1. resize to size x size, bilinear (align_corners False; antialiased,
       i.e. area-averaged, when shrinking), in HU;
    2. channel c = clamp((HU - (center_c - width_c / 2)) / width_c, 0, 1)
       for the three WINDOWS;
    3. (x - MEAN[c]) / STD[c].
    Returns float32 [N, 3, size, size]."""
    x = hu.float()
    if x.dim() == 3:
        x = x.unsqueeze(1)
    h, w = x.shape[-2], x.shape[-1]
    if h != size or w != size:
        x = F.interpolate(x, size=(size, size), mode="bilinear", align_corners=False,
                          antialias=(h > size or w > size))
    chans = [((x - (c - wd / 2.0)) / wd).clamp(0.0, 1.0) for c, wd in WINDOWS]
    x = torch.cat(chans, dim=1)
    mean = torch.tensor(MEAN, dtype=x.dtype).reshape(1, 3, 1, 1)
    std = torch.tensor(STD, dtype=x.dtype).reshape(1, 3, 1, 1)
    return (x - mean) / std


class ReducedAttention(nn.Module):
    """Multi-head self-attention whose keys and values come from a 2 x 2
    average-pooled token grid (spatial-reduction attention, PVT, Wang et al.
    2021): 256 queries attend to 64 keys. Same grouped-1x1-convolution
    formulation as moe_vit.Attention; a quarter of its score cost, which
    matters for training on one CPU thread."""

    def __init__(self, dim: int, heads: int, grid: int, reduction: int = 2):
        super().__init__()
        self.heads = heads
        self.head_dim = dim // heads
        self.scale = self.head_dim ** -0.5
        self.grid = grid
        self.reduction = reduction
        self.q = TokenLinear(dim, dim)
        self.kv_norm = TokenLayerNorm(dim)
        self.kv = TokenLinear(dim, 2 * dim)
        self.proj = TokenLinear(dim, dim)

    def forward(self, x: Tensor) -> Tensor:
        B, D, T = x.shape[0], x.shape[1], x.shape[2]
        H, d = self.heads, self.head_dim
        G = B * H
        q = self.q(x).reshape(1, G * d, T, 1)
        xr = F.avg_pool2d(x.reshape(B, D, self.grid, self.grid), self.reduction)
        Tk = xr.shape[2] * xr.shape[3]
        kv = self.kv(self.kv_norm(xr.reshape(B, D, Tk, 1))).reshape(B, 2, H, d, Tk)
        k = kv[:, 0].transpose(2, 3).reshape(G * Tk, d, 1, 1) * self.scale
        v = kv[:, 1].reshape(G * d, Tk, 1, 1)
        scores = conv_1x1(q, k, groups=G)                            # [1, G*Tk, Tq, 1]
        attn = torch.softmax(scores.reshape(G, Tk, T), dim=1).reshape(1, G * Tk, T, 1)
        y = conv_1x1(attn, v, groups=G)                              # [1, G*d, Tq, 1]
        return self.proj(y.reshape(B, D, T, 1))


class Block(nn.Module):
    """Pre-norm transformer block (moe_vit.DenseBlock with ReducedAttention)."""

    def __init__(self, dim: int, heads: int, hidden: int, grid: int):
        super().__init__()
        self.norm1 = TokenLayerNorm(dim)
        self.attn = ReducedAttention(dim, heads, grid)
        self.norm2 = TokenLayerNorm(dim)
        self.mlp = DenseMLP(dim, hidden)

    def forward(self, x: Tensor) -> Tensor:
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class DualExpertMoE(nn.Module):
    """Token-level soft mixture of a global and a local expert (pre-norm,
    residual): x + p_global * G(h, mean(h)) + p_local * L(h), h = LN(x).

    forward(x [B, D, T, 1], mask [2]) -> (out, router [B, T, 2], dispatch)."""

    def __init__(self, dim: int, hidden: int, grid: int):
        super().__init__()
        self.grid = grid
        self.norm = TokenLayerNorm(dim)
        self.router = TokenLinear(dim, 2)
        self.global_fc1 = TokenLinear(2 * dim, hidden)      # [token || image mean token]
        self.global_fc2 = TokenLinear(hidden, dim)
        self.local_dw = nn.Conv2d(dim, dim, 3, padding=1, groups=dim)
        self.local_fc1 = TokenLinear(dim, hidden)
        self.local_fc2 = TokenLinear(hidden, dim)

    def forward(self, x: Tensor, mask: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        B, D, T = x.shape[0], x.shape[1], x.shape[2]
        h = self.norm(x)
        logits = self.router(h).squeeze(-1).transpose(1, 2)           # [B, T, 2]
        probs, any_kept = masked_softmax(logits, mask)
        dispatch = probs if any_kept else torch.zeros_like(probs)
        ctx = h.mean(dim=2, keepdim=True).expand(-1, -1, T, -1)
        g = self.global_fc2(F.gelu(self.global_fc1(torch.cat([h, ctx], dim=1))))
        loc = self.local_dw(h.reshape(B, D, self.grid, self.grid)).reshape(B, D, T, 1)
        loc = self.local_fc2(F.gelu(self.local_fc1(loc)))
        w = dispatch.transpose(1, 2).unsqueeze(-1)                    # [B, 2, T, 1]
        return x + g * w[:, 0:1] + loc * w[:, 1:2], probs, dispatch


class HMARTiny(nn.Module):
    """moescope layers: 0 = dual_moe (token level), 1 = gate (image level)."""

    def __init__(self, dim: int = 64, heads: int = 2, hidden: int = 128, depth: int = 2,
                 emb: int = 64, hash_bits: int = 64, window: int = 4, stride: int = 2):
        super().__init__()
        self.grid = IMAGE_SIZE // 8
        self.window = window
        self.stride = stride
        self.patch_embed = nn.Sequential(
            nn.Conv2d(3, 24, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(24), nn.ReLU(),
            nn.Conv2d(24, 48, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(48), nn.ReLU(),
            nn.Conv2d(48, dim, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(dim), nn.ReLU(),
            nn.Conv2d(dim, dim, 1),
        )
        self.blocks = nn.ModuleList([Block(dim, heads, hidden, self.grid) for _ in range(depth)])
        self.dual_moe = DualExpertMoE(dim, hidden, self.grid)
        self.norm = TokenLayerNorm(dim)
        # Global head: MLP of the mean-pooled features.
        self.global_head = nn.Sequential(nn.Linear(dim, 2 * dim), nn.GELU(), nn.Linear(2 * dim, emb))
        # Local head: the same MLP applied to every window of window x window
        # tokens (its first layer is a window x window convolution with that
        # stride: a linear map of the flattened window).
        self.local_fc1 = nn.Conv2d(dim, 2 * dim, window, stride=stride)
        self.local_fc2 = nn.Conv2d(2 * dim, emb, 1)
        # Image-level gate over [mean-pooled || max-pooled] features.
        self.gate = nn.Linear(2 * dim, 2)
        self.hash = nn.Linear(emb, hash_bits)

    def features(self, image: Tensor, mask0: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        p = self.patch_embed(image)                                   # [B, D, 16, 16]
        B, D = p.shape[0], p.shape[1]
        x = p.reshape(B, D, -1, 1)                                    # row-major tokens
        for block in self.blocks:
            x = block(x)
        x, probs, dispatch = self.dual_moe(x, mask0)
        return self.norm(x), probs, dispatch

    def heads(self, f: Tensor, mask1: Tensor) -> Dict[str, Tensor]:
        B, D = f.shape[0], f.shape[1]
        fg = f.reshape(B, D, self.grid, self.grid)
        mean = fg.mean(dim=(2, 3))
        e_global = self.global_head(mean)                            # [B, emb]
        win = self.local_fc2(F.gelu(self.local_fc1(fg)))             # [B, emb, 7, 7]
        win = win.reshape(B, win.shape[1], -1)                       # [B, emb, 49]
        e_local = win.amax(dim=2)                                    # max over windows
        pooled = torch.cat([mean, fg.amax(dim=(2, 3))], dim=1)
        logits = self.gate(pooled).unsqueeze(1)                      # [B, 1, 2]
        probs, any_kept = masked_softmax(logits, mask1)
        g = probs if any_kept else torch.zeros_like(probs)
        mix = (g[:, 0, 0:1] * F.normalize(e_global, dim=1)
               + g[:, 0, 1:2] * F.normalize(e_local, dim=1))
        emb = F.normalize(mix, dim=1)
        return {
            "embedding": emb,
            "window_embeddings": F.normalize(win, dim=1).transpose(1, 2),
            "hash": torch.tanh(self.hash(emb)),
            "global_embedding": F.normalize(e_global, dim=1),
            "local_embedding": F.normalize(e_local, dim=1),
            "router.1": probs,
            "dispatch.1": g,
        }

    def forward(self, image: Tensor, expert_mask: Tensor) -> Dict[str, Tensor]:
        f, probs, dispatch = self.features(image, expert_mask[0, :2])
        out = self.heads(f, expert_mask[1, :2])
        out["router.0"] = probs
        out["dispatch.0"] = dispatch
        return out

"""track-spmtrack-tiny: a tiny one-stream ViT tracker with TMoE layers, after
SPMTrack (Cai, Liu, Wang, CVPR 2025, arXiv 2503.18338).

Inputs: ``template`` float32 [B, 3, 64, 64] (the target cropped at 2x its
size, centred), ``search`` float32 [B, 3, 128, 128] (the search region, 4x the
target's size around its previous position), both normalised with mean 0.5,
std 0.25; ``expert_mask`` float32 [8, 4].

A shared stride-8 convolutional stem turns the template into 8 x 8 tokens and
the search region into 16 x 16 tokens. The joint sequence is

    [track query (token 0) | template tokens 1..64 | search tokens 65..320]

with learned position embeddings per crop and token-type embeddings (query,
template, search). Four pre-norm transformer blocks run joint (one-stream)
attention over all 321 tokens. In every block the attention's qkv projection
and the MLP's fc1 are TMoE linears (moe_layers.TMoELinear): a trained base
weight W0 plus a dense, per-token softmax mixture of 4 low-rank experts
sharing one down-projection A (rank 16), out = W0 x + b + sum_i g_i(x) B_i A x.
That gives 8 routed layers (blocks.<b>.attn.qkv, blocks.<b>.mlp.fc1), each
reporting its gate g as ``router.<i>`` [B, 321, 4] (router "dense", top_k 0).

Head (anchor-free, SPMTrack/LoRAT-like): the search tokens are weighted by
their attention to the track query token (a sigmoid of the scaled query-key
dot product), then two per-token MLPs give a score map (logits, [B, 1, 16, 16])
and, per cell, the distances (l, t, r, b) from the cell's centre to the box's
edges; ``box`` ([B, 4], cx, cy, w, h normalised to the search crop) is the
score-weighted mean of the boxes of the best cell (of sigmoid(score) times a
Hann window) and its 8 neighbours.
"""

import math
import os
import sys
from typing import Dict, List, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))          # resources/models/recipe

from moe_layers import TMoELinear, TokenLayerNorm, TokenLinear, conv_1x1, masked_softmax  # noqa: E402
from moe_vit import Attention  # noqa: E402

MEAN = [0.5, 0.5, 0.5]
STD = [0.25, 0.25, 0.25]
TEMPLATE_SIZE = 64
SEARCH_SIZE = 128
TEMPLATE_FACTOR = 2.0   # template crop side = 2 x sqrt(w * h)
SEARCH_FACTOR = 4.0     # search crop side = 4 x sqrt(w * h)
STRIDE = 8


class FusedTMoELinear(TMoELinear):
    """moe_layers.TMoELinear (same parameters, same result) with the expert sum
    done before the up-projection:

        sum_i g_i B_i (A x) = [B_1 | ... | B_E] (g (x) A x)

    i.e. one 1x1 convolution of the gate-weighted copies of A x (E * r
    channels) with the experts' up-projections side by side. Besides saving
    the E * d_out intermediate, this keeps the convolution on oneDNN at batch 1:
    PyTorch sends a batch-1, ungrouped 1x1 convolution with at most 20480
    input values to a slow reference kernel; E * r * T = 4 * 16 * 321 is above
    that (r * T alone, the unfused form's input, is not)."""

    def forward(self, x: Tensor, mask: Tensor) -> Tuple[Tensor, Tensor]:
        B, T = x.shape[0], x.shape[2]
        E, r = self.num_experts, self.rank
        logits = self.gate(x).squeeze(-1).transpose(1, 2)            # [B, T, E]
        probs, any_kept = masked_softmax(logits, mask)
        g = probs if any_kept else torch.zeros_like(probs)
        h = self.down(x).reshape(B, 1, r, T)                         # A x
        gh = (g.transpose(1, 2).unsqueeze(2) * h).reshape(B, E * r, T, 1)
        w = self.up.reshape(E, self.d_out, r).permute(1, 0, 2).reshape(self.d_out, E * r, 1, 1)
        delta = conv_1x1(gh, w)
        return self.base(x) + delta * self.scale, probs


class TMoEAttention(Attention):
    """moe_vit.Attention with its qkv projection a TMoE linear."""

    def __init__(self, dim: int, heads: int, experts: int, rank: int, alpha: float):
        super().__init__(dim, heads)
        self.qkv = FusedTMoELinear(dim, dim * 3, experts, rank, alpha)

    def forward(self, x: Tensor, mask: Tensor) -> Tuple[Tensor, Tensor]:
        B, D, T = x.shape[0], x.shape[1], x.shape[2]
        H, d = self.heads, self.head_dim
        G = B * H
        qkv, probs = self.qkv(x, mask)
        qkv = qkv.reshape(B, 3, H, d, T)
        q = qkv[:, 0].reshape(1, G * d, T, 1)
        k = qkv[:, 1].transpose(2, 3).reshape(G * T, d, 1, 1) * self.scale
        v = qkv[:, 2].reshape(G * d, T, 1, 1)
        scores = conv_1x1(q, k, groups=G)                            # [1, G*Tk, Tq, 1]
        attn = torch.softmax(scores.reshape(G, T, T), dim=1).reshape(1, G * T, T, 1)
        y = conv_1x1(attn, v, groups=G)                              # [1, G*d, Tq, 1]
        return self.proj(y.reshape(B, D, T, 1)), probs


class TMoEMLP(nn.Module):
    """MLP whose fc1 is a TMoE linear (fc2 a plain linear)."""

    def __init__(self, dim: int, hidden: int, experts: int, rank: int, alpha: float):
        super().__init__()
        self.fc1 = FusedTMoELinear(dim, hidden, experts, rank, alpha)
        self.fc2 = TokenLinear(hidden, dim)

    def forward(self, x: Tensor, mask: Tensor) -> Tuple[Tensor, Tensor]:
        h, probs = self.fc1(x, mask)
        return self.fc2(F.gelu(h)), probs


class TMoEBlock(nn.Module):
    def __init__(self, dim: int, heads: int, hidden: int, experts: int, rank: int, alpha: float):
        super().__init__()
        self.norm1 = TokenLayerNorm(dim)
        self.attn = TMoEAttention(dim, heads, experts, rank, alpha)
        self.norm2 = TokenLayerNorm(dim)
        self.mlp = TMoEMLP(dim, hidden, experts, rank, alpha)

    def forward(self, x: Tensor, mask_qkv: Tensor, mask_fc1: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        y, p_qkv = self.attn(self.norm1(x), mask_qkv)
        x = x + y
        y, p_fc1 = self.mlp(self.norm2(x), mask_fc1)
        return x + y, p_qkv, p_fc1


def _stem(dim: int) -> nn.Sequential:
    """Stride-8 convolutional stem (its final 1x1 projection is applied in
    token space, see SPMTrackTiny.proj). The stride-1 3x3 convolution is
    grouped (2 groups): at batch 1 an ungrouped one on a 16 x 16 map would run
    on PyTorch's slow reference kernel instead of oneDNN."""
    return nn.Sequential(
        nn.Conv2d(3, 24, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(24), nn.ReLU(),
        nn.Conv2d(24, 48, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(48), nn.ReLU(),
        nn.Conv2d(48, dim, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(dim), nn.ReLU(),
        nn.Conv2d(dim, dim, 3, stride=1, padding=1, groups=2, bias=False), nn.BatchNorm2d(dim), nn.ReLU(),
    )


class HeadMLP(nn.Module):
    def __init__(self, dim: int, out: int):
        super().__init__()
        self.fc1 = TokenLinear(dim, dim)
        self.fc2 = TokenLinear(dim, dim)
        self.fc3 = TokenLinear(dim, out)

    def forward(self, x: Tensor) -> Tensor:
        return self.fc3(F.gelu(self.fc2(F.gelu(self.fc1(x)))))


class SPMTrackTiny(nn.Module):
    def __init__(self, dim: int = 64, heads: int = 4, hidden: int = 192, depth: int = 4,
                 experts: int = 4, rank: int = 16, alpha: float = 16.0):
        super().__init__()
        self.dim = dim
        self.experts = experts
        self.depth = depth
        self.tgrid = TEMPLATE_SIZE // STRIDE
        self.sgrid = SEARCH_SIZE // STRIDE
        self.patch_embed = _stem(dim)
        self.proj = TokenLinear(dim, dim)   # the stem's 1x1 projection, on all 321 tokens at once
        self.query = nn.Parameter(torch.zeros(1, dim, 1, 1))
        self.type_embed = nn.Parameter(torch.randn(3, dim) * 0.02)   # query, template, search
        self.pos_template = nn.Parameter(torch.randn(1, dim, self.tgrid * self.tgrid, 1) * 0.02)
        self.pos_search = nn.Parameter(torch.randn(1, dim, self.sgrid * self.sgrid, 1) * 0.02)
        self.blocks = nn.ModuleList([TMoEBlock(dim, heads, hidden, experts, rank, alpha)
                                     for _ in range(depth)])
        self.norm = TokenLayerNorm(dim)
        self.head_q = nn.Linear(dim, dim)       # on the query token alone: a tiny matmul
        self.head_k = TokenLinear(dim, dim)
        self.score_head = HeadMLP(dim, 1)
        self.box_head = HeadMLP(dim, 4)
        g = self.sgrid
        c = (torch.arange(g, dtype=torch.float32) + 0.5) / g
        cy, cx = torch.meshgrid(c, c, indexing="ij")
        self.register_buffer("cell_x", cx.reshape(1, -1).clone(), persistent=False)
        self.register_buffer("cell_y", cy.reshape(1, -1).clone(), persistent=False)
        ii = torch.arange(g * g)
        self.register_buffer("cell_row", torch.div(ii, g, rounding_mode="floor").reshape(1, -1), persistent=False)
        self.register_buffer("cell_col", (ii % g).reshape(1, -1), persistent=False)
        # Cosine (Hann) window over the score map: the box comes from the
        # best cell of sigmoid(score) x window, the usual motion prior of
        # one-stream trackers at inference (OSTrack, LoRAT, SPMTrack).
        hann = torch.hann_window(g + 2, periodic=False)[1:-1]
        self.register_buffer("window", torch.outer(hann, hann).reshape(1, -1).clone(), persistent=False)

    def encode(self, template: Tensor, search: Tensor, expert_mask: Tensor) -> Tuple[Tensor, List[Tensor]]:
        """Joint tokens after the blocks [B, D, 321, 1] and the 8 gates [B, 321, E]."""
        zt = self.patch_embed(template)
        zs = self.patch_embed(search)
        B, D = zs.shape[0], zs.shape[1]
        te = self.type_embed.reshape(3, D, 1)
        # The track query starts as a learned token plus the mean stem feature
        # of the template's central 4 x 4 tokens (where the target is).
        c0, c1 = self.tgrid // 4, self.tgrid - self.tgrid // 4
        centre = zt[:, :, c0:c1, c0:c1].mean(dim=(2, 3)).reshape(B, D, 1, 1)
        x = self.proj(torch.cat([self.query.expand(B, -1, -1, -1) + centre,
                                 zt.reshape(B, D, -1, 1), zs.reshape(B, D, -1, 1)], dim=2))
        n_t = self.tgrid * self.tgrid
        pos = torch.cat([te[0].reshape(1, D, 1, 1),
                         self.pos_template + te[1].reshape(1, D, 1, 1),
                         self.pos_search + te[2].reshape(1, D, 1, 1)], dim=2)   # [1, D, 321, 1]
        x = x + pos
        routers: List[Tensor] = []
        i = 0
        for block in self.blocks:
            x, p_qkv, p_fc1 = block(x, expert_mask[2 * i, :self.experts],
                                    expert_mask[2 * i + 1, :self.experts])
            routers.append(p_qkv)
            routers.append(p_fc1)
            i += 1
        return self.norm(x), routers

    def head(self, x: Tensor) -> Tuple[Tensor, Tensor]:
        """Score logits [B, 256] and per-cell boxes x1, y1, x2, y2 [B, 256, 4]
        (normalised to the search crop)."""
        B, D = x.shape[0], x.shape[1]
        n_s = self.sgrid * self.sgrid
        qq = self.head_q(x[:, :, 0, 0]).reshape(B, D, 1, 1)          # query token
        # The head runs on all 321 tokens and keeps the search ones: a batch-1
        # 1x1 convolution over only 256 tokens would fall off oneDNN (see
        # FusedTMoELinear), which costs more than the 65 extra tokens.
        kk = self.head_k(x)                                            # [B, D, 321, 1]
        a = torch.sigmoid((qq * kk).sum(dim=1, keepdim=True) / math.sqrt(D))
        f = x * a
        score = self.score_head(f)[:, :, -n_s:].reshape(B, -1)        # [B, 256]
        ltrb = torch.sigmoid(self.box_head(f)[:, :, -n_s:].reshape(B, 4, -1))  # [B, 4, 256]
        x1 = self.cell_x - ltrb[:, 0]
        y1 = self.cell_y - ltrb[:, 1]
        x2 = self.cell_x + ltrb[:, 2]
        y2 = self.cell_y + ltrb[:, 3]
        return score, torch.stack([x1, y1, x2, y2], dim=-1)

    def forward(self, template: Tensor, search: Tensor, expert_mask: Tensor) -> Dict[str, Tensor]:
        x, routers = self.encode(template, search, expert_mask)
        score, boxes = self.head(x)
        B = score.shape[0]
        # The box: the best cell of sigmoid(score) x window, refined as the
        # score-weighted mean of the boxes of that cell and its 8 neighbours.
        p = torch.sigmoid(score) * self.window                         # [B, 256]
        best = p.argmax(dim=1)                                         # [B]
        g = self.sgrid
        by = torch.div(best, g, rounding_mode="floor").reshape(B, 1)
        bx = (best % g).reshape(B, 1)
        near = ((self.cell_row - by).abs() <= 1) & ((self.cell_col - bx).abs() <= 1)   # [B, 256]
        w = p * near.to(p.dtype)
        w = w / w.sum(dim=1, keepdim=True).clamp_min(1e-12)
        b = (boxes * w.unsqueeze(-1)).sum(dim=1)                       # [B, 4] x1 y1 x2 y2
        out: Dict[str, Tensor] = {}
        for i, p in enumerate(routers):
            out["router." + str(i)] = p
        out["score_map"] = score.reshape(B, 1, self.sgrid, self.sgrid)
        out["box"] = torch.stack([0.5 * (b[:, 0] + b[:, 2]), 0.5 * (b[:, 1] + b[:, 3]),
                                  b[:, 2] - b[:, 0], b[:, 3] - b[:, 1]], dim=1)
        return out


def layer_names(depth: int = 4) -> List[str]:
    names = []
    for b in range(depth):
        names += ["blocks.%d.attn.qkv" % b, "blocks.%d.mlp.fc1" % b]
    return names

"""moe-vit-shapes-tiny: a tiny V-MoE style Vision Transformer.

Input float32 [B, 3, 128, 128] (pixels in [0,1], normalised with mean 0.5,
std 0.25). A stride-8 patch embedding gives 16 x 16 = 256 patch tokens; a
class token goes in front (token 0). Four pre-norm transformer blocks; blocks
1 and 3 (0-based) replace the dense MLP by a routed MoE FFN (4 experts top-1,
4 experts top-2). The class token feeds a linear classifier.

forward(image, expert_mask [2, 4]) -> {"logits" [B, 5], "router.0",
"dispatch.0", "router.1", "dispatch.1" (each [B, 257, 4])}, following the
MoEScope model contract.

The patch embedding is a small convolutional stem (three 3x3 stride-2
convolutions, "Early convolutions help transformers see better", Xiao et al.
2021) rather than one 8x8 linear patchify: each of the 16 x 16 tokens still
covers its own 8 x 8 patch (plus some context), and the model learns the
task within a few minutes on two CPU threads. Tokens are kept channels-first, [B, C, T, 1];
see moe_layers.py for why. Attention's two matrix products are written as
grouped 1x1 convolutions for the same reason (one group per image and head).
"""

from typing import Dict, List

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

try:  # imported as part of the recipe package or run from its directory
    from .moe_layers import MoEFFN, TokenLayerNorm, TokenLinear, conv_1x1
except ImportError:  # pragma: no cover
    from moe_layers import MoEFFN, TokenLayerNorm, TokenLinear, conv_1x1

MEAN = [0.5, 0.5, 0.5]
STD = [0.25, 0.25, 0.25]


class Attention(nn.Module):
    """Multi-head self-attention over channels-first tokens [B, D, T, 1]."""

    def __init__(self, dim: int, heads: int):
        super().__init__()
        self.heads = heads
        self.head_dim = dim // heads
        self.scale = self.head_dim ** -0.5
        self.qkv = TokenLinear(dim, dim * 3)
        self.proj = TokenLinear(dim, dim)

    def forward(self, x: Tensor) -> Tensor:
        B, D, T = x.shape[0], x.shape[1], x.shape[2]
        H, d = self.heads, self.head_dim
        G = B * H
        qkv = self.qkv(x).reshape(B, 3, H, d, T)
        q = qkv[:, 0].reshape(1, G * d, T, 1)                        # queries as input
        k = qkv[:, 1].transpose(2, 3).reshape(G * T, d, 1, 1) * self.scale
        v = qkv[:, 2].reshape(G * d, T, 1, 1)
        scores = conv_1x1(q, k, groups=G)                            # [1, G*Tk, Tq, 1]
        attn = torch.softmax(scores.reshape(G, T, T), dim=1).reshape(1, G * T, T, 1)
        y = conv_1x1(attn, v, groups=G)                              # [1, G*d, Tq, 1]
        return self.proj(y.reshape(B, D, T, 1))


class DenseMLP(nn.Module):
    def __init__(self, dim: int, hidden: int):
        super().__init__()
        self.fc1 = TokenLinear(dim, hidden)
        self.fc2 = TokenLinear(hidden, dim)

    def forward(self, x: Tensor) -> Tensor:
        return self.fc2(F.gelu(self.fc1(x)))


class DenseBlock(nn.Module):
    def __init__(self, dim: int, heads: int, hidden: int):
        super().__init__()
        self.norm1 = TokenLayerNorm(dim)
        self.attn = Attention(dim, heads)
        self.norm2 = TokenLayerNorm(dim)
        self.mlp = DenseMLP(dim, hidden)

    def forward(self, x: Tensor) -> Tensor:
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class MoEBlock(nn.Module):
    def __init__(self, dim: int, heads: int, hidden: int, experts: int, top_k: int):
        super().__init__()
        self.norm1 = TokenLayerNorm(dim)
        self.attn = Attention(dim, heads)
        self.norm2 = TokenLayerNorm(dim)
        self.mlp = MoEFFN(dim, hidden, experts, top_k)

    def forward(self, x: Tensor, mask: Tensor):
        x = x + self.attn(self.norm1(x))
        y, probs, dispatch = self.mlp(self.norm2(x), mask)
        return x + y, probs, dispatch


class MoEViT(nn.Module):
    """The routed layers are blocks.1.mlp and blocks.3.mlp (moescope.json names)."""

    def __init__(self, num_classes: int = 5, image_size: int = 128, dim: int = 96,
                 heads: int = 3, hidden: int = 192,
                 experts: List[int] = [4, 4], top_k: List[int] = [1, 2]):
        super().__init__()
        self.grid = image_size // 8
        self.num_experts = experts
        self.patch_embed = nn.Sequential(
            nn.Conv2d(3, 24, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(24), nn.ReLU(),
            nn.Conv2d(24, 48, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(48), nn.ReLU(),
            nn.Conv2d(48, dim, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(dim), nn.ReLU(),
            nn.Conv2d(dim, dim, 1),
        )
        self.cls_token = nn.Parameter(torch.zeros(1, dim, 1, 1))
        self.pos_embed = nn.Parameter(torch.randn(1, dim, 1 + self.grid * self.grid, 1) * 0.02)
        self.blocks = nn.ModuleList([
            DenseBlock(dim, heads, hidden),
            MoEBlock(dim, heads, hidden, experts[0], top_k[0]),
            DenseBlock(dim, heads, hidden),
            MoEBlock(dim, heads, hidden, experts[1], top_k[1]),
        ])
        self.norm = TokenLayerNorm(dim)
        self.head = nn.Linear(dim, num_classes)

    def forward(self, image: Tensor, expert_mask: Tensor) -> Dict[str, Tensor]:
        p = self.patch_embed(image)                                   # [B, D, 16, 16]
        B, D = p.shape[0], p.shape[1]
        x = p.reshape(B, D, -1, 1)                                    # row-major tokens
        x = torch.cat([self.cls_token.expand(B, -1, -1, -1), x], dim=2) + self.pos_embed
        out: Dict[str, Tensor] = {}
        layer = 0
        for block in self.blocks:
            if isinstance(block, MoEBlock):
                e = self.num_experts[layer]
                x, probs, dispatch = block(x, expert_mask[layer, :e])
                out["router." + str(layer)] = probs
                out["dispatch." + str(layer)] = dispatch
                layer += 1
            else:
                x = block(x)
        cls = self.norm(x[:, :, :1])                                  # [B, D, 1, 1]
        out["logits"] = self.head(cls.reshape(B, D))
        return out

"""us-m2dino-tiny: a tiny multi-task ultrasound ViT with task-conditioned MoE
blocks (after M2DINO) and one token-level MoE layer.

Input: one grey B-mode image [B, 1, 128, 128] (the imaging region, resized),
normalised with MEAN / STD; a task index [B] (TASKS); an expert mask
[3, 6] (1 keeps, 0 switches an expert off).

Backbone: a convolutional stem (stride 8: 16 x 16 patch tokens) plus a class
token (token 0), then three pre-norm transformer blocks, width 80, 2 heads,
FFN hidden 160:

    blocks.0   token-level MoE FFN: 4 experts, top-1, per patch token
               (the documented departure from the paper: makes per-patch
               routing maps meaningful)
    blocks.1   task-conditioned MoE FFN: 6 experts, top-2 chosen by a learned
               task embedding; every token of the image uses the same experts
    blocks.2   task-conditioned MoE FFN: 6 experts, top-2 (own embedding)

Heads (all computed on every call; the task index says which one is meant):

    organ_mask    [B, 2, 64, 64]  logits (background, organ)       organ-seg
    lesion_mask   [B, 2, 64, 64]  logits (background, lesion)      lesion-seg
    lesion_class  [B, 3]          logits (normal, cyst, solid)     lesion-cls

The two segmentation heads share a light U-Net-style decoder (tokens
upsampled to 32 x 32, concatenated with the stem's stride-4 features, two 3x3
convolutions); each head is a 1x1 convolution whose logits are upsampled
bilinearly to 64 x 64
and end in their own 1x1 convolution; the classifier reads LayerNorm([class
token, mean patch token]).
"""

from typing import Dict, List, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

try:  # imported with resources/models/recipe on sys.path
    from moe_layers import MoEFFN, TaskMoEFFN, TokenLayerNorm
    from moe_vit import Attention
except ImportError:  # pragma: no cover
    from ..moe_layers import MoEFFN, TaskMoEFFN, TokenLayerNorm
    from ..moe_vit import Attention

TASKS = ["organ-seg", "lesion-seg", "lesion-cls"]
LESION_CLASSES = ["normal", "cyst", "solid"]


class SparseTaskMoEFFN(TaskMoEFFN):
    """TaskMoEFFN that runs each expert only on the images routed to it.

    The shared TaskMoEFFN evaluates every expert on every token and weights
    them (0 for unselected experts); with top-2 of 6 that is three times the
    work needed. Here expert e runs on the images whose dispatch weight for e
    is > 0 (at batch 1: the two chosen experts only). Same outputs, same
    gradients."""

    def combine(self, x: Tensor, dispatch: Tensor) -> Tensor:
        w = dispatch[:, 0, :]                          # [B, E]
        out = torch.zeros_like(x)
        e = 0
        for expert in self.experts:
            we = w[:, e]
            used = we > 0
            if bool(used.all()):
                out = out + expert(x) * we.reshape(-1, 1, 1, 1)
            elif bool(used.any()):
                idx = torch.nonzero(used).reshape(-1)
                y = expert(x.index_select(0, idx)) * we.index_select(0, idx).reshape(-1, 1, 1, 1)
                out = out.index_add(0, idx, y)
            e += 1
        return out


class SparseTokenMoEFFN(MoEFFN):
    """MoEFFN that, for big batches (training), runs each expert only on the
    tokens dispatched to it (gathered over the whole batch, added back with
    index_add). For small batches it evaluates every expert on every token
    like MoEFFN (faster on CPU at batch 1). Same outputs and gradients."""

    def forward(self, x: Tensor, mask: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        probs, dispatch = self.route(x, mask)
        B, D, T = x.shape[0], x.shape[1], x.shape[2]
        E = self.num_experts
        if B * T < 2048:
            w = dispatch.transpose(1, 2).unsqueeze(-1)    # [B, E, T, 1]
            out = torch.zeros_like(x)
            e = 0
            for expert in self.experts:
                out = out + expert(x) * w[:, e:e + 1]
                e += 1
            return out, probs, dispatch
        xt = x.permute(1, 0, 2, 3).reshape(1, D, B * T, 1)
        w = dispatch.reshape(B * T, E)
        out = torch.zeros_like(xt)
        e = 0
        for expert in self.experts:
            we = w[:, e]
            idx = torch.nonzero(we > 0).reshape(-1)
            if idx.numel() > 0:
                y = expert(xt.index_select(2, idx)) * we.index_select(0, idx).reshape(1, 1, -1, 1)
                out = out.index_add(2, idx, y)
            e += 1
        return out.reshape(D, B, T, 1).permute(1, 0, 2, 3), probs, dispatch


class TokenMoEBlock(nn.Module):
    def __init__(self, dim: int, heads: int, hidden: int, experts: int, top_k: int):
        super().__init__()
        self.norm1 = TokenLayerNorm(dim)
        self.attn = Attention(dim, heads)
        self.norm2 = TokenLayerNorm(dim)
        self.mlp = SparseTokenMoEFFN(dim, hidden, experts, top_k)

    def forward(self, x: Tensor, mask: Tensor):
        x = x + self.attn(self.norm1(x))
        y, probs, dispatch = self.mlp(self.norm2(x), mask)
        return x + y, probs, dispatch


class TaskMoEBlock(nn.Module):
    def __init__(self, dim: int, heads: int, hidden: int, experts: int, top_k: int,
                 num_tasks: int):
        super().__init__()
        self.norm1 = TokenLayerNorm(dim)
        self.attn = Attention(dim, heads)
        self.norm2 = TokenLayerNorm(dim)
        self.mlp = SparseTaskMoEFFN(dim, hidden, experts, top_k, num_tasks, task_dim=16)
        nn.init.normal_(self.mlp.task_embed.weight, std=1.0)

    def forward(self, x: Tensor, task: Tensor, mask: Tensor):
        x = x + self.attn(self.norm1(x))
        y, probs, dispatch = self.mlp(self.norm2(x), task, mask)
        return x + y, probs, dispatch


def conv_bn(cin: int, cout: int, stride: int = 1) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False),
                         nn.BatchNorm2d(cout), nn.ReLU())


class USM2DinoTiny(nn.Module):
    """moescope.json layer names: blocks.0.mlp, blocks.1.mlp, blocks.2.mlp."""

    def __init__(self, dim: int = 80, heads: int = 2,
                 hidden: int = 160, token_experts: int = 4, task_experts: int = 6,
                 task_top_k: int = 2, num_tasks: int = 3, num_classes: int = 3):
        super().__init__()
        self.grid = 16
        self.num_experts: List[int] = [token_experts, task_experts, task_experts]
        self.stem1 = conv_bn(1, 16, 2)                 # 64 x 64
        self.stem2 = conv_bn(16, 32, 2)                # 32 x 32
        self.stem3 = nn.Sequential(conv_bn(32, dim, 2), nn.Conv2d(dim, dim, 1))   # 16 x 16
        self.cls_token = nn.Parameter(torch.zeros(1, dim, 1, 1))
        self.pos_embed = nn.Parameter(torch.randn(1, dim, 1 + self.grid * self.grid, 1) * 0.02)
        self.blocks = nn.ModuleList([
            TokenMoEBlock(dim, heads, hidden, token_experts, 1),
            TaskMoEBlock(dim, heads, hidden, task_experts, task_top_k, num_tasks),
            TaskMoEBlock(dim, heads, hidden, task_experts, task_top_k, num_tasks),
        ])
        self.norm = TokenLayerNorm(dim)
        # segmentation decoder (shared trunk) and per-task heads
        self.dec_in = nn.Conv2d(dim, 24, 1)
        self.dec32 = nn.Sequential(conv_bn(24 + 32, 32), conv_bn(32, 24))
        self.organ_head = nn.Conv2d(24, 2, 1)
        self.lesion_head = nn.Conv2d(24, 2, 1)
        # classification head
        self.cls_norm = nn.LayerNorm(2 * dim)
        self.cls_head = nn.Linear(2 * dim, num_classes)

    def forward(self, image: Tensor, task: Tensor, expert_mask: Tensor) -> Dict[str, Tensor]:
        f64 = self.stem1(image)
        f32 = self.stem2(f64)
        p = self.stem3(f32)                                           # [B, D, 16, 16]
        B, D = p.shape[0], p.shape[1]
        x = p.reshape(B, D, -1, 1)                                    # row-major tokens
        x = torch.cat([self.cls_token.expand(B, -1, -1, -1), x], dim=2) + self.pos_embed
        task = task.to(torch.long).reshape(-1)
        if task.shape[0] == 1 and B > 1:
            task = task.expand(B)
        out: Dict[str, Tensor] = {}
        layer = 0
        for block in self.blocks:
            if isinstance(block, TokenMoEBlock):
                e = self.num_experts[layer]
                x, probs, dispatch = block(x, expert_mask[layer, :e])
                out["router." + str(layer)] = probs
                out["dispatch." + str(layer)] = dispatch
                layer += 1
            elif isinstance(block, TaskMoEBlock):
                e = self.num_experts[layer]
                x, probs, dispatch = block(x, task, expert_mask[layer, :e])
                out["router." + str(layer)] = probs
                out["dispatch." + str(layer)] = dispatch
                layer += 1
        x = self.norm(x)
        tokens = x[:, :, 1:, 0].reshape(B, D, self.grid, self.grid)
        # segmentation
        d = F.interpolate(self.dec_in(tokens), scale_factor=2.0, mode="bilinear", align_corners=False)
        d = self.dec32(torch.cat([d, f32], dim=1))
        out["organ_mask"] = F.interpolate(self.organ_head(d), scale_factor=2.0, mode="bilinear",
                                          align_corners=False)
        out["lesion_mask"] = F.interpolate(self.lesion_head(d), scale_factor=2.0, mode="bilinear",
                                           align_corners=False)
        # classification
        feat = torch.cat([x[:, :, 0, 0], x[:, :, 1:, 0].mean(dim=2)], dim=1)
        out["lesion_class"] = self.cls_head(self.cls_norm(feat))
        return out

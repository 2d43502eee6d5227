#!/usr/bin/python3
"""A ViT-Base-sized MoE for the speed benchmarks (untrained, fixed seed):
ViT-B/16 at 224x224 (12 blocks, width 768, 12 heads, MLP 3072), every second
block's MLP replaced by 8 experts with top-2 routing, V-MoE-B style. Unlike the
export example (which runs every expert on every token, for brevity), each
expert here runs only on the tokens routed to it, so the forward pass costs
what a V-MoE costs: about 2 x 23 GFLOP per image.

    /usr/bin/python3 tests/bench/make_vit_base_moe.py OUT.pt
"""
import os
import sys

import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "data"))
sys.path.insert(0, os.path.join(HERE, "..", "..", "resources", "models", "recipe"))
from export_example import Attention, Mlp, top2_weights  # noqa: E402
from export_moescope import export_moescope  # noqa: E402


class SparseMoeMlp(nn.Module):
    """Top-2 MoE MLP that gathers each expert's tokens (index_select) and
    scatters the weighted results back (index_add)."""

    def __init__(self, dim, hidden, experts):
        super().__init__()
        self.router = nn.Linear(dim, experts)
        self.experts = nn.ModuleList(Mlp(dim, hidden) for _ in range(experts))

    def forward(self, x):
        B, T, D = x.shape
        tokens = x.reshape(B * T, D)
        gates = self.router(tokens).softmax(dim=-1)
        top_p, top_e = gates.topk(2, dim=-1)
        out = torch.zeros_like(tokens)
        for e, expert in enumerate(self.experts):
            hit = top_e == e                                       # [B*T, 2]
            index = hit.any(dim=-1).nonzero().squeeze(1)
            weight = (top_p * hit).sum(dim=-1).index_select(0, index).unsqueeze(1)
            out = out.index_add(0, index, weight * expert(tokens.index_select(0, index)))
        return out.reshape(B, T, D)


class Block(nn.Module):
    def __init__(self, dim, heads, hidden, experts):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim)
        self.attn = Attention(dim, heads)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = SparseMoeMlp(dim, hidden, experts) if experts else Mlp(dim, hidden)

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class VMoEBase(nn.Module):
    def __init__(self, classes=1000, image=224, patch=16, dim=768, heads=12, hidden=3072,
                 experts=8, depth=12):
        super().__init__()
        self.patch_embed = nn.Conv2d(3, dim, patch, stride=patch)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, dim))
        self.pos_embed = nn.Parameter(torch.randn(1, 1 + (image // patch) ** 2, dim) * 0.02)
        self.blocks = nn.ModuleList(Block(dim, heads, hidden, experts if i % 2 else 0)
                                    for i in range(depth))
        self.norm = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, classes)

    def forward(self, image):
        x = self.patch_embed(image).flatten(2).transpose(1, 2)
        x = torch.cat([self.cls_token.expand(x.shape[0], -1, -1), x], dim=1) + self.pos_embed
        for block in self.blocks:
            x = block(x)
        return self.head(self.norm(x[:, 0]))


def main(path):
    torch.manual_seed(0)
    model = VMoEBase()
    routers = ["blocks.%d.mlp.router" % i for i in range(1, 12, 2)]
    export_moescope(
        model, (torch.randn(2, 3, 224, 224),), path,
        name="vmoe-base-bench", task="generic",
        title="V-MoE-B/16-sized ViT (untrained, for benchmarks)",
        description="ViT-B/16 with 8-expert top-2 MoE MLPs in every second block; random weights.",
        license="MIT",
        inputs=[{"name": "image", "kind": "image", "channels": 3, "height": 224, "width": 224,
                 "mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5]}],
        outputs={"logits": {"kind": "classes", "labels": ["class %d" % i for i in range(1000)]}},
        router_modules=routers, dispatch_transform=top2_weights,
        moe_layers={"top_k": 2, "router": "top-k",
                    "tokens": [{"input": "image", "offset": 1, "grid": [14, 14]}]})
    print(path)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: make_vit_base_moe.py OUT.pt", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])

#!/usr/bin/python3
"""The worked example of docs/export.md: a small V-MoE-style ViT, exported with
export_moescope and validated.

    /usr/bin/python3 tests/data/export_example.py OUTDIR
        writes OUTDIR/vmoe-example.pt (untrained, fixed seed; a few seconds)
    /usr/bin/python3 tests/data/export_example.py --broken OUTDIR
        exports the same model with a router_transform whose rows sum to 2;
        exits 0 only if export_moescope refuses it with a ValueError about the
        row sums and leaves nothing in OUTDIR

The model is defined here, not in the repository's recipe: that is the point
of the example. The code between the "example" markers is the code shown in
docs/export.md.
"""

# --- example: begin ---
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

# export_moescope.py lives in resources/models/recipe/ of a MoEScope checkout
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "resources", "models", "recipe"))
from export_moescope import export_moescope, validate_moescope  # noqa: E402


class Attention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.scale = (dim // heads) ** -0.5
        self.qkv = nn.Linear(dim, dim * 3)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):                                          # [B, T, D]
        B, T, D = x.shape
        qkv = self.qkv(x).reshape(B, T, 3, self.heads, D // self.heads).permute(2, 0, 3, 1, 4)
        q, k, v = qkv.unbind(0)                                    # each [B, heads, T, D/heads]
        attn = (q @ k.transpose(-2, -1) * self.scale).softmax(dim=-1)
        return self.proj((attn @ v).transpose(1, 2).reshape(B, T, D))


class Mlp(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))


class MoeMlp(nn.Module):
    """V-MoE's sparse MLP: the tokens of the batch are flattened to [B*T, D], a
    Linear router scores the experts, and every token goes to its top-k
    experts, weighted by their router probabilities."""

    def __init__(self, dim, hidden, experts, k):
        super().__init__()
        self.k = k
        self.router = nn.Linear(dim, experts)
        self.experts = nn.ModuleList(Mlp(dim, hidden) for _ in range(experts))

    def forward(self, x):
        B, T, D = x.shape
        tokens = x.reshape(B * T, D)
        gates = self.router(tokens).softmax(dim=-1)                # [B*T, E]
        top_p, top_e = gates.topk(self.k, dim=-1)
        out = torch.zeros_like(tokens)
        for e, expert in enumerate(self.experts):                  # dense, for brevity
            weight = (top_p * (top_e == e)).sum(dim=-1, keepdim=True)   # 0 off the top k
            out = out + weight * expert(tokens)
        return out.reshape(B, T, D)


class MoeBlock(nn.Module):
    def __init__(self, dim, heads, hidden, experts, k):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim)
        self.attn = Attention(dim, heads)
        self.norm2 = nn.LayerNorm(dim)
        self.moe = MoeMlp(dim, hidden, experts, k)

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.moe(self.norm2(x))


class VMoE(nn.Module):
    """Image [B, 3, 64, 64] -> 8x8 patches -> class token + 64 patch tokens ->
    2 blocks with a top-2 MoE MLP over 8 experts -> class logits [B, 10]."""

    def __init__(self, classes=10, image=64, patch=8, dim=64, heads=4, hidden=128,
                 experts=8, k=2, depth=2):
        super().__init__()
        self.patch_embed = nn.Conv2d(3, dim, patch, stride=patch)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, dim))
        self.pos_embed = nn.Parameter(torch.randn(1, 1 + (image // patch) ** 2, dim) * 0.02)
        self.blocks = nn.ModuleList(MoeBlock(dim, heads, hidden, experts, k)
                                    for _ in range(depth))
        self.norm = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, classes)

    def forward(self, image):
        x = self.patch_embed(image).flatten(2).transpose(1, 2)    # [B, 64, D], row-major
        x = torch.cat([self.cls_token.expand(x.shape[0], -1, -1), x], dim=1) + self.pos_embed
        for block in self.blocks:
            x = block(x)
        return self.head(self.norm(x[:, 0]))


CLASSES = ["airplane", "automobile", "bird", "cat", "deer",
           "dog", "frog", "horse", "ship", "truck"]


def top2_weights(probs):
    """What MoeMlp applies to each expert: the top-2 probabilities, 0 elsewhere."""
    top_p, top_e = probs.topk(2, dim=-1)
    return torch.zeros_like(probs).scatter(-1, top_e, top_p)


def export(path, router_transform=None):
    torch.manual_seed(0)
    model = VMoE()                                                 # untrained
    return export_moescope(
        model, (torch.randn(2, 3, 64, 64),), path,
        name="vmoe-example", task="generic",
        title="V-MoE-style ViT (untrained example)",
        description="The export example of docs/export.md: random weights, "
                    "its routing means nothing.",
        license="MIT",
        inputs=[{"name": "image", "kind": "image", "channels": 3, "height": 64, "width": 64,
                 "mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5]}],
        outputs={"logits": {"kind": "classes", "labels": CLASSES}},
        router_modules=["blocks.0.moe.router", "blocks.1.moe.router"],
        router_transform=router_transform,     # None: softmax of the router's logits
        dispatch_transform=top2_weights,
        moe_layers={"top_k": 2, "router": "top-k",
                    "tokens": [{"input": "image", "offset": 1, "grid": [8, 8]}]},
        expert_mask=True)                       # experts can be switched off (ablation)


def main(outdir):
    os.makedirs(outdir, exist_ok=True)
    path = os.path.join(outdir, "vmoe-example.pt")
    meta = export(path)                  # ValueError, and no file, if a rule breaks
    validate_moescope(path)              # the written file, checked again as MoEScope will
    print("%s: OK, %d MoE layers" % (path, len(meta["moe_layers"])))
    return 0
# --- example: end ---


def refuse_broken(outdir):
    """export() with router rows that sum to 2 must raise ValueError naming the
    sums and leave nothing behind."""
    os.makedirs(outdir, exist_ok=True)
    path = os.path.join(outdir, "vmoe-broken.pt")
    if os.path.exists(path):
        os.remove(path)
    before = set(os.listdir(outdir))
    try:
        export(path, router_transform=lambda logits: logits.softmax(dim=-1) * 2)
    except ValueError as e:
        message = str(e)
    else:
        print("FAIL: export_moescope accepted router rows that sum to 2", file=sys.stderr)
        return 1
    print("refused as expected: " + message)
    if "sum" not in message:
        print("FAIL: the refusal does not name the row sums", file=sys.stderr)
        return 1
    left = sorted(set(os.listdir(outdir)) - before)
    if os.path.exists(path) or left:
        print("FAIL: a refused export left files behind: %s" % (left or [path]), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) == 2 and args[0] == "--broken":
        sys.exit(refuse_broken(args[1]))
    if len(args) != 1 or args[0].startswith("-"):
        print("usage: export_example.py [--broken] OUTDIR", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(args[0]))

"""TorchScript-scriptable building blocks for small MoE vision transformers.

Token layout: channels-first, ``x`` is [B, C, T, 1] (C channels, T tokens).
Every per-token Linear layer is evaluated as a 1x1 convolution over that
layout (the same trick as Apple's ml-ane-transformers). The parameters keep
nn.Linear's shapes ([out, in] weight, [out] bias); only the kernel that runs
differs: Debian's LibTorch 1.13 uses the reference (netlib) BLAS, at about
1 GMAC/s, while convolutions run through oneDNN at 10-30x that on CPU. On a
GPU the same graph runs through cuDNN.

The 1x1 convolutions pass dilation=2. A 1x1 kernel has no taps to spread, so
the result is identical, but PyTorch's CPU heuristic sends undilated 1x1
convolutions with batch < 16 on a single thread to the BLAS path (20x slower
here); a dilated one always goes to oneDNN (conv_1x1 below).

MoEFFN, the routed FFN, follows the MoEScope model contract
(docs/model-contract.md):

* the router is one Linear layer whose softmax over E experts gives the router
  probabilities reported as ``router.<i>`` ([B, T, E], rows sum to 1);
* every token goes to its top-k experts; the combine weights are the top-k
  probabilities renormalised to sum to 1 and are reported as ``dispatch.<i>``
  ([B, T, E], 0 where the token did not reach an expert);
* an expert mask row [E] (1 keep, 0 off) removes experts before the softmax
  (their logits get -1e9, so exp() is exactly 0): a switched-off expert has
  probability 0 and the router renormalises over the rest; the reported
  probabilities are those renormalised ones.

If a mask switches off every expert of a layer, the FFN adds nothing (output
0, ``dispatch`` all 0) and ``router`` reports the unmasked probabilities (rows
must still sum to 1).

At this size (4 experts, 257 tokens) evaluating every expert on every token
and combining with the dispatch weights (0 for experts a token was not sent
to) is faster on CPU than gathering tokens per expert, and gives identical
outputs and gradients; ``MoEFFN`` does that.
"""

from typing import Optional, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor


def conv_1x1(x: Tensor, weight: Tensor, bias: Optional[Tensor] = None, groups: int = 1) -> Tensor:
    """conv2d with a 1x1 kernel (weight [out, in / groups, 1, 1]); see the module notes."""
    return F.conv2d(x, weight, bias, stride=1, padding=0, dilation=2, groups=groups)


class TokenLinear(nn.Linear):
    """nn.Linear applied to channels-first tokens [B, in, T, 1] -> [B, out, T, 1]."""

    def forward(self, x: Tensor) -> Tensor:
        return conv_1x1(x, self.weight.unsqueeze(-1).unsqueeze(-1), self.bias)


class TokenLayerNorm(nn.LayerNorm):
    """LayerNorm over the channel dimension of [B, C, T, 1]."""

    def forward(self, x: Tensor) -> Tensor:
        mu = x.mean(dim=1, keepdim=True)
        xc = x - mu
        var = (xc * xc).mean(dim=1, keepdim=True)
        y = xc * torch.rsqrt(var + self.eps)
        return y * self.weight.reshape(1, -1, 1, 1) + self.bias.reshape(1, -1, 1, 1)


class Expert(nn.Module):
    """One FFN expert: Linear -> GELU -> Linear, on [B, D, T, 1]."""

    def __init__(self, dim: int, hidden: int):
        super().__init__()
        self.fc1 = TokenLinear(dim, hidden)
        self.fc2 = TokenLinear(hidden, dim)

    def forward(self, x: Tensor) -> Tensor:
        return self.fc2(F.gelu(self.fc1(x)))


class MoEFFN(nn.Module):
    """Top-k routed FFN over channels-first tokens.

    forward(x [B, D, T, 1], mask [E]) -> (out [B, D, T, 1], router [B, T, E],
    dispatch [B, T, E]).

    Expert e is Linear(D, hidden) -> GELU -> Linear(hidden, D).

    With top_k == 1 the renormalised combine weight is always exactly 1,
    which would leave the router without gradient from the task loss; for
    top-1 the denominator of the renormalisation is detached (straight-
    through: the forward value is still exactly 1, the gradient is dp / p).
    """

    def __init__(self, dim: int, hidden: int, num_experts: int, top_k: int):
        super().__init__()
        assert 1 <= top_k <= num_experts
        self.num_experts = num_experts
        self.top_k = top_k
        self.router = TokenLinear(dim, num_experts)
        self.experts = nn.ModuleList([Expert(dim, hidden) for _ in range(num_experts)])

    def route(self, x: Tensor, mask: Tensor) -> Tuple[Tensor, Tensor]:
        """Router probabilities and combine weights, both [B, T, E]."""
        E = self.num_experts
        logits = self.router(x).squeeze(-1).transpose(1, 2)  # [B, T, E]
        keep = mask.to(logits.dtype).reshape(1, 1, E) > 0.5
        any_kept = bool(keep.any())
        if any_kept:
            logits = logits.masked_fill(~keep, -1.0e9)
        probs = F.softmax(logits, dim=-1)
        if any_kept:
            probs = probs.masked_fill(~keep, 0.0)  # exp(-1e9) is 0 already

        topv, topi = torch.topk(probs, self.top_k, dim=-1)
        denom = topv.sum(dim=-1, keepdim=True)
        if self.top_k == 1:
            denom = denom.detach()
        weights = topv / denom.clamp_min(1e-9)
        dispatch = torch.zeros_like(probs).scatter(-1, topi, weights)
        if any_kept:
            # When fewer than top_k experts remain, topk also picks masked
            # ones; their weight is 0 and they must not count as dispatched.
            dispatch = dispatch.masked_fill(~keep, 0.0)
        else:
            dispatch = torch.zeros_like(probs)
        return probs, dispatch

    def forward(self, x: Tensor, mask: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        probs, dispatch = self.route(x, mask)
        w = dispatch.transpose(1, 2).unsqueeze(-1)    # [B, E, T, 1]
        out = torch.zeros_like(x)
        e = 0
        for expert in self.experts:                   # every expert, every token
            out = out + expert(x) * w[:, e:e + 1]
            e += 1
        return out, probs, dispatch


def load_balancing_loss(probs: Tensor) -> Tensor:
    """Switch-Transformer auxiliary loss: E * sum_e f_e * P_e.

    f_e is the fraction of tokens whose top-1 expert is e (not
    differentiable), P_e the mean router probability of e. Equals 1 when the
    routing is perfectly balanced, E when it has collapsed onto one expert.
    """
    E = probs.shape[-1]
    p = probs.reshape(-1, E)
    top1 = p.argmax(dim=-1)
    f = F.one_hot(top1, E).to(p.dtype).mean(dim=0)
    P = p.mean(dim=0)
    return E * (f * P).sum()

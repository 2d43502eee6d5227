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

import math
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


# ---------------------------------------------------------------------------
# More routers, one per family the four reference models follow. Each returns
# its router probabilities and the dispatch (combine) weights in the
# contract's [B, T, E] form and honours an expert mask row [E] the same way
# MoEFFN does (masked logits -> -1e9, renormalised over the rest).
# ---------------------------------------------------------------------------


def masked_softmax(logits: Tensor, mask: Tensor) -> Tuple[Tensor, bool]:
    """Softmax over the last dim with switched-off experts removed.

    Returns (probs, any_kept). When the mask switches off every expert the
    unmasked probabilities come back and any_kept is False (the caller then
    dispatches nothing)."""
    E = logits.shape[-1]
    keep = mask.to(logits.dtype).reshape([1] * (logits.dim() - 1) + [E]) > 0.5
    any_kept = bool(keep.any())
    if any_kept:
        logits = logits.masked_fill(~keep, -1.0e9)
    probs = F.softmax(logits, dim=-1)
    if any_kept:
        probs = probs.masked_fill(~keep, 0.0)
    return probs, any_kept


def top_k_dispatch(probs: Tensor, top_k: int, mask: Tensor, any_kept: bool,
                   capacity_factor: float = 0.0) -> Tensor:
    """Combine weights [B, T, E] for top-k routing, optionally with capacity.

    The top-k probabilities are renormalised to sum to 1 (top-1: the
    denominator is detached, see MoEFFN). With capacity_factor > 0 each
    expert takes at most ceil(capacity_factor * top_k * T / E) tokens of each
    image (V-MoE / Switch capacity, per image as group). Buffer slots are
    filled by Batch Prioritized Routing (V-MoE): tokens in descending order of
    their top-1 probability, all first choices before any second choice.
    Tokens past capacity are dropped for that expert (weight 0): the residual
    connection carries them through unchanged."""
    E = probs.shape[-1]
    T = probs.shape[1]
    topv, topi = torch.topk(probs, top_k, dim=-1)              # [B, T, k]
    denom = topv.sum(dim=-1, keepdim=True)
    if top_k == 1:
        denom = denom.detach()
    weights = topv / denom.clamp_min(1e-9)
    if capacity_factor > 0.0:
        capacity = int(math.ceil(capacity_factor * top_k * T / E))
        # Priority order: tokens sorted by their top-1 probability.
        order = torch.argsort(topv[:, :, 0], dim=1, descending=True)       # [B, T]
        rank_of = torch.argsort(order, dim=1)                               # [B, T]
        taken = torch.zeros(probs.shape[0], 1, E, dtype=probs.dtype, device=probs.device)
        kept_w = []
        for j in range(top_k):
            onehot = F.one_hot(topi[:, :, j], E).to(probs.dtype)            # [B, T, E]
            sorted_oh = torch.gather(onehot, 1, order.unsqueeze(-1).expand(-1, -1, E))
            pos_sorted = torch.cumsum(sorted_oh, dim=1) + taken             # 1-based slot
            pos = torch.gather(pos_sorted, 1, rank_of.unsqueeze(-1).expand(-1, -1, E))
            fits = ((pos <= capacity) & (onehot > 0)).to(probs.dtype).sum(-1)  # [B, T]
            kept_w.append(weights[:, :, j] * fits)
            taken = taken + onehot.sum(dim=1, keepdim=True)
        weights = torch.stack(kept_w, dim=-1)
    dispatch = torch.zeros_like(probs).scatter(-1, topi, weights)
    if any_kept:
        keep = mask.to(probs.dtype).reshape(1, 1, E) > 0.5
        dispatch = dispatch.masked_fill(~keep, 0.0)
    else:
        dispatch = torch.zeros_like(probs)
    return dispatch


class RoutedFFN(nn.Module):
    """Base of the routed FFNs below: holds self.experts and combines them.

    combine(x, dispatch) = sum_e dispatch[..., e] * expert_e(x) over
    channels-first tokens; dispatch is [B, T, E], or [B, 1, E] for one weight
    per image (broadcast over tokens). Every expert runs on every token and
    the weights select (see MoEFFN for why that is faster at this size)."""

    def __init__(self, dim: int, hidden: int, num_experts: int):
        super().__init__()
        self.num_experts = num_experts
        self.experts = nn.ModuleList([Expert(dim, hidden) for _ in range(num_experts)])

    def combine(self, x: Tensor, dispatch: Tensor) -> Tensor:
        w = dispatch.transpose(1, 2).unsqueeze(-1)    # [B, E, T, 1]
        out = torch.zeros_like(x)
        e = 0
        for expert in self.experts:
            out = out + expert(x) * w[:, e:e + 1]
            e += 1
        return out


class CapacityMoEFFN(RoutedFFN):
    """V-MoE / Switch style top-k FFN with expert capacity and dropped tokens.

    forward(x [B, D, T, 1], mask [E]) -> (out, router [B, T, E], dispatch).
    Router type "top-k"; dropped tokens have an all-zero dispatch row."""

    def __init__(self, dim: int, hidden: int, num_experts: int, top_k: int,
                 capacity_factor: float = 1.05):
        super().__init__(dim, hidden, num_experts)
        self.top_k = top_k
        self.capacity_factor = capacity_factor
        self.router = TokenLinear(dim, num_experts)

    def forward(self, x: Tensor, mask: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        logits = self.router(x).squeeze(-1).transpose(1, 2)
        probs, any_kept = masked_softmax(logits, mask)
        dispatch = top_k_dispatch(probs, self.top_k, mask, any_kept, self.capacity_factor)
        return self.combine(x, dispatch), probs, dispatch


class SoftMoEFFN(RoutedFFN):
    """Dense soft mixture: every token goes to every expert, weighted by its
    router probability (router type "soft", top_k 0); dispatch == router."""

    def __init__(self, dim: int, hidden: int, num_experts: int):
        super().__init__(dim, hidden, num_experts)
        self.router = TokenLinear(dim, num_experts)

    def forward(self, x: Tensor, mask: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        logits = self.router(x).squeeze(-1).transpose(1, 2)
        probs, any_kept = masked_softmax(logits, mask)
        dispatch = probs if any_kept else torch.zeros_like(probs)
        return self.combine(x, dispatch), probs, dispatch


class TaskMoEFFN(RoutedFFN):
    """Task-conditioned MoE FFN (after M2DINO): a learned task embedding picks
    top-k experts that every token of the image goes through.

    forward(x [B, D, T, 1], task [B] int64, mask [E]) -> (out, router [B, 1, E],
    dispatch [B, 1, E]). T_i = 1: the contract entry has "tokens": [] and
    router "task"."""

    def __init__(self, dim: int, hidden: int, num_experts: int, top_k: int,
                 num_tasks: int, task_dim: int = 32):
        super().__init__(dim, hidden, num_experts)
        self.top_k = top_k
        self.task_embed = nn.Embedding(num_tasks, task_dim)
        self.router = nn.Linear(task_dim, num_experts)

    def forward(self, x: Tensor, task: Tensor, mask: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        logits = self.router(self.task_embed(task)).unsqueeze(1)    # [B, 1, E]
        probs, any_kept = masked_softmax(logits, mask)
        dispatch = top_k_dispatch(probs, self.top_k, mask, any_kept)
        return self.combine(x, dispatch), probs, dispatch


class PhysicsMoEFFN(RoutedFFN):
    """Physics-guided sparse MoE FFN (after CrossEarth-SAR): the per-token
    router sees [token || image-level physics descriptors s], i.e.
    pi = softmax(W_r [z || s] + b_r), then top-k.

    forward(x [B, D, T, 1], phys [B, P], mask [E]) -> (out, router [B, T, E],
    dispatch [B, T, E])."""

    def __init__(self, dim: int, hidden: int, num_experts: int, top_k: int, phys_dim: int = 3):
        super().__init__(dim, hidden, num_experts)
        self.top_k = top_k
        self.router = TokenLinear(dim + phys_dim, num_experts)

    def forward(self, x: Tensor, phys: Tensor, mask: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        B, T = x.shape[0], x.shape[2]
        s = phys.reshape(B, -1, 1, 1).expand(-1, -1, T, 1)
        logits = self.router(torch.cat([x, s], dim=1)).squeeze(-1).transpose(1, 2)
        probs, any_kept = masked_softmax(logits, mask)
        dispatch = top_k_dispatch(probs, self.top_k, mask, any_kept)
        return self.combine(x, dispatch), probs, dispatch


class TMoELinear(nn.Module):
    """SPMTrack's TMoE around a Linear layer, over channels-first tokens:

        out = W0 x + b + sum_i g_i(x) * B_i(A x) * (alpha / r)

    W0/b: the shared base weight; A: one shared down-projection (r x d_in);
    B_i: per-expert up-projections (d_out x r); g(x) = softmax(Linear(d_in -> E,
    no bias)(x)) per token, dense (no top-k, no noise; router "dense", top_k 0).

    forward(x [B, d_in, T, 1], mask [E]) -> (out [B, d_out, T, 1], router [B, T, E]);
    the dispatch equals the router (every expert applied with its gate)."""

    def __init__(self, d_in: int, d_out: int, num_experts: int = 4, rank: int = 16,
                 alpha: float = 16.0):
        super().__init__()
        self.num_experts = num_experts
        self.rank = rank
        self.scale = alpha / rank
        self.base = TokenLinear(d_in, d_out)
        self.down = TokenLinear(d_in, rank, bias=False)
        self.up = nn.Parameter(torch.zeros(num_experts * d_out, rank, 1, 1))  # B_i stacked
        self.gate = TokenLinear(d_in, num_experts, bias=False)
        nn.init.trunc_normal_(self.down.weight, std=0.02)
        nn.init.trunc_normal_(self.gate.weight, std=0.02)
        self.d_out = d_out

    def forward(self, x: Tensor, mask: Tensor) -> Tuple[Tensor, Tensor]:
        B, T = x.shape[0], x.shape[2]
        logits = self.gate(x).squeeze(-1).transpose(1, 2)            # [B, T, E]
        probs, any_kept = masked_softmax(logits, mask)
        g = probs if any_kept else torch.zeros_like(probs)
        h = self.down(x)                                             # [B, r, T, 1]
        up = conv_1x1(h, self.up).reshape(B, self.num_experts, self.d_out, T, 1)
        w = g.transpose(1, 2).reshape(B, self.num_experts, 1, T, 1)
        delta = (up * w).sum(dim=1) * self.scale
        return self.base(x) + delta, probs


def physics_descriptors(amplitude: Tensor, bins: int = 36, block: int = 8) -> Tensor:
    """CrossEarth-SAR's three image-level descriptors, [B, 3], from an
    amplitude image [B, 1, H, W]: after X' = log(1 + |X|),

    * directional entropy: entropy (nats, / log(bins)) of the histogram of
      Sobel gradient orientations, weighted by gradient magnitude;
    * ENL = (mu / sigma)^2 of the amplitude (equivalent number of looks),
      reported as log(1 + ENL) to keep it O(1);
    * local roughness: variance of block means (block x block) of X'.

    Pure tensor ops, so the descriptors are part of the TorchScript graph and
    every caller (app, CLI, Python) gets the same values."""
    x = torch.log1p(amplitude.abs())
    kx = torch.tensor([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]],
                      dtype=x.dtype, device=x.device).reshape(1, 1, 3, 3)
    ky = kx.transpose(2, 3)
    gx = F.conv2d(x, kx, padding=1)
    gy = F.conv2d(x, ky, padding=1)
    mag = torch.sqrt(gx * gx + gy * gy + 1e-12)
    angle = torch.atan2(gy, gx)                                       # [-pi, pi]
    idx = ((angle + math.pi) / (2 * math.pi) * bins).long().clamp(0, bins - 1)
    B = x.shape[0]
    hist = torch.zeros(B, bins, dtype=x.dtype, device=x.device)
    hist = hist.scatter_add(1, idx.reshape(B, -1), mag.reshape(B, -1))
    p = hist / hist.sum(dim=1, keepdim=True).clamp_min(1e-12)
    entropy = -(p * torch.log(p.clamp_min(1e-12))).sum(dim=1) / math.log(bins)
    a = amplitude.abs().reshape(B, -1)
    mu = a.mean(dim=1)
    sd = a.std(dim=1).clamp_min(1e-6)
    enl = torch.log1p((mu / sd) ** 2)
    means = F.avg_pool2d(x, block)
    rough = means.reshape(B, -1).var(dim=1) * 10.0
    return torch.stack([entropy, enl, rough], dim=1)


def importance_loss(probs: Tensor) -> Tensor:
    """V-MoE importance loss: squared coefficient of variation of the summed
    router probability per expert (0 when balanced)."""
    E = probs.shape[-1]
    imp = probs.reshape(-1, E).sum(dim=0)
    return (imp.std() / imp.mean().clamp_min(1e-9)) ** 2

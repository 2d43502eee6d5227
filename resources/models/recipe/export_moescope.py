#!/usr/bin/python3
"""Export a PyTorch MoE model as a MoEScope model file, and check one.

MoEScope opens TorchScript files that follow its model contract
(docs/model-contract.md): forward() returns a Dict[str, Tensor] holding the
model's outputs plus ``router.<i>``, the router probabilities [B, T, E] of
every routed layer, and the archive carries a ``moescope.json`` describing the
inputs, outputs and layers. Most MoE models return only their task outputs;
this module turns such a model into a contract file without editing it:

    from export_moescope import export_moescope

    meta = export_moescope(
        model, (torch.randn(2, 3, 224, 224),), "my-moe.pt",
        name="my-moe", task="generic",
        inputs=[{"name": "image", "kind": "image", "channels": 3,
                 "height": 224, "width": 224, "mean": [0.5] * 3, "std": [0.5] * 3}],
        outputs={"logits": {"kind": "classes", "labels": CLASSES}},
        router_modules=["blocks.1.moe.router", "blocks.3.moe.router"],
        moe_layers={"top_k": 2, "tokens": [{"input": "image", "offset": 1, "grid": [14, 14]}]})

How it works: a forward hook on every named router module records what the
module returns (by default its logits); a wrapper module runs the model,
turns each recording into probabilities [B, T, E] (``router_transform``,
softmax by default; [B * T, E] is reshaped with the batch size) and returns
the contract's dict. The wrapper is traced with torch.jit.trace (the recorded
tensors are values of the traced graph, so they follow the input), saved in a
temporary folder next to ``path``, and the saved file is checked the way
MoEScope checks a model it opens: it is reloaded with torch.jit.load, its
moescope.json read back and checked field by field, and it is run on
synthetic batches of 1 and 2 (output shapes against their kinds and labels,
router shapes against the token grids, router rows >= 0 summing to 1 within
1e-3, no NaN or Inf). Its outputs on a fresh input must also match the
original model's (a tracing mistake would freeze an input-dependent value).
Only then is the file renamed to ``path``. The first broken rule
raises ValueError with MoEScope's message for it, and nothing is written.

Depends only on torch; copy this file next to your own code, or put
resources/models/recipe/ on sys.path. Command line:

    /usr/bin/python3 export_moescope.py validate MODEL.pt [MODEL.pt ...]

prints ``MODEL.pt: OK ...`` or ``MODEL.pt: <first broken rule>`` (exit 1).
docs/export.md is the user guide, with a worked example.
"""

import json
import math
import os
import shutil
import sys
import tempfile
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

import torch
import torch.nn as nn
from torch import Tensor

SCHEMA = 1
TOLERANCE = 1e-3          # router rows must sum to 1 within this (as MoEScope checks)
PARITY_RTOL = 1e-3        # traced vs eager outputs on a fresh input
PARITY_ATOL = 1e-4

__all__ = ["export_moescope", "validate_moescope", "check_meta", "check_forward",
           "synthetic_inputs", "SCHEMA", "TOLERANCE"]


# --------------------------------------------------------------------------
# The contract's rules, in the order MoEScope checks them, with its messages.
# --------------------------------------------------------------------------

def _is_int(v: Any) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, int):
        return True
    return isinstance(v, float) and math.isfinite(v) and v == math.floor(v)


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _require_string(obj: dict, key: str, where: str) -> str:
    v = obj.get(key)
    if v is None:
        raise ValueError('%s has no "%s"' % (where, key))
    if not isinstance(v, str) or not v:
        raise ValueError('%s "%s" must be a non-empty string' % (where, key))
    return v


def _require_int(obj: dict, key: str, where: str, minimum: int) -> int:
    v = obj.get(key)
    if v is None:
        raise ValueError('%s has no "%s"' % (where, key))
    if not _is_int(v) or v < minimum:
        raise ValueError('%s "%s" must be an integer >= %d' % (where, key, minimum))
    return int(v)


def _string_list(v: Any, where: str) -> List[str]:
    if v is None:
        return []
    if not isinstance(v, list) or not all(isinstance(s, str) for s in v):
        raise ValueError(where + " must be a list of strings")
    return list(v)


def _float_list(v: Any, where: str) -> List[float]:
    if not isinstance(v, list) or not all(_is_number(x) for x in v):
        raise ValueError(where + " must be a list of numbers")
    return [float(x) for x in v]


def _check_input(v: Any, index: int) -> None:
    where = "inputs[%d]" % index
    if not isinstance(v, dict):
        raise ValueError(where + " must be an object")
    name = _require_string(v, "name", where)
    kind = _require_string(v, "kind", where)
    at = 'input "%s"' % name
    if kind == "image":
        channels = _require_int(v, "channels", at, 1)
        _require_int(v, "height", at, 1)
        _require_int(v, "width", at, 1)
        mean = _float_list(v["mean"], at + ' "mean"') if "mean" in v else [0.0] * channels
        std = _float_list(v["std"], at + ' "std"') if "std" in v else [1.0] * channels
        if not mean:
            mean = [0.0] * channels
        if not std:
            std = [1.0] * channels
        if len(mean) != channels or len(std) != channels:
            raise ValueError('%s "mean" and "std" must have one value per channel (%d)'
                             % (at, channels))
        if not all(s > 0 for s in std):
            raise ValueError(at + ' "std" values must be > 0')
    elif kind == "index":
        if not _string_list(v.get("choices"), at + ' "choices"'):
            raise ValueError(at + ' of kind index needs a non-empty "choices" list')
    elif kind == "vector":
        _require_int(v, "size", at, 1)
        _string_list(v.get("names"), at + ' "names"')
    elif kind != "expert_mask":
        raise ValueError('%s has unknown kind "%s" (expected image, index, vector or expert_mask)'
                         % (at, kind))


def _check_output(name: str, v: Any) -> None:
    at = 'output "%s"' % name
    if not isinstance(v, dict):
        raise ValueError(at + " must be an object")
    kind = _require_string(v, "kind", at)
    labels = _string_list(v.get("labels"), at + ' "labels"')
    if kind in ("classes", "segmentation") and not labels:
        raise ValueError('%s of kind %s needs a non-empty "labels" list' % (at, kind))
    if name.startswith("router.") or name.startswith("dispatch."):
        raise ValueError(at + " uses a name reserved for routing tensors")


def _check_layer(v: Any, index: int, images: List[str]) -> None:
    where = "moe_layers[%d]" % index
    if not isinstance(v, dict):
        raise ValueError(where + " must be an object")
    _require_string(v, "name", where)
    experts = _require_int(v, "experts", where, 1)
    top_k = _require_int(v, "top_k", where, 0)
    names = _string_list(v.get("expert_names"), where + ' "expert_names"')
    if names and len(names) != experts:
        raise ValueError('%s "expert_names" has %d names for %d experts'
                         % (where, len(names), experts))
    if top_k > experts:
        raise ValueError(where + ' "top_k" is larger than "experts"')
    tokens = v.get("tokens")
    if tokens is None:
        raise ValueError(where + ' has no "tokens" (use [] for a per-image decision)')
    if not isinstance(tokens, list):
        raise ValueError(where + ' "tokens" must be a list')
    for i, t in enumerate(tokens):
        at = "%s tokens[%d]" % (where, i)
        if not isinstance(t, dict):
            raise ValueError(at + " must be an object")
        image = _require_string(t, "input", at)
        _require_int(t, "offset", at, 0)
        g = t.get("grid")
        if (not isinstance(g, list) or len(g) != 2 or not all(_is_int(x) and x >= 1 for x in g)):
            raise ValueError(at + ' "grid" must be [rows, cols] of positive integers')
        if image not in images:
            raise ValueError('%s refers to "%s", which is not an image input' % (at, image))


def check_meta(meta: Any) -> None:
    """Checks a moescope.json object (parsed) the way MoEScope reads it.

    Raises ValueError with the first broken rule."""
    if not isinstance(meta, dict):
        raise ValueError("moescope.json must hold a JSON object")
    schema = _require_int(meta, "schema", "moescope.json", 1)
    if schema != SCHEMA:
        raise ValueError("moescope.json has schema %d; this MoEScope reads schema %d"
                         % (schema, SCHEMA))
    _require_string(meta, "name", "moescope.json")
    _require_string(meta, "task", "moescope.json")

    inputs = meta.get("inputs")
    if not isinstance(inputs, list) or not inputs:
        raise ValueError('moescope.json has no "inputs"' if inputs is None
                         else 'moescope.json "inputs" must be a non-empty list')
    seen = set()
    for i, spec in enumerate(inputs):
        _check_input(spec, i)
        if spec["name"] in seen:
            raise ValueError('input "%s" is listed twice' % spec["name"])
        seen.add(spec["name"])
    images = [s["name"] for s in inputs if s["kind"] == "image"]
    if not images:
        raise ValueError('moescope.json "inputs" has no input of kind image')

    outputs = meta.get("outputs")
    if not isinstance(outputs, dict) or not outputs:
        raise ValueError('moescope.json has no "outputs"' if outputs is None
                         else 'moescope.json "outputs" must be a non-empty object')
    for name in sorted(outputs):           # MoEScope reads them in key order
        _check_output(name, outputs[name])

    flops = meta.get("flops_per_image")
    if flops is not None and (isinstance(flops, bool) or not isinstance(flops, (int, float))
                              or not 0 < flops <= 1e18):
        raise ValueError('moescope.json "flops_per_image" must be a number > 0')

    layers = meta.get("moe_layers")
    if not isinstance(layers, list) or not layers:
        raise ValueError('moescope.json has no "moe_layers"' if layers is None
                         else 'moescope.json "moe_layers" must be a non-empty list')
    for i, layer in enumerate(layers):
        _check_layer(layer, i, images)


def _shape(t: Tensor) -> str:
    return "[" + ", ".join(str(d) for d in t.shape) + "]"


def _num(x: float) -> str:
    return "%g" % x                       # as C++ streams print a double


def check_forward(meta: dict, out: Any, batch: int) -> None:
    """Checks what forward() returned for a batch of `batch` against moescope.json
    (which must already pass check_meta), as MoEScope does on every run.

    Raises ValueError with the first broken rule."""
    if not isinstance(out, dict):
        raise ValueError("forward() must return a Dict[str, Tensor], it returned %s"
                         % type(out).__name__)
    outputs = meta["outputs"]
    for name in sorted(outputs):
        if not isinstance(out.get(name), Tensor):
            raise ValueError('forward() returned no tensor "%s", which moescope.json lists in '
                             "outputs" % name)
    layers = meta["moe_layers"]
    for i, layer in enumerate(layers):
        if not isinstance(out.get("router.%d" % i), Tensor):
            raise ValueError('forward() returned no "router.%d" for MoE layer %s'
                             % (i, layer["name"]))

    for name in sorted(outputs):
        spec = outputs[name]
        t = out[name].detach().cpu()
        what = 'output "%s" has shape %s' % (name, _shape(t))
        if t.dim() == 0 or t.shape[0] != batch:
            raise ValueError("%s, its first dimension is not the batch size %d" % (what, batch))
        kind = spec["kind"]
        n = len(spec.get("labels") or [])
        if kind == "classes" and (t.dim() != 2 or t.shape[1] != n):
            raise ValueError("%s; kind classes with %d labels needs [B, %d]" % (what, n, n))
        if kind == "segmentation" and (t.dim() != 4 or t.shape[1] != n):
            raise ValueError("%s; kind segmentation with %d labels needs [B, %d, h, w]"
                             % (what, n, n))
        if kind == "embedding" and t.dim() != 2:
            raise ValueError(what + "; kind embedding needs [B, D]")
        if kind == "box" and (t.dim() != 2 or t.shape[1] != 4):
            raise ValueError(what + "; kind box needs [B, 4]")
        if t.is_floating_point() and not bool(torch.isfinite(t).all()):
            raise ValueError('output "%s" contains NaN or Inf' % name)

    routers = []
    for i, layer in enumerate(layers):
        key = "router.%d" % i
        t = out[key].detach().cpu().double()
        min_tokens = 1
        for g in layer["tokens"]:
            min_tokens = max(min_tokens, int(g["offset"]) + int(g["grid"][0]) * int(g["grid"][1]))
        experts = int(layer["experts"])
        if t.dim() != 3 or t.shape[0] != batch or t.shape[2] != experts or t.shape[1] < min_tokens:
            raise ValueError('"%s" has shape %s, but moe_layers[%d] (%s) needs [%d, T >= %d, %d]'
                             % (key, _shape(t), i, layer["name"], batch, min_tokens, experts))
        d = out.get("dispatch.%d" % i)
        if isinstance(d, Tensor) and tuple(d.shape) != tuple(t.shape):
            raise ValueError('"dispatch.%d" has shape %s, unlike "%s" %s'
                             % (i, _shape(d), key, _shape(t)))
        routers.append((t, d.detach().cpu() if isinstance(d, Tensor) else None))

    for b in range(batch):
        for layer, (t, d) in zip(layers, routers):
            name = layer["name"]
            rows = t[b]                                         # [T, E]
            bad = ~torch.isfinite(rows)
            if bool(bad.any()):
                tok, e = [int(x) for x in bad.nonzero()[0]]
                raise ValueError("layer %s router has NaN or Inf (token %d, expert %d)"
                                 % (name, tok, e))
            neg = rows < -TOLERANCE
            if bool(neg.any()):
                tok, e = [int(x) for x in neg.nonzero()[0]]
                raise ValueError("layer %s router has a negative probability (token %d, "
                                 "expert %d: %s)" % (name, tok, e, _num(float(rows[tok, e]))))
            sums = rows.sum(dim=-1)
            off = (sums - 1.0).abs() > TOLERANCE
            if bool(off.any()):
                tok = int(off.nonzero()[0, 0])
                raise ValueError("layer %s router row of token %d sums to %s, not 1 "
                                 "(tolerance %s)" % (name, tok, _num(float(sums[tok])),
                                                     _num(TOLERANCE)))
            if d is not None and d.is_floating_point() and not bool(torch.isfinite(d[b]).all()):
                raise ValueError("layer %s dispatch has NaN or Inf" % name)


def count_flops(module, meta: dict) -> float:
    """Floating-point operations of one image's forward pass (a multiply-add
    counts 2), as PyTorch's profiler counts them (convolutions, matrix products,
    elementwise mul/add) on a synthetic input; stored as "flops_per_image" so
    `moescope-cli bench` can print the GFLOP/s a model reaches. Routing decides
    which experts run, so for a sparse MoE it is the count on that input."""
    inputs = synthetic_inputs(meta, 1)
    with torch.no_grad():
        module(*inputs)                     # TorchScript's first call compiles
        with torch.profiler.profile(with_flops=True) as prof:
            module(*inputs)
    return float(sum(event.flops for event in prof.key_averages()))


def synthetic_inputs(meta: dict, batch: int, seed: int = 1234) -> Tuple[Tensor, ...]:
    """forward()'s arguments for a synthetic batch, as MoEScope builds them when
    it opens a model: standard-normal noise for images, index 0, zero vectors,
    an all-ones expert mask [L, E_max]."""
    g = torch.Generator().manual_seed(seed)
    args = []
    for spec in meta["inputs"]:
        kind = spec["kind"]
        if kind == "image":
            args.append(torch.randn(batch, int(spec["channels"]), int(spec["height"]),
                                    int(spec["width"]), generator=g))
        elif kind == "index":
            args.append(torch.zeros(batch, dtype=torch.int64))
        elif kind == "vector":
            args.append(torch.zeros(batch, int(spec["size"])))
        else:
            layers = meta["moe_layers"]
            args.append(torch.ones(len(layers), max(int(l["experts"]) for l in layers)))
    return tuple(args)


def _why(e: Exception) -> str:
    """The line of an exception that says what went wrong: the first, or for an
    error raised inside TorchScript the last "...Error: ..." line (the lines
    before it are a TorchScript traceback)."""
    lines = [l.strip() for l in str(e).strip().splitlines() if l.strip()]
    if not lines:
        return type(e).__name__
    if lines[0].startswith("The following operation failed in the TorchScript interpreter"):
        errors = [l for l in lines if "Error: " in l]
        if errors:
            return errors[-1]
    return lines[0]


def _run_file(module, meta: dict) -> None:
    for batch in (1, 2):                       # as MoEScope: batch 1 (its default), then 2
        try:
            with torch.no_grad():
                out = module(*synthetic_inputs(meta, batch))
        except Exception as e:  # noqa: BLE001 - any failure of the model is reported
            raise ValueError("forward() failed on a batch of %d: %s" % (batch, _why(e)))
        check_forward(meta, out, batch)


def validate_moescope(path: str) -> dict:
    """Checks an existing MoEScope model file: it loads with torch.jit.load,
    carries a valid moescope.json, and runs on synthetic batches of 1 and 2
    with outputs and routers as moescope.json says.

    Returns the parsed moescope.json; raises ValueError with the first broken
    rule (MoEScope's message for it, without the file name)."""
    if not os.path.isfile(path) or not os.access(path, os.R_OK):
        raise ValueError("cannot open the file (missing or unreadable)")
    if os.path.getsize(path) == 0:
        raise ValueError("the file is empty")
    extra = {"moescope.json": ""}
    try:
        module = torch.jit.load(path, map_location="cpu", _extra_files=extra)
    except Exception as e:  # noqa: BLE001
        raise ValueError("not a TorchScript model PyTorch %s can load: %s"
                         % (torch.__version__, _why(e)))
    text = extra["moescope.json"]
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    if not text:
        raise ValueError('has no moescope.json (save it with torch.jit.save(..., '
                         '_extra_files={"moescope.json": ...}))')
    try:
        meta = json.loads(text)
    except ValueError as e:
        raise ValueError("moescope.json is not valid JSON: %s" % e)
    check_meta(meta)
    module.eval()
    _run_file(module, meta)
    return meta


# --------------------------------------------------------------------------
# Export.
# --------------------------------------------------------------------------

def _softmax_probs(out: Any) -> Tensor:
    """Default router_transform: softmax over the last dimension of the router
    module's output (router logits, e.g. from an nn.Linear)."""
    if isinstance(out, (tuple, list)):
        out = out[0]
    return torch.softmax(out.float(), dim=-1)


class _Recording:
    """Forward hooks that keep what each router module returned."""

    def __init__(self, model: nn.Module, names: Sequence[str]):
        self.names = list(names)
        self.values: List[List[Any]] = [[] for _ in self.names]
        # expert_mask [L, E_max] while a forward() with one runs: each router's
        # logits for a switched-off expert become -inf, so the model's own
        # softmax and top-k never pick it (docs/model-contract.md, "Expert ablation").
        self.mask: Optional[Tensor] = None
        self.handles = []
        for i, name in enumerate(self.names):
            try:
                module = model.get_submodule(name)
            except AttributeError:
                raise ValueError('router_modules[%d]: the model has no submodule "%s"' % (i, name))
            self.handles.append(module.register_forward_hook(self._hook(i)))

    def _hook(self, i: int):
        def hook(module, args, output):
            if self.mask is not None:
                logits = output[0] if isinstance(output, (tuple, list)) else output
                keep = self.mask[i, : logits.shape[-1]] > 0.5
                logits = logits.masked_fill(~keep, float("-inf"))
                output = ((logits,) + tuple(output[1:]) if isinstance(output, (tuple, list))
                          else logits)
            self.values[i].append(output)
            return output
        return hook

    def clear(self) -> None:
        for v in self.values:
            v.clear()

    def take(self) -> List[Any]:
        got = []
        for name, v in zip(self.names, self.values):
            if len(v) != 1:
                raise ValueError('router module "%s" ran %d times in one forward(); it must run '
                                 "exactly once (call it as a module, module(x))" % (name, len(v)))
            got.append(v[0])
        self.clear()
        return got

    def remove(self) -> None:
        for h in self.handles:
            h.remove()
        self.handles = []


class _ContractWrapper(nn.Module):
    """forward(*inputs) -> the contract's Dict[str, Tensor]."""

    def __init__(self, model: nn.Module, recording: _Recording, output_names: Optional[List],
                 output_keys: List[str], router_transform: Callable,
                 dispatch_transform: Optional[Callable], model_inputs: int = 0):
        super().__init__()
        # With an expert_mask input: forward() takes it after the model's own
        # `model_inputs` inputs (0: no mask input).
        self._model_inputs = model_inputs
        self.model = model
        self._recording = recording
        self._output_names = output_names
        self._output_keys = output_keys
        self._router_transform = router_transform
        self._dispatch_transform = dispatch_transform

    def _name_outputs(self, result: Any) -> Dict[str, Tensor]:
        if isinstance(result, dict):
            named = {k: result[k] for k in self._output_keys if k in result}
        elif isinstance(result, Tensor):
            names = self._output_names or (self._output_keys if len(self._output_keys) == 1
                                           else None)
            if names is None or len(names) != 1:
                raise ValueError("the model returns one tensor; output_names must give its name "
                                 "(one of outputs: %s)" % ", ".join(self._output_keys))
            named = {names[0]: result}
        elif isinstance(result, (tuple, list)):
            names = self._output_names
            if names is None or len(names) != len(result):
                raise ValueError("the model returns %d values; output_names must name each of "
                                 "them (None to leave one out)" % len(result))
            named = {n: v for n, v in zip(names, result) if n is not None}
        else:
            raise ValueError("the model returns %s; export_moescope takes a tensor, a tuple or "
                             "list of tensors, or a dict" % type(result).__name__)
        for k, v in named.items():
            if not isinstance(v, Tensor):
                raise ValueError('model output "%s" is a %s, not a tensor' % (k, type(v).__name__))
        return named

    def forward(self, *inputs):
        self._recording.clear()
        if self._model_inputs and len(inputs) > self._model_inputs:
            self._recording.mask = inputs[self._model_inputs]
            inputs = inputs[: self._model_inputs]
        try:
            result = self.model(*inputs)
        finally:
            self._recording.mask = None
        out = self._name_outputs(result)
        batch = inputs[0].shape[0]
        for i, raw in enumerate(self._recording.take()):
            probs = self._router_transform(raw)
            probs = probs.reshape(batch, -1, probs.shape[-1]).float()
            out["router.%d" % i] = probs
            if self._dispatch_transform is not None:
                out["dispatch.%d" % i] = self._dispatch_transform(probs).float()
        return out


def _parent(name: str) -> str:
    return name.rsplit(".", 1)[0] if "." in name else name


def _grid_hint(tokens: int, inputs: List[dict]) -> str:
    """A likely token grid for a ViT with square patches, for the error message."""
    for spec in inputs:
        if spec.get("kind") != "image":
            continue
        h, w = int(spec["height"]), int(spec["width"])
        for offset in (0, 1):
            for p in range(1, min(h, w) + 1):
                if h % p == 0 and w % p == 0 and (h // p) * (w // p) == tokens - offset:
                    extra = "" if offset == 0 else " after %d class token" % offset
                    return (' (a %dx%d image cut into %dx%d patches%s: [{"input": "%s", '
                            '"offset": %d, "grid": [%d, %d]}])'
                            % (h, w, p, p, extra, spec["name"], offset, h // p, w // p))
    return ""


def _layers_meta(moe_layers, router_modules: List[str], routers: List[Tensor],
                 inputs: List[dict]) -> List[dict]:
    n = len(router_modules)
    if moe_layers is None:
        given = [{} for _ in range(n)]
    elif isinstance(moe_layers, dict):
        given = [dict(moe_layers) for _ in range(n)]
    else:
        given = [dict(d) for d in moe_layers]
        if len(given) != n:
            raise ValueError("moe_layers has %d entries for %d router_modules" % (len(given), n))
    layers = []
    for i, (spec, probs, router) in enumerate(zip(given, routers, router_modules)):
        experts = int(probs.shape[-1])
        if "experts" in spec and spec["experts"] != experts:
            raise ValueError('moe_layers[%d] says %s experts, but router "%s" gives %d '
                             "probabilities per token" % (i, spec["experts"], router, experts))
        top_k = spec.get("top_k", 0)
        layer = {"name": spec.get("name", _parent(router)), "experts": experts, "top_k": top_k,
                 "router": spec.get("router", "top-k" if top_k else "soft")}
        if "tokens" in spec:
            tokens = spec["tokens"]
        elif probs.shape[1] == 1:
            tokens = []                          # one decision per image
        else:
            raise ValueError('moe_layers[%d] (%s) routes %d tokens per image; give its "tokens", '
                             "the token grid(s) over the image input%s, or [] if no token lies "
                             "on a grid" % (i, layer["name"], probs.shape[1],
                                            _grid_hint(int(probs.shape[1]), inputs)))
        layer["tokens"] = tokens
        for k, v in spec.items():                # expert_names and any later optional field
            if k not in layer:
                layer[k] = v
        layers.append(layer)
    return layers


def _as_json(meta: dict) -> dict:
    """meta as it will read back from moescope.json (tuples become lists)."""
    try:
        return json.loads(json.dumps(meta))
    except (TypeError, ValueError) as e:
        raise ValueError("moescope.json cannot hold this: %s" % e)


def _check_example(meta: dict, example_inputs: Tuple) -> None:
    specs = meta["inputs"]
    if len(example_inputs) != len(specs):
        raise ValueError("example_inputs has %d tensors; inputs lists %d"
                         % (len(example_inputs), len(specs)))
    for x, spec in zip(example_inputs, specs):
        if not isinstance(x, Tensor):
            raise ValueError('example input "%s" is not a tensor' % spec["name"])
        if spec["kind"] == "image":
            need = (int(spec["channels"]), int(spec["height"]), int(spec["width"]))
            if x.dim() != 4 or tuple(x.shape[1:]) != need:
                raise ValueError('example input "%s" has shape %s; the image input needs '
                                 "[B, %d, %d, %d]" % ((spec["name"], _shape(x)) + need))


def _check_mask(wrapper: nn.Module, example_inputs: Tuple, layers: int) -> None:
    """With expert 0 of every layer off, no token may keep any of its probability."""
    mask = example_inputs[-1].clone()
    mask[:, 0] = 0
    with torch.no_grad():
        try:
            out = wrapper(*(example_inputs[:-1] + (mask,)))
        except Exception as e:  # noqa: BLE001
            raise ValueError("forward() with an expert switched off failed: " + _why(e))
    for i in range(layers):
        kept = float(out["router.%d" % i][..., 0].abs().max())
        if kept > 1e-6:
            raise ValueError("router.%d still gives a switched-off expert probability %.3g: "
                             "expert_mask=True needs router modules that return logits"
                             % (i, kept))


def _compare(reference: Dict[str, Tensor], got: Dict[str, Tensor]) -> None:
    for key in sorted(reference):
        a = reference[key].detach().float()
        b = got[key].detach().float() if isinstance(got.get(key), Tensor) else None
        if b is None or a.shape != b.shape or not torch.allclose(a, b, rtol=PARITY_RTOL,
                                                                 atol=PARITY_ATOL):
            diff = ("has shape %s, not %s" % (_shape(b), _shape(a)) if b is not None and
                    a.shape != b.shape else "is missing" if b is None else
                    "differs by up to %s" % _num(float((a - b).abs().max())))
            raise ValueError('the traced model disagrees with the model on a new input: "%s" %s. '
                             "Tracing records one run; a value computed in Python from the example "
                             "input (.item(), if on a tensor, a size turned into a number) stays "
                             "fixed. Make that code tensor-only, or script the model yourself"
                             % (key, diff))


def export_moescope(model: nn.Module, example_inputs, path: str, *, name: str, task: str,
                    inputs: List[dict], outputs: Dict[str, dict], router_modules: List[str],
                    output_names: Optional[List[Optional[str]]] = None,
                    router_transform: Optional[Callable[[Any], Tensor]] = None,
                    dispatch_transform: Optional[Callable[[Tensor], Tensor]] = None,
                    moe_layers: Union[List[dict], dict, None] = None,
                    title: str = "", description: str = "", license: str = "",
                    reference: str = "", expert_mask: bool = False) -> dict:
    """Writes `model` as a MoEScope model file at `path` and returns its moescope.json.

    model           the nn.Module (put in eval mode for the export, restored after).
    example_inputs  forward()'s arguments (a tuple, or one tensor), in the order
                    `inputs` lists them; the first one's dimension 0 is the batch.
    path            the .pt file to write; written only once it passed every check.
    name, task      moescope.json "name" (the model's id) and "task" (the plugin
                    that interprets it; "generic" for the generic view).
    inputs          moescope.json "inputs" (see docs/model-contract.md).
    outputs         moescope.json "outputs": {output name: {"kind": ..., "labels": [...]}}.
    router_modules  the dotted names (model.get_submodule) of the router modules,
                    one per routed layer, in forward order; router.<i> comes
                    from router_modules[i]. Each must run exactly once per forward.
    output_names    names for the model's own return value: one name for a tensor
                    (optional when `outputs` has one entry), one per element for a
                    tuple or list (None leaves an element out). A dict return keeps
                    its keys (only those listed in `outputs` are returned).
    router_transform fn(what the router module returned) -> probabilities [B, T, E]
                    or [B * T, E]; default softmax over the last dimension (router
                    logits). Runs inside the traced graph: tensor operations only.
    dispatch_transform optional fn(probs [B, T, E]) -> the combine weights the model
                    applied, [B, T, E] (reported as dispatch.<i>).
    moe_layers      moescope.json "moe_layers": a list (one dict per router) or one
                    dict used for every layer. Defaults: "name" the router's parent
                    module, "experts" from the probabilities' last dimension, "top_k"
                    0, "router" "top-k" when top_k > 0 else "soft". "tokens" (the token
                    grid over the image) is needed unless a layer routes 1 token.
    title, description, license, reference  optional moescope.json text.
    expert_mask     True: the exported model takes an expert_mask input (added
                    last to "inputs"; example_inputs leave it out), so MoEScope can
                    switch experts off (ablation). Each router module's output is
                    taken as logits: a switched-off expert's become -inf before the
                    model's own softmax and top-k. Checked: with expert 0 of each
                    layer off, its router probability must be 0.

    Raises ValueError with the first broken rule; then nothing is written."""
    if not isinstance(example_inputs, (tuple, list)):
        example_inputs = (example_inputs,)
    example_inputs = tuple(example_inputs)
    if not router_modules:
        raise ValueError("router_modules is empty; name the router module of every MoE layer")
    if isinstance(router_modules, str):
        router_modules = [router_modules]
    router_transform = router_transform or _softmax_probs
    tensors = list(model.parameters()) + list(model.buffers()) + [
        x for x in example_inputs if isinstance(x, Tensor)]
    if any(t.device.type != "cpu" for t in tensors):
        raise ValueError("export_moescope traces on the CPU: move the model and example_inputs "
                         "there first (model.cpu())")

    meta: Dict[str, Any] = {"schema": SCHEMA, "name": name, "task": task}
    for key, value in (("title", title), ("description", description), ("license", license),
                       ("reference", reference)):
        if value:
            meta[key] = value
    meta["inputs"] = list(inputs)
    model_inputs = len(meta["inputs"])
    if expert_mask:
        if any(i.get("kind") == "expert_mask" for i in inputs):
            raise ValueError("inputs already lists an expert_mask; with expert_mask=True the "
                             "helper adds it")
        meta["inputs"].append({"name": "expert_mask", "kind": "expert_mask"})
    meta["outputs"] = dict(outputs)
    meta = _as_json(meta)
    # Check what can be checked before running anything (moe_layers still to come).
    check_meta(dict(meta, moe_layers=[{"name": "-", "experts": 1, "top_k": 0, "tokens": []}]))
    _check_example(dict(meta, inputs=meta["inputs"][:model_inputs]), example_inputs)

    was_training = model.training
    model.eval()
    recording = _Recording(model, router_modules)
    try:
        wrapper = _ContractWrapper(model, recording, list(output_names) if output_names else None,
                                   list(outputs), router_transform, dispatch_transform,
                                   model_inputs if expert_mask else 0)
        batch = int(example_inputs[0].shape[0])
        with torch.no_grad():
            try:
                eager = wrapper(*example_inputs)
            except ValueError:
                raise
            except Exception as e:  # noqa: BLE001
                raise ValueError("forward() failed: " + _why(e))
        routers = [eager["router.%d" % i] for i in range(len(router_modules))]
        for i, r in enumerate(routers):
            if r.dim() != 3 or r.shape[0] != batch:
                raise ValueError('router module "%s" gives probabilities of shape %s; '
                                 "router_transform must give [B, T, E] or [B * T, E]"
                                 % (router_modules[i], _shape(r)))
        meta["moe_layers"] = _layers_meta(moe_layers, list(router_modules), routers, meta["inputs"])
        meta = _as_json(meta)
        check_meta(meta)
        check_forward(meta, eager, batch)                     # the example input, untraced
        if expert_mask:
            example_inputs = example_inputs + (synthetic_inputs(meta, 1)[-1],)
            _check_mask(wrapper, example_inputs, len(routers))

        with torch.no_grad():
            try:
                traced = torch.jit.trace(wrapper, example_inputs, strict=False,
                                         check_trace=False)
            except ValueError:
                raise
            except Exception as e:  # noqa: BLE001
                raise ValueError("torch.jit.trace failed: " + _why(e))
            flops = count_flops(traced, meta)
            if flops > 0:
                meta["flops_per_image"] = flops
            fresh = synthetic_inputs(meta, 2, seed=4321)
            try:
                reference_out = wrapper(*fresh)
            except ValueError:
                raise
            except Exception as e:  # noqa: BLE001
                raise ValueError("forward() failed on a batch of 2: " + _why(e))

        target = os.path.abspath(path)
        folder, base = os.path.split(target)
        # A private folder next to the target, holding a file of the target's own
        # name: torch.jit.save names the archive's root folder after the file.
        scratch = tempfile.mkdtemp(prefix="." + base + ".", suffix=".tmp", dir=folder)
        tmp = os.path.join(scratch, base)
        try:
            torch.jit.save(traced, tmp,
                           _extra_files={"moescope.json": json.dumps(meta, indent=2) + "\n"})
            written = validate_moescope(tmp)                   # reload, read back, run
            if written != meta:
                raise ValueError("moescope.json did not read back as written")
            loaded = torch.jit.load(tmp, map_location="cpu")
            with torch.no_grad():
                _compare(reference_out, loaded(*fresh))
            os.replace(tmp, target)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    finally:
        recording.remove()
        model.train(was_training)
    return meta


# --------------------------------------------------------------------------
# Command line.
# --------------------------------------------------------------------------

def _summary(meta: dict) -> str:
    layers = ", ".join("%s (%d experts, top-%d)" % (l["name"], l["experts"], l["top_k"])
                       for l in meta["moe_layers"])
    return 'OK: "%s", task %s, %d MoE layer%s: %s' % (
        meta["name"], meta["task"], len(meta["moe_layers"]),
        "" if len(meta["moe_layers"]) == 1 else "s", layers)


def stamp_flops(path: str) -> float:
    """Counts a model file's FLOPs per image (count_flops) and writes them into
    its moescope.json, for files exported before export_moescope did so. The
    module is saved again unchanged, through a temporary file checked first."""
    meta = validate_moescope(path)
    module = torch.jit.load(path, map_location="cpu")
    meta["flops_per_image"] = count_flops(module, meta)
    target = os.path.abspath(path)
    folder, base = os.path.split(target)
    scratch = tempfile.mkdtemp(prefix="." + base + ".", suffix=".tmp", dir=folder)
    tmp = os.path.join(scratch, base)
    try:
        torch.jit.save(module, tmp,
                       _extra_files={"moescope.json": json.dumps(meta, indent=2) + "\n"})
        if validate_moescope(tmp) != meta:
            raise ValueError("moescope.json did not read back as written")
        os.replace(tmp, target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return meta["flops_per_image"]


def main(argv: List[str]) -> int:
    if len(argv) < 3 or argv[1] not in ("validate", "flops"):
        name = os.path.basename(argv[0])
        print("usage: %s validate|flops MODEL.pt [MODEL.pt ...]" % name, file=sys.stderr)
        print("  validate: checks MoEScope model files (docs/model-contract.md) the way "
              "MoEScope does", file=sys.stderr)
        print("  flops:    counts each file's FLOPs per image and writes them into its "
              "moescope.json", file=sys.stderr)
        return 2
    status = 0
    for path in argv[2:]:
        try:
            if argv[1] == "flops":
                print("%s: %.3f GFLOP per image" % (path, stamp_flops(path) / 1e9))
            else:
                print("%s: %s" % (path, _summary(validate_moescope(path))))
        except ValueError as e:
            print("%s: %s" % (path, e))
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))

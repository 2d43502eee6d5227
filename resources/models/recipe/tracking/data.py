"""Synthetic single-object tracking sequences for track-spmtrack-tiny.

A sequence is first drawn as parameters from a seeded numpy Generator (the
background, static clutter, the target's and the distractors' appearance and
trajectories, an optional occluder) and only then rendered, frame by frame, so
that training can render just the two frames a sample needs.

    rng = np.random.default_rng(seed)
    seq = sample_sequence(rng)                   # parameters only
    box = target_box(seq, t)                     # ground truth x,y,w,h (pixels)
    frame, labels = render_frame(seq, t, with_labels=True)  # uint8 [256,256,3], uint8 [256,256]

Frames are 256 x 256 RGB. A sequence has 30-60 frames. The target is one
textured shape (ellipse, rectangle, triangle, diamond, hexagon or cross, with
stripes, checks, dots or a shaded fill) that moves smoothly (a damped random
walk of its velocity that bounces off the frame's edges), grows and shrinks
smoothly (up to about x1.5) and turns slowly. The background is smooth value
noise, a gradient with stripes, or a mosaic of blocks, plus 12-40 small static
clutter shapes. One to four distractors move about as well; about half of them
copy the target's shape or its colours, and some copy both with another
texture; half of them start near the target. In about half of the sequences
a foreground occluder (a textured bar or blob) passes over the target and
hides part of it.

Ground truth follows GOT-10k: the target's full extent (occluded parts
included) as x,y,w,h in pixels, top-left origin; ``cover`` is GOT-10k's visible
ratio bin (0: fully hidden, 1: (0,15] %, ... 7: (90,100) %, 8: fully visible).
The label map gives, per pixel, what lies on top: 0 background or clutter,
1 distractor, 2 target, 3 occluder.

Crops (the tracker's template and search region) are made by ``crop``, the
same function in training and in the tracker loop (tracker.py).
"""

import math
import os
from typing import Dict, List, Optional, Tuple

import numpy as np

SIZE = 256
SHAPES: List[str] = ["ellipse", "rectangle", "triangle", "diamond", "hexagon", "cross"]
TEXTURES: List[str] = ["stripes", "checks", "dots", "shaded"]
LABELS: List[str] = ["background", "distractor", "target", "occluder"]
_NOISE = np.random.default_rng(20250318).standard_normal(size=(SIZE + 64, SIZE + 64, 3), dtype=np.float32)
BACKGROUNDS: List[str] = ["noise", "stripes", "blocks"]


# ----------------------------------------------------------------------------
# Parameters
# ----------------------------------------------------------------------------

def _colour(rng: np.random.Generator) -> np.ndarray:
    return rng.uniform(0.05, 0.95, size=3)


def _near(rng: np.random.Generator, c: np.ndarray, spread: float) -> np.ndarray:
    return np.clip(c + rng.uniform(-spread, spread, size=3), 0.0, 1.0)


def sample_appearance(rng: np.random.Generator, like: Optional[Dict] = None,
                      mode: str = "free") -> Dict:
    """One object's look. ``like`` with mode "shape", "colour" or "both" copies
    the shape, the colours, or both (then with another texture) of ``like``."""
    a = {
        "shape": SHAPES[int(rng.integers(len(SHAPES)))],
        "texture": TEXTURES[int(rng.integers(len(TEXTURES)))],
        "c1": _colour(rng),
        "c2": _colour(rng),
        "tex_angle": float(rng.uniform(0, math.pi)),
        "tex_period": float(rng.uniform(0.18, 0.45)),    # in units of the object's size
        "tex_phase": float(rng.uniform(0, 2 * math.pi)),
        "shade": float(rng.uniform(-0.35, 0.35)),
        "aspect": float(math.exp(rng.uniform(-0.45, 0.45))),  # w / h
        "arm": float(rng.uniform(0.28, 0.42)),              # cross arm width
    }
    # Keep the two texture colours apart so the texture is visible.
    if np.abs(a["c1"] - a["c2"]).sum() < 0.45:
        a["c2"] = np.clip(1.0 - a["c1"] + rng.uniform(-0.1, 0.1, size=3), 0.0, 1.0)
    if like is not None:
        if mode in ("shape", "both"):
            a["shape"] = like["shape"]
            a["aspect"] = float(like["aspect"] * math.exp(rng.uniform(-0.15, 0.15)))
            a["arm"] = like["arm"]
        if mode in ("colour", "both"):
            a["c1"] = _near(rng, like["c1"], 0.08)
            a["c2"] = _near(rng, like["c2"], 0.08)
        if mode == "both":
            others = [t for t in TEXTURES if t != like["texture"]]
            a["texture"] = others[int(rng.integers(len(others)))]
        elif mode == "colour":
            a["texture"] = like["texture"]
    return a


def _trajectory(rng: np.random.Generator, n: int, size0: float, speed: Tuple[float, float],
                start: Optional[np.ndarray] = None, scale_amp: float = 0.2) -> Dict:
    """Smooth motion: centre [n, 2], scale [n], rotation [n]."""
    margin = 0.5 * size0 + 4.0
    lo, hi = margin, SIZE - margin
    p = np.array(start if start is not None else rng.uniform(lo + 10, hi - 10, size=2), dtype=np.float64)
    ang = rng.uniform(0, 2 * math.pi)
    sp = rng.uniform(*speed)
    v = sp * np.array([math.cos(ang), math.sin(ang)])
    vmax = max(speed[1], 0.5)
    centres = np.empty((n, 2))
    for t in range(n):
        centres[t] = p
        v = 0.92 * v + rng.normal(0.0, 0.35 * vmax, size=2) * 0.25
        s = np.linalg.norm(v)
        if s > vmax:
            v *= vmax / s
        p = p + v
        for k in range(2):
            if p[k] < lo:
                p[k], v[k] = 2 * lo - p[k], abs(v[k])
            elif p[k] > hi:
                p[k], v[k] = 2 * hi - p[k], -abs(v[k])
        p = np.minimum(np.maximum(p, lo), hi)
    tt = np.arange(n, dtype=np.float64)
    amp = rng.uniform(0.0, scale_amp)
    period = rng.uniform(25, 90)
    phase = rng.uniform(0, 2 * math.pi)
    drift = rng.uniform(-0.006, 0.006)
    scale = np.exp(amp * np.sin(2 * math.pi * tt / period + phase) - amp * math.sin(phase) + drift * tt)
    rot0 = rng.uniform(-0.5, 0.5)
    rot_speed = rng.uniform(-0.02, 0.02)
    return {"centre": centres, "scale": scale, "rotation": rot0 + rot_speed * tt}


def sample_sequence(rng: np.random.Generator, n_frames: Optional[int] = None,
                    occluded: Optional[bool] = None) -> Dict:
    """Draws one sequence's parameters (nothing is rendered)."""
    n = int(n_frames if n_frames is not None else rng.integers(30, 61))
    bg_kind = BACKGROUNDS[int(rng.integers(len(BACKGROUNDS)))]
    seq: Dict = {
        "n": n,
        "background": bg_kind,
        "bg_c0": rng.uniform(0.05, 0.8, size=3),
        "bg_c1": rng.uniform(0.05, 0.8, size=3),
        "bg_c2": rng.uniform(0.05, 0.8, size=3),
        "bg_angle": float(rng.uniform(0, 2 * math.pi)),
        "bg_period": float(rng.uniform(10, 40)),
        "bg_cells": int(rng.integers(3, 9)),
        "bg_grid": rng.uniform(0, 1, size=(2, 17, 17)),
        "bg_blocks": [(rng.uniform(-40, SIZE), rng.uniform(-40, SIZE), rng.uniform(20, 110),
                       rng.uniform(20, 110), rng.uniform(0.05, 0.85, size=3))
                      for _ in range(int(rng.integers(6, 16)))],
        "light_amp": float(rng.uniform(0.0, 0.12)),
        "light_period": float(rng.uniform(20, 80)),
        "noise_sigma": float(rng.uniform(0.005, 0.04)),
        "noise_seed": int(rng.integers(2**31 - 1)),
    }
    # Static clutter: small shapes anywhere.
    clutter = []
    for _ in range(int(rng.integers(12, 41))):
        a = sample_appearance(rng)
        clutter.append({"app": a, "centre": rng.uniform(0, SIZE, size=2),
                        "size": float(rng.uniform(5, 18)), "rotation": float(rng.uniform(0, math.pi))})
    seq["clutter"] = clutter

    # Target.
    size0 = float(rng.uniform(20, 52))                   # sqrt(w * h) of the shape's box, pixels
    tgt = sample_appearance(rng)
    traj = _trajectory(rng, n, size0 * 1.4, (0.5, 5.0))
    seq["target"] = {"app": tgt, "size": size0, **traj}

    # Distractors: similar to the target in shape and/or colours, or not;
    # half of them start close to the target (1.2-3 target sizes away).
    distractors = []
    for _ in range(int(rng.integers(1, 5))):
        mode = ["shape", "colour", "both", "free"][int(rng.integers(4))]
        a = sample_appearance(rng, like=tgt, mode=mode)
        dsize = size0 * float(math.exp(rng.uniform(-0.4, 0.3)))
        start = None
        if rng.random() < 0.5:
            ang = rng.uniform(0, 2 * math.pi)
            dist = rng.uniform(1.2, 3.0) * size0
            start = seq["target"]["centre"][0] + dist * np.array([math.cos(ang), math.sin(ang)])
            m = 0.5 * dsize * 1.4 + 4.0
            start = np.minimum(np.maximum(start, m), SIZE - m)
        distractors.append({"app": a, "size": dsize,
                            **_trajectory(rng, n, dsize * 1.4, (0.3, 4.0), start=start)})
    seq["distractors"] = distractors

    # Occluder: passes over the target around frame tc.
    if occluded is None:
        occluded = bool(rng.random() < 0.5)
    seq["occluder"] = None
    if occluded:
        a = sample_appearance(rng)
        a["shape"] = ["rectangle", "ellipse"][int(rng.integers(2))]
        long_side = size0 * rng.uniform(1.2, 2.5)
        short_side = size0 * rng.uniform(0.3, 0.6)
        a["aspect"] = float(long_side / short_side)
        osize = float(math.sqrt(long_side * short_side))
        tc = int(rng.integers(n // 5, max(n // 5 + 1, 4 * n // 5)))
        ang = rng.uniform(0, 2 * math.pi)
        speed = rng.uniform(1.5, 4.0)
        vel = speed * np.array([math.cos(ang), math.sin(ang)])
        offset = rng.uniform(-0.35, 0.35, size=2) * size0
        tt = np.arange(n, dtype=np.float64) - tc
        centre = seq["target"]["centre"][tc] + offset + tt[:, None] * vel[None, :]
        seq["occluder"] = {"app": a, "size": osize, "centre": centre,
                           "scale": np.ones(n), "rotation": np.full(n, ang + rng.uniform(-0.6, 0.6))}

    return seq


def target_box(seq: Dict, t: int) -> np.ndarray:
    """Ground truth at frame t: the target's full (occluded parts included)
    tight box x,y,w,h in pixels, from its rendered shape (alpha > 0.5)."""
    return _object_box(seq["target"], t)


def target_boxes(seq: Dict) -> np.ndarray:
    """Ground truth of every frame, [n, 4] x,y,w,h."""
    return np.stack([target_box(seq, t) for t in range(seq["n"])])


# ----------------------------------------------------------------------------
# Rendering
# ----------------------------------------------------------------------------

def _clip01(a: np.ndarray) -> np.ndarray:
    return np.minimum(np.maximum(a, 0.0, out=a), 1.0, out=a)


def _sdf(app: Dict, u: np.ndarray, v: np.ndarray, w: float, h: float) -> np.ndarray:
    """Signed distance (pixels, < 0 inside) to a shape of box w x h in local coords."""
    s = app["shape"]
    hw, hh = 0.5 * w, 0.5 * h
    if s == "ellipse":
        r = np.sqrt((u / hw) ** 2 + (v / hh) ** 2)
        return (r - 1.0) * min(hw, hh)
    if s == "rectangle":
        return np.maximum(np.abs(u) - hw, np.abs(v) - hh)
    if s == "diamond":
        n = math.hypot(hh, hw)
        return (np.abs(u) * hh + np.abs(v) * hw - hw * hh) / n
    if s == "triangle":  # apex up, base down
        n = math.hypot(2 * hh, hw)
        side = (2 * hh * np.abs(u) + hw * v - hw * hh) / n
        return np.maximum(side, v - hh)
    if s == "hexagon":
        n = math.hypot(hh, 0.5 * hw)
        slant = (np.abs(u) * hh + np.abs(v) * 0.5 * hw - hw * hh) / n
        return np.maximum(slant, np.abs(v) - hh)
    if s == "cross":
        aw, ah = app["arm"] * hw, app["arm"] * hh
        d1 = np.maximum(np.abs(u) - hw, np.abs(v) - ah)
        d2 = np.maximum(np.abs(u) - aw, np.abs(v) - hh)
        return np.minimum(d1, d2)
    raise ValueError(s)


def _texture(app: Dict, u: np.ndarray, v: np.ndarray, size: float) -> np.ndarray:
    """Colour [.., 3] at local coords (the texture moves and scales with the object)."""
    kind = app["texture"]
    p = app["tex_period"] * size
    ca, sa = math.cos(app["tex_angle"]), math.sin(app["tex_angle"])
    a = u * ca + v * sa
    b = -u * sa + v * ca
    if kind == "stripes":
        t = _clip01(np.sin(a * np.float32(2 * math.pi / p) + np.float32(app["tex_phase"])) * 2 + 0.5)
    elif kind == "checks":
        t = _clip01(np.sin(a * np.float32(2 * math.pi / p)) * np.sin(b * np.float32(2 * math.pi / p)) * 3
                    + 0.5)
    elif kind == "dots":
        fa = a / p
        fa = fa - np.floor(fa) - 0.5
        fb = b / p
        fb = fb - np.floor(fb) - 0.5
        t = _clip01((0.3 - np.sqrt(fa * fa + fb * fb)) * p + 0.5)
    else:  # shaded: a smooth two-colour ramp across the object
        t = _clip01(a * np.float32((1.0 + abs(app["shade"]) * 2) / max(size, 1e-6)) + 0.5)
    t = t[..., None]
    c1 = app["c1"].astype(np.float32)
    col = c1 + t * (app["c2"].astype(np.float32) - c1)
    shade = b * np.float32(app["shade"] / max(size, 1e-6)) + 1.0
    return col * shade[..., None]


def _object_geometry(obj: Dict, t: int) -> Tuple[float, float, float, float, float]:
    """(cx, cy, w, h, rotation) of a moving object at frame t."""
    s = obj["size"] * float(obj["scale"][t])
    asp = obj["app"]["aspect"]
    w, h = s * math.sqrt(asp), s / math.sqrt(asp)
    cx, cy = obj["centre"][t]
    return float(cx), float(cy), w, h, float(obj["rotation"][t])


def _render_object(img: np.ndarray, app: Dict, cx: float, cy: float, w: float, h: float,
                   rot: float, label_img: Optional[np.ndarray] = None, label: int = 0,
                   alpha_out: Optional[np.ndarray] = None) -> None:
    """Draws one object over img (float [H, W, 3]) in place."""
    r = 0.5 * math.hypot(w, h) + 2.0
    x0, x1 = max(int(math.floor(cx - r)), 0), min(int(math.ceil(cx + r)) + 1, img.shape[1])
    y0, y1 = max(int(math.floor(cy - r)), 0), min(int(math.ceil(cy + r)) + 1, img.shape[0])
    if x1 <= x0 or y1 <= y0:
        return
    xs = (np.arange(x0, x1, dtype=np.float32) + np.float32(0.5 - cx))[None, :]
    ys = (np.arange(y0, y1, dtype=np.float32) + np.float32(0.5 - cy))[:, None]
    c, s = np.float32(math.cos(rot)), np.float32(math.sin(rot))
    u = xs * c + ys * s
    v = ys * c - xs * s
    d = _sdf(app, u, v, w, h)
    alpha = _clip01(np.float32(0.5) - d)
    if not alpha.any():
        return
    col = _texture(app, u, v, math.sqrt(w * h))
    region = img[y0:y1, x0:x1]
    region += alpha[..., None] * (col - region)
    if label_img is not None:
        label_img[y0:y1, x0:x1][alpha > 0.5] = label
    if alpha_out is not None:
        alpha_out[y0:y1, x0:x1] = np.maximum(alpha_out[y0:y1, x0:x1], alpha)


def _object_box(obj: Dict, t: int) -> np.ndarray:
    """Tight x,y,w,h box of the object's shape at frame t (alpha > 0.5), clipped to the frame."""
    cx, cy, w, h, rot = _object_geometry(obj, t)
    r = 0.5 * math.hypot(w, h) + 2.0
    x0, x1 = max(int(math.floor(cx - r)), 0), min(int(math.ceil(cx + r)) + 1, SIZE)
    y0, y1 = max(int(math.floor(cy - r)), 0), min(int(math.ceil(cy + r)) + 1, SIZE)
    if x1 <= x0 or y1 <= y0:
        return np.array([cx - 1, cy - 1, 2, 2], dtype=np.float64)
    xs = np.arange(x0, x1, dtype=np.float64) + 0.5 - cx
    ys = np.arange(y0, y1, dtype=np.float64) + 0.5 - cy
    px, py = np.meshgrid(xs, ys, indexing="xy")
    c, s = math.cos(rot), math.sin(rot)
    inside = _sdf(obj["app"], px * c + py * s, -px * s + py * c, w, h) < 0.0
    rows, cols = np.nonzero(inside)
    if len(cols) == 0:
        return np.array([cx - 1, cy - 1, 2, 2], dtype=np.float64)
    return np.array([x0 + cols.min(), y0 + rows.min(), cols.max() - cols.min() + 1,
                     rows.max() - rows.min() + 1], dtype=np.float64)


def _value_noise(grid: np.ndarray, cells: int, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    g = grid[: cells + 1, : cells + 1]
    gx, gy = x * cells, y * cells
    ix, iy = np.minimum(gx.astype(int), cells - 1), np.minimum(gy.astype(int), cells - 1)
    fx, fy = gx - ix, gy - iy
    fx, fy = fx * fx * (3 - 2 * fx), fy * fy * (3 - 2 * fy)
    return (g[iy, ix] * (1 - fx) * (1 - fy) + g[iy, ix + 1] * fx * (1 - fy)
            + g[iy + 1, ix] * (1 - fx) * fy + g[iy + 1, ix + 1] * fx * fy)


def render_background(seq: Dict) -> np.ndarray:
    """The static layer (background + clutter), float [SIZE, SIZE, 3]."""
    t = ((np.arange(SIZE, dtype=np.float32) + 0.5) / SIZE)
    x, y = np.meshgrid(t, t, indexing="xy")
    c0, c1, c2 = seq["bg_c0"], seq["bg_c1"], seq["bg_c2"]
    kind = seq["background"]
    if kind == "noise":
        n = seq["bg_cells"]
        a = _value_noise(seq["bg_grid"][0], n, x, y)
        b = _value_noise(seq["bg_grid"][1], min(2 * n, 16), x, y)
        img = c0 * (1 - a[..., None]) + c1 * a[..., None]
        img = img * (1 - 0.5 * b[..., None]) + c2 * 0.5 * b[..., None]
    elif kind == "stripes":
        ang = seq["bg_angle"]
        proj = (x * math.cos(ang) + y * math.sin(ang)) * SIZE
        g = (proj - proj.min()) / max(proj.max() - proj.min(), 1e-9)
        s = 0.5 + 0.5 * np.sin(2 * math.pi * proj / seq["bg_period"])
        img = c0 * (1 - g[..., None]) + c1 * g[..., None]
        img = img * (1 - 0.4 * s[..., None]) + c2 * 0.4 * s[..., None]
    else:  # blocks
        img = np.empty((SIZE, SIZE, 3), dtype=np.float32)
        img[:] = c0
        for bx, by, bw, bh, col in seq["bg_blocks"]:
            xa, xb = max(int(bx), 0), min(int(bx + bw), SIZE)
            ya, yb = max(int(by), 0), min(int(by + bh), SIZE)
            if xb > xa and yb > ya:
                img[ya:yb, xa:xb] = col
    img = img.astype(np.float32)
    for c in seq["clutter"]:
        s = c["size"]
        asp = c["app"]["aspect"]
        _render_object(img, c["app"], float(c["centre"][0]), float(c["centre"][1]),
                       s * math.sqrt(asp), s / math.sqrt(asp), c["rotation"])
    return img


def render_frame(seq: Dict, t: int, background: Optional[np.ndarray] = None,
                 with_labels: bool = False, extra: Optional[List[Tuple]] = None):
    """Frame t as uint8 [SIZE, SIZE, 3] (and the uint8 label map if asked).
    ``extra``: more distractors for this frame only, (appearance, cx, cy, w,
    h, rotation) each, drawn with the others (under the target)."""
    img = (render_background(seq) if background is None else background).copy()
    labels = np.zeros((SIZE, SIZE), dtype=np.uint8) if with_labels else None
    for d in seq["distractors"]:
        _render_object(img, d["app"], *_object_geometry(d, t), label_img=labels, label=1)
    for e in extra or []:
        _render_object(img, e[0], *e[1:], label_img=labels, label=1)
    _render_object(img, seq["target"]["app"], *_object_geometry(seq["target"], t),
                   label_img=labels, label=2)
    if seq["occluder"] is not None:
        _render_object(img, seq["occluder"]["app"], *_object_geometry(seq["occluder"], t),
                       label_img=labels, label=3)
    light = 1.0 + seq["light_amp"] * math.sin(2 * math.pi * t / seq["light_period"])
    # Sensor noise: a window of a fixed noise field, at a per-frame offset.
    nrng = np.random.default_rng(seq["noise_seed"] + 7919 * t)
    oy, ox = nrng.integers(0, _NOISE.shape[0] - SIZE, size=2)
    img *= np.float32(light * 255.0)
    img += _NOISE[oy:oy + SIZE, ox:ox + SIZE] * np.float32(seq["noise_sigma"] * 255.0)
    img += 0.5
    out = np.clip(img, 0.0, 255.0, out=img).astype(np.uint8)
    return (out, labels) if with_labels else out


def cover_label(seq: Dict, t: int) -> int:
    """GOT-10k visible-ratio bin of the target at frame t (0 hidden .. 8 fully visible)."""
    if seq["occluder"] is None:
        return 8
    a_t = np.zeros((SIZE, SIZE))
    a_o = np.zeros((SIZE, SIZE))
    dummy = np.zeros((SIZE, SIZE, 3))
    _render_object(dummy, seq["target"]["app"], *_object_geometry(seq["target"], t), alpha_out=a_t)
    _render_object(dummy, seq["occluder"]["app"], *_object_geometry(seq["occluder"], t), alpha_out=a_o)
    total = a_t.sum()
    if total <= 0:
        return 0
    vis = float((a_t * (1 - a_o)).sum() / total)
    if vis >= 0.999:
        return 8
    if vis <= 0.001:
        return 0
    return 7 if vis > 0.9 else max(1, int(math.ceil(vis / 0.15 - 1e-9)))


# ----------------------------------------------------------------------------
# Crops: the tracker's template and search region
# ----------------------------------------------------------------------------

def crop_window(box: np.ndarray, factor: float) -> Tuple[int, int, int]:
    """Square window (x0, y0, side) in integer pixels around an x,y,w,h box:
    side = factor * sqrt(w * h), centred on the box."""
    x, y, w, h = [float(v) for v in box]
    side = max(int(round(factor * math.sqrt(max(w, 1.0) * max(h, 1.0)))), 8)
    cx, cy = x + 0.5 * w, y + 0.5 * h
    return int(round(cx - 0.5 * side)), int(round(cy - 0.5 * side)), side


def crop(frame: np.ndarray, window: Tuple[int, int, int], out: int,
         labels: Optional[np.ndarray] = None):
    """Cuts the window out of frame (uint8 [H, W, 3]; outside the frame: the
    frame's mean colour) and resizes it to out x out with area-averaged
    bilinear scaling (torch, antialias). Returns uint8 [out, out, 3] (and the
    label map cut the same way, nearest, if given)."""
    import torch
    import torch.nn.functional as F

    x0, y0, side = window
    H, W = frame.shape[:2]
    xa, xb = max(x0, 0), min(x0 + side, W)
    ya, yb = max(y0, 0), min(y0 + side, H)
    patch = np.empty((side, side, 3), dtype=np.uint8)
    if xa > x0 or ya > y0 or xb < x0 + side or yb < y0 + side:
        patch[:] = frame.reshape(-1, 3).mean(axis=0).round().astype(np.uint8)
    if xb > xa and yb > ya:
        patch[ya - y0:yb - y0, xa - x0:xb - x0] = frame[ya:yb, xa:xb]
    t = torch.from_numpy(patch).permute(2, 0, 1)[None].float()
    if side != out:
        t = F.interpolate(t, size=(out, out), mode="bilinear", align_corners=False,
                          antialias=side > out)
    img = t[0].permute(1, 2, 0).round().clamp(0, 255).to(torch.uint8).numpy()
    if labels is None:
        return img
    lp = np.zeros((side, side), dtype=np.uint8)
    if xb > xa and yb > ya:
        lp[ya - y0:yb - y0, xa - x0:xb - x0] = labels[ya:yb, xa:xb]
    idx = ((np.arange(out) + 0.5) * side / out).astype(int)
    return img, lp[idx][:, idx]


def box_to_window(box: np.ndarray, window: Tuple[int, int, int]) -> np.ndarray:
    """x,y,w,h in frame pixels -> cx,cy,w,h normalised to the window [0, 1]."""
    x0, y0, side = window
    x, y, w, h = [float(v) for v in box]
    return np.array([(x + 0.5 * w - x0) / side, (y + 0.5 * h - y0) / side, w / side, h / side])


def window_to_box(cxcywh: np.ndarray, window: Tuple[int, int, int]) -> np.ndarray:
    """cx,cy,w,h normalised to the window -> x,y,w,h in frame pixels."""
    x0, y0, side = window
    cx, cy, w, h = [float(v) for v in cxcywh]
    return np.array([x0 + (cx - 0.5 * w) * side, y0 + (cy - 0.5 * h) * side, w * side, h * side])


# ----------------------------------------------------------------------------
# Files: GOT-10k layout, PNG / JPEG without PIL
# ----------------------------------------------------------------------------

def write_got10k_sequence(folder: str, seq: Dict, frames: List[np.ndarray], fmt: str = "jpg",
                          quality: int = 85) -> None:
    """<folder>/00000001.jpg ..., groundtruth.txt (x,y,w,h per frame),
    absence.label, cover.label and meta_info.ini, as GOT-10k lays them out."""
    from jpeg import write_jpeg  # noqa: E402 (this folder)

    os.makedirs(folder, exist_ok=True)
    for t, f in enumerate(frames):
        path = os.path.join(folder, "%08d.%s" % (t + 1, fmt))
        if fmt == "jpg":
            write_jpeg(path, f, quality=quality)
        else:
            write_png(path, f)
    n = len(frames)
    with open(os.path.join(folder, "groundtruth.txt"), "w") as fh:
        for b in target_boxes(seq)[:n]:
            fh.write("%.4f,%.4f,%.4f,%.4f\n" % tuple(float(v) for v in b))
    covers = [cover_label(seq, t) for t in range(n)]
    with open(os.path.join(folder, "absence.label"), "w") as fh:
        fh.write("".join("%d\n" % (1 if c == 0 else 0) for c in covers))
    with open(os.path.join(folder, "cover.label"), "w") as fh:
        fh.write("".join("%d\n" % c for c in covers))
    with open(os.path.join(folder, "meta_info.ini"), "w") as fh:
        fh.write("[METAINFO]\n")
        fh.write("object_class: %s %s (synthetic)\n" % (seq["target"]["app"]["texture"],
                                                       seq["target"]["app"]["shape"]))
        fh.write("resolution: (%d, %d)\n" % (SIZE, SIZE))
        fh.write("anno_fps: 10Hz\n")
        fh.write("background: %s\n" % seq["background"])
        fh.write("distractors: %d\n" % len(seq["distractors"]))
        fh.write("occluder: %s\n" % ("yes" if seq["occluder"] is not None else "no"))


def write_png(path: str, img: np.ndarray) -> None:
    """uint8 [H, W, 3] as PNG (zlib only)."""
    import struct
    import zlib

    img = np.ascontiguousarray(img, dtype=np.uint8)
    h, w = img.shape[:2]
    raw = b"".join(b"\x00" + img[r].tobytes() for r in range(h))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


# ----------------------------------------------------------------------------
# Training pairs
# ----------------------------------------------------------------------------

def _nearest_distractor(seq: Dict, t: int) -> float:
    """Distance of the nearest distractor's centre from the target's, in target sizes."""
    c = seq["target"]["centre"][t]
    size = seq["target"]["size"] * float(seq["target"]["scale"][t])
    d = [float(np.hypot(*(x["centre"][t] - c))) for x in seq["distractors"]]
    return min(d) / size if d else 1e9


def training_pairs(rng: np.random.Generator, n_seq: int, pairs_per_seq: int = 2,
                   template_size: int = 64, search_size: int = 128,
                   template_factor: float = 2.0, search_factor: float = 4.0,
                   max_gap: int = 40, shift: float = 0.8, scale_jitter: float = 0.25,
                   look_alike: float = 0.5):
    """n_seq * pairs_per_seq (template, search, box) samples.

    pairs_per_seq pairs come from each fresh sequence: the template is cut
    around the target's box in one frame (centre and size jittered by up to
    5 %), the search region around its box in another frame at most max_gap
    frames away (either direction; half of the time the one of three such
    candidate frames with a distractor nearest the target), with the window's centre shifted by up to ``shift`` target
    sizes per axis and its size scaled by exp(+-scale_jitter): the errors the
    tracker's previous box brings. With probability ``look_alike`` the
    search frame gets one more distractor, a look-alike of the target (its
    shape, its colours, or both with another texture) 1-2 target sizes from
    it. Returns uint8 [N, 64, 64, 3],
    uint8 [N, 128, 128, 3] and float32 [N, 4] (cx, cy, w, h of the target
    normalised to the search crop)."""
    N = n_seq * pairs_per_seq
    tmpl = np.empty((N, template_size, template_size, 3), dtype=np.uint8)
    srch = np.empty((N, search_size, search_size, 3), dtype=np.uint8)
    boxes = np.empty((N, 4), dtype=np.float32)
    k = 0
    for _ in range(n_seq):
        seq = sample_sequence(rng)
        n = seq["n"]
        bg = render_background(seq)
        cache: Dict[int, np.ndarray] = {}

        def frame(t: int) -> np.ndarray:
            if t not in cache:
                cache[t] = render_frame(seq, t, bg)
            return cache[t]

        for _ in range(pairs_per_seq):
            i = int(rng.integers(n))
            cand = [int(np.clip(i + rng.integers(-max_gap, max_gap + 1), 0, n - 1)) for _ in range(3)]
            j = cand[0]
            if rng.random() < 0.5:   # hard examples: the frame with a distractor nearest the target
                j = min(cand, key=lambda t: _nearest_distractor(seq, t))
            bi, bj = target_box(seq, i), target_box(seq, j)
            sz = math.sqrt(bi[2] * bi[3])
            jb = bi.copy()
            jb[:2] += rng.uniform(-0.05, 0.05, size=2) * sz
            jb[2:] *= math.exp(rng.uniform(-0.05, 0.05))
            tmpl[k] = crop(frame(i), crop_window(jb, template_factor), template_size)
            sz = math.sqrt(bj[2] * bj[3])
            jb = bj.copy()
            jb[:2] += rng.uniform(-shift, shift, size=2) * sz
            s = math.exp(rng.uniform(-scale_jitter, scale_jitter))
            jb[:2] += 0.5 * jb[2:] * (1 - s)          # scale about the centre
            jb[2:] *= s
            win = crop_window(jb, search_factor)
            if rng.random() < look_alike:
                # A look-alike of the target placed 1-2 target sizes from it
                # in this search frame only: a hard distractor.
                cx, cy, w, h, rot = _object_geometry(seq["target"], j)
                mode = ["shape", "colour", "both"][int(rng.integers(3))]
                app = sample_appearance(rng, like=seq["target"]["app"], mode=mode)
                ang = rng.uniform(0, 2 * math.pi)
                dist = rng.uniform(1.0, 2.0) * math.sqrt(w * h)
                f = math.exp(rng.uniform(-0.3, 0.2))
                extra = [(app, cx + dist * math.cos(ang), cy + dist * math.sin(ang), w * f, h * f,
                          rot + rng.uniform(-0.5, 0.5))]
                srch[k] = crop(render_frame(seq, j, bg, extra=extra), win, search_size)
            else:
                srch[k] = crop(frame(j), win, search_size)
            boxes[k] = box_to_window(bj, win)
            k += 1
    return tmpl, srch, boxes

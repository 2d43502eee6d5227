"""Deterministic synthetic "shapes" data set for moe-vit-shapes-tiny.

Every image shows one foreground shape (the class) on one of a few textured
backgrounds, so that a token-level router has something to specialise on:
shape interior, shape edges, and several kinds of background.

A scene is first drawn as resolution-independent parameters (normalised
coordinates) from a seeded numpy Generator and only then rendered, so the same
scene can be rendered at 128 x 128 for training and at 224 x 224 for the
bundled samples.

    images, labels = make_dataset(n=1000, seed=1)      # uint8 [N,128,128,3], int64 [N]
    img = render(sample_scene(rng, label=0), size=224)  # uint8 [224,224,3]
"""

import math
import struct
import zlib
from typing import Dict, List, Optional, Tuple

import numpy as np

CLASSES: List[str] = ["circle", "square", "triangle", "cross", "ring"]
BACKGROUNDS: List[str] = ["gradient", "stripes", "noise"]


def sample_scene(rng: np.random.Generator, label: Optional[int] = None) -> Dict:
    """Draws one scene's parameters. Consumes a size-independent amount of rng."""
    if label is None:
        label = int(rng.integers(len(CLASSES)))
    bg = str(BACKGROUNDS[int(rng.integers(len(BACKGROUNDS)))])
    # Background: two darkish colours of moderate contrast (the texture must
    # not drown the shape's edges); the shape is lighter than the background.
    c0 = rng.uniform(0.05, 0.5, size=3)
    c1 = np.clip(c0 + rng.uniform(-0.25, 0.25, size=3), 0.0, 1.0)
    scene = {
        "label": int(label),
        "background": bg,
        "bg_colours": (c0, c1),
        "bg_angle": float(rng.uniform(0, 2 * math.pi)),
        "bg_period": float(rng.uniform(0.04, 0.16)),
        "bg_phase": float(rng.uniform(0, 2 * math.pi)),
        "bg_cells": int(rng.integers(3, 11)),
        "bg_grid": rng.uniform(0.0, 1.0, size=(11, 11)),
        "noise_sigma": float(rng.uniform(0.0, 0.06)),
        "noise_seed": int(rng.integers(2**31 - 1)),
    }
    radius = float(rng.uniform(0.16, 0.32))
    margin = radius + 0.02
    scene.update(
        radius=radius,
        centre=(float(rng.uniform(margin, 1 - margin)), float(rng.uniform(margin, 1 - margin))),
        rotation=float(rng.uniform(-0.4, 0.4)),
        ring_thickness=float(rng.uniform(0.28, 0.45)),
        arm_width=float(rng.uniform(0.25, 0.38)),
        shading=float(rng.uniform(-0.15, 0.15)),
    )
    scene["fg_colour"] = rng.uniform(0.55, 1.0, size=3)
    return scene


def _coords(size: int) -> Tuple[np.ndarray, np.ndarray]:
    t = (np.arange(size, dtype=np.float64) + 0.5) / size
    return np.meshgrid(t, t, indexing="xy")  # x: columns, y: rows


def _background(scene: Dict, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    c0, c1 = scene["bg_colours"]
    kind = scene["background"]
    a = scene["bg_angle"]
    proj = x * math.cos(a) + y * math.sin(a)
    if kind == "gradient":
        t = (proj - proj.min()) / max(proj.max() - proj.min(), 1e-9)
    elif kind == "stripes":
        t = 0.5 + 0.5 * np.sin(2 * math.pi * proj / scene["bg_period"] + scene["bg_phase"])
        t = np.clip((t - 0.5) * 3.0 + 0.5, 0.0, 1.0)  # sharpen towards bands
    else:  # "noise": smooth two-colour value noise on a cells x cells lattice
        n = scene["bg_cells"]
        grid = scene["bg_grid"][: n + 1, : n + 1]
        gx, gy = x * n, y * n
        ix, iy = np.minimum(gx.astype(int), n - 1), np.minimum(gy.astype(int), n - 1)
        fx, fy = gx - ix, gy - iy
        fx, fy = fx * fx * (3 - 2 * fx), fy * fy * (3 - 2 * fy)
        t = (grid[iy, ix] * (1 - fx) * (1 - fy) + grid[iy, ix + 1] * fx * (1 - fy)
             + grid[iy + 1, ix] * (1 - fx) * fy + grid[iy + 1, ix + 1] * fx * fy)
    t = t[..., None]
    return c0 * (1 - t) + c1 * t


def _shape_sdf(scene: Dict, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Signed distance (normalised units, < 0 inside) to the scene's shape."""
    cx, cy = scene["centre"]
    r = scene["radius"]
    th = scene["rotation"]
    px, py = x - cx, y - cy
    u = px * math.cos(th) + py * math.sin(th)
    v = -px * math.sin(th) + py * math.cos(th)
    name = CLASSES[scene["label"]]
    if name == "circle":
        return np.hypot(u, v) - r
    if name == "ring":
        t = r * scene["ring_thickness"]
        return np.abs(np.hypot(u, v) - (r - t / 2)) - t / 2
    if name == "square":
        a = r * 0.82
        return np.maximum(np.abs(u), np.abs(v)) - a
    if name == "triangle":  # equilateral, circumradius r, inradius r/2
        d = None
        for k in range(3):
            ang = math.pi / 2 + k * 2 * math.pi / 3
            e = u * math.cos(ang) + v * math.sin(ang) - r / 2
            d = e if d is None else np.maximum(d, e)
        return d
    if name == "cross":
        w = r * scene["arm_width"]
        h = np.maximum(np.abs(u) - r, np.abs(v) - w)
        g = np.maximum(np.abs(u) - w, np.abs(v) - r)
        return np.minimum(h, g)
    raise ValueError(name)


def render(scene: Dict, size: int = 128, with_mask: bool = False):
    """Renders a scene to uint8 [size, size, 3] (and the float fg mask if asked)."""
    x, y = _coords(size)
    img = _background(scene, x, y)
    d = _shape_sdf(scene, x, y)
    alpha = np.clip(0.5 - d * size, 0.0, 1.0)[..., None]
    cx, cy = scene["centre"]
    shade = 1.0 + scene["shading"] * ((x - cx) + (y - cy)) / max(scene["radius"], 1e-6)
    fg = np.clip(scene["fg_colour"] * shade[..., None], 0.0, 1.0)
    img = img * (1 - alpha) + fg * alpha
    nrng = np.random.default_rng(scene["noise_seed"])
    img = img + nrng.normal(0.0, scene["noise_sigma"], size=img.shape)
    out = (np.clip(img, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)
    if with_mask:
        return out, alpha[..., 0]
    return out


def make_dataset(n: int, seed: int, size: int = 128, with_masks: bool = False):
    """n balanced images (labels cycle through the classes, then shuffled)."""
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % len(CLASSES)
    rng.shuffle(labels)
    images = np.empty((n, size, size, 3), dtype=np.uint8)
    masks = np.empty((n, size, size), dtype=np.float32) if with_masks else None
    for i in range(n):
        scene = sample_scene(rng, int(labels[i]))
        if with_masks:
            images[i], masks[i] = render(scene, size, with_mask=True)
        else:
            images[i] = render(scene, size)
    labels = labels.astype(np.int64)
    return (images, labels, masks) if with_masks else (images, labels)


def write_png(path: str, img: np.ndarray) -> None:
    """Writes uint8 [H, W, 3] (RGB) or [H, W] (grey) as PNG without PIL."""
    img = np.ascontiguousarray(img, dtype=np.uint8)
    h, w = img.shape[:2]
    colour_type = 2 if img.ndim == 3 else 0
    raw = b"".join(b"\x00" + img[r].tobytes() for r in range(h))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, colour_type, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))

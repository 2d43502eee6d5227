"""Synthetic speckled SAR scenes for sar-crossearth-tiny.

Every scene is rendered at 256 x 256 "native" pixels (amplitude, linear) with
a label map of five classes:

    0 water, 1 urban, 2 vegetation, 3 bare-soil, 4 ship

and then reduced to the 128 x 128 the model sees by 2 x 2 area averaging of
the amplitude, which is what MoEScope does when it opens a 256 x 256 sample
(smooth, area-averaged shrinking), then quantised to 8 bits like a PNG.

How a scene is made (all random choices from one numpy Generator, so a seed
fixes the scene):

* Layout. A smooth Gaussian random field plus a random linear ramp is
  thresholded into sea and land (a coastline; the sea share varies from none
  to about two thirds of the image, and a quarter of the scenes have no sea).
  The land is cut into parcels by a Voronoi partition whose seeds are jittered
  by a smooth displacement field (irregular boundaries); each parcel is urban,
  vegetation or bare soil. Urban parcels cluster (a parcel next to a town seed
  is more likely urban). Small ships (8-20 x 3-6 native pixels, any heading)
  are placed on open sea.
* Backscatter (mean intensity) per class, varied per parcel and per scene:
  water dark (scaled up by a per-scene "wind" factor, with slow streaks),
  bare soil medium-low and smooth, vegetation medium with a correlated
  log-normal texture, urban bright with an oriented street grid (facade
  lines in one dominant direction, weaker cross streets: low directional
  entropy) and strong point scatterers, ships very bright with faint range /
  azimuth sidelobes.
* Speckle: fully developed, multiplicative, intensity I = sigma0 * texture *
  Gamma(L, 1/L) with a per-scene number of looks L in {1, 2, 3, 4}; texture
  lowers the effective ENL of vegetation and urban areas (class-dependent ENL),
  water and bare soil keep ENL = L.
* Sensor settings per scene: L, an overall gain (x0.65-1.5 in amplitude) and
  an incidence-angle-like ramp across range (far range darker by up to ~45 %
  in intensity, range running along x, left or right), so that the image-level
  physics descriptors (directional entropy, ENL, roughness) vary from scene to
  scene.

Amplitude A = sqrt(I) * gain, clipped to [0, 1] (ships and urban point
targets saturate, as in a display-scaled product).
"""

import math
from typing import Dict, Tuple

import numpy as np

CLASSES = ["water", "urban", "vegetation", "bare-soil", "ship"]
WATER, URBAN, VEGETATION, BARE, SHIP = range(5)
NATIVE = 256
SIZE = 128


_KERNELS: Dict[Tuple[int, float], np.ndarray] = {}
_UPSAMPLE: Dict[Tuple[int, int], tuple] = {}


def _upsample_weights(m: int, n: int):
    """Indices and weights that interpolate a periodic m-sample signal
    linearly onto n samples (pixel centres aligned)."""
    key = (m, n)
    if key not in _UPSAMPLE:
        pos = (np.arange(n) + 0.5) * m / n - 0.5
        lo = np.floor(pos).astype(np.int64)
        t = (pos - lo).astype(np.float32)
        _UPSAMPLE[key] = (lo % m, (lo + 1) % m, t)
    return _UPSAMPLE[key]


def _upsample(g: np.ndarray, n: int) -> np.ndarray:
    lo, hi, t = _upsample_weights(g.shape[0], n)
    g = g[lo] * (1 - t)[:, None] + g[hi] * t[:, None]             # rows
    return g[:, lo] * (1 - t)[None, :] + g[:, hi] * t[None, :]    # columns


def gaussian_field(rng: np.random.Generator, n: int, sigma: float) -> np.ndarray:
    """Zero-mean, unit-variance Gaussian random field [n, n] (float32),
    correlation length ~sigma pixels: white noise filtered by a Gaussian in
    Fourier space (periodic). Smooth fields (sigma >= 4) are made at 1/2 or
    1/4 resolution and interpolated linearly, which changes nothing visible
    and is 4-16x cheaper."""
    f = 1
    while f < 4 and sigma / (2 * f) >= 2.0:
        f *= 2
    m = n // f
    s = round(sigma / f, 2)
    key = (m, s)
    if key not in _KERNELS:
        fy = np.fft.fftfreq(m)[:, None]
        fx = np.fft.rfftfreq(m)[None, :]
        _KERNELS[key] = np.exp(-2.0 * (math.pi * s) ** 2 * (fx * fx + fy * fy)).astype(np.float32)
    white = rng.standard_normal((m, m), dtype=np.float32)
    g = np.fft.irfft2(np.fft.rfft2(white) * _KERNELS[key], s=(m, m)).astype(np.float32)
    if f > 1:
        g = _upsample(g, n)
    g -= g.mean()
    return g / max(float(g.std()), 1e-9)


def _rot(x, y, theta):
    c, s = math.cos(theta), math.sin(theta)
    return x * c + y * s, -x * s + y * c


def sample_layout(rng: np.random.Generator, n: int = NATIVE) -> Tuple[np.ndarray, list]:
    """Label map [n, n] (uint8) and the ships [(cy, cx, length, width, heading)]."""
    yy, xx = np.mgrid[0:n, 0:n].astype(np.float64)
    labels = np.empty((n, n), dtype=np.uint8)

    # Sea / land.
    if rng.random() < 0.25:
        sea = np.zeros((n, n), dtype=bool)
    else:
        f = gaussian_field(rng, n, rng.uniform(28, 60)) + 0.35 * gaussian_field(rng, n, rng.uniform(5, 10))
        a = rng.uniform(0, 2 * math.pi)
        ramp = ((xx - n / 2) * math.cos(a) + (yy - n / 2) * math.sin(a)) / n
        f = f + rng.uniform(1.0, 4.0) * ramp
        share = rng.uniform(0.08, 0.65)
        sea = f < np.quantile(f, share)

    # Land parcels: warped Voronoi.
    k = int(rng.integers(6, 28))
    seeds = rng.uniform(0, n, size=(k, 2))
    warp = rng.uniform(4, 14)
    wy = yy + warp * gaussian_field(rng, n, 12)
    wx = xx + warp * gaussian_field(rng, n, 12)
    wy, wx = wy.astype(np.float32), wx.astype(np.float32)
    sd = seeds.astype(np.float32)
    best = np.full((n, n), np.inf, dtype=np.float32)
    cell = np.zeros((n, n), dtype=np.int64)
    for i in range(k):
        d = (wy - sd[i, 0]) ** 2 + (wx - sd[i, 1]) ** 2
        closer = d < best
        best[closer] = d[closer]
        cell[closer] = i
    # Towns: one or two town centres make nearby parcels likely urban.
    p_urban = rng.uniform(0.1, 0.45)
    towns = rng.uniform(0, n, size=(int(rng.integers(1, 3)), 2))
    cls = np.empty(k, dtype=np.uint8)
    for i in range(k):
        dist = np.min(np.hypot(towns[:, 0] - seeds[i, 0], towns[:, 1] - seeds[i, 1])) / n
        pu = p_urban * (1.6 if dist < 0.3 else 0.5)
        r = rng.random()
        if r < pu:
            cls[i] = URBAN
        elif r < pu + (1 - pu) * rng.uniform(0.4, 0.65):
            cls[i] = VEGETATION
        else:
            cls[i] = BARE
    labels[:] = cls[cell]
    labels[sea] = WATER

    # Ships on open sea (their footprint and a 4-pixel margin entirely water).
    ships = []
    if sea.mean() > 0.05:
        wanted = int(rng.integers(1, 8)) if rng.random() < 0.85 else 0
        tries = 0
        while len(ships) < wanted and tries < 60:
            tries += 1
            cy, cx = rng.uniform(14, n - 14, size=2)
            length, width = rng.uniform(8, 20), rng.uniform(3, 6)
            heading = rng.uniform(0, math.pi)
            y0, x0 = int(cy) - 14, int(cx) - 14
            wy, wx = yy[y0:y0 + 29, x0:x0 + 29], xx[y0:y0 + 29, x0:x0 + 29]
            u, v = _rot(wx - cx, wy - cy, heading)
            foot = (np.abs(u) <= length / 2 + 4) & (np.abs(v) <= width / 2 + 4)
            window = labels[y0:y0 + 29, x0:x0 + 29]
            if not np.all(window[foot] == WATER):
                continue
            hull = (u / (length / 2)) ** 2 + (v / (width / 2)) ** 4 <= 1.0   # pointed ends
            if hull.sum() < 6:
                continue
            window[hull] = SHIP
            ships.append((cy, cx, length, width, heading))
    return labels, ships


def render(rng: np.random.Generator, labels: np.ndarray, ships: list) -> Tuple[np.ndarray, Dict[str, float]]:
    """Amplitude [n, n] float64 in [0, 1] for a label map, and the sensor settings."""
    n = labels.shape[0]
    yy, xx = np.mgrid[0:n, 0:n].astype(np.float32)
    looks = int(rng.integers(1, 5))
    gain = float(np.exp(rng.uniform(math.log(0.65), math.log(1.5))))
    tilt = rng.uniform(0.0, 0.6)                       # intensity drop across range
    ramp = np.arange(n, dtype=np.float32) / (n - 1)
    if rng.random() >= 0.5:
        ramp = ramp[::-1]
    incidence = np.exp(-tilt * ramp)[None, :]
    wind = float(np.exp(rng.uniform(math.log(0.6), math.log(3.0))))

    # Mean intensity sigma0 and texture per class (intensity units; amplitude ~ sqrt).
    sigma0 = np.zeros((n, n), dtype=np.float32)
    texture = np.ones((n, n), dtype=np.float32)

    water = labels == WATER
    streaks = gaussian_field(rng, n, rng.uniform(10, 30))
    sigma0[water] = 0.0040 * wind * np.exp(0.25 * streaks[water])

    # Per-parcel brightness variation (via a piecewise-smooth field).
    parcel_var = np.exp(0.25 * gaussian_field(rng, n, rng.uniform(15, 30)))

    bare = labels == BARE
    sigma0[bare] = 0.030 * (parcel_var * np.exp(0.12 * gaussian_field(rng, n, 20)))[bare]

    veg = labels == VEGETATION
    tex_sigma = rng.uniform(0.45, 0.75)
    g = gaussian_field(rng, n, rng.uniform(1.2, 2.5))
    sigma0[veg] = 0.075 * parcel_var[veg]
    texture[veg] = np.exp(tex_sigma * g[veg] - tex_sigma ** 2 / 2)

    urban = labels == URBAN
    if urban.any():
        # Oriented city blocks (one dominant orientation per scene): every block
        # has its own brightness, a bright facade line (double bounce) on its
        # near-range edge and a weaker one across; dark streets between blocks;
        # strong point scatterers. Low directional entropy.
        theta = rng.uniform(0, math.pi)
        pu, pv = rng.uniform(7, 12), rng.uniform(9, 22)
        u, v = _rot(xx[urban], yy[urban], theta)
        u, v = u + rng.uniform(0, pu), v + rng.uniform(0, pv)
        bu, bv = np.floor(u / pu), np.floor(v / pv)
        fu, fv = u / pu - bu, v / pv - bv
        block_id = (bu.astype(np.int64) * 7919 + bv.astype(np.int64) * 104729) % 4096
        block_gain = np.exp(0.6 * rng.standard_normal(4096))[block_id]
        facade = np.where(fu < 0.2, rng.uniform(3.0, 6.0), 0.0) + np.where(fv < 0.08, 1.2, 0.0)
        street = np.where(fu > 0.85, 0.15, 1.0)
        base = (0.5 + facade) * street * block_gain
        m = base.size
        points = np.where(rng.random(m) < 0.012, rng.uniform(6, 30, size=m), 1.0)
        sigma0[urban] = 0.09 * parcel_var[urban]
        texture[urban] = base * points

    ship = labels == SHIP
    if ship.any():
        sigma0[ship] = 0.9 * rng.uniform(0.6, 1.4)
        texture[ship] = rng.uniform(0.5, 2.5, size=int(ship.sum()))
        # Sidelobes: a faint cross along range (x) and azimuth (y) through each ship.
        for cy, cx, length, width, heading in ships:
            cyi, cxi = int(round(cy)), int(round(cx))
            arm = int(length * 0.9)
            for off in range(-arm, arm + 1):
                w = 0.08 * (1 - abs(off) / (arm + 1)) ** 2
                for (yy_, xx_) in ((cyi, cxi + off), (cyi + off, cxi)):
                    if 0 <= yy_ < n and 0 <= xx_ < n and labels[yy_, xx_] == WATER:
                        sigma0[yy_, xx_] += w

    speckle = rng.standard_gamma(looks, size=(n, n), dtype=np.float32) / looks
    intensity = sigma0 * texture * incidence * speckle
    amp = np.sqrt(intensity) * gain
    settings = {"looks": looks, "gain": gain, "tilt": tilt, "wind": wind}
    return np.clip(amp, 0.0, 1.0), settings


def reduce_labels(labels: np.ndarray) -> np.ndarray:
    """256 -> 128 label map: the majority of each 2 x 2 block (ties go to the
    higher class index, so a ship pixel pair survives)."""
    n = labels.shape[0] // 2
    blocks = labels.reshape(n, 2, n, 2).transpose(0, 2, 1, 3).reshape(n, n, 4).astype(np.int64)
    counts = np.zeros((n, n, len(CLASSES)), dtype=np.float32)
    for j in range(4):
        np.put_along_axis(counts, blocks[..., j:j + 1],
                          np.take_along_axis(counts, blocks[..., j:j + 1], 2) + 1.0, 2)
    counts += np.arange(len(CLASSES), dtype=np.float32) * 1e-3
    return counts.argmax(-1).astype(np.uint8)


def reduce_amplitude(amp: np.ndarray) -> np.ndarray:
    n = amp.shape[0] // 2
    return amp.reshape(n, 2, n, 2).mean(axis=(1, 3))


def to_u8(amp: np.ndarray) -> np.ndarray:
    return np.clip(np.round(amp * 255.0), 0, 255).astype(np.uint8)


def make_scene(rng: np.random.Generator):
    """(native amplitude [256, 256] uint8, native labels [256, 256],
    model amplitude [128, 128] uint8, model labels [128, 128], settings)."""
    labels, ships = sample_layout(rng)
    amp, settings = render(rng, labels, ships)
    return to_u8(amp), labels, to_u8(reduce_amplitude(amp)), reduce_labels(labels), settings


def make_dataset(n: int, seed: int):
    """images uint8 [n, 128, 128], labels uint8 [n, 128, 128], looks int [n]."""
    rng = np.random.default_rng(seed)
    images = np.empty((n, SIZE, SIZE), dtype=np.uint8)
    labels = np.empty((n, SIZE, SIZE), dtype=np.uint8)
    looks = np.empty(n, dtype=np.int64)
    for i in range(n):
        _, _, img, lab, s = make_scene(rng)
        images[i], labels[i], looks[i] = img, lab, s["looks"]
    return images, labels, looks

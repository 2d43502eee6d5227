"""Synthetic, radiometrically calibrated SAR scenes for sar-crossearth-tiny.

A scene is a map of sigma0 as LINEAR INTENSITY (what a calibrated product
holds: a SNAP sigma0 export, a Sentinel-1 GRD after calibration, |z|^2 of an
SLC), rendered directly at the product's native pixel spacing (about 10 m),
with a label map of five classes:

    0 water, 1 urban, 2 vegetation, 3 bare-soil, 4 ship

MoEScope reads products at their native pixel spacing in 128 x 128 tiles (no
resampling), so training scenes are 128 x 128 native pixels and the samples
are 512 x 512 (16 such tiles). The conversion to the model's input (intensity
-> dB -> [0, 1] over the model's dB range) is the plugin's and train.py's, not
this module's: `make_scene` returns intensities as a product would store them.

All random choices come from one numpy Generator, so a seed fixes a scene; a
size factor `scale` (pixel spacing of the "sensor", 0.7-1.4 x a 10 m grid)
stretches every feature size.

Layout
  23 % of the scenes are all land, 12 % open sea (a tile far off the coast);
  in the others a smooth Gaussian random field plus a ramp is thresholded
  into sea and land (a coastline, sea share 5-90 %). The land is cut into
  parcels by a Voronoi partition with warped boundaries (one parcel per
  ~(22-48 px)^2); each parcel is urban, vegetation or bare soil, urban
  parcels clustering around town centres; ships (6-28 x 2-6 px, any heading)
  on open sea (1-7 per 128 x 128 tile with sea, in 70 % of the scenes with sea).

Backscatter (sigma0, dB; VV-like levels, per parcel / per scene):
  * water: calm -25...-18 dB, wind-roughened -18...-12 dB, with wind streaks
    (an anisotropic field along the wind, +-0.3-2.5 dB), dark slicks in calm
    scenes, and K-distributed sea clutter (Gamma texture, shape 2-20) when
    rough;
  * bare soil: -18...-10 dB per parcel, smooth (+-0.8 dB slow variation);
  * vegetation: -14...-7 dB per parcel, correlated log-normal texture
    (1.5-3.5 dB);
  * urban: oriented blocks (one orientation per scene) with log-normal per-block
    brightness, bright double-bounce facade lines (+5-12 dB above the block) on
    one side of every block and weaker ones across, dark streets, and point
    scatterers of +5...+20 dB; parcel means about -6...+5 dB;
  * ships: +5...+20 dB per ship with bright superstructure pixels, and a
    range/azimuth sidelobe cross (peak sidelobe ratio -32...-13 dB, decaying
    as 1/(1 + d)^2 along the image row and column through the ship).

Sensor and product conditions, per scene (`sample_conditions`):
  * speckle: fully developed, multiplicative Gamma(L, 1/L) on intensity with
    L = 1 (a quarter of these scenes) or 2...8 looks; or (35 % of the scenes)
    an averaged / oversampled product: L = 1...3 and a separable [a, 1, a]
    smoothing of the intensity along range and azimuth (correlated speckle,
    non-integer ENL up to 8);
  * calibration offset: overall gain -3...+3 dB;
  * incidence-angle drop across range (x): 0...6 dB over the scene width,
    near range on the left or on the right;
  * thermal noise floor (60 % of scenes): NESZ -30...-20 dB added before the
    speckle;
  * product format / dynamic range: float sigma0 (50 %); 16-bit DN amplitude
    (25 %, DN = round(k sqrt(I)), k = 100-1000, read back as (DN / k)^2, so dark
    water quantises and may hit DN 0); clipped at a saturation level of
    -3...+12 dB (15 %); 8-bit dB quantisation over a random [-32...-24,
    0...+12] dB window (10 %).

The "shift" profile draws conditions at or outside the edges of training,
for a condition-shift test: single-look (ENL 1) or 10-16 looks, gain offsets
of 2.5-4.5 dB either way, incidence drops of 6-9 dB, and more often a high
noise floor (-24...-19 dB) and coarse 16-bit quantisation (k = 30-100).
"""

import math
from typing import Dict, Tuple

import numpy as np

CLASSES = ["water", "urban", "vegetation", "bare-soil", "ship"]
WATER, URBAN, VEGETATION, BARE, SHIP = range(5)
SIZE = 128                      # training tiles: 128 x 128 native pixels
FORMATS = ["float", "dn16", "clip", "db8"]


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
    1/4 resolution and interpolated linearly (4-16x cheaper)."""
    f = 1
    while f < 4 and sigma / (2 * f) >= 2.0 and n % (2 * f) == 0:
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


def streak_field(rng: np.random.Generator, n: int, along: float, across: float,
                 theta: float) -> np.ndarray:
    """Zero-mean, unit-variance anisotropic Gaussian field [n, n]: correlation
    length `along` pixels in direction theta, `across` pixels across it (wind
    streaks on the sea surface)."""
    fy = np.fft.fftfreq(n)[:, None]
    fx = np.fft.rfftfreq(n)[None, :]
    fu = fx * math.cos(theta) + fy * math.sin(theta)
    fv = -fx * math.sin(theta) + fy * math.cos(theta)
    k = np.exp(-2.0 * math.pi ** 2 * ((along * fu) ** 2 + (across * fv) ** 2)).astype(np.float32)
    white = rng.standard_normal((n, n), dtype=np.float32)
    g = np.fft.irfft2(np.fft.rfft2(white) * k, s=(n, n)).astype(np.float32)
    g -= g.mean()
    return g / max(float(g.std()), 1e-9)


def _rot(x, y, theta):
    c, s = math.cos(theta), math.sin(theta)
    return x * c + y * s, -x * s + y * c


def lin(db):
    return 10.0 ** (np.asarray(db, dtype=np.float64) / 10.0)


def sample_layout(rng: np.random.Generator, n: int = SIZE, scale: float = 1.0):
    """(label map [n, n] uint8, parcel id map [n, n] int64, number of parcels,
    ships [(cy, cx, length, width, heading)])."""
    yy, xx = np.mgrid[0:n, 0:n].astype(np.float32)
    labels = np.empty((n, n), dtype=np.uint8)

    # Sea / land: all land, open sea (a tile far off the coast), or a coastline.
    kind = rng.random()
    if kind < 0.23:
        sea = np.zeros((n, n), dtype=bool)
    elif kind < 0.35:
        sea = np.ones((n, n), dtype=bool)
    else:
        f = (gaussian_field(rng, n, rng.uniform(28, 60) * scale)
             + 0.35 * gaussian_field(rng, n, rng.uniform(5, 10) * scale))
        a = rng.uniform(0, 2 * math.pi)
        ramp = ((xx - n / 2) * math.cos(a) + (yy - n / 2) * math.sin(a)) / SIZE
        f = f + rng.uniform(1.0, 4.0) * ramp * (SIZE / n) ** 0.5
        share = rng.uniform(0.05, 0.9)
        sea = f < np.quantile(f, share)

    # Land parcels: warped Voronoi, about one parcel per (22-48 px)^2.
    d = rng.uniform(22, 48) * scale
    k = max(3, int(round(n * n / (d * d))))
    seeds = rng.uniform(0, n, size=(k, 2)).astype(np.float32)
    warp = rng.uniform(3, 10) * scale
    wy = yy + warp * gaussian_field(rng, n, 10 * scale)
    wx = xx + warp * gaussian_field(rng, n, 10 * scale)
    best = np.full((n, n), np.inf, dtype=np.float32)
    cell = np.zeros((n, n), dtype=np.int64)
    for i in range(k):
        dist = (wy - seeds[i, 0]) ** 2 + (wx - seeds[i, 1]) ** 2
        closer = dist < best
        best[closer] = dist[closer]
        cell[closer] = i
    # Towns: parcels near a town centre are likely urban.
    p_urban = rng.uniform(0.1, 0.45)
    n_towns = 1 + int(rng.poisson(0.6 * n * n / SIZE ** 2))
    towns = rng.uniform(0, n, size=(n_towns, 2))
    cls = np.empty(k, dtype=np.uint8)
    veg_share = rng.uniform(0.4, 0.65)
    for i in range(k):
        dist = np.min(np.hypot(towns[:, 0] - seeds[i, 0], towns[:, 1] - seeds[i, 1]))
        pu = p_urban * (1.6 if dist < 40 * scale else 0.5)
        r = rng.random()
        if r < pu:
            cls[i] = URBAN
        elif r < pu + (1 - pu) * veg_share:
            cls[i] = VEGETATION
        else:
            cls[i] = BARE
    labels[:] = cls[cell]
    labels[sea] = WATER

    # Ships on open sea (footprint plus a 4-pixel margin entirely water).
    ships = []
    sea_share = float(sea.mean())
    if sea_share > 0.05 and rng.random() < 0.7:
        # 1-7 ships per 128 x 128 tile; larger scenes: that per 2 tiles' worth of sea.
        wanted = int(rng.integers(1, 8)) * max(1, int(round(sea_share * n * n / (2 * SIZE ** 2))))
        tries = 0
        while len(ships) < wanted and tries < 40 * wanted:
            tries += 1
            length = rng.uniform(6, 28) * scale
            width = min(rng.uniform(2, 6) * scale, length / 2.5)
            heading = rng.uniform(0, math.pi)
            half = int(math.ceil(length / 2 + 5))
            cy, cx = rng.uniform(half, n - half - 1, size=2)
            y0, x0 = int(cy) - half, int(cx) - half
            wy_, wx_ = yy[y0:y0 + 2 * half + 1, x0:x0 + 2 * half + 1], xx[y0:y0 + 2 * half + 1, x0:x0 + 2 * half + 1]
            u, v = _rot(wx_ - cx, wy_ - cy, heading)
            foot = (np.abs(u) <= length / 2 + 4) & (np.abs(v) <= width / 2 + 4)
            window = labels[y0:y0 + 2 * half + 1, x0:x0 + 2 * half + 1]
            if not np.all(window[foot] == WATER):
                continue
            hull = (u / (length / 2)) ** 2 + (v / (width / 2)) ** 4 <= 1.0   # pointed ends
            if hull.sum() < 4:
                continue
            window[hull] = SHIP
            ships.append((cy, cx, length, width, heading))
    return labels, cell, k, ships


def _kernel_energy(a: float) -> float:
    """sum(w^2) of the normalised 3-tap kernel [a, 1, a] / (1 + 2a)."""
    return (1.0 + 2.0 * a * a) / (1.0 + 2.0 * a) ** 2


def sample_conditions(rng: np.random.Generator, profile: str = "train") -> dict:
    """Sensor and product settings of one scene (see the module notes)."""
    c: dict = {}
    if profile == "train":
        if rng.random() < 0.35:
            while True:                   # averaged product: correlated speckle, ENL <= 8
                L = int(rng.integers(1, 4))
                ax, ay = float(rng.uniform(0.0, 0.9)), float(rng.uniform(0.0, 0.9))
                enl = L / (_kernel_energy(ax) * _kernel_energy(ay))
                if enl <= 8.0:
                    break
        else:                             # single look (SLC-like) in a quarter of these
            L = 1 if rng.random() < 0.25 else int(rng.integers(2, 9))
            ax, ay, enl = 0.0, 0.0, float(L)
        gain_db = float(rng.uniform(-3.0, 3.0))
        tilt_db = float(rng.uniform(0.0, 6.0))
        nesz_db = float(rng.uniform(-30.0, -20.0)) if rng.random() < 0.6 else None
        fmt = FORMATS[int(rng.choice(4, p=[0.5, 0.25, 0.15, 0.10]))]
        dn_k = float(10.0 ** rng.uniform(2.0, 3.0))
    elif profile == "shift":
        if rng.random() < 0.5:
            L, ax, ay, enl = 1, 0.0, 0.0, 1.0
        else:
            L = int(rng.choice([10, 12, 16]))
            ax, ay, enl = 0.0, 0.0, float(L)
        gain_db = float(rng.choice([-1.0, 1.0]) * rng.uniform(2.5, 4.5))
        tilt_db = float(rng.uniform(6.0, 9.0))
        nesz_db = float(rng.uniform(-24.0, -19.0)) if rng.random() < 0.5 else None
        fmt = "dn16" if rng.random() < 0.5 else "float"
        dn_k = float(10.0 ** rng.uniform(math.log10(30.0), 2.0))
    else:
        raise ValueError("unknown profile " + profile)
    c.update(looks=L, ax=ax, ay=ay, enl=enl, gain_db=gain_db, tilt_db=tilt_db,
             tilt_left=bool(rng.random() < 0.5), nesz_db=nesz_db, format=fmt, dn_k=dn_k,
             clip_db=float(rng.uniform(-3.0, 12.0)),
             db8=(float(rng.uniform(-32.0, -24.0)), float(rng.uniform(0.0, 12.0))))
    return c


def _smooth3(img: np.ndarray, a: float, axis: int) -> np.ndarray:
    """[a, 1, a] / (1 + 2a) along an axis, edges replicated."""
    if a <= 0.0:
        return img
    p = np.pad(img, [(1, 1) if ax == axis else (0, 0) for ax in range(2)], mode="edge")
    if axis == 0:
        return (a * p[:-2] + p[1:-1] + a * p[2:]) / (1.0 + 2.0 * a)
    return (a * p[:, :-2] + p[:, 1:-1] + a * p[:, 2:]) / (1.0 + 2.0 * a)


def backscatter(rng: np.random.Generator, labels: np.ndarray, cell: np.ndarray, k: int,
                ships: list, scale: float = 1.0) -> Tuple[np.ndarray, dict]:
    """Mean sigma0 (linear intensity, textures included, no speckle) [n, n] float32."""
    n = labels.shape[0]
    yy, xx = np.mgrid[0:n, 0:n].astype(np.float32)
    s0db = np.zeros((n, n), dtype=np.float32)        # sigma0 in dB
    texture = np.ones((n, n), dtype=np.float32)      # multiplicative, mean ~1

    # Water.
    water = labels == WATER
    calm = bool(rng.random() < 0.5)
    wb = rng.uniform(-25.0, -18.0) if calm else rng.uniform(-18.0, -12.0)
    wind_dir = rng.uniform(0, math.pi)
    streaks = streak_field(rng, n, rng.uniform(12, 40) * scale, rng.uniform(2, 5) * scale, wind_dir)
    streak_db = rng.uniform(0.3, 1.0) if calm else rng.uniform(0.8, 2.5)
    slow = gaussian_field(rng, n, rng.uniform(30, 60) * scale)
    wdb = wb + streak_db * streaks + 1.0 * slow
    if calm and rng.random() < 0.6:                  # dark slicks
        sl = gaussian_field(rng, n, rng.uniform(6, 14) * scale)
        wdb = wdb - np.where(sl > rng.uniform(0.8, 1.6), rng.uniform(3.0, 6.0), 0.0)
    s0db[water] = wdb[water]
    if not calm:                                      # K-distributed sea clutter
        nu = rng.uniform(2.0, 20.0)
        texture[water] = rng.standard_gamma(nu, size=int(water.sum())).astype(np.float32) / nu

    # Per-parcel levels.
    parcel_bare = rng.uniform(-18.0, -10.0, size=k)
    parcel_veg = rng.uniform(-14.0, -7.0, size=k)
    parcel_urban = rng.uniform(-10.0, -1.0, size=k)

    bare = labels == BARE
    s0db[bare] = (parcel_bare[cell] + 0.8 * gaussian_field(rng, n, 20 * scale))[bare]

    veg = labels == VEGETATION
    tex_db = rng.uniform(1.5, 3.5)
    s = tex_db * math.log(10.0) / 10.0
    g = gaussian_field(rng, n, rng.uniform(1.0, 2.5) * scale)
    s0db[veg] = parcel_veg[cell][veg] + 0.5 * slow[veg]
    texture[veg] = np.exp(s * g[veg] - s * s / 2)

    urban = labels == URBAN
    if urban.any():
        theta = rng.uniform(0, math.pi)
        pu, pv = rng.uniform(5, 10) * scale, rng.uniform(7, 18) * scale
        u, v = _rot(xx[urban], yy[urban], theta)
        u, v = u + rng.uniform(0, pu), v + rng.uniform(0, pv)
        bu, bv = np.floor(u / pu), np.floor(v / pv)
        fu, fv = u / pu - bu, v / pv - bv
        block_id = (bu.astype(np.int64) * 7919 + bv.astype(np.int64) * 104729) % 4096
        block_db = rng.normal(0.0, 3.0, size=4096)[block_id]
        facade_db = rng.uniform(5.0, 12.0)
        rel = np.where(fu < 0.2, facade_db, np.where(fv < 0.08, facade_db - 5.0, 0.0))
        rel = np.where(fu > 0.85, -8.0, rel) + block_db
        m = rel.size
        s0db[urban] = parcel_urban[cell][urban] + rel
        pts = rng.random(m) < rng.uniform(0.005, 0.02)
        s0db[urban] = np.where(pts, rng.uniform(5.0, 20.0, size=m), s0db[urban])

    intensity = lin(s0db).astype(np.float32) * texture

    ship = labels == SHIP
    if ship.any():
        sid = np.zeros((n, n), dtype=np.float32)
        for cy, cx, length, width, heading in ships:
            peak = lin(rng.uniform(5.0, 20.0))
            r = max(length, width) / 2 + 1
            near = (np.abs(yy - cy) <= r) & (np.abs(xx - cx) <= r) & ship
            intensity[near] = peak * rng.uniform(0.3, 2.0, size=int(near.sum()))
            # Sidelobes: a cross along the image row (range) and column
            # (azimuth) through the ship, decaying as 1 / (1 + d)^2.
            pslr = lin(rng.uniform(-32.0, -13.0))
            cyi, cxi = int(round(cy)), int(round(cx))
            dx = np.maximum(np.abs(np.arange(n) - cx) - length / 4, 0.0)
            dy = np.maximum(np.abs(np.arange(n) - cy) - length / 4, 0.0)
            arm_x = peak * pslr / (1.0 + dx) ** 2
            arm_y = peak * pslr / (1.0 + dy) ** 2
            for off, w in ((-1, 0.3), (0, 1.0), (1, 0.3)):
                if 0 <= cyi + off < n:
                    sid[cyi + off, :] += w * arm_x
                if 0 <= cxi + off < n:
                    sid[:, cxi + off] += w * arm_y
        intensity = intensity + np.where(ship, 0.0, sid)
    return intensity.astype(np.float32), {"calm": calm, "water_db": float(wb)}


def observe(rng: np.random.Generator, sigma0: np.ndarray, c: dict) -> np.ndarray:
    """What a product holds for mean sigma0 [n, n] under conditions c: linear
    intensity [n, n] float32 (gain, incidence drop, noise floor, speckle,
    averaging, product format)."""
    n = sigma0.shape[0]
    ramp = np.arange(n, dtype=np.float32) / max(n - 1, 1) - 0.5
    if not c["tilt_left"]:
        ramp = ramp[::-1]
    inc = lin(-c["tilt_db"] * ramp).astype(np.float32)[None, :]
    mean = sigma0 * inc
    if c["nesz_db"] is not None:
        mean = mean + np.float32(lin(c["nesz_db"]))
    L = c["looks"]
    speckle = rng.standard_gamma(L, size=(n, n)).astype(np.float32) / L
    I = mean * speckle
    I = _smooth3(_smooth3(I, c["ax"], 1), c["ay"], 0)
    I = I * np.float32(lin(c["gain_db"]))
    fmt = c["format"]
    if fmt == "dn16":
        k = c["dn_k"]
        dn = np.clip(np.round(np.sqrt(I) * k), 0, 65535)
        I = (dn / k) ** 2
    elif fmt == "clip":
        I = np.minimum(I, lin(c["clip_db"]))
    elif fmt == "db8":
        lo, hi = c["db8"]
        d = np.clip(10.0 * np.log10(np.maximum(I, 1e-10)), lo, hi)
        q = np.round((d - lo) / (hi - lo) * 255.0)
        I = lin(lo + q / 255.0 * (hi - lo))
    return np.asarray(I, dtype=np.float32)


def make_scene(rng: np.random.Generator, n: int = SIZE, profile: str = "train",
               scale: float = None, conditions: dict = None):
    """(intensity [n, n] float32, labels [n, n] uint8, settings dict)."""
    if scale is None:
        scale = float(math.exp(rng.uniform(math.log(0.7), math.log(1.4))))
    labels, cell, k, ships = sample_layout(rng, n, scale)
    sigma0, info = backscatter(rng, labels, cell, k, ships, scale)
    c = sample_conditions(rng, profile)
    if conditions:
        c.update(conditions)
    intensity = observe(rng, sigma0, c)
    c.update(info, scale=scale, ships=len(ships))
    return intensity, labels, c


def make_dataset(n: int, seed: int, profile: str = "train", convert=None):
    """images [n, 128, 128] (float32 intensity, or convert(intensity) when
    given), labels uint8 [n, 128, 128], list of settings dicts."""
    rng = np.random.default_rng(seed)
    images = None
    labels = np.empty((n, SIZE, SIZE), dtype=np.uint8)
    settings = []
    for i in range(n):
        img, lab, c = make_scene(rng, SIZE, profile)
        if convert is not None:
            img = convert(img)
        if images is None:
            images = np.empty((n, SIZE, SIZE), dtype=img.dtype)
        images[i], labels[i] = img, lab
        settings.append(c)
    return images, labels, settings

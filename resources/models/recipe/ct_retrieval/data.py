"""Synthetic CT-like axial slices in Hounsfield units, for ct-hmar-tiny.

Eight classes, body region x finding:

    head_normal            head_hemorrhage          (hyperdense bleed, 62-90 HU, edema halo)
    chest_normal           chest_nodule             (soft-tissue nodule in a lung)
    abdomen_normal         abdomen_liver_lesion     (hypodense mass in the enhanced liver)
    pelvis_normal          pelvis_calcified_mass    (soft-tissue mass with a calcified core)

A scene is a dict of sampled parameters (sample_scene); render(scene, size)
draws it at any resolution on a size x size grid, so the same scene can be
written at 128 x 128 (training) or 256 x 256 (DICOM gallery). Anatomy is built
from anti-aliased ellipses and lobulated blobs in "body coordinates", with a
random global placement (shift +-0.12 of the half field of view, scale
0.82-1.04, rotation +-10 degrees), per-organ low-frequency texture, and
correlated Gaussian noise (sigma 6-18 HU at 128 x 128; at other sizes scaled
so that, after resizing to 128 x 128, the noise level is the same).

HU values (typical textbook ranges): air -1000, lung -880..-760, fat
-120..-80, water/CSF/bladder 0-15, brain 25-42, muscle 40-55, non-contrast
blood 40-50, portal-venous liver 95-125, spleen 105-130, enhanced aorta
150-220, cancellous bone 180-350, cortical bone 700-1400.

Lesions lie at random positions inside their organ (brain, either lung,
liver, pelvic soft tissue), so where a finding is varies from image to image
while the body region stays globally recognisable: the global expert can
tell the region, the position-invariant local expert has to find the lesion.

render returns float32 HU [size, size] and, with masks=True, also the lesion
mask (float32 in [0, 1], anti-aliased; all zero for normal classes).
"""

import math
from typing import Dict, List, Tuple

import numpy as np

REGIONS = ["head", "chest", "abdomen", "pelvis"]
FINDINGS = {"head": "hemorrhage", "chest": "nodule", "abdomen": "liver_lesion",
            "pelvis": "calcified_mass"}
CLASSES = []
for _r in REGIONS:
    CLASSES += [_r + "_normal", _r + "_" + FINDINGS[_r]]
# Display field of view (mm) over the full slice, for DICOM PixelSpacing.
FOV_MM = {"head": 240.0, "chest": 380.0, "abdomen": 380.0, "pelvis": 400.0}

AIR = -1000.0


# ---------------------------------------------------------------------------
# Scene sampling: all randomness lives here, render() is deterministic.
# ---------------------------------------------------------------------------

def _u(rng, a, b):
    return float(rng.uniform(a, b))


def _blob(rng, cx, cy, r, lobes=0.12, aspect=(0.75, 1.3)):
    """A lobulated ellipse: radius r, random aspect, angle and harmonics."""
    a = _u(rng, *aspect)
    harm = [(k, _u(rng, 0, lobes) / k ** 0.5, _u(rng, 0, 2 * math.pi)) for k in range(2, 6)]
    return {"cx": cx, "cy": cy, "ax": r * a ** 0.5, "ay": r / a ** 0.5,
            "ang": _u(rng, 0, math.pi), "harm": harm}


def _ellipse(cx, cy, ax, ay, ang=0.0):
    return {"cx": cx, "cy": cy, "ax": ax, "ay": ay, "ang": ang, "harm": []}


def _point_in(rng, shape, margin, tries=200):
    """A random point inside ellipse `shape` (no harmonics), at most
    (1 - margin) of the way to its border."""
    for _ in range(tries):
        u, v = rng.uniform(-1, 1, size=2)
        if u * u + v * v <= (1 - margin) ** 2:
            c, s = math.cos(shape["ang"]), math.sin(shape["ang"])
            x, y = u * shape["ax"], v * shape["ay"]
            return shape["cx"] + c * x - s * y, shape["cy"] + s * x + c * y
    return shape["cx"], shape["cy"]


def _inside(shape, x, y, margin=0.0):
    c, s = math.cos(shape["ang"]), math.sin(shape["ang"])
    dx, dy = x - shape["cx"], y - shape["cy"]
    u = (c * dx + s * dy) / shape["ax"]
    v = (-s * dx + c * dy) / shape["ay"]
    return u * u + v * v <= (1 - margin) ** 2


def sample_scene(rng: np.random.Generator, label: int = -1) -> Dict:
    """One random slice description. label -1 draws the class uniformly."""
    if label < 0:
        label = int(rng.integers(len(CLASSES)))
    region = REGIONS[label // 2]
    lesion = label % 2 == 1
    scene = {"label": label, "region": region, "lesion": lesion,
             "shift": (_u(rng, -0.12, 0.12), _u(rng, -0.12, 0.12)),
             "scale": _u(rng, 0.82, 1.04), "rot": _u(rng, -10, 10) * math.pi / 180,
             "noise": _u(rng, 6.0, 18.0), "noise_seed": int(rng.integers(2 ** 31)),
             "layers": [], "lesions": []}
    L = scene["layers"]   # (shape, HU, texture amplitude HU, texture cells)

    def add(shape, hu, tex=0.0, cells=6):
        L.append((shape, float(hu), float(tex), int(cells)))

    if region == "head":
        ax, ay = _u(rng, 0.66, 0.76), _u(rng, 0.80, 0.90)
        skull = _u(rng, 0.05, 0.08)
        add(_ellipse(0, 0, ax, ay), _u(rng, 20, 40), 5)                     # scalp
        add(_ellipse(0, 0, ax - 0.03, ay - 0.03), _u(rng, 900, 1400), 80)   # outer table
        add(_ellipse(0, 0, ax - 0.03 - skull * 0.35, ay - 0.03 - skull * 0.35),
            _u(rng, 350, 650), 60)                                          # diploe
        add(_ellipse(0, 0, ax - 0.03 - skull * 0.7, ay - 0.03 - skull * 0.7),
            _u(rng, 900, 1400), 80)                                         # inner table
        brain = _ellipse(0, 0, ax - 0.03 - skull, ay - 0.03 - skull)
        add(brain, _u(rng, 36, 42), 2)                                      # cortex (grey)
        add(_ellipse(0, 0, brain["ax"] - 0.07, brain["ay"] - 0.07), _u(rng, 26, 31), 2, 8)  # white
        add(_ellipse(0, 0, 0.006, brain["ay"] - 0.01), _u(rng, 50, 65))     # falx
        vx, vy, vr = _u(rng, 0.07, 0.12), _u(rng, -0.12, 0.05), _u(rng, 0.05, 0.11)
        for sgn in (-1, 1):                                                 # lateral ventricles
            add(_ellipse(sgn * vx, vy, vr * 0.55, vr * 2.2, sgn * _u(rng, 0.1, 0.4)), _u(rng, 2, 10))
        if rng.random() < 0.5:                                              # sylvian fissures
            for sgn in (-1, 1):
                add(_ellipse(sgn * brain["ax"] * 0.72, _u(rng, -0.1, 0.15), 0.015, 0.12,
                             sgn * _u(rng, 0.3, 0.7)), _u(rng, 5, 15))
        if lesion:
            inner = _ellipse(0, 0, brain["ax"] - 0.05, brain["ay"] - 0.05)
            cx, cy = _point_in(rng, inner, 0.15)
            r = _u(rng, 0.07, 0.15)
            if rng.random() < 0.7:                                          # perilesional edema
                scene["lesions"].append((_blob(rng, cx, cy, r * _u(rng, 1.35, 1.8), 0.2),
                                         _u(rng, 14, 22), False))
            scene["lesions"].append((_blob(rng, cx, cy, r, 0.18), _u(rng, 62, 90), True))

    elif region == "chest":
        ax, ay = _u(rng, 0.86, 0.95), _u(rng, 0.58, 0.70)
        fat = _u(rng, 0.04, 0.10)
        add(_ellipse(0, 0, ax, ay), _u(rng, -120, -80), 8)                  # subcutaneous fat
        add(_ellipse(0, 0.02, ax - fat, ay - fat), _u(rng, 40, 55), 5)      # chest wall muscle
        inner = _ellipse(0, 0.03, ax - fat - 0.07, ay - fat - 0.06)
        add(inner, _u(rng, -100, -60), 8)                                   # mediastinal fat
        lx, lax, lay = _u(rng, 0.38, 0.46), _u(rng, 0.24, 0.31), inner["ay"] * _u(rng, 0.80, 0.92)
        lungs = []
        for sgn in (-1, 1):
            lung = _ellipse(sgn * lx, _u(rng, 0.0, 0.06), lax, lay, sgn * _u(rng, -0.15, 0.15))
            lungs.append(lung)
            add(lung, _u(rng, -880, -780), 25, 5)
        heart = _ellipse(_u(rng, 0.05, 0.15), _u(rng, -0.12, 0.0), _u(rng, 0.17, 0.24),
                         _u(rng, 0.16, 0.22), _u(rng, -0.6, 0.2))
        add(heart, _u(rng, 35, 50), 3)
        aorta = _ellipse(_u(rng, 0.06, 0.12), _u(rng, 0.18, 0.26), 0.06, 0.06)
        add(aorta, _u(rng, 38, 50))
        vb = _ellipse(0, inner["ay"] * 0.8, 0.11, 0.10)                     # vertebral body
        add(vb, _u(rng, 700, 1000), 40)
        blockers = [heart, aorta, vb]   # drawn over the lungs: no nodule there
        add(_ellipse(0, vb["cy"], 0.09, 0.08), _u(rng, 180, 300), 30)
        add(_ellipse(0, vb["cy"] + 0.16, 0.025, 0.07), _u(rng, 500, 900))  # spinous process
        add(_ellipse(0, -inner["ay"] - 0.02, 0.07, 0.025), _u(rng, 400, 800))  # sternum
        for sgn in (-1, 1):                                                 # ribs
            for t in np.linspace(0.15, 2.9, int(rng.integers(5, 9))):
                a = t + _u(rng, -0.1, 0.1)
                rx = sgn * (ax - fat - 0.04) * math.sin(a)
                ry = -(ay - fat - 0.04) * math.cos(a)
                rib = _ellipse(rx, ry, 0.025, 0.045, a * sgn)
                blockers.append(rib)
                add(rib, _u(rng, 500, 900))
        for lung in lungs:                                                  # vessels
            for _ in range(int(rng.integers(8, 18))):
                vx, vy = _point_in(rng, lung, 0.15)
                add(_ellipse(vx, vy, _u(rng, 0.008, 0.018), _u(rng, 0.008, 0.025), _u(rng, 0, 3)),
                    _u(rng, -150, 30))
        if lesion:
            r = _u(rng, 0.05, 0.10)
            for _ in range(100):          # inside a lung, clear of heart, aorta, spine, ribs
                lung = lungs[int(rng.integers(2))]
                cx, cy = _point_in(rng, lung, 0.3)
                if not any(_inside(b, cx, cy, -(r + 0.02) / min(b["ax"], b["ay"])) for b in blockers):
                    break
            scene["lesions"].append((_blob(rng, cx, cy, r, 0.25), _u(rng, 10, 60), True))

    elif region == "abdomen":
        ax, ay = _u(rng, 0.84, 0.95), _u(rng, 0.62, 0.74)
        fat = _u(rng, 0.04, 0.11)
        add(_ellipse(0, 0, ax, ay), _u(rng, -120, -80), 8)
        add(_ellipse(0, 0.02, ax - fat, ay - fat), _u(rng, 40, 55), 5)
        inner = _ellipse(0, 0.03, ax - fat - 0.05, ay - fat - 0.05)
        add(inner, _u(rng, -110, -70), 8)                                   # visceral fat
        lcx, lcy = _u(rng, -0.40, -0.28), _u(rng, -0.08, 0.05)
        liver = _ellipse(lcx, lcy, min(_u(rng, 0.34, 0.44), inner["ax"] + lcx - 0.04),
                         min(_u(rng, 0.36, 0.48), inner["ay"] - abs(lcy) - 0.06), _u(rng, -0.2, 0.2))
        add(liver, _u(rng, 95, 125), 6, 6)
        for _ in range(int(rng.integers(4, 9))):                            # hepatic vessels
            vx, vy = _point_in(rng, liver, 0.25)
            add(_ellipse(vx, vy, _u(rng, 0.01, 0.025), _u(rng, 0.01, 0.04), _u(rng, 0, 3)),
                _u(rng, 140, 185))
        add(_ellipse(_u(rng, 0.48, 0.60), _u(rng, 0.05, 0.25), _u(rng, 0.10, 0.16),
                     _u(rng, 0.18, 0.26), _u(rng, -0.6, 0.0)), _u(rng, 105, 130), 5)  # spleen
        st = _ellipse(_u(rng, 0.15, 0.35), _u(rng, -0.35, -0.15), _u(rng, 0.12, 0.2),
                      _u(rng, 0.08, 0.14), _u(rng, -0.4, 0.4))
        add(st, _u(rng, 30, 45))                                            # stomach wall
        add(_ellipse(st["cx"], st["cy"], st["ax"] - 0.02, st["ay"] - 0.02, st["ang"]),
            _u(rng, 0, 20))                                                 # stomach fluid
        add(_ellipse(st["cx"], st["cy"] - st["ay"] * 0.5, st["ax"] * 0.75, st["ay"] * 0.45,
                     st["ang"]), AIR)                                       # gas cap
        for sgn in (-1, 1):                                                 # kidneys (upper pole)
            if rng.random() < 0.6:
                add(_ellipse(sgn * _u(rng, 0.30, 0.38), _u(rng, 0.30, 0.40), 0.08, 0.11,
                             sgn * 0.4), _u(rng, 150, 200), 5)
        add(_ellipse(_u(rng, 0.03, 0.09), _u(rng, 0.25, 0.32), 0.055, 0.055), _u(rng, 150, 220))  # aorta
        add(_ellipse(_u(rng, -0.16, -0.10), _u(rng, 0.22, 0.30), 0.06, 0.045), _u(rng, 120, 150))  # IVC
        vb = _ellipse(0, inner["ay"] * 0.78, 0.12, 0.11)
        add(vb, _u(rng, 700, 1000), 40)
        add(_ellipse(0, vb["cy"], 0.10, 0.09), _u(rng, 180, 300), 30)
        add(_ellipse(0, vb["cy"] + 0.17, 0.025, 0.07), _u(rng, 500, 900))
        for _ in range(int(rng.integers(2, 6))):                            # bowel loops
            bx, by = _u(rng, -0.05, 0.5), _u(rng, -0.55, 0.0)
            if _inside(inner, bx, by, 0.1) and not _inside(liver, bx, by):
                r = _u(rng, 0.04, 0.08)
                add(_ellipse(bx, by, r, r * _u(rng, 0.7, 1.3)), _u(rng, 30, 45))
                add(_ellipse(bx, by, r * 0.65, r * 0.6), AIR if rng.random() < 0.5 else _u(rng, 0, 20))
        if lesion:
            cx, cy = _point_in(rng, liver, 0.3)
            scene["lesions"].append((_blob(rng, cx, cy, _u(rng, 0.05, 0.13), 0.15), _u(rng, 10, 50), True))

    else:  # pelvis
        ax, ay = _u(rng, 0.88, 0.96), _u(rng, 0.56, 0.68)
        fat = _u(rng, 0.05, 0.12)
        add(_ellipse(0, 0, ax, ay), _u(rng, -120, -80), 8)
        add(_ellipse(0, 0.03, ax - fat, ay - fat), _u(rng, 40, 55), 5)      # muscle (gluteal etc.)
        inner = _ellipse(0, -0.02, (ax - fat) * 0.55, (ay - fat) * 0.75)
        add(inner, _u(rng, -110, -70), 8)                                   # pelvic fat
        fx, fy, fr = _u(rng, 0.50, 0.60), _u(rng, 0.0, 0.12), _u(rng, 0.11, 0.15)
        for sgn in (-1, 1):                                                 # femoral heads / acetabula
            add(_ellipse(sgn * fx, fy, fr, fr), _u(rng, 700, 1100), 40)
            add(_ellipse(sgn * fx, fy, fr - 0.025, fr - 0.025), _u(rng, 180, 320), 30)
        sac = _ellipse(0, (ay - fat) * 0.75, _u(rng, 0.16, 0.22), 0.07, 0.0)  # sacrum / coccyx
        add(sac, _u(rng, 500, 900), 40)
        add(_ellipse(0, sac["cy"], sac["ax"] - 0.03, 0.045), _u(rng, 180, 300), 20)
        bl = _ellipse(_u(rng, -0.05, 0.05), _u(rng, -0.28, -0.12), _u(rng, 0.14, 0.26),
                      _u(rng, 0.10, 0.2), _u(rng, -0.2, 0.2))
        add(bl, _u(rng, 35, 45))                                            # bladder wall
        add(_ellipse(bl["cx"], bl["cy"], bl["ax"] - 0.018, bl["ay"] - 0.018, bl["ang"]), _u(rng, 0, 15))
        rx, ry = _u(rng, -0.05, 0.05), _u(rng, 0.18, 0.28)
        add(_ellipse(rx, ry, 0.07, 0.065), _u(rng, 35, 50))                 # rectum
        add(_ellipse(rx, ry, 0.04, 0.035), AIR if rng.random() < 0.6 else _u(rng, 10, 30))
        for sgn in (-1, 1):                                                 # iliac vessels
            add(_ellipse(sgn * _u(rng, 0.28, 0.36), _u(rng, -0.2, -0.05), 0.03, 0.03), _u(rng, 40, 60))
        if lesion:
            for _ in range(50):
                cx, cy = _point_in(rng, inner, 0.2)
                if not _inside(bl, cx, cy, -0.3):
                    break
            r = _u(rng, 0.07, 0.13)
            scene["lesions"].append((_blob(rng, cx, cy, r, 0.15), _u(rng, 35, 55), True))
            scene["lesions"].append((_blob(rng, cx + _u(rng, -0.3, 0.3) * r, cy + _u(rng, -0.3, 0.3) * r,
                                           r * _u(rng, 0.3, 0.55), 0.3), _u(rng, 250, 700), True))
    return scene


# ---------------------------------------------------------------------------
# Rendering.
# ---------------------------------------------------------------------------

def _coords(scene: Dict, size: int) -> Tuple[np.ndarray, np.ndarray, float]:
    """Body coordinates of every pixel centre, and one pixel's size in them."""
    t = (np.arange(size, dtype=np.float64) + 0.5) / size * 2 - 1
    yy, xx = np.meshgrid(t, t, indexing="ij")
    sx, sy = scene["shift"]
    xx, yy = (xx - sx) / scene["scale"], (yy - sy) / scene["scale"]
    c, s = math.cos(scene["rot"]), math.sin(scene["rot"])
    return c * xx + s * yy, -s * xx + c * yy, 2.0 / size / scene["scale"]


def _mask(shape: Dict, x: np.ndarray, y: np.ndarray, px: float) -> np.ndarray:
    """Anti-aliased (one pixel ramp) coverage of an ellipse or lobulated blob."""
    c, s = math.cos(shape["ang"]), math.sin(shape["ang"])
    dx, dy = x - shape["cx"], y - shape["cy"]
    u = (c * dx + s * dy) / shape["ax"]
    v = (-s * dx + c * dy) / shape["ay"]
    r = np.sqrt(u * u + v * v)
    if shape["harm"]:
        th = np.arctan2(v, u)
        edge = np.ones_like(r)
        for k, a, ph in shape["harm"]:
            edge += a * np.cos(k * th + ph)
        r = r / np.maximum(edge, 0.3)
    # Signed distance to the border ~ (r - 1) / |grad r| (exact on the border
    # of a plain ellipse); the coverage ramps over one pixel.
    grad = np.sqrt((u / shape["ax"]) ** 2 + (v / shape["ay"]) ** 2) / np.maximum(r, 1e-9)
    dist = (1.0 - r) / np.maximum(grad, 1e-9)
    return np.clip(dist / px + 0.5, 0.0, 1.0)


def _smooth_field(rng: np.random.Generator, size: int, cells: int) -> np.ndarray:
    """Zero-mean, unit-ish low-frequency field: bilinear upsampling of a
    (cells+1)^2 Gaussian grid."""
    g = rng.standard_normal((cells + 1, cells + 1))
    t = np.linspace(0, cells, size)
    i0 = np.minimum(t.astype(int), cells - 1)
    f = t - i0
    rows = g[i0] * (1 - f)[:, None] + g[i0 + 1] * f[:, None]
    return rows[:, i0] * (1 - f)[None, :] + rows[:, i0 + 1] * f[None, :]


def _blur(a: np.ndarray, sigma: float) -> np.ndarray:
    """Separable Gaussian blur (reflect padding)."""
    if sigma <= 0:
        return a
    r = max(1, int(math.ceil(3 * sigma)))
    k = np.exp(-0.5 * (np.arange(-r, r + 1) / sigma) ** 2)
    k /= k.sum()
    p = np.pad(a, r, mode="reflect")
    p = sum(k[i] * p[i:i + a.shape[0], :] for i in range(2 * r + 1))
    return sum(k[i] * p[:, i:i + a.shape[1]] for i in range(2 * r + 1))


def render(scene: Dict, size: int = 128, masks: bool = False):
    """float32 HU [size, size] (and the lesion mask [size, size] if masks)."""
    x, y, px = _coords(scene, size)
    rng = np.random.default_rng(scene["noise_seed"])
    img = np.full((size, size), AIR, dtype=np.float64)
    for shape, hu, tex, cells in scene["layers"]:
        m = _mask(shape, x, y, px)
        val = hu
        if tex > 0:
            val = hu + tex * _smooth_field(rng, size, cells)
        img = img * (1 - m) + val * m
    lesion = np.zeros((size, size), dtype=np.float64)
    for shape, hu, counts in scene["lesions"]:
        m = _mask(shape, x, y, px)
        img = img * (1 - m) + (hu + 4.0 * _smooth_field(rng, size, 4)) * m
        if counts:
            lesion = np.maximum(lesion, m)
    # Slight partial-volume blur, then correlated noise whose level after
    # resizing to 128 x 128 does not depend on size.
    img = _blur(img, 0.5 * size / 128)
    noise = _blur(rng.standard_normal((size, size)), 0.6 * size / 128)
    noise *= scene["noise"] / max(noise.std(), 1e-6) * (size / 128)
    img = np.clip(img + noise, -1024.0, 3071.0).astype(np.float32)
    if masks:
        return img, lesion.astype(np.float32)
    return img


def make_dataset(n: int, seed: int, size: int = 128, masks: bool = False):
    """n slices, classes balanced (n / 8 each, shuffled): HU float32
    [n, size, size], labels int64 [n] (and lesion masks [n, size, size])."""
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % len(CLASSES)
    rng.shuffle(labels)
    imgs = np.empty((n, size, size), dtype=np.float32)
    lm = np.empty((n, size, size), dtype=np.float32) if masks else None
    for i in range(n):
        scene = sample_scene(rng, int(labels[i]))
        if masks:
            imgs[i], lm[i] = render(scene, size, masks=True)
        else:
            imgs[i] = render(scene, size)
    if masks:
        return imgs, labels.astype(np.int64), lm
    return imgs, labels.astype(np.int64)

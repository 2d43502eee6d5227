"""Deterministic synthetic B-mode ultrasound generator for us-m2dino-tiny.

A scene is drawn from a seeded numpy Generator as resolution-independent
parameters (probe geometry, tissue, one organ-like structure, at most one
lesion, optional distractors, display settings) and only then rendered, so the
same scene renders at 128 x 128 for training and at 256 x 256 for the bundled
samples, and a cine is the same scene seen by a probe that rocks / slides.

Physics, in the order the renderer applies it (all in "beam space": one column
per scan line, one row per depth sample, so that everything that happens along
a scan line is a cumulative sum down a column):

1. Echogenicity (backscatter amplitude) and attenuation of every beam sample,
   from the objects evaluated at the sample's physical position.
2. Speckle: complex circular-Gaussian scatterers (their magnitude is Rayleigh
   distributed) times the echogenicity, blurred by a separable Gaussian point
   spread function (wider laterally than axially); the envelope is the
   magnitude. Speckle is therefore multiplicative and fully developed.
3. Attenuation along each scan line: amplitude x exp(-cumsum(alpha) dz).
   Solid lesions and bright reflectors attenuate far more than tissue, so the
   scan lines behind them are dark (acoustic shadowing); fluid (cysts,
   vessels) attenuates almost nothing, so the lines behind them are brighter
   (posterior acoustic enhancement). The walls of a cyst where they run along
   the beam add thin lateral edge shadows.
4. Time-gain compensation that undoes the tissue attenuation imperfectly (a
   random over/under-compensation slope plus a smooth random bump), an overall
   gain, and an electronic noise floor.
5. Log compression to a random 50-65 dB dynamic range, 8 bits.
6. Scan conversion to the pixel grid: sector probes (curvilinear and phased)
   give a fan with black outside it, linear probes a rectangle. The pixel grid
   covers the imaging region's bounding box only (what the model sees).

Ground truth per image: an organ mask, a lesion mask, a lesion class
(normal / cyst / solid) and a region label map (REGION_CLASSES) used to
describe where the token-level router sends which kind of region.

    d = make_dataset(n=1000, seed=2)   # dict of uint8/bool/int arrays, 128 x 128
    scene = sample_scene(rng); out = render(scene, 256, 256, oversample=2, rng=rng)
"""

import math
from typing import Dict, Optional, Tuple

import numpy as np

PROBES = ("linear", "curvilinear", "phased")
CLASSES = ("normal", "cyst", "solid")
REGION_CLASSES = ("outside", "tissue", "organ", "cyst", "solid", "vessel", "shadow", "enhancement")
R_OUTSIDE, R_TISSUE, R_ORGAN, R_CYST, R_SOLID, R_VESSEL, R_SHADOW, R_ENH = range(8)

# Beam-space sampling of the imaging region at oversample 1 (128 x 128 pixels).
BEAMS = 128
SAMPLES = 160
PAD = 8          # extra beams each side, so the PSF blur has no edge effect


# ---------------------------------------------------------------------------
# Scenes
# ---------------------------------------------------------------------------

def _u(rng, a, b):
    return float(rng.uniform(a, b))


def sample_scene(rng: np.random.Generator, label: Optional[int] = None,
                 probe: Optional[str] = None) -> Dict:
    """Draws one scene's parameters (sizes in cm)."""
    if probe is None:
        probe = PROBES[int(rng.choice(3, p=[0.4, 0.4, 0.2]))]
    if label is None:
        label = int(rng.choice(3, p=[0.3, 0.35, 0.35]))
    s: Dict = {"probe": probe, "label": int(label)}
    if probe == "linear":
        s.update(width=_u(rng, 3.5, 5.0), depth=_u(rng, 4.0, 6.5), radius=0.0, half_angle=0.0)
        s["psf"] = (_u(rng, 1.3, 1.9), _u(rng, 1.0, 1.4))
    elif probe == "curvilinear":
        s.update(radius=_u(rng, 2.5, 5.0), half_angle=math.radians(_u(rng, 28, 38)),
                 depth=_u(rng, 10.0, 16.0), width=0.0)
        s["psf"] = (_u(rng, 1.2, 1.7), _u(rng, 1.0, 1.4))
    else:  # phased array: a pointed fan
        s.update(radius=_u(rng, 0.1, 0.4), half_angle=math.radians(_u(rng, 36, 45)),
                 depth=_u(rng, 10.0, 16.0), width=0.0)
        s["psf"] = (_u(rng, 1.3, 1.8), _u(rng, 1.0, 1.4))
    x0, x1, z0, z1 = region_box(s)
    W, D = x1 - x0, z1 - z0
    s["box"] = (x0, x1, z0, z1)

    # Tissue: attenuation over the full depth (nepers, amplitude), texture, near-field layers.
    s["alpha_total"] = _u(rng, 4.5, 7.5)
    s["texture"] = [(_u(rng, -1, 1) * 6 / W, _u(rng, -1, 1) * 6 / D, _u(rng, 0, 2 * math.pi),
                     _u(rng, 0.05, 0.2)) for _ in range(4)]
    n_layers = int(rng.integers(1, 4))
    s["layers"] = [(_u(rng, 0.02, 0.14) * D, _u(rng, 0.008, 0.02) * D, _u(rng, 1.5, 3.0),
                    _u(rng, 0.0, 0.02) * D, _u(rng, 0.5, 2.0) * 2 * math.pi / W)
                   for _ in range(n_layers)]
    s["fat"] = (_u(rng, 0.03, 0.1) * D, _u(rng, 0.4, 0.8))  # hypoechoic subcutaneous band

    # Organ: an ellipse with a bright capsule; kidney-like (echogenic centre) or homogeneous.
    u_c, v_c = _u(rng, 0.3, 0.7), _u(rng, 0.35, 0.65)
    cx, cz = beam_to_xz(s, np.array(u_c), np.array(v_c))
    # sizes as fractions of the region's width (a) and depth (b), so that the
    # structures look alike in the 128 x 128 region crop whatever the probe
    ra = _u(rng, 0.2, 0.34)
    s["organ"] = {
        "cx": float(cx), "cz": float(cz), "a": ra * W, "b": ra * _u(rng, 0.55, 0.9) * D,
        "rot": _u(rng, -0.6, 0.6),
        "harm": [(k, _u(rng, 0, 0.04), _u(rng, 0, 2 * math.pi)) for k in (2, 3, 4)],
        "echo": _u(rng, 0.3, 0.6), "capsule": _u(rng, 2.0, 4.0), "cap_w": _u(rng, 0.03, 0.06),
        "alpha": _u(rng, 0.85, 1.05),
        "sinus": bool(rng.random() < 0.6), "sinus_scale": _u(rng, 0.35, 0.55),
        "sinus_echo": _u(rng, 1.4, 2.4),
        "sinus_harm": [(k, _u(rng, 0.05, 0.2), _u(rng, 0, 2 * math.pi)) for k in (2, 3, 5)],
    }

    # Lesion.
    if label > 0:
        inside = rng.random() < 0.4
        if inside:  # inside the organ (its centre within 60 % of the organ's radii)
            o = s["organ"]
            t = _u(rng, 0, 2 * math.pi)
            r = _u(rng, 0.0, 0.6)
            lx, lz = r * o["a"] * math.cos(t), r * o["b"] * math.sin(t)
            c, si = math.cos(o["rot"]), math.sin(o["rot"])
            lcx, lcz = o["cx"] + c * lx - si * lz, o["cz"] + si * lx + c * lz
        else:
            lcx, lcz = beam_to_xz(s, np.array(_u(rng, 0.15, 0.85)), np.array(_u(rng, 0.12, 0.7)))
        rl = _u(rng, 0.07, 0.14)
        les = {"cx": float(lcx), "cz": float(lcz), "a": rl * W, "rot": _u(rng, -1.0, 1.0)}
        if label == 1:  # cyst: round-oval, smooth, anechoic, thin wall, enhancement
            complicated = rng.random() < 0.2
            les.update(b=rl * _u(rng, 0.75, 1.0) * D,
                       harm=[(k, _u(rng, 0, 0.025), _u(rng, 0, 2 * math.pi)) for k in (2, 3)],
                       echo=_u(rng, 0.08, 0.16) if complicated else _u(rng, 0.015, 0.05),
                       alpha=_u(rng, 0.15, 0.45), wall=_u(rng, 1.2, 2.5),
                       edge_shadow=_u(rng, 0.0, 1.0), texture=0.0)
        else:  # solid: irregular / lobulated / spiculated, hypoechoic, heterogeneous, shadow
            weak = rng.random() < 0.2
            les.update(b=rl * _u(rng, 0.65, 1.0) * D,
                       harm=[(k, _u(rng, 0.02, 0.1), _u(rng, 0, 2 * math.pi)) for k in (3, 4, 5, 7)]
                       + [(int(rng.integers(11, 19)), _u(rng, 0.0, 0.06), _u(rng, 0, 2 * math.pi))],
                       echo=_u(rng, 0.15, 0.4),
                       alpha=_u(rng, 1.5, 2.2) if weak else _u(rng, 2.5, 5.0),
                       wall=0.0, edge_shadow=0.0, texture=_u(rng, 0.2, 0.5),
                       tex_k=[(_u(rng, -1, 1) * 20 / W, _u(rng, -1, 1) * 20 / W,
                               _u(rng, 0, 2 * math.pi)) for _ in range(3)])
        s["lesion"] = les
    else:
        s["lesion"] = None

    # Distractors: an anechoic vessel (elongated, not a lesion) and a bright
    # shadowing reflector (calcification / bone / gas line), in any class.
    if rng.random() < 0.3:
        vx, vz = beam_to_xz(s, np.array(_u(rng, 0.2, 0.8)), np.array(_u(rng, 0.1, 0.8)))
        va = _u(rng, 0.25, 0.45) * W
        s["vessel"] = {"cx": float(vx), "cz": float(vz), "a": va, "b": _u(rng, 0.045, 0.08) * W,
                       "rot": _u(rng, -0.35, 0.35), "echo": _u(rng, 0.015, 0.05),
                       "wall": _u(rng, 1.5, 3.0)}
    else:
        s["vessel"] = None
    if rng.random() < 0.25:
        ru, rv = _u(rng, 0.15, 0.85), _u(rng, 0.2, 0.7)
        rx, rz = beam_to_xz(s, np.array(ru), np.array(rv))
        lx0, _ = beam_to_xz(s, np.array(0.0), np.array(rv))   # lateral extent at that depth
        thick = _u(rng, 0.012, 0.02) * D
        s["reflector"] = {"cx": float(rx), "cz": float(rz),
                          "len": _u(rng, 0.06, 0.16) * 2 * abs(float(lx0)),
                          "thick": thick, "curv": -_u(rng, 0, 6) / W,
                          "rot": _u(rng, -0.4, 0.4), "echo": _u(rng, 12.0, 25.0),
                          # 4-8 nepers through its thickness (x tissue attenuation)
                          "alpha": _u(rng, 4.0, 8.0) / (s["alpha_total"] * 2 * thick / D)}
    else:
        s["reflector"] = None

    # Display chain.
    s["tgc_err"] = _u(rng, -0.12, 0.12)
    s["tgc_bump"] = (_u(rng, -0.35, 0.35), _u(rng, 0.2, 0.8), _u(rng, 0.1, 0.3))
    s["gain_db"] = _u(rng, -4.0, 4.0)
    s["dyn_range"] = _u(rng, 50.0, 65.0)
    s["gamma"] = _u(rng, 0.85, 1.2)
    s["noise_db"] = _u(rng, -42.0, -32.0)
    return s


# ---------------------------------------------------------------------------
# Geometry: beam coordinates (u across scan lines, v down the line, both in
# [0, 1] over the imaging region) <-> physical (x lateral, z depth, cm).
# ---------------------------------------------------------------------------

def beam_to_xz(s: Dict, u, v) -> Tuple[np.ndarray, np.ndarray]:
    if s["probe"] == "linear":
        return (u - 0.5) * s["width"], v * s["depth"]
    R = s["radius"]
    phi = (u - 0.5) * 2 * s["half_angle"]
    r = R + v * s["depth"]
    return r * np.sin(phi), r * np.cos(phi) - R


def xz_to_beam(s: Dict, x, z) -> Tuple[np.ndarray, np.ndarray]:
    if s["probe"] == "linear":
        return x / s["width"] + 0.5, z / s["depth"]
    R = s["radius"]
    r = np.sqrt(x * x + (z + R) ** 2)
    phi = np.arctan2(x, z + R)
    return phi / (2 * s["half_angle"]) + 0.5, (r - R) / s["depth"]


def region_box(s: Dict) -> Tuple[float, float, float, float]:
    """Bounding box (x0, x1, z0, z1) of the imaging region in cm."""
    if s["probe"] == "linear":
        return -s["width"] / 2, s["width"] / 2, 0.0, s["depth"]
    R, th, D = s["radius"], s["half_angle"], s["depth"]
    return -(R + D) * math.sin(th), (R + D) * math.sin(th), R * math.cos(th) - R, D


# ---------------------------------------------------------------------------
# Objects, evaluated at physical positions
# ---------------------------------------------------------------------------

def _ellipse_rho(o: Dict, x, z):
    """Normalised radius (1 on the boundary) of a rotated, harmonically
    perturbed ellipse, and the boundary normal's direction (nx, nz). Far from
    the ellipse (where nothing depends on them) rho is a large constant and
    the normal 0, which keeps this cheap."""
    c, si = math.cos(o["rot"]), math.sin(o["rot"])
    dx, dz = x - o["cx"], z - o["cz"]
    xr, zr = c * dx + si * dz, -si * dx + c * dz
    ex, ez = xr / o["a"], zr / o["b"]
    rho0 = np.sqrt(ex * ex + ez * ez)
    harm = o.get("harm", [])
    reach = 1.0 + sum(h[1] for h in harm) + 0.5
    near = rho0 < reach
    rho = np.full(x.shape, 9.0, dtype=x.dtype)
    nx = np.zeros(x.shape, dtype=x.dtype)
    nz = np.zeros(x.shape, dtype=x.dtype)
    if not near.any():
        return rho, nx, nz
    exn, ezn, r0 = ex[near], ez[near], rho0[near]
    r = np.ones_like(r0)
    if harm:
        psi = np.arctan2(ezn, exn)
        for k, amp, ph in harm:
            r = r + amp * np.cos(k * psi + ph)
    rho[near] = r0 / r
    # normal of the (unperturbed) ellipse, back in the image frame
    gx, gz = exn / o["a"], ezn / o["b"]
    n = np.sqrt(gx * gx + gz * gz) + 1e-9
    gx, gz = gx / n, gz / n
    nx[near] = c * gx - si * gz
    nz[near] = si * gx + c * gz
    return rho, nx, nz


def _labels(s: Dict, x, z) -> np.ndarray:
    """Region label (REGION_CLASSES, without shadow / enhancement) at (x, z)."""
    label = np.full(x.shape, R_TISSUE, dtype=np.uint8)
    label[_ellipse_rho(s["organ"], x, z)[0] < 1.0] = R_ORGAN
    if s["vessel"] is not None:
        label[_ellipse_rho(s["vessel"], x, z)[0] < 1.0] = R_VESSEL
    if s["lesion"] is not None:
        label[_ellipse_rho(s["lesion"], x, z)[0] < 1.0] = R_CYST if s["label"] == 1 else R_SOLID
    return label


def _properties(s: Dict, x, z):
    """Echogenicity, attenuation factor (x tissue) and region label at (x, z)."""
    # tissue
    t = np.zeros_like(x)
    for kx, kz, ph, amp in s["texture"]:
        t = t + amp * np.sin(kx * x + kz * z + ph)
    echo = np.exp(t)
    fat_d, fat_e = s["fat"]
    echo = np.where(z < fat_d, echo * fat_e, echo)
    for depth, thick, bright, wav, k in s["layers"]:
        zz = z - (depth + wav * np.sin(k * x))
        echo = echo * (1 + (bright - 1) * np.exp(-0.5 * (zz / thick) ** 2))
    alpha = np.ones_like(x)
    label = np.full(x.shape, R_TISSUE, dtype=np.uint8)

    o = s["organ"]
    rho, _, _ = _ellipse_rho(o, x, z)
    inside = rho < 1.0
    e_org = np.full_like(x, o["echo"])
    if o["sinus"]:
        so = dict(o, a=o["a"] * o["sinus_scale"], b=o["b"] * o["sinus_scale"] * 0.8,
                  harm=o["sinus_harm"])
        rs, _, _ = _ellipse_rho(so, x, z)
        e_org = np.where(rs < 1.0, o["sinus_echo"] * (1 + 0.3 * np.sin(9 * rs)), e_org)
    cap = np.exp(-0.5 * ((rho - 1.0) / o["cap_w"]) ** 2)
    echo = np.where(inside, e_org * np.exp(t * 0.5), echo)
    echo = echo * (1 + (o["capsule"] - 1) * cap)
    alpha = np.where(inside, o["alpha"], alpha)
    label[inside] = R_ORGAN

    v = s["vessel"]
    if v is not None:
        rv, nx, nz = _ellipse_rho(v, x, z)
        vin = rv < 1.0
        echo = np.where(vin, v["echo"], echo)
        echo = echo * (1 + (v["wall"] - 1) * np.abs(nz) * np.exp(-0.5 * ((rv - 1.0) / 0.1) ** 2))
        alpha = np.where(vin, 0.3, alpha)
        label[vin] = R_VESSEL

    les = s["lesion"]
    if les is not None:
        rl, nx, nz = _ellipse_rho(les, x, z)
        lin = rl < 1.0
        if s["label"] == 1:
            echo = np.where(lin, les["echo"], echo)
            ring = np.exp(-0.5 * ((rl - 1.0) / 0.05) ** 2)
            echo = echo * (1 + (les["wall"] - 1) * np.abs(nz) * ring)
            alpha = np.where(lin, les["alpha"], alpha)
            # refraction at the lateral walls: thin edge shadows
            alpha = alpha + les["edge_shadow"] * 12.0 * ring * (np.abs(nx) > 0.92)
            label[lin] = R_CYST
        else:
            tex = np.zeros_like(x)
            for kx, kz, ph in les["tex_k"]:
                tex = tex + np.sin(kx * x + kz * z + ph)
            # hypoechoic relative to what surrounds it (tissue or organ)
            echo = np.where(lin, echo * les["echo"] * np.exp(les["texture"] * tex), echo)
            alpha = np.where(lin, les["alpha"], alpha)
            label[lin] = R_SOLID

    r = s["reflector"]
    if r is not None:
        c, si = math.cos(r["rot"]), math.sin(r["rot"])
        dx, dz = x - r["cx"], z - r["cz"]
        xr, zr = c * dx + si * dz, -si * dx + c * dz
        zr = zr - r["curv"] * xr * xr
        on = (np.abs(xr) < r["len"] / 2) & (np.abs(zr) < r["thick"])
        echo = np.where(on, r["echo"], echo)
        alpha = np.where(on, r["alpha"], alpha)
    return echo, alpha, label


def _sep_blur(a: np.ndarray, sig0: float, sig1: float, energy: bool = True) -> np.ndarray:
    """Separable Gaussian blur; unit-energy kernels (keeps the power of white
    noise) or, with energy=False, unit-sum kernels (keeps the mean)."""
    out = a
    for axis, sig in ((0, sig0), (1, sig1)):
        r = max(1, int(math.ceil(3 * sig)))
        k = np.exp(-0.5 * (np.arange(-r, r + 1) / sig) ** 2)
        k = k / (np.sqrt((k * k).sum()) if energy else k.sum())
        pad = [(0, 0), (0, 0)]
        pad[axis] = (r, r)
        p = np.pad(out, pad, mode="reflect")
        acc = np.zeros_like(out)
        n = out.shape[axis]
        for i, w in enumerate(k):
            acc = acc + w * (p[i:i + n] if axis == 0 else p[:, i:i + n])
        out = acc
    return out


def scatterers(rng: np.random.Generator, samples: int, beams: int) -> np.ndarray:
    """Complex circular-Gaussian scatterer field [samples, beams] (unit power)."""
    re = rng.standard_normal((samples, beams), dtype=np.float32)
    im = rng.standard_normal((samples, beams), dtype=np.float32)
    return (re + 1j * im).astype(np.complex64) * np.float32(1 / math.sqrt(2))


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------

def render_beams(s: Dict, rng: np.random.Generator, oversample: int = 1,
                 scat: Optional[np.ndarray] = None, shift: int = 0):
    """Renders the scene in beam space: returns the display image [S, B] in
    [0, 1] over u in [0, 1] and the relative transmission (shadow < 1,
    enhancement > 1) [S, B].

    shift moves the probe by whole beams (a linear probe slides, a sector probe
    rocks about its apex); scat, if given, is a scatterer field wide enough
    for every shift (beams + 2 PAD + max shift, at this oversample), so the
    speckle moves with the tissue."""
    B, S, P = BEAMS * oversample, SAMPLES * oversample, PAD * oversample
    u = (np.arange(-P, B + P) + 0.5 + shift) / B
    v = (np.arange(S) + 0.5) / S
    uu, vv = np.meshgrid(u.astype(np.float32), v.astype(np.float32))
    x, z = beam_to_xz(s, uu, vv)
    echo, alpha_rel, _ = _properties(s, x, z)
    if scat is None:
        scat = scatterers(rng, S, B + 2 * P)
        field = scat
    else:
        field = scat[:, shift:shift + B + 2 * P]   # shift >= 0 beams
    sig_u, sig_v = s["psf"]
    env = np.abs(_sep_blur(field * echo, sig_v * oversample, sig_u * oversample))
    dv = 1.0 / S
    a_t = s["alpha_total"]
    # attenuation: alpha_rel x tissue attenuation, integrated down each scan line
    cum = (np.cumsum(alpha_rel, axis=0) - alpha_rel) * dv   # what lies above the sample
    trans = np.exp(-a_t * cum)
    rel = np.exp(-a_t * (cum - (np.arange(S)[:, None] + 0.5) * dv))   # vs. plain tissue
    err, (b_amp, b_pos, b_w) = s["tgc_err"], s["tgc_bump"]
    tgc = np.exp(a_t * (1 + err) * v + b_amp * np.exp(-0.5 * ((v - b_pos) / b_w) ** 2))
    amp = env * trans * tgc[:, None] * 10 ** (s["gain_db"] / 20)
    noise = np.abs(scatterers(rng, S, B + 2 * P)) * 10 ** (s["noise_db"] / 20)
    amp = np.sqrt(amp * amp + noise * noise)
    db = 20 * np.log10(amp + 1e-12)
    # the scanner's light speckle smoothing, in the log domain
    db = _sep_blur(db, 0.7 * oversample, 0.7 * oversample, energy=False)
    img = np.clip(db / s["dyn_range"] + 0.62, 0.0, 1.0) ** s["gamma"]
    return img[:, P:P + B], rel[:, P:P + B]


def pixel_grid(s: Dict, height: int, width: int):
    """Physical (x, z) of the pixel centres of a height x width grid over the
    imaging region's bounding box."""
    x0, x1, z0, z1 = s["box"]
    xs = x0 + (np.arange(width) + 0.5) / width * (x1 - x0)
    zs = z0 + (np.arange(height) + 0.5) / height * (z1 - z0)
    return np.meshgrid(xs.astype(np.float32), zs.astype(np.float32))


def _bilinear(img: np.ndarray, fi: np.ndarray, fj: np.ndarray) -> np.ndarray:
    H, W = img.shape
    fi = np.clip(fi, 0, H - 1)
    fj = np.clip(fj, 0, W - 1)
    i0 = np.floor(fi).astype(np.int64)
    j0 = np.floor(fj).astype(np.int64)
    i1 = np.minimum(i0 + 1, H - 1)
    j1 = np.minimum(j0 + 1, W - 1)
    di, dj = fi - i0, fj - j0
    return ((img[i0, j0] * (1 - dj) + img[i0, j1] * dj) * (1 - di)
            + (img[i1, j0] * (1 - dj) + img[i1, j1] * dj) * di)


def render(s: Dict, height: int = 128, width: int = 128, oversample: int = 1,
           rng: Optional[np.random.Generator] = None, scat: Optional[np.ndarray] = None,
           shift: int = 0) -> Dict[str, np.ndarray]:
    """Renders the imaging region onto a height x width pixel grid.

    Returns image (uint8), organ and lesion masks (bool), region labels
    (uint8, REGION_CLASSES) and inside (bool, the imaging region)."""
    if rng is None:
        rng = np.random.default_rng(0)
    img_b, rel_b = render_beams(s, rng, oversample, scat, shift)
    B, S = img_b.shape[1], img_b.shape[0]
    x, z = pixel_grid(s, height, width)
    u, v = xz_to_beam(s, x, z)
    inside = (u >= 0) & (u <= 1) & (v >= 0) & (v <= 1)
    fi, fj = v * S - 0.5, u * B - 0.5
    img = _bilinear(img_b, fi, fj)
    rel = _bilinear(rel_b, fi, fj)
    # soft fan edge (one pixel) and black outside the imaging region
    edge = np.clip(np.minimum.reduce([u * B, (1 - u) * B, v * S, (1 - v) * S]) / oversample + 0.5, 0, 1)
    img = img * edge * inside
    # objects in the scene frame (the probe's shift moves u)
    xs, zs = beam_to_xz(s, u + shift / B, v)
    label = _labels(s, xs, zs)
    organ = inside & _in_organ(s, xs, zs)
    lesion = inside & ((label == R_CYST) | (label == R_SOLID))
    region = label.copy()
    soft = (region == R_TISSUE) | (region == R_ORGAN)
    region[soft & (rel < 0.5)] = R_SHADOW
    region[soft & (rel > 1.5)] = R_ENH
    region[~inside] = R_OUTSIDE
    return {"image": np.clip(img * 255 + 0.5, 0, 255).astype(np.uint8), "organ": organ,
            "lesion": lesion, "region": region, "inside": inside}


def _in_organ(s: Dict, x, z) -> np.ndarray:
    rho, _, _ = _ellipse_rho(s["organ"], x, z)
    return rho < 1.0


def render_sample(s: Dict, rng: np.random.Generator, size: int = 128, oversample: int = 1):
    """Renders at size x size; with oversample 2, renders at twice the size
    and area-averages down (as MoEScope does when it shrinks a bigger frame)."""
    big = size * oversample
    r = render(s, big, big, oversample, rng)
    if oversample == 1:
        return r
    f = oversample

    def pool(a):
        return a.reshape(size, f, size, f).mean(axis=(1, 3))

    return {"image": np.clip(pool(r["image"].astype(np.float64)) + 0.5, 0, 255).astype(np.uint8),
            "organ": pool(r["organ"].astype(np.float64)) >= 0.5,
            "lesion": pool(r["lesion"].astype(np.float64)) >= 0.5,
            "region": r["region"][f // 2::f, f // 2::f].copy(),
            "inside": pool(r["inside"].astype(np.float64)) >= 0.5}


def make_dataset(n: int, seed: int, size: int = 128) -> Dict[str, np.ndarray]:
    """n images; image i is drawn from its own Generator (seed, i), rendered
    at oversample 1 (3/4) or 2 (1/4)."""
    out = {"image": np.zeros((n, size, size), np.uint8),
           "organ": np.zeros((n, size, size), bool),
           "lesion": np.zeros((n, size, size), bool),
           "region": np.zeros((n, size, size), np.uint8),
           "label": np.zeros(n, np.int64), "probe": np.zeros(n, np.int64)}
    for i in range(n):
        rng = np.random.default_rng([seed, i])
        s = sample_scene(rng)
        r = render_sample(s, rng, size, oversample=1 + int(rng.random() < 0.25))
        for k in ("image", "organ", "lesion", "region"):
            out[k][i] = r[k]
        out["label"][i] = s["label"]
        out["probe"][i] = PROBES.index(s["probe"])
    return out

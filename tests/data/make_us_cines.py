#!/usr/bin/env python3
"""Multi-frame ultrasound test cines with known pixels, for tst_ultrasound.

usage: make_us_cines.py OUTDIR

Writes Ultrasound Multi-frame Image Storage files with pydicom (Debian's
python3-pydicom), then compresses copies with DCMTK's own encoders (dcmcrle,
dcmcjpeg, dcmcjpls from Debian's dcmtk), so the decoders are checked against
files a third-party encoder wrote. Every pixel follows a formula of (x, y,
frame) that tst_ultrasound recomputes (see PATTERNS there):

  mono:    v = (x + 2 y + 9 f) mod 256
  rgb:     r = (4 x + 10 f) mod 256, g = 5 y mod 256, b = (x + y + f) mod 256
  palette: index = (x + 3 y + 5 f) mod 256; 16-bit LUT r = 257 i, g = 257 (255 - i),
           b = 257 (7 i mod 256) (the decoded samples are the LUT's values)

Also writes broken files: pixel data shorter than the header says, a frame
count the data disagrees with, a truncated RLE file, and an MPEG-4 transfer
syntax (not decodable here). manifest.json lists every file and what it is.
"""
import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian, generate_uid

US_MULTIFRAME = "1.2.840.10008.5.1.4.1.1.3.1"


def mono(w, h, frames):
    y, x = np.mgrid[0:h, 0:w]
    return np.stack([(x + 2 * y + 9 * f) % 256 for f in range(frames)]).astype(np.uint8)


def rgb(w, h, frames):
    y, x = np.mgrid[0:h, 0:w]
    out = []
    for f in range(frames):
        out.append(np.stack([(4 * x + 10 * f) % 256, (5 * y) % 256, (x + y + f) % 256], axis=-1))
    return np.stack(out).astype(np.uint8)


def palette_index(w, h, frames):
    y, x = np.mgrid[0:h, 0:w]
    return np.stack([(x + 3 * y + 5 * f) % 256 for f in range(frames)]).astype(np.uint8)


def dataset(name, w, h, frames, syntax=ExplicitVRLittleEndian, frame_time=40.0, region=True):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = US_MULTIFRAME
    meta.MediaStorageSOPInstanceUID = generate_uid(entropy_srcs=[name, "sop"])
    meta.TransferSyntaxUID = syntax
    meta.ImplementationClassUID = pydicom.uid.PYDICOM_IMPLEMENTATION_UID
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian = syntax != ExplicitVRBigEndian
    ds.is_implicit_VR = syntax == ImplicitVRLittleEndian
    ds.SOPClassUID = US_MULTIFRAME
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = generate_uid(entropy_srcs=[name, "study"])
    ds.SeriesInstanceUID = generate_uid(entropy_srcs=[name, "series"])
    ds.Modality = "US"
    ds.PatientName = "Test^Cine"
    ds.PatientID = "MOESCOPE-TEST"
    ds.SeriesDescription = name
    ds.Rows, ds.Columns = h, w
    ds.NumberOfFrames = frames
    ds.FrameTime = frame_time
    ds.CineRate = int(round(1000 / frame_time))
    ds.FrameIncrementPointer = pydicom.tag.Tag("FrameTime")
    ds.BitsAllocated = 8
    ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    if region:
        r = Dataset()
        r.RegionSpatialFormat = 1
        r.RegionDataType = 1
        r.RegionFlags = 0
        r.RegionLocationMinX0 = w // 10
        r.RegionLocationMinY0 = h // 8
        r.RegionLocationMaxX1 = w - w // 10 - 1
        r.RegionLocationMaxY1 = h - 1
        r.PhysicalUnitsXDirection = 3
        r.PhysicalUnitsYDirection = 3
        r.PhysicalDeltaX = 0.02
        r.PhysicalDeltaY = 0.025
        ds.SequenceOfUltrasoundRegions = Sequence([r])
    return ds


def grey(ds, pixels, photometric="MONOCHROME2"):
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = photometric
    ds.PixelData = pixels.tobytes()
    return ds


def colour(ds, pixels, planar, photometric="RGB"):
    ds.SamplesPerPixel = 3
    ds.PhotometricInterpretation = photometric
    ds.PlanarConfiguration = planar
    if planar == 1:  # per frame: all R, then all G, then all B
        pixels = np.ascontiguousarray(pixels.transpose(0, 3, 1, 2))
    ds.PixelData = pixels.tobytes()
    return ds


def rgb_to_ybr_full(p):
    p = p.astype(np.float64)
    r, g, b = p[..., 0], p[..., 1], p[..., 2]
    y = 0.299 * r + 0.587 * g + 0.114 * b
    cb = -0.168736 * r - 0.331264 * g + 0.5 * b + 128
    cr = 0.5 * r - 0.418688 * g - 0.081312 * b + 128
    return np.clip(np.round(np.stack([y, cb, cr], -1)), 0, 255).astype(np.uint8)


def save(ds, path):
    ds.save_as(path, write_like_original=False)


def dcmtk(tool, args, src, dst):
    exe = shutil.which(tool)
    if not exe:
        raise SystemExit(f"{tool} is missing: install Debian's dcmtk package")
    subprocess.run([exe, *args, src, dst], check=True)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    p = lambda name: os.path.join(out, name)  # noqa: E731
    files = []

    def add(name, pattern, photometric, frames, w, h, tolerance=0, syntax="", broken="",
            mean_tolerance=0.0):
        # tolerance: largest |decoded - written| allowed per sample; for lossy
        # files (mean_tolerance > 0) only the mean absolute error is bounded.
        files.append({"file": name, "pattern": pattern, "photometric": photometric,
                      "frames": frames, "width": w, "height": h, "tolerance": tolerance,
                      "mean_tolerance": mean_tolerance, "syntax": syntax, "broken": broken})

    # The size the decode benchmark names: 10 frames of 600 x 430.
    W, H, F = 600, 430, 10
    save(grey(dataset("mono2", W, H, F), mono(W, H, F)), p("mono2.dcm"))
    add("mono2.dcm", "mono", "MONOCHROME2", F, W, H)
    save(grey(dataset("mono2-implicit", W, H, F, ImplicitVRLittleEndian), mono(W, H, F)),
         p("mono2_implicit.dcm"))
    add("mono2_implicit.dcm", "mono", "MONOCHROME2", F, W, H)
    save(grey(dataset("mono2-bigendian", W, H, F, ExplicitVRBigEndian), mono(W, H, F)),
         p("mono2_bigendian.dcm"))
    add("mono2_bigendian.dcm", "mono", "MONOCHROME2", F, W, H)
    w, h, f = 64, 48, 6
    save(grey(dataset("mono1", w, h, f), mono(w, h, f), "MONOCHROME1"), p("mono1.dcm"))
    add("mono1.dcm", "mono", "MONOCHROME1", f, w, h)
    save(colour(dataset("rgb-planar0", w, h, f), rgb(w, h, f), 0), p("rgb_planar0.dcm"))
    add("rgb_planar0.dcm", "rgb", "RGB", f, w, h)
    save(colour(dataset("rgb-planar1", w, h, f), rgb(w, h, f), 1), p("rgb_planar1.dcm"))
    add("rgb_planar1.dcm", "rgb", "RGB", f, w, h)
    save(colour(dataset("ybr-full", w, h, f), rgb_to_ybr_full(rgb(w, h, f)), 0, "YBR_FULL"),
         p("ybr_full.dcm"))
    add("ybr_full.dcm", "rgb", "YBR_FULL", f, w, h, tolerance=3)

    ds = grey(dataset("palette", w, h, f), palette_index(w, h, f), "PALETTE COLOR")
    lut = np.arange(256, dtype=np.uint16)
    ds.RedPaletteColorLookupTableDescriptor = [256, 0, 16]
    ds.GreenPaletteColorLookupTableDescriptor = [256, 0, 16]
    ds.BluePaletteColorLookupTableDescriptor = [256, 0, 16]
    ds.RedPaletteColorLookupTableData = (lut * 257).astype("<u2").tobytes()
    ds.GreenPaletteColorLookupTableData = ((255 - lut) * 257).astype("<u2").tobytes()
    ds.BluePaletteColorLookupTableData = (((lut * 7) % 256) * 257).astype("<u2").tobytes()
    save(ds, p("palette.dcm"))
    add("palette.dcm", "palette", "PALETTE COLOR", f, w, h)

    # Compressed by DCMTK's encoders.
    dcmtk("dcmcrle", [], p("mono2.dcm"), p("mono2_rle.dcm"))
    add("mono2_rle.dcm", "mono", "MONOCHROME2", F, W, H, syntax="RLE")
    dcmtk("dcmcrle", [], p("rgb_planar1.dcm"), p("rgb_rle.dcm"))
    add("rgb_rle.dcm", "rgb", "RGB", f, w, h, syntax="RLE")
    dcmtk("dcmcrle", [], p("palette.dcm"), p("palette_rle.dcm"))
    add("palette_rle.dcm", "palette", "PALETTE COLOR", f, w, h, syntax="RLE")
    dcmtk("dcmcjpeg", ["--encode-lossless-sv1"], p("mono2.dcm"), p("mono2_jpeg_lossless.dcm"))
    add("mono2_jpeg_lossless.dcm", "mono", "MONOCHROME2", F, W, H, syntax="JPEG lossless")
    dcmtk("dcmcjpeg", ["--encode-baseline", "--quality", "95"], p("rgb_planar0.dcm"),
          p("rgb_jpeg_baseline.dcm"))
    # Baseline JPEG of an RGB image is stored as YBR_FULL_422: lossy, hence the tolerance.
    # The pattern's hard edges (where it wraps from 255 to 0) blur, so bound the mean error.
    add("rgb_jpeg_baseline.dcm", "rgb", "YBR_FULL_422", f, w, h, syntax="JPEG baseline",
        mean_tolerance=8.0)
    dcmtk("dcmcjpls", ["--encode-lossless"], p("mono2.dcm"), p("mono2_jpegls.dcm"))
    add("mono2_jpegls.dcm", "mono", "MONOCHROME2", F, W, H, syntax="JPEG-LS lossless")

    # Broken files.
    ds = grey(dataset("short", w, h, f), mono(w, h, f))
    ds.PixelData = ds.PixelData[: len(ds.PixelData) - (w * h) // 2]
    save(ds, p("truncated_pixels.dcm"))
    add("truncated_pixels.dcm", "", "", f, w, h, broken="truncated")
    ds = grey(dataset("miscounted", w, h, f), mono(w, h, f))
    ds.NumberOfFrames = f + 4
    save(ds, p("frame_count_mismatch.dcm"))
    add("frame_count_mismatch.dcm", "", "", f + 4, w, h, broken="frame count")
    data = open(p("mono2_rle.dcm"), "rb").read()
    open(p("truncated_rle.dcm"), "wb").write(data[: int(len(data) * 0.6)])
    add("truncated_rle.dcm", "", "", F, W, H, broken="truncated")
    ds = grey(dataset("mpeg4", w, h, 1), mono(w, h, 1))
    ds.file_meta.TransferSyntaxUID = "1.2.840.10008.1.2.4.102"  # MPEG-4 AVC/H.264 High Profile
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.PixelData = pydicom.encaps.encapsulate([b"\x00\x00\x00\x01" + bytes(64)])
    ds["PixelData"].is_undefined_length = True
    ds["PixelData"].VR = "OB"
    ds.save_as(p("mpeg4.dcm"), write_like_original=True)
    add("mpeg4.dcm", "", "", 1, w, h, broken="transfer syntax")

    with open(p("manifest.json"), "w") as fh:
        json.dump({"files": files}, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())

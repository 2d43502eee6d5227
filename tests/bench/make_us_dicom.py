#!/usr/bin/python3
"""A deterministic 640×480 8-bit ultrasound-like DICOM (a speckled fan with
two dark cysts), the picture of tests/bench/bench_oneshot.sh.

    /usr/bin/python3 tests/bench/make_us_dicom.py OUT.dcm
"""

import sys

import numpy as np
from pydicom.dataset import FileDataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, UltrasoundImageStorage, generate_uid


def picture(rows=480, cols=640, seed=0):
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:rows, 0:cols].astype(np.float32)
    depth = np.hypot(x - cols / 2, y + 40)
    angle = np.arctan2(x - cols / 2, y + 40)
    fan = (np.abs(angle) < 0.7) & (depth > 60) & (depth < rows + 20)
    tissue = 90 + 40 * np.sin(depth / 23.0) * np.exp(-depth / 900)
    speckle = rng.rayleigh(1.0, size=(rows, cols)).astype(np.float32)
    image = tissue * speckle * fan
    for cy, cx, r in ((220, 260, 45), (330, 420, 30)):
        image[np.hypot(x - cx, y - cy) < r] *= 0.15
    return np.clip(image, 0, 255).astype(np.uint8)


def main(path):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = UltrasoundImageStorage
    meta.MediaStorageSOPInstanceUID = generate_uid(entropy_srcs=["moescope-bench-us"])
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset(path, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SOPClassUID = meta.MediaStorageSOPClassUID
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = generate_uid(entropy_srcs=["moescope-bench-study"])
    ds.SeriesInstanceUID = generate_uid(entropy_srcs=["moescope-bench-series"])
    ds.Modality = "US"
    ds.PatientName = "Bench^Phantom"
    ds.PatientID = "BENCH"
    pixels = picture()
    ds.Rows, ds.Columns = pixels.shape
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated = ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    ds.PixelData = pixels.tobytes()
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.save_as(path, write_like_original=False)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])

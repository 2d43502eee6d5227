#!/usr/bin/python3
"""Writes the fuzzers' seed inputs into tests/fuzz/corpus/<harness>/seed-*.

    /usr/bin/python3 tests/fuzz/make_seeds.py BUILD_DIR

Run once by a maintainer; the seeds are committed with the inputs libFuzzer
kept (tests/fuzz/run.sh). A harness's first byte, where it has one, picks how
the file is named (see each fuzz_<name>.cpp); the seeds use every choice.

- dicom: pydicom's test files under 48 KB (python3-pydicom), as .dcm and
  without suffix;
- volume: 4 x 4 x 3 volumes written here byte by byte (NIfTI-1, gzipped
  NIfTI-1, NRRD raw and gzip, MetaImage);
- picture: a 16 x 12 test pattern in every format FFmpeg writes that Qt reads;
- contract: the moescope.json of every shipped model;
- archive: small model archives (stored and deflated) around those;
- store: a database BUILD_DIR's moescope-cli writes (an empty one, one run
  of the shapes model, one indexed gallery).
"""

import gzip
import io
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(HERE, "corpus")
PYDICOM_FILES = "/usr/lib/python3/dist-packages/pydicom/data/test_files"


def write(harness, name, data):
    folder = os.path.join(CORPUS, harness)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "seed-" + name), "wb") as f:
        f.write(data)


def dicom_seeds():
    for name in sorted(os.listdir(PYDICOM_FILES)):
        path = os.path.join(PYDICOM_FILES, name)
        if not name.endswith(".dcm") or os.path.getsize(path) > 48 * 1024:
            continue
        with open(path, "rb") as f:
            data = f.read()
        write("dicom", name, b"\x00" + data)
        if name in ("CT_small.dcm", "MR_small_RLE.dcm", "JPEG2000.dcm", "no_meta.dcm"):
            write("dicom", "nosuffix-" + name, b"\x01" + data)


def nifti1(dims, datatype, bitpix, voxels):
    dim = [len(dims)] + list(dims) + [1] * (7 - len(dims))
    header = struct.pack("<i10s18sihcb8h3fhhhh8ffffhcb4f2i80s24shh6f4f4f4f16s4s",
                         348, b"", b"", 0, 0, b"r", 0, *dim, 0, 0, 0, 0, datatype, bitpix, 0,
                         0, 1, 1, 1, 1, 0, 0, 0, 352.0, 1.0, 0.0, 0, b"\0", 10,
                         0, 0, 0, 0, 0, 0, b"moescope fuzz seed", b"", 1, 0,
                         0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, b"", b"n+1\0")
    assert len(header) == 348
    return header + b"\0\0\0\0" + voxels


def volume_seeds():
    shorts = struct.pack("<48h", *[(i * 37) % 500 - 100 for i in range(48)])
    floats = struct.pack("<48f", *[i * 0.5 for i in range(48)])
    write("volume", "short.nii", b"\x00" + nifti1((4, 4, 3), 4, 16, shorts))
    write("volume", "float.nii", b"\x00" + nifti1((4, 4, 3), 16, 32, floats))
    write("volume", "short.nii.gz", b"\x01" + gzip.compress(nifti1((4, 4, 3), 4, 16, shorts), mtime=0))
    nrrd = b"NRRD0004\ntype: short\ndimension: 3\nsizes: 4 4 3\nspacings: 1 1 2\nendian: little\n"
    write("volume", "raw.nrrd", b"\x02" + nrrd + b"encoding: raw\n\n" + shorts)
    write("volume", "gzip.nrrd", b"\x02" + nrrd + b"encoding: gzip\n\n" + gzip.compress(shorts, mtime=0))
    mha = (b"ObjectType = Image\nNDims = 3\nDimSize = 4 4 3\nElementSpacing = 1 1 2\n"
           b"ElementType = MET_SHORT\nElementByteOrderMSB = False\nElementDataFile = LOCAL\n")
    write("volume", "short.mha", b"\x03" + mha + shorts)


def picture_seeds():
    suffixes = ["png", "jpg", "gif", "bmp", "tif", "webp", "ppm"]
    with tempfile.TemporaryDirectory() as tmp:
        for selector, suffix in enumerate(suffixes):
            for pattern in ("testsrc=size=16x12", "color=c=gray:size=16x12"):
                out = os.path.join(tmp, "seed." + suffix)
                result = subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", pattern,
                                         "-frames:v", "1", out], capture_output=True)
                if result.returncode != 0:
                    print(f"skipped {suffix}: {result.stderr.decode().strip()}")
                    continue
                with open(out, "rb") as f:
                    kind = "colour" if pattern.startswith("testsrc") else "grey"
                    write("picture", f"{kind}.{suffix}", bytes([selector]) + f.read())
        # An animated GIF: several frames make a cine.
        out = os.path.join(tmp, "anim.gif")
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=16x12:rate=5",
                        "-frames:v", "3", out], check=True)
        with open(out, "rb") as f:
            write("picture", "animated.gif", b"\x02" + f.read())


def shipped_contracts():
    folder = os.path.join(SOURCE, "resources", "models")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".pt"):
            with zipfile.ZipFile(os.path.join(folder, name)) as archive:
                entry = next(n for n in archive.namelist() if n.endswith("/extra/moescope.json"))
                yield name[:-3], archive.read(entry)


def contract_and_archive_seeds():
    for model, text in shipped_contracts():
        write("contract", model + ".json", text)
        for method, kind in ((zipfile.ZIP_STORED, "stored"), (zipfile.ZIP_DEFLATED, "deflated")):
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", method) as archive:
                for entry, data in ((f"{model}/extra/moescope.json", text),
                                    (f"{model}/data.pkl", b"\x80\x02}q\x00."),
                                    (f"{model}/data/0", bytes(range(64))),
                                    (f"{model}/version", b"3\n")):
                    info = zipfile.ZipInfo(entry, date_time=(1980, 1, 1, 0, 0, 0))
                    info.compress_type = method
                    archive.writestr(info, data)
            write("archive", f"{model}-{kind}.pt", buffer.getvalue())


def store_seeds(build):
    cli = os.path.join(build, "app", "moescope-cli")
    env = dict(os.environ, MOESCOPE_PLUGIN_PATH=os.path.join(build, "plugins", "moescope"),
               QT_QPA_PLATFORM="offscreen")
    model = os.path.join(SOURCE, "resources", "models", "moe-vit-shapes-tiny.pt")
    with tempfile.TemporaryDirectory() as tmp:
        env["HOME"] = tmp
        pictures = os.path.join(tmp, "pictures")
        os.makedirs(pictures)
        for i, pattern in enumerate(("testsrc=size=32x32", "color=c=white:size=32x32")):
            subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", pattern,
                            "-frames:v", "1", os.path.join(pictures, f"p{i}.png")], check=True)
        seeds = {
            "empty.sqlite": [["runs"]],
            "run.sqlite": [["run", "--model", model, "--input", os.path.join(pictures, "p0.png")]],
            "gallery.sqlite": [["index", "--model", os.path.join(SOURCE, "resources", "models", "ct-hmar-tiny.pt"),
                                "--gallery", "seed", "--input", pictures]],
        }
        for name, verbs in seeds.items():
            db = os.path.join(tmp, name)
            for verb in verbs:
                subprocess.run([cli, verb[0], "--db", db] + verb[1:], env=env, check=True,
                               stdout=subprocess.DEVNULL)
            subprocess.run(["sqlite3", db, "PRAGMA journal_mode=DELETE; VACUUM;"], check=True,
                           stdout=subprocess.DEVNULL)
            with open(db, "rb") as f:
                write("store", name, f.read())


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    dicom_seeds()
    volume_seeds()
    picture_seeds()
    contract_and_archive_seeds()
    store_seeds(sys.argv[1])


if __name__ == "__main__":
    main()

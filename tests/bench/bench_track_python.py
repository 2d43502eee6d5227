"""The Python path for bench_track.sh: the recipe's tracker (tracker.track_frames,
batch 1) on a video decoded by the ffmpeg command into raw RGB frames (the
recipe reads no video itself), timed from the first frame's decode to the
last box.

    bench_track_python.py MODEL VIDEO X,Y,W,H THREADS
"""
import json
import os
import subprocess
import sys
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "resources", "models", "recipe", "tracking"))
import tracker  # noqa: E402


def main() -> int:
    model_path, video, init, threads = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    torch.set_num_threads(threads)
    model = torch.jit.load(model_path).eval()
    probe = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                            "stream=width,height", "-of", "csv=p=0", video],
                           capture_output=True, text=True, check=True).stdout.strip().split(",")
    w, h = int(probe[0]), int(probe[1])
    t0 = time.perf_counter()
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", video, "-f", "rawvideo", "-pix_fmt",
                          "rgb24", "-"], capture_output=True, check=True).stdout
    frames = list(np.frombuffer(raw, np.uint8).reshape(-1, h, w, 3))
    t1 = time.perf_counter()
    boxes, _ = tracker.track_frames(model, frames, [float(v) for v in init.split(",")])
    t2 = time.perf_counter()
    print(json.dumps({"runtime": "python", "frames": len(frames), "decode_s": round(t1 - t0, 3),
                      "track_s": round(t2 - t1, 3), "wall_s": round(t2 - t0, 3),
                      "fps": round(len(frames) / (t2 - t0), 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

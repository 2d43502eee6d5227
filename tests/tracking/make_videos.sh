#!/usr/bin/env bash
# Videos for tst_tracking, encoded with FFmpeg's own encoders from the first
# held-out sequence's PNG frames (make_sequences.py), and each video's
# frames as FFmpeg itself decodes them (autorotated), the reference the
# plugin's decoder is checked against frame by frame.
#   make_videos.sh SEQUENCE_DIR OUT_DIR
set -euo pipefail
seq=$1 out=$2
rm -rf "$out" && mkdir -p "$out"
enc() { ffmpeg -v error -y -framerate 10 -i "$seq/%08d.png" "$@"; }
enc -c:v libx264 -pix_fmt yuv420p -g 8 -bf 2 "$out/h264.mp4"
enc -c:v mpeg4 -q:v 2 -bf 2 -g 10 "$out/mpeg4.mkv"
enc -c:v mjpeg -q:v 2 "$out/mjpeg.avi"
enc -c:v libvpx-vp9 -b:v 1M -g 10 "$out/vp9.webm"
# Sizes no codec block divides: 250 x 186 (H.264) and 255 x 251 (MJPEG, 4:4:4).
enc -vf crop=250:186:3:5 -c:v libx264 -pix_fmt yuv420p -g 8 "$out/odd-h264.mp4"
enc -vf crop=255:251:0:0 -c:v mjpeg -pix_fmt yuvj444p -q:v 2 "$out/odd-mjpeg.avi"
# A phone's portrait video: the same stream with a 90° display matrix.
ffmpeg -v error -y -i "$out/h264.mp4" -c copy -metadata:s:v:0 rotate=90 "$out/rotated.mp4"
# Cut short: half of the MJPEG file.
head -c $(( $(stat -c %s "$out/mjpeg.avi") / 2 )) "$out/mjpeg.avi" > "$out/truncated.avi"
echo "not a video" > "$out/garbage.mp4"
for v in h264.mp4 mpeg4.mkv mjpeg.avi vp9.webm odd-h264.mp4 odd-mjpeg.avi rotated.mp4; do
  mkdir -p "$out/${v%.*}-frames"
  ffmpeg -v error -y -i "$out/$v" -pix_fmt rgb24 "$out/${v%.*}-frames/%05d.png"
done

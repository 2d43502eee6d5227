#!/usr/bin/env bash
# Installs, from Debian 12's own packages, whatever MoEScope needs and this
# machine lacks. Safe to run again: packages already present are skipped.
#   cmake/setup-debian.sh          build + run dependencies
#   cmake/setup-debian.sh --tests  plus what the test suite reads (pydicom's
#                                  files, ITK's example volumes, Xvfb)
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libqt6opengl6-dev qt6-image-formats-plugins
  libgl-dev libvulkan-dev
  libtorch-dev libdcmtk-dev libinsighttoolkit5-dev libgdal-dev
  libavformat-dev libavcodec-dev libswscale-dev libavutil-dev
  libqt6sql6-psql # a run store shared on PostgreSQL (docs/lab.md)
  libfaiss-dev    # galleries of millions (FAISS IVF-PQ)
  libsqlite3-dev libminizip-dev libpng-dev zlib1g-dev nlohmann-json3-dev python3 python3-torch python3-numpy
  # The BLAS behind LibTorch: OpenBLAS's OpenMP build shares LibTorch's OpenMP
  # pool (no oversubscription) and was the fastest measured for every model
  # (docs/performance.md, "The BLAS"); without it Debian falls back to the
  # reference netlib BLAS, 10-30x slower for transformer layers.
  libopenblas0-openmp
  # A font with Chinese glyphs for the Simplified Chinese translation.
  fonts-wqy-microhei
)
if [[ "${1:-}" == "--tests" ]]; then
  packages+=(python3-pydicom python3-matplotlib insighttoolkit5-examples dcmtk xvfb xauth
             otb-bin gdal-bin python3-gdal ffmpeg poppler-utils
             # Lab scale: the servers the tests start themselves (docs/lab.md).
             postgresql slurm-wlm munge orthanc
             # The checking build (cmake/sanitizer-check.sh): clang, its
             # sanitizers and libFuzzer, and its OpenMP (FAISS needs one).
             clang libclang-rt-14-dev libomp-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

# libblas.so.3 and liblapack.so.3 are alternatives; another OpenBLAS build
# installed beside it (the pthreads one ranks higher) would win, so point
# them at the OpenMP build.
choose_blas() {
  local dir=/usr/lib/x86_64-linux-gnu/openblas-openmp
  for lib in libblas.so.3 liblapack.so.3; do
    if [[ -e $dir/$lib ]] && update-alternatives --query "$lib-x86_64-linux-gnu" 2>/dev/null |
        grep -q "^Value: " && ! update-alternatives --query "$lib-x86_64-linux-gnu" |
        grep -q "^Value: $dir/$lib$"; then
      echo "setup: pointing $lib at OpenBLAS (OpenMP)"
      $sudo update-alternatives --set "$lib-x86_64-linux-gnu" "$dir/$lib"
    fi
  done
}
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages already installed"
  choose_blas
  exit 0
fi

echo "setup: installing ${#missing[@]} missing package(s): ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
choose_blas

#!/bin/sh
# The Debian package (issue 16), as a user gets it: cpack builds it from this
# build; unpacked into a scratch root, its moescope-cli lists the bundled
# models with no environment variable set (everything found relative to the
# program); then, where this runs as root with dpkg (CI's fresh machine), it
# is installed for real, `moescope-cli models` and the window's screenshot
# mode run from /usr/bin, the man pages are found, and it is removed again.
#   check_package.sh BUILD_DIR WORK_DIR
set -eu
build=$1
work=$2
rm -rf "$work"
mkdir -p "$work/home"
fail() { echo "check_package: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/pkg") >"$work/cpack.log" 2>&1 || { tail -40 "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$work"/pkg/moescope_*_amd64.deb) || fail "no .deb written"
echo "package: $deb ($(du -h "$deb" | cut -f1))"
dpkg-deb -f "$deb" Depends | tee "$work/depends.txt"
for dep in libqt6widgets6 libqt6sql6-sqlite libdcmtk17 libgdal32 libavformat59 libtorch1.13; do
  grep -q "$dep" "$work/depends.txt" || fail "Depends lacks $dep"
done
dpkg-deb -c "$deb" > "$work/contents.txt"
for f in ./usr/bin/moescope ./usr/bin/moescope-cli ./usr/lib/moescope/moescope-cli-engine \
         ./usr/lib/moescope/plugins/libmoescope_sar.so ./usr/share/moescope/models/us-m2dino-tiny.pt \
         ./usr/share/moescope/models/us-m2dino-tiny.md ./usr/share/moescope/samples/samples.json \
         ./usr/share/applications/moescope.desktop ./usr/share/icons/hicolor/scalable/apps/moescope.svg \
         ./usr/share/man/man1/moescope.1 ./usr/share/man/man1/moescope-cli.1; do
  grep -q " $f\$" "$work/contents.txt" || grep -q " $f\.gz\$" "$work/contents.txt" || fail "the package lacks $f"
done

unset MOESCOPE_PLUGIN_PATH MOESCOPE_MODEL_PATH
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
models() {
  "$1" models > "$work/models.txt" 2>"$work/models.err" || { cat "$work/models.err"; fail "$1 models failed"; }
  for m in moe-vit-shapes-tiny us-m2dino-tiny ct-hmar-tiny sar-crossearth-tiny track-spmtrack-tiny; do
    grep -q "$m" "$work/models.txt" || { cat "$work/models.txt"; fail "$1 models lacks $m"; }
  done
  [ "$(grep -c 'us-m2dino-tiny' "$work/models.txt")" -eq 1 ] || fail "$1 lists a model twice"
}
dpkg-deb -x "$deb" "$work/root"
models "$work/root/usr/bin/moescope-cli"
"$work/root/usr/bin/moescope-cli" plugins > "$work/plugins.txt" || fail "plugins failed"
for p in ultrasound ct-retrieval sar tracking; do
  grep -q "$p" "$work/plugins.txt" || fail "unpacked: plugin $p not found"
done
echo "unpacked: models and plugins found beside the program"

if [ "$(id -u)" != 0 ] || ! command -v dpkg >/dev/null; then
  echo "SKIP: installing the package needs root and dpkg (the unpacked copy passed)"
  exit 77
fi
if dpkg-query -W -f='${Status}' moescope 2>/dev/null | grep -q 'install ok installed'; then
  fail "a moescope package is installed already; not replacing it"
fi
trap 'dpkg -P moescope >/dev/null 2>&1 || true' EXIT
dpkg -i "$deb" > "$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -i failed"; }
models /usr/bin/moescope-cli
man -w moescope-cli >/dev/null 2>&1 || [ -f /usr/share/man/man1/moescope-cli.1.gz ] || fail "man page not installed"
xvfb-run -a -s "-screen 0 1600x1000x24" /usr/bin/moescope --db "$work/runs.sqlite" --model moe-vit-shapes-tiny \
  --run --size 1366x768 --screenshot "$work/installed-window.png" /usr/share/moescope/samples/shapes-ring.png \
  > "$work/window.log" 2>&1 || { cat "$work/window.log"; fail "the installed window's screenshot mode failed"; }
[ -s "$work/installed-window.png" ] || fail "no screenshot written"
/usr/bin/moescope-cli runs --db "$work/runs.sqlite" | grep -q shapes-ring || fail "the installed window stored no run"
echo "installed: /usr/bin/moescope-cli models, the window's screenshot ($work/installed-window.png) and its run"

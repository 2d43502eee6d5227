#!/usr/bin/env bash
# Runs a PACS test program against a real Orthanc (orthanc_node.sh: its own
# network namespace, loopback only), loaded with the bundled DICOM samples
# and a 12-instance CT series made here from one of them with DCMTK.
#   check_pacs.sh SOURCE_DIR PROGRAM [ARGS...]
set -uo pipefail
src=$1
shift
command -v dcmodify >/dev/null || { echo "check_pacs: DCMTK's tools are not installed (dcmtk)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/series"
study=1.2.826.0.1.3680043.8.498.4242.1
series=1.2.826.0.1.3680043.8.498.4242.2
for i in $(seq 1 12); do
  f="$work/series/slice$i.dcm"
  cp "$src/resources/samples/ct/query-chest_nodule.dcm" "$f"
  dcmodify -q -nb -gin -m "PatientID=MOESCOPE-PACS-SERIES" -m "StudyInstanceUID=$study" \
    -m "SeriesInstanceUID=$series" -m "InstanceNumber=$i" \
    -i "ImagePositionPatient=-190\\-190\\$((5 * i))" -i "SliceLocation=$((5 * i))" "$f" || exit 1
done
exec "$src/tests/data/orthanc_node.sh" run --load "$src/resources/samples" --load "$work/series" -- "$@"

#!/usr/bin/env bash
# scripts/screenshots.sh, which makes the pictures of the README and
# docs/report.md, still runs and makes each of them: the overview and a
# ministry's chart as SVG, the overview as PNG, and the report's first page
# and a ministry's page as PNGs of A4 shape. (What they show is judged by eye;
# the report and graph tests check the content.)
set -u
cioc=$1 root=$2
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CIOC=$cioc IMG_DIR=$tmp bash "$root/scripts/screenshots.sh" > "$tmp/log" 2>&1 || { echo "FAIL screenshots: the script failed"; cat "$tmp/log"; exit 1; }
for f in overzicht-rijk.svg orgchart-fin.svg; do
  grep -q '<svg' "$tmp/$f" && echo "ok   screenshots: $f" || { echo "FAIL screenshots: $f"; fail=1; }
done
python3 - "$tmp" <<'PY' || fail=1
import os, struct, sys
for name, a4 in [("rapport-eerste-pagina.png", True), ("rapport-ministerie.png", True)]:
    data = open(os.path.join(sys.argv[1], name), "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", name
    w, h = struct.unpack(">II", data[16:24])
    assert not a4 or abs(h / w - 297 / 210) < 0.02, (name, w, h)
    print("ok   screenshots:", name, f"{w}x{h}")
PY
# The pictures in the repository are the ones the README and docs/report.md show.
for f in overzicht-rijk.svg orgchart-fin.svg rapport-eerste-pagina.png rapport-ministerie.png; do
  grep -q "img/$f" "$root/README.md" "$root/docs/report.md" && [ -s "$root/docs/img/$f" ] \
    && echo "ok   screenshots: docs/img/$f is shown" || { echo "FAIL screenshots: docs/img/$f not in the docs"; fail=1; }
done
exit $fail

#!/usr/bin/env bash
# Makes the pictures the README and docs/report.md show, from examples/rijksdienst
# at a fixed reference date: the overview of the Rijk and one ministry's chart
# (cioc graph), and the report's first page and a ministry's page (the HTML
# printed to PDF by headless Chromium, pages turned into PNGs by poppler-utils).
# Run it after changing a chart or the report, and look at what it made.
# Needs a build (scripts/setup.sh) and the test tools (scripts/setup-test-tools.sh).
# CIOC and IMG_DIR override the program and the folder (the test writes elsewhere).
set -euo pipefail
cd "$(dirname "$0")/.."
cioc=${CIOC:-build/compiler/cioc}
date=2026-12-03
img=${IMG_DIR:-docs/img}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cioc" graph --peildatum "$date" examples/rijksdienst -o "$img/overzicht-rijk.svg"
"$cioc" graph --peildatum "$date" examples/rijksdienst --focus FIN -o "$img/orgchart-fin.svg"
"$cioc" report --peildatum "$date" examples/rijksdienst -o "$tmp/rapport.html"
timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$tmp/rapport.pdf" "file://$tmp/rapport.html" > /dev/null 2>&1
# Page 1: the verdicts; the page that starts with the Ministry of Defence: a ministry with a finding.
page=$(pdftotext -layout "$tmp/rapport.pdf" - | python3 -c '
import sys
pages = sys.stdin.read().split("\f")
print(next(i + 1 for i, p in enumerate(pages) if p.strip().startswith("Ministerie van Defensie (DEF)")))')
pdftoppm -r 70 -png -singlefile -f 1 -l 1 "$tmp/rapport.pdf" "$img/rapport-eerste-pagina"
pdftoppm -r 70 -png -singlefile -f "$page" -l "$page" "$tmp/rapport.pdf" "$img/rapport-ministerie"
echo "screenshots: $img/overzicht-rijk.svg, orgchart-fin.svg, rapport-eerste-pagina.png, rapport-ministerie.png"

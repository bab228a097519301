#!/usr/bin/env bash
# Measures `cioc check` on generated workspaces: wall time, throughput and
# peak RSS. Usage: bench/run.sh [path/to/cioc]. Figures go to stdout as a
# Markdown table; see docs/performance.md for the latest run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cioc=${1:-$here/../build/compiler/cioc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

measure() {  # measure LABEL PATH
  local label=$1 path=$2 bytes lines best=999999 rss=0
  bytes=$(cat $(find "$path" -name '*.cio') | wc -c)
  lines=$(cat $(find "$path" -name '*.cio') | wc -l)
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$cioc" check --peildatum 2025-06-01 --max-meldingen 0 "$path" > /dev/null || true
    read -r secs kb < "$tmp/time"
    best=$(python3 -c "print(min($best, $secs))")
    rss=$kb
  done
  python3 - "$label" "$bytes" "$lines" "$best" "$rss" <<'PY'
import sys
label, b, l, s, kb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
s = max(s, 0.005)
print(f"| {label} | {l:,} | {b/1e6:.2f} MB | {s:.2f} s | {b/1e6/s:.1f} MB/s | {l/s:,.0f} lines/s | {kb/1024:.0f} MiB |")
PY
}

echo "| input | lines | size | wall (best of 3) | throughput | lines/s | peak RSS |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
measure "examples/rijksdienst (1×)" "$here/../examples/rijksdienst"
# The same shape generated: 12 ministries of 3 dienstonderdelen plus the Rijk level is
# about the size of examples/rijksdienst; 10× and 100× scale the number of ministries.
for n in 120 1200; do
  python3 "$here/generate.py" --ministries $n --units 3 --split --rijk "$tmp/ws$n"
  measure "generated, $((n / 12))× (${n} ministries, $((n + 1)) files)" "$tmp/ws$n"
done
# About 100,000 lines in one file: 125 ministries of 50 dienstonderdelen.
python3 "$here/generate.py" --ministries 125 --units 50 "$tmp/100k.cio"
measure "100k lines, one file" "$tmp/100k.cio"
python3 "$here/generate.py" --ministries 125 --units 50 --split "$tmp/split"
measure "100k lines, 125 files" "$tmp/split"

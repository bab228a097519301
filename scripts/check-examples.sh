#!/usr/bin/env bash
# Sets up and builds (scripts/setup.sh), then runs the main job on every example
# directory (each is a workspace of its own): `cioc check`, the org chart
# (build/examples/NAME.svg) and the compliance report (build/examples/NAME.html).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mkdir -p build/examples
status=0
for dir in examples/*/; do
  compgen -G "$dir*.cio" > /dev/null || continue
  name=$(basename "$dir")
  echo "== cioc check $dir"
  build/compiler/cioc check "$dir" || status=$?
  build/compiler/cioc graph "$dir" -o "build/examples/$name.svg" || status=$?
  build/compiler/cioc report "$dir" -o "build/examples/$name.html" || status=$?
  echo "   org chart: build/examples/$name.svg, report: build/examples/$name.html"
done
exit $status

#!/usr/bin/env bash
# Sets up and builds (scripts/setup.sh), then checks every example directory with cioc:
# each directory under examples/ is a workspace of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
status=0
for dir in examples/*/; do
  compgen -G "$dir*.cio" > /dev/null || continue
  echo "== cioc check $dir"
  build/compiler/cioc check "$dir" || status=$?
done
exit $status

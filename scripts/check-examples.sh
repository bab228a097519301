#!/usr/bin/env bash
# Sets up and builds (scripts/setup.sh), then checks every example with cioc.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
build/compiler/cioc check examples/

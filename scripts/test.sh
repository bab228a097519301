#!/usr/bin/env bash
# Sets up and builds (scripts/setup.sh), then runs every test through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ctest --preset default -j "$(nproc)"

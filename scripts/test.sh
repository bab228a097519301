#!/usr/bin/env bash
# Sets up and builds (scripts/setup.sh), installs the test tools (scripts/setup-test-tools.sh),
# then runs every test through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/setup-test-tools.sh
ctest --preset default -j "$(nproc)"

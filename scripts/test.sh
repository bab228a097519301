#!/usr/bin/env bash
# Sets up and builds (scripts/setup.sh), installs the test tools (scripts/setup-test-tools.sh),
# runs every test through ctest, builds the .deb and checks it unpacked in a fresh
# directory (scripts/package.sh), then builds again with AddressSanitizer and
# UndefinedBehaviorSanitizer (preset `sanitize`) and runs the whole suite under them,
# and ends with a 60-second smoke run of each libFuzzer target (fuzz/run.sh, preset `fuzz`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/setup-test-tools.sh
ctest --preset default -j "$(nproc)"
scripts/package.sh
cmake --preset sanitize > /dev/null
cmake --build --preset sanitize
ctest --preset sanitize -j "$(nproc)"
fuzz/run.sh 60

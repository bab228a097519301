#!/usr/bin/env bash
# Sets up and builds (scripts/setup.sh), installs the test tools (scripts/setup-test-tools.sh),
# runs every test through ctest, then builds again with AddressSanitizer and
# UndefinedBehaviorSanitizer (preset `sanitize`) and runs the whole suite under them.
# The fuzzers (fuzz/run.sh) are not part of it yet: they still find bugs (issue 6).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/setup-test-tools.sh
ctest --preset default -j "$(nproc)"
cmake --preset sanitize > /dev/null
cmake --build --preset sanitize
ctest --preset sanitize -j "$(nproc)"

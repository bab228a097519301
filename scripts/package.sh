#!/usr/bin/env bash
# Builds the .deb (cmake/CiocInstall.cmake) into build/package and checks it
# unpacked in a fresh directory (tests/package/deb_test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build --preset default
rm -rf build/package
(cd build && cpack > /dev/null)
deb=$(ls build/package/cioc_*.deb)
echo "package: $deb"
bash tests/package/deb_test.sh "$deb" "$PWD"

#!/usr/bin/env bash
# Installs the Debian packages the build needs, when they are missing, then
# configures and builds cioc. Safe to run again: it only installs what lacks.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/apt.sh

packages=(cmake ninja-build g++ default-jre-headless antlr4 libantlr4-runtime-dev llvm-16-dev
          libfmt-dev libgtest-dev libzstd-dev zlib1g-dev libtinfo-dev python3 pkg-config
          graphviz libgraphviz-dev libmimalloc-dev libtomlplusplus-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
apt_install "${missing[@]}"

cmake --preset default >/dev/null
cmake --build --preset default

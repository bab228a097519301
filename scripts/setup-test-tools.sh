#!/usr/bin/env bash
# Installs the external tools some tests use: Debian's Chromium (the HTML
# report is opened headless), Vim and Neovim (editors/vim, the LSP end-to-end test),
# clang with its libFuzzer runtime (fuzz/), and, from the npm registry into build/tools
# (never into the source tree), Microsoft's SARIF multitool, which validates
# `cioc check --format sarif`. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/apt.sh
missing=()
command -v npm > /dev/null || missing+=(nodejs npm)
command -v chromium > /dev/null || missing+=(chromium)
command -v pdftoppm > /dev/null || missing+=(poppler-utils)  # the printed report turned into pages
command -v vim > /dev/null || missing+=(vim)
command -v nvim > /dev/null || missing+=(neovim)
command -v clang++ > /dev/null || missing+=(clang)
[ -x /usr/bin/time ] || missing+=(time)  # peak memory in the hostile-input tests and the benchmark
dpkg-query -W -f='${Status}' libclang-rt-14-dev 2> /dev/null | grep -q 'install ok installed' || missing+=(libclang-rt-14-dev)
apt_install "${missing[@]}"
tools=build/tools
mkdir -p "$tools"
if [ ! -x "$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool" ]; then
  echo "setup: installing @microsoft/sarif-multitool into $tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error @microsoft/sarif-multitool@5.7.0 > /dev/null
  # npm does not run the package's install script (which only sets this bit).
  chmod u+x "$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
fi

# The VS Code extension's tools: its dependencies, vsce and vscode-tmgrammar-test, in build/vscode.
vscode=build/vscode
mkdir -p "$vscode"
cp editors/vscode/package.json "$vscode/"
if [ ! -d "$vscode/node_modules/vscode-tmgrammar-test" ] || [ editors/vscode/package.json -nt "$vscode/.installed" ]; then
  echo "setup: installing the VS Code extension's npm packages into $vscode"
  (cd "$vscode" && npm install --no-audit --no-fund --loglevel=error > /dev/null)
  touch "$vscode/.installed"
fi

#!/usr/bin/env bash
# editors/vscode: the TextMate grammar passes vscode-tmgrammar-test on its
# sample file, and the extension packs into a .vsix with vsce (npm packages
# installed into build/vscode by scripts/setup-test-tools.sh).
set -u
root=$1 work=$2
source "$(dirname "$0")/lib.sh"
if [ ! -d "$work/node_modules/vscode-tmgrammar-test" ]; then
  echo "FAIL vscode: $work/node_modules is missing (run scripts/setup-test-tools.sh)"; exit 1
fi
# The sources, fresh from the tree (the node_modules stay).
cp -r "$root/editors/vscode/." "$work/"
(cd "$work" && npx --no-install vscode-tmgrammar-test -g syntaxes/cio.tmLanguage.json "test/*.cio") > "$tmp/grammar" 2>&1
check "vscode: TextMate grammar tests" 0 $?
grep -q "test/syntax.cio" "$tmp/grammar" || { echo "FAIL vscode: the sample was not tested"; cat "$tmp/grammar"; fail=1; }
rm -f "$work"/*.vsix
(cd "$work" && npx --no-install vsce package --skip-license --out cioc.vsix) > "$tmp/vsce" 2>&1
check "vscode: vsce packs the extension" 0 $?
python3 - "$work/cioc.vsix" <<'PY' || fail=1
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
for needed in ("extension/package.json", "extension/extension.js", "extension/syntaxes/cio.tmLanguage.json",
               "extension/language-configuration.json", "extension/snippets/cio.json",
               "extension/node_modules/vscode-languageclient/package.json"):
    assert needed in names, needed
print("ok   vscode: the .vsix holds the client, grammar, snippets and the language client library")
PY
exit $fail

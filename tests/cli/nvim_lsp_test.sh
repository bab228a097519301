#!/usr/bin/env bash
# End to end with a real client: Neovim headless (installed by
# scripts/setup-test-tools.sh) attaches `cioc lsp` to a file with a violation
# and shows its diagnostic, the article text on hover, and a completion.
set -u
cioc=$1 stdlib=$2
source "$(dirname "$0")/lib.sh"
printf 'gebruik besluit_cio_2021;\nministerie M {\n    sg SG;\n    cio CIO { ressorteert_onder = SG; }\n    \n}\n' > "$tmp/m.cio"
CIOC=$cioc CIOC_STDLIB=$stdlib CIO_FILE=$tmp/m.cio RESULT=$tmp/result \
  timeout 120 nvim --headless -u NONE -i NONE -c "luafile $(dirname "$0")/nvim_lsp_test.lua" > /dev/null 2>&1
check "nvim: ran" 0 $?
expect "nvim: the diagnostic of the violation" "$tmp/result" "diag 3 M.CIO beschikt niet over een CIO-office"
expect "nvim: the article text on hover" "$tmp/result" "Een CIO beschikt over een CIO-office."
expect "nvim: completion of a kind the ministry may contain" "$tmp/result" "completion dienstonderdeel"
exit $fail

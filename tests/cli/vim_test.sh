#!/usr/bin/env bash
# editors/vim: the filetype is detected, the ftplugin sets four-space indentation,
# and the syntax file highlights language words and doc comments (Vim is
# installed by scripts/setup-test-tools.sh).
set -u
root=$1
file=$root/examples/tutorial/voorbeeldzaken.cio
[ "$(sed -n 3p "$file")" = "gebruik besluit_cio_2021;" ] && [ "$(sed -n 5p "$file" | cut -c1-3)" = "///" ] \
  || { echo "FAIL vim: the sample lines moved; update this test"; exit 1; }
vim -Es -u NONE -N -c "set rtp^=$root/editors/vim" -c 'filetype plugin on' -c 'syntax on' -c "edit $file" \
  -c 'if &ft !=# "cio" || &sw != 4 || &commentstring !=# "// %s" | cquit | endif' \
  -c 'if synIDattr(synID(3,1,1),"name") !=# "cioDeclaration" | cquit | endif' \
  -c 'if synIDattr(synID(5,1,1),"name") !=# "cioDocComment" | cquit | endif' \
  -c 'qa!' && echo "ok   vim: filetype, indentation, highlighting" || { echo "FAIL vim"; exit 1; }

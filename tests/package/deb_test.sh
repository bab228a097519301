#!/usr/bin/env bash
# The .deb (issue 14): unpacked into a fresh directory, then moved, it runs with
# no build tree — the binary finds its standard library beside itself — and
# does what examples/ci's workflow asks of the installed package; its man pages
# render, its completions parse, and its control file names the libraries it needs.
deb=$1 root=$2
source "$root/tests/cli/lib.sh"

dpkg-deb -x "$deb" "$tmp/unpacked"
check "dpkg-deb unpacks the package" 0 $?
mv "$tmp/unpacked" "$tmp/moved"  # an install tree moved elsewhere still works
prefix=$tmp/moved/usr
cioc=$prefix/bin/cioc
unset CIO_STDLIB

"$cioc" --version > "$tmp/out" 2>&1
check "--version" 0 $?
expect "--version: the standard library beside the binary, not the build tree's" "$tmp/out" \
  "standaardbibliotheek: $prefix/share/cioc/stdlib"
expect "--version: the libraries built with" "$tmp/out" "LLVM 16"
expect "--version: the law in the standard library" "$tmp/out" "besluit_cio_2021"

# examples/ci, as its workflow runs the installed package: each `run: cioc …` line.
cp -r "$root/examples/ci" "$tmp/ws"
grep -q 'apt-get install -y -qq /tmp/cioc.deb' "$tmp/ws/github-workflow.yml"
check "the example workflow installs the .deb" 0 $?
grep -E '^\s+run: cioc check ' "$tmp/ws/github-workflow.yml" | sed -E 's/^\s+run: //; s/ \|\| true$//' > "$tmp/steps"
[ -s "$tmp/steps" ]
check "the example workflow has check steps" 0 $?
while read -r step; do
  (cd "$tmp/ws" && PATH="$prefix/bin:$PATH" bash -c "$step" > "$tmp/out" 2>&1)
  check "workflow step with the installed package: $step" 0 $?
done < "$tmp/steps"

(cd "$tmp/ws" && "$cioc" explain art3.1 > "$tmp/out" 2>&1)
check "explain from the installed standard library" 0 $?
(cd "$tmp/ws" && "$cioc" explain unknown_field > "$tmp/out" 2>&1 && grep -q Oplossing "$tmp/out")
check "explain a diagnostic from the installed explanations" 0 $?
(cd "$tmp/ws" && "$cioc" init nieuw --naam NW > /dev/null 2>&1 && "$cioc" check nieuw > "$tmp/out" 2>&1)
check "init from the installed templates, then check" 0 $?
(cd "$tmp/ws" && "$cioc" graph ministerie -o chart.png > "$tmp/out" 2>&1 && [ -s chart.png ])
check "graph to PNG with the installed Graphviz plugins" 0 $?

for page in "$prefix/share/man/man1/cioc.1" "$prefix/share/man/nl/man1/cioc.1"; do
  groff -man -ww -z "$page" > "$tmp/out" 2>&1
  status=$?
  [ -s "$tmp/out" ] && status="warnings: $(head -3 "$tmp/out")"
  check "man page renders without warnings: ${page#$prefix/}" 0 "$status"
done
expect "man page lists the fmt options" "$prefix/share/man/man1/cioc.1" "diff"

bash -n "$prefix/share/bash-completion/completions/cioc"
check "bash completion parses" 0 $?
# Completing `cioc ch` and `cioc check --pei` as bash would.
completions=$(bash -c "source '$prefix/share/bash-completion/completions/cioc'
  COMP_WORDS=(cioc ch); COMP_CWORD=1; _cioc; echo \"\${COMPREPLY[*]}\"
  COMP_WORDS=(cioc check --pei); COMP_CWORD=2; _cioc; echo \"\${COMPREPLY[*]}\"")
[ "$completions" = $'check\n--peildatum' ]
check "bash completes subcommands and options (got: $(echo $completions))" 0 $?
if command -v zsh > /dev/null; then
  zsh -n "$prefix/share/zsh/vendor-completions/_cioc"
  check "zsh completion parses" 0 $?
fi
grep -q 'compdef cioc' "$prefix/share/zsh/vendor-completions/_cioc"
check "zsh completion file" 0 $?

dpkg-deb -f "$deb" Depends > "$tmp/out"
expect "the package depends on Graphviz's library" "$tmp/out" "libgvc6"
expect "the package depends on fmt" "$tmp/out" "libfmt"
exit $fail

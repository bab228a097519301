#!/usr/bin/env bash
# `cioc fmt`: the stdlib and the examples are kept formatted; --check lists what
# would change and exits 1 without touching it; formatting writes the file and a
# second run changes nothing; a file that does not parse is refused and left as it
# was; the file is replaced atomically (no temporary file left behind).
set -u
cioc=$1 root=$2
source "$(dirname "$0")/lib.sh"

"$cioc" fmt --check "$root/stdlib" "$root/examples" > "$tmp/list"; check "fmt: stdlib and examples are formatted" 0 $?
[ -s "$tmp/list" ] && { echo "FAIL fmt: would change:"; cat "$tmp/list"; fail=1; }

mkdir "$tmp/ws"
cp "$root/tests/golden/fmt/input.cio" "$tmp/ws/a.cio"
cp "$tmp/ws/a.cio" "$tmp/before.cio"
"$cioc" fmt --check "$tmp/ws" > "$tmp/list"; check "fmt: --check finds work" 1 $?
grep -q "a.cio" "$tmp/list" && echo "ok   fmt: --check lists the file" || { echo "FAIL fmt: --check list"; fail=1; }
cmp -s "$tmp/ws/a.cio" "$tmp/before.cio" && echo "ok   fmt: --check changes nothing" || { echo "FAIL fmt: --check wrote"; fail=1; }
"$cioc" fmt "$tmp/ws"; check "fmt: rewrites" 0 $?
cmp -s "$tmp/ws/a.cio" "$root/tests/golden/fmt/expected.cio" && echo "ok   fmt: the golden layout" || { echo "FAIL fmt: layout"; diff "$root/tests/golden/fmt/expected.cio" "$tmp/ws/a.cio"; fail=1; }
"$cioc" fmt --check "$tmp/ws" > /dev/null; check "fmt: idempotent" 0 $?
[ "$(ls -A "$tmp/ws")" = "a.cio" ] && echo "ok   fmt: no temporary file left" || { echo "FAIL fmt: leftovers: $(ls -A "$tmp/ws")"; fail=1; }

# --diff: a unified diff that patch applies to give the formatted file; nothing written.
cp "$tmp/before.cio" "$tmp/ws/a.cio"
(cd "$tmp/ws" && "$cioc" fmt --diff a.cio > "$tmp/a.diff"); check "fmt --diff: exit 1 when something would change" 1 $?
expect "fmt --diff: git-style headers" "$tmp/a.diff" "+++ b/a.cio"
cmp -s "$tmp/ws/a.cio" "$tmp/before.cio" && echo "ok   fmt --diff: changes nothing" || { echo "FAIL fmt --diff wrote"; fail=1; }
(cd "$tmp/ws" && patch -s -p1 < "$tmp/a.diff")
cmp -s "$tmp/ws/a.cio" "$root/tests/golden/fmt/expected.cio" && echo "ok   fmt --diff: patch -p1 gives the formatted file" \
  || { echo "FAIL fmt --diff: patched file differs"; diff "$root/tests/golden/fmt/expected.cio" "$tmp/ws/a.cio"; fail=1; }
"$cioc" fmt --diff "$tmp/ws/a.cio" > "$tmp/a.diff"; check "fmt --diff: exit 0 when formatted" 0 $?
[ ! -s "$tmp/a.diff" ] && echo "ok   fmt --diff: no output when formatted" || { echo "FAIL fmt --diff: output"; fail=1; }
# A file without a final newline, and a change at the very end.
printf 'ministerie M "M" {\n    sg SG "S" {}\n}' > "$tmp/ws/b.cio"
cp "$tmp/ws/b.cio" "$tmp/b.before"
(cd "$tmp/ws" && "$cioc" fmt --diff b.cio > "$tmp/b.diff"; patch -s -p1 < "$tmp/b.diff")
"$cioc" fmt --check "$tmp/ws/b.cio" > /dev/null; check "fmt --diff: a missing final newline is patched too" 0 $?
rm "$tmp/ws/b.cio"

# `-`: standard input to standard output; on an error nothing on standard output.
"$cioc" fmt - < "$tmp/before.cio" > "$tmp/stdout.cio"; check "fmt -: formats standard input" 0 $?
cmp -s "$tmp/stdout.cio" "$root/tests/golden/fmt/expected.cio" && echo "ok   fmt -: the golden layout on stdout" \
  || { echo "FAIL fmt -: layout"; fail=1; }
"$cioc" fmt --check - < "$tmp/before.cio" > /dev/null; check "fmt --check -: exit 1 when input is not formatted" 1 $?
"$cioc" fmt --diff - < "$tmp/before.cio" > "$tmp/stdin.diff"; check "fmt --diff -" 1 $?
expect "fmt --diff -: names standard input" "$tmp/stdin.diff" "--- <stdin>"
printf 'ministerie M {\n  sg SG\n}\n' | "$cioc" fmt - > "$tmp/stdout.cio" 2> "$tmp/err"; check "fmt -: refuses input that does not parse" 2 $?
[ ! -s "$tmp/stdout.cio" ] && echo "ok   fmt -: nothing on stdout after an error (the editor keeps its buffer)" \
  || { echo "FAIL fmt -: wrote on error"; fail=1; }
expect "fmt -: the error names standard input" "$tmp/err" "<stdin>:3:1"

printf 'ministerie M {\n  sg SG\n}\n' > "$tmp/ws/kapot.cio"
cp "$tmp/ws/kapot.cio" "$tmp/kapot.before"
"$cioc" fmt "$tmp/ws" > /dev/null 2> "$tmp/err"; check "fmt: refuses a file that does not parse" 2 $?
grep -q "fmt_refused" "$tmp/err" && grep -q "kapot.cio:3:1" "$tmp/err" && echo "ok   fmt: says why, with a location" \
  || { echo "FAIL fmt: refusal message"; cat "$tmp/err"; fail=1; }
cmp -s "$tmp/ws/kapot.cio" "$tmp/kapot.before" && echo "ok   fmt: the refused file is untouched" || { echo "FAIL fmt: refused file changed"; fail=1; }
exit $fail

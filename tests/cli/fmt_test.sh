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

printf 'ministerie M {\n  sg SG\n}\n' > "$tmp/ws/kapot.cio"
cp "$tmp/ws/kapot.cio" "$tmp/kapot.before"
"$cioc" fmt "$tmp/ws" > /dev/null 2> "$tmp/err"; check "fmt: refuses a file that does not parse" 2 $?
grep -q "fmt_refused" "$tmp/err" && grep -q "kapot.cio:3:1" "$tmp/err" && echo "ok   fmt: says why, with a location" \
  || { echo "FAIL fmt: refusal message"; cat "$tmp/err"; fail=1; }
cmp -s "$tmp/ws/kapot.cio" "$tmp/kapot.before" && echo "ok   fmt: the refused file is untouched" || { echo "FAIL fmt: refused file changed"; fail=1; }
exit $fail

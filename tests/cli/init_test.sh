#!/usr/bin/env bash
# `cioc init` (issue 13): a workspace that checks clean at once, today, with
# its own configuration; formatted; nothing overwritten; bad names refused.
cioc=$1 stdlib=$2
source "$(dirname "$0")/lib.sh"

"$cioc" init "$tmp/ws" --stdlib "$stdlib" --naam VWS --titel 'Ministerie van "Volksgezondheid"' > "$tmp/out"
check "init: made" 0 $?
for f in cioc.toml ministerie/vws.cio .github/workflows/cioc.yml; do
  [ -f "$tmp/ws/$f" ] && echo "ok   init: $f" || { echo "FAIL init: no $f"; fail=1; }
done
expect "init: says what to do next" "$tmp/out" "cioc check"
(cd "$tmp/ws" && "$cioc" check --stdlib "$stdlib" ministerie/ > "$tmp/check" 2>&1)
check "init: checks clean at once, today, with its cioc.toml (werror)" 0 $?
expect "init: something was checked" "$tmp/check" "voldoet"
"$cioc" fmt --check "$tmp/ws/ministerie" > /dev/null 2>&1
check "init: the file is formatted" 0 $?
python3 -c "import sys, json; print(json.dumps(open(sys.argv[1]).read()))" "$tmp/ws/.github/workflows/cioc.yml" > /dev/null \
  && grep -q "cioc check --format github ministerie/" "$tmp/ws/.github/workflows/cioc.yml" \
  && echo "ok   init: the workflow checks the folder" || { echo "FAIL init: workflow"; fail=1; }

# Nothing a user wrote is overwritten: a second init writes nothing at all.
echo "// eigen werk" >> "$tmp/ws/cioc.toml"
cp -r "$tmp/ws" "$tmp/before"
"$cioc" init "$tmp/ws" --stdlib "$stdlib" --naam ANDER > "$tmp/out" 2>&1
check "init again: refused" 2 $?
expect "init again: says why" "$tmp/out" "init_exists"
diff -r "$tmp/before" "$tmp/ws" > /dev/null && echo "ok   init again: nothing changed, nothing added" \
  || { echo "FAIL init again: the workspace changed"; fail=1; }

"$cioc" init "$tmp/bad" --stdlib "$stdlib" --naam "1 x" > "$tmp/out" 2>&1
check "init: a name the language does not accept" 2 $?
expect "init: says which" "$tmp/out" "init_bad_name"
[ ! -e "$tmp/bad" ] && echo "ok   init: nothing made for a bad name" || { echo "FAIL init: made something"; fail=1; }
"$cioc" init "$tmp/nolib" --stdlib "$tmp/nowhere" > "$tmp/out" 2>&1
check "init: no templates" 2 $?
expect "init: says where it looked" "$tmp/out" "init_template_missing"
exit $fail

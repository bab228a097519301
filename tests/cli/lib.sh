# Shared by the command-line tests: a scratch directory removed on exit, a
# failure flag, and assertions that print one ok/FAIL line each.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() {  # check NAME EXPECTED_STATUS ACTUAL_STATUS
  if [ "$2" != "$3" ]; then echo "FAIL $1: expected exit $2, got $3"; fail=1; else echo "ok   $1"; fi
}
expect() {  # expect NAME FILE TEXT: FILE contains TEXT
  if grep -qF -- "$3" "$2"; then echo "ok   $1"; else echo "FAIL $1: no '$3' in output"; fail=1; fi
}
absent() {  # absent NAME FILE TEXT: FILE does not contain TEXT
  if grep -qF -- "$3" "$2"; then echo "FAIL $1: unexpected '$3'"; fail=1; else echo "ok   $1"; fi
}

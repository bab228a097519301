#!/usr/bin/env bash
# `cioc check --watch` (issue 13): checks, then again on every save of a .cio
# file or of cioc.toml (inotify), until stopped (here: --watch-max 2).
cioc=$1 stdlib=$2 root=$3
source "$(dirname "$0")/lib.sh"
mkdir -p "$tmp/ws/ministerie"
cp "$root/tests/files/cascades/clean.cio" "$tmp/ws/ministerie/vb.cio"
timeout 60 "$cioc" check --stdlib "$stdlib" --peildatum 2025-06-01 --watch --watch-max 2 "$tmp/ws" > "$tmp/out" 2>&1 &
pid=$!
waitfor() {  # waitfor N: until the output has N summaries, at most 20 s
  for _ in $(seq 200); do [ "$(grep -c '^normen:' "$tmp/out")" -ge "$1" ] && return 0; sleep 0.1; done; return 1
}
waitfor 1 && echo "ok   watch: the first check" || { echo "FAIL watch: no first check"; fail=1; }
sleep 0.3  # the watches are set once the first check is printed
sed -i 's/leden = \[SG, DG, CIO\]/leden = [SG, DG]/' "$tmp/ws/ministerie/vb.cio"
waitfor 2 && echo "ok   watch: checked again after a save" || { echo "FAIL watch: no second check"; fail=1; }
sleep 0.3
printf '[levels]\ncio_in_bestuursraad = "allow"\n' > "$tmp/ws/cioc.toml"
waitfor 3 && echo "ok   watch: checked again after cioc.toml changed" || { echo "FAIL watch: no third check"; fail=1; }
wait $pid
check "watch: stops after --watch-max, with the last check's status" 0 $?
expect "watch: the save's finding" "$tmp/out" "fout[cio_in_bestuursraad]"
expect "watch: a separator per re-check" "$tmp/out" "--- opnieuw getoetst om "
[ "$(grep -c 'fout\[cio_in_bestuursraad\]' "$tmp/out")" = 1 ] && echo "ok   watch: the configuration allows it in the third" \
  || { echo "FAIL watch: the third check still shows it"; fail=1; }
exit $fail

#!/usr/bin/env bash
# cioc.toml (issue 13): found by walking up from the inputs, the command line
# beats it, levels allow/warn/deny codes, a bad file is a usage error with a
# location and a did-you-mean; the shipped CI example passes today on a clean
# model and fails on a new violation.
cioc=$1 stdlib=$2 root=$3
source "$(dirname "$0")/lib.sh"

# The shipped example, as its workflow runs it: today's date, --werror.
cp -r "$root/examples/ci" "$tmp/ci"
(cd "$tmp/ci" && "$cioc" check --stdlib "$stdlib" --werror ministerie/ > "$tmp/out" 2>&1)
check "examples/ci: a clean model passes today" 0 $?
absent "examples/ci: the replaced Besluit is allowed, not shown" "$tmp/out" "library_superseded"
sed -i 's/leden = \[SG, DG, CIO\]/leden = [SG, DG]/' "$tmp/ci/ministerie/voorbeeldzaken.cio"
(cd "$tmp/ci" && "$cioc" check --stdlib "$stdlib" --werror ministerie/ > "$tmp/out" 2>&1)
check "examples/ci: a new violation fails" 1 $?
expect "examples/ci: the violation is shown" "$tmp/out" "cio_in_bestuursraad"

# Found from a folder below the file, and from a file given by name.
mkdir -p "$tmp/ws/diep/er"
cp "$root/tests/files/cascades/clean.cio" "$tmp/ws/diep/er/vb.cio"
printf 'werror = true\n' > "$tmp/ws/cioc.toml"
"$cioc" check --stdlib "$stdlib" --peildatum 2025-06-01 "$tmp/ws/diep/er" > /dev/null 2>&1
check "found walking up; werror from the file (no superseded warning in 2025)" 0 $?
"$cioc" check --stdlib "$stdlib" "$tmp/ws/diep/er/vb.cio" > "$tmp/out" 2>&1
check "werror from the file: the superseded warning fails today" 1 $?
"$cioc" check --stdlib "$stdlib" --allow library_superseded "$tmp/ws/diep/er/vb.cio" > /dev/null 2>&1
check "--allow on the command line" 0 $?

# The reference date from the file; the command line beats it.
printf 'peildatum = "2027-06-01"\n[levels]\nlibrary_superseded = "allow"\n' > "$tmp/ws/cioc.toml"
"$cioc" check --stdlib "$stdlib" "$tmp/ws/diep/er" > "$tmp/out" 2>&1
check "peildatum from the file: the plan of 2024-2027 still covers 2027-06-01" 0 $?
printf 'peildatum = "2028-06-01"\n[levels]\nlibrary_superseded = "allow"\n' > "$tmp/ws/cioc.toml"
"$cioc" check --stdlib "$stdlib" "$tmp/ws/diep/er" > "$tmp/out" 2>&1
check "peildatum from the file: 2028 has no plan" 1 $?
expect "peildatum from the file: the plan is missing" "$tmp/out" "meerjarig_informatieplan"
"$cioc" check --stdlib "$stdlib" --peildatum 2025-06-01 "$tmp/ws/diep/er" > /dev/null 2>&1
check "--peildatum beats the file" 0 $?

# Levels: deny makes a warning an error, warn an error a warning.
printf '[levels]\nlibrary_superseded = "allow"\naanstelling_cio_na_overleg_bzk = "deny"\ncio_in_bestuursraad = "warn"\n' \
  > "$tmp/ws/cioc.toml"
sed 's/overleg_bzk = 2024-02-12;//; s/leden = \[SG, DG, CIO\]/leden = [SG, DG]/' "$root/tests/files/cascades/clean.cio" \
  > "$tmp/ws/diep/er/vb.cio"
"$cioc" check --stdlib "$stdlib" --peildatum 2025-06-01 "$tmp/ws/diep/er" > "$tmp/out" 2>&1
check "levels: a denied warning fails" 1 $?
expect "levels: deny makes it an error" "$tmp/out" "fout[aanstelling_cio_na_overleg_bzk]"
expect "levels: warn makes it a warning" "$tmp/out" "waarschuwing[cio_in_bestuursraad]"
"$cioc" check --stdlib "$stdlib" --peildatum 2025-06-01 --allow aanstelling_cio_na_overleg_bzk "$tmp/ws/diep/er" \
  > "$tmp/out" 2>&1
check "levels: --allow beats the file's deny" 0 $?

# A bad file: every problem with its place, a did-you-mean, exit 2.
printf 'peildatm = "vandaag"\nlang = "de"\n[levels]\nlibrary_supersede = "allow"\nsyntax_error = "allow"\n' \
  > "$tmp/ws/cioc.toml"
"$cioc" check --stdlib "$stdlib" "$tmp/ws/diep/er" > "$tmp/out" 2>&1
check "bad configuration: a usage error" 2 $?
expect "unknown key" "$tmp/out" "fout[config_unknown_key]: onbekende instelling \`peildatm\`"
expect "unknown key: did you mean" "$tmp/out" "bedoeld: \`peildatum\`?"
expect "unknown key: where" "$tmp/out" "cioc.toml:1:1"
expect "bad value" "$tmp/out" "fout[config_bad_value]: instelling \`lang\`"
expect "unknown code: did you mean" "$tmp/out" "bedoeld: \`library_superseded\`?"
expect "a compiler error cannot be allowed" "$tmp/out" "fout[config_cannot_lower]"
printf 'werror = tru\n' > "$tmp/ws/cioc.toml"
"$cioc" check --stdlib "$stdlib" "$tmp/ws/diep/er" > "$tmp/out" 2>&1
check "not TOML: a usage error" 2 $?
expect "not TOML: where" "$tmp/out" "cioc.toml:1:"

exit $fail

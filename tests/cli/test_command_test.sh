#!/usr/bin/env bash
# `cioc test`: the house rules of examples/huisregels pass their fixtures with
# full branch coverage; a fixture that misses an expected finding, gives one
# not expected, names a norm that does not exist or is itself wrong fails
# (exit 1) and says why; a decision never false or never reached is named with
# its place; no fixtures or no norms is a usage error (exit 2); `cioc check`
# leaves fixtures out of the workspace, `cioc fmt` does not.
set -u
cioc=$1 stdlib=$2 root=$3
source "$(dirname "$0")/lib.sh"

"$cioc" test --stdlib "$stdlib" "$root/examples/huisregels" > "$tmp/out" 2>&1; check "house rules pass" 0 $?
expect "house rules: each fixture" "$tmp/out" "ok       $root/examples/huisregels/toetsen/eigenaar.toets.cio"
expect "house rules: per norm" "$tmp/out" "groot_project_heeft_eigenaar (art5.3): toegepast in 1 toets(en): 1 keer nageleefd, 2 keer geschonden; takken 4/4 (100%)"
expect "house rules: summary" "$tmp/out" "2 toetsen: 2 geslaagd, 0 mislukt; takken 8/8 (100%)"
"$cioc" test --stdlib "$stdlib" --lang en "$root/examples/huisregels" > "$tmp/out" 2>&1
expect "house rules in English" "$tmp/out" "2 fixtures: 2 passed, 0 failed; branches 8/8 (100%)"
"$cioc" check --stdlib "$stdlib" --peildatum 2025-06-01 --format json "$root/examples/huisregels" > "$tmp/out" 2>&1
absent "check leaves the fixtures out" "$tmp/out" "toets.cio"

mkdir -p "$tmp/ws/toetsen"
cat > "$tmp/ws/regels.cio" <<'CIO'
gebruik besluit_cio_2021;
norm p_eigenaar {
    artikel art5.3;
    ernst fout;
    voor elk p in project;
    waarbij p.ict_component >= 5 mln of p.op_dashboard = ja;
    eis heeft p.eigenaar;
    melding "{p} heeft geen eigenaar";
}
CIO
cat > "$tmp/ws/w.cio" <<'CIO'
gebruik besluit_cio_2021;
ministerie W { sg SG; project EIGEN { ict_component = 1 mln; } }
norm w_gemengd { artikel art5.3; ernst advies; voor elk p in project; eis heeft p.start; melding "{p}"; }
CIO
cat > "$tmp/ws/toetsen/a.toets.cio" <<'CIO'
// peildatum: 2025-06-01
gebruik besluit_cio_2021;
ministerie M {
    sg SG;
    dienstonderdeel D;
    project P1 { ict_component = 8 mln; }  // verwacht: p_eigenaar
    project P2 { ict_component = 8 mln; eigenaar = D; }
    project P3 { ict_component = 9 mln; }
    // verwacht@+1: p_eigenar
    project P4 { ict_component = 9 mln; eigenaar = D; }  // verwacht: p_eigenaar
}
CIO
cat > "$tmp/ws/toetsen/b.toets.cio" <<'CIO'
gebruik besluit_cio_2021;
ministerie M { sg SG; project P { ict_componet = 8 mln; } }
CIO
"$cioc" test --stdlib "$stdlib" --peildatum 2025-06-01 "$tmp/ws" > "$tmp/out" 2>&1; check "failing fixtures" 1 $?
expect "a failing fixture is named" "$tmp/out" "MISLUKT  $tmp/ws/toetsen/a.toets.cio"
expect "an unknown norm in verwacht" "$tmp/out" "test_unknown_norm"
expect "its suggestion" "$tmp/out" "bedoeld: \`p_eigenaar\`?"
cp "$tmp/ws/toetsen/a.toets.cio" "$tmp/a.saved"
sed -i 's|// verwacht@+1: p_eigenar||' "$tmp/ws/toetsen/a.toets.cio"
"$cioc" test --stdlib "$stdlib" --peildatum 2025-06-01 "$tmp/ws" > "$tmp/out" 2>&1; check "still failing" 1 $?
expect "an unexpected finding" "$tmp/out" "regel 8: p_eigenaar gemeld, niet verwacht: M.P3 heeft geen eigenaar"
expect "a missing finding" "$tmp/out" "regel 10: verwacht p_eigenaar, maar niet gemeld"
expect "a fixture that is itself wrong" "$tmp/out" "de toets is zelf fout en toetst niets:"
expect "its error" "$tmp/out" "fout[unknown_field]"
expect "a decision never reached" "$tmp/out" "regels.cio:6:41 \`p.op_dashboard = ja\`: nooit beslist"
expect "the norm's coverage" "$tmp/out" "takken 4/8 (50%)"
expect "a norm in a file with entities is not tested" "$tmp/out" "w_gemengd: niet getoetst: staat in $tmp/ws/w.cio, dat ook entiteiten declareert"
rm "$tmp/ws/toetsen/b.toets.cio"
"$cioc" test --stdlib "$stdlib" --peildatum 2025-06-01 "$tmp/ws" > "$tmp/out" 2>&1
expect "a decision never false" "$tmp/out" "regels.cio:6:13 \`p.ict_component >= 5 mln of p.op_dashboard = ja\`: nooit onwaar"

printf '  ministerie   X { sg S; }\n' > "$tmp/ws/toetsen/c.toets.cio"
"$cioc" fmt --check "$tmp/ws" > "$tmp/out" 2>&1
expect "fmt takes fixtures too" "$tmp/out" "c.toets.cio"

mkdir "$tmp/empty"; cp "$tmp/ws/regels.cio" "$tmp/empty/"
"$cioc" test --stdlib "$stdlib" "$tmp/empty" > "$tmp/out" 2>&1; check "no fixtures" 2 $?
expect "no fixtures: said" "$tmp/out" "test_no_fixtures"
"$cioc" test --stdlib "$stdlib" "$root/examples/rijksdienst" > "$tmp/out" 2>&1; check "no norms" 2 $?
expect "no norms: said" "$tmp/out" "test_no_norms"
exit $fail

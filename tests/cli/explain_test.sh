#!/usr/bin/env bash
# `cioc explain`: an article shows its text, toelichting and enforcing norms; a norm shows its
# source and example; a kind its fields and the norms reading them (every kind and
# diagnostic: explain_all_test.py); unknown names get a suggestion; and every stdlib norm's example really
# violates it (`--toets-voorbeelden`), which a broken copy of the stdlib must fail.
set -u
cioc=$1 stdlib=$2 root=$3
source "$(dirname "$0")/lib.sh"

"$cioc" explain --stdlib "$stdlib" art3.1 > "$tmp/art" 2>&1; check "explain art3.1" 0 $?
expect "article text" "$tmp/art" "draagt zorg voor de aanstelling"
expect "official link" "$tmp/art" "jci1.3:c:BWBR0044613&artikel=3&lid=1"
expect "toelichting of the lid" "$tmp/art" "In het eerste lid staat beschreven"
expect "enforcing norm with its source" "$tmp/art" "norm cio_onder_sg {"
expect "both art3.1 norms" "$tmp/art" "een_departementale_cio"
absent "only art3.1's norms" "$tmp/art" "cio_in_bestuursraad"
expect "example of a violation" "$tmp/art" "ressorteert_onder = PLV_SG"
expect "example loads its library" "$tmp/art" "gebruik besluit_cio_2021;"

# A whole article covers its parts; a part is enforced by a norm on the whole article.
"$cioc" explain --stdlib "$stdlib" art4 > "$tmp/art4" 2>&1; check "explain art4" 0 $?
expect "whole article: its own norm" "$tmp/art4" "cio_taken_volledig"
expect "whole article: a part's norm" "$tmp/art4" "meerjarig_informatieplan"
"$cioc" explain --stdlib "$stdlib" art4.c > "$tmp/art4c" 2>&1; check "explain art4.c" 0 $?
expect "part: the whole article's norm" "$tmp/art4c" "cio_taken_volledig"
absent "part: not a sibling's norm" "$tmp/art4c" "aangemeld_bij_adviescollege"

"$cioc" explain --stdlib "$stdlib" cio_heeft_office > "$tmp/norm" 2>&1; check "explain a norm" 0 $?
expect "norm: article text" "$tmp/norm" "Een CIO beschikt over een CIO-office."
expect "norm: source location" "$tmp/norm" "besluit_cio_2021.cio:"
"$cioc" explain --stdlib "$stdlib" --lang en art3.5 > "$tmp/en" 2>&1; check "explain in English" 0 $?
expect "English labels" "$tmp/en" "Norms that enforce it"
"$cioc" explain --stdlib "$stdlib" art1 > "$tmp/art1" 2>&1; check "article without norms" 0 $?
expect "says no norm enforces it" "$tmp/art1" "Geen norm dwingt dit af"

"$cioc" explain --stdlib "$stdlib" cio_heeft_ofice > "$tmp/unknown" 2>&1; check "unknown name" 2 $?
expect "unknown: did you mean" "$tmp/unknown" "cio_heeft_office"
"$cioc" explain --stdlib "$stdlib" minsterie > "$tmp/unknown" 2>&1; check "misspelt kind" 2 $?
expect "misspelt kind: did you mean" "$tmp/unknown" "bedoeld: \`ministerie\`"
"$cioc" explain --stdlib "$stdlib" unknwn_field > "$tmp/unknown" 2>&1; check "misspelt code" 2 $?
expect "misspelt code: did you mean" "$tmp/unknown" "bedoeld: \`unknown_field\`"
"$cioc" explain --stdlib "$stdlib" project > "$tmp/kind" 2>&1; check "a kind" 0 $?
expect "a kind: a field with its type" "$tmp/kind" "ict_component: bedrag?"
expect "a kind: the norms reading a field" "$tmp/kind" "op_rijks_ict_dashboard (art16)"
expect "a kind: where it stands" "$tmp/kind" "Staat in"
"$cioc" explain --stdlib "$stdlib" > /dev/null 2>&1; check "no subject" 2 $?

# House rules: a workspace's own norms are explained too.
"$cioc" explain --stdlib "$stdlib" eigen_cio_boven_budgetgrens "$root/examples/huisregels" > "$tmp/house" 2>&1
check "explain a house rule" 0 $?
expect "house rule source" "$tmp/house" "norm eigen_cio_boven_budgetgrens {"

# Every example violates its norm, at a date the Besluit was in force and today.
"$cioc" explain --stdlib "$stdlib" --toets-voorbeelden --peildatum 2025-06-01 > "$tmp/ex" 2>&1
check "stdlib examples violate their norms" 0 $?
"$cioc" explain --stdlib "$stdlib" --toets-voorbeelden > "$tmp/ex" 2>&1; check "stdlib examples, today" 0 $?

# A broken copy: an example that complies, one with an error, one norm without example.
mkdir "$tmp/lib"
python3 - "$stdlib/besluit_cio_2021.cio" "$tmp/lib/besluit_cio_2021.cio" <<'PY'
import sys
s = open(sys.argv[1]).read()
a = "///     project P { ict_component = 12 mln; }"
b = "///     zbo UWV { portfolio = substantieel; }"
c = "/// ```\n/// rijk R {\n///     evaluatie E { datum = 2021-06-30; }\n/// }\n/// ```\n"
assert a in s and b in s and c in s
s = s.replace(a, "///     project P { ict_component = 1 mln; }")
s = s.replace(b, "///     zbo UWV { portfolio = substantieel; onbekend = 3; }")
i = s.index(c)
s = s[:i] + s[i + len(c):]
open(sys.argv[2], "w").write(s)
PY
"$cioc" explain --stdlib "$tmp/lib" --toets-voorbeelden --peildatum 2025-06-01 > "$tmp/broken" 2>&1
check "broken examples fail" 1 $?
expect "complying example" "$tmp/broken" "example_not_violating"
expect "example with an error" "$tmp/broken" "example_invalid"
expect "norm without example" "$tmp/broken" "example_missing"

exit $fail

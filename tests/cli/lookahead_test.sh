#!/usr/bin/env bash
# `cioc check --vooruit`: the findings that will appear, each with its first
# date, found from the dates in the model (a project that starts, a plan that
# ends, a deviation that expires, a handvest that ages), not per norm; nothing
# when the input has errors; a span that is none is refused (exit 2).
set -u
cioc=$1 stdlib=$2 root=$3
source "$(dirname "$0")/lib.sh"
run() { "$cioc" check --stdlib "$stdlib" --peildatum 2025-06-01 "$@" > "$tmp/out" 2>&1; }

cat > "$tmp/m.cio" <<'CIO'
gebruik besluit_cio_2021;

ministerie M {
    sg SG;
    bestuursraad BR { leden = [SG, CIO]; }
    cio CIO { ressorteert_onder = SG; office = OFFICE; overleg_bzk = 2024-02-12; }
    cio_office OFFICE { expertise = [beleid, architectuur, bedrijfsvoering]; }
    ciso CISO { ressorteert_onder = CIO; }
    informatieplan IP { periode = 2024..2025; financiele_paragraaf = ja; }
    project P { ict_component = 8 mln; start = 2025-09-01; adviescollege_aangemeld = 2025-01-15; op_dashboard = ja; }
}
CIO
run --vooruit 12m "$tmp/m.cio"; check "look-ahead: today is clean" 0 $?
expect "a project that starts without an opinion" "$tmp/out" "2025-09-01  fout[positief_cio_oordeel_voor_start]: M.P heeft een grote ICT-component"
expect "a plan whose period ends" "$tmp/out" "2026-01-01  fout[meerjarig_informatieplan]"
expect "the count" "$tmp/out" "vooruitblik tot en met 2026-06-01:"
expect "the Besluit lapses within the span" "$tmp/out" "let op: Besluit CIO-stelsel Rijksdienst 2021 vervalt op 2026-01-01"
run --vooruit 2m "$tmp/m.cio"
expect "a short span" "$tmp/out" "nieuwe bevinding(en): 0"
absent "a short span sees nothing after it" "$tmp/out" "2025-09-01"
run --vooruit 24m "$root/examples/tutorial/voorbeeldzaken.cio"
expect "a deviation that expires uncovers its finding the day after" "$tmp/out" "2027-01-02  fout[cio_in_bestuursraad]: VB.CIO is geen lid van de bestuursraad van VB"
run --vooruit 24m "$root/examples/rijksdienst"
expect "a handvest that ages" "$tmp/out" "2027-05-02  fout[handvest_actueel]"
run --vooruit 12m --lang en "$tmp/m.cio"
expect "in English" "$tmp/out" "look-ahead up to 2026-06-01"

# The JSON carries the look-ahead too, each finding with its date and place.
run --vooruit 12m --format json "$tmp/m.cio"; check "look-ahead: json" 0 $?
python3 - "$tmp/out" <<'PY' && echo "ok   look-ahead: in the JSON" || { echo "FAIL look-ahead: JSON"; fail=1; }
import json, sys
la = json.load(open(sys.argv[1]))["look_ahead"]
assert la["until"] == "2026-06-01" and not la["skipped"] and la["dates_checked"] > 0, la
first = la["coming"][0]
assert first["date"] == "2025-09-01" and first["code"] == "positief_cio_oordeel_voor_start" and first["line"] > 0, first
PY
run --format json "$tmp/m.cio"
python3 -c "import json,sys; sys.exit('look_ahead' in json.load(open(sys.argv[1])))" "$tmp/out" \
  && echo "ok   look-ahead: not in the JSON unless asked" || { echo "FAIL look-ahead: JSON without --vooruit"; fail=1; }
sed 's/ict_component = 8 mln;/ict_componnt = 8 mln;/' "$tmp/m.cio" > "$tmp/fout.cio"
run --vooruit 12m "$tmp/fout.cio"
expect "no look-ahead from data with errors" "$tmp/out" "geen vooruitblik: de invoer bevat fouten"
absent "no look-ahead from data with errors: no dates" "$tmp/out" "2025-09-01  fout"
run --vooruit 12m --format json "$tmp/fout.cio"
python3 -c "import json,sys; la=json.load(open(sys.argv[1]))['look_ahead']; sys.exit(not (la['skipped'] and la['coming'] == []))" "$tmp/out" \
  && echo "ok   look-ahead: JSON skipped from data with errors" || { echo "FAIL look-ahead: JSON from data with errors"; fail=1; }
run --vooruit 12 "$tmp/m.cio"; check "a span without unit" 2 $?
expect "a span without unit: said" "$tmp/out" "invalid_lookahead"
exit $fail

#!/usr/bin/env bash
# Baselines (issue 13): `cioc baseline -o FILE` records today's findings;
# `check --baseline FILE` (or `baseline` in cioc.toml) fails only on new ones;
# fingerprints survive unrelated edits and moved lines; JSON and SARIF mark
# each finding new or unchanged, SARIF with partialFingerprints.
cioc=$1 stdlib=$2 root=$3
source "$(dirname "$0")/lib.sh"
run() { "$cioc" "$1" --stdlib "$stdlib" --peildatum 2025-06-01 "${@:2}"; }

mkdir -p "$tmp/ws/ministerie"
# Two accepted findings: the CIO is not in the bestuursraad, the office lacks expertise.
sed 's/leden = \[SG, DG, CIO\]/leden = [SG, DG]/; s/expertise = \[beleid, architectuur, bedrijfsvoering\]/expertise = [beleid]/' \
  "$root/tests/files/cascades/clean.cio" > "$tmp/ws/ministerie/vb.cio"
run check "$tmp/ws/ministerie" > /dev/null 2>&1
check "without a baseline the findings fail" 1 $?
run baseline -o "$tmp/ws/cioc-baseline.json" "$tmp/ws/ministerie" 2> "$tmp/err"
check "baseline: written" 0 $?
expect "baseline: says how many" "$tmp/err" "2 bevindingen vastgelegd"
python3 - "$tmp/ws/cioc-baseline.json" <<'PY' || fail=1
import json, re, sys
doc = json.load(open(sys.argv[1]))
assert doc["version"] == 1 and len(doc["findings"]) == 2, doc
assert {f["code"] for f in doc["findings"]} == {"cio_in_bestuursraad", "office_expertise"}
assert all(re.fullmatch(r"[0-9a-f]{32}", f["fingerprint"]) for f in doc["findings"])
print("ok   baseline: two fingerprinted findings")
PY
run check --baseline "$tmp/ws/cioc-baseline.json" "$tmp/ws/ministerie" > "$tmp/out" 2>&1
check "with the baseline: clean" 0 $?
expect "with the baseline: the known ones are counted, not shown" "$tmp/out" "2 bekende bevindingen uit de baseline niet getoond"
absent "with the baseline: not shown" "$tmp/out" "cio_in_bestuursraad"

# Unrelated edits and moved lines: the same two, still known.
{ echo "// Een opmerking bovenaan."; echo; cat "$tmp/ws/ministerie/vb.cio"; } > "$tmp/moved.cio"
sed -i 's/"Dienst Uitvoering"/"Dienst Uitvoering en Handhaving"/; s/    sg SG/\n\n    sg SG/' "$tmp/moved.cio"
mv "$tmp/moved.cio" "$tmp/ws/ministerie/vb.cio"
run check --baseline "$tmp/ws/cioc-baseline.json" "$tmp/ws/ministerie" > "$tmp/out" 2>&1
check "lines moved, titles edited: still known" 0 $?

# A new violation fails, and only it is shown.
sed -i 's/    ciso CISO "CISO Voorbeeldzaken" { ressorteert_onder = CIO; }/    ciso CISO "CISO Voorbeeldzaken" { ressorteert_onder = SG; }/' \
  "$tmp/ws/ministerie/vb.cio"
run check --baseline "$tmp/ws/cioc-baseline.json" "$tmp/ws/ministerie" > "$tmp/out" 2>&1
check "a new violation fails" 1 $?
expect "the new violation is shown" "$tmp/out" "fout[ciso_onder_cio]"
absent "the known ones are not" "$tmp/out" "office_expertise"

# The baseline from cioc.toml, relative to it; the machine formats mark every finding.
printf 'baseline = "cioc-baseline.json"\n' > "$tmp/ws/cioc.toml"
run check --format sarif "$tmp/ws/ministerie" > "$tmp/out.sarif"
check "sarif with the configured baseline: the new one fails" 1 $?
python3 - "$tmp/out.sarif" <<'PY' || fail=1
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0]["results"]
states = {r["ruleId"]: r.get("baselineState") for r in results if r.get("level") in ("error", "warning")}
assert states.get("ciso_onder_cio") == "new", states
assert states.get("cio_in_bestuursraad") == "unchanged" and states.get("office_expertise") == "unchanged", states
assert all("ciocFingerprint/v1" in r["partialFingerprints"] for r in results if r.get("level") in ("error", "warning"))
print("ok   sarif: baselineState and partialFingerprints")
PY
run check --format json "$tmp/ws/ministerie" > "$tmp/out.json"
python3 - "$tmp/out.json" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))["diagnostics"]
states = {x["code"]: x.get("baseline") for x in d if x["severity"] in ("error", "warning")}
assert states["ciso_onder_cio"] == "new" and states["office_expertise"] == "unchanged", states
print("ok   json: baseline states")
PY

# One finding is one, in the singular.
mkdir -p "$tmp/one"
sed 's/leden = \[SG, DG, CIO\]/leden = [SG, DG]/' "$root/tests/files/cascades/clean.cio" > "$tmp/one/vb.cio"
run baseline -o "$tmp/one-baseline.json" "$tmp/one" 2> "$tmp/err"
check "one finding: written" 0 $?
expect "one finding: in the singular" "$tmp/err" "1 bevinding vastgelegd in"
run check --baseline "$tmp/one-baseline.json" "$tmp/one" > "$tmp/out" 2>&1
check "one finding: known" 0 $?
expect "one known finding: in the singular" "$tmp/out" "1 bekende bevinding uit de baseline niet getoond"

# Not a baseline: a usage error.
echo '{"x": 1}' > "$tmp/bad.json"
run check --baseline "$tmp/bad.json" "$tmp/ws/ministerie" > "$tmp/out" 2>&1
check "not a baseline: a usage error" 2 $?
expect "not a baseline: says so" "$tmp/out" "baseline_invalid"
exit $fail

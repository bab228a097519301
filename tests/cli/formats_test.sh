#!/usr/bin/env bash
# The CI formats of `cioc check`: SARIF 2.1.0 (validated by Microsoft's SARIF
# multitool, installed by scripts/setup-test-tools.sh) and GitHub workflow
# commands; both deterministic whatever the file order, and escaped so that no
# file name or message can break them.
set -u
cioc=$1 stdlib=$2 root=$3 tools=$4
source "$(dirname "$0")/lib.sh"
multitool=$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool

# A workspace with errors, a warning, findings a deviation covers and a fix-it.
mkdir "$tmp/ws"
cp "$root/tests/files/stdlib/violations_parts.cio" "$tmp/ws/a,b:c%d.cio"
sed "s/\\bM\\b/GEDEKT/g" "$root/tests/files/deviations/lawful.cio" > "$tmp/ws/gedekt.cio"  # its own ministry name
printf 'ministerie X { sg SG; }\n' > "$tmp/ws/zonder gebruik.cio"

"$cioc" check --stdlib "$stdlib" --peildatum 2025-12-01 --format sarif "$tmp/ws" > "$tmp/out.sarif"
check "sarif: findings exit 1" 1 $?
if [ -x "$multitool" ]; then
  "$multitool" validate "$tmp/out.sarif" > "$tmp/validate" 2>&1; status=$?
  if [ $status -ne 0 ] || grep -q ': error ' "$tmp/validate"; then
    echo "FAIL sarif: the multitool rejects it"; cat "$tmp/validate"; fail=1
  else
    echo "ok   sarif: the multitool validates it"
  fi
else
  echo "FAIL sarif: $multitool is missing (run scripts/setup-test-tools.sh)"; fail=1
fi
python3 - "$tmp/out.sarif" "$stdlib" <<'PY' || fail=1
import json, re, sys
doc = json.load(open(sys.argv[1]))
assert doc["version"] == "2.1.0"
run = doc["runs"][0]
rules = run["tool"]["driver"]["rules"]
ids = [r["id"] for r in rules]
norms = re.findall(r"^norm (\w+) \{", open(sys.argv[2] + "/besluit_cio_2021.cio").read(), re.M)
assert set(norms) <= set(ids), set(norms) - set(ids)          # one rule per norm
rule = rules[ids.index("cio_heeft_office")]
assert rule["properties"]["article"] == "art3.5"
assert rule["helpUri"].endswith("artikel=3&lid=5"), rule["helpUri"]
assert "Een CIO beschikt over een CIO-office" in rule["help"]["text"]
results = run["results"]
for r in results:
    assert ids[r["ruleIndex"]] == r["ruleId"]
    if r.get("kind") in ("pass", "notApplicable", "open"):
        assert r["level"] == "none" and "locations" not in r, r
    else:
        assert r["level"] in ("error", "warning", "note"), r
# The five outcomes: a norm without a finding has one result that says which of
# the three other outcomes it has, and every checked norm's rule names its own.
kinds = {r["ruleId"]: r["kind"] for r in results if "kind" in r}
assert kinds.get("een_departementale_cio") == "pass", kinds.get("een_departementale_cio")
assert kinds.get("richtinggevend_eigen_cio") == "notApplicable", kinds.get("richtinggevend_eigen_cio")
assert kinds.get("er_is_een_cio_beraad") == "open", kinds.get("er_is_een_cio_beraad")   # no `rijk`
assert "cio_heeft_office" not in kinds                                          # it has a finding
outcomes = {r["id"]: r["properties"]["outcome"] for r in rules if "outcome" in r.get("properties", {})}
assert outcomes["cio_heeft_office"] == "violation" and outcomes["een_departementale_cio"] == "complies", outcomes
assert outcomes["er_is_een_cio_beraad"] == "not_evaluated", outcomes
office = [r for r in results if r["ruleId"] == "cio_heeft_office"]
assert office and office[0]["properties"]["article"] == "art3.5"
region = office[0]["locations"][0]["physicalLocation"]["region"]
assert region["startLine"] == 18 and region["startColumn"] == 13 and region["endColumn"] == 18, region
uri = office[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
assert uri.endswith("/a%2Cb%3Ac%25d.cio"), uri
suppressed = [r for r in results if "suppressions" in r]
assert suppressed and all(s["suppressions"][0]["kind"] == "inSource" for s in suppressed)
assert {s["suppressions"][0]["justification"] for s in suppressed} == {"AFW_ART3", "AFW_DIENST"}
missing = [r for r in results if r["ruleId"] == "missing_use"]
assert missing and missing[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"].startswith("gebruik ")
assert "zonder%20gebruik.cio" in missing[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
print("ok   sarif: rules, results, regions, suppressions and fixes")
PY

# The same workspace named file by file in reverse order gives the same bytes.
"$cioc" check --stdlib "$stdlib" --peildatum 2025-12-01 --format sarif "$tmp/ws/zonder gebruik.cio" "$tmp/ws/gedekt.cio" "$tmp/ws/a,b:c%d.cio" > "$tmp/again.sarif"
cmp -s "$tmp/out.sarif" "$tmp/again.sarif" && echo "ok   sarif: deterministic" || { echo "FAIL sarif: output depends on file order"; fail=1; }

"$cioc" check --stdlib "$stdlib" --peildatum 2025-12-01 --format github "$tmp/ws" > "$tmp/out.gh"
check "github: findings exit 1" 1 $?
python3 - "$tmp/out.gh" <<'PY' || fail=1
import re, sys
lines = open(sys.argv[1]).read().split("\n")
assert lines[-1] == "" and lines[-2].startswith("cioc: "), lines[-2:]
commands = lines[:-2]
assert commands and all(re.match(r"^::(error|warning|notice) ", l) for l in commands), commands[:3]
office = [l for l in commands if "title=cio_heeft_office (art3.5)" in l]
assert office, "no cio_heeft_office annotation"
props = office[0].split("::")[1]
assert "file=" in props and ",line=18,col=13," in props, props
assert "a%2Cb%3Ac%25d.cio" in props, props          # `,` `:` `%` escaped in a property
assert "\n" not in office[0] and "%0A" in office[0]  # the article notes follow on escaped lines
assert any(l.startswith("::notice ") and "gedekt door AFW_ART3" in l for l in commands)
print("ok   github: annotations, escaping, covered findings as notices")
PY

exit $fail

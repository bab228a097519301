#!/usr/bin/env bash
# The command-line contract of spec §9: exit statuses, formats, languages,
# determinism whatever the file order, and the stdlib path overrides.
set -u
cioc=$1 stdlib=$2 root=$3
source "$(dirname "$0")/lib.sh"

ws=$root/examples/rijksdienst

"$cioc" check --stdlib "$stdlib" --peildatum 2025-06-01 "$ws" > "$tmp/out" 2>&1; check "clean workspace" 0 $?
"$cioc" check --stdlib "$stdlib" "$tmp/does-not-exist.cio" > /dev/null 2>&1; check "missing file" 2 $?
"$cioc" check --stdlib "$stdlib" --no-such-flag "$ws" > /dev/null 2>&1; check "unknown flag" 2 $?
"$cioc" check --stdlib "$stdlib" --format yaml "$ws" > /dev/null 2>&1; check "unknown format" 2 $?
"$cioc" check --stdlib "$stdlib" --lang fr "$ws" > /dev/null 2>&1; check "unknown language" 2 $?
"$cioc" check --stdlib "$stdlib" --peildatum 2025-02-30 "$ws" > /dev/null 2>&1; check "invalid reference date" 2 $?
"$cioc" > /dev/null 2>&1; check "no subcommand" 2 $?
mkdir "$tmp/empty"; "$cioc" check --stdlib "$stdlib" "$tmp/empty" > /dev/null 2>&1; check "directory without .cio files" 2 $?

# A warning passes, unless --werror: the Besluit 2021 was replaced on 2026-01-01.
"$cioc" check --stdlib "$stdlib" --peildatum 2026-06-01 "$ws" > "$tmp/out" 2>&1; check "superseded library warns" 0 $?
grep -q 'library_superseded' "$tmp/out" || { echo "FAIL superseded warning missing"; fail=1; }
"$cioc" check --werror --stdlib "$stdlib" --peildatum 2026-06-01 "$ws" > /dev/null 2>&1; check "--werror" 1 $?

# Errors exit 1; JSON is valid and carries the documented keys.
bad=$root/tests/files/names/references.cio
"$cioc" check --stdlib "$stdlib" --peildatum 2025-06-01 --format json "$bad" > "$tmp/bad.json"; check "errors exit 1" 1 $?
python3 - "$tmp/bad.json" <<'PY' || fail=1
import json, sys
doc = json.load(open(sys.argv[1]))
d = doc["diagnostics"]
assert d, "no diagnostics"
for k in ("severity", "code", "message", "file", "line", "column"):
    assert all(k in x for x in d), k
assert {x["severity"] for x in d} <= {"error", "warning", "note"}
assert doc["summary"]["errors"] == sum(x["severity"] == "error" for x in d)
outcomes = {"complies", "violation", "deviation", "not_applicable", "not_evaluated"}
assert set(doc["summary"]["norms"]) == outcomes, doc["summary"]["norms"]
assert doc["norms"] and all(n["outcome"] in outcomes and n["article"] for n in doc["norms"])
assert sum(doc["summary"]["norms"].values()) == len(doc["norms"])
print("ok   json format")
PY

# The cap on printed diagnostics: one shown, then one warning saying how many were left out; the exit
# status still counts them all.
"$cioc" check --stdlib "$stdlib" --peildatum 2025-06-01 --max-meldingen 1 "$bad" > "$tmp/capped"; check "capped output still fails" 1 $?
grep -q 'too_many_diagnostics' "$tmp/capped" && [ "$(grep -cE '^(fout|waarschuwing|opmerking|onderdrukt)\[' "$tmp/capped")" = 2 ] \
  && echo "ok   --max-meldingen" || { echo "FAIL --max-meldingen"; fail=1; }

# Spec §7: the deviation suppresses the art. 3.1 finding it targets; it is kept, marked as suppressed.
"$cioc" check --stdlib "$stdlib" --peildatum 2025-12-01 --format json "$root/tests/files/spec/spec_7_afwijking.cio" > "$tmp/dev.json"
check "suppressed finding is no error" 0 $?
python3 - "$tmp/dev.json" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))["diagnostics"]
hits = [x for x in d if x["code"] == "cio_onder_sg"]
assert len(hits) == 1 and hits[0]["suppressed_by"] == "AFW_FIN_1" and hits[0]["article"] == "art3.1", hits
print("ok   spec §7 deviation suppresses art3.1")
PY
"$cioc" check --stdlib "$stdlib" --peildatum 2027-06-01 "$root/tests/files/spec/spec_7_afwijking.cio" > "$tmp/expired" 2>&1
check "expired deviation no longer suppresses" 1 $?
grep -q 'deviation_expired' "$tmp/expired" && grep -q 'fout\[cio_onder_sg\]' "$tmp/expired" \
  && echo "ok   expired deviation reported" || { echo "FAIL expired deviation"; fail=1; }

# English and Dutch texts come from the same table.
"$cioc" check --stdlib "$stdlib" --peildatum 2025-06-01 --lang en "$bad" | grep -q "cannot find \`SG_FNI\`" \
  && echo "ok   --lang en" || { echo "FAIL --lang en"; fail=1; }
"$cioc" check --stdlib "$stdlib" --peildatum 2025-06-01 "$bad" | grep -q "kan \`SG_FNI\` niet vinden" \
  && echo "ok   Dutch by default" || { echo "FAIL Dutch default"; fail=1; }

# Determinism: the same files in another order give byte-identical output.
"$cioc" check --stdlib "$stdlib" --peildatum 2025-06-01 --format json "$ws/rijk.cio" "$ws/fin.cio" "$ws/bzk.cio" "$bad" > "$tmp/a"
"$cioc" check --stdlib "$stdlib" --peildatum 2025-06-01 --format json "$bad" "$ws/bzk.cio" "$ws/fin.cio" "$ws/rijk.cio" > "$tmp/b"
cmp -s "$tmp/a" "$tmp/b" && echo "ok   deterministic" || { echo "FAIL output depends on file order"; fail=1; }

# A library named as an input and loaded by `gebruik` is one file, not two.
"$cioc" check --stdlib "$stdlib" --peildatum 2025-06-01 "$stdlib" "$ws" > "$tmp/both" 2>&1; check "stdlib as input too" 0 $?

# The stdlib path: --stdlib wins over CIO_STDLIB, which wins over the built-in path.
CIO_STDLIB="$tmp/empty" "$cioc" check --peildatum 2025-06-01 "$ws" > /dev/null 2>&1; check "CIO_STDLIB is used" 1 $?
CIO_STDLIB="$tmp/empty" "$cioc" check --stdlib "$stdlib" --peildatum 2025-06-01 "$ws" > /dev/null 2>&1; check "--stdlib beats CIO_STDLIB" 0 $?

exit $fail

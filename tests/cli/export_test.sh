#!/usr/bin/env bash
# `cioc export`: the resolved model as JSON, the same whatever the file order.
set -u
cioc=$1 stdlib=$2 root=$3
source "$(dirname "$0")/lib.sh"
ws=$root/examples/rijksdienst

"$cioc" export --stdlib "$stdlib" --peildatum 2025-06-01 "$ws" > "$tmp/model.json"; check "export to stdout" 0 $?
"$cioc" export --stdlib "$stdlib" --peildatum 2025-06-01 -o "$tmp/file.json" "$ws"; check "export -o" 0 $?
cmp -s "$tmp/model.json" "$tmp/file.json" && echo "ok   export: -o writes what stdout shows" || { echo "FAIL export -o differs"; fail=1; }
"$cioc" export --stdlib "$stdlib" --peildatum 2025-06-01 $(ls "$ws"/*.cio | sort -r) > "$tmp/reversed.json"
cmp -s "$tmp/model.json" "$tmp/reversed.json" && echo "ok   export: independent of file order" || { echo "FAIL export order"; fail=1; }
python3 - "$tmp/model.json" <<'PY' || fail=1
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["reference_date"] == "2025-06-01"
by_path = {}
def walk(entities):
    for e in entities:
        assert {"kind", "file", "line"} <= e.keys(), e
        if "path" in e: by_path[e["path"]] = e
        walk(e.get("children", []))
walk(doc["entities"])
fin = by_path["FIN"]
assert fin["kind"] == "ministerie" and fin["title"].startswith("Ministerie van Financiën"), fin
cio = next(e for e in by_path.values() if e["kind"] == "cio" and e["path"].startswith("FIN."))
assert cio["fields"]["ressorteert_onder"] in by_path, "references are entity paths"
plans = [e for e in by_path.values() if e["kind"] == "informatieplan"]
assert plans and all(set(p["fields"]["periode"]) == {"from", "until"} for p in plans), "periods are objects"
projects = [e for e in by_path.values() if e["kind"] == "project"]
money = [p["fields"]["ict_component"]["eur"] for p in projects if "ict_component" in p.get("fields", {})]
assert money and max(money) >= 5e6 and all(isinstance(m, (int, float)) for m in money), "money in euros"
print(f"ok   export: {len(by_path)} named entities, references, periods and money typed")
PY
# Hostile titles (quotes, markup, backslashes, a newline, right-to-left text) come through as data.
"$cioc" export --stdlib "$stdlib" --peildatum 2025-06-01 "$root/tests/golden/graph/ministerie.cio" > "$tmp/hostile.json"
python3 - "$tmp/hostile.json" <<'PY' || fail=1
import json, sys
titles = []
def walk(entities):
    for e in entities:
        titles.append(e.get("title", ""))
        walk(e.get("children", []))
walk(json.load(open(sys.argv[1]))["entities"])
for expected in ['Ministerie van "Quotes" & <script>alert(1)</script>', "Secretaris-generaal\nmet een regelovergang",
                 'Plv. SG ]; evil="1"; n0 -> n1 [', "وزارة المالية — CIO", "Office \\ backslash \\N \\G"]:
    assert expected in titles, (expected, titles)
print("ok   export: hostile titles round-trip through the JSON")
PY
"$cioc" export --stdlib "$stdlib" "$tmp/none.cio" > /dev/null 2>&1; check "export: missing input" 2 $?
"$cioc" export --stdlib "$stdlib" --peildatum 2025-06-01 "$root/tests/files/names/references.cio" > "$tmp/bad.json" 2> "$tmp/err"
check "export: compiler errors exit 1" 1 $?
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/bad.json" && echo "ok   export: still valid JSON" || fail=1
exit $fail

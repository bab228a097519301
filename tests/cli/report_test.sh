#!/usr/bin/env bash
# `cioc report`: the JSON of a small workspace against its golden file, its
# input hash the same wherever the files lie
# (UPDATE_GOLDEN=1 rewrites it; paths under the source tree and file hashes are
# normalised so the golden holds on every machine), the HTML self-contained and
# escaped, opened in headless Chromium (installed by scripts/setup-test-tools.sh)
# with the org chart and the article table rendered, Markdown tables intact, and
# every format byte-identical whatever the order of the input files.
set -u
cioc=$1 stdlib=$2 root=$3
source "$(dirname "$0")/lib.sh"
fixture=tests/golden/graph/ministerie.cio
golden=$root/tests/golden/report/ministerie.json
run() { (cd "$root" && "$cioc" report --stdlib "$stdlib" --peildatum 2025-06-01 "$@"); }
normalise() {  # normalise IN OUT: the stdlib's path and every hash made machine-independent
  python3 - "$1" "$2" "$stdlib" <<'PY'
import json, re, sys
doc = json.load(open(sys.argv[1]))
for f in doc["findings"]:  # positions inside the stdlib move whenever it is edited
    if f["file"].startswith(sys.argv[3]):
        f["line"] = f["column"] = 0
text = json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False)
text = text.replace(sys.argv[3], "<stdlib>")
text = re.sub(r'"([0-9a-f]{64})"', '"<sha256>"', text)
open(sys.argv[2], "w").write(text + "\n")
PY
}

run "$fixture" -o "$tmp/out.json"; check "report: json" 0 $?
normalise "$tmp/out.json" "$tmp/norm.json"
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$tmp/norm.json" "$golden"; fi
if diff -u "$golden" "$tmp/norm.json" > "$tmp/diff"; then echo "ok   report: matches the golden JSON"; else
  echo "FAIL report: differs from tests/golden/report/ministerie.json"; head -60 "$tmp/diff"; fail=1; fi
# The input hash is the same wherever the workspace and the stdlib lie: another
# working directory, an absolute path, a copy of the stdlib elsewhere.
mkdir -p "$tmp/elders/werk" && cp -r "$stdlib" "$tmp/elders/lib" && cp "$root/$fixture" "$tmp/elders/werk/"
(cd "$tmp/elders" && "$cioc" report --stdlib "$tmp/elders/lib" --peildatum 2025-06-01 "$tmp/elders/werk/" -o "$tmp/moved.json")
python3 - "$tmp/out.json" "$tmp/moved.json" <<'PY' && echo "ok   report: the input hash does not depend on where the files lie" || { echo "FAIL report: the input hash moved with the files"; fail=1; }
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert a["inputs_sha256"] == b["inputs_sha256"], (a["inputs"], b["inputs"])
assert [i["path"] for i in a["inputs"]] == ["besluit_cio_2021.cio", "ministerie.cio"], a["inputs"]
PY
python3 - "$tmp/out.json" <<'PY' || fail=1
import json, re, sys
doc = json.load(open(sys.argv[1]))
assert re.fullmatch(r"[0-9a-f]{64}", doc["inputs_sha256"])
assert all(re.fullmatch(r"[0-9a-f]{64}", i["sha256"]) for i in doc["inputs"])
assert doc["reference_date"] == "2025-06-01" and doc["tool_version"]
rows = {a["article"]: a for a in doc["articles"]}
assert rows["art3"]["status"] == "violation" and rows["art10"]["status"] == "not_evaluated"
# The fixture has no project: art. 16 applies to nothing, so it is not "complies".
assert rows["art1"]["status"] == "no_norm" and rows["art16"]["status"] == "not_applicable"
assert rows["art4"]["status"] == "complies" and rows["art2"]["status"] == "not_applicable"
counts = doc["summary"]["norms"]
assert set(counts) == {"complies", "violation", "deviation", "not_applicable", "not_evaluated"}, counts
assert counts["violation"] == 2 and counts["deviation"] == 1 and counts["not_evaluated"] == 16, counts
assert [d["state"] for d in doc["deviations"]] == ["active"] and doc["deviations"][0]["days_left"] == 579
print("ok   report: hash, article statuses, deviation register")
PY

# The hash follows the inputs: one byte more, another hash.
cp "$root/$fixture" "$tmp/changed.cio"; echo "// x" >> "$tmp/changed.cio"
run "$tmp/changed.cio" -o "$tmp/changed.json"
python3 -c "import json,sys; a,b=(json.load(open(p))['inputs_sha256'] for p in sys.argv[1:]); sys.exit(a==b)" \
  "$tmp/out.json" "$tmp/changed.json" && echo "ok   report: hash changes with the input" || { echo "FAIL report: hash"; fail=1; }

# HTML: self-contained, escaped, deterministic.
run "$fixture" -o "$tmp/out.html"; check "report: html" 0 $?
python3 - "$tmp/out.html" <<'PY' || fail=1
import re, sys
html = open(sys.argv[1]).read()
assert "<script" not in html.lower(), "a script element"
assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
assert not re.search(r'<(link|img|iframe|object|embed)\b', html, re.I), "an external resource"
assert not re.search(r'(src|xlink:href)="https?:', html) and "@import" not in html and "url(" not in html
assert "<svg" in html and "</svg>" in html, "no inline org chart"
assert 'href="javascript' not in html.lower()
print("ok   report: HTML self-contained and escaped")
PY
ws=$root/examples/rijksdienst
run "$ws" -o "$tmp/a.html" && run $(ls "$ws"/*.cio | sort -r) -o "$tmp/b.html"
cmp -s "$tmp/a.html" "$tmp/b.html" && echo "ok   report: deterministic" || { echo "FAIL report: depends on file order"; fail=1; }
run "$ws" -o "$tmp/a.md" && run $(ls "$ws"/*.cio | sort -r) -o "$tmp/b.md"
cmp -s "$tmp/a.md" "$tmp/b.md" || { echo "FAIL report: Markdown depends on file order"; fail=1; }
run "$fixture" -o "$tmp/out.md"; check "report: markdown" 0 $?
expect "report: the severity in Dutch" "$tmp/out.md" "cio_in_bestuursraad (fout)"
absent "report: no English severity in a Dutch report" "$tmp/out.md" "(error)"
run --lang en "$fixture" -o "$tmp/out_en.md"
expect "report: the severity in English" "$tmp/out_en.md" "cio_in_bestuursraad (error)"
python3 - "$tmp/out.md" <<'PY' || fail=1
import re, sys
lines = open(sys.argv[1]).read().split("\n")
cells = lambda l: len(re.findall(r"(?<!\\)\|", l))
tables, current = [], None
for l in lines:
    if l.startswith("|"):
        current = current or cells(l)
        assert cells(l) == current, ("broken table row", l)
    else:
        current = None
assert any("\\<script\\>" in l and "\\| reorganisatie" in l for l in lines), "user text not escaped in Markdown"
print("ok   report: Markdown tables intact, user text escaped")
PY

# Headless Chromium renders the org chart and the article table.
if command -v chromium > /dev/null; then
  timeout 120 chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$tmp/a.html" > "$tmp/dom.html" 2> /dev/null
  python3 - "$tmp/dom.html" <<'PY' || fail=1
import re, sys
dom = open(sys.argv[1]).read()
assert re.search(r"<svg[^>]*>.*Ministerie van Financiën.*</svg>", dom, re.S), "org chart not in the rendered DOM"
assert re.search(r"<table>.*art3\.1.*</table>", dom, re.S) or re.search(r"<table>.*>art3<.*</table>", dom, re.S), "article table"
print("ok   report: Chromium renders the org chart and the article table")
PY
  timeout 120 chromium --headless --no-sandbox --disable-gpu --window-size=1280,1600 --screenshot="$tmp/shot.png" \
    "file://$tmp/a.html" > /dev/null 2>&1
  [ "$(head -c 4 "$tmp/shot.png" | od -An -tx1 | tr -d ' ')" = "89504e47" ] && echo "ok   report: Chromium screenshot" \
    || { echo "FAIL report: no screenshot"; fail=1; }
else
  echo "FAIL report: chromium is missing (run scripts/setup-test-tools.sh)"; fail=1
fi
run "$fixture" -o "$tmp/out.pdf" > /dev/null 2>&1; check "report: unknown format" 2 $?
exit $fail

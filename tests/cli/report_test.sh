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
expect "report: the severity in Dutch" "$tmp/out.md" "fout cio_in_bestuursraad"
absent "report: no English severity in a Dutch report" "$tmp/out.md" "error cio_in_bestuursraad"
run --lang en "$fixture" -o "$tmp/out_en.md"
expect "report: the severity in English" "$tmp/out_en.md" "error cio_in_bestuursraad"
expect "report: English labels with --lang en" "$tmp/out_en.md" "## Verdict per organisation"
absent "report: no Dutch labels with --lang en" "$tmp/out_en.md" "Oordeel per organisatie"
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

# The redesigned report of the whole Rijksdienst (a fixed reference date, so
# that the look-ahead is the same every day): per ministry a verdict and counts
# by outcome, the matrix, findings by ministry with their entity and a link to
# the source, the look-ahead, every internal link resolving, article texts folded.
mkdir -p "$tmp/uit"
run --peildatum 2026-12-03 "$ws" -o "$tmp/uit/rijk.json"; check "report: rijksdienst json" 0 $?
run --peildatum 2026-12-03 "$ws" -o "$tmp/uit/rijk.html"; check "report: rijksdienst html" 0 $?
python3 - "$tmp/uit/rijk.json" "$tmp/uit/rijk.html" <<'PY' || fail=1
import html as h, json, os, re, sys
doc = json.load(open(sys.argv[1]))
units = {u["entity"]: u for u in doc["units"]}
assert len(units) == 13 and list(units)[-1] == "RIJK", list(units)
d = units["DEF"]
assert d["verdict"] == "deviation" and d["articles"]["art9"] == "deviation" and d["articles"]["art3"] == "complies", d
assert sum(d["norms"].values()) == 30 and d["findings_count"]["suppressed"] == 1, d
# A norm over the Rijk does not concern a ministry, and the other way round.
assert "art15" not in units["AZ"]["articles"] and units["RIJK"]["articles"]["art15"] == "complies"
assert "art3" not in units["RIJK"]["articles"]
assert all(u["verdict"] == "complies" for e, u in units.items() if e != "DEF"), [(e, u["verdict"]) for e, u in units.items()]
covered = doc["findings"][d["findings"][0]]
assert covered["unit"] == "DEF" and covered["source"] == "defensie.cio" and covered["entity"].startswith("Koninklijke Marechaussee (DEF.KMAR"), covered
la = doc["look_ahead"]
assert la["until"] == "2027-12-03" and not la["skipped"] and la["dates_checked"] > 0
assert any(c["date"] == "2027-05-02" and c["code"] == "handvest_actueel" and c["unit"] == "RIJK" and c["source"] == "rijk.cio"
           for c in la["coming"]), la["coming"]
# A finding that lies in the library names the library, not a line of the stdlib.
superseded = [f for f in doc["findings"] if f["code"] == "library_superseded"]
assert superseded and superseded[0]["library"] == "Besluit CIO-stelsel Rijksdienst 2021" and "unit" not in superseded[0]

page = open(sys.argv[2]).read()
assert "besluit_cio_2021.cio:" not in page, "a reader is shown a line of the stdlib"
first = page.index('<section class="unit"')
assert page.index('id="oordeel"') < page.index('id="matrix"') < first, "verdicts and matrix come first"
assert "Let op: Besluit CIO-stelsel Rijksdienst 2021 is op 2026-01-01 vervallen en vervangen door Besluit CIO-stelsel Rijksdienst 2025" in page
# Every link inside the report, in the text and in the charts, has its target, once.
ids = re.findall(r'\bid="([^"]+)"', page)
assert len(ids) == len(set(ids)), "an id twice"
targets = set(re.findall(r'href="#([^"]+)"', page))
assert targets - set(ids) == set(), targets - set(ids)
assert {"e-" + e for e in units} <= targets, "the TOC, the table and the overview link every ministry"
assert 'href="#e-DEF.KMAR"' in page, "a chart node links to its finding"
# The source link resolves from where the report was written.
src = re.search(r'<a href="([^"#]+)#L(\d+)">[^<]*defensie\.cio:\d+</a>', page)
assert src and os.path.isfile(os.path.join(os.path.dirname(sys.argv[2]), h.unescape(src.group(1)))), src
# Article texts are folded: the text of art. 3 stands only inside <details>.
text = "De departementale CIO is belast met de ontwikkeling en coördinatie"
outside = re.sub(r"<details>.*?</details>", "", page, flags=re.S)
outside = re.sub(r'title="[^"]*"', "", outside)
assert text in page and text not in outside, "an article text outside <details>"
assert page.count('<svg') == 1 + 13, "the overview and a chart per organisation"
print("ok   report: verdicts per ministry, matrix, findings by ministry with source links, look-ahead, links resolve")
PY
# The deviations that end within 90 days are on the first page; the law that lapses is announced.
run --peildatum 2025-06-01 "$fixture" -o "$tmp/early.json"
run --peildatum 2026-11-01 "$fixture" -o "$tmp/late.json"
run --peildatum 2025-06-01 "$fixture" -o "$tmp/early.html"
python3 - "$tmp/early.json" "$tmp/late.json" "$tmp/early.html" <<'PY' || fail=1
import json, sys
early, late = (json.load(open(p)) for p in sys.argv[1:3])
assert early["units"][0]["expiring"] == [] and late["units"][0]["expiring"] == ["AFW"], (early["units"], late["units"])
assert "vervalt op 2026-01-01; daarna geldt Besluit CIO-stelsel Rijksdienst 2025" in open(sys.argv[3]).read()
print("ok   report: deviations ending within 90 days, the law's end announced")
PY
# From input with errors nothing is concluded ahead.
printf 'gebruik besluit_cio_2021;\nministerie M { cio C { ressorteert_onder = ONBEKEND; } }\n' > "$tmp/fout.cio"
run "$tmp/fout.cio" -o "$tmp/fout.json"; check "report: input with an error" 1 $?
python3 -c "import json,sys; la=json.load(open(sys.argv[1]))['look_ahead']; sys.exit(not (la['skipped'] and la['coming'] == []))" "$tmp/fout.json" \
  && echo "ok   report: no look-ahead from input with errors" || { echo "FAIL report: look-ahead from input with errors"; fail=1; }
run --vooruit 12x "$fixture" -o "$tmp/x.json" 2> "$tmp/x.err"; check "report: a bad --vooruit" 2 $?

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
  # Printed to PDF: A4, the verdicts on the first page, each organisation from a
  # new page on; and the pages turned into pictures (poppler-utils).
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$tmp/uit/rijk.pdf" \
    "file://$tmp/uit/rijk.html" > /dev/null 2>&1
  if command -v pdftotext > /dev/null && command -v pdftoppm > /dev/null; then
    pdfinfo "$tmp/uit/rijk.pdf" | grep -q 'Page size:.*(A4)' && echo "ok   report: printed on A4" || { echo "FAIL report: not A4"; fail=1; }
    pdftotext -layout "$tmp/uit/rijk.pdf" "$tmp/uit/rijk.txt"
    python3 - "$tmp/uit/rijk.txt" "$tmp/uit/rijk.json" <<'PY' || fail=1
import json, sys
pages = open(sys.argv[1]).read().split("\f")
units = json.load(open(sys.argv[2]))["units"]
assert "Oordeel per organisatie" in pages[0] and "Ministerie van Defensie" in pages[0] and "afwijking" in pages[0], pages[0][:400]
for u in units:
    heading = (u["title"] or u["entity"]) + (" (" + u["entity"] + ")" if u["title"] else "")
    starts = [i for i, p in enumerate(pages) if p.strip().startswith(heading)]
    assert starts, "no page starts with " + heading
assert all(p.strip() for p in pages[:-1]), "an empty page"
print("ok   report: PDF pages: the verdicts first, each organisation on a page of its own")
PY
    pdftoppm -r 30 -png -f 1 -l 2 "$tmp/uit/rijk.pdf" "$tmp/uit/page"
    python3 - "$tmp"/uit/page-*1.png <<'PY' && echo "ok   report: PDF pages turned into PNGs, A4 in shape" || { echo "FAIL report: PDF page images"; fail=1; }
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
w, h = struct.unpack(">II", data[16:24])
assert abs(h / w - 297 / 210) < 0.02, (w, h)
PY
  else
    echo "FAIL report: poppler-utils is missing (run scripts/setup-test-tools.sh)"; fail=1
  fi
else
  echo "FAIL report: chromium is missing (run scripts/setup-test-tools.sh)"; fail=1
fi
run "$fixture" -o "$tmp/out.pdf" > /dev/null 2>&1; check "report: unknown format" 2 $?
exit $fail

#!/usr/bin/env bash
# `cioc graph`: the DOT of a small workspace against its golden file
# (UPDATE_GOLDEN=1 rewrites it), accepted by Graphviz's `dot`, rendered
# in-process to SVG and PNG, deterministic whatever the file order, hostile
# names escaped, and `--focus` drawing one organisation with its neighbours.
set -u
cioc=$1 stdlib=$2 root=$3
source "$(dirname "$0")/lib.sh"
golden=$root/tests/golden/graph
run() { "$cioc" graph --stdlib "$stdlib" --peildatum 2025-06-01 "$@"; }

run "$golden/ministerie.cio" > "$tmp/out.dot"; check "graph: exit 0" 0 $?
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$tmp/out.dot" "$golden/ministerie.dot"; fi
if diff -u "$golden/ministerie.dot" "$tmp/out.dot" > "$tmp/diff"; then echo "ok   graph: matches the golden DOT"; else
  echo "FAIL graph: differs from tests/golden/graph/ministerie.dot"; cat "$tmp/diff"; fail=1; fi
dot -Tsvg "$tmp/out.dot" > "$tmp/dot.svg" 2> "$tmp/dot.err"; check "graph: dot accepts it" 0 $?
[ -s "$tmp/dot.err" ] && { echo "FAIL graph: dot warns"; cat "$tmp/dot.err"; fail=1; }

# Hostile names: nothing escapes its quoted string (no extra nodes or edges), and the
# rendered SVG carries the script tag as text, never as an element.
python3 - "$tmp/out.dot" <<'PY' || fail=1
import re, sys
dot = open(sys.argv[1]).read()
statements = [l.strip() for l in dot.splitlines()]
assert sum(bool(re.match(r"^n\d+ \[label=", s)) for s in statements) == 9, "nodes"
assert sum(bool(re.match(r"^n\d+ -> n\d+ \[", s)) for s in statements) == 10, "edges"
assert 'label="Plv. SG ]; evil=\\"1\\"; n0 -> n1 [\\nfunctie"' in dot
assert 'label="Office \\\\ backslash \\\\N \\\\G\\ncio_office"' in dot
print("ok   graph: hostile names stay inside their strings")
PY
# Arrows read as their field: `CIO ressorteert_onder SG` points from the CIO to
# the SG (written from the SG down, to rank it above, and drawn backwards);
# a body's `leden` point from the body to its members; the legend shows what
# the chart uses and nothing else.
python3 - "$tmp/out.dot" <<'PY' || fail=1
import re, sys
dot = open(sys.argv[1]).read()
node = {m.group(2).split("\\n")[0]: m.group(1) for m in re.finditer(r'^\s*(n\d+) \[label="([^"]*)', dot, re.M)}
sg, br, cio = node["Secretaris-generaal"], node["BR"], node["وزارة المالية — CIO"]
assert re.search(rf"^\s*{sg} -> n\d+ \[dir=back, style=solid", dot, re.M), "the line is drawn from the subordinate up"
assert re.search(rf"^\s*{br} -> {sg} \[style=dashed", dot, re.M), "membership from the body to the member"
assert re.search(rf"\{{ rank=same; {cio}; n\d+; \}}", dot), "the CIO-office beside its CIO"
legend = [l for l in dot.splitlines() if l.strip().startswith("label=<<table")]
assert len(legend) == 1, "one compact legend"
assert "ressorteert_onder" in legend[0] and "leden" in legend[0] and "office" in legend[0] and "mandaat" in legend[0]
assert "voorzitter" not in legend[0] and "voldoet" not in legend[0], "the legend shows only what the chart uses"
print("ok   graph: edges point as their labels read, the office beside its CIO, a legend of what is used")
PY

# A finding on a project (not drawn) marks the project, in a note of its own,
# and leaves its ministry uncoloured.
run "$golden/project.cio" > "$tmp/project.dot"; check "graph: a project with findings" 0 $?
python3 - "$tmp/project.dot" <<'PY' || fail=1
import re, sys
dot = open(sys.argv[1]).read()
assert re.search(r'n\d+ \[label="⚠ Groot project\\nproject", shape=note, style="filled,bold", color="#c0392b"', dot), "no mark on the project"
assert re.search(r'label="Ministerie van Algemene Zaken"; [^\n]*style="rounded,filled"; color="#34495e"', dot), "the ministry turned red"
assert "onderdeel met een bevinding" in dot and "schending" in dot, "legend"
print("ok   graph: a violation marks the project it concerns, not its ministry")
PY
run "$golden/ministerie.cio" -o "$tmp/out.svg"; check "graph: -o x.svg" 0 $?
grep -q '<svg' "$tmp/out.svg" && ! grep -qi '<script' "$tmp/out.svg" && grep -q '&lt;script&gt;' "$tmp/out.svg" \
  && echo "ok   graph: SVG rendered in-process, script escaped" || { echo "FAIL graph: SVG"; fail=1; }
grep -q 'Ministerie van' "$tmp/out.svg" && grep -q 'وزارة المالية' "$tmp/out.svg" \
  && echo "ok   graph: SVG has the labels, right-to-left text included" || { echo "FAIL graph: SVG labels"; fail=1; }
run "$golden/ministerie.cio" -o "$tmp/out.png"; check "graph: -o x.png" 0 $?
head -c 8 "$tmp/out.png" | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a' && echo "ok   graph: PNG" || { echo "FAIL graph: not a PNG"; fail=1; }

# The whole Rijksdienst, twice with the files in another order: the same bytes.
ws=$root/examples/rijksdienst
run "$ws" > "$tmp/a.dot"; check "graph: examples/rijksdienst" 0 $?
run $(ls "$ws"/*.cio | sort -r) > "$tmp/b.dot"
cmp -s "$tmp/a.dot" "$tmp/b.dot" && echo "ok   graph: deterministic" || { echo "FAIL graph: depends on file order"; fail=1; }
dot -Tsvg "$tmp/a.dot" > /dev/null 2>&1; check "graph: dot accepts examples/rijksdienst" 0 $?
grep -q 'Ministerie van Financiën' "$tmp/a.dot" && grep -q 'CIO-beraad' "$tmp/a.dot" \
  && echo "ok   graph: ministries and the Rijk level" || { echo "FAIL graph: content"; fail=1; }
# Several ministries: the overview, each ministry one box in the colour of its
# verdict, the Rijk level in full, its memberships into the ministries
# aggregated; --volledig draws everything; --rapport links the boxes.
python3 - "$tmp/a.dot" <<'PY' || fail=1
import re, sys
dot = open(sys.argv[1]).read()
units = re.findall(r'\[label="([^"]*)", shape=box, style="([^"]*)", color="([^"]*)", fillcolor="([^"]*)", fontsize=11, width=2.2', dot)
assert len(units) == 12, len(units)  # the twelve ministries; the Rijk level is drawn in full
defensie = [u for u in units if u[0].startswith("Ministerie van Defensie")]
assert defensie and defensie[0][3] == "#fef5e7" and defensie[0][0].endswith("\\nafwijking"), defensie
assert all(u[3] == "#e9f7ef" for u in units if not u[0].startswith("Ministerie van Defensie")), "the others comply"
assert "Belastingdienst" not in dot, "a ministry's inside is not drawn in the overview"
assert re.search(r'label="leden: 12 × ministerie"', dot), "aggregated membership"
assert len(re.findall(r"lhead=cluster_c\d+", dot)) <= 10, "one aggregated edge per body and field"
print("ok   graph: the overview of the Rijk, ministries coloured by verdict, memberships aggregated")
PY
run "$ws" --volledig > "$tmp/full.dot"; check "graph: --volledig" 0 $?
grep -q 'Belastingdienst' "$tmp/full.dot" && echo "ok   graph: --volledig draws every ministry in full" || { echo "FAIL graph: --volledig"; fail=1; }
run "$ws" --rapport rapport.html -o "$tmp/links.svg"; check "graph: --rapport" 0 $?
grep -q 'href="rapport.html#e-DEF"' "$tmp/links.svg" && grep -q 'xlink:title="Ministerie van Defensie&#10;art9.4' "$tmp/links.svg" \
  && echo "ok   graph: SVG boxes link to the report and carry a tooltip" || { echo "FAIL graph: SVG links"; fail=1; }

# --focus: one ministry, its contents, and what is linked to them (the Rijk bodies it sits in).
run "$ws" --focus FIN > "$tmp/fin.dot"; check "graph: --focus FIN" 0 $?
grep -q 'Belastingdienst' "$tmp/fin.dot" && grep -q 'CIO-beraad' "$tmp/fin.dot" && ! grep -q 'Rijkswaterstaat' "$tmp/fin.dot" \
  && echo "ok   graph: focus keeps the ministry and its neighbours only" || { echo "FAIL graph: focus content"; fail=1; }
run "$ws" --focus NIET_BESTAAND > /dev/null 2> "$tmp/err"; check "graph: unknown focus" 2 $?
grep -q 'graph_unknown_focus' "$tmp/err" || { echo "FAIL graph: no diagnostic for the focus"; fail=1; }
run "$ws" -o "$tmp/out.pdf" > /dev/null 2>&1; check "graph: unknown output format" 2 $?
run "$ws" -o "$tmp/no/such/dir/x.svg" > /dev/null 2>&1; check "graph: unwritable output" 2 $?
exit $fail

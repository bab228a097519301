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
assert sum(bool(re.match(r"^n\d+ -> n\d+ \[", s)) for s in statements) == 8, "edges"
assert 'label="Plv. SG ]; evil=\\"1\\"; n0 -> n1 [\\nfunctie"' in dot
assert 'label="Office \\\\ backslash \\\\N \\\\G\\ncio_office"' in dot
print("ok   graph: hostile names stay inside their strings")
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

# --focus: one ministry, its contents, and what is linked to them (the Rijk bodies it sits in).
run "$ws" --focus FIN > "$tmp/fin.dot"; check "graph: --focus FIN" 0 $?
grep -q 'Belastingdienst' "$tmp/fin.dot" && grep -q 'CIO-beraad' "$tmp/fin.dot" && ! grep -q 'Rijkswaterstaat' "$tmp/fin.dot" \
  && echo "ok   graph: focus keeps the ministry and its neighbours only" || { echo "FAIL graph: focus content"; fail=1; }
run "$ws" --focus NIET_BESTAAND > /dev/null 2> "$tmp/err"; check "graph: unknown focus" 2 $?
grep -q 'graph_unknown_focus' "$tmp/err" || { echo "FAIL graph: no diagnostic for the focus"; fail=1; }
run "$ws" -o "$tmp/out.pdf" > /dev/null 2>&1; check "graph: unknown output format" 2 $?
run "$ws" -o "$tmp/no/such/dir/x.svg" > /dev/null 2>&1; check "graph: unwritable output" 2 $?
exit $fail

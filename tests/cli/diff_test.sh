#!/usr/bin/env bash
# `cioc diff` (issue 13): entities added, removed and changed, findings that
# appeared, were resolved or became covered, between two folders or against
# a git revision; text, JSON and Markdown.
cioc=$1 stdlib=$2 root=$3
source "$(dirname "$0")/lib.sh"
run() { "$cioc" diff --stdlib "$stdlib" --peildatum 2025-06-01 "$@"; }
mkdir -p "$tmp/old" "$tmp/new"
cp "$root/tests/files/cascades/clean.cio" "$tmp/old/vb.cio"
# New: the CIO leaves the bestuursraad, a function is added, the dienstonderdeel is gone.
sed 's/leden = \[SG, DG, CIO\]/leden = [SG, DG]/; s/^    functie DG \(.*\)$/    functie DG \1\n    functie NIEUW { ressorteert_onder = SG; }/' \
  "$tmp/old/vb.cio" > "$tmp/new/vb.cio"

run --format json "$tmp/old" "$tmp/new" > "$tmp/out.json"
check "diff: a new error fails" 1 $?
python3 - "$tmp/out.json" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
e, f = d["entities"], d["findings"]
assert [x["entity"] for x in e["added"]] == ["VB.NIEUW"] and e["removed"] == [], e
br = [c for c in e["changed"] if c["entity"] == "VB.BR"]
assert br and br[0]["fields"][0]["field"] == "leden", e["changed"]
assert [x["code"] for x in f["appeared"]] == ["cio_in_bestuursraad"] and f["resolved"] == [], f
assert f["appeared"][0]["subject"] == "VB.CIO" and f["appeared"][0]["article"] == "art3.4"
print("ok   diff json: added, changed, appeared")
PY
run --format json "$tmp/new" "$tmp/old" > "$tmp/back.json"
check "diff: only resolved findings pass" 0 $?
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert [x['code'] for x in d['findings']['resolved']]==['cio_in_bestuursraad'] and [x['entity'] for x in d['entities']['removed']]==['VB.NIEUW']" \
  "$tmp/back.json" && echo "ok   diff json: resolved, removed" || { echo "FAIL diff: resolved"; fail=1; }

# Became covered: a deviation for the finding in a third version.
mkdir -p "$tmp/covered"
sed 's/^}$/    afwijking AFW { van = art3.4; betreft = CIO; motivering = "Herinrichting."; overleg_minister_bzk = 2025-01-01; geldig_tot = 2026-01-01; }\n}/' \
  "$tmp/new/vb.cio" > "$tmp/covered/vb.cio"
run --format json "$tmp/new" "$tmp/covered" > "$tmp/cov.json"
check "diff: a finding now covered does not fail" 0 $?
python3 -c "import json,sys; d=json.load(open(sys.argv[1]))['findings']; assert [x['code'] for x in d['covered']]==['cio_in_bestuursraad'] and not d['appeared'], d" \
  "$tmp/cov.json" && echo "ok   diff json: became covered" || { echo "FAIL diff: covered"; fail=1; }

run --format markdown "$tmp/old" "$tmp/new" > "$tmp/out.md"
expect "diff markdown: a table of findings" "$tmp/out.md" "| + | \`cio_in_bestuursraad\` | art3.4 | VB.CIO |"
expect "diff markdown: entity changes" "$tmp/out.md" "| + | \`VB.NIEUW\` | functie | |"
run "$tmp/old" "$tmp/new" > "$tmp/out.txt"
expect "diff text" "$tmp/out.txt" "+ fout[cio_in_bestuursraad] art3.4"

# Against a git revision of the same workspace.
if command -v git > /dev/null; then
  mkdir -p "$tmp/repo/ministerie" && cp "$tmp/old/vb.cio" "$tmp/repo/ministerie/vb.cio"
  git -C "$tmp/repo" init -q && git -C "$tmp/repo" -c user.name=t -c user.email=t@t add . \
    && git -C "$tmp/repo" -c user.name=t -c user.email=t@t commit -qm eerst
  cp "$tmp/new/vb.cio" "$tmp/repo/ministerie/vb.cio"
  run --git HEAD --format json "$tmp/repo/ministerie" > "$tmp/git.json"
  check "diff --git: a new error fails" 1 $?
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert [x['code'] for x in d['findings']['appeared']]==['cio_in_bestuursraad']" \
    "$tmp/git.json" && echo "ok   diff --git HEAD: the working tree against the commit" || { echo "FAIL diff --git"; fail=1; }
  run --git nietbestaand "$tmp/repo/ministerie" > "$tmp/out" 2>&1
  check "diff --git: an unknown revision is a usage error" 2 $?
else
  echo "FAIL diff --git: git is missing"; fail=1
fi
run "$tmp/old" > "$tmp/out" 2>&1
check "diff: one path is a usage error" 2 $?
exit $fail

#!/usr/bin/env python3
"""The law in the stdlib is the law: every `artikel` text of the library must
stand in the Besluit as published (../shared/besluit/), modulo white space and
the hyphenation of line ends (a word broken over two lines, `informatiebe-` +
`veiliging`, may stand joined; a real hyphen at a line end may not vanish: it
may be joined or kept). Usage: law_text_test.py STDLIB.cio BESLUIT.txt"""
import re, sys

stdlib, besluit = sys.argv[1], sys.argv[2]
text = open(besluit, encoding="utf-8").read()
# The decision itself: before its explanatory notes (TOELICHTING), so that no
# text passes by matching the notes.
end = text.find(" TOELICHTING")
assert end > 0, "no TOELICHTING in " + besluit
body = text[:end]
SOFT = "\x00"  # a hyphen at a line end (a page break may follow): the word goes on, with or without it
body = re.sub(r"-\n\s*", SOFT, body)
body = re.sub(r"\s+", " ", body)

failed = 0
for m in re.finditer(r'^artikel (art[0-9a-z.]+) "((?:[^"\\]|\\.)*)";', open(stdlib, encoding="utf-8").read(), re.M):
    ref, law = m.group(1), re.sub(r"\s+", " ", m.group(2).replace('\\"', '"')).strip()
    pattern = ""
    for i, c in enumerate(law):
        if c == " ":
            pattern += r"(?: |\x00)"
        elif c == "-":
            pattern += r"(?:-|\x00)"
        else:
            pattern += re.escape(c)
        if i + 1 < len(law) and c != " " and law[i + 1] != " ":
            pattern += r"\x00?"  # a word broken at a line end
    if not re.search(pattern, body):
        # Report the longest prefix that does match, to show where it departs.
        lo, hi = 0, len(law)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            p = "".join((r"(?: |\x00)" if c == " " else r"(?:-|\x00)" if c == "-" else re.escape(c)) +
                        (r"\x00?" if i + 1 < mid and c != " " and law[i + 1] != " " else "")
                        for i, c in enumerate(law[:mid]))
            if re.search(p, body): lo = mid
            else: hi = mid - 1
        print("FAIL %s: departs from the Besluit after %r, at %r" % (ref, law[max(0, lo - 40):lo], law[lo:lo + 40]))
        failed += 1
    else:
        print("ok   %s" % ref)
sys.exit(1 if failed else 0)

#!/usr/bin/env python3
"""The tutorial cannot lie (like mdbook's and rustdoc's doc tests).

examples/tutorial/README.md marks each code block with an HTML comment (not
shown when the Markdown is rendered):

  <!-- bron: stappen/stap1.cio -->            the ```cio block is that file, or lines of it in order
  <!-- uitvoer: [OPTIONS] stappen/stap1.cio --> the next block is what `cioc check --peildatum
                                               2025-06-01 [OPTIONS] stap1.cio` prints, run in the
                                               file's folder (a ```text block: a part of the output
                                               as it is; a ```json block: one diagnostic, shortened)

Every ```cio block must be marked, every marked file must exist, and every
step file must be shown somewhere, so no step of the tutorial goes unchecked.

usage: tutorial_test.py CIOC STDLIB TUTORIAL_DIR
"""
import json
import os
import re
import subprocess
import sys

cioc, stdlib, tutorial = (os.path.abspath(p) for p in sys.argv[1:4])
readme = open(os.path.join(tutorial, "README.md"), encoding="utf-8").read()
failures = 0


def fail(msg):
    global failures
    failures += 1
    print("FAIL " + msg)


blocks = list(re.finditer(r"(?:<!-- (bron|uitvoer): ([^>]*?) -->\n)?```(\w*)\n(.*?)```\n", readme, re.S))
shown_files = set()
for m in blocks:
    marker, arg, lang, body = m.group(1), m.group(2), m.group(3), m.group(4)
    line = readme[: m.start()].count("\n") + 1
    if marker is None:
        if lang == "cio":
            fail(f"README.md:{line}: a ```cio block without <!-- bron: FILE -->")
        elif lang in ("text", "json", ""):
            fail(f"README.md:{line}: an output block without <!-- uitvoer: FILE -->")
        continue
    if marker == "bron":
        path = os.path.join(tutorial, arg)
        if not os.path.exists(path):
            fail(f"README.md:{line}: {arg} does not exist")
            continue
        shown_files.add(os.path.normpath(path))
        text = open(path, encoding="utf-8").read()
        if body not in text:
            fail(f"README.md:{line}: the block is not (a part of) {arg} as it stands")
        else:
            print(f"ok   README.md:{line}: the block is {arg}")
        continue
    args = arg.split()
    path = os.path.join(tutorial, args[-1])
    r = subprocess.run([cioc, "check", "--stdlib", stdlib, "--peildatum", "2025-06-01"] + args[:-1]
                       + [os.path.basename(path)], cwd=os.path.dirname(path), capture_output=True, timeout=120)
    out = (r.stdout + r.stderr).decode("utf-8")
    if lang == "json":
        shown = json.loads(body)
        found = [d for d in json.loads(r.stdout)["diagnostics"] if all(d.get(k) == v for k, v in shown.items())]
        ok = bool(found)
    else:
        ok = body in out
    if ok:
        print(f"ok   README.md:{line}: cioc gives what the tutorial shows for {args[-1]}")
    else:
        fail(f"README.md:{line}: cioc check {' '.join(args)} does not give the block shown; it gives:\n{out[:3000]}")

for name in sorted(os.listdir(os.path.join(tutorial, "stappen"))):
    path = os.path.normpath(os.path.join(tutorial, "stappen", name))
    if name.endswith(".cio") and path not in shown_files:
        fail(f"stappen/{name} is not shown in the tutorial")
sys.exit(1 if failures else 0)

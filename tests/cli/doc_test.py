#!/usr/bin/env python3
"""The docs cannot lie (like mdbook's and rustdoc's doc tests).

A Markdown file marks its code blocks with an HTML comment just above them
(not shown when the Markdown is rendered):

  <!-- bron: FILE -->                   the ```cio block is FILE, or lines of FILE in the same order
  <!-- uitvoer: SUBCOMMAND ARGS -->     the next block is what `cioc SUBCOMMAND --stdlib … ARGS`
  <!-- uitvoer in DIR: SUBCOMMAND ARGS -->  prints, run in the Markdown file's folder (or in DIR below
                                        it): a ```text block is a part of that output as it is, a
                                        ```json block one diagnostic of it, shortened
  <!-- niet getoetst: REASON -->        a block that depends on the machine (a version, a path)

Every ```cio, ```text and ```json block must be marked, and with --steps DIR
every .cio file in DIR must be shown somewhere, so no step goes unchecked.

usage: doc_test.py CIOC STDLIB MARKDOWN [--steps DIR]
"""
import json
import os
import re
import subprocess
import sys

cioc, stdlib, markdown = (os.path.abspath(p) for p in sys.argv[1:4])
steps = os.path.abspath(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[4] == "--steps" else None
base = os.path.dirname(markdown)
name = os.path.relpath(markdown)
text = open(markdown, encoding="utf-8").read()
failures = 0


def fail(msg):
    global failures
    failures += 1
    print("FAIL " + msg)


def is_excerpt(block, whole):
    """Whether the lines of `block` appear in `whole` in the same order."""
    lines = iter(whole.split("\n"))
    return all(any(line == candidate for candidate in lines) for line in block.rstrip("\n").split("\n"))


shown = set()
pattern = r"(?:<!-- (bron|uitvoer|niet getoetst)(?: in ([^:]+))?: ([^>]*?) -->\n)?```(\w*)\n(.*?)```\n"
for m in re.finditer(pattern, text, re.S):
    marker, where, arg, lang, body = m.groups()
    line = text[: m.start()].count("\n") + 1
    at = f"{name}:{line}"
    if marker is None:
        if lang in ("cio", "text", "json"):
            fail(f"{at}: a ```{lang} block with no <!-- bron: … -->, <!-- uitvoer: … --> or <!-- niet getoetst: … -->")
        continue
    if marker == "niet getoetst":
        continue
    if marker == "bron":
        path = os.path.normpath(os.path.join(base, arg))
        if not os.path.exists(path):
            fail(f"{at}: {arg} does not exist")
            continue
        shown.add(path)
        if is_excerpt(body, open(path, encoding="utf-8").read()):
            print(f"ok   {at}: the block is {arg}")
        else:
            fail(f"{at}: the block is not {arg} as it stands")
        continue
    args = arg.split()
    cwd = os.path.join(base, where) if where else base
    r = subprocess.run([cioc, args[0], "--stdlib", stdlib] + args[1:], cwd=cwd, capture_output=True, timeout=120)
    out = (r.stdout + r.stderr).decode("utf-8")
    if lang == "json":
        expected = json.loads(body)
        ok = any(all(d.get(k) == v for k, v in expected.items()) for d in json.loads(r.stdout)["diagnostics"])
    else:
        ok = body in out
    if ok:
        print(f"ok   {at}: cioc {arg} gives what is shown")
    else:
        fail(f"{at}: cioc {arg} does not give the block shown; it gives:\n{out[:3000]}")

if steps:
    for step in sorted(os.listdir(steps)):
        path = os.path.normpath(os.path.join(steps, step))
        if step.endswith(".cio") and path not in shown:
            fail(f"{os.path.relpath(path, base)} is not shown")
sys.exit(1 if failures else 0)

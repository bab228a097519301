#!/usr/bin/env python3
"""Every compiler diagnostic and every kind has an explanation, and each one is true.

Diagnostics: the codes are read from compiler/diagnostics/DiagnosticKinds.def
(every kind that is not a Note), so a new diagnostic without an explanation
fails here. Each `stdlib/meldingen/CODE.md` has a Dutch and an English section,
each with its fix, and one example: a ```cio example is checked with
`cioc check --peildatum 2025-06-01` (a first line `// args: …` adds options)
and must give the code; a ```sh example is run in an empty directory with
`cioc` on PATH and must print the code or the start of its Dutch message; a
```text example (what the message looks like) only for the diagnostics no
input can provoke. `cioc explain CODE` shows the explanation in both languages.

Kinds: every kind of the stdlib has a doc comment and every field one;
`cioc explain KIND` shows each field; docs/schema.md is what
`cioc explain --schema` writes (UPDATE_GOLDEN=1 rewrites it).

usage: explain_all_test.py CIOC STDLIB DIAGNOSTIC_KINDS_DEF SCHEMA_MD
"""
import os
import re
import subprocess
import sys
import tempfile

cioc, stdlib, kinds_def, schema_md = sys.argv[1:5]
cioc = os.path.abspath(cioc)
stdlib = os.path.abspath(stdlib)
failures = []

# The diagnostics no input can provoke (DiagnosticCoverageTest says why); their example shows the message.
UNPROVOKABLE = {"fmt_would_change_tokens", "graph_render_failed", "file_changed_meanwhile"}


def fail(msg):
    failures.append(msg)
    print("FAIL " + msg)


def run(args, cwd=None, env=None, shell=False):
    r = subprocess.run(args, cwd=cwd, env=env, shell=shell, capture_output=True, timeout=120)
    return r.returncode, (r.stdout + r.stderr).decode("utf-8", "replace")


codes = {}
for m in re.finditer(r'^DIAG\((\w+), (\w+), "((?:[^"\\]|\\.)*)", "((?:[^"\\]|\\.)*)"\)', open(kinds_def).read(), re.M):
    if m.group(2) != "Note":
        codes[m.group(1)] = m.group(3).replace('\\"', '"')

env = dict(os.environ, PATH=os.path.dirname(cioc) + os.pathsep + os.environ["PATH"], CIO_STDLIB=stdlib)
checked = 0
for code, dutch in sorted(codes.items()):
    path = os.path.join(stdlib, "meldingen", code + ".md")
    if not os.path.exists(path):
        fail(f"{code}: no explanation ({path})")
        continue
    doc = open(path, encoding="utf-8").read()
    m = re.fullmatch(r"# (\w+)\n\n## nl\n\n(.+?)\n\n\*\*Oplossing:\*\* (.+?)\n\n## en\n\n(.+?)\n\n\*\*Fix:\*\* (.+?)\n\n"
                     r"## Voorbeeld\n\n```(cio|sh|text)\n(.*?)\n```\n", doc, re.S)
    if not m or m.group(1) != code:
        fail(f"{code}: the file does not have the sections # {code}, ## nl, **Oplossing:**, ## en, **Fix:**, ## Voorbeeld")
        continue
    nl, en, lang, example = m.group(2), m.group(4), m.group(6), m.group(7)
    # What the reader is shown, in both languages.
    rc, out = run([cioc, "explain", "--stdlib", stdlib, code])
    if rc != 0 or nl.split()[0] not in out or m.group(3).split()[0] not in out:
        fail(f"{code}: `cioc explain {code}` (exit {rc}) does not show the Dutch explanation")
    rc, out = run([cioc, "explain", "--stdlib", stdlib, "--lang", "en", code])
    if rc != 0 or en.split()[0] not in out or "Fix" not in out:
        fail(f"{code}: `cioc explain --lang en {code}` (exit {rc}) does not show the English explanation")
    # The example gives the code.
    prefix = re.split(r"\{\d\}|`", dutch)[0].strip()
    with tempfile.TemporaryDirectory() as tmp:
        if lang == "text":
            if code not in UNPROVOKABLE:
                fail(f"{code}: an example that only shows the message; give one that provokes it")
            continue
        if lang == "cio":
            args = []
            if example.startswith("// args: "):
                args = example.split("\n", 1)[0][len("// args: "):].split()
            with open(os.path.join(tmp, "voorbeeld.cio"), "w", encoding="utf-8") as f:
                f.write(example + "\n")
            rc, out = run([cioc, "check", "--stdlib", stdlib, "--peildatum", "2025-06-01", "--max-meldingen", "0"] + args
                          + ["voorbeeld.cio"], cwd=tmp)
            ok = f"[{code}]" in out
        else:
            rc, out = run(["bash", "-c", example], cwd=tmp, env=env)
            ok = f"[{code}]" in out or (len(prefix) >= 8 and prefix in out)
        if rc >= 124:
            fail(f"{code}: the example crashed or hung (exit {rc})")
        elif not ok:
            fail(f"{code}: the example does not give [{code}]:\n{out[:1500]}")
        else:
            checked += 1
print(f"ok   {checked} examples of {len(codes)} diagnostics give their code")

# ---- kinds ----------------------------------------------------------------------
rc, reference = run([cioc, "explain", "--stdlib", stdlib, "--schema"])
if rc != 0:
    fail(f"`cioc explain --schema` exit {rc}")
kinds = re.findall(r"^### (\w+)$", reference, re.M)
if len(kinds) < 20:
    fail(f"the schema reference names only {len(kinds)} kinds")
for kind in kinds:
    section = reference.split(f"\n### {kind}\n", 1)[1].split("\n### ", 1)[0]
    # After the optional "is een …" line: the kind's own description, before any table.
    paragraphs = [p for p in section.strip().split("\n\n") if not p.startswith("is een")]
    if not paragraphs or paragraphs[0].startswith(("|", "**")):
        fail(f"kind {kind}: no doc comment")
    for row in re.findall(r"^\| `(\w+)` \| `[^`]+` \| (.*?) \| .* \|$", section, re.M):
        if not row[1].strip():
            fail(f"kind {kind}: field {row[0]} has no doc comment")
    rc, out = run([cioc, "explain", "--stdlib", stdlib, kind])
    fields = re.findall(r"^\| `(\w+)` \|", section, re.M)
    if rc != 0 or not out.startswith(f"Soort {kind}") or any(f"  {f}: " not in out for f in fields):
        fail(f"kind {kind}: `cioc explain {kind}` (exit {rc}) does not list its fields")
print(f"ok   {len(kinds)} kinds explained")

if os.environ.get("UPDATE_GOLDEN"):
    open(schema_md, "w", encoding="utf-8").write(reference)
elif not os.path.exists(schema_md) or open(schema_md, encoding="utf-8").read() != reference:
    fail(f"{schema_md} is not what `cioc explain --schema` writes (UPDATE_GOLDEN=1 to rewrite it)")
else:
    print("ok   docs/schema.md is current")

sys.exit(1 if failures else 0)

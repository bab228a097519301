#!/usr/bin/env python3
"""LSP edit-to-diagnostics latency: `cioc lsp` opens a generated file of about
5,000 lines, then gets one small edit at a time (a value in the middle of the
file toggled) and the time until its diagnostics arrive is measured.
With --many-findings every other project lacks its dashboard entry, so that
each analysis publishes a few hundred diagnostics.
With --split=N the workspace is N ministries of 3 dienstonderdelen and the
Rijk, one file each (N + 1 files, the server given the folder as its root),
and the edit goes to one ministry's file while the others stay closed.
The client offers to watch files (the server then reads each closed file
once); --no-watch does not (every closed file is read on every edit).
Usage: lsp_latency.py CIOC [EDITS] [--many-findings] [--split=N] [--no-watch]. Prints the
line count, the files, the findings, p50 and p95 in ms as JSON."""
import json, os, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
args = [a for a in sys.argv[1:] if not a.startswith("--")]
cioc = args[0]
edits = int(args[1]) if len(args) > 1 else 100
many = "--many-findings" in sys.argv
split = next((int(a.split("=")[1]) for a in sys.argv[1:] if a.startswith("--split=")), 0)
root = tempfile.mkdtemp()
if split:
    subprocess.run([sys.executable, os.path.join(here, "generate.py"), "--ministries", str(split), "--units", "3",
                    "--rijk", "--split", root], check=True, stdout=subprocess.DEVNULL)
    files = sorted(f for f in os.listdir(root) if f.endswith(".cio"))
    path = os.path.join(root, next(f for f in files if f != "rijk.cio" and "op_dashboard = ja;" in open(os.path.join(root, f)).read()))
else:
    files = ["groot.cio"]
    path = os.path.join(root, "groot.cio")
    subprocess.run([sys.executable, os.path.join(here, "generate.py"), "--ministries", "6", "--units", "50", "--rijk",
                    path], check=True)
text = open(path, encoding="utf-8").read()
lines = text.split("\n")
target = next(i for i in range(len(lines) // 2, len(lines)) if "op_dashboard = ja;" in lines[i])
column = lines[target].index("ja;")
if many:
    for i in range(0, len(lines), 2):
        if i != target:
            lines[i] = lines[i].replace("op_dashboard = ja;", "op_dashboard = nee;")
    text = "\n".join(lines)
    open(path, "w", encoding="utf-8").write(text)
uri = "file://" + path
proc = subprocess.Popen([cioc, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def send(msg):
    body = json.dumps(msg).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def receive():
    length = None
    while True:
        line = proc.stdout.readline()
        if not line:
            sys.exit("the server closed the stream")
        line = line.strip()
        if not line:
            break
        if line.startswith(b"Content-Length:"):
            length = int(line.split(b":")[1])
    return json.loads(proc.stdout.read(length))


def diagnostics_for(uri):
    while True:
        m = receive()
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
            return m["params"]["diagnostics"]


send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"rootUri": "file://" + root if split else None,
                 "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": "--no-watch" not in sys.argv}}}}})
while receive().get("id") != 1:
    pass
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "cio", "version": 1, "text": text}}})
# The server answers in order: once this request is answered, the analyses of
# `initialized` and didOpen are done (only diagnostics that changed are published).
send({"jsonrpc": "2.0", "id": 3, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": uri}}})
while receive().get("id") != 3:
    pass

times = []
findings = 0
value = "ja"
for version in range(2, edits + 12):
    new = "nee" if value == "ja" else "ja"
    edit = {"range": {"start": {"line": target, "character": column},
                      "end": {"line": target, "character": column + len(value)}}, "text": new}
    value = new
    start = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [edit]}})
    found = diagnostics_for(uri)
    if version >= 12:  # the first ten warm up
        times.append((time.perf_counter() - start) * 1000)
    at_target = any(d["code"] == "op_rijks_ict_dashboard" and d["range"]["start"]["line"] == target for d in found)
    assert at_target == (value == "nee"), "wrong diagnostics"
    findings = max(findings, len(found))
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
while receive().get("id") != 2:
    pass
send({"jsonrpc": "2.0", "method": "exit"})
proc.wait(timeout=10)
times.sort()
p50, p95 = times[len(times) // 2], times[int(len(times) * 0.95) - 1]
print(json.dumps({"lines": len(lines), "files": len(files), "findings": findings, "edits": len(times), "p50_ms": round(p50, 1),
                  "p95_ms": round(p95, 1)}))

#!/usr/bin/env python3
"""`cioc lsp` over real stdio framing: initialize, open a file with a violation,
receive its diagnostics, hover over the CIO for the article text, shut down.
Usage: lsp_stdio_test.py CIOC STDLIB"""
import json, os, subprocess, sys, tempfile

cioc, stdlib = sys.argv[1], sys.argv[2]
root = tempfile.mkdtemp()
path = os.path.join(root, "m.cio")
text = "gebruik besluit_cio_2021;\nministerie M {\n    sg SG;\n    cio CIO { ressorteert_onder = SG; }\n}\n"
open(path, "w").write(text)
uri = "file://" + path
proc = subprocess.Popen([cioc, "lsp", "--stdlib", stdlib], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

def send(msg):
    body = json.dumps(msg).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()

def receive():
    length = None
    while True:
        line = proc.stdout.readline()
        assert line, "server closed the stream"
        line = line.strip()
        if not line:
            break
        if line.startswith(b"Content-Length:"):
            length = int(line.split(b":")[1])
    return json.loads(proc.stdout.read(length))

latest = {}     # uri -> its diagnostics as last published: what an editor shows
published = []  # the uris of every publishDiagnostics received, in order

def until(pred, trace=False):
    for _ in range(50):
        msg = receive()
        if os.environ.get("LSP_TRACE"): print("<<", json.dumps(msg)[:200])
        if msg.get("method") == "textDocument/publishDiagnostics":
            latest[msg["params"]["uri"]] = msg["params"]["diagnostics"]
            published.append(msg["params"]["uri"])
        if pred(msg):
            return msg
    raise AssertionError("no such message")

sync_id = 100
def sync(uri):
    """Waits until the server has handled everything sent so far: it answers in order."""
    global sync_id
    sync_id += 1
    send({"jsonrpc": "2.0", "id": sync_id, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": uri}}})
    until(lambda m: m.get("id") == sync_id)

send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "file://" + root}})
assert "capabilities" in until(lambda m: m.get("id") == 1)["result"]
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "cio", "version": 1, "text": text}}})
diags = until(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
              and m["params"]["diagnostics"])["params"]["diagnostics"]
codes = {d["code"] for d in diags}
assert "cio_heeft_office" in codes, codes
send({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover",
      "params": {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 9}}})
hover = until(lambda m: m.get("id") == 2)["result"]["contents"]["value"]
assert "Een CIO beschikt over een CIO-office" in hover, hover
send({"jsonrpc": "2.0", "id": 3, "method": "shutdown"})
until(lambda m: m.get("id") == 3)
send({"jsonrpc": "2.0", "method": "exit"})
assert proc.wait(timeout=10) == 0
print("ok   lsp: stdio framing, diagnostics, hover, shutdown")

# Closed files. A client that can watch files is asked to (client/registerCapability);
# then a closed file is read once and again when the client says it changed,
# not on every keystroke. A client that cannot: it is read on every analysis.
def session(watch):
    global proc
    latest.clear()
    ws = tempfile.mkdtemp()
    open_path, closed_path = os.path.join(ws, "a.cio"), os.path.join(ws, "b.cio")
    open(open_path, "w").write(text)
    open(closed_path, "w").write("gebruik besluit_cio_2021;\nministerie B { cio C { ressorteert_onder = ONBEKEND; } }\n")
    proc = subprocess.Popen([cioc, "lsp", "--stdlib", stdlib], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    caps = {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}} if watch else {}
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "file://" + ws, "capabilities": caps}})
    until(lambda m: m.get("id") == 1)
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    closed_uri, open_uri = "file://" + closed_path, "file://" + open_path
    first = until(lambda m: m.get("method") in ("client/registerCapability", "textDocument/publishDiagnostics"))
    if watch:
        assert first["method"] == "client/registerCapability", first
        watchers = first["params"]["registrations"][0]["registerOptions"]["watchers"]
        assert {w["globPattern"] for w in watchers} == {"**/*.cio", "**/cioc.toml"}, watchers
        send({"jsonrpc": "2.0", "id": first["id"], "result": None})
    else:
        assert first["method"] == "textDocument/publishDiagnostics", first
    codes_of_b = lambda: {d["code"] for d in latest.get(closed_uri, [])}
    def edit(version):
        """An edit to a.cio that leaves it as it was; returns whether b.cio's diagnostics were published."""
        published.clear()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": open_uri, "version": version}, "contentChanges": [{"text": text}]}})
        sync(open_uri)
        return closed_uri in published
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": open_uri, "languageId": "cio", "version": 1, "text": text}}})
    sync(open_uri)
    assert "unresolved_reference" in codes_of_b(), latest
    # Only diagnostics that changed are published: the client keeps the rest.
    assert not edit(2), "b.cio's unchanged diagnostics were published again"
    assert "unresolved_reference" in codes_of_b()
    # b.cio is mended on disk, behind the server's back.
    open(closed_path, "w").write("gebruik besluit_cio_2021;\nministerie B { sg SG; }\n")
    b_published = edit(3)
    if watch:
        assert not b_published and "unresolved_reference" in codes_of_b(), "read again although the client watches it"
        send({"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles",
              "params": {"changes": [{"uri": closed_uri, "type": 2}]}})
        sync(open_uri)
        assert "unresolved_reference" not in codes_of_b(), latest
        # A new file, announced: the folder is walked again.
        new_path = os.path.join(ws, "c.cio")
        open(new_path, "w").write("gebruik besluit_cio_2021;\nministerie C { cio X { ressorteert_onder = NIEMAND; } }\n")
        send({"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles",
              "params": {"changes": [{"uri": "file://" + new_path, "type": 1}]}})
        sync(open_uri)
        assert latest.get("file://" + new_path), latest
    else:
        assert b_published and "unresolved_reference" not in codes_of_b(), "a change on disk not seen without watchers"
    send({"jsonrpc": "2.0", "id": 9, "method": "shutdown"})
    until(lambda m: m.get("id") == 9)
    send({"jsonrpc": "2.0", "method": "exit"})
    assert proc.wait(timeout=10) == 0

session(watch=True)
print("ok   lsp: watched closed files are read once, and again when the client says they changed")
session(watch=False)
print("ok   lsp: without watchers a closed file is read on every analysis")

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

def until(pred):
    for _ in range(50):
        msg = receive()
        if pred(msg):
            return msg
    raise AssertionError("no such message")

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

#!/usr/bin/env python3
"""`cioc lsp`'s base protocol against a hostile client: every malformed header
gets an error response and a clean end, never a crash, a hang or an unbounded
buffer. Usage: lsp_transport_test.py CIOC STDLIB"""
import json, subprocess, sys

cioc, stdlib = sys.argv[1], sys.argv[2]
failed = False

def run(name, data, expect_error, expect_exit=None):
    """Feeds `data` to a fresh server and checks its reply and exit status."""
    global failed
    try:
        p = subprocess.run([cioc, "lsp", "--stdlib", stdlib], input=data, capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        print("FAIL %s: hangs" % name); failed = True; return
    out = p.stdout
    ok = p.returncode in (0, 1) and len(out) < 10000
    if expect_exit is not None:
        ok = ok and p.returncode == expect_exit
    if expect_error:
        ok = ok and b'"error"' in out and expect_error.encode() in out
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else " (exit %d, %r)" % (p.returncode, out[:200])))
    failed |= not ok

def frame(msg):
    body = json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body

init = frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}})
run("Content-Length not a number", b"Content-Length: twelve\r\n\r\n{}", "invalid Content-Length", 1)
run("Content-Length negative", b"Content-Length: -5\r\n\r\n{}", "invalid Content-Length", 1)
run("Content-Length missing", b"Content-Type: x\r\n\r\n{}", "missing Content-Length", 1)
run("Content-Length beyond 256 MiB", b"Content-Length: 99999999999\r\n\r\n", "larger than 256 MiB", 1)
run("a 64 MiB header line", b"X-Junk: " + b"a" * (64 << 20) + b"\r\n\r\n", "header line too long", 1)
run("a body shorter than announced", b"Content-Length: 100\r\n\r\n{}", None)
run("a body that is not JSON", init + b"Content-Length: 3\r\n\r\n{x}", "parse error")
run("a request before initialize",
    frame({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {}}), "not initialized")
for params in ({}, [], {"textDocument": "x"}, {"textDocument": {"uri": 5}}):
    run("didOpen with params %s" % json.dumps(params),
        init + frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": params})
        + frame({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": params}), "invalid parameters")
run("a request after shutdown",
    init + frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    + frame({"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {}})
    + frame({"jsonrpc": "2.0", "method": "exit"}), "shutting down", 0)
sys.exit(1 if failed else 0)

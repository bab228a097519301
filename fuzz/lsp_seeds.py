#!/usr/bin/env python3
"""Writes one LSP message per file into the directory given: seeds for fuzz_lsp."""
import json, os, sys

out = sys.argv[1]
uri = "file:///fuzz/m.cio"
doc = {"uri": uri}
pos = {"line": 1, "character": 15}
messages = [
    {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": doc, "position": pos}},
    {"jsonrpc": "2.0", "id": 3, "method": "textDocument/completion", "params": {"textDocument": doc, "position": pos}},
    {"jsonrpc": "2.0", "id": 4, "method": "textDocument/definition", "params": {"textDocument": doc, "position": pos}},
    {"jsonrpc": "2.0", "id": 5, "method": "textDocument/references", "params": {"textDocument": doc, "position": pos}},
    {"jsonrpc": "2.0", "id": 6, "method": "textDocument/documentSymbol", "params": {"textDocument": doc}},
    {"jsonrpc": "2.0", "id": 7, "method": "textDocument/formatting", "params": {"textDocument": doc}},
    {"jsonrpc": "2.0", "id": 8, "method": "textDocument/rename", "params": {"textDocument": doc, "position": pos, "newName": "X"}},
    {"jsonrpc": "2.0", "id": 9, "method": "textDocument/codeAction",
     "params": {"textDocument": doc, "range": {"start": pos, "end": pos}}},
    {"jsonrpc": "2.0", "method": "textDocument/didChange",
     "params": {"textDocument": {"uri": uri, "version": 2},
                "contentChanges": [{"range": {"start": pos, "end": pos}, "text": " cio C;"}]}},
    {"jsonrpc": "2.0", "method": "workspace/didChangeWorkspaceFolders",
     "params": {"event": {"added": [{"uri": "file:///fuzz"}], "removed": []}}},
]
os.makedirs(out, exist_ok=True)
for i, m in enumerate(messages):
    with open(os.path.join(out, f"seed_{i}.json"), "w") as f:
        json.dump(m, f)

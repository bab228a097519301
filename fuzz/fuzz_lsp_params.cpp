// The language server's message layer with malformed parameters: every method
// it knows, as a request and as a notification, with parameters built from
// the input out of the keys the methods read and values of any JSON type in
// any place (an array for an object, a string for a position, a negative
// line…). The server answers with a result or an error, never crashes.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <string>

#include "lsp/LanguageServer.h"

namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

const char *const kMethods[] = {"initialize",
                                "initialized",
                                "textDocument/didOpen",
                                "textDocument/didChange",
                                "textDocument/didSave",
                                "textDocument/didClose",
                                "textDocument/hover",
                                "textDocument/definition",
                                "textDocument/references",
                                "textDocument/documentSymbol",
                                "textDocument/formatting",
                                "textDocument/completion",
                                "textDocument/codeAction",
                                "textDocument/rename",
                                "workspace/didChangeWorkspaceFolders",
                                "shutdown",
                                "$/cancelRequest",
                                "cioc/unknown"};
const char *const kKeys[] = {"textDocument",
                             "uri",
                             "text",
                             "position",
                             "line",
                             "character",
                             "range",
                             "start",
                             "end",
                             "contentChanges",
                             "newName",
                             "context",
                             "includeDeclaration",
                             "event",
                             "added",
                             "removed",
                             "workspaceFolders",
                             "rootUri"};

Value randomValue(FuzzedDataProvider &in, int depth) {
  switch (in.ConsumeIntegralInRange<int>(0, depth > 4 ? 4 : 6)) {
    case 0:
      return nullptr;
    case 1:
      return in.ConsumeBool();
    case 2:
      return in.ConsumeIntegral<int64_t>();
    case 3:
      return in.ConsumeBool() ? Value("file:///fuzz/m.cio") : Value(in.ConsumeRandomLengthString(64));
    case 4:
      return in.ConsumeIntegralInRange<int64_t>(-2, 40);
    case 5: {
      Array a;
      for (int n = in.ConsumeIntegralInRange<int>(0, 3); n > 0; --n) a.push_back(randomValue(in, depth + 1));
      return a;
    }
    default: {
      Object o;
      for (int n = in.ConsumeIntegralInRange<int>(0, 4); n > 0; --n)
        o[in.PickValueInArray(kKeys)] = randomValue(in, depth + 1);
      return o;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzedDataProvider in(data, size);
  cio::LanguageServer server(CIOC_FUZZ_STDLIB);
  int64_t id = 0;
  while (in.remaining_bytes() > 0) {
    Object msg{{"jsonrpc", "2.0"}, {"method", in.PickValueInArray(kMethods)}};
    if (in.ConsumeBool()) msg["params"] = randomValue(in, 0);
    if (in.ConsumeBool()) msg["id"] = ++id;
    server.handle(Value(std::move(msg)));
    if (server.exited()) break;
  }
  return 0;
}

// Any bytes as one LSP message body (after an initialize and an open document):
// the server answers or ignores, never crashes.
#include <cstdint>
#include <string>

#include "lsp/LanguageServer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static cio::LanguageServer *server = [] {
    auto *s = new cio::LanguageServer(CIOC_FUZZ_STDLIB);
    s->handle(
        llvm::json::Object{{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", llvm::json::Object{}}});
    s->handle(llvm::json::Object{
        {"jsonrpc", "2.0"},
        {"method", "textDocument/didOpen"},
        {"params",
         llvm::json::Object{
             {"textDocument", llvm::json::Object{{"uri", "file:///fuzz/m.cio"},
                                                 {"text", "gebruik besluit_cio_2021;\nministerie M { sg SG; }\n"}}}}}});
    return s;
  }();
  llvm::Expected<llvm::json::Value> message =
      llvm::json::parse(llvm::StringRef(reinterpret_cast<const char *>(data), size));
  if (!message) {
    llvm::consumeError(message.takeError());
    return 0;
  }
  server->handle(*message);
  return 0;
}

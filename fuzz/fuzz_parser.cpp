// Any bytes through the syntax stage: never a crash, a hang or a sanitizer
// report. And differential: after a one-byte deletion in the middle, parsing
// with the top-level entities of the first parse (as the language server does)
// must give exactly the tree and diagnostics of a full parse.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "AstDump.h"
#include "syntax/Parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using cio::ast_dump::dump;
  std::string text(reinterpret_cast<const char *>(data), size);
  cio::DiagnosticEngine first;
  cio::ParsedItems items;
  cio::parseFile(text, 1, first, {}, nullptr, &items);
  if (text.empty()) return 0;
  text.erase(text.size() / 2, 1);
  cio::DiagnosticEngine incrementalDiags, fullDiags;
  cio::ParsedItems next;
  cio::ast::File incremental = cio::parseFile(text, 1, incrementalDiags, {}, &items, &next);
  cio::ast::File full = cio::parseFile(text, 1, fullDiags);
  if (dump(incremental, incrementalDiags) != dump(full, fullDiags)) std::abort();
  return 0;
}

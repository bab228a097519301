// Any bytes through the syntax stage: never a crash, a hang or a sanitizer report.
#include <cstdint>
#include <string_view>

#include "syntax/Parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cio::DiagnosticEngine diags;
  cio::parseFile(std::string_view(reinterpret_cast<const char *>(data), size), 1, diags);
  return 0;
}

// The formatter on any file that parses: the same tokens and comments after,
// and formatting twice changes nothing. A difference aborts (a finding).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "format/Formatter.h"
#include "syntax/Parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string_view text(reinterpret_cast<const char *>(data), size);
  cio::DiagnosticEngine diags;
  cio::parseFile(text, 1, diags);
  if (diags.errorCount() > 0) return 0;  // cioc fmt refuses such a file
  std::string once = cio::formatSource(text);
  if (cio::significantTokens(once) != cio::significantTokens(text)) std::abort();
  if (cio::formatSource(once) != once) std::abort();
  return 0;
}

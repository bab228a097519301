// Differential: on any valid UTF-8, the hand-written lexer must produce the
// generated ANTLR lexer's tokens exactly (types and byte ranges).
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "LexerDifferential.h"
#include "syntax/Parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using namespace cio::lexer_differential;
  std::string text(reinterpret_cast<const char *>(data), size);
  if (cio::findInvalidUtf8(text) != std::string::npos) return -1;  // parseFile rejects it before lexing
  std::vector<Tok> expected = generatedTokens(text), actual = handTokens(withoutLeadingBom(text));
  if (long i = firstDifference(expected, actual); i >= 0) {
    std::fprintf(stderr, "lexers differ at token %ld\n", i);
    std::abort();
  }
  return 0;
}

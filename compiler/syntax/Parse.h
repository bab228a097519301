// The syntax stage: bytes of one .cio file in, an owned AST out. It validates
// UTF-8, lexes, rejects input nested deeper than a fixed limit (so nothing
// downstream can overflow the stack), parses with SLL first and full LL only
// when SLL fails, reports syntax errors in plain words and drops the parse tree.
#pragma once

#include <string_view>

#include "ast/Ast.h"
#include "diagnostics/DiagnosticEngine.h"

namespace cio {

struct ParseLimits {
  unsigned maxNesting = 256;
  uint32_t maxListItems = 100000;  // items of one `[…]`: bounds the work of norms that search lists
  unsigned maxSyntaxErrors = 20;
  size_t chunkTokens = 20000;  // parse in pieces of about this many tokens (see Parse.cpp)
};

/// Parses `text`, which is buffer `buffer` of the workspace's SourceMgr.
/// Never throws; problems become diagnostics and a best-effort AST.
ast::File parseFile(std::string_view text, unsigned buffer, DiagnosticEngine &diags, const ParseLimits &limits = {});

/// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
size_t findInvalidUtf8(std::string_view text);

}  // namespace cio

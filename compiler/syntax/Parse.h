// The syntax stage: bytes of one .cio file in, an owned AST out. It validates
// UTF-8, lexes, rejects input nested deeper than a fixed limit (so nothing
// downstream can overflow the stack), parses with SLL first and full LL only
// when SLL fails, reports syntax errors in plain words and drops the parse tree.
#pragma once

#include <string_view>
#include <unordered_map>

#include "ast/Ast.h"
#include "diagnostics/DiagnosticEngine.h"

namespace cio {

struct ParseLimits {
  unsigned maxNesting = 256;
  unsigned maxSyntaxErrors = 20;
  size_t chunkTokens = 1;          // parse in pieces of at least this many tokens; 1: each top-level item alone
  uint32_t maxListItems = 100000;  // items of one `[…]`: bounds the work of norms that search lists
  // Tokens of one norm or constant. Their parse trees are deep (a node per
  // precedence level per operand, some 1.4 KB a token): the bound keeps a
  // hostile expression from taking gigabytes. No norm of the stdlib has 500.
  size_t maxExpressionItemTokens = 50000;
};

/// Top-level entities parsed before, by their text (with the comments and
/// blank lines before them), for the language server: after an edit only the
/// items it touched are parsed again; the others are copied with their ranges
/// moved. Only items that parsed without any diagnostic are kept.
struct ParsedItems {
  struct Item {
    uint32_t begin;         // where the key text started
    ast::EntityTree nodes;  // the entity alone, positions as they were
  };
  std::unordered_map<std::string, Item> byText;
  size_t reused = 0;  // items of this parse copied from the previous one
};

/// Parses `text`, which is buffer `buffer` of the workspace's SourceMgr.
/// Never throws; problems become diagnostics and a best-effort AST. With
/// `record`, every top-level item is parsed on its own and the clean entities
/// are recorded there; items found in `reuse` (read only with `record`) are not parsed again.
ast::File parseFile(std::string_view text, unsigned buffer, DiagnosticEngine &diags, const ParseLimits &limits = {},
                    const ParsedItems *reuse = nullptr, ParsedItems *record = nullptr);

/// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
size_t findInvalidUtf8(std::string_view text);

}  // namespace cio

// Renderers turn the collected diagnostics into output: a rustc-like text
// form for people (colour only on a terminal), and a stable JSON form for
// machines (documented in docs/json-format.md). Both sort first, so output is
// byte-identical whatever the order in which files were given.
#pragma once

#include "diagnostics/DiagnosticEngine.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

namespace cio {

struct Location {
  std::string file;
  unsigned line = 0, column = 0, endLine = 0, endColumn = 0;  // 1-based; column counts code points
  std::string lineText;
};

Location locate(const llvm::SourceMgr &sources, SourceRange range);

/// Sorts by file, position, code and message; stable and total.
void sortDiagnostics(std::vector<Diagnostic> &diags, const llvm::SourceMgr &sources);

void renderText(llvm::raw_ostream &os, const std::vector<Diagnostic> &diags, const llvm::SourceMgr &sources,
                Language lang, bool colour);
void renderJson(llvm::raw_ostream &os, const std::vector<Diagnostic> &diags, const llvm::SourceMgr &sources);

/// `--verify`: compares the diagnostics with the `// expect-error: code` comments
/// of the checked files. Prints every mismatch; returns true when all match.
bool verifyDiagnostics(llvm::raw_ostream &os, const std::vector<Diagnostic> &diags, const llvm::SourceMgr &sources,
                       const std::vector<unsigned> &checkedBuffers);

}  // namespace cio

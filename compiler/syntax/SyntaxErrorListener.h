// Turns ANTLR's syntax errors into diagnostics that read like a compiler's:
// "expected `;` after the field value, found `}`" instead of token-set dumps.
// Caps the number of errors per file so one mistake cannot flood the output.
#pragma once

#include <functional>

#include "BaseErrorListener.h"
#include "diagnostics/DiagnosticEngine.h"

namespace cio {

class SyntaxErrorListener : public antlr4::BaseErrorListener {
 public:
  using RangeOf = std::function<SourceRange(antlr4::Token *)>;
  SyntaxErrorListener(DiagnosticEngine &diags, RangeOf rangeOf, unsigned maxErrors)
      : diags_(diags), rangeOf_(std::move(rangeOf)), maxErrors_(maxErrors) {}

  void syntaxError(antlr4::Recognizer *recognizer, antlr4::Token *offendingSymbol, size_t line,
                   size_t charPositionInLine, const std::string &msg, std::exception_ptr e) override;

  unsigned errorCount() const { return count_; }

 private:
  std::string describeToken(antlr4::Token *tok, const antlr4::dfa::Vocabulary &vocab) const;
  std::string describeExpected(antlr4::Parser *parser) const;

  DiagnosticEngine &diags_;
  RangeOf rangeOf_;
  unsigned maxErrors_;
  unsigned count_ = 0;
};

}  // namespace cio

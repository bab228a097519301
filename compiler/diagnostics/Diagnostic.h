// A diagnostic is plain data: what went wrong, where, and how to fix it.
// Compiler diagnostics are created from the table in DiagnosticKinds.def;
// norm findings (a later stage) fill the same struct from the stdlib.
#pragma once

#include <string>
#include <vector>

#include "base/SourceRange.h"

namespace cio {

enum class Severity { Error, Warning, Note };

enum class DiagId {
#define DIAG(name, severity, nl, en) name,
#include "diagnostics/DiagnosticKinds.def"
#undef DIAG
};

struct DiagnosticNote {
  SourceRange range;  // invalid when the note has no location
  std::string message;
};

struct FixIt {
  SourceRange range;
  std::string replacement;
};

struct Diagnostic {
  std::string code;
  Severity severity = Severity::Error;
  std::string message;
  SourceRange range;
  std::vector<DiagnosticNote> notes;
  std::string help;
  std::vector<FixIt> fixits;
  std::string article;       // norm findings: the article in `art3.1` notation
  std::string suppressedBy;  // norm findings: the deviation that covers it
};

}  // namespace cio

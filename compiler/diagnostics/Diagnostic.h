// A diagnostic is plain data: what went wrong, where, and how to fix it.
// Compiler diagnostics are created from the table in DiagnosticKinds.def;
// norm findings (a later stage) fill the same struct from the stdlib.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/SourceRange.h"

namespace cio {

enum class Severity { Error, Warning, Note };

/// The severity words of the language (`ernst fout;`, `@hoogstens(advies)`).
inline std::optional<Severity> severityFromWord(std::string_view word) {
  if (word == "fout") return Severity::Error;
  if (word == "waarschuwing") return Severity::Warning;
  if (word == "advies") return Severity::Note;
  return std::nullopt;
}

enum class DiagId {
#define DIAG(name, severity, nl, en) name,
#include "diagnostics/DiagnosticKinds.def"
#undef DIAG
};

struct DiagnosticNote {
  SourceRange range;  // invalid when the note has no location
  std::string message;
  bool operator==(const DiagnosticNote &) const = default;
};

struct FixIt {
  SourceRange range;
  std::string replacement;
  bool operator==(const FixIt &) const = default;
};

struct Diagnostic {
  std::string code;
  Severity severity = Severity::Error;
  std::string message;
  SourceRange range;
  std::vector<DiagnosticNote> notes;
  std::string help;
  std::vector<FixIt> fixits;
  // Norm findings only, rendered from the finding record (norms/FindingText.h):
  std::string article;    // the article in `art3.1` notation
  std::string subject;    // the path of the entity the finding is about
  std::string coveredBy;  // the name of the deviation that covers it
  std::string identity;   // the norm and the paths of the bound entities: what the finding is, in any language
  // Set when the check compares with a baseline (pipeline/Baseline.h):
  std::string fingerprint;  // stable across unrelated edits and moved lines
  enum class Baseline { None, New, Unchanged } baseline = Baseline::None;
  bool operator==(const Diagnostic &) const = default;
};

}  // namespace cio

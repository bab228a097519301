// Writing a file cioc produces or rewrites: to a temporary file beside it,
// then renamed over it, so a reader never sees half a chart, report or
// formatted source. The file keeps its mode and owner; a link keeps pointing
// at it (a symbolic link's target is written, a hard-linked file is written in
// place); a read-only file is not written.
#pragma once

#include <string>

#include "diagnostics/DiagnosticEngine.h"

namespace cio {

/// Why a file was not written: cioc's own refusal, or the system's reason.
struct WriteError {
  enum class Kind { System, ReadOnly, NotRegular, Changed } kind = Kind::System;
  std::string detail;  // with System: the system's message
};

/// Returns false with `error` set when the file cannot be written. With
/// `expected`, the file must still hold exactly that just before it is
/// replaced (`cioc fmt`: an edit made meanwhile is never overwritten).
bool writeFileAtomically(const std::string &path, const std::string &content, WriteError &error,
                         const std::string *expected = nullptr);

/// Reports why writeFileAtomically did not write `path`: the diagnostic of
/// cioc's own refusal (read-only, changed meanwhile, not a regular file), else
/// `output_unwritable` with the system's reason.
void reportWriteError(DiagnosticEngine &diags, const std::string &path, const WriteError &error);

/// The extension of `path` without the dot, lower case ("svg"), or "".
std::string extensionOf(const std::string &path);

}  // namespace cio

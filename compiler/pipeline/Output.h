// Writing an output file: to a temporary file beside it, then renamed over
// it, so a reader never sees half a chart or report.
#pragma once

#include <string>

namespace cio {

/// Returns false with `error` set when the file cannot be written.
bool writeFileAtomically(const std::string &path, const std::string &content, std::string &error);

/// The extension of `path` without the dot, lower case ("svg"), or "".
std::string extensionOf(const std::string &path);

}  // namespace cio

// Lays out and renders DOT text in-process with Graphviz's library (libgvc).
// Kept apart from the DOT writer so that plain DOT output needs no Graphviz.
#pragma once

#include <string>

namespace cio {

/// Renders `dot` to `format` ("svg" or "png"). Returns false with `error` set
/// when Graphviz cannot read or lay out the graph.
bool renderGraphviz(const std::string &dot, const std::string &format, std::string &out, std::string &error);

}  // namespace cio

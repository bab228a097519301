// Lays out and renders DOT text with Graphviz's library (libgvc), linked into
// cioc. Kept apart from the DOT writer so that plain DOT output needs no
// Graphviz.
//
// Graphviz 2.42's layout breaks some ties by comparing pointers, so the same
// DOT can come out differently when the heap was used differently before (by
// reading the input files in another order). For byte-identical output the
// layout runs at the start of a fresh copy of cioc (`cioc __graphviz`), whose
// heap history never depends on the input.
#pragma once

#include <string>

namespace cio {

/// Renders `dot` to `format` ("svg" or "png") in a fresh cioc process. Returns
/// false with `error` set when Graphviz cannot read or lay out the graph.
bool renderGraphviz(const std::string &dot, const std::string &format, std::string &out, std::string &error);

/// The layout itself, in this process: what `cioc __graphviz` runs.
bool renderGraphvizHere(const std::string &dot, const std::string &format, std::string &out, std::string &error);

/// `cioc __graphviz FORMAT IN OUT`: renders the DOT file IN to OUT; exit 0 or 2.
int graphvizMain(const std::string &format, const std::string &in, const std::string &out);

}  // namespace cio

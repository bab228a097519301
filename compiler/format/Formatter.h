// The canonical layout of a .cio file (`cioc fmt`). It works on the token
// stream, comments included, so it can only move whitespace: the tokens and
// comments of the output are exactly those of the input (a test checks this
// over every .cio file of the repository).
//
// The layout: four spaces per block level; one statement per line in a block
// written over several lines; a block that was written on one line stays on
// one line while it fits; line breaks inside a statement are kept (as
// continuation lines, indented one level, plus one per open parenthesis), and
// lists that run past the width are wrapped after a comma; spaces between
// tokens are normalised; blank lines are kept, at most one in a row; a comment
// stays on its line, after the code it followed or on a line of its own.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cio {

inline constexpr size_t kFormatWidth = 100;

/// The formatted text of a file that lexes cleanly (check with the parser first).
std::string formatSource(std::string_view text);

/// The tokens of `text` that formatting must keep, comments included, without
/// whitespace: (token type, text).
std::vector<std::pair<size_t, std::string>> significantTokens(std::string_view text);

}  // namespace cio

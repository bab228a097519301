// Text from the input (names, titles, file names, source lines) shown to a
// person: control characters never reach a terminal, a chart or a report as
// they are, and nothing the user wrote is reprinted without bound.
#pragma once

#include <string>
#include <string_view>

namespace cio {

/// `text` with every control character replaced by a visible one: C0 and DEL by
/// their Unicode control pictures (ESC → ␛, a line break → ␊), C1 controls and the
/// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) by U+FFFD;
/// invalid UTF-8 bytes by U+FFFD. A tab becomes a space when `tabAsSpace`.
std::string printable(std::string_view text, bool tabAsSpace = true);

/// Text of several lines (`cioc explain`): each line made printable, the line
/// breaks and tabs kept.
std::string printableText(std::string_view text);

/// At most `maxCodePoints` code points of `text`, cut at a character and ended
/// with `…` when something was left out.
std::string shortened(std::string_view text, size_t maxCodePoints);

/// The width window of a long source line shown under a diagnostic: `line`
/// (already printable) cut to about `width` code points around the 1-based
/// column `column`, with `…` where it was cut; `column` is moved to match.
/// `cutBefore`/`cutAfter`: `line` is itself already part of a longer line.
std::string lineWindow(std::string_view line, unsigned &column, unsigned width, bool cutBefore = false,
                       bool cutAfter = false);

}  // namespace cio

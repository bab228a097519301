// A unified diff of two texts, as `diff -u` and `git diff` print it, for
// `cioc fmt --diff` (editors, pre-commit hooks and reviewers read it).
#pragma once

#include <string>
#include <string_view>

namespace cio {

/// The hunks that turn `before` into `after`, with `context` lines around each,
/// headed `--- oldName` / `+++ newName`; empty when the texts are equal. Lines
/// are compared whole (Myers' algorithm); past a few thousand differing lines
/// the differing middle is shown as removed and added at once, so a hostile
/// input cannot make the diff quadratic.
std::string unifiedDiff(std::string_view before, std::string_view after, const std::string &oldName,
                        const std::string &newName, unsigned context = 3);

}  // namespace cio

// The documentation of a norm: a `///` comment in Markdown style whose first
// ``` block is an example of a violation (`cioc explain` shows it and checks
// it); the rest is prose, whose first paragraph is the norm's summary.
#pragma once

#include <string>

namespace cio {

struct SplitDoc {
  std::string prose, example;
  bool hasExample = false;
};

/// Splits a doc comment into its prose and its example (the first ``` block).
SplitDoc splitDoc(const std::string &doc);

/// The first paragraph of the prose, on one line.
std::string docSummary(const std::string &doc);

}  // namespace cio

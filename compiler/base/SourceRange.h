// Source locations: a half-open byte range inside one buffer of the
// workspace's llvm::SourceMgr. Buffer 0 means "no location".
#pragma once

#include <cstdint>

namespace cio {

struct SourceRange {
  unsigned buffer = 0;
  uint32_t begin = 0;
  uint32_t end = 0;

  bool valid() const { return buffer != 0; }
  bool operator==(const SourceRange &) const = default;
  static SourceRange join(SourceRange a, SourceRange b) { return {a.buffer, a.begin, b.end > a.end ? b.end : a.end}; }
};

}  // namespace cio

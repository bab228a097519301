// Maps parser tokens to byte ranges in the buffer. The hand-written lexer
// (syntax/Lexer.h) gives every token byte offsets, so the mapping is direct;
// tokens the parser conjures while recovering from an error have no position
// and map to the end of the buffer.
#pragma once

#include <algorithm>
#include <string_view>

#include "Token.h"
#include "base/SourceRange.h"

namespace cio {

class TokenRanges {
 public:
  TokenRanges(std::string_view text, unsigned buffer)
      : text_(text), buffer_(buffer), size_(static_cast<uint32_t>(text.size())) {}

  uint32_t byteOffset(size_t index) const { return static_cast<uint32_t>(std::min<size_t>(index, size_)); }

  /// The byte range of a token; the end of the buffer for EOF and conjured tokens.
  SourceRange range(const antlr4::Token *t) const {
    if (!t || t->getType() == antlr4::Token::EOF || t->getStartIndex() == INVALID_INDEX) return {buffer_, size_, size_};
    return {buffer_, byteOffset(t->getStartIndex()), byteOffset(t->getStopIndex() + 1)};
  }

  /// The token's text as written, straight from the source bytes.
  std::string_view text(const antlr4::Token *t) const {
    SourceRange r = range(t);
    return text_.substr(r.begin, r.end - r.begin);
  }

  unsigned buffer() const { return buffer_; }

 private:
  std::string_view text_;
  unsigned buffer_;
  uint32_t size_;
};

}  // namespace cio

// ANTLR positions are code-point indices into the decoded input; diagnostics
// and the AST use byte offsets into the buffer. This maps one to the other,
// at no cost for pure-ASCII input (the common case).
#pragma once

#include <string_view>
#include <vector>

#include "Token.h"
#include "base/SourceRange.h"

namespace cio {

class CodePointMap {
 public:
  CodePointMap(std::string_view text, unsigned buffer)
      : text_(text), buffer_(buffer), size_(static_cast<uint32_t>(text.size())) {
    bool ascii = true;
    for (unsigned char c : text)
      if (c >= 0x80) {
        ascii = false;
        break;
      }
    if (ascii) return;
    for (size_t i = 0; i < text.size(); ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets_.push_back(static_cast<uint32_t>(i));
    offsets_.push_back(size_);
  }

  uint32_t byteOffset(size_t codePoint) const {
    if (offsets_.empty()) return static_cast<uint32_t>(std::min<size_t>(codePoint, size_));
    return codePoint < offsets_.size() ? offsets_[codePoint] : offsets_.back();
  }

  /// The byte range of a token; the end of the buffer for EOF and conjured tokens.
  SourceRange range(const antlr4::Token *t) const {
    if (!t || t->getType() == antlr4::Token::EOF || t->getStartIndex() == INVALID_INDEX) return {buffer_, size_, size_};
    return {buffer_, byteOffset(t->getStartIndex()), byteOffset(t->getStopIndex() + 1)};
  }

  /// The token's text as written, straight from the source bytes. Cheaper than
  /// Token::getText(), which decodes from UTF-32 and allocates.
  std::string_view text(const antlr4::Token *t) const {
    SourceRange r = range(t);
    return text_.substr(r.begin, r.end - r.begin);
  }

  unsigned buffer() const { return buffer_; }

 private:
  std::string_view text_;
  unsigned buffer_;
  uint32_t size_;
  std::vector<uint32_t> offsets_;  // empty for ASCII input
};

}  // namespace cio

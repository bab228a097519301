// A hand-written lexer for the .cio language that produces exactly the tokens
// of the ANTLR lexer generated from grammar/Cio.g4, several times faster and
// without decoding the input to UTF-32. Its keyword, punctuation and
// identifier tables are read from the generated lexer at build time
// (syntax/tablegen), and a test compares both lexers token by token, so the
// grammar stays the source of truth. Positions are byte offsets.
#pragma once

#include <cstdint>
#include <string_view>

#include "CioLexer.h"  // token types only; the generated lexer itself is not linked

namespace cio {

using TokenTypes = gen::CioLexer;

struct RawToken {
  size_t type;     // a TokenTypes value, or antlr4::Token::EOF
  uint32_t begin;  // byte offsets into the text, end exclusive
  uint32_t end;
  /// Whether the grammar leaves the token on the parser's channel (not `-> channel(...)`).
  bool onDefaultChannel() const {
    return type != TokenTypes::WS && type != TokenTypes::LINE_COMMENT && type != TokenTypes::BLOCK_COMMENT &&
           type != TokenTypes::HASH_COMMENT &&
           type != TokenTypes::DOC_COMMENT;
  }
};

class Lexer {
 public:
  /// `text` should be valid UTF-8 (parseFile checks); invalid bytes lex as
  /// single-byte error characters rather than being read past.
  explicit Lexer(std::string_view text) : text_(text) {}

  /// The next token, whitespace and comments included; EOF at the end, forever.
  RawToken next();

 private:
  size_t identifierEnd(size_t from) const;
  size_t articleReferenceEnd(size_t from) const;
  size_t numberEnd(size_t from) const;
  size_t euroNumberEnd(size_t from) const;
  size_t dateEnd(size_t at) const;
  size_t curlyTextEnd(size_t start) const;
  RawToken comment(size_t start);
  RawToken text(size_t start);

  std::string_view text_;
  size_t pos_ = 0;
};

/// Whether a code point may start (`first`) or continue a name, per the
/// grammar's IDENT rule. Exposed for tests.
bool isIdentifierCodePoint(uint32_t codePoint, bool first);

}  // namespace cio

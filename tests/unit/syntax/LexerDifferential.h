// The two lexers side by side, for the unit test (tests/unit/syntax/LexerTest.cpp)
// and the differential fuzzer (fuzz/fuzz_lexer.cpp): the generated ANTLR lexer
// is the reference, the hand-written one must agree token for token.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "CioLexer.h"
#include "antlr4-runtime.h"
#include "syntax/Lexer.h"

namespace cio::lexer_differential {

struct Tok {
  size_t type;
  uint32_t begin, end;
  bool operator==(const Tok &o) const { return type == o.type && begin == o.begin && end == o.end; }
};

inline std::ostream &operator<<(std::ostream &os, const Tok &t) {
  return os << "{type " << (t.type == antlr4::Token::EOF ? std::string("EOF") : std::to_string(t.type)) << ", "
            << t.begin << ".." << t.end << "}";
}

/// ANTLR 4.9's ANTLRInputStream drops a leading byte order mark before the
/// lexer sees it; the hand-written lexer reads it as whitespace, as the
/// grammar says. Both are compared on the text after it.
inline std::string withoutLeadingBom(std::string text) {
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  return text;
}

/// Tokens of the generated lexer on `original`, with its code-point positions
/// mapped to byte offsets in withoutLeadingBom(original).
inline std::vector<Tok> generatedTokens(const std::string &original) {
  std::string text = withoutLeadingBom(original);
  std::vector<uint32_t> byteOf;  // code point index -> byte offset
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) byteOf.push_back(uint32_t(i));
  byteOf.push_back(uint32_t(text.size()));
  antlr4::ANTLRInputStream input(original);
  gen::CioLexer lexer(&input);
  lexer.removeErrorListeners();
  std::vector<Tok> out;
  for (auto t = lexer.nextToken();; t = lexer.nextToken()) {
    if (t->getType() == antlr4::Token::EOF) {
      out.push_back({antlr4::Token::EOF, uint32_t(text.size()), uint32_t(text.size())});
      return out;
    }
    out.push_back({t->getType(), byteOf[t->getStartIndex()], byteOf[t->getStopIndex() + 1]});
  }
}

inline std::vector<Tok> handTokens(const std::string &text) {
  Lexer lexer(text);
  std::vector<Tok> out;
  for (RawToken t = lexer.next();; t = lexer.next()) {
    out.push_back({t.type, t.begin, t.end});
    if (t.type == antlr4::Token::EOF) return out;
  }
}

/// The index of the first token where the lexers differ, or -1.
inline long firstDifference(const std::vector<Tok> &a, const std::vector<Tok> &b) {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i)
    if (!(a[i] == b[i])) return long(i);
  return a.size() == b.size() ? -1 : long(n);
}

}  // namespace cio::lexer_differential

#include "syntax/Lexer.h"

#include <algorithm>
#include <cctype>

namespace cio {

namespace {

struct KeywordEntry {
  std::string_view text;
  size_t type;
};
struct CodePointInterval {
  uint32_t first, last;
};

#include "LexerTables.inc"

template <size_t N>
bool contains(const CodePointInterval (&set)[N], uint32_t cp) {
  auto it = std::upper_bound(std::begin(set), std::end(set), cp,
                             [](uint32_t c, const CodePointInterval &i) { return c < i.first; });
  return it != std::begin(set) && cp <= std::prev(it)->last;
}

bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool isAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

/// Decodes the code point at `at`; `length` gets its size in bytes. Invalid
/// UTF-8 decodes as one byte, so the lexer always moves forward.
uint32_t decode(std::string_view s, size_t at, size_t &length) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char c = byte(at);
  size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (n == 0 || at + n > s.size()) {
    length = 1;
    return c;
  }
  uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(at + k) & 0xC0) != 0x80) {
      length = 1;
      return c;
    }
    cp = (cp << 6) | (byte(at + k) & 0x3F);
  }
  length = n;
  return cp;
}

constexpr uint32_t kByteOrderMark = 0xFEFF;

}  // namespace

bool isIdentifierCodePoint(uint32_t cp, bool first) {
  return first ? contains(kIdentStart, cp) : contains(kIdentPart, cp);
}

size_t Lexer::identifierEnd(size_t i) const {
  while (i < text_.size()) {
    char c = text_[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) break;
      ++i;
      continue;
    }
    size_t len;
    if (!isIdentifierCodePoint(decode(text_, i, len), false)) break;
    i += len;
  }
  return i;
}

// ARTREF : 'art' [0-9]+ ('.' [0-9a-z]+)* ; 0 when it does not match here.
size_t Lexer::articleReferenceEnd(size_t i) const {
  if (text_.substr(i, 3) != "art" || i + 3 >= text_.size() || !isAsciiDigit(text_[i + 3])) return 0;
  i += 3;
  while (i < text_.size() && isAsciiDigit(text_[i])) ++i;
  while (i + 1 < text_.size() && text_[i] == '.' && (isAsciiDigit(text_[i + 1]) || isAsciiLower(text_[i + 1]))) {
    i += 1;
    while (i < text_.size() && (isAsciiDigit(text_[i]) || isAsciiLower(text_[i]))) ++i;
  }
  return i;
}

// DATE : dddd '-' d d? '-' d d?  |  d d? '-' d d? '-' dddd ;  0 when it does not match here.
size_t Lexer::dateEnd(size_t i) const {
  const size_t n = text_.size();
  auto run = [&](size_t j) {  // the end of the digits from j
    while (j < n && isAsciiDigit(text_[j])) ++j;
    return j;
  };
  size_t first = run(i) - i;
  if (first != 4 && first != 1 && first != 2) return 0;
  size_t j = i + first;
  if (j >= n || text_[j] != '-') return 0;
  size_t second = run(j + 1) - (j + 1);
  if (second < 1 || second > 2) return 0;
  j += 1 + second;
  if (j >= n || text_[j] != '-') return 0;
  size_t third = run(j + 1) - (j + 1);
  if (first == 4) return third < 1 ? 0 : j + 1 + std::min<size_t>(third, 2);
  return third < 4 ? 0 : j + 1 + 4;
}

// NUMBER, the alternatives that start with a digit (see the grammar), longest match:
//   d [d_]* ('.' d [d_]*)?
//   d [d_]* ',' d+ [ \t]* ('mln' | 'mld' | 'EUR')
//   d [d_]* ('.' d [d_]*) ('.' d [d_]*)+ (',' d+)?
size_t Lexer::numberEnd(size_t i) const {
  const size_t n = text_.size();
  auto digits = [&](size_t j) {
    while (j < n && (isAsciiDigit(text_[j]) || text_[j] == '_')) ++j;
    return j;
  };
  auto plainDigits = [&](size_t j) {
    while (j < n && isAsciiDigit(text_[j])) ++j;
    return j;
  };
  size_t whole = digits(i + 1), best = whole;
  size_t k = whole, groups = 0;
  while (k + 1 < n && text_[k] == '.' && isAsciiDigit(text_[k + 1])) {
    k = digits(k + 2);
    ++groups;
  }
  if (groups >= 1) best = k;
  if (groups >= 2 && k + 1 < n && text_[k] == ',' && isAsciiDigit(text_[k + 1])) best = plainDigits(k + 1);
  if (whole + 1 < n && text_[whole] == ',' && isAsciiDigit(text_[whole + 1])) {
    size_t w = plainDigits(whole + 1);
    while (w < n && (text_[w] == ' ' || text_[w] == '\t')) ++w;
    std::string_view unit = text_.substr(w, 3);
    if (unit == "mln" || unit == "mld" || unit == "EUR") best = std::max(best, w + 3);
  }
  return best;
}

// NUMBER : '€' [ \t]* d [d_]* ([.,] d+)* ;  `i` is after the euro sign; 0 when no digit follows.
size_t Lexer::euroNumberEnd(size_t i) const {
  const size_t n = text_.size();
  while (i < n && (text_[i] == ' ' || text_[i] == '\t')) ++i;
  if (i >= n || !isAsciiDigit(text_[i])) return 0;
  while (i < n && (isAsciiDigit(text_[i]) || text_[i] == '_')) ++i;
  while (i + 1 < n && (text_[i] == '.' || text_[i] == ',') && isAsciiDigit(text_[i + 1])) {
    i += 1;
    while (i < n && isAsciiDigit(text_[i])) ++i;
  }
  return i;
}

// STRING : [“”„] ( '\\' . | ~["\\\r\n“”] )* [“”"] ;  `start` is at the opening
// quote; 0 when the text has no closing quote on its line.
size_t Lexer::curlyTextEnd(size_t start) const {
  size_t len;
  decode(text_, start, len);
  size_t i = start + len;
  while (i < text_.size()) {
    char c = text_[i];
    if (c == '\r' || c == '\n') return 0;
    if (c == '"') return i + 1;
    if (c == '\\') {
      if (i + 1 >= text_.size()) return 0;
      decode(text_, i + 1, len);
      i += 1 + len;
      continue;
    }
    uint32_t cp = static_cast<unsigned char>(c) < 0x80 ? static_cast<unsigned char>(c) : decode(text_, i, len);
    if (static_cast<unsigned char>(c) < 0x80) len = 1;
    if (cp == 0x201C || cp == 0x201D) return i + len;
    i += len;
  }
  return 0;
}

// DOC_COMMENT, LINE_COMMENT, BLOCK_COMMENT, UNTERMINATED_COMMENT; `start` is at "//" or "/*".
RawToken Lexer::comment(size_t start) {
  size_t end;
  size_t type;
  if (text_[start + 1] == '/') {
    type = start + 2 < text_.size() && text_[start + 2] == '/' ? TokenTypes::DOC_COMMENT : TokenTypes::LINE_COMMENT;
    end = text_.find_first_of("\r\n", start + 2);
    if (end == std::string_view::npos) end = text_.size();
  } else {
    size_t close = text_.find("*/", start + 2);
    type = close == std::string_view::npos ? TokenTypes::UNTERMINATED_COMMENT : TokenTypes::BLOCK_COMMENT;
    end = close == std::string_view::npos ? text_.size() : close + 2;
  }
  pos_ = end;
  return {type, uint32_t(start), uint32_t(end)};
}

// STRING : '"' ( '\\' . | ~["\\\r\n] )* '"' ;  UNTERMINATED_STRING: the same without the closing quote.
RawToken Lexer::text(size_t start) {
  size_t i = start + 1;
  size_t type = TokenTypes::UNTERMINATED_STRING;
  while (i < text_.size()) {
    char c = text_[i];
    if (c == '"') {
      type = TokenTypes::STRING;
      ++i;
      break;
    }
    if (c == '\r' || c == '\n') break;
    if (c == '\\') {
      if (i + 1 >= text_.size()) break;  // a backslash needs a character to escape
      size_t len;
      decode(text_, i + 1, len);
      i += 1 + len;
      continue;
    }
    ++i;
  }
  pos_ = i;
  return {type, uint32_t(start), uint32_t(i)};
}

RawToken Lexer::next() {
  const size_t n = text_.size();
  size_t start = pos_;
  if (start >= n) return {antlr4::Token::EOF, uint32_t(n), uint32_t(n)};
  char c = text_[start];
  size_t len = 1;
  uint32_t cp = static_cast<unsigned char>(c) < 0x80 ? static_cast<unsigned char>(c) : decode(text_, start, len);

  // WS : [ \t\r\n\u000C\uFEFF]+ ;
  auto isSpace = [](uint32_t x) {
    return x == ' ' || x == '\t' || x == '\r' || x == '\n' || x == '\f' || x == kByteOrderMark;
  };
  if (isSpace(cp)) {
    size_t i = start + len;
    while (i < n) {
      size_t l = 1;
      uint32_t x =
          static_cast<unsigned char>(text_[i]) < 0x80 ? static_cast<unsigned char>(text_[i]) : decode(text_, i, l);
      if (!isSpace(x)) break;
      i += l;
    }
    pos_ = i;
    return {TokenTypes::WS, uint32_t(start), uint32_t(i)};
  }
  if (c == '/' && start + 1 < n && (text_[start + 1] == '/' || text_[start + 1] == '*')) return comment(start);
  if (c == '"') return text(start);
  if (c == '#') {  // HASH_COMMENT : '#' ~[\r\n]* ;
    size_t end = text_.find_first_of("\r\n", start);
    pos_ = end == std::string_view::npos ? n : end;
    return {TokenTypes::HASH_COMMENT, uint32_t(start), uint32_t(pos_)};
  }
  if (cp == 0x201C || cp == 0x201D || cp == 0x201E)
    if (size_t end = curlyTextEnd(start)) {
      pos_ = end;
      return {TokenTypes::STRING, uint32_t(start), uint32_t(end)};
    }
  if (cp == 0x20AC)
    if (size_t end = euroNumberEnd(start + len)) {
      pos_ = end;
      return {TokenTypes::NUMBER, uint32_t(start), uint32_t(end)};
    }
  if (isAsciiDigit(c)) {
    size_t date = dateEnd(start), number = numberEnd(start);
    pos_ = std::max(date, number);  // the longest match; on a tie DATE, the rule listed first
    return {date >= number ? TokenTypes::DATE : TokenTypes::NUMBER, uint32_t(start), uint32_t(pos_)};
  }
  if (c == '_' || (cp < 0x80 && std::isalpha(static_cast<unsigned char>(c))) ||
      (cp >= 0x80 && isIdentifierCodePoint(cp, true))) {
    // The longest match wins; on a tie the rule listed first (keywords, then ARTREF, then IDENT).
    size_t end = identifierEnd(start + len);
    size_t artEnd = articleReferenceEnd(start);
    if (artEnd >= end) {
      pos_ = artEnd;
      return {TokenTypes::ARTREF, uint32_t(start), uint32_t(artEnd)};
    }
    pos_ = end;
    std::string_view word = text_.substr(start, end - start);
    auto kw = std::lower_bound(std::begin(kKeywords), std::end(kKeywords), word,
                               [](const KeywordEntry &k, std::string_view w) { return k.text < w; });
    size_t type = kw != std::end(kKeywords) && kw->text == word ? kw->type : TokenTypes::IDENT;
    return {type, uint32_t(start), uint32_t(end)};
  }
  for (const KeywordEntry &p : kPunctuation)  // longest first
    if (text_.substr(start, p.text.size()) == p.text) {
      pos_ = start + p.text.size();
      return {p.type, uint32_t(start), uint32_t(pos_)};
    }
  // ERROR_CHAR : . ;  one code point
  pos_ = start + len;
  return {TokenTypes::ERROR_CHAR, uint32_t(start), uint32_t(pos_)};
}

}  // namespace cio

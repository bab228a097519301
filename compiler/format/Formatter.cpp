#include "format/Formatter.h"

#include "syntax/Lexer.h"

namespace cio {

namespace {

using L = TokenTypes;

struct Tok {
  size_t type;
  std::string text;
  unsigned newlinesBefore;  // line breaks in the whitespace before it
  bool comment() const { return type == L::LINE_COMMENT || type == L::DOC_COMMENT || type == L::BLOCK_COMMENT; }
  bool lineComment() const { return type == L::LINE_COMMENT || type == L::DOC_COMMENT; }
};

std::vector<Tok> lex(std::string_view text) {
  Lexer lexer(text);
  std::vector<Tok> out;
  unsigned newlines = 0;
  for (RawToken t = lexer.next(); t.type != antlr4::Token::EOF; t = lexer.next()) {
    std::string_view s = text.substr(t.begin, t.end - t.begin);
    if (t.type == L::WS) {
      for (char c : s) newlines += c == '\n';
      continue;
    }
    out.push_back({t.type, std::string(s), newlines});
    newlines = 0;
  }
  return out;
}

/// Display width in code points.
size_t width(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

/// Whether a space separates `prev` and `next` on one line.
bool spaceBetween(const Tok &prev, const Tok &next) {
  const std::string &p = prev.text, &n = next.text;
  if (next.comment() || prev.type == L::BLOCK_COMMENT) return true;
  if (n == ";" || n == "," || n == ")" || n == "]" || n == "." || n == ".." || n == ":" || n == "?") return false;
  if (p == "(" || p == "[" || p == "." || p == ".." || p == "@") return false;
  if (n == "(" && prev.type == L::IDENT) return false;  // a call, or the arguments of an annotation
  return true;
}

class Formatter {
 public:
  explicit Formatter(std::vector<Tok> toks) : toks_(std::move(toks)) {}

  std::string run() {
    for (i_ = 0; i_ < toks_.size(); ++i_) token(toks_[i_]);
    if (!lineStart_) out_ += '\n';
    return out_;
  }

 private:
  enum class Block { Inline, Lines };

  size_t depth() const { return blocks_.size(); }

  void newline() {
    out_ += '\n';
    lineStart_ = true;
    col_ = 0;
  }

  void startLine(size_t indent) {
    out_.append(indent, ' ');
    col_ = indent;
    lineStart_ = false;
  }

  void put(const std::string &text) {
    out_ += text;
    col_ += width(text);
    lineStart_ = false;
  }

  /// Indentation of a line that starts with `t`.
  size_t indentFor(const Tok &t) const {
    size_t base = depth() * 4;
    if (t.text == "}") return base >= 4 ? base - 4 : 0;
    if (!statementOpen_) return base;
    size_t parens = parens_, brackets = brackets_;
    if (t.text == ")" && parens) --parens;
    if (t.text == "]" && brackets) --brackets;
    if ((t.text == ")" || t.text == "]") && parens + brackets == 0) return base;
    return base + 4 + 4 * parens + 4 * (brackets > 0 ? brackets - 1 : 0);
  }

  /// The width of token `i` with the tokens glued to it (`ITEM,` or `ITEM];`).
  size_t attachedWidth(size_t i) const {
    size_t w = width(toks_[i].text);
    for (size_t j = i + 1; j < toks_.size() && toks_[j].newlinesBefore == 0 && !spaceBetween(toks_[j - 1], toks_[j]);
         ++j)
      w += width(toks_[j].text);
    return w;
  }

  /// Whether the block opened by the `{` at index `open` is written on one line:
  /// it was in the source, holds no line comment, and fits from the current column.
  bool fitsInline(size_t open) const {
    size_t level = 0, length = col_ + 2;
    for (size_t j = open; j < toks_.size(); ++j) {
      const Tok &t = toks_[j];
      if (j > open && (t.newlinesBefore > 0 || t.lineComment())) return false;
      length += width(t.text) + 1;
      if (t.text == "{") ++level;
      if (t.text == "}" && --level == 0) return length <= kFormatWidth;
    }
    return false;
  }

  void token(const Tok &t) {
    bool trailingComment = t.lineComment() && t.type != L::DOC_COMMENT && t.newlinesBefore == 0 && !lineStart_;
    if (trailingComment) {
      put("  " + t.text);
      newline();
      mustBreak_ = false;
      return;
    }
    bool inlineBlock = !blocks_.empty() && blocks_.back() == Block::Inline;
    bool breakHere = lineStart_ || mustBreak_ || (!inlineBlock && t.newlinesBefore > 0) || t.type == L::DOC_COMMENT;
    if (t.text == "}" && !inlineBlock) breakHere = true;
    // Wrap a list that runs past the width after a comma.
    if (!breakHere && (parens_ || brackets_) && i_ > 0 && toks_[i_ - 1].text == "," &&
        col_ + 1 + attachedWidth(i_) > kFormatWidth)
      breakHere = true;
    if (breakHere) {
      if (!lineStart_) newline();
      // At most one blank line, never right after an opening brace or at the start.
      if (t.newlinesBefore >= 2 && !out_.empty() && !afterOpen_ && t.text != "}") newline();
      startLine(indentFor(t));
      mustBreak_ = false;
    } else if (i_ > 0 && spaceBetween(toks_[i_ - 1], t)) {
      put(" ");
    }
    afterOpen_ = false;

    if (t.text == "}") {
      Block closing = blocks_.empty() ? Block::Lines : blocks_.back();
      if (closing == Block::Inline && out_.size() >= 2 && out_.compare(out_.size() - 2, 2, "{ ") == 0) {
        out_.pop_back();  // `{}` for an empty block
        --col_;
      }
      if (!blocks_.empty()) blocks_.pop_back();
      put(t.text);
      statementOpen_ = false;
      bool stillInline = !blocks_.empty() && blocks_.back() == Block::Inline;
      if (!stillInline) mustBreak_ = true;
      return;
    }
    put(t.text);
    if (t.lineComment()) {
      newline();
      return;
    }
    if (t.comment()) return;
    if (t.text == "{") {
      bool inl = fitsInline(i_);
      blocks_.push_back(inl ? Block::Inline : Block::Lines);
      statementOpen_ = false;
      parens_ = brackets_ = 0;
      if (!inl) {
        mustBreak_ = true;
        afterOpen_ = true;
      }
      return;
    }
    if (t.text == ";") {
      statementOpen_ = false;
      parens_ = brackets_ = 0;
      if (blocks_.empty() || blocks_.back() == Block::Lines) mustBreak_ = true;
      return;
    }
    statementOpen_ = true;
    if (t.text == "(") ++parens_;
    if (t.text == ")" && parens_) --parens_;
    if (t.text == "[") ++brackets_;
    if (t.text == "]" && brackets_) --brackets_;
  }

  std::vector<Tok> toks_;
  size_t i_ = 0;
  std::string out_;
  size_t col_ = 0;
  bool lineStart_ = true, mustBreak_ = false, statementOpen_ = false, afterOpen_ = false;
  size_t parens_ = 0, brackets_ = 0;
  std::vector<Block> blocks_;
};

}  // namespace

std::string formatSource(std::string_view text) { return Formatter(lex(text)).run(); }

std::vector<std::pair<size_t, std::string>> significantTokens(std::string_view text) {
  std::vector<std::pair<size_t, std::string>> out;
  for (Tok &t : lex(text)) out.emplace_back(t.type, std::move(t.text));
  return out;
}

}  // namespace cio

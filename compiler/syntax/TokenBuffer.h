// The tokens of one chunk of a file, as the ANTLR parser reads them: a flat
// array of small tokens that point into the source text, instead of one heap
// allocated CommonToken (with its own copy of the text) per token behind a
// CommonTokenStream. Only tokens on the parser's channel are in it; doc
// comments are kept beside them, keyed by the token they precede.
#pragma once

#include <string_view>
#include <vector>

#include "antlr4-runtime.h"

namespace cio {

class TokenBuffer;

/// Line numbers for the rare callers that want them (error recovery), computed on first use.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : text_(text) {}
  size_t line(size_t offset) const;    // 1-based
  size_t column(size_t offset) const;  // 0-based, in bytes
 private:
  std::string_view text_;
  mutable std::vector<size_t> starts_;
};

class BufferToken final : public antlr4::Token {
 public:
  BufferToken(const TokenBuffer *owner, size_t type, uint32_t begin, uint32_t end, uint32_t index)
      : owner_(owner), type_(static_cast<uint32_t>(type)), begin_(begin), end_(end), index_(index) {}

  std::string getText() const override;
  size_t getType() const override { return type_ == UINT32_MAX ? EOF : type_; }
  size_t getLine() const override;
  size_t getCharPositionInLine() const override;
  size_t getChannel() const override { return DEFAULT_CHANNEL; }
  size_t getTokenIndex() const override { return index_; }
  size_t getStartIndex() const override { return begin_; }
  /// Inclusive, as in ANTLR; the end of text for EOF.
  size_t getStopIndex() const override { return end_ > begin_ ? end_ - 1 : begin_; }
  antlr4::TokenSource *getTokenSource() const override;
  antlr4::CharStream *getInputStream() const override { return nullptr; }
  std::string toString() const override { return getText(); }

  uint32_t begin() const { return begin_; }
  uint32_t end() const { return end_; }

 private:
  const TokenBuffer *owner_;
  uint32_t type_, begin_, end_, index_;
};

class TokenBuffer final : public antlr4::TokenStream {
 public:
  TokenBuffer(std::string_view text, const LineIndex &lines) : text_(text), lines_(lines), source_(*this) {}

  /// Appends a token on the parser's channel; tokens may not be added once parsing started.
  void add(size_t type, uint32_t begin, uint32_t end) {
    tokens_.emplace_back(this, type, begin, end, static_cast<uint32_t>(tokens_.size()));
  }
  /// Records a doc comment (`///`) before the next token added.
  void addDocComment(uint32_t begin, uint32_t end) {
    docs_.push_back({static_cast<uint32_t>(tokens_.size()), begin, end});
  }
  /// Ends the buffer with EOF at `offset`.
  void finish(uint32_t offset) { add(antlr4::Token::EOF, offset, offset); }
  size_t tokenCount() const { return tokens_.size(); }
  bool empty() const { return tokens_.empty(); }

  /// The doc comments directly before token `index` (only other comments between), in order.
  std::vector<std::string_view> docCommentsBefore(size_t index) const;

  std::string_view text() const { return text_; }
  const LineIndex &lines() const { return lines_; }

  // antlr4::TokenStream
  antlr4::Token *LT(ssize_t k) override;
  antlr4::Token *get(size_t index) const override;
  antlr4::TokenSource *getTokenSource() const override { return const_cast<Source *>(&source_); }
  std::string getText(const antlr4::misc::Interval &interval) override;
  std::string getText() override { return getText(antlr4::misc::Interval(size_t(0), tokens_.size() - 1)); }
  std::string getText(antlr4::RuleContext *ctx) override { return getText(ctx->getSourceInterval()); }
  std::string getText(antlr4::Token *start, antlr4::Token *stop) override;
  // antlr4::IntStream
  void consume() override;
  size_t LA(ssize_t i) override;
  ssize_t mark() override { return 0; }
  void release(ssize_t) override {}
  size_t index() override { return position_; }
  void seek(size_t index) override { position_ = std::min(index, tokens_.size() - 1); }
  size_t size() override { return tokens_.size(); }
  std::string getSourceName() const override { return "<cio>"; }

 private:
  /// What ANTLR's error recovery asks for when it conjures a missing token.
  class Source final : public antlr4::TokenSource {
   public:
    explicit Source(TokenBuffer &owner) : owner_(owner) {}
    std::unique_ptr<antlr4::Token> nextToken() override;
    size_t getLine() const override { return 0; }
    size_t getCharPositionInLine() override { return 0; }
    antlr4::CharStream *getInputStream() override { return nullptr; }
    std::string getSourceName() override { return owner_.getSourceName(); }
    antlr4::TokenFactory<antlr4::CommonToken> *getTokenFactory() override;

   private:
    TokenBuffer &owner_;
  };
  struct DocComment {
    uint32_t beforeToken, begin, end;
  };

  std::string_view text_;
  const LineIndex &lines_;
  Source source_;
  std::vector<BufferToken> tokens_;
  std::vector<DocComment> docs_;
  size_t position_ = 0;
};

}  // namespace cio

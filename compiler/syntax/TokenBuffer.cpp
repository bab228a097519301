#include "syntax/TokenBuffer.h"

#include <algorithm>

namespace cio {

size_t LineIndex::line(size_t offset) const {
  if (starts_.empty()) {
    starts_.push_back(0);
    for (size_t i = 0; i < text_.size(); ++i)
      if (text_[i] == '\n') starts_.push_back(i + 1);
  }
  return static_cast<size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin());
}

size_t LineIndex::column(size_t offset) const { return offset - starts_[line(offset) - 1]; }

std::string BufferToken::getText() const {
  if (getType() == EOF) return "<EOF>";
  return std::string(owner_->text().substr(begin_, end_ - begin_));
}

size_t BufferToken::getLine() const { return owner_->lines().line(begin_); }
size_t BufferToken::getCharPositionInLine() const { return owner_->lines().column(begin_); }
antlr4::TokenSource *BufferToken::getTokenSource() const { return owner_->getTokenSource(); }

std::vector<std::string_view> TokenBuffer::docCommentsBefore(size_t index) const {
  auto [first, last] =
      std::equal_range(docs_.begin(), docs_.end(), DocComment{static_cast<uint32_t>(index), 0, 0},
                       [](const DocComment &a, const DocComment &b) { return a.beforeToken < b.beforeToken; });
  std::vector<std::string_view> out;
  for (auto it = first; it != last; ++it) out.push_back(text_.substr(it->begin, it->end - it->begin));
  return out;
}

antlr4::Token *TokenBuffer::LT(ssize_t k) {
  if (k == 0 || tokens_.empty()) return nullptr;
  if (k < 0) return static_cast<size_t>(-k) > position_ ? nullptr : &tokens_[position_ + k];
  return &tokens_[std::min(position_ + static_cast<size_t>(k) - 1, tokens_.size() - 1)];
}

size_t TokenBuffer::LA(ssize_t i) {
  antlr4::Token *t = LT(i);
  return t ? t->getType() : antlr4::Token::INVALID_TYPE;
}

antlr4::Token *TokenBuffer::get(size_t index) const {
  if (index >= tokens_.size()) throw antlr4::IndexOutOfBoundsException("token index out of range");
  return const_cast<BufferToken *>(&tokens_[index]);
}

void TokenBuffer::consume() {
  if (LA(1) == antlr4::Token::EOF) throw antlr4::IllegalStateException("cannot consume EOF");
  ++position_;
}

std::string TokenBuffer::getText(const antlr4::misc::Interval &interval) {
  if (tokens_.empty() || interval.a < 0 || interval.b < interval.a) return "";
  size_t first = static_cast<size_t>(interval.a), last = std::min(static_cast<size_t>(interval.b), tokens_.size() - 1);
  if (first > last) return "";
  return std::string(text_.substr(tokens_[first].begin(), tokens_[last].end() - tokens_[first].begin()));
}

std::string TokenBuffer::getText(antlr4::Token *start, antlr4::Token *stop) {
  if (!start || !stop) return "";
  return getText(antlr4::misc::Interval(start->getTokenIndex(), stop->getTokenIndex()));
}

std::unique_ptr<antlr4::Token> TokenBuffer::Source::nextToken() {
  return std::make_unique<antlr4::CommonToken>(antlr4::Token::EOF);
}

antlr4::TokenFactory<antlr4::CommonToken> *TokenBuffer::Source::getTokenFactory() {
  return antlr4::CommonTokenFactory::DEFAULT.get();
}

}  // namespace cio

// Interned names: a `Name` is a handle to a string held once per process, so a
// name written a thousand times (`ressorteert_onder`, `SG_M0001`, a title that
// every dienstonderdeel repeats) is stored once, and the syntax tree and the
// model share it instead of each holding a copy. Eight bytes instead of a
// 32-byte std::string, and equality is a pointer compare.
//
// The strings live until the process ends (as in clang's IdentifierTable):
// a check interns each distinct text once; the language server adds only the
// distinct texts typed during a session. Interning is thread-safe.
#pragma once

#include <compare>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace cio {

class Name {
 public:
  /// The empty name.
  Name() : text_(&emptyText()) {}
  /// Interns `text` (implicit: a Name may be given wherever a string is written).
  Name(std::string_view text);
  Name(const std::string &text) : Name(std::string_view(text)) {}
  Name(const char *text) : Name(std::string_view(text)) {}

  const std::string &str() const { return *text_; }
  operator const std::string &() const { return *text_; }
  std::string_view view() const { return *text_; }

  bool empty() const { return text_->empty(); }
  size_t size() const { return text_->size(); }
  const char *c_str() const { return text_->c_str(); }
  const char *data() const { return text_->data(); }
  std::string::const_iterator begin() const { return text_->begin(); }
  std::string::const_iterator end() const { return text_->end(); }
  char operator[](size_t i) const { return (*text_)[i]; }
  char front() const { return text_->front(); }
  char back() const { return text_->back(); }
  size_t find(std::string_view s, size_t pos = 0) const { return text_->find(s, pos); }
  size_t find(char c, size_t pos = 0) const { return text_->find(c, pos); }
  size_t rfind(char c, size_t pos = std::string::npos) const { return text_->rfind(c, pos); }
  std::string substr(size_t pos, size_t n = std::string::npos) const { return text_->substr(pos, n); }
  bool starts_with(std::string_view s) const { return text_->starts_with(s); }
  bool ends_with(std::string_view s) const { return text_->ends_with(s); }
  int compare(std::string_view s) const { return text_->compare(s); }

  /// Interned: the same text is the same handle.
  friend bool operator==(Name a, Name b) { return a.text_ == b.text_; }
  friend bool operator==(Name a, std::string_view b) { return *a.text_ == b; }
  friend bool operator==(Name a, const std::string &b) { return *a.text_ == b; }
  friend bool operator==(Name a, const char *b) { return *a.text_ == b; }
  /// By text, so that sorted output does not depend on the order of interning.
  friend std::strong_ordering operator<=>(Name a, Name b) { return *a.text_ <=> *b.text_; }
  friend std::strong_ordering operator<=>(Name a, std::string_view b) { return std::string_view(*a.text_) <=> b; }

  friend std::string operator+(Name a, std::string_view b) { return *a.text_ + std::string(b); }
  friend std::string operator+(std::string_view a, Name b) { return std::string(a) + *b.text_; }
  friend std::string operator+(Name a, const std::string &b) { return *a.text_ + b; }
  friend std::string operator+(const std::string &a, Name b) { return a + *b.text_; }
  friend std::string operator+(Name a, const char *b) { return *a.text_ + b; }
  friend std::string operator+(const char *a, Name b) { return a + *b.text_; }
  friend std::string operator+(Name a, char b) { return *a.text_ + b; }
  friend std::string operator+(char a, Name b) { return a + *b.text_; }
  friend std::string operator+(Name a, Name b) { return *a.text_ + *b.text_; }
  friend std::string &operator+=(std::string &a, Name b) { return a += *b.text_; }

  /// How many distinct texts have been interned (for the benchmarks).
  static size_t internedCount();

 private:
  static const std::string &emptyText();
  const std::string *text_;
};

}  // namespace cio

template <>
struct std::hash<cio::Name> {
  size_t operator()(cio::Name n) const { return std::hash<const void *>()(n.data()); }
};

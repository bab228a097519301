// A list that is usually empty, held out of line: eight bytes where a
// std::vector takes twenty-four. The model has one per value (a list's items)
// and per entity (fields written with an error, the parts of a qualifier),
// and nearly all of them are empty, so the bytes add up. Copies are deep.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace cio::model {

template <class T>
class RareList {
 public:
  RareList() = default;
  RareList(const RareList &o) : items_(o.items_ ? std::make_unique<std::vector<T>>(*o.items_) : nullptr) {}
  RareList(RareList &&) noexcept = default;
  RareList &operator=(const RareList &o) {
    if (this != &o) items_ = o.items_ ? std::make_unique<std::vector<T>>(*o.items_) : nullptr;
    return *this;
  }
  RareList &operator=(RareList &&) noexcept = default;

  const T *begin() const { return items_ ? items_->data() : nullptr; }
  const T *end() const { return items_ ? items_->data() + items_->size() : nullptr; }
  size_t size() const { return items_ ? items_->size() : 0; }
  bool empty() const { return size() == 0; }
  const T &front() const { return *begin(); }
  const T &operator[](size_t i) const { return begin()[i]; }
  void reserve(size_t n) {
    if (n > 0) list().reserve(n);
  }
  void push_back(T v) { list().push_back(std::move(v)); }

 private:
  std::vector<T> &list() {
    if (!items_) items_ = std::make_unique<std::vector<T>>();
    return *items_;
  }
  std::unique_ptr<std::vector<T>> items_;
};

}  // namespace cio::model

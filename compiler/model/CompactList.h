// A growable list in sixteen bytes (a pointer and two 32-bit counts) where a
// std::vector takes twenty-four: the model has two per entity (its parts and
// its fields), and a workspace of a million lines has over a million
// entities. It offers what the model's readers use of a vector; a list never
// holds more than four billion elements (the parser's limits are far lower).
#pragma once

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <memory>
#include <new>
#include <utility>
#include <vector>

namespace cio::model {

template <class T>
class CompactList {
 public:
  CompactList() = default;
  CompactList(const CompactList &o) { assign(o.begin(), o.end()); }
  CompactList(CompactList &&o) noexcept
      : data_(std::exchange(o.data_, nullptr)),
        size_(std::exchange(o.size_, 0)),
        capacity_(std::exchange(o.capacity_, 0)) {}
  CompactList &operator=(const CompactList &o) {
    if (this != &o) {
      clear();
      assign(o.begin(), o.end());
    }
    return *this;
  }
  CompactList &operator=(CompactList &&o) noexcept {
    if (this != &o) {
      release();
      data_ = std::exchange(o.data_, nullptr);
      size_ = std::exchange(o.size_, 0);
      capacity_ = std::exchange(o.capacity_, 0);
    }
    return *this;
  }
  /// Takes the elements of a vector (moved one by one: the storage is not a vector's).
  CompactList &operator=(std::vector<T> &&v) {
    clear();
    reserve(v.size());
    for (T &x : v) push_back(std::move(x));
    v.clear();
    return *this;
  }
  CompactList &operator=(const std::vector<T> &v) {
    clear();
    assign(v.begin(), v.end());
    return *this;
  }
  ~CompactList() { release(); }

  const T *begin() const { return data_; }
  const T *end() const { return data_ + size_; }
  T *begin() { return data_; }
  T *end() { return data_ + size_; }
  std::reverse_iterator<const T *> rbegin() const { return std::reverse_iterator<const T *>(end()); }
  std::reverse_iterator<const T *> rend() const { return std::reverse_iterator<const T *>(begin()); }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T &operator[](size_t i) const { return data_[i]; }
  T &operator[](size_t i) { return data_[i]; }
  const T &front() const { return data_[0]; }
  const T &back() const { return data_[size_ - 1]; }

  void reserve(size_t n) {
    if (n <= capacity_) return;
    T *grown = static_cast<T *>(::operator new(n * sizeof(T)));
    std::uninitialized_move(data_, data_ + size_, grown);
    std::destroy(data_, data_ + size_);
    if (data_) ::operator delete(data_);
    data_ = grown;
    capacity_ = static_cast<uint32_t>(n);
  }
  void push_back(T x) {
    if (size_ == capacity_) reserve(capacity_ == 0 ? 1 : size_t(capacity_) * 2);
    new (data_ + size_) T(std::move(x));
    ++size_;
  }
  void clear() {
    std::destroy(data_, data_ + size_);
    size_ = 0;
  }

  friend bool operator==(const CompactList &a, const CompactList &b) {
    return a.size_ == b.size_ && std::equal(a.begin(), a.end(), b.begin());
  }

 private:
  template <class It>
  void assign(It from, It to) {
    reserve(size_t(std::distance(from, to)));
    for (; from != to; ++from) push_back(*from);
  }
  void release() {
    clear();
    if (data_) ::operator delete(data_);
    data_ = nullptr;
    capacity_ = 0;
  }
  T *data_ = nullptr;
  uint32_t size_ = 0, capacity_ = 0;
};

}  // namespace cio::model

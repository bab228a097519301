// The process's table of interned names: the strings in a deque (which never
// moves an element, so a handle stays valid), found through an open-addressing
// table of their places in it (four bytes a slot, at most half full).
#include "base/Name.h"

#include <cstdint>
#include <deque>
#include <mutex>
#include <vector>

namespace cio {

namespace {

class NameTable {
 public:
  const std::string *intern(std::string_view text) {
    std::lock_guard<std::mutex> lock(mutex_);
    if ((strings_.size() + 1) * 2 > slots_.size()) grow();
    size_t mask = slots_.size() - 1;
    for (size_t i = hash(text) & mask;; i = (i + 1) & mask) {
      uint32_t slot = slots_[i];
      if (slot == 0) {
        const std::string *added = &strings_.emplace_back(text);
        slots_[i] = uint32_t(strings_.size());
        return added;
      }
      const std::string &s = strings_[slot - 1];
      if (s == text) return &s;
    }
  }
  size_t count() {
    std::lock_guard<std::mutex> lock(mutex_);
    return strings_.size();
  }

 private:
  static size_t hash(std::string_view s) { return std::hash<std::string_view>()(s); }
  void grow() {
    std::vector<uint32_t> old(std::max<size_t>(1024, slots_.size() * 2), 0);
    old.swap(slots_);
    size_t mask = slots_.size() - 1;
    for (uint32_t slot : old)
      if (slot != 0) {
        size_t i = hash(strings_[slot - 1]) & mask;
        while (slots_[i]) i = (i + 1) & mask;
        slots_[i] = slot;
      }
  }

  std::mutex mutex_;
  std::deque<std::string> strings_;
  std::vector<uint32_t> slots_;  // 1 + the string's place in strings_; 0 for a free slot
};

// Never destroyed: a Name in a static object may outlive any other static.
NameTable &table() {
  static NameTable *t = new NameTable;
  return *t;
}

}  // namespace

const std::string &Name::emptyText() {
  static const std::string *e = new std::string;
  return *e;
}

Name::Name(std::string_view text) : text_(text.empty() ? &emptyText() : table().intern(text)) {}

size_t Name::internedCount() { return table().count(); }

}  // namespace cio

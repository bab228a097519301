// The process's table of interned names: the strings in a deque (which never
// moves an element, so a handle stays valid), found through an open-addressing
// table of pointers to them (eight bytes a slot, at most half full).
#include "base/Name.h"

#include <deque>
#include <mutex>
#include <vector>

namespace cio {

namespace {

class NameTable {
 public:
  const std::string *intern(std::string_view text) {
    std::lock_guard<std::mutex> lock(mutex_);
    if ((count_ + 1) * 2 > slots_.size()) grow();
    size_t mask = slots_.size() - 1;
    for (size_t i = hash(text) & mask;; i = (i + 1) & mask) {
      const std::string *s = slots_[i];
      if (!s) {
        const std::string *added = &strings_.emplace_back(text);
        slots_[i] = added;
        ++count_;
        return added;
      }
      if (*s == text) return s;
    }
  }
  size_t count() {
    std::lock_guard<std::mutex> lock(mutex_);
    return count_;
  }

 private:
  static size_t hash(std::string_view s) { return std::hash<std::string_view>()(s); }
  void grow() {
    std::vector<const std::string *> old(std::max<size_t>(1024, slots_.size() * 2), nullptr);
    old.swap(slots_);
    size_t mask = slots_.size() - 1;
    for (const std::string *s : old)
      if (s) {
        size_t i = hash(*s) & mask;
        while (slots_[i]) i = (i + 1) & mask;
        slots_[i] = s;
      }
  }

  std::mutex mutex_;
  std::deque<std::string> strings_;
  std::vector<const std::string *> slots_;
  size_t count_ = 0;
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

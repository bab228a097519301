#include "pipeline/SourceFiles.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <set>
#include <utility>

namespace cio {

namespace {

bool hasCioExtension(const std::string &name) {
  return name.size() > 4 && name.compare(name.size() - 4, 4, ".cio") == 0;
}

bool hasSuffix(const std::string &name, const char *suffix) {
  size_t n = std::strlen(suffix);
  return name.size() > n && name.compare(name.size() - n, n, suffix) == 0;
}

std::string join(const std::string &dir, const std::string &name) {
  if (dir.empty() || dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

class Walker {
 public:
  Walker(bool recursive, Walk walk) : recursive_(recursive), walk_(walk) {}

  void named(const std::string &path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      bool missing = errno == ENOENT || errno == ENOTDIR;
      problem(missing ? SourceFiles::Problem::Kind::Missing : SourceFiles::Problem::Kind::Unreadable, path,
              std::strerror(errno));
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      size_t before = out_.files.size(), problemsBefore = out_.problems.size();
      directory(path, st, /*top=*/true);
      if (out_.files.size() == before && out_.problems.size() == problemsBefore && !alreadySeen_)
        problem(SourceFiles::Problem::Kind::NoSourceFiles, path, "");
      alreadySeen_ = false;
      return;
    }
    if (walk_ != Walk::Fixtures || isFixture(path)) file(path, st);
  }

  SourceFiles take() {
    std::sort(out_.files.begin(), out_.files.end());
    return std::move(out_);
  }

 private:
  using Identity = std::pair<dev_t, ino_t>;

  void problem(SourceFiles::Problem::Kind kind, const std::string &path, std::string detail) {
    out_.problems.push_back({kind, path, std::move(detail)});
  }

  void file(const std::string &path, const struct stat &st) {
    if (!S_ISREG(st.st_mode)) {
      problem(SourceFiles::Problem::Kind::NotRegular, path, "");
      return;
    }
    // The same file reached by two paths (a link, or named twice) is read
    // once, under the smallest of its paths, whatever the order they came in.
    auto [it, fresh] = seenFiles_.try_emplace({st.st_dev, st.st_ino}, out_.files.size());
    if (fresh)
      out_.files.push_back(path);
    else if (path < out_.files[it->second])
      out_.files[it->second] = path;
  }

  /// Walks a directory tree with an explicit stack (no recursion depth to
  /// exhaust), each directory once by its identity; entries in name order.
  void directory(const std::string &root, const struct stat &rootStat, bool top) {
    if (!seenDirs_.insert({rootStat.st_dev, rootStat.st_ino}).second) {
      alreadySeen_ = top;
      return;
    }
    std::vector<std::string> stack{root};
    while (!stack.empty()) {
      std::string dir = std::move(stack.back());
      stack.pop_back();
      DIR *d = ::opendir(dir.c_str());
      if (!d) {
        problem(SourceFiles::Problem::Kind::Unreadable, dir, std::strerror(errno));
        continue;
      }
      std::vector<std::string> names;
      errno = 0;
      while (struct dirent *e = ::readdir(d))
        if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) names.emplace_back(e->d_name);
      if (errno != 0) problem(SourceFiles::Problem::Kind::Unreadable, dir, std::strerror(errno));
      ::closedir(d);
      std::sort(names.begin(), names.end());
      std::vector<std::string> subdirs;
      for (const std::string &name : names) {
        std::string path = join(dir, name);
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) {
          // A dangling or unreadable link: only a problem when it names a source file.
          if (hasCioExtension(name)) problem(SourceFiles::Problem::Kind::Unreadable, path, std::strerror(errno));
          continue;
        }
        if (S_ISDIR(st.st_mode)) {
          if (recursive_ && seenDirs_.insert({st.st_dev, st.st_ino}).second) subdirs.push_back(path);
          continue;
        }
        if (hasCioExtension(name) && wanted(name)) file(path, st);
      }
      // Depth first, in name order.
      for (auto it = subdirs.rbegin(); it != subdirs.rend(); ++it) stack.push_back(std::move(*it));
    }
  }

  bool wanted(const std::string &name) const {
    if (walk_ == Walk::Everything) return true;
    return isFixture(name) == (walk_ == Walk::Fixtures);
  }

  bool recursive_;
  Walk walk_;
  bool alreadySeen_ = false;
  std::map<Identity, size_t> seenFiles_;  // -> index in out_.files
  std::set<Identity> seenDirs_;
  SourceFiles out_;
};

}  // namespace

bool isFixture(const std::string &path) { return hasSuffix(path, kFixtureSuffix); }

SourceFiles findSourceFiles(const std::vector<std::string> &paths, bool recursive, Walk walk) {
  Walker w(recursive, walk);
  for (const std::string &p : paths) w.named(p);
  return w.take();
}

}  // namespace cio

// `cioc check --watch`: check, then check again whenever a .cio file or the
// cioc.toml of the workspace is saved, created, moved or deleted (inotify).
// Editors save in bursts (a temporary file, a rename): events that arrive
// within a short quiet period make one re-check.
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <ctime>
#include <map>

#include "driver/Commands.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "pipeline/Config.h"

namespace cio {

namespace {

constexpr int kQuietMs = 150;
constexpr uint32_t kEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE;

class Watcher {
 public:
  Watcher() : fd_(inotify_init1(IN_CLOEXEC)) {}
  ~Watcher() {
    if (fd_ >= 0) close(fd_);
  }
  bool ok() const { return fd_ >= 0; }

  /// Watches `dir` and every folder below it.
  void watchTree(const std::string &dir) {
    add(dir);
    std::error_code ec;
    for (llvm::sys::fs::recursive_directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec))
      if (it->type() == llvm::sys::fs::file_type::directory_file) add(it->path());
  }
  void watchFolderOf(const std::string &file) {
    llvm::SmallString<256> dir(file);
    llvm::sys::fs::make_absolute(dir);
    llvm::sys::path::remove_filename(dir);
    add(std::string(dir));
  }

  /// Blocks until a change that matters, then waits for the burst to end.
  /// False when reading fails.
  bool waitForChange() {
    bool relevant = false;
    while (!relevant) {
      if (!drain(-1, relevant)) return false;
    }
    bool more = true;  // the rest of the burst
    while (more) {
      bool ignored = false;
      more = drain(kQuietMs, ignored);
    }
    return true;
  }

 private:
  void add(const std::string &dir) {
    int wd = inotify_add_watch(fd_, dir.c_str(), kEvents);
    if (wd >= 0) dirs_[wd] = dir;
  }

  /// Reads the events available within `timeoutMs` (-1: wait); sets
  /// `relevant` when one concerns a .cio file or cioc.toml. False when none came.
  bool drain(int timeoutMs, bool &relevant) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, timeoutMs) <= 0) return false;
    alignas(inotify_event) char buffer[16384];
    ssize_t n = read(fd_, buffer, sizeof buffer);
    if (n <= 0) return false;
    for (char *at = buffer; at < buffer + n;) {
      auto *e = reinterpret_cast<inotify_event *>(at);
      std::string name = e->len ? e->name : "";
      if ((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO)) && dirs_.count(e->wd)) {
        llvm::SmallString<256> sub(dirs_[e->wd]);
        llvm::sys::path::append(sub, name);
        watchTree(std::string(sub));  // a new folder may hold .cio files
        relevant = true;
      }
      if (llvm::StringRef(name).ends_with(".cio") || name == kConfigFileName) relevant = true;
      at += sizeof(inotify_event) + e->len;
    }
    return true;
  }

  int fd_;
  std::map<int, std::string> dirs_;
};

}  // namespace

int runWatch(const CheckOptions &opt, unsigned maxRechecks) {
  int status = runCheck(opt);
  llvm::outs().flush();
  Watcher watcher;
  if (!watcher.ok()) {
    llvm::errs() << "cioc check --watch: inotify is niet beschikbaar\n";
    return 2;
  }
  std::vector<std::string> paths = opt.paths.empty() ? std::vector<std::string>{"."} : opt.paths;
  for (const std::string &path : paths) {
    if (llvm::sys::fs::is_directory(path))
      watcher.watchTree(path);
    else
      watcher.watchFolderOf(path);
  }
  if (std::string config = findConfig(paths.front()); !config.empty()) watcher.watchFolderOf(config);
  for (unsigned round = 0; maxRechecks == 0 || round < maxRechecks; ++round) {
    if (!watcher.waitForChange()) break;
    std::time_t now = std::time(nullptr);
    char at[16];
    std::strftime(at, sizeof at, "%H:%M:%S", std::localtime(&now));
    llvm::outs() << "\n--- " << (opt.lang == "en" ? "checked again at " : "opnieuw getoetst om ") << at << " ---\n";
    status = runCheck(opt);
    llvm::outs().flush();
  }
  return status;
}

}  // namespace cio

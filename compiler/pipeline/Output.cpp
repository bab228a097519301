#include "pipeline/Output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace cio {

namespace {

bool writeAll(int fd, const std::string &content, WriteError &error) {
  for (size_t done = 0; done < content.size();) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = {WriteError::Kind::System, std::strerror(errno)};
      return false;
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 && errno != EINVAL) {
    error = {WriteError::Kind::System, std::strerror(errno)};
    return false;
  }
  return true;
}

/// Whether the file still holds `expected` (nothing else wrote to it meanwhile).
bool unchanged(const std::string &path, const std::string *expected, WriteError &error) {
  if (!expected) return true;
  auto buf = llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (buf && (*buf)->getBuffer() == *expected) return true;
  error = {WriteError::Kind::Changed, ""};
  return false;
}

}  // namespace

bool writeFileAtomically(const std::string &path, const std::string &content, WriteError &error,
                         const std::string *expected) {
  // A link is followed: its target is written and the link stays a link.
  std::string target = path;
  struct stat st {};
  bool exists = ::lstat(path.c_str(), &st) == 0;
  if (exists && S_ISLNK(st.st_mode)) {
    char resolved[PATH_MAX];
    if (!::realpath(path.c_str(), resolved)) {
      error = {WriteError::Kind::System, std::strerror(errno)};
      return false;
    }
    target = resolved;
    exists = ::stat(target.c_str(), &st) == 0;
  }
  if (exists && !S_ISREG(st.st_mode)) {
    error = {WriteError::Kind::NotRegular, ""};
    return false;
  }
  // A file nobody may write is left alone, also when cioc runs as root.
  if (exists && (st.st_mode & 0222) == 0) {
    error = {WriteError::Kind::ReadOnly, ""};
    return false;
  }
  // A file with other hard links is rewritten in place, so every name keeps
  // seeing it; any other file is replaced by a rename, so no reader ever sees
  // half of it.
  if (exists && st.st_nlink > 1) {
    if (!unchanged(target, expected, error)) return false;
    int fd = ::open(target.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) {
      error = {WriteError::Kind::System, std::strerror(errno)};
      return false;
    }
    bool ok = writeAll(fd, content, error);
    ::close(fd);
    return ok;
  }
  llvm::SmallString<256> dir(target);
  llvm::sys::path::remove_filename(dir);
  if (dir.empty()) dir = ".";
  llvm::SmallString<256> model(dir);
  llvm::sys::path::append(model, ".cioc-%%%%%%%%.tmp");
  int fd = -1;
  llvm::SmallString<256> temp;
  if (std::error_code ec = llvm::sys::fs::createUniqueFile(model, fd, temp)) {
    error = {WriteError::Kind::System, ec.message()};
    return false;
  }
  auto fail = [&](WriteError why) {
    error = std::move(why);
    ::close(fd);
    llvm::sys::fs::remove(temp);
    return false;
  };
  // The new file gets the old one's mode and owner (a private file stays
  // private); a new file gets the usual mode for the umask.
  if (exists) {
    if (::fchmod(fd, st.st_mode & 07777) != 0) return fail({WriteError::Kind::System, std::strerror(errno)});
    if (::fchown(fd, st.st_uid, st.st_gid) != 0 && errno != EPERM)
      return fail({WriteError::Kind::System, std::strerror(errno)});
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
  }
  if (!writeAll(fd, content, error)) return fail(error);
  if (!unchanged(target, expected, error)) return fail(error);
  ::close(fd);
  if (std::error_code ec = llvm::sys::fs::rename(temp, target)) {
    error = {WriteError::Kind::System, ec.message()};
    llvm::sys::fs::remove(temp);
    return false;
  }
  return true;
}

void reportWriteError(DiagnosticEngine &diags, const std::string &path, const WriteError &error) {
  switch (error.kind) {
    case WriteError::Kind::Changed:
      diags.report(DiagId::file_changed_meanwhile, {}, {path});
      return;
    case WriteError::Kind::NotRegular:
      diags.report(DiagId::not_a_regular_file, {}, {path});
      return;
    case WriteError::Kind::ReadOnly:
      diags.report(DiagId::file_read_only, {}, {path});
      return;
    case WriteError::Kind::System:
      diags.report(DiagId::output_unwritable, {}, {path, error.detail});
      return;
  }
}

std::string extensionOf(const std::string &path) {
  std::string ext = llvm::sys::path::extension(path).str();
  if (!ext.empty()) ext.erase(0, 1);
  for (char &c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace cio

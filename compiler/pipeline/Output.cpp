#include "pipeline/Output.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace cio {

bool writeFileAtomically(const std::string &path, const std::string &content, std::string &error) {
  llvm::SmallString<256> dir(path);
  llvm::sys::path::remove_filename(dir);
  if (dir.empty()) dir = ".";
  llvm::SmallString<256> model(dir);
  llvm::sys::path::append(model, ".cioc-%%%%%%%%.tmp");
  int fd = -1;
  llvm::SmallString<256> temp;
  if (std::error_code ec = llvm::sys::fs::createUniqueFile(model, fd, temp)) {
    error = ec.message();
    return false;
  }
  {
    llvm::raw_fd_ostream out(fd, /*shouldClose=*/true);
    out << content;
    out.close();
    if (out.has_error()) {
      error = out.error().message();
      out.clear_error();
      llvm::sys::fs::remove(temp);
      return false;
    }
  }
  if (std::error_code ec = llvm::sys::fs::rename(temp, path)) {
    error = ec.message();
    llvm::sys::fs::remove(temp);
    return false;
  }
  return true;
}

std::string extensionOf(const std::string &path) {
  std::string ext = llvm::sys::path::extension(path).str();
  if (!ext.empty()) ext.erase(0, 1);
  for (char &c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace cio

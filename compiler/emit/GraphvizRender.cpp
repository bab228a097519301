#include "emit/GraphvizRender.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <mutex>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

namespace cio {

namespace {

// Graphviz keeps global state and reports errors through a process-wide
// callback: one render at a time, with the messages collected here.
std::mutex gvMutex;
std::string *gvErrors = nullptr;

int collectError(char *message) {
  if (gvErrors) *gvErrors += message;
  return 0;
}

}  // namespace

bool renderGraphvizHere(const std::string &dot, const std::string &format, std::string &out, std::string &error) {
  std::lock_guard<std::mutex> lock(gvMutex);
  gvErrors = &error;
  agseterr(AGERR);
  agseterrf(collectError);
  GVC_t *gvc = gvContext();
  Agraph_t *g = agmemread(dot.c_str());
  bool ok = false;
  if (g && gvLayout(gvc, g, "dot") == 0) {
    char *data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(gvc, g, format.c_str(), &data, &length) == 0 && data) {
      out.assign(data, length);
      ok = true;
    }
    if (data) gvFreeRenderData(data);
    gvFreeLayout(gvc, g);
  }
  if (g) agclose(g);
  gvFreeContext(gvc);
  agseterrf(nullptr);
  gvErrors = nullptr;
  if (!ok && error.empty()) error = "Graphviz could not render the graph";
  return ok;
}

namespace {

/// A temporary file removed when this goes out of scope.
struct TempFile {
  llvm::SmallString<128> path;
  explicit TempFile(const char *suffix) {
    int fd = -1;
    if (!llvm::sys::fs::createTemporaryFile("cioc-graphviz", suffix, fd, path))
      llvm::sys::Process::SafelyCloseFileDescriptor(fd);
  }
  ~TempFile() {
    if (!path.empty()) llvm::sys::fs::remove(path);
  }
};

}  // namespace

bool renderGraphviz(const std::string &dot, const std::string &format, std::string &out, std::string &error) {
  std::string self = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
  TempFile in("dot"), result(format.c_str());
  if (self.empty() || in.path.empty() || result.path.empty()) return renderGraphvizHere(dot, format, out, error);
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(in.path, ec);
    if (ec) {
      error = ec.message();
      return false;
    }
    os << dot;
  }
  std::string message;
  llvm::StringRef args[] = {self, "__graphviz", format, in.path, result.path};
  int status = llvm::sys::ExecuteAndWait(self, args, std::nullopt, {}, 0, 0, &message);
  if (status != 0) {
    error = message.empty() ? "Graphviz could not render the graph" : message;
    return false;
  }
  auto buf = llvm::MemoryBuffer::getFile(result.path, /*IsText=*/false);
  if (!buf) {
    error = buf.getError().message();
    return false;
  }
  out = (*buf)->getBuffer().str();
  return true;
}

int graphvizMain(const std::string &format, const std::string &inPath, const std::string &outPath) {
  auto buf = llvm::MemoryBuffer::getFile(inPath, /*IsText=*/false);
  if (!buf) return 2;
  std::string out, error;
  if (!renderGraphvizHere((*buf)->getBuffer().str(), format, out, error)) {
    llvm::errs() << error << '\n';
    return 2;
  }
  std::error_code ec;
  llvm::raw_fd_ostream os(outPath, ec);
  if (ec) return 2;
  os << out;
  return 0;
}

}  // namespace cio

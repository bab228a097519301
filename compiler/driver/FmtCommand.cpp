// `cioc fmt`: rewrites .cio files in the canonical layout (format/Formatter.h),
// atomically; `--check` only lists the files that would change (exit 1). A
// file that does not parse is refused with its diagnostics (exit 2), and so is
// one whose formatted tokens would differ from the original: formatting never
// loses or changes content.
#include <algorithm>

#include "diagnostics/Printable.h"
#include "diagnostics/Render.h"
#include "driver/Commands.h"
#include "format/Formatter.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "pipeline/Output.h"
#include "pipeline/SourceFiles.h"
#include "syntax/Parse.h"

namespace cio {

int runFmt(const FmtOptions &opt) {
  Language lang = opt.lang == "en" ? Language::English : Language::Dutch;
  DiagnosticEngine diags(lang);
  llvm::SourceMgr sources;
  bool ioError = false;
  std::vector<std::string> paths = opt.paths;
  if (paths.empty()) paths.push_back(".");
  SourceFiles found = findSourceFiles(paths);
  for (const SourceFiles::Problem &p : found.problems) {
    if (p.kind == SourceFiles::Problem::Kind::NotRegular)
      diags.report(DiagId::not_a_regular_file, {}, {p.path});
    else if (p.kind == SourceFiles::Problem::Kind::NoSourceFiles)
      diags.report(DiagId::no_input_files, {}, {p.path});
    else
      diags.report(DiagId::file_unreadable, {}, {p.detail.empty() ? p.path : p.path + ": " + p.detail});
    ioError = true;
  }
  const std::vector<std::string> &files = found.files;

  size_t changed = 0;
  for (const std::string &path : files) {
    auto buf = llvm::MemoryBuffer::getFile(path, /*IsText=*/false);
    if (!buf) {
      diags.report(DiagId::file_unreadable, {}, {path + ": " + buf.getError().message()});
      ioError = true;
      continue;
    }
    std::string text = (*buf)->getBuffer().str();
    unsigned id = sources.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(text, path), llvm::SMLoc());
    size_t before = diags.errorCount();
    parseFile(text, id, diags);
    if (diags.errorCount() > before) {
      diags.report(DiagId::fmt_refused, {id, 0, 0}, {path});
      ioError = true;
      continue;
    }
    std::string formatted = formatSource(text);
    if (significantTokens(formatted) != significantTokens(text)) {
      diags.report(DiagId::fmt_would_change_tokens, {id, 0, 0}, {path});
      ioError = true;
      continue;
    }
    if (formatted == text) continue;
    ++changed;
    if (opt.check) {
      llvm::outs() << printable(path) << '\n';
      continue;
    }
    WriteError error;
    if (!writeFileAtomically(path, formatted, error, &text)) {
      reportWriteError(diags, path, error);
      ioError = true;
    }
  }
  std::vector<Diagnostic> &all = diags.diagnostics();
  if (!all.empty()) {
    sortDiagnostics(all, sources);
    renderText(llvm::errs(), all, sources, lang, false);
  }
  if (ioError) return 2;
  return opt.check && changed ? 1 : 0;
}

}  // namespace cio

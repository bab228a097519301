// `cioc fmt`: rewrites .cio files in the canonical layout (format/Formatter.h),
// atomically; `--check` only lists the files that would change (exit 1) and
// `--diff` shows how, as a unified diff (exit 1); `-` formats standard input to
// standard output (for editors and pre-commit hooks). A file that does not
// parse is refused with its diagnostics (exit 2), and so is one whose formatted
// tokens would differ from the original: formatting never loses or changes content.
#include <algorithm>

#include "diagnostics/Printable.h"
#include "diagnostics/Render.h"
#include "driver/Commands.h"
#include "format/Formatter.h"
#include "format/UnifiedDiff.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "pipeline/Output.h"
#include "pipeline/SourceFiles.h"
#include "pipeline/Workspace.h"
#include "syntax/Parse.h"

namespace cio {

namespace {

/// The formatted text, or nothing (with a diagnostic) when the text does not
/// parse or formatting would change its tokens.
std::optional<std::string> formatChecked(const std::string &text, const std::string &name, llvm::SourceMgr &sources,
                                         DiagnosticEngine &diags) {
  unsigned id = sources.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(text, name), llvm::SMLoc());
  size_t before = diags.errorCount();
  parseFile(text, id, diags);
  if (diags.errorCount() > before) {
    diags.report(DiagId::fmt_refused, {id, 0, 0}, {name});
    return std::nullopt;
  }
  std::string formatted = formatSource(text);
  if (significantTokens(formatted) != significantTokens(text)) {
    diags.report(DiagId::fmt_would_change_tokens, {id, 0, 0}, {name});
    return std::nullopt;
  }
  return formatted;
}

void printDiagnostics(DiagnosticEngine &diags, llvm::SourceMgr &sources, Language lang) {
  std::vector<Diagnostic> &all = diags.diagnostics();
  if (all.empty()) return;
  sortDiagnostics(all, sources);
  renderText(llvm::errs(), all, sources, lang, false);
}

/// `cioc fmt -`: standard input to standard output. On an error nothing is
/// written to standard output, so an editor that pipes its buffer through keeps it.
int formatStdin(const FmtOptions &opt, Language lang) {
  DiagnosticEngine diags(lang);
  llvm::SourceMgr sources;
  const std::string name = "<stdin>";
  auto buf = llvm::MemoryBuffer::getSTDIN();
  int status = 0;
  if (!buf) {
    diags.report(DiagId::file_unreadable, {}, {name + ": " + buf.getError().message()});
    status = 2;
  } else if ((*buf)->getBufferSize() > kMaxFileBytes) {
    diags.report(DiagId::file_too_large, {}, {std::to_string(kMaxFileBytes)});
    status = 2;
  } else {
    std::string text = (*buf)->getBuffer().str();
    std::optional<std::string> formatted = formatChecked(text, name, sources, diags);
    if (!formatted) {
      status = 2;
    } else if (opt.diff) {
      std::string d = unifiedDiff(text, *formatted, name, name);
      llvm::outs() << printableText(d);
      status = d.empty() ? 0 : 1;
    } else if (opt.check) {
      if (*formatted != text) llvm::outs() << name << '\n';
      status = *formatted != text ? 1 : 0;
    } else {
      llvm::outs() << *formatted;  // the user's own text, reformatted: written as it is
    }
  }
  printDiagnostics(diags, sources, lang);
  return status;
}

}  // namespace

int runFmt(const FmtOptions &opt) {
  Language lang = opt.lang == "en" ? Language::English : Language::Dutch;
  DiagnosticEngine diags(lang);
  llvm::SourceMgr sources;
  bool ioError = false;
  std::vector<std::string> paths = opt.paths;
  if (paths.size() == 1 && paths[0] == "-") return formatStdin(opt, lang);
  if (paths.empty()) paths.push_back(".");
  SourceFiles found = findSourceFiles(paths, /*recursive=*/true, Walk::Everything);
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
    std::optional<std::string> result = formatChecked(text, path, sources, diags);
    if (!result) {
      ioError = true;
      continue;
    }
    const std::string &formatted = *result;
    if (formatted == text) continue;
    ++changed;
    if (opt.diff) {
      // git's a/ and b/ prefixes, so that `git apply` and `patch -p1` take it.
      llvm::outs() << printableText(unifiedDiff(text, formatted, "a/" + path, "b/" + path));
      continue;
    }
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
  printDiagnostics(diags, sources, lang);
  if (ioError) return 2;
  return (opt.check || opt.diff) && changed ? 1 : 0;
}

}  // namespace cio

// `cioc init`: a workspace that checks clean at once — in the stdlib's
// templates (`sjablonen/init`): the configuration, one compliant .cio file
// for a ministry and a CI workflow — so the C++ knows no CIO word.
// It writes nothing when any of its files exists already: nothing a user
// wrote is overwritten.
#include <algorithm>
#include <cstring>
#include <ctime>

#include "diagnostics/Render.h"
#include "driver/Commands.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "pipeline/Output.h"

namespace cio {

namespace {

std::string replaceAll(std::string text, const std::string &hole, const std::string &value) {
  for (size_t at = text.find(hole); at != std::string::npos; at = text.find(hole, at + value.size()))
    text.replace(at, hole.size(), value);
  return text;
}

/// `text` as a text literal of the language.
std::string quoted(const std::string &text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? "\\\"" : c == '\\' ? "\\\\" : std::string(1, c);
  return out + "\"";
}

/// A name the language accepts as a ministry's: a letter, then letters, digits or `_`.
bool plainName(const std::string &name) {
  if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) return false;
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

}  // namespace

int runInit(const InitOptions &opt) {
  DiagnosticEngine diags(opt.lang == "en" ? Language::English : Language::Dutch);
  llvm::SourceMgr sources;
  auto fail = [&] {
    renderText(llvm::errs(), diags.diagnostics(), sources, diags.language(), false);
    return 2;
  };
  if (!plainName(opt.code)) {
    diags.report(DiagId::init_bad_name, {}, {opt.code});
    return fail();
  }
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char today[16];
  std::strftime(today, sizeof today, "%Y-%m-%d", &local);
  int year = local.tm_year + 1900;
  std::string title = opt.title.empty() ? opt.code : opt.title;
  for (char &c : title)
    if (c == '\n' || c == '\r') c = ' ';  // a title is one line, in the comments as in the text
  std::string lower = llvm::StringRef(opt.code).lower();
  // The template folder is the workspace to make: every file in it, with
  // `{{naam}}` in a path the name in lower case and `.sjabloon` dropped.
  llvm::SmallString<256> templates(opt.stdlibDir);
  llvm::sys::path::append(templates, "sjablonen", "init");
  std::vector<std::string> templateFiles;
  std::error_code ec;
  for (llvm::sys::fs::recursive_directory_iterator it(templates, ec), end; it != end && !ec; it.increment(ec))
    if (it->type() == llvm::sys::fs::file_type::regular_file) templateFiles.push_back(it->path());
  std::sort(templateFiles.begin(), templateFiles.end());
  if (templateFiles.empty()) {
    diags.report(DiagId::init_template_missing, {}, {std::string(templates)});
    return fail();
  }
  // Everything is read and checked before anything is written.
  std::vector<std::pair<std::string, std::string>> files;  // path, content
  for (const std::string &from : templateFiles) {
    std::string rel = replaceAll(llvm::StringRef(from).drop_front(templates.size()).ltrim("/").str(), "{{naam}}", lower);
    if (llvm::StringRef(rel).ends_with(".sjabloon")) rel.resize(rel.size() - std::strlen(".sjabloon"));
    llvm::SmallString<256> to(opt.dir);
    llvm::sys::path::append(to, rel);
    auto buffer = llvm::MemoryBuffer::getFile(from, /*IsText=*/true);
    if (!buffer) {
      diags.report(DiagId::init_template_missing, {}, {from});
      return fail();
    }
    if (llvm::sys::fs::exists(to)) diags.report(DiagId::init_exists, {}, {std::string(to)});
    std::string text = (*buffer)->getBuffer().str();
    text = replaceAll(text, "\"{{TITEL}}\"", quoted(title));
    text = replaceAll(text, "{{TITEL}}", title);
    text = replaceAll(text, "{{CODE}}", opt.code);
    text = replaceAll(text, "{{VANDAAG}}", today);
    text = replaceAll(text, "{{PLANPERIODE}}", std::to_string(year) + ".." + std::to_string(year + 3));
    files.emplace_back(std::string(to), std::move(text));
  }
  if (diags.errorCount() > 0) return fail();
  for (const auto &[path, content] : files) {
    if (std::error_code ec = llvm::sys::fs::create_directories(llvm::sys::path::parent_path(path))) {
      diags.report(DiagId::output_unwritable, {}, {path, ec.message()});
      return fail();
    }
    WriteError error;
    if (!writeFileAtomically(path, content, error)) {
      reportWriteError(diags, path, error);
      return fail();
    }
    llvm::outs() << diags.text(DiagId::init_created, {path}) << '\n';
  }
  llvm::outs() << diags.text(DiagId::init_next, {opt.dir}) << '\n';
  return 0;
}

}  // namespace cio

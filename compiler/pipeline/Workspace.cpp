#include "pipeline/Workspace.h"

#include <algorithm>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "syntax/Parse.h"

namespace cio {

void Workspace::addPath(const std::string &path) { named_.push_back(path); }

/// Reports what the walk could not use; each is an input error (exit 2).
void Workspace::reportProblems(const SourceFiles &found) {
  for (const SourceFiles::Problem &p : found.problems) {
    switch (p.kind) {
      case SourceFiles::Problem::Kind::Missing:
        diags_.report(DiagId::file_unreadable, {}, {p.path});
        break;
      case SourceFiles::Problem::Kind::Unreadable:
        diags_.report(DiagId::file_unreadable, {}, {p.path + ": " + p.detail});
        break;
      case SourceFiles::Problem::Kind::NotRegular:
        diags_.report(DiagId::not_a_regular_file, {}, {p.path});
        break;
      case SourceFiles::Problem::Kind::NoSourceFiles:
        diags_.report(DiagId::no_input_files, {}, {p.path});
        break;
    }
    ioError_ = true;
  }
}

bool Workspace::parsePath(const std::string &path, bool isLibrary, const std::string &libName) {
  // Only a regular file is opened (a pipe would block, a device never end),
  // and its size is checked before a byte is read.
  llvm::sys::fs::file_status status;
  if (std::error_code ec = llvm::sys::fs::status(path, status)) {
    diags_.report(DiagId::file_unreadable, {}, {path + ": " + ec.message()});
    ioError_ = true;
    return false;
  }
  if (status.type() != llvm::sys::fs::file_type::regular_file) {
    diags_.report(DiagId::not_a_regular_file, {}, {path});
    ioError_ = true;
    return false;
  }
  uint64_t size = status.getSize();
  if (size > kMaxFileBytes) {
    diags_.report(DiagId::file_too_large, {}, {std::to_string(kMaxFileBytes)});
    diags_.diagnostics().back().message += ": " + path;
    ioError_ = true;
    return false;
  }
  auto buf = llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/true);
  if (!buf) {
    diags_.report(DiagId::file_unreadable, {}, {path + ": " + buf.getError().message()});
    ioError_ = true;
    return false;
  }
  std::unique_ptr<llvm::MemoryBuffer> source = withLineEnds(std::move(*buf));
  std::string_view text(source->getBufferStart(), source->getBufferSize());
  unsigned id = sources_.AddNewSourceBuffer(std::move(source), llvm::SMLoc());
  LoadedFile f;
  f.syntax = parse(path, text, id);
  f.isLibrary = isLibrary;
  f.libraryName = libName;
  files_.push_back(std::move(f));
  return true;
}

std::unique_ptr<llvm::MemoryBuffer> withLineEnds(std::unique_ptr<llvm::MemoryBuffer> buf) {
  llvm::StringRef text = buf->getBuffer();
  bool loneCr = false;
  for (size_t i = text.find('\r'); i != llvm::StringRef::npos && !loneCr; i = text.find('\r', i + 1))
    loneCr = i + 1 == text.size() || text[i + 1] != '\n';
  if (!loneCr) return buf;
  std::string copy = text.str();
  for (size_t i = 0; i < copy.size(); ++i)
    if (copy[i] == '\r' && (i + 1 == copy.size() || copy[i + 1] != '\n')) copy[i] = '\n';
  return llvm::MemoryBuffer::getMemBufferCopy(copy, buf->getBufferIdentifier());
}

static bool isPlainName(const std::string &s) {
  if (s.empty()) return false;
  for (unsigned char c : s)
    if (!(std::isalnum(c) || c == '_' || c >= 0x80)) return false;
  return true;
}

std::shared_ptr<const ast::File> Workspace::parse(const std::string &name, std::string_view text, unsigned buffer) {
  if (cache_)
    if (auto it = cache_->entries.find(name);
        it != cache_->entries.end() && it->second.buffer == buffer && it->second.text == text) {
      ++cache_->hits;
      for (const Diagnostic &d : it->second.diagnostics) diags_.add(d);
      return it->second.syntax;
    }
  DiagnosticEngine parsing(diags_.language());
  // With a cache, the previous version of the file lends its unchanged top-level entities.
  const ParsedItems *previous = nullptr;
  std::shared_ptr<ParsedItems> items;
  if (cache_) {
    items = std::make_shared<ParsedItems>();
    if (auto it = cache_->entries.find(name); it != cache_->entries.end()) previous = it->second.items.get();
  }
  ast::File file = parseFile(text, buffer, parsing, {}, previous, items.get());
  file.path = name;
  // Not a const object, so that freeEntitySyntax may free what it owns alone.
  std::shared_ptr<const ast::File> syntax = std::make_shared<ast::File>(std::move(file));
  for (const Diagnostic &d : parsing.diagnostics()) diags_.add(d);
  if (cache_) {
    ++cache_->misses;
    cache_->itemsReused += items->reused;
    cache_->entries[name] = {std::string(text), buffer, syntax, parsing.diagnostics(), std::move(items)};
  }
  return syntax;
}

void Workspace::freeEntitySyntax(size_t file) {
  LoadedFile &f = files_[file];
  // Only an input file's, and only when nothing shares it (the language server's cache would).
  if (f.isLibrary || !f.ast().libraries.empty() || f.syntax.use_count() != 1) return;
  std::const_pointer_cast<ast::File>(f.syntax)->tree.release();
}

void Workspace::loadLibrary(const ast::QualifiedName &name) {
  std::string lib = name.str();
  if (name.parts.size() != 1 || !isPlainName(lib)) {
    diags_.report(DiagId::invalid_library_name, name.range, {lib});
    return;
  }
  if (loadLibraryFile(lib)) return;
  Diagnostic &d = diags_.report(DiagId::unknown_library, name.range, {lib, stdlibDir_});
  // The libraries there, by name: the one meant is usually among them.
  std::vector<std::string> available;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(stdlibDir_, ec), end; it != end && !ec; it.increment(ec))
    if (llvm::sys::path::extension(it->path()) == ".cio") available.push_back(llvm::sys::path::stem(it->path()).str());
  std::sort(available.begin(), available.end());
  std::string list;
  for (const std::string &a : available) list += (list.empty() ? "`" : "`, `") + a;
  if (!list.empty()) diags_.setHelp(d, DiagId::help_available_libraries, {list + "`"});
}

bool Workspace::loadLibraryFile(const std::string &lib) {
  if (std::find(loadedLibraries_.begin(), loadedLibraries_.end(), lib) != loadedLibraries_.end()) return true;
  llvm::SmallString<256> path(stdlibDir_);
  llvm::sys::path::append(path, lib + ".cio");
  if (!llvm::sys::fs::exists(path)) return false;
  loadedLibraries_.push_back(lib);
  // The library may also have been named as an input (`cioc check stdlib/`):
  // then it is that file, not a second copy with duplicate declarations.
  // By device and inode: one stat per file (resolving each file's real path
  // took a readlink per path component, for every file, on every analysis).
  llvm::sys::fs::UniqueID real;
  if (!llvm::sys::fs::getUniqueID(path, real))
    for (LoadedFile &f : files_) {
      llvm::sys::fs::UniqueID other;
      if (!llvm::sys::fs::getUniqueID(f.ast().path, other) && other == real) {
        f.isLibrary = true;
        f.libraryName = lib;
        return true;
      }
    }
  parsePath(std::string(path), /*isLibrary=*/true, lib);
  return true;
}

std::string Workspace::suggestLibrary(const ast::File &file) {
  // Suggest a library from the stdlib path that declares the kind of the
  // file's first entity; the newest by name when several do.
  std::vector<std::string> candidates = libraryFiles();
  std::reverse(candidates.begin(), candidates.end());
  const Name kind = file.entities().front().kind().text;
  for (const std::string &c : candidates) {
    auto buf = llvm::MemoryBuffer::getFile(c);
    if (!buf) continue;
    DiagnosticEngine scratch;
    ast::File lib = parseFile((*buf)->getBuffer(), 1, scratch);
    for (const ast::KindDecl &k : lib.kinds)
      if (k.name.text == kind) return std::string(llvm::sys::path::stem(c));
  }
  return candidates.empty() ? "<bibliotheek>" : std::string(llvm::sys::path::stem(candidates.front()));
}

std::vector<std::string> Workspace::libraryFiles() const {
  // Only regular files: a pipe in the library path is reported when it is used.
  return findSourceFiles({stdlibDir_}, /*recursive=*/false).files;
}

void Workspace::loadAllLibraries() {
  for (const std::string &f : libraryFiles()) loadLibraryFile(std::string(llvm::sys::path::stem(f)));
}

void Workspace::load() {
  SourceFiles found = findSourceFiles(named_);
  reportProblems(found);
  for (const std::string &path : found.files) parsePath(path, false, "");
  for (auto &[name, text] : buffers_) {
    auto buf = withLineEnds(llvm::MemoryBuffer::getMemBufferCopy(text, name));
    std::string_view view((*buf).getBufferStart(), buf->getBufferSize());
    LoadedFile f;
    f.syntax = parse(name, view, sources_.AddNewSourceBuffer(std::move(buf), llvm::SMLoc()));
    files_.push_back(std::move(f));
  }
  // Libraries may use other libraries: walk until no new file appears.
  for (size_t i = 0; i < files_.size(); ++i) {
    std::vector<ast::QualifiedName> uses;
    for (const ast::UseDecl &u : files_[i].ast().uses) uses.push_back(u.library);
    for (const ast::QualifiedName &u : uses) loadLibrary(u);
  }
  // A file with entities but neither `gebruik` nor a schema of its own is an
  // error; recover by loading the library the help suggests, so the rest of
  // the file is still checked instead of drowning in unknown kinds.
  std::vector<std::string> recoveries;
  bool workspaceHasSchema = false;  // then the files use the workspace's own kinds
  for (const LoadedFile &f : files_) workspaceHasSchema |= !f.isLibrary && !f.ast().kinds.empty();
  for (const LoadedFile &f : files_) {
    if (f.isLibrary || !f.ast().uses.empty() || f.ast().entities().empty() || workspaceHasSchema) continue;
    Diagnostic &d = diags_.report(DiagId::missing_use, {f.ast().buffer, 0, 0});
    std::string lib = suggestLibrary(f.ast());
    diags_.setHelp(d, DiagId::help_add_use, {lib});
    d.fixits.push_back({{f.ast().buffer, 0, 0}, "gebruik " + lib + ";\n"});
    recoveries.push_back(lib);
  }
  for (const std::string &lib : recoveries) loadLibraryFile(lib);
}

}  // namespace cio

// Reading the workspace (the pipeline's first stage, so that no later stage
// touches the file system): the .cio files named on the command line (directories are
// searched recursively) plus the libraries they load with `gebruik`, parsed
// into ASTs in a fixed order (sorted by path) so output never depends on the
// order in which files were named.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ast/Ast.h"
#include "ast/LoadedFile.h"
#include "diagnostics/DiagnosticEngine.h"
#include "llvm/Support/SourceMgr.h"
#include "pipeline/SourceFiles.h"
#include "syntax/Parse.h"

namespace cio {

/// Parsed files kept between analyses (by the language server): a file whose
/// name, text and buffer number are the same as last time is not parsed again.
/// Buffer numbers stay the same while the set of files does, as buffers are
/// added in a fixed order.
struct ParseCache {
  struct Entry {
    std::string text;
    unsigned buffer = 0;
    std::shared_ptr<const ast::File> syntax;
    std::vector<Diagnostic> diagnostics;  // of the parse, reported again on reuse
    std::shared_ptr<ParsedItems> items;   // its top-level entities, for parsing the next version
  };
  std::map<std::string, Entry> entries;
  size_t hits = 0, misses = 0;
  size_t itemsReused = 0;  // top-level entities copied instead of parsed again
};

class Workspace {
 public:
  Workspace(llvm::SourceMgr &sources, DiagnosticEngine &diags, std::string stdlibDir)
      : sources_(sources), diags_(diags), stdlibDir_(std::move(stdlibDir)) {}

  /// Adds a file or a directory (read by load(), through findSourceFiles).
  void addPath(const std::string &path);
  /// Adds an in-memory file (the examples `cioc explain` checks).
  void addBuffer(std::string name, std::string text) { buffers_.emplace_back(std::move(name), std::move(text)); }
  /// Reuse (and fill) parsed files from `cache`.
  void setParseCache(ParseCache *cache) { cache_ = cache; }
  /// Loads every library of the stdlib path, used or not (`cioc explain`).
  void loadAllLibraries();
  /// Parses every added file and, transitively, every library they use.
  void load();

  const std::vector<LoadedFile> &files() const { return files_; }
  /// Frees the entity nodes of input file `file` (its entities are in the
  /// model and nothing reads their syntax again), unless it is a library's or
  /// is shared with a parse cache. Its declarations, path and buffer stay.
  void freeEntitySyntax(size_t file);
  const std::string &stdlibDir() const { return stdlibDir_; }
  bool hadIoError() const { return ioError_; }

 private:
  bool parsePath(const std::string &path, bool isLibrary, const std::string &libName);
  void loadLibrary(const ast::QualifiedName &name);
  /// Loads `NAME.cio` from the stdlib path once; false when there is no such file.
  bool loadLibraryFile(const std::string &lib);
  std::string suggestLibrary(const ast::File &file);
  /// The `.cio` files of the stdlib path, sorted.
  std::vector<std::string> libraryFiles() const;
  void reportProblems(const SourceFiles &found);

  llvm::SourceMgr &sources_;
  DiagnosticEngine &diags_;
  std::string stdlibDir_;
  std::vector<std::string> named_;                            // the paths as given
  std::vector<std::pair<std::string, std::string>> buffers_;  // name, text
  std::vector<LoadedFile> files_;
  std::vector<std::string> loadedLibraries_;
  bool ioError_ = false;
  ParseCache *cache_ = nullptr;
  std::shared_ptr<const ast::File> parse(const std::string &name, std::string_view text, unsigned buffer);
};

/// The buffer with every lone carriage return made a line feed (same length, so
/// every offset stays): a file of old Mac line ends gets its lines, in the
/// diagnostics as in the editor. Other buffers are returned as they are.
std::unique_ptr<llvm::MemoryBuffer> withLineEnds(std::unique_ptr<llvm::MemoryBuffer> buf);

/// The largest file cioc reads; larger input gets `file_too_large`.
inline constexpr uint64_t kMaxFileBytes = 256ull << 20;

}  // namespace cio

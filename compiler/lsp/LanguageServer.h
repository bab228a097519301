// `cioc lsp`: a language server over stdio, on llvm::json. The server keeps
// the open documents; every `.cio` file of the workspace folder forms the
// workspace (open documents replace their file's content), so references
// across files resolve. After each change the whole pipeline runs again and
// every file's diagnostics are published.
//
// Supported: initialize/shutdown/exit; didOpen, incremental didChange,
// didSave, didClose; publishDiagnostics (notes as related information, the
// article's official text as code description); hover (the finding and its
// article, or the doc comment of the entity and its kind); go to definition;
// find references; document symbols (the entity tree); formatting; completion
// (kinds the schema allows here, fields not yet set, enum values, entities of
// the right kind, articles); rename of an entity; code actions (fix-its, and a
// deviation skeleton for a finding).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "diagnostics/Diagnostic.h"
#include "llvm/Support/JSON.h"

namespace cio {

struct Pipeline;

struct ParseCache;

class LanguageServer {
 public:
  explicit LanguageServer(std::string stdlibDir);
  ~LanguageServer();

  /// Handles one message; returns what to send back (the response, if any,
  /// then notifications such as publishDiagnostics), in order.
  std::vector<llvm::json::Value> handle(const llvm::json::Value &message);

  bool exited() const { return exited_; }
  /// Frees the analysis before the latest (kept until then so that freeing
  /// it is not part of the time until the diagnostics are sent).
  void releaseRetired();
  const ParseCache &parseCache() const { return *cache_; }
  int exitCode() const { return shutdown_ ? 0 : 1; }

 private:
  llvm::json::Value dispatch(const std::string &method, const llvm::json::Object *params, bool &isRequest,
                             std::vector<llvm::json::Value> &notifications);
  void analyze(std::vector<llvm::json::Value> &notifications);
  std::string textOf(const std::string &uri) const;
  /// The verdict of each norm that applied to `entity`, as Markdown; "" when none did.
  std::string entityVerdicts(uint32_t entity) const;  // a model::EntityId
  llvm::json::Value hover(const llvm::json::Object &params);
  llvm::json::Value definition(const llvm::json::Object &params, bool references);
  llvm::json::Value documentSymbols(const llvm::json::Object &params);
  llvm::json::Value formatting(const llvm::json::Object &params);
  llvm::json::Value completion(const llvm::json::Object &params);
  llvm::json::Value rename(const llvm::json::Object &params);
  llvm::json::Value codeActions(const llvm::json::Object &params);

  std::string stdlibDir_;
  std::vector<std::string> roots_;           // the workspace folders
  std::map<std::string, std::string> open_;  // uri -> text
  std::unique_ptr<Pipeline> last_;           // the latest analysis
  std::unique_ptr<Pipeline> retired_;        // the one before, until releaseRetired()
  std::vector<Diagnostic> shown_;            // its diagnostics and rendered findings, as published
  std::unique_ptr<ParseCache> cache_;        // parsed files: only what changed is parsed again
  /// A file's diagnostics as last published: the JSON sent, and the records it was made of.
  struct Published {
    llvm::json::Array json;
    std::vector<Diagnostic> records;
  };
  std::map<std::string, Published> published_;  // by uri; a file without diagnostics is absent
  std::vector<std::string> unusable_;           // paths the walk could not read, as last told

  // When the client watches the files for us (workspace/didChangeWatchedFiles),
  // the folders are walked and each closed file is read once, then again only
  // when the client says it was created, changed or deleted; without it, on
  // every analysis, as before.
  struct ClosedFile {
    std::string text;
    bool tooLarge = false;
  };
  bool watched_ = false;                                    // the client registered our watchers
  bool canWatch_ = false;                                   // it may: dynamic registration is supported
  std::map<std::string, std::vector<std::string>> walked_;  // root -> its source files, as last walked
  std::vector<std::string> walkUnusable_;                   // what those walks could not read
  std::map<std::string, ClosedFile> closed_;                // path -> its text as last read
  std::vector<std::string> workspaceFiles(std::vector<std::string> &unusable);
  const ClosedFile &closedFile(const std::string &path);
  void filesChanged(const llvm::json::Object &params);
  bool initialized_ = false, shutdown_ = false, exited_ = false;
};

/// Reads LSP messages from stdin and writes the replies to stdout until `exit`.
int runLsp(const std::string &stdlibDir);

/// A file path as a `file://` URI and back (percent-encoding as RFC 3986).
std::string pathToUri(const std::string &path);
std::string uriToPath(const std::string &uri);

}  // namespace cio

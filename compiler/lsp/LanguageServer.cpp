#include "lsp/LanguageServer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include "diagnostics/Render.h"
#include "format/Formatter.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "lsp/LspSupport.h"
#include "norms/FindingText.h"
#include "pipeline/Config.h"
#include "pipeline/Pipeline.h"
#include "pipeline/SourceFiles.h"
#include "syntax/Parse.h"

namespace cio {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

std::string pathToUri(const std::string &path) {
  std::string out = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string uriToPath(const std::string &uri) {
  std::string s = uri.rfind("file://", 0) == 0 ? uri.substr(7) : uri;
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::strtol(s.substr(i + 1, 2).c_str(), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

namespace {

/// The workspace's `.cio` files under `root`, sorted.
std::vector<std::string> filesUnder(const std::string &root, std::vector<std::string> &unusable) {
  if (root.empty()) return {};
  // The same walk as the command line's (links once, regular files only).
  SourceFiles found = findSourceFiles({root});
  for (const SourceFiles::Problem &p : found.problems)
    if (p.kind != SourceFiles::Problem::Kind::NoSourceFiles) unusable.push_back(p.path);
  return found.files;
}

int severityOf(const Diagnostic &d) {
  if (!d.coveredBy.empty()) return 4;  // hint
  switch (d.severity) {
    case Severity::Error:
      return 1;
    case Severity::Warning:
      return 2;
    case Severity::Note:
      return 3;
  }
  return 3;
}

}  // namespace

LanguageServer::LanguageServer(std::string stdlibDir)
    : stdlibDir_(std::move(stdlibDir)), cache_(std::make_unique<ParseCache>()) {}
LanguageServer::~LanguageServer() = default;

std::string LanguageServer::textOf(const std::string &uri) const {
  if (auto it = open_.find(uri); it != open_.end()) return it->second;
  auto buf = llvm::MemoryBuffer::getFile(uriToPath(uri), /*IsText=*/false);
  return buf ? (*buf)->getBuffer().str() : "";
}

namespace {

// JSON-RPC and LSP error codes.
constexpr int64_t kInvalidRequest = -32600, kMethodNotFound = -32601, kInvalidParams = -32602,
                  kServerNotInitialized = -32002;

Value errorReply(const Value &id, int64_t code, const std::string &message) {
  return Object{{"jsonrpc", "2.0"}, {"id", id}, {"error", Object{{"code", code}, {"message", message}}}};
}

/// What dispatch returns for a request it refuses: an error code and message.
Value refusal(int64_t code, std::string message) {
  return Object{{"__error_code", code}, {"__error_message", std::move(message)}};
}

/// The methods that concern one document and need `textDocument.uri`.
bool isDocumentMethod(const std::string &method) { return method.rfind("textDocument/", 0) == 0; }

}  // namespace

std::vector<Value> LanguageServer::handle(const Value &message) {
  std::vector<Value> out, notifications;
  const Object *msg = message.getAsObject();
  if (!msg) {
    out.push_back(errorReply(nullptr, kInvalidRequest, "a message is a JSON object"));
    return out;
  }
  const Value *id = msg->get("id");
  const Value *methodValue = msg->get("method");
  if (!methodValue) {  // a response to our one request, the watchers' registration
    if (id && id->getAsString() && *id->getAsString() == "cioc-watch" && msg->get("error")) {
      watched_ = false;  // refused: read the files on every analysis again
      closed_.clear();
      walked_.clear();
    }
    return out;
  }
  if (id && !id->getAsInteger() && !id->getAsString()) {
    out.push_back(errorReply(nullptr, kInvalidRequest, "`id` is a number or a string"));
    return out;
  }
  if (!methodValue->getAsString()) {
    if (id) out.push_back(errorReply(*id, kInvalidRequest, "`method` is a string"));
    return out;
  }
  std::string method = methodValue->getAsString()->str();
  bool isRequest = id != nullptr;
  // The lifecycle of the specification: nothing but `initialize` before it,
  // nothing but `exit` after `shutdown`.
  if (!initialized_ && method != "initialize" && method != "exit") {
    if (isRequest) out.push_back(errorReply(*id, kServerNotInitialized, "the server is not initialized"));
    return out;
  }
  if (shutdown_ && method != "exit") {
    if (isRequest) out.push_back(errorReply(*id, kInvalidRequest, "the server is shutting down"));
    return out;
  }
  const Value *paramsValue = msg->get("params");
  const Object *params = paramsValue ? paramsValue->getAsObject() : nullptr;
  bool paramsValid = !paramsValue || params;  // absent, or an object: cioc's methods take no arrays
  if (paramsValid && isDocumentMethod(method)) {
    const Object *doc = params ? params->getObject("textDocument") : nullptr;
    paramsValid = doc && doc->getString("uri");
  }
  if (!paramsValid) {
    if (isRequest) out.push_back(errorReply(*id, kInvalidParams, "invalid parameters for " + method));
    return out;  // a notification with bad parameters is dropped
  }
  Value result = dispatch(method, params, isRequest, notifications);
  if (id) {
    const Object *err = result.getAsObject();
    if (err && err->get("__error_code"))
      out.push_back(errorReply(*id, err->getInteger("__error_code").value_or(kInvalidRequest),
                               err->getString("__error_message").value_or("").str()));
    else
      out.push_back(Object{{"jsonrpc", "2.0"}, {"id", *id}, {"result", std::move(result)}});
  }
  out.reserve(out.size() + notifications.size());  // a json::Value is copied, not moved, on growth
  for (Value &n : notifications) out.push_back(std::move(n));
  return out;
}

Value LanguageServer::dispatch(const std::string &method, const Object *params, bool &isRequest,
                               std::vector<Value> &notifications) {
  static const Object empty;
  const Object &p = params ? *params : empty;
  if (method == "initialize") {
    if (initialized_) return refusal(kInvalidRequest, "the server is initialized already");
    initialized_ = true;
    roots_.clear();
    if (const Array *folders = p.getArray("workspaceFolders"))
      for (const Value &folder : *folders)
        if (const Object *f = folder.getAsObject())
          if (auto uri = f->getString("uri")) roots_.push_back(uriToPath(uri->str()));
    if (roots_.empty())
      if (auto root = p.getString("rootUri")) roots_.push_back(uriToPath(root->str()));
    if (const Object *caps = p.getObject("capabilities"))
      if (const Object *ws = caps->getObject("workspace"))
        if (const Object *watch = ws->getObject("didChangeWatchedFiles"))
          canWatch_ = watch->getBoolean("dynamicRegistration").value_or(false);
    return Object{{"capabilities",
                   Object{{"textDocumentSync", Object{{"openClose", true}, {"change", 2}, {"save", true}}},
                          {"hoverProvider", true},
                          {"definitionProvider", true},
                          {"referencesProvider", true},
                          {"documentSymbolProvider", true},
                          {"documentFormattingProvider", true},
                          {"completionProvider", Object{{"triggerCharacters", Array{"=", " ", "."}}}},
                          {"renameProvider", true},
                          {"codeActionProvider", true},
                          {"workspace",
                           Object{{"workspaceFolders", Object{{"supported", true}, {"changeNotifications", true}}}}}}},
                  {"serverInfo", Object{{"name", "cioc"}, {"version", CIOC_VERSION}}}};
  }
  if (method == "initialized") {
    if (canWatch_) {
      // Ask the client to tell us when a .cio file or a cioc.toml changes on
      // disk: then a closed file need not be read again on every keystroke.
      notifications.push_back(Object{
          {"jsonrpc", "2.0"},
          {"id", "cioc-watch"},
          {"method", "client/registerCapability"},
          {"params", Object{{"registrations",
                             Array{Object{{"id", "cioc-watch"},
                                          {"method", "workspace/didChangeWatchedFiles"},
                                          {"registerOptions",
                                           Object{{"watchers", Array{Object{{"globPattern", "**/*.cio"}},
                                                                     Object{{"globPattern", "**/cioc.toml"}}}}}}}}}}}});
      watched_ = true;
    }
    analyze(notifications);
    return nullptr;
  }
  if (method == "workspace/didChangeWatchedFiles") {
    filesChanged(p);
    analyze(notifications);
    return nullptr;
  }
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (method == "workspace/didChangeWorkspaceFolders") {
    if (const Object *event = p.getObject("event")) {
      auto uris = [](const Array *list) {
        std::vector<std::string> out;
        if (list)
          for (const Value &f : *list)
            if (const Object *o = f.getAsObject(); o && o->getString("uri"))
              out.push_back(uriToPath(o->getString("uri")->str()));
        return out;
      };
      for (const std::string &gone : uris(event->getArray("removed")))
        roots_.erase(std::remove(roots_.begin(), roots_.end(), gone), roots_.end());
      for (const std::string &added : uris(event->getArray("added"))) roots_.push_back(added);
    }
    walked_.clear();
    analyze(notifications);
    return nullptr;
  }
  if (method == "exit") {
    exited_ = true;
    return nullptr;
  }
  const Object *doc = p.getObject("textDocument");
  std::string uri = doc ? doc->getString("uri").value_or("").str() : "";
  if (method == "textDocument/didOpen") {
    open_[uri] = doc->getString("text").value_or("").str();  // handle() made sure there is a document
    analyze(notifications);
    return nullptr;
  }
  if (method == "textDocument/didChange") {
    std::string &text = open_[uri];
    if (const Array *changes = p.getArray("contentChanges"))
      for (const Value &c : *changes) {
        const Object *change = c.getAsObject();
        if (!change) continue;
        std::string replacement = change->getString("text").value_or("").str();
        if (const Object *range = change->getObject("range")) {
          PositionMap map{text};
          size_t begin = map.offset(range->getObject("start")), end = map.offset(range->getObject("end"));
          text.replace(begin, std::max(begin, end) - begin, replacement);
        } else {
          text = replacement;
        }
      }
    analyze(notifications);
    return nullptr;
  }
  if (method == "textDocument/didSave") return nullptr;
  if (method == "textDocument/didClose") {
    open_.erase(uri);
    closed_.erase(uriToPath(uri));  // what the editor had need not be what is on disk
    analyze(notifications);
    return nullptr;
  }
  if (method == "textDocument/hover") return hover(p);
  if (method == "textDocument/definition") return definition(p, false);
  if (method == "textDocument/references") return definition(p, true);
  if (method == "textDocument/documentSymbol") return documentSymbols(p);
  if (method == "textDocument/formatting") return formatting(p);
  if (method == "textDocument/completion") return completion(p);
  if (method == "textDocument/codeAction") return codeActions(p);
  if (method == "textDocument/rename") {
    Value result = rename(p);
    if (const Object *o = result.getAsObject(); o && o->get("__invalid"))
      return refusal(kInvalidParams, "not a valid name");
    return result;
  }
  if (!isRequest || method.rfind("$/", 0) == 0) return nullptr;  // unknown notifications are ignored
  return refusal(kMethodNotFound, "unknown method: " + method);
}

/// The source files under the workspace folders: walked again on every
/// analysis, unless the client watches them (then as last walked).
std::vector<std::string> LanguageServer::workspaceFiles(std::vector<std::string> &unusable) {
  std::vector<std::string> files;
  for (const std::string &root : roots_) {
    auto it = walked_.find(root);
    if (!watched_ || it == walked_.end()) {
      std::vector<std::string> problems;
      it = walked_.insert_or_assign(root, filesUnder(root, problems)).first;
      for (std::string &p : problems)
        if (std::find(walkUnusable_.begin(), walkUnusable_.end(), p) == walkUnusable_.end())
          walkUnusable_.push_back(std::move(p));
    }
    for (const std::string &f : it->second)
      if (std::find(files.begin(), files.end(), f) == files.end()) files.push_back(f);
  }
  unusable = walkUnusable_;
  if (!watched_) walkUnusable_.clear();
  return files;
}

/// A closed file's text: read again on every analysis, unless the client
/// watches the files (then as last read). One larger than the limit is not
/// read: it stands in the workspace empty, with file_too_large on it.
const LanguageServer::ClosedFile &LanguageServer::closedFile(const std::string &path) {
  auto it = closed_.find(path);
  if (watched_ && it != closed_.end()) return it->second;
  ClosedFile f;
  uint64_t size = 0;
  if (!llvm::sys::fs::file_size(path, size) && size > kMaxFileBytes)
    f.tooLarge = true;
  else if (auto buf = llvm::MemoryBuffer::getFile(path, /*IsText=*/false))
    f.text = (*buf)->getBuffer().str();
  return closed_.insert_or_assign(path, std::move(f)).first->second;
}

/// The client says files changed on disk: a changed or created file is read
/// again, and a created or deleted one means walking the folders again.
void LanguageServer::filesChanged(const Object &params) {
  const Array *changes = params.getArray("changes");
  if (!changes) return;
  for (const Value &c : *changes) {
    const Object *change = c.getAsObject();
    if (!change || !change->getString("uri")) continue;
    std::string path = uriToPath(change->getString("uri")->str());
    closed_.erase(path);
    if (change->getInteger("type").value_or(2) != 2) {  // 1 created, 3 deleted
      walked_.clear();
      walkUnusable_.clear();
    }
  }
}

void LanguageServer::releaseRetired() { retired_.reset(); }

void LanguageServer::analyze(std::vector<Value> &notifications) {
  retired_.reset();  // when no reply was sent since (a caller that handles messages itself)
  PipelineOptions opt;
  opt.stdlibDir = stdlibDir_;
  opt.cache = cache_.get();
  std::vector<std::string> unusable, files = workspaceFiles(unusable);
  for (const auto &[uri, text] : open_) {
    std::string path = uriToPath(uri);
    if (std::find(files.begin(), files.end(), path) == files.end()) files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  // A closed file larger than the limit is not read: it stands in the
  // workspace empty, with file_too_large on it, as on the command line.
  std::vector<std::string> tooLarge;
  for (const std::string &path : files) {
    std::string uri = pathToUri(path);
    if (auto it = open_.find(uri); it != open_.end()) {
      opt.buffers.emplace_back(path, it->second);
      continue;
    }
    const ClosedFile &f = closedFile(path);
    if (f.tooLarge) tooLarge.push_back(path);
    opt.buffers.emplace_back(path, f.text);
  }
  // What the walk could not read (a pipe, a dangling link) is said once, as a
  // message, when it changes: it has no document to be a diagnostic in.
  std::sort(unusable.begin(), unusable.end());
  if (unusable != unusable_) {
    unusable_ = unusable;
    if (!unusable.empty()) {
      std::string list;
      for (size_t i = 0; i < unusable.size() && i < 5; ++i) list += (i ? ", " : "") + unusable[i];
      if (unusable.size() > 5) list += ", …";
      notifications.push_back(
          Object{{"jsonrpc", "2.0"},
                 {"method", "window/showMessage"},
                 {"params",
                  Object{{"type", 2},
                         {"message", DiagnosticEngine(Language::Dutch).text(DiagId::note_files_not_read, {list})}}}});
    }
  }
  opt.recordOutcomes = true;  // hover shows each norm's verdict on an entity
  opt.incremental = true;     // norms whose inputs this change leaves alone are not evaluated again
  opt.previous = last_.get();
  auto p = std::make_unique<Pipeline>(Language::Dutch);
  // The workspace's cioc.toml, as the command line reads it: the same date,
  // library and levels, so the editor and CI agree.
  Config config;
  if (std::string path = findConfig(roots_.empty() ? (files.empty() ? "." : files.front()) : roots_.front());
      !path.empty()) {
    config = readConfig(path, p->sources, p->diags);
    if (config.lang == "en") p->diags.setLanguage(Language::English);
    opt.referenceDate = config.referenceDate;
    if (!config.stdlibDir.empty()) opt.stdlibDir = config.stdlibDir;
  }
  runPipeline(*p, opt);
  for (const std::string &path : tooLarge)
    if (unsigned buffer = bufferOf(*p, path))
      p->diags.report(DiagId::file_too_large, {buffer, 0, 0}, {std::to_string(kMaxFileBytes)});

  std::map<std::string, Array> byUri;
  for (const std::string &path : files) byUri[pathToUri(path)];
  for (const auto &[uri, diags] : published_) byUri[uri];  // gone from the workspace: cleared
  std::map<unsigned, PositionMap> maps;                    // one line index per buffer, for all its diagnostics
  auto mapOf = [&](unsigned buffer) -> const PositionMap & {
    auto it = maps.find(buffer);
    if (it == maps.end()) it = maps.emplace(buffer, PositionMap{p->sources.getMemoryBuffer(buffer)->getBuffer()}).first;
    return it->second;
  };
  shown_ = p->allDiagnostics();
  std::vector<std::string> known;
  for (const DiagKindInfo &k : allDiagKinds()) known.emplace_back(k.name);
  for (const CompiledNorm &n : p->norms.norms) known.push_back(n.name);
  applyLevels(shown_, config, known, p->diags);
  if (!config.path.empty()) byUri[pathToUri(config.path)];  // its problems show in it
  // Each file's diagnostics as records, in the order shown.
  std::map<std::string, std::vector<const Diagnostic *>> ofUri;
  for (const Diagnostic &d : shown_) {
    if (!d.range.valid()) continue;
    std::string uri = pathToUri(p->sources.getMemoryBuffer(d.range.buffer)->getBufferIdentifier().str());
    if (byUri.count(uri)) ofUri[uri].push_back(&d);  // not a library's own diagnostics
  }
  auto toJson = [&](const Diagnostic &d, const std::string &uri) {
    const PositionMap &map = mapOf(d.range.buffer);
    std::string message = d.message;
    if (!d.coveredBy.empty()) message += " (gedekt door " + d.coveredBy + ")";
    if (!d.help.empty()) message += "\n" + d.help;
    Object out{{"range", map.range(d.range.begin, d.range.end)},
               {"severity", severityOf(d)},
               {"code", d.code},
               {"source", "cioc"},
               {"message", message}};
    Array related;
    for (const DiagnosticNote &n : d.notes) {
      if (!n.range.valid()) continue;
      const llvm::MemoryBuffer *nb = p->sources.getMemoryBuffer(n.range.buffer);
      const PositionMap &nm = mapOf(n.range.buffer);
      related.push_back(Object{{"location", Object{{"uri", pathToUri(nb->getBufferIdentifier().str())},
                                                   {"range", nm.range(n.range.begin, n.range.end)}}},
                               {"message", n.message}});
    }
    if (!d.article.empty()) {
      if (const model::Library *lib = libraryOfArticle(p->model.schema, d.article))
        out["codeDescription"] = Object{{"href", articleLink(*lib, d.article)}};
      auto a = p->model.schema.articles.find(d.article);
      if (a != p->model.schema.articles.end()) {
        // The article's text as related information, at the finding itself.
        related.push_back(Object{{"location", Object{{"uri", uri}, {"range", map.range(d.range.begin, d.range.end)}}},
                                 {"message", d.article + ": " + a->second.text}});
      }
    }
    if (!related.empty()) out["relatedInformation"] = std::move(related);
    return Value(std::move(out));
  };
  // A diagnostic equal to one published, that points only into files as they
  // were, has the same JSON as then (the same positions, article texts and
  // links): a file whose records are all such is not turned into JSON again.
  const std::vector<bool> &unchanged = p->unchangedFiles;  // by buffer; empty when nothing is known
  auto isUnchanged = [&](unsigned buffer) { return buffer < unchanged.size() && unchanged[buffer]; };
  auto pointsIntoUnchanged = [&](const Diagnostic &d) {
    if (!isUnchanged(d.range.buffer)) return false;
    for (const DiagnosticNote &n : d.notes)
      if (n.range.valid() && !isUnchanged(n.range.buffer)) return false;
    return true;
  };
  // Only what changed is published: the client keeps a file's diagnostics
  // until they are replaced, and in a workspace of a thousand files an edit
  // to one changes the diagnostics of one or two.
  notifications.reserve(notifications.size() + byUri.size());  // a json::Value is copied, not moved, on growth
  for (auto &[uri, diags] : byUri) {
    const std::vector<const Diagnostic *> &records = ofUri[uri];
    auto had = published_.find(uri);
    if (had != published_.end() && had->second.records.size() == records.size()) {
      bool same = true;
      for (size_t i = 0; i < records.size() && same; ++i)
        same = *records[i] == had->second.records[i] && pointsIntoUnchanged(*records[i]);
      if (same) continue;
    }
    for (const Diagnostic *d : records) diags.push_back(toJson(*d, uri));
    if (had == published_.end() && diags.empty()) continue;
    std::vector<Diagnostic> kept;
    for (const Diagnostic *d : records) kept.push_back(*d);
    if (had != published_.end() && had->second.json == diags) {
      had->second.records = std::move(kept);  // the same JSON: nothing to send
      continue;
    }
    if (diags.empty())
      published_.erase(had);
    else
      published_.insert_or_assign(uri, Published{diags, std::move(kept)});
    notifications.push_back(Object{{"jsonrpc", "2.0"},
                                   {"method", "textDocument/publishDiagnostics"},
                                   {"params", Object{{"uri", uri}, {"diagnostics", std::move(diags)}}}});
  }
  retired_ = std::move(last_);
  last_ = std::move(p);
}

namespace {}  // namespace

Value LanguageServer::hover(const Object &params) {
  if (!last_) return nullptr;
  const Object *doc = params.getObject("textDocument");
  std::string path = uriToPath(doc ? doc->getString("uri").value_or("").str() : "");
  unsigned buffer = bufferOf(*last_, path);
  if (!buffer) return nullptr;
  llvm::StringRef text = last_->sources.getMemoryBuffer(buffer)->getBuffer();
  PositionMap map{text};
  size_t offset = map.offset(params.getObject("position"));
  const model::Schema &schema = last_->model.schema;
  std::string md;
  auto articleText = [&](const std::string &ref) {
    auto a = schema.articles.find(ref);
    if (a == schema.articles.end()) return std::string();
    std::string out = "**" + ref + "** " + a->second.text;
    if (const model::Library *lib = libraryOfArticle(schema, ref))
      out += "\n\n[officiële tekst](" + articleLink(*lib, ref) + ")";
    return out;
  };
  for (const Diagnostic &d : shown_)
    if (!d.article.empty() && contains(d.range, buffer, offset))
      md += (md.empty() ? "" : "\n\n---\n\n") + ("`" + d.code + "`: " + d.message + "\n\n" + articleText(d.article));
  // An article reference under the cursor (`art3.1`).
  size_t begin = offset, end = offset;
  auto word = [&](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_'; };
  while (begin > 0 && word(text[begin - 1])) --begin;
  while (end < text.size() && word(text[end])) ++end;
  std::string token = text.substr(begin, end - begin).str();
  while (!token.empty() && token.back() == '.') token.pop_back();
  if (md.empty() && token.rfind("art", 0) == 0) md = articleText(token);
  if (md.empty()) {
    model::EntityId id = entityAt(last_->model, buffer, offset);
    if (id != model::kNone && last_->model.entities[id].kind != model::kNone) {  // an unknown kind has no doc
      const model::Entity &e = last_->model.entities[id];
      const model::KindInfo &k = schema.kinds[e.kind];
      md = "**" + k.name + "** `" + e.path + "`" + (e.title.empty() ? "" : " — " + e.title);
      if (!e.doc.empty()) md += "\n\n" + e.doc;
      if (!k.doc.empty()) md += "\n\n*" + k.name + "*: " + k.doc;
    }
  }
  // A word that names a norm, a kind, or a field of the entity around the cursor.
  if (md.empty()) {
    for (const CompiledNorm &n : last_->norms.norms)
      if (n.name == token) {
        md = "**norm** `" + token + "` (" + n.article +
             "): " + verdictWord(last_->evaluation.verdict(&n), Language::Dutch) + " in deze werkruimte";
        if (!n.doc.empty()) md += "\n\n" + n.doc;
      }
  }
  if (md.empty())
    if (auto k = schema.findKind(token))
      md = "**soort** `" + token + "`" + (schema.kinds[*k].doc.empty() ? "" : "\n\n" + schema.kinds[*k].doc);
  if (md.empty()) {
    model::EntityId around = model::kNone;
    for (model::EntityId id = 0; id < last_->model.entities.size(); ++id) {
      SourceRange r = last_->model.entities[id].range;
      if (r.buffer == buffer && r.begin <= offset && offset < r.end) around = id;  // the innermost comes last
    }
    if (around != model::kNone && last_->model.entities[around].kind != model::kNone)
      if (const model::FieldInfo *f = schema.findField(last_->model.entities[around].kind, token))
        md = "**veld** `" + token + "`" + (f->doc.empty() ? "" : "\n\n" + f->doc);
  }
  // On an entity's name: the verdict of every norm that applied to it.
  if (model::EntityId id = entityAt(last_->model, buffer, offset); id != model::kNone)
    if (std::string verdicts = entityVerdicts(id); !verdicts.empty())
      md += (md.empty() ? "" : "\n\n---\n\n") + verdicts;
  if (md.empty()) return nullptr;
  return Object{{"contents", Object{{"kind", "markdown"}, {"value", md}}}};
}

std::string LanguageServer::entityVerdicts(uint32_t entity) const {
  // By (article, norm), in the law's order: the norm and what it counted about the entity.
  std::map<std::pair<std::vector<std::string>, std::string>, std::pair<const CompiledNorm *, Tally>> byNorm;
  for (const Evaluation::Outcome &o : last_->evaluation.outcomes) {
    if (o.entity != entity) continue;
    auto &[norm, t] = byNorm[{articleSortKey(o.norm->article), o.norm->name}];
    norm = o.norm;
    using R = Evaluation::Outcome::Result;
    ++(o.result == R::Holds      ? t.holds
       : o.result == R::Violated ? t.violated
       : o.result == R::Covered  ? t.covered
                                 : t.unknown);
  }
  if (byNorm.empty()) return "";
  std::string md = "**Normen**";
  for (const auto &[key, value] : byNorm)
    md += "\n- `" + value.first->name + "` (" + value.first->article +
          "): " + verdictWord(verdictOf(value.second), Language::Dutch);
  return md;
}

Value LanguageServer::definition(const Object &params, bool references) {
  if (!last_) return nullptr;
  const Object *doc = params.getObject("textDocument");
  std::string path = uriToPath(doc ? doc->getString("uri").value_or("").str() : "");
  unsigned buffer = bufferOf(*last_, path);
  if (!buffer) return nullptr;
  PositionMap map{last_->sources.getMemoryBuffer(buffer)->getBuffer()};
  size_t offset = map.offset(params.getObject("position"));
  const model::Model &m = last_->model;
  model::EntityId target = entityAt(m, buffer, offset);
  if (target == model::kNone) return references ? Value(Array{}) : Value(nullptr);
  auto location = [&](SourceRange r) {
    const llvm::MemoryBuffer *b = last_->sources.getMemoryBuffer(r.buffer);
    PositionMap bm{b->getBuffer()};
    return Object{{"uri", pathToUri(b->getBufferIdentifier().str())}, {"range", bm.range(r.begin, r.end)}};
  };
  if (!references) return location(m.entities[target].nameRange);
  Array out;
  const Object *context = params.getObject("context");
  if (!context || context->getBoolean("includeDeclaration").value_or(true))
    out.push_back(location(m.entities[target].nameRange));
  for (const model::Entity &e : m.entities) {
    for (const model::FieldValue &f : e.fields)
      for (const model::Value *v : referencesIn(f))
        if (v->ref == target && v->range.valid()) out.push_back(location(v->range));
    for (const auto &[owner, range] : e.ownerRefs)
      if (owner == target) out.push_back(location(range));
  }
  return out;
}

Value LanguageServer::documentSymbols(const Object &params) {
  if (!last_) return Array{};
  const Object *doc = params.getObject("textDocument");
  std::string path = uriToPath(doc ? doc->getString("uri").value_or("").str() : "");
  unsigned buffer = bufferOf(*last_, path);
  if (!buffer) return Array{};
  PositionMap map{last_->sources.getMemoryBuffer(buffer)->getBuffer()};
  const model::Model &m = last_->model;
  std::function<Value(model::EntityId)> symbol = [&](model::EntityId id) -> Value {
    const model::Entity &e = m.entities[id];
    Array children;
    for (model::EntityId c : e.children)
      if (m.entities[c].range.buffer == buffer && m.entities[c].kind != model::kNone) children.push_back(symbol(c));
    SourceRange name = e.nameRange.valid() ? e.nameRange : e.kindRange;
    return Object{{"name", e.name.empty() ? m.schema.kinds[e.kind].name : e.name.str()},
                  {"detail", m.schema.kinds[e.kind].name + (e.title.empty() ? "" : " — " + e.title)},
                  {"kind", e.children.empty() ? 19 : 3},  // Object, or Namespace for what contains others
                  {"range", map.range(e.range.begin, e.range.end)},
                  {"selectionRange", map.range(name.begin, name.end)},
                  {"children", std::move(children)}};
  };
  Array out;
  for (model::EntityId id = 0; id < m.entities.size(); ++id)
    if (m.entities[id].parent == model::kNone && m.entities[id].range.buffer == buffer &&
        m.entities[id].kind != model::kNone)
      out.push_back(symbol(id));
  return out;
}

Value LanguageServer::formatting(const Object &params) {
  const Object *doc = params.getObject("textDocument");
  std::string uri = doc ? doc->getString("uri").value_or("").str() : "";
  std::string text = textOf(uri);
  DiagnosticEngine scratch;
  parseFile(text, 1, scratch);
  if (scratch.errorCount() > 0) return nullptr;  // a file that does not parse is not formatted
  std::string formatted = formatSource(text);
  if (formatted == text) return Array{};
  PositionMap map{text};
  return Array{Object{{"range", map.range(0, text.size())}, {"newText", formatted}}};
}

}  // namespace cio

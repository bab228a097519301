#include "pipeline/Baseline.h"

#include <algorithm>

#include "diagnostics/Render.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"

namespace cio {

namespace {

bool counts(const Diagnostic &d) {
  return d.coveredBy.empty() && (d.severity == Severity::Error || d.severity == Severity::Warning);
}

std::string hex(llvm::ArrayRef<uint8_t> bytes, size_t n) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n && i < bytes.size(); ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 15];
  }
  return out;
}

/// The file of `range` relative to `root`, with `/` (a baseline moves with the repository).
std::string relativeFile(const llvm::SourceMgr &sources, SourceRange range, const std::string &root) {
  if (!range.valid()) return "";
  std::string file = sources.getMemoryBuffer(range.buffer)->getBufferIdentifier().str();
  llvm::SmallString<256> abs(file), base(root);
  llvm::sys::fs::make_absolute(abs);
  llvm::sys::fs::make_absolute(base);
  llvm::sys::path::remove_dots(abs, true);
  llvm::sys::path::remove_dots(base, true);
  llvm::StringRef rel = abs;
  if (rel.consume_front(base) && (rel.empty() || llvm::sys::path::is_separator(rel.front())))
    rel = rel.ltrim("/");
  else
    rel = llvm::sys::path::filename(abs);  // outside the root (a library): its name only
  return llvm::sys::path::convert_to_slash(rel);
}

/// The text of the line `range` starts on, without leading and trailing space;
/// on a long line only up to 200 bytes either side (a megabyte line with
/// thousands of diagnostics must not cost a scan of the line each).
std::string lineText(const llvm::SourceMgr &sources, SourceRange range) {
  if (!range.valid()) return "";
  constexpr size_t kWindow = 200;
  llvm::StringRef text = sources.getMemoryBuffer(range.buffer)->getBuffer();
  size_t at = std::min<size_t>(range.begin, text.size());
  size_t from = at > kWindow ? at - kWindow : 0, to = std::min(text.size(), at + kWindow);
  llvm::StringRef window = text.slice(from, to);
  size_t begin = window.rfind('\n', at - from == 0 ? 0 : at - from - 1);
  begin = begin == llvm::StringRef::npos || at == from ? 0 : begin + 1;
  size_t end = window.find('\n', at - from);
  return window.slice(begin, end).trim().str();
}

}  // namespace

void fingerprintDiagnostics(std::vector<Diagnostic> &all, const llvm::SourceMgr &sources, const std::string &root,
                            bool includeCovered) {
  std::map<unsigned, std::string> files;  // by buffer: the relative path, made once
  for (Diagnostic &d : all) {
    bool weighs = d.severity == Severity::Error || d.severity == Severity::Warning;
    if (!(includeCovered ? weighs : counts(d))) continue;
    std::string key = "cioc-1\n";
    if (!d.identity.empty()) {
      key += d.identity;  // a finding is its norm and its entities
    } else {              // a compiler diagnostic its code, file and line text
      auto [file, fresh] = files.try_emplace(d.range.buffer);
      if (fresh) file->second = relativeFile(sources, d.range, root);
      key += d.code + '\n' + file->second + '\n' + lineText(sources, d.range);
    }
    d.fingerprint = hex(llvm::SHA256::hash(llvm::arrayRefFromStringRef(key)), 16);
  }
}

std::string baselineJson(const std::vector<Diagnostic> &all, const std::string &toolVersion) {
  std::vector<const Diagnostic *> recorded;
  for (const Diagnostic &d : all)
    if (!d.fingerprint.empty()) recorded.push_back(&d);
  std::sort(recorded.begin(), recorded.end(), [](const Diagnostic *a, const Diagnostic *b) {
    return std::tie(a->fingerprint, a->code, a->message) < std::tie(b->fingerprint, b->code, b->message);
  });
  llvm::json::Array entries;
  for (const Diagnostic *d : recorded) {
    llvm::json::Object o{{"fingerprint", d->fingerprint}, {"code", d->code}, {"message", d->message}};
    if (!d->subject.empty()) o["subject"] = d->subject;
    if (!d->article.empty()) o["article"] = d->article;
    entries.push_back(std::move(o));
  }
  llvm::json::Object root{{"version", 1}, {"tool_version", toolVersion}, {"findings", std::move(entries)}};
  return llvm::formatv("{0:2}", llvm::json::Value(std::move(root))).str() + "\n";
}

std::map<std::string, size_t> readBaseline(const std::string &path, DiagnosticEngine &diags, bool &ok) {
  std::map<std::string, size_t> out;
  ok = false;
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer) {
    diags.report(DiagId::file_unreadable, {}, {path});
    return out;
  }
  llvm::Expected<llvm::json::Value> doc = llvm::json::parse((*buffer)->getBuffer());
  const llvm::json::Object *root = doc ? doc->getAsObject() : nullptr;
  const llvm::json::Array *entries = root ? root->getArray("findings") : nullptr;
  if (!doc) llvm::consumeError(doc.takeError());
  if (!entries || root->getInteger("version") != 1) {
    diags.report(DiagId::baseline_invalid, {}, {path});
    return out;
  }
  for (const llvm::json::Value &e : *entries)
    if (const llvm::json::Object *o = e.getAsObject())
      if (std::optional<llvm::StringRef> fp = o->getString("fingerprint")) ++out[fp->str()];
  ok = true;
  return out;
}

size_t compareWithBaseline(std::vector<Diagnostic> &all, std::map<std::string, size_t> baseline) {
  size_t unchanged = 0;
  for (Diagnostic &d : all) {
    if (d.fingerprint.empty()) continue;
    auto it = baseline.find(d.fingerprint);
    if (it != baseline.end() && it->second > 0) {
      --it->second;
      d.baseline = Diagnostic::Baseline::Unchanged;
      ++unchanged;
    } else {
      d.baseline = Diagnostic::Baseline::New;
    }
  }
  return unchanged;
}

}  // namespace cio

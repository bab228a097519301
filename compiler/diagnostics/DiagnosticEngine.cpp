#include "diagnostics/DiagnosticEngine.h"

#include <fmt/args.h>
#include <fmt/format.h>

#include "diagnostics/Printable.h"

namespace cio {

const std::vector<DiagKindInfo> &allDiagKinds() {
  static const std::vector<DiagKindInfo> kinds = {
#define DIAG(name, severity, nl, en) {#name, Severity::severity, nl, en},
#include "diagnostics/DiagnosticKinds.def"
#undef DIAG
  };
  return kinds;
}

const DiagKindInfo &diagKindInfo(DiagId id) { return allDiagKinds()[static_cast<size_t>(id)]; }

std::string DiagnosticEngine::text(DiagId id, const std::vector<std::string> &args) const {
  const DiagKindInfo &info = diagKindInfo(id);
  // An argument quotes the input (a name, a title) or the law (an article's
  // text, the longest some 3,000 characters): cut beyond that, so a hostile
  // 100 KB name is not copied into every message that mentions it.
  constexpr size_t kLongestArgument = 4096;
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const std::string &a : args) store.push_back(shortened(a, kLongestArgument));
  std::string_view pattern = lang_ == Language::Dutch ? info.dutch : info.english;
  try {
    return fmt::vformat(pattern, store);
  } catch (const fmt::format_error &) {
    // A table entry with more holes than arguments is a compiler bug; show the raw text.
    return std::string(pattern);
  }
}

Diagnostic &DiagnosticEngine::report(DiagId id, SourceRange range, const std::vector<std::string> &args) {
  const DiagKindInfo &info = diagKindInfo(id);
  Diagnostic d;
  d.code = std::string(info.name);
  d.severity = info.severity;
  d.message = text(id, args);
  d.range = range;
  diags_.push_back(std::move(d));
  return diags_.back();
}

void DiagnosticEngine::addNote(Diagnostic &d, DiagId id, SourceRange range, const std::vector<std::string> &args) {
  d.notes.push_back({range, text(id, args)});
}

void DiagnosticEngine::setHelp(Diagnostic &d, DiagId id, const std::vector<std::string> &args) {
  d.help = text(id, args);
}

void DiagnosticEngine::suggest(Diagnostic &d, const std::string &name, SourceRange where) {
  setHelp(d, DiagId::help_did_you_mean, {name});
  if (!where.valid()) where = d.range;
  if (where.valid() && where.end > where.begin) d.fixits.push_back({where, name});
}

size_t DiagnosticEngine::errorCount() const {
  size_t n = 0;
  for (const Diagnostic &d : diags_) n += d.severity == Severity::Error && d.coveredBy.empty();
  return n;
}

size_t DiagnosticEngine::warningCount() const {
  size_t n = 0;
  for (const Diagnostic &d : diags_) n += d.severity == Severity::Warning && d.coveredBy.empty();
  return n;
}

}  // namespace cio

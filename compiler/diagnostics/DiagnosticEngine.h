// Collects diagnostics from every stage. Messages come from the table in
// DiagnosticKinds.def in the chosen language; the driver sorts and renders
// them once the pipeline is done, so every stage just reports and goes on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/Diagnostic.h"

namespace cio {

enum class Language { Dutch, English };

struct DiagKindInfo {
  std::string_view name;
  Severity severity;
  std::string_view dutch;
  std::string_view english;
};

const DiagKindInfo &diagKindInfo(DiagId id);
const std::vector<DiagKindInfo> &allDiagKinds();

class DiagnosticEngine {
 public:
  explicit DiagnosticEngine(Language lang = Language::Dutch) : lang_(lang) {}

  Language language() const { return lang_; }
  /// For a language known only once the configuration is read; texts made before stay as they are.
  void setLanguage(Language lang) { lang_ = lang; }

  /// Formats the text of a table entry with its arguments in the chosen language.
  std::string text(DiagId id, const std::vector<std::string> &args = {}) const;

  /// Reports a compiler diagnostic; the returned reference stays valid until the next report.
  Diagnostic &report(DiagId id, SourceRange range, const std::vector<std::string> &args = {});
  void addNote(Diagnostic &d, DiagId id, SourceRange range, const std::vector<std::string> &args = {});
  void setHelp(Diagnostic &d, DiagId id, const std::vector<std::string> &args = {});
  /// "did you mean `name`?", with a fix-it that writes `name` over `where` (the
  /// misspelt text; the diagnostic's own range when not given), which the
  /// language server offers as a quick fix.
  void suggest(Diagnostic &d, const std::string &name, SourceRange where = {});
  void add(Diagnostic d) { diags_.push_back(std::move(d)); }

  const std::vector<Diagnostic> &diagnostics() const { return diags_; }
  std::vector<Diagnostic> &diagnostics() { return diags_; }
  size_t errorCount() const;
  size_t warningCount() const;

 private:
  Language lang_;
  std::vector<Diagnostic> diags_;
};

}  // namespace cio

// Renderers turn the collected diagnostics into output: a rustc-like text
// form for people (colour only on a terminal), and a stable JSON form for
// machines (documented in docs/json-format.md). Both sort first, so output is
// byte-identical whatever the order in which files were given.
#pragma once

#include <optional>

#include "diagnostics/DiagnosticEngine.h"
#include "diagnostics/Verdict.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

namespace cio {

struct Location {
  std::string file;
  unsigned line = 0, column = 0, endLine = 0, endColumn = 0;  // 1-based; column counts code points
  /// The source line around the start of the range: at most about 1 KB either
  /// side of it (a diagnostic on a megabyte line does not copy the line), from
  /// column `lineTextColumn`; `lineCutBefore/After` say whether the line goes on.
  std::string lineText;
  unsigned lineTextColumn = 1;
  bool lineCutBefore = false, lineCutAfter = false;
};

Location locate(const llvm::SourceMgr &sources, SourceRange range);

/// `fout`/`error`, `waarschuwing`/`warning`, `opmerking`/`note`: the severity as the text form names it.
const char *severityWord(Severity s, Language lang);

/// `error`, `warning` or `note`: the severity as JSON and SARIF name it.
const char *severityName(Severity s);

/// Sorts by file, position, code and message; stable and total.
void sortDiagnostics(std::vector<Diagnostic> &diags, const llvm::SourceMgr &sources);

/// "2 fouten, 1 waarschuwing, 3 gedekt": the closing line of the text output.
std::string summaryLine(const std::vector<Diagnostic> &diags, Language lang);

/// The text form; with `verdicts`, the closing lines also count the norms by verdict.
void renderText(llvm::raw_ostream &os, const std::vector<Diagnostic> &diags, const llvm::SourceMgr &sources,
                Language lang, bool colour, const std::vector<NormVerdict> &verdicts = {});
/// What `--vooruit` found, for the JSON: each finding with the first date (ISO) it appears.
struct LookAheadJson {
  std::string until;
  size_t datesChecked = 0;
  bool skipped = false;  // the input has errors: nothing is concluded ahead
  std::vector<std::pair<std::string, Diagnostic>> coming;
};

/// The JSON form; with `verdicts`, also `norms` (each norm's verdict) and their count in `summary`;
/// with `ahead`, `look_ahead`.
void renderJson(llvm::raw_ostream &os, const std::vector<Diagnostic> &diags, const llvm::SourceMgr &sources,
                const std::vector<NormVerdict> &verdicts = {}, const LookAheadJson *ahead = nullptr);

/// What the machine formats say about a rule: a norm, or a compiler diagnostic.
struct RuleInfo {
  std::string id;
  std::string summary;      // one line: the norm's obligation, or the diagnostic's text
  std::string article;      // norms: `art3.1`
  std::string articleText;  // norms: the text of the article
  std::string link;         // norms: the official text
  Severity level = Severity::Error;
  std::optional<Verdict> verdict;  // norms that were checked: the verdict on them
  std::string verdictText;         // and that verdict in the output's language
};

/// SARIF 2.1.0: one run, one rule per entry of `rules` (every norm, and each
/// compiler diagnostic that occurs), covered findings as SARIF suppressions,
/// and for each norm without a finding one result of kind `pass`,
/// `notApplicable` or `open` (not evaluated); the verdict is a rule property.
void renderSarif(llvm::raw_ostream &os, const std::vector<Diagnostic> &diags, const llvm::SourceMgr &sources,
                 const std::vector<RuleInfo> &rules, const std::string &toolVersion);

/// GitHub Actions workflow commands (`::error file=…,line=…::message`).
void renderGithub(llvm::raw_ostream &os, const std::vector<Diagnostic> &diags, const llvm::SourceMgr &sources,
                  Language lang);

/// `--verify`: compares the diagnostics with the `// expect-error: code` comments
/// of the checked files. Prints every mismatch; returns true when all match.
bool verifyDiagnostics(llvm::raw_ostream &os, const std::vector<Diagnostic> &diags, const llvm::SourceMgr &sources,
                       const std::vector<unsigned> &checkedBuffers);

}  // namespace cio

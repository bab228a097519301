#include <algorithm>

#include "diagnostics/Render.h"
#include "llvm/Support/JSON.h"

namespace cio {

const char *severityName(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
  }
  return "";
}

static void putLocation(llvm::json::Object &o, const Location &loc) {
  o["file"] = loc.file;
  o["line"] = loc.line;
  o["column"] = loc.column;
  o["end_line"] = loc.endLine;
  o["end_column"] = loc.endColumn;
}

namespace {

llvm::json::Object diagnosticObject(const Diagnostic &d, const llvm::SourceMgr &sm) {
  llvm::json::Object o;
  o["severity"] = severityName(d.severity);
  o["code"] = d.code;
  o["message"] = d.message;
  if (!d.article.empty()) o["article"] = d.article;
  if (!d.subject.empty()) o["subject"] = d.subject;
  if (!d.coveredBy.empty()) o["suppressed_by"] = d.coveredBy;
  if (!d.help.empty()) o["help"] = d.help;
  if (d.range.valid())
    putLocation(o, locate(sm, d.range));
  else
    o["file"] = nullptr;
  llvm::json::Array notes;
  for (const DiagnosticNote &n : d.notes) {
    llvm::json::Object no;
    no["message"] = n.message;
    if (n.range.valid()) putLocation(no, locate(sm, n.range));
    notes.push_back(std::move(no));
  }
  o["notes"] = std::move(notes);
  llvm::json::Array fixits;
  for (const FixIt &f : d.fixits) {
    llvm::json::Object fo;
    putLocation(fo, locate(sm, f.range));
    fo["replacement"] = f.replacement;
    fixits.push_back(std::move(fo));
  }
  o["fixits"] = std::move(fixits);
  if (!d.fingerprint.empty()) o["fingerprint"] = d.fingerprint;
  if (d.baseline != Diagnostic::Baseline::None)
    o["baseline"] = d.baseline == Diagnostic::Baseline::New ? "new" : "unchanged";
  return o;
}

}  // namespace

void renderJson(llvm::raw_ostream &os, const std::vector<Diagnostic> &diags, const llvm::SourceMgr &sm,
                const std::vector<NormVerdict> &verdicts, const LookAheadJson *ahead) {
  llvm::json::Array list;
  size_t errors = 0, warnings = 0, covered = 0;
  for (const Diagnostic &d : diags) {
    list.push_back(diagnosticObject(d, sm));
    if (!d.coveredBy.empty())
      ++covered;
    else if (d.severity == Severity::Error)
      ++errors;
    else if (d.severity == Severity::Warning)
      ++warnings;
  }
  llvm::json::Object root;
  root["version"] = 1;
  root["diagnostics"] = std::move(list);
  // `suppressed` and `suppressed_by` are the keys of spec §9.
  llvm::json::Object summary{{"errors", errors}, {"warnings", warnings}, {"suppressed", covered}};
  if (!verdicts.empty()) {
    // Each norm's verdict (Verdict.h), by norm name, and how many have each.
    std::vector<NormVerdict> sorted = verdicts;
    std::sort(sorted.begin(), sorted.end(), [](const NormVerdict &a, const NormVerdict &b) { return a.norm < b.norm; });
    llvm::json::Array norms;
    llvm::json::Object counts;
    for (Verdict v : kVerdictOrder) counts[verdictKey(v)] = 0;
    for (const NormVerdict &v : sorted) {
      norms.push_back(llvm::json::Object{{"norm", v.norm}, {"article", v.article}, {"outcome", verdictKey(v.verdict)}});
      counts[verdictKey(v.verdict)] = *counts.getInteger(verdictKey(v.verdict)) + 1;
    }
    summary["norms"] = std::move(counts);
    root["norms"] = std::move(norms);
  }
  root["summary"] = std::move(summary);
  if (ahead) {
    llvm::json::Array coming;
    for (const auto &[date, d] : ahead->coming) {
      llvm::json::Object o = diagnosticObject(d, sm);
      o["date"] = date;
      coming.push_back(std::move(o));
    }
    root["look_ahead"] = llvm::json::Object{{"until", ahead->until},
                                            {"dates_checked", ahead->datesChecked},
                                            {"skipped", ahead->skipped},
                                            {"coming", std::move(coming)}};
  }
  os << llvm::formatv("{0:2}", llvm::json::Value(std::move(root))) << '\n';
}

}  // namespace cio

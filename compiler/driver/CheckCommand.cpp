#include <ctime>

#include "diagnostics/Render.h"
#include "driver/Commands.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include "norms/Evaluator.h"
#include "norms/NormChecker.h"
#include "sema/Sema.h"

namespace cio {

model::Date today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return *model::makeDate(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

int runCheck(const CheckOptions &opt) {
  Language lang = opt.lang == "en" ? Language::English : Language::Dutch;
  DiagnosticEngine diags(lang);
  llvm::SourceMgr sources;

  model::Date refDate = today();
  bool usageError = false;
  if (!opt.referenceDate.empty()) {
    if (auto d = model::parseDate(opt.referenceDate))
      refDate = *d;
    else {
      diags.report(DiagId::invalid_reference_date, {}, {opt.referenceDate});
      usageError = true;
    }
  }

  Workspace ws(sources, diags, opt.stdlibDir);
  std::vector<std::string> paths = opt.paths;
  if (paths.empty()) paths.push_back(".");
  for (const std::string &p : paths) ws.addPath(p);
  if (!usageError) {
    ws.load();
    model::Model model = analyze(ws, refDate, diags);
    size_t before = diags.errorCount();
    CompiledNorms norms = checkNorms(ws.files(), model.schema, diags);
    // Norms with type errors cannot be evaluated soundly; evaluate only a clean library.
    if (diags.errorCount() == before) evaluateNorms(norms, model, diags);
  }

  std::vector<Diagnostic> &all = diags.diagnostics();
  sortDiagnostics(all, sources);
  llvm::raw_ostream &out = llvm::outs();
  // Counts are taken before the cap, so the exit status still reflects every finding.
  size_t errors = diags.errorCount(), warnings = diags.warningCount();
  if (!opt.verify && opt.maxDiagnostics && all.size() > opt.maxDiagnostics) {
    size_t hidden = all.size() - opt.maxDiagnostics;
    all.resize(opt.maxDiagnostics);
    diags.report(DiagId::too_many_diagnostics, {}, {std::to_string(hidden), std::to_string(opt.maxDiagnostics)});
  }
  if (opt.verify) {
    std::vector<unsigned> checked;
    for (const LoadedFile &f : ws.files())
      if (!f.isLibrary) checked.push_back(f.ast.buffer);
    bool ok = verifyDiagnostics(out, all, sources, checked);
    if (!ok) renderText(out, all, sources, lang, false);
    return ok ? 0 : 1;
  }
  if (opt.format == "json")
    renderJson(out, all, sources);
  else
    renderText(out, all, sources, lang, out.has_colors() && llvm::sys::Process::StandardOutIsDisplayed());
  out.flush();

  if (usageError || ws.hadIoError()) return 2;
  if (errors > 0 || (opt.werror && warnings > 0)) return 1;
  return 0;
}

}  // namespace cio

#include "pipeline/Pipeline.h"

#include <sys/resource.h>

#include <chrono>
#include <ctime>

#include "diagnostics/Render.h"
#include "llvm/Support/raw_ostream.h"
#include "norms/Evaluator.h"
#include "norms/FindingText.h"
#include "norms/NormChecker.h"
#include "pipeline/Output.h"
#include "sema/Sema.h"

namespace cio {

model::Date today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return *model::makeDate(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

/// Whether two loads declare the same norms, constants, kinds, enums,
/// articles and libraries, so that the schema and the compiled norms are the
/// same, norm by norm: the same files in the same buffers, each one unchanged
/// (the parse cache gave the same syntax) or, before and after, declaring
/// only entities and using the same libraries.
static bool sameDeclarations(const std::vector<LoadedFile> &before, const std::vector<LoadedFile> &after) {
  if (before.size() != after.size()) return false;
  auto entitiesOnly = [](const ast::File &f) {
    return f.libraries.empty() && f.kinds.empty() && f.enums.empty() && f.constants.empty() && f.articles.empty() &&
           f.norms.empty();
  };
  for (size_t i = 0; i < before.size(); ++i) {
    const LoadedFile &a = before[i], &b = after[i];
    if (a.isLibrary != b.isLibrary || a.libraryName != b.libraryName || a.ast().path != b.ast().path ||
        a.ast().buffer != b.ast().buffer)
      return false;
    if (a.syntax == b.syntax) continue;
    if (!entitiesOnly(a.ast()) || !entitiesOnly(b.ast()) || a.ast().uses.size() != b.ast().uses.size()) return false;
    for (size_t u = 0; u < a.ast().uses.size(); ++u)
      if (a.ast().uses[u].library.str() != b.ast().uses[u].library.str()) return false;
  }
  return true;
}

void runPipeline(Pipeline &p, const PipelineOptions &opt) {
  model::Date refDate = today();
  if (!opt.referenceDate.empty()) {
    if (auto d = model::parseDate(opt.referenceDate))
      refDate = *d;
    else {
      p.diags.report(DiagId::invalid_reference_date, {}, {opt.referenceDate});
      p.usageError = true;
    }
  }
  p.workspace = std::make_unique<Workspace>(p.sources, p.diags, opt.stdlibDir);
  p.workspace->setParseCache(opt.cache);
  std::vector<std::string> paths = opt.paths;
  if (paths.empty() && opt.buffers.empty()) paths.push_back(".");
  for (const std::string &path : paths) p.workspace->addPath(path);
  for (const auto &[name, text] : opt.buffers) p.workspace->addBuffer(name, text);
  if (p.usageError) return;
  using Clock = std::chrono::steady_clock;
  Clock::time_point last = Clock::now();
  auto lap = [&](const char *phase) {
    Clock::time_point now = Clock::now();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    p.phases.push_back({phase, std::chrono::duration<double>(now - last).count(), usage.ru_maxrss});
    last = now;
  };
  p.workspace->load();
  lap("lezen en ontleden");
  // The language server's previous analysis is taken over where it still
  // holds: only when the schema and the norms are certainly the same, and
  // its messages are in the same language.
  const Pipeline *prev = opt.incremental ? opt.previous : nullptr;
  bool samePrevious = prev && prev->workspace && prev->diags.language() == p.diags.language() &&
                      sameDeclarations(prev->workspace->files(), p.workspace->files());
  if (samePrevious) {
    const std::vector<LoadedFile> &before = prev->workspace->files(), &now = p.workspace->files();
    p.unchangedFiles.assign(p.sources.getNumBuffers() + 1, false);
    for (size_t i = 0; i < now.size(); ++i) p.unchangedFiles[now[i].ast().buffer] = before[i].syntax == now[i].syntax;
  }
  PriorAnalysis priorAnalysis;
  if (samePrevious && !prev->semaMemo.fieldDiagnostics.empty())
    priorAnalysis = {&p.unchangedFiles, &prev->model, &prev->semaMemo};
  EntitiesLowered freeSyntax;
  if (opt.freeEntitySyntax) freeSyntax = [&](size_t file) { p.workspace->freeEntitySyntax(file); };
  p.model = analyze(p.workspace->files(), refDate, p.diags, opt.incremental ? &p.semaMemo : nullptr,
                    priorAnalysis.model ? &priorAnalysis : nullptr, freeSyntax);
  lap("semantische analyse");
  size_t before = p.diags.errorCount();
  p.norms = checkNorms(p.workspace->files(), p.model.schema, p.diags);
  lap("normen typeren");
  // Norms with type errors cannot be evaluated soundly; evaluate only a clean library.
  IncrementalEvaluation incremental;
  if (samePrevious && !prev->evaluation.runs.empty()) {
    incremental.priorNorms = &prev->norms;
    incremental.priorModel = &prev->model;
    incremental.prior = &prev->evaluation;
    if (priorAnalysis.model) incremental.sameFields = &p.semaMemo.takenOver;
  }
  if (p.diags.errorCount() == before)
    p.evaluation =
        evaluateNorms(p.norms, p.model, p.diags, opt.recordOutcomes, nullptr, opt.incremental ? &incremental : nullptr);
  lap("normen evalueren");
}

std::vector<Diagnostic> Pipeline::allDiagnostics() const {
  std::vector<Diagnostic> all = diags.diagnostics();
  for (Diagnostic &d : renderFindings(evaluation.findings, model, diags)) all.push_back(std::move(d));
  return all;
}

std::vector<NormVerdict> Pipeline::verdicts() const {
  std::vector<NormVerdict> out;
  for (const CompiledNorm &n : norms.norms) out.push_back({n.name, n.article, evaluation.verdict(&n)});
  return out;
}

static size_t countFindings(const std::vector<Finding> &findings, Severity s) {
  size_t n = 0;
  for (const Finding &f : findings) n += f.severity == s && !f.covered();
  return n;
}

size_t Pipeline::errorCount() const { return diags.errorCount() + countFindings(evaluation.findings, Severity::Error); }

size_t Pipeline::warningCount() const {
  return diags.warningCount() + countFindings(evaluation.findings, Severity::Warning);
}

size_t Pipeline::printCompilerErrors(Language lang) {
  std::vector<Diagnostic> errors;
  for (const Diagnostic &d : diags.diagnostics())
    if (d.severity == Severity::Error) errors.push_back(d);
  if (errors.empty()) return 0;
  sortDiagnostics(errors, sources);
  renderText(llvm::errs(), errors, sources, lang, false);
  return errors.size();
}

int Pipeline::finishOutput(const std::string &content, const std::string &output, bool failed, Language lang) {
  WriteError error;
  if (!failed) {
    if (output.empty())
      llvm::outs() << content;
    else if (!writeFileAtomically(output, content, error)) {
      reportWriteError(diags, output, error);
      failed = true;
    }
  }
  size_t problems = printCompilerErrors(lang);
  if (failed) return 2;
  return problems > 0 ? 1 : 0;
}

int Pipeline::exitStatus(bool werror) const {
  if (usageError || (workspace && workspace->hadIoError())) return 2;
  if (errorCount() > 0 || (werror && warningCount() > 0)) return 1;
  return 0;
}

}  // namespace cio

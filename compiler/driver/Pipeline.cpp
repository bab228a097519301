#include "driver/Pipeline.h"

#include "driver/Commands.h"
#include "norms/Evaluator.h"
#include "norms/NormChecker.h"
#include "sema/Sema.h"

namespace cio {

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
  std::vector<std::string> paths = opt.paths;
  if (paths.empty()) paths.push_back(".");
  for (const std::string &path : paths) p.workspace->addPath(path);
  if (p.usageError) return;
  p.workspace->load();
  p.model = analyze(*p.workspace, refDate, p.diags);
  size_t before = p.diags.errorCount();
  p.norms = checkNorms(p.workspace->files(), p.model.schema, p.diags);
  // Norms with type errors cannot be evaluated soundly; evaluate only a clean library.
  if (p.diags.errorCount() == before) p.evaluation = evaluateNorms(p.norms, p.model, p.diags, opt.recordOutcomes);
}

int Pipeline::exitStatus(bool werror) const {
  if (usageError || (workspace && workspace->hadIoError())) return 2;
  if (diags.errorCount() > 0 || (werror && diags.warningCount() > 0)) return 1;
  return 0;
}

}  // namespace cio

// `cioc export`: the resolved model as JSON, on stdout or to `-o FILE`.
#include "driver/Commands.h"
#include "llvm/Support/raw_ostream.h"
#include "pipeline/Pipeline.h"
#include "report/ModelJson.h"

namespace cio {

int runExport(const OutputOptions &opt) {
  Language lang = opt.lang == "en" ? Language::English : Language::Dutch;
  Pipeline p(lang);
  runPipeline(p, {opt.paths, opt.referenceDate, opt.stdlibDir});
  if (p.usageError || p.workspace->hadIoError()) {
    p.printCompilerErrors(lang);
    return 2;
  }
  std::string content;
  llvm::raw_string_ostream out(content);
  writeModelJson(out, p.model, p.sources);
  out.flush();
  return p.finishOutput(content, opt.output, false, lang);
}

}  // namespace cio

// `cioc graph`: the org chart of a workspace, as DOT (stdout or `-o x.dot`)
// or rendered in-process to SVG or PNG (`-o x.svg`, `-o x.png`).
#include "diagnostics/Render.h"
#include "driver/Commands.h"
#include "emit/GraphvizRender.h"
#include "emit/OrgChart.h"
#include "llvm/Support/raw_ostream.h"
#include "pipeline/Output.h"
#include "pipeline/Pipeline.h"
#include "sema/Sema.h"

namespace cio {

int runGraph(const GraphOptions &opt) {
  Language lang = opt.lang == "en" ? Language::English : Language::Dutch;
  Pipeline p(lang);
  PipelineOptions po{opt.paths, opt.referenceDate, opt.stdlibDir};
  po.recordOutcomes = true;  // the overview colours each ministry by its verdict
  runPipeline(p, po);
  std::string format = opt.output.empty() ? "dot" : extensionOf(opt.output);
  bool failed = p.usageError || p.workspace->hadIoError();
  if (format != "dot" && format != "gv" && format != "svg" && format != "png") {
    p.diags.report(DiagId::graph_unknown_format, {}, {format});
    failed = true;
  }
  OrgChart chart;
  ChartLinks links{!opt.reportLink.empty(), opt.reportLink};
  // Several ministries: one box each, unless a focus or everything was asked for.
  bool overview = !failed && opt.focus.empty() && !opt.full &&
                  buildOverviewChart(p.model, p.evaluation.findings, judgeUnits(p.model, p.evaluation), chart, links);
  if (!failed && !overview && !buildOrgChart(p.model, p.evaluation.findings, opt.focus, chart, links)) {
    Diagnostic &d = p.diags.report(DiagId::graph_unknown_focus, {}, {opt.focus});
    std::vector<std::string> names = chartFocusNames(p.model);
    // A name several organisations share: the paths that end in it.
    std::string among;
    for (const std::string &n : names)
      if (llvm::StringRef(n).endswith("." + opt.focus)) among += (among.empty() ? "" : "`, `") + n;
    if (among.empty()) among = closestName(opt.focus, names);
    if (!among.empty()) p.diags.setHelp(d, DiagId::help_did_you_mean, {among});
    failed = true;
  }
  std::string content, error;
  if (!failed) {
    llvm::raw_string_ostream dot(content);
    writeDot(dot, chart, p.diags);
    dot.flush();
    if ((format == "svg" || format == "png") && !renderGraphviz(std::string(content), format, content, error)) {
      p.diags.report(DiagId::graph_render_failed, {}, {error});
      failed = true;
    }
  }
  return p.finishOutput(content, opt.output, failed, lang);
}

}  // namespace cio

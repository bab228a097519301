// `cioc report`: the compliance report as HTML (with the org chart inline),
// Markdown (stdout by default) or JSON.
#include "diagnostics/Render.h"
#include "driver/Commands.h"
#include "emit/GraphvizRender.h"
#include "emit/OrgChart.h"
#include "llvm/Support/raw_ostream.h"
#include "pipeline/Output.h"
#include "pipeline/Pipeline.h"
#include "report/Report.h"

namespace cio {

int runReport(const ReportOptions &opt) {
  Language lang = opt.lang == "en" ? Language::English : Language::Dutch;
  Pipeline p(lang);
  PipelineOptions po{opt.paths, opt.referenceDate, opt.stdlibDir};
  po.recordOutcomes = true;
  runPipeline(p, po);
  std::string format = opt.output.empty() ? "md" : extensionOf(opt.output);
  if (format == "htm") format = "html";
  bool failed = p.usageError || p.workspace->hadIoError();
  if (format != "html" && format != "md" && format != "json") {
    p.diags.report(DiagId::report_unknown_format, {}, {format});
    failed = true;
  }
  std::vector<Diagnostic> all = p.allDiagnostics();
  sortDiagnostics(all, p.sources);

  std::string content, error;
  if (!failed) {
    Report report = buildReport(p.model, p.workspace->files(), p.evaluation, all, p.sources, CIOC_VERSION);
    if (format == "html") {
      OrgChart chart;
      buildOrgChart(p.model, p.evaluation.findings, "", chart);
      std::string dot, svg;
      llvm::raw_string_ostream dotStream(dot);
      writeDot(dotStream, chart, p.diags);
      dotStream.flush();
      if (renderGraphviz(dot, "svg", svg, error)) {
        // Inline: drop the XML prolog and doctype, keep the <svg> element.
        size_t start = svg.find("<svg");
        report.orgChartSvg = start == std::string::npos ? "" : svg.substr(start);
      }
    }
    llvm::raw_string_ostream out(content);
    if (format == "json")
      writeReportJson(out, report, p.diags);
    else if (format == "md")
      writeReportMarkdown(out, report, p.diags);
    else
      writeReportHtml(out, report, p.diags);
    out.flush();
  }
  return p.finishOutput(content, opt.output, failed, lang);
}

}  // namespace cio

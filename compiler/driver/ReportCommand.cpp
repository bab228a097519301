// `cioc report`: the compliance report as HTML (with the org chart inline),
// Markdown (stdout by default) or JSON.
#include "diagnostics/Render.h"
#include "driver/Commands.h"
#include "emit/GraphvizRender.h"
#include "emit/OrgChart.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "norms/UnitVerdicts.h"
#include "pipeline/LookAhead.h"
#include "pipeline/Output.h"
#include "pipeline/Pipeline.h"
#include "report/Report.h"

namespace cio {

namespace {

/// The chart as an inline SVG element (no XML prolog or doctype); "" when Graphviz fails.
std::string svgOf(const OrgChart &chart, const DiagnosticEngine &labels) {
  std::string dot, svg, error;
  llvm::raw_string_ostream dotStream(dot);
  writeDot(dotStream, chart, labels);
  dotStream.flush();
  if (!renderGraphviz(dot, "svg", svg, error)) return "";
  size_t start = svg.find("<svg");
  return start == std::string::npos ? "" : svg.substr(start);
}

/// The relative path from the folder the report is written to (the working
/// folder for stdout) to the workspace's root, ending in `/` (or "").
std::string linkFromOutput(const std::string &output, const std::string &root) {
  llvm::SmallString<256> from(output.empty() ? "." : output);
  llvm::sys::fs::make_absolute(from);
  if (!output.empty()) llvm::sys::path::remove_filename(from);
  llvm::sys::path::remove_dots(from, true);
  std::vector<std::string> a, b;
  for (auto it = llvm::sys::path::begin(from), end = llvm::sys::path::end(from); it != end; ++it)
    if (*it != "/") a.push_back(std::string(*it));
  for (auto it = llvm::sys::path::begin(root), end = llvm::sys::path::end(root); it != end; ++it)
    if (*it != "/") b.push_back(std::string(*it));
  size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  std::string out;
  for (size_t i = common; i < a.size(); ++i) out += "../";
  for (size_t i = common; i < b.size(); ++i) out += b[i] + "/";
  return out;
}

}  // namespace

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

  std::optional<model::Date> until;
  if (!failed && !(until = lookAheadUntil(opt.lookAhead, p.model.referenceDate))) {
    p.diags.report(DiagId::invalid_lookahead, {}, {opt.lookAhead});
    failed = true;
  }
  std::string content, error;
  if (!failed) {
    LookAheadFound found;
    found.until = *until;
    found.skipped = p.diags.errorCount() > 0;  // nothing is concluded ahead from input with errors
    if (!found.skipped) {
      LookAhead ahead = lookAhead(p, *until);
      found.datesChecked = ahead.datesChecked;
      for (LookAhead::Coming &c : ahead.coming) found.coming.push_back({c.date, std::move(c.finding)});
    }
    std::vector<UnitVerdict> units = judgeUnits(p.model, p.evaluation);
    Report report =
        buildReport(p.model, p.workspace->files(), p.evaluation, all, p.sources, CIOC_VERSION, units, &found);
    report.sourcePrefix = linkFromOutput(opt.output, report.workspaceRoot);
    if (format == "html") {
      // The overview of the ministries with a chart per ministry in its own
      // section, or, for one organisation, its chart.
      ChartLinks links{true, ""};
      OrgChart chart;
      if (buildOverviewChart(p.model, p.evaluation.findings, units, chart, links)) {
        // Each ministry's own chart shows it alone: the overview shows what links them.
        ChartLinks alone = links;
        alone.neighbours = false;
        for (Report::Unit &u : report.units) {
          OrgChart own;
          if (!buildOrgChart(p.model, p.evaluation.findings, u.entity, own, alone)) continue;
          own.id = "chart-" + u.anchor;  // Graphviz prefixes the ids inside with it: no id twice in the page
          u.chartSvg = svgOf(own, p.diags);
        }
      } else {
        buildOrgChart(p.model, p.evaluation.findings, "", chart, links);
      }
      chart.id = "chart";
      report.orgChartSvg = svgOf(chart, p.diags);
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

#include <algorithm>
#include <ctime>
#include <set>

#include "diagnostics/Render.h"
#include "driver/Commands.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include "norms/Evaluator.h"
#include "norms/FindingText.h"
#include "norms/NormChecker.h"
#include "norms/NormDoc.h"
#include "pipeline/Baseline.h"
#include "pipeline/Config.h"
#include "pipeline/LookAhead.h"
#include "pipeline/Output.h"
#include "pipeline/Pipeline.h"
#include "sema/Sema.h"

namespace cio {

/// The rules the machine formats describe: every norm (with its article's
/// text and official link), then each compiler diagnostic that occurs.
static std::vector<RuleInfo> ruleCatalog(const CompiledNorms &norms, const model::Schema &schema,
                                         const std::vector<Diagnostic> &diags, const Evaluation &evaluation,
                                         Language lang) {
  std::vector<RuleInfo> rules;
  std::set<std::string> seen;
  for (const CompiledNorm &n : norms.norms) {
    if (!seen.insert(n.name).second) continue;
    RuleInfo r;
    r.id = n.name;
    r.verdict = evaluation.verdict(&n);
    r.verdictText = verdictWord(*r.verdict, lang);
    r.summary = docSummary(n.doc);
    if (r.summary.empty())
      for (const TemplatePart &part : n.message) r.summary += part.slot == TemplatePart::kNoHole ? part.text : "…";
    r.article = n.article;
    r.level = n.severity;
    if (auto a = schema.articles.find(r.article); a != schema.articles.end()) {
      r.articleText = a->second.text;
      if (const model::Library *lib = libraryOfArticle(schema, r.article)) r.link = articleLink(*lib, r.article);
    }
    rules.push_back(std::move(r));
  }
  for (const Diagnostic &d : diags) {
    if (!seen.insert(d.code).second) continue;
    for (const DiagKindInfo &k : allDiagKinds())
      if (k.name == d.code) {
        RuleInfo r;
        r.id = d.code;
        r.level = k.severity;
        // The table's text with its holes shown as an ellipsis.
        std::string_view text = lang == Language::Dutch ? k.dutch : k.english;
        for (size_t i = 0; i < text.size(); ++i) {
          if (text[i] == '{' && i + 2 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1])) &&
              text[i + 2] == '}') {
            r.summary += "…";
            i += 2;
          } else {
            r.summary += text[i];
          }
        }
        rules.push_back(std::move(r));
      }
  }
  return rules;
}

/// Every code a level may name: the compiler's diagnostics and the norms.
static std::vector<std::string> knownCodes(const CompiledNorms &norms) {
  std::vector<std::string> codes;
  for (const DiagKindInfo &k : allDiagKinds()) codes.emplace_back(k.name);
  for (const CompiledNorm &n : norms.norms) codes.push_back(n.name);
  return codes;
}

/// What `check` and `baseline` share: the configuration (cioc.toml, nearest
/// above the first input; the command line beats it), the pipeline, and the
/// diagnostics weighed by the levels, sorted.
static std::vector<Diagnostic> checkedDiagnostics(CheckOptions &opt, Pipeline &p, Config &config) {
  if (std::string path = findConfig(opt.paths.empty() ? "." : opt.paths.front()); !path.empty())
    config = readConfig(path, p.sources, p.diags);
  if (opt.referenceDate.empty()) opt.referenceDate = config.referenceDate;
  if (!opt.langGiven && !config.lang.empty()) opt.lang = config.lang;
  if (!opt.werrorGiven && config.werror) opt.werror = *config.werror;
  if (!opt.stdlibGiven && !config.stdlibDir.empty()) opt.stdlibDir = config.stdlibDir;
  if (opt.baseline.empty()) opt.baseline = config.baseline;
  overrideLevels(config, opt.allow, Level::Allow);
  overrideLevels(config, opt.warn, Level::Warn);
  overrideLevels(config, opt.deny, Level::Deny);
  p.diags.setLanguage(opt.lang == "en" ? Language::English : Language::Dutch);
  PipelineOptions po{opt.paths, opt.referenceDate, opt.stdlibDir};
  po.freeEntitySyntax = opt.lookAhead.empty();  // the look-ahead analyses the files again
  runPipeline(p, po);
  std::vector<Diagnostic> all = p.allDiagnostics();
  applyLevels(all, config, knownCodes(p.norms), p.diags);
  sortDiagnostics(all, p.sources);
  return all;
}

static bool badConfiguration(const std::vector<Diagnostic> &all) {
  return std::any_of(all.begin(), all.end(), [](const Diagnostic &d) { return d.code.rfind("config_", 0) == 0; });
}

static std::string folderOf(const std::string &path) {
  llvm::SmallString<256> dir(path);
  llvm::sys::fs::make_absolute(dir);
  llvm::sys::path::remove_filename(dir);
  return std::string(dir);
}

int runBaseline(const CheckOptions &given) {
  CheckOptions opt = given;
  Pipeline p(opt.lang == "en" ? Language::English : Language::Dutch);
  Config config;
  std::vector<Diagnostic> all = checkedDiagnostics(opt, p, config);
  if (opt.output.empty()) {
    llvm::errs() << "cioc baseline: geef het bestand met -o, bijvoorbeeld `cioc baseline -o cioc-baseline.json`\n";
    return 2;
  }
  fingerprintDiagnostics(all, p.sources, folderOf(opt.output));
  size_t recorded = std::count_if(all.begin(), all.end(), [](const Diagnostic &d) { return !d.fingerprint.empty(); });
  if (badConfiguration(all) || p.usageError || p.workspace->hadIoError()) {
    renderText(llvm::errs(), all, p.sources, p.diags.language(), false);
    return 2;
  }
  WriteError error;
  if (!writeFileAtomically(opt.output, baselineJson(all, CIOC_VERSION), error)) {
    reportWriteError(p.diags, opt.output, error);
    p.printCompilerErrors(p.diags.language());
    return 2;
  }
  llvm::errs() << (recorded == 1 ? p.diags.text(DiagId::baseline_written_one, {opt.output})
                                 : p.diags.text(DiagId::baseline_written, {std::to_string(recorded), opt.output}))
               << '\n';
  return 0;
}

/// `--vooruit`: the findings that will appear before the end of the span, by date.
/// Nothing is concluded ahead from data with errors: then the section says so.
static void printLookAhead(llvm::raw_ostream &out, const Pipeline &p, const std::string &span) {
  const DiagnosticEngine &diags = p.diags;
  model::Date until = *lookAheadUntil(span, p.model.referenceDate);
  out << '\n';
  if (p.diags.errorCount() > 0 || p.usageError) {
    out << diags.text(DiagId::label_lookahead_skipped) << '\n';
    return;
  }
  LookAhead ahead = lookAhead(p, until);
  out << diags.text(DiagId::label_lookahead,
                    {model::formatDate(until), std::to_string(ahead.datesChecked), std::to_string(ahead.coming.size())})
      << '\n';
  for (const model::Library &lib : p.model.schema.libraries)
    if (lib.ended && *lib.ended > p.model.referenceDate && *lib.ended <= until)
      out << diags.text(DiagId::label_lookahead_lapses, {lib.title, model::formatDate(*lib.ended)}) << '\n';
  for (const LookAhead::Coming &c : ahead.coming) {
    Location loc = locate(p.sources, c.finding.range);
    out << "  " << model::formatDate(c.date) << "  " << severityWord(c.finding.severity, diags.language()) << '['
        << c.finding.code << "]: " << c.finding.message << "  (" << loc.file << ':' << loc.line << ")\n";
  }
}

int runCheck(const CheckOptions &given) {
  CheckOptions opt = given;
  if (!opt.lookAhead.empty() && !lookAheadUntil(opt.lookAhead, 0)) {
    DiagnosticEngine diags(opt.lang == "en" ? Language::English : Language::Dutch);
    diags.report(DiagId::invalid_lookahead, {}, {opt.lookAhead});
    llvm::SourceMgr none;
    renderText(llvm::errs(), diags.diagnostics(), none, diags.language(), false);
    return 2;
  }
  Pipeline p(opt.lang == "en" ? Language::English : Language::Dutch);
  Config config;
  std::vector<Diagnostic> all = checkedDiagnostics(opt, p, config);
  Language lang = p.diags.language();
  DiagnosticEngine &diags = p.diags;
  llvm::SourceMgr &sources = p.sources;
  // With a baseline, what it records is known and neither shown as new nor counted.
  size_t known = 0;
  bool baselineOk = true;
  if (!opt.baseline.empty()) {
    fingerprintDiagnostics(all, sources, folderOf(opt.baseline));
    std::map<std::string, size_t> baseline = readBaseline(opt.baseline, diags, baselineOk);
    if (baselineOk)
      known = compareWithBaseline(all, std::move(baseline));
    else
      all.push_back(diags.diagnostics().back());
  } else if (opt.format == "sarif") {
    // SARIF carries them, baseline or not: relative to the workspace root (the
    // configuration's folder, else the first input), not to the working directory.
    std::string input = opt.paths.empty() ? "." : opt.paths.front();
    fingerprintDiagnostics(all, sources,
                           !config.path.empty()                 ? folderOf(config.path)
                           : llvm::sys::fs::is_directory(input) ? input
                                                                : folderOf(input));
  }
  llvm::raw_ostream &out = llvm::outs();
  // Counts are taken after the levels and before the cap, so the exit status
  // reflects every finding as the configuration weighs it.
  size_t errors = 0, warnings = 0;
  for (const Diagnostic &d : all)
    if (d.coveredBy.empty() && d.baseline != Diagnostic::Baseline::Unchanged) {
      errors += d.severity == Severity::Error;
      warnings += d.severity == Severity::Warning;
    }
  // People and annotations see what is new; JSON and SARIF keep the known ones, marked.
  if (known > 0 && (opt.format == "text" || opt.format == "github"))
    all.erase(std::remove_if(all.begin(), all.end(),
                             [](const Diagnostic &d) { return d.baseline == Diagnostic::Baseline::Unchanged; }),
              all.end());
  if (!opt.verify && opt.maxDiagnostics && all.size() > opt.maxDiagnostics) {
    size_t hidden = all.size() - opt.maxDiagnostics;
    all.resize(opt.maxDiagnostics);
    all.push_back(
        diags.report(DiagId::too_many_diagnostics, {}, {std::to_string(hidden), std::to_string(opt.maxDiagnostics)}));
  }
  if (opt.verify) {
    std::vector<unsigned> checked;
    for (const LoadedFile &f : p.workspace->files())
      if (!f.isLibrary) checked.push_back(f.ast().buffer);
    bool ok = verifyDiagnostics(out, all, sources, checked);
    if (!ok) renderText(out, all, sources, lang, false);
    return ok ? 0 : 1;
  }
  if (opt.format == "json") {
    LookAheadJson ahead;
    if (!opt.lookAhead.empty()) {
      model::Date until = *lookAheadUntil(opt.lookAhead, p.model.referenceDate);
      ahead.until = model::formatDate(until);
      ahead.skipped = p.diags.errorCount() > 0 || p.usageError;  // nothing concluded ahead from errors
      if (!ahead.skipped) {
        LookAhead found = lookAhead(p, until);
        ahead.datesChecked = found.datesChecked;
        for (LookAhead::Coming &c : found.coming)
          ahead.coming.push_back({model::formatDate(c.date), std::move(c.finding)});
      }
    }
    renderJson(out, all, sources, p.verdicts(), opt.lookAhead.empty() ? nullptr : &ahead);
  } else if (opt.format == "sarif")
    renderSarif(out, all, sources, ruleCatalog(p.norms, p.model.schema, all, p.evaluation, lang), CIOC_VERSION);
  else if (opt.format == "github")
    renderGithub(out, all, sources, lang);
  else
    renderText(out, all, sources, lang, out.has_colors() && llvm::sys::Process::StandardOutIsDisplayed(), p.verdicts());
  if (known > 0 && opt.format == "text")
    out << (known == 1 ? diags.text(DiagId::baseline_known_one)
                       : diags.text(DiagId::baseline_known, {std::to_string(known)}))
        << '\n';
  if (!opt.lookAhead.empty() && opt.format == "text") printLookAhead(out, p, opt.lookAhead);
  out.flush();
  if (opt.timings) {
    for (const Pipeline::Phase &phase : p.phases)
      llvm::errs() << llvm::format("%-22s %8.1f ms  piekgeheugen %6ld KiB\n", phase.name, phase.seconds * 1000,
                                   phase.peakKiB);
  }

  // A configuration or baseline that cannot be read as written is a usage error, as a bad option is.
  if (p.usageError || p.workspace->hadIoError() || badConfiguration(all) || !baselineOk) return 2;
  if (errors > 0 || (opt.werror && warnings > 0)) return 1;
  return 0;
}

}  // namespace cio

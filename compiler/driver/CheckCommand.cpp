#include <algorithm>
#include <ctime>
#include <set>

#include "diagnostics/Render.h"
#include "driver/Commands.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include "norms/Evaluator.h"
#include "norms/FindingText.h"
#include "norms/NormChecker.h"
#include "norms/NormDoc.h"
#include "pipeline/Config.h"
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

int runCheck(const CheckOptions &given) {
  CheckOptions opt = given;
  // cioc.toml, nearest above the first input; the command line beats it.
  Pipeline p(opt.lang == "en" ? Language::English : Language::Dutch);
  Config config;
  if (std::string path = findConfig(opt.paths.empty() ? "." : opt.paths.front()); !path.empty())
    config = readConfig(path, p.sources, p.diags);
  if (opt.referenceDate.empty()) opt.referenceDate = config.referenceDate;
  if (!opt.langGiven && !config.lang.empty()) opt.lang = config.lang;
  if (!opt.werrorGiven && config.werror) opt.werror = *config.werror;
  if (!opt.stdlibGiven && !config.stdlibDir.empty()) opt.stdlibDir = config.stdlibDir;
  overrideLevels(config, opt.allow, Level::Allow);
  overrideLevels(config, opt.warn, Level::Warn);
  overrideLevels(config, opt.deny, Level::Deny);
  Language lang = opt.lang == "en" ? Language::English : Language::Dutch;
  p.diags.setLanguage(lang);
  runPipeline(p, {opt.paths, opt.referenceDate, opt.stdlibDir});
  DiagnosticEngine &diags = p.diags;
  llvm::SourceMgr &sources = p.sources;

  std::vector<Diagnostic> all = p.allDiagnostics();
  applyLevels(all, config, knownCodes(p.norms), diags);
  sortDiagnostics(all, sources);
  llvm::raw_ostream &out = llvm::outs();
  // Counts are taken after the levels and before the cap, so the exit status
  // reflects every finding as the configuration weighs it.
  size_t errors = 0, warnings = 0;
  for (const Diagnostic &d : all)
    if (d.coveredBy.empty()) {
      errors += d.severity == Severity::Error;
      warnings += d.severity == Severity::Warning;
    }
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
  if (opt.format == "json")
    renderJson(out, all, sources, p.verdicts());
  else if (opt.format == "sarif")
    renderSarif(out, all, sources, ruleCatalog(p.norms, p.model.schema, all, p.evaluation, lang), CIOC_VERSION);
  else if (opt.format == "github")
    renderGithub(out, all, sources, lang);
  else
    renderText(out, all, sources, lang, out.has_colors() && llvm::sys::Process::StandardOutIsDisplayed(),
               p.verdicts());
  out.flush();
  if (opt.timings) {
    for (const Pipeline::Phase &phase : p.phases)
      llvm::errs() << llvm::format("%-22s %8.1f ms  piekgeheugen %6ld KiB\n", phase.name, phase.seconds * 1000,
                                   phase.peakKiB);
  }

  // A configuration that cannot be read as written is a usage error, as a bad option is.
  bool badConfig = std::any_of(all.begin(), all.end(), [](const Diagnostic &d) { return d.code.rfind("config_", 0) == 0; });
  if (p.usageError || p.workspace->hadIoError() || badConfig) return 2;
  if (errors > 0 || (opt.werror && warnings > 0)) return 1;
  return 0;
}

}  // namespace cio

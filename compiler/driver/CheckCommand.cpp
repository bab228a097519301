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

int runCheck(const CheckOptions &opt) {
  Language lang = opt.lang == "en" ? Language::English : Language::Dutch;
  Pipeline p(lang);
  runPipeline(p, {opt.paths, opt.referenceDate, opt.stdlibDir});
  DiagnosticEngine &diags = p.diags;
  llvm::SourceMgr &sources = p.sources;

  std::vector<Diagnostic> all = p.allDiagnostics();
  sortDiagnostics(all, sources);
  llvm::raw_ostream &out = llvm::outs();
  // Counts are taken before the cap, so the exit status still reflects every finding.
  size_t errors = p.errorCount(), warnings = p.warningCount();
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

  if (p.usageError || p.workspace->hadIoError()) return 2;
  if (errors > 0 || (opt.werror && warnings > 0)) return 1;
  return 0;
}

}  // namespace cio

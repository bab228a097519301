// `cioc test`, like `opa test`: the workspace's own norms (house rules) run
// against fixtures, small systems in files named `NAAM.toets.cio` that state
// in comments which findings of those norms they must give:
//
//   dienstonderdeel D { ict_budget = 80 mln; }   // verwacht: eigen_cio_boven_budgetgrens
//   // verwacht@+1: groot_project_heeft_eigenaar   (on the next line)
//   // peildatum: 2025-06-01                       (the fixture's reference date)
//
// Each fixture is checked on its own, with every workspace file that declares
// no entity (the house rules, their constants and kinds) and the libraries
// they use: the workspace's own ministry files do not take part. A fixture
// passes when the house-rule findings on its lines are exactly the expected
// ones (library findings are not its business) and it has no compiler error.
// The report is per norm: in how many fixtures it was violated and satisfied,
// and the coverage of its branches (BranchCoverage.h), with each decision
// that was never true or never false.
#include <map>
#include <regex>
#include <set>

#include "diagnostics/Printable.h"
#include "diagnostics/Render.h"
#include "driver/Commands.h"
#include "llvm/Support/raw_ostream.h"
#include "norms/BranchCoverage.h"
#include "norms/Evaluator.h"
#include "norms/FindingText.h"
#include "norms/NormChecker.h"
#include "pipeline/Pipeline.h"
#include "pipeline/SourceFiles.h"
#include "sema/Sema.h"

namespace cio {

namespace {

struct Expectation {
  unsigned line;
  std::string norm;
  SourceRange range;  // of the name in the comment
};

/// The `verwacht:` comments of a fixture, and its `peildatum:` if it has one.
std::vector<Expectation> expectations(llvm::StringRef text, unsigned buffer, std::string &referenceDate) {
  static const std::regex expect(R"(verwacht(?:@([+-]?[0-9]+))?:\s*([A-Za-z0-9_]+(?:\s*,\s*[A-Za-z0-9_]+)*))");
  static const std::regex date(R"(^\s*//\s*peildatum:\s*(\S+))");
  static const std::regex name(R"([A-Za-z0-9_]+)");
  std::vector<Expectation> out;
  unsigned lineNo = 0;
  size_t offset = 0;
  while (offset <= text.size()) {
    size_t nl = text.find('\n', offset);
    if (nl == llvm::StringRef::npos) nl = text.size();
    std::string line = text.substr(offset, nl - offset).str();
    ++lineNo;
    std::smatch m;
    if (std::regex_search(line, m, date)) referenceDate = m[1].str();
    size_t comment = line.find("//");
    if (comment != std::string::npos)
      for (std::sregex_iterator it(line.begin() + comment, line.end(), expect), end; it != end; ++it) {
        const std::smatch &e = *it;
        unsigned target = lineNo;
        if (e[1].matched) target = unsigned(int(lineNo) + std::stoi(e[1].str()));
        size_t namesAt = comment + e.position(2);
        std::string names = e[2].str();
        for (std::sregex_iterator n(names.begin(), names.end(), name), nend; n != nend; ++n) {
          uint32_t begin = uint32_t(offset + namesAt + n->position(0));
          out.push_back({target, n->str(), SourceRange{buffer, begin, uint32_t(begin + n->length())}});
        }
      }
    offset = nl + 1;
  }
  return out;
}

/// What the fixtures together say about one norm.
struct NormReport {
  std::string articleText;
  unsigned fixtures = 0;             // the fixtures in which it applied to something
  unsigned holds = 0, violated = 0;  // its bindings, over all fixtures
  // Per decision (in the norm's order): the outcomes seen, and where it is written.
  std::vector<uint8_t> seen;
  std::vector<std::string> where, text;
};

std::string sourceOf(const llvm::SourceMgr &sm, SourceRange r) {
  if (!r.valid()) return "";
  llvm::StringRef buf = sm.getMemoryBuffer(r.buffer)->getBuffer();
  std::string s = buf.substr(r.begin, r.end - r.begin).str();
  for (char &c : s)
    if (c == '\n' || c == '\t') c = ' ';
  std::string squeezed;
  for (char c : s)
    if (!(c == ' ' && !squeezed.empty() && squeezed.back() == ' ')) squeezed += c;
  return squeezed.size() > 80 ? squeezed.substr(0, 77) + "…" : squeezed;
}

std::string percent(size_t part, size_t whole) {
  return std::to_string(whole == 0 ? 100 : (part * 100 + whole / 2) / whole) + "%";
}

}  // namespace

int runTest(const TestOptions &opt) {
  Language lang = opt.lang == "en" ? Language::English : Language::Dutch;
  DiagnosticEngine diags(lang);
  llvm::SourceMgr sources;
  std::vector<std::string> paths = opt.paths.empty() ? std::vector<std::string>{"."} : opt.paths;

  // The workspace once, to find the files a fixture runs with and the norms under test.
  DiagnosticEngine loadDiags(lang);
  Workspace ws(sources, loadDiags, opt.stdlibDir);
  SourceFiles fixtures = findSourceFiles(paths, /*recursive=*/true, Walk::Fixtures);
  for (const std::string &p : paths)
    if (!isFixture(p)) ws.addPath(p);
  ws.load();
  std::vector<std::string> ruleFiles;
  std::set<std::string> tested;
  std::vector<std::pair<std::string, std::string>> untestable;  // norm, file
  for (const LoadedFile &f : ws.files()) {
    if (f.isLibrary) continue;
    if (f.ast().entities().empty()) {
      ruleFiles.push_back(f.ast().path);
      for (const ast::NormDecl &n : f.ast().norms) tested.insert(n.name.text);
    } else {
      for (const ast::NormDecl &n : f.ast().norms) untestable.emplace_back(n.name.text, f.ast().path);
    }
  }
  if (tested.empty() || fixtures.files.empty()) {
    std::string where;
    for (const std::string &p : paths) where += (where.empty() ? "" : ", ") + p;
    diags.report(tested.empty() ? DiagId::test_no_norms : DiagId::test_no_fixtures, {}, {where});
    renderText(llvm::errs(), diags.diagnostics(), sources, lang, false);
    return 2;
  }

  std::vector<std::string> known(tested.begin(), tested.end());  // for a misspelt norm in `verwacht`
  std::map<std::string, NormReport> norms;
  for (const std::string &n : tested) norms[n];
  unsigned passed = 0, failed = 0;
  std::string out;
  llvm::raw_string_ostream os(out);
  for (const std::string &fixture : fixtures.files) {
    DiagnosticEngine inner(lang);
    llvm::SourceMgr innerSources;
    Workspace fws(innerSources, inner, opt.stdlibDir);
    for (const std::string &r : ruleFiles) fws.addPath(r);
    fws.addPath(fixture);
    fws.load();
    unsigned fixtureBuffer = 0;
    for (const LoadedFile &f : fws.files())
      if (f.ast().path == fixture) fixtureBuffer = f.ast().buffer;
    std::string dateText = opt.referenceDate;
    std::vector<Expectation> expected;
    if (fixtureBuffer)
      expected = expectations(innerSources.getMemoryBuffer(fixtureBuffer)->getBuffer(), fixtureBuffer, dateText);
    model::Date refDate = today();
    if (!dateText.empty()) {
      if (auto d = model::parseDate(dateText))
        refDate = *d;
      else
        inner.report(DiagId::invalid_reference_date, {}, {dateText});
    }
    for (const Expectation &e : expected)
      if (!tested.count(e.norm)) {
        Diagnostic &d = inner.report(DiagId::test_unknown_norm, e.range, {e.norm});
        if (std::string s = closestName(e.norm, known); !s.empty()) inner.suggest(d, s);
      }
    model::Model model = analyze(fws.files(), refDate, inner);
    CompiledNorms compiled = checkNorms(fws.files(), model.schema, inner);
    BranchCoverage coverage;
    coverage.prepare(compiled, tested);
    Evaluation evaluation;
    std::vector<Diagnostic> errors;
    for (const Diagnostic &d : inner.diagnostics())
      if (d.severity == Severity::Error) errors.push_back(d);
    std::vector<std::string> problems;
    if (errors.empty()) {
      evaluation = evaluateNorms(compiled, model, inner, false, &coverage);
      std::multiset<std::pair<unsigned, std::string>> want;
      for (const Expectation &e : expected) want.insert({e.line, e.norm});
      std::vector<std::pair<unsigned, const Finding *>> got;
      for (const Finding &f : evaluation.findings) {
        if (!tested.count(f.norm->name) || f.covered()) continue;
        Location loc = locate(innerSources, f.anchor);
        if (f.anchor.buffer != fixtureBuffer) continue;
        got.push_back({loc.line, &f});
      }
      for (const auto &[line, f] : got) {
        auto it = want.find({line, f->norm->name});
        if (it != want.end()) {
          want.erase(it);
          continue;
        }
        problems.push_back(diags.text(DiagId::label_test_unexpected, {std::to_string(line), f->norm->name,
                                                                      fillTemplate(f->norm->message, *f, model)}));
      }
      for (const auto &[line, norm] : want)
        problems.push_back(diags.text(DiagId::label_test_missing, {std::to_string(line), norm}));
      // What this fixture says about each norm.
      for (const CompiledNorm &n : compiled.norms) {
        if (!tested.count(n.name)) continue;
        NormReport &r = norms[n.name];
        r.articleText = n.article;
        auto t = evaluation.tallies.find(&n);
        if (t != evaluation.tallies.end()) {
          r.fixtures += t->second.holds + t->second.violated > 0;
          r.holds += t->second.holds;
          r.violated += t->second.violated;
        }
      }
      for (const BranchCoverage::Decision &d : coverage.decisions) {
        NormReport &r = norms[d.norm->name];
        if (r.seen.size() <= d.index) {
          r.seen.resize(d.index + 1, 0);
          r.where.resize(d.index + 1);
          r.text.resize(d.index + 1);
        }
        r.seen[d.index] |= d.seen;
        if (r.where[d.index].empty()) {
          Location loc = locate(innerSources, d.range);
          r.where[d.index] = loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
          r.text[d.index] = sourceOf(innerSources, d.range);
        }
      }
    }
    bool ok = errors.empty() && problems.empty();
    ++(ok ? passed : failed);
    os << diags.text(ok ? DiagId::label_test_passed : DiagId::label_test_failed, {fixture}) << '\n';
    if (!errors.empty()) {
      os << "    " << diags.text(DiagId::label_test_invalid) << '\n';
      sortDiagnostics(errors, innerSources);
      std::string rendered;
      llvm::raw_string_ostream ros(rendered);
      renderText(ros, errors, innerSources, lang, false);
      ros.flush();
      // The rendered errors without their closing count line.
      size_t cut = rendered.rfind("\n\n");
      if (cut != std::string::npos) rendered.resize(cut + 1);
      for (size_t pos = 0; pos < rendered.size();) {
        size_t nl = rendered.find('\n', pos);
        if (nl == std::string::npos) nl = rendered.size();
        if (nl > pos) os << "    " << llvm::StringRef(rendered).substr(pos, nl - pos);
        os << '\n';
        pos = nl + 1;
      }
    }
    for (const std::string &p : problems) os << "    " << p << '\n';
  }

  os << '\n' << diags.text(DiagId::label_norms_tested) << '\n';
  size_t covered = 0, branches = 0;
  for (auto &[name, r] : norms) {
    size_t normCovered = 0;
    for (uint8_t s : r.seen) normCovered += ((s & BranchCoverage::True) != 0) + ((s & BranchCoverage::False) != 0);
    covered += normCovered;
    branches += 2 * r.seen.size();
    os << "  " << name;
    if (!r.articleText.empty()) os << " (" << r.articleText << ")";
    os << ": "
       << diags.text(
              DiagId::label_test_norm,
              {std::to_string(r.fixtures), std::to_string(r.holds), std::to_string(r.violated),
               std::to_string(normCovered), std::to_string(2 * r.seen.size()), percent(normCovered, 2 * r.seen.size())})
       << '\n';
    if (r.violated == 0) os << "      " << diags.text(DiagId::label_test_never_violated) << '\n';
    if (r.holds == 0) os << "      " << diags.text(DiagId::label_test_never_met) << '\n';
    for (size_t i = 0; i < r.seen.size(); ++i) {
      uint8_t s = r.seen[i];
      if ((s & BranchCoverage::True) && (s & BranchCoverage::False)) continue;
      DiagId missing = !(s & (BranchCoverage::True | BranchCoverage::False)) ? DiagId::label_test_never_decided
                       : (s & BranchCoverage::True)                          ? DiagId::label_test_never_false
                                                                             : DiagId::label_test_never_true;
      os << "      " << r.where[i] << " `" << r.text[i] << "`: " << diags.text(missing) << '\n';
    }
  }
  for (const auto &[norm, file] : untestable)
    os << "  " << norm << ": " << diags.text(DiagId::label_test_untestable, {file}) << '\n';
  os << '\n'
     << diags.text(DiagId::label_test_summary,
                   {std::to_string(passed + failed), std::to_string(passed), std::to_string(failed),
                    std::to_string(covered), std::to_string(branches), percent(covered, branches)})
     << '\n';
  os.flush();
  llvm::outs() << printableText(out);
  return failed ? 1 : 0;
}

}  // namespace cio

// Entry point of `cioc`: parses the command line with llvm::cl and hands over
// to one subcommand. Usage errors exit with status 2, as spec §9 requires.
#include <cstdlib>
#include <string_view>
#ifdef CIOC_WITH_MIMALLOC
#include <mimalloc.h>
#endif

#include "diagnostics/DiagnosticEngine.h"
#include "driver/CommandLine.h"
#include "driver/Commands.h"
#include "emit/GraphvizRender.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "lsp/LanguageServer.h"

namespace cl = llvm::cl;
using cio::cli::tr;

static cl::OptionCategory &Cat = cio::cli::category();
static const char *ProgramName = "cioc";

static cl::SubCommand CheckCmd("check", tr("Toets .cio-bestanden aan het schema en de normen",
                                           "Check .cio files against the schema and the norms"));
static cl::SubCommand ExplainCmd(
    "explain", tr("Leg een norm, artikel, soort of melding uit: tekst, toelichting, normen, voorbeeld",
                  "Explain a norm, article, kind or diagnostic: text, notes, norms, example"));
static cl::SubCommand GraphCmd("graph", tr("Teken het organogram (DOT, of SVG/PNG via Graphviz)",
                                           "Draw the org chart (DOT, or SVG/PNG through Graphviz)"));
static cl::SubCommand LspCmd("lsp", tr("Taalserver (Language Server Protocol) op stdin en stdout",
                                       "Language server (Language Server Protocol) on stdin and stdout"));
static cl::SubCommand FmtCmd("fmt", tr("Zet .cio-bestanden in de vaste opmaak (of toets dat met --check)",
                                       "Put .cio files in the canonical layout (or check that with --check)"));
static cl::list<std::string> FmtPaths(cl::Positional, cl::desc(tr("[PAD…] | -", "[PATH…] | -")), cl::sub(FmtCmd),
                                      cl::cat(Cat));
static cl::opt<bool> FmtDiff("diff",
                             cl::desc(tr("Verander niets; toon wat zou veranderen als unified diff",
                                         "Change nothing; show what would change as a unified diff")),
                             cl::sub(FmtCmd), cl::cat(Cat));
static cl::opt<bool> FmtCheck("check",
                              cl::desc(tr("Verander niets; noem de bestanden die zouden veranderen",
                                          "Change nothing; list the files that would change")),
                              cl::sub(FmtCmd), cl::cat(Cat));
static cl::SubCommand BaselineCmd("baseline",
                                  tr("Leg de bevindingen van nu vast, zodat check --baseline alleen op nieuwe faalt",
                                     "Record today's findings, so that check --baseline fails on new ones only"));
static cl::SubCommand InitCmd(
    "init", tr("Maak een werkruimte uit de sjablonen van de bibliotheek: cioc.toml, een .cio-bestand, een CI-workflow",
               "Create a workspace from the library's templates: cioc.toml, a .cio file, a CI workflow"));
static cl::opt<std::string> InitDir(cl::Positional, cl::desc(tr("[MAP]", "[FOLDER]")), cl::init("."), cl::sub(InitCmd),
                                    cl::cat(Cat));
static cl::opt<std::string> InitCode("naam",
                                     cl::desc(tr("De naam van de organisatie in het .cio-bestand (standaard MIN)",
                                                 "The organisation's name in the .cio file (default MIN)")),
                                     cl::value_desc(tr("naam", "name")), cl::init("MIN"), cl::sub(InitCmd),
                                     cl::cat(Cat));
static cl::opt<std::string> InitTitle("titel", cl::desc(tr("De titel van de organisatie", "The organisation's title")),
                                      cl::value_desc(tr("tekst", "text")), cl::sub(InitCmd), cl::cat(Cat));
static cl::SubCommand TestCmd(
    "test",
    tr("Toets de eigen normen van de werkruimte aan hun toetsen (NAAM.toets.cio), met de dekking van hun takken",
       "Test the workspace's own norms against their fixtures (NAME.toets.cio), with the coverage of their branches"));
static cl::list<std::string> TestPaths(cl::Positional, cl::desc(tr("[PAD…]", "[PATH…]")), cl::sub(TestCmd),
                                       cl::cat(Cat));
static cl::SubCommand DiffCmd(
    "diff", tr("Wat veranderde tussen twee versies: entiteiten en bevindingen (tekst, JSON, Markdown)",
               "What changed between two versions: entities and findings (text, JSON, Markdown)"));
static cl::list<std::string> DiffPaths(cl::Positional,
                                       cl::desc(tr("OUD NIEUW | --git REVISIE [PAD]",
                                                   "OLD NEW | --git REVISION [PATH]")),
                                       cl::sub(DiffCmd), cl::cat(Cat));
static cl::opt<std::string> DiffGit("git",
                                    cl::desc(tr("Vergelijk met de werkruimte zoals die in deze git-revisie was",
                                                "Compare with the workspace as it was at this git revision")),
                                    cl::value_desc(tr("revisie", "revision")), cl::sub(DiffCmd), cl::cat(Cat));
static cl::opt<std::string> DiffFormat(
    "format", cl::desc(tr("Uitvoerformaat: text, json of markdown", "Output format: text, json or markdown")),
    cl::value_desc(tr("formaat", "format")), cl::init("text"), cl::sub(DiffCmd), cl::cat(Cat));
static cl::SubCommand ReportCmd("report", tr("Schrijf het nalevingsrapport (HTML, Markdown of JSON)",
                                             "Write the compliance report (HTML, Markdown or JSON)"));
static cl::SubCommand ExportCmd("export", tr("Schrijf het opgeloste model als JSON (entiteiten en hun velden)",
                                             "Write the resolved model as JSON (entities and their fields)"));
static cl::list<std::string> CheckPaths(cl::Positional, cl::desc(tr("[PAD…]", "[PATH…]")), cl::sub(CheckCmd),
                                        cl::sub(GraphCmd), cl::sub(ReportCmd), cl::sub(ExportCmd), cl::sub(BaselineCmd),
                                        cl::cat(Cat));
static cl::opt<std::string> Output(
    "o",
    cl::desc(tr("Uitvoerbestand: graph .dot/.svg/.png (standaard DOT op stdout), "
                "report .html/.md/.json (standaard Markdown op stdout), export .json (standaard stdout)",
                "Output file: graph .dot/.svg/.png (default DOT on stdout), "
                "report .html/.md/.json (default Markdown on stdout), export .json (default stdout)")),
    cl::value_desc(tr("bestand", "file")), cl::sub(GraphCmd), cl::sub(ReportCmd), cl::sub(ExportCmd),
    cl::sub(BaselineCmd), cl::cat(Cat));
static cl::opt<std::string> Focus("focus",
                                  cl::desc(tr("Teken één organisatie met haar omgeving",
                                              "Draw one organisation with its surroundings")),
                                  cl::value_desc(tr("naam", "name")), cl::sub(GraphCmd), cl::cat(Cat));
static cl::opt<bool> FullChart("volledig",
                               cl::desc(tr("Teken alles, ook waar een overzicht van de ministeries past",
                                           "Draw everything, also where an overview of the ministries fits")),
                               cl::sub(GraphCmd), cl::cat(Cat));
static cl::opt<std::string> ChartReport("rapport",
                                        cl::desc(tr("Laat de blokken van de SVG naar dit rapport linken",
                                                    "Make the SVG's boxes link to this report")),
                                        cl::value_desc(tr("bestand", "file")), cl::sub(GraphCmd), cl::cat(Cat));
static cl::list<std::string> ExplainArgs(cl::Positional,
                                         cl::desc(tr("NORM|ARTIKEL|SOORT|CODE [PAD…]",
                                                     "NORM|ARTICLE|KIND|CODE [PATH…]")),
                                         cl::sub(ExplainCmd), cl::cat(Cat));
static cl::opt<bool> CheckExamples("toets-voorbeelden",
                                   cl::desc(tr("Toets dat het voorbeeld van elke bibliotheeknorm die norm schendt",
                                               "Check that every library norm's example violates that norm")),
                                   cl::sub(ExplainCmd), cl::cat(Cat));
static cl::opt<bool> SchemaReference(
    "schema",
    cl::desc(tr("Schrijf de naslag van alle soorten en keuzes (Markdown, docs/schema.md)",
                "Write the reference of every kind and choice (Markdown, docs/schema.md)")),
    cl::sub(ExplainCmd), cl::cat(Cat));
static cl::opt<std::string> Peildatum("peildatum",
                                      cl::desc(tr("Peildatum JJJJ-MM-DD (standaard: vandaag)",
                                                  "Reference date YYYY-MM-DD (default: today)")),
                                      cl::value_desc(tr("datum", "date")), cl::sub(CheckCmd), cl::sub(BaselineCmd),
                                      cl::sub(DiffCmd), cl::sub(ExplainCmd), cl::sub(GraphCmd), cl::sub(ReportCmd),
                                      cl::sub(ExportCmd), cl::sub(TestCmd), cl::cat(Cat));
static cl::opt<std::string> Format(
    "format", cl::desc(tr("Uitvoerformaat: text, json, sarif of github", "Output format: text, json, sarif or github")),
    cl::value_desc(tr("formaat", "format")), cl::init("text"), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<bool> Werror("werror", cl::desc(tr("Behandel waarschuwingen als fouten", "Treat warnings as errors")),
                            cl::sub(CheckCmd), cl::sub(DiffCmd), cl::cat(Cat));
static cl::opt<std::string> Lang("lang",
                                 cl::desc(tr("Taal van de meldingen: nl of en", "Language of the messages: nl or en")),
                                 cl::value_desc(tr("taal", "language")), cl::init("nl"), cl::sub(CheckCmd),
                                 cl::sub(BaselineCmd), cl::sub(InitCmd), cl::sub(DiffCmd), cl::sub(ExplainCmd),
                                 cl::sub(GraphCmd), cl::sub(ReportCmd), cl::sub(FmtCmd), cl::sub(ExportCmd),
                                 cl::sub(TestCmd), cl::cat(Cat));
static cl::opt<std::string> Stdlib("stdlib",
                                   cl::desc(tr("Map met de standaardbibliotheek", "Folder of the standard library")),
                                   cl::value_desc(tr("map", "folder")), cl::sub(CheckCmd), cl::sub(ExplainCmd),
                                   cl::sub(GraphCmd), cl::sub(ReportCmd), cl::sub(LspCmd), cl::sub(ExportCmd),
                                   cl::sub(BaselineCmd), cl::sub(InitCmd), cl::sub(DiffCmd), cl::sub(TestCmd),
                                   cl::cat(Cat));
static cl::list<std::string> Allow("allow",
                                   cl::desc(tr("Toon deze melding of norm niet (zoals `allow` in cioc.toml)",
                                               "Do not show this diagnostic or norm (like `allow` in cioc.toml)")),
                                   cl::value_desc(tr("code", "code")), cl::CommaSeparated, cl::sub(CheckCmd),
                                   cl::sub(BaselineCmd), cl::cat(Cat));
static cl::list<std::string> Warn(
    "warn", cl::desc(tr("Maak deze melding of norm een waarschuwing", "Make this diagnostic or norm a warning")),
    cl::value_desc(tr("code", "code")), cl::CommaSeparated, cl::sub(CheckCmd), cl::sub(BaselineCmd), cl::cat(Cat));
static cl::list<std::string> Deny(
    "deny", cl::desc(tr("Maak deze melding of norm een fout", "Make this diagnostic or norm an error")),
    cl::value_desc(tr("code", "code")), cl::CommaSeparated, cl::sub(CheckCmd), cl::sub(BaselineCmd), cl::cat(Cat));
static cl::opt<std::string> BaselineFile("baseline",
                                         cl::desc(tr("Faal alleen op bevindingen die deze baseline niet kent",
                                                     "Fail only on findings this baseline does not record")),
                                         cl::value_desc(tr("bestand", "file")), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<bool> Watch("watch",
                           cl::desc(tr("Toets opnieuw bij elke wijziging van een .cio-bestand of cioc.toml",
                                       "Check again on every change of a .cio file or cioc.toml")),
                           cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<unsigned> WatchMax("watch-max",
                                  cl::desc(tr("Stop na zoveel keer opnieuw toetsen (voor tests)",
                                              "Stop after this many rechecks (for tests)")),
                                  cl::init(0), cl::Hidden, cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<std::string> LookAheadSpan(
    "vooruit",
    cl::desc(tr("Kijk vooruit: de bevindingen die binnen deze termijn verschijnen, met hun datum (12m, 1j, 90d, "
                "2w; in het rapport standaard 12m)",
                "Look ahead: the findings that appear within this span, with their dates (12m, 1j, 90d, 2w; "
                "in the report 12m by default)")),
    cl::value_desc(tr("termijn", "span")), cl::sub(CheckCmd), cl::sub(ReportCmd), cl::cat(Cat));
static cl::opt<unsigned> MaxDiagnostics("max-meldingen",
                                        cl::desc(tr("Toon ten hoogste zoveel meldingen (0: alle)",
                                                    "Show at most this many diagnostics (0: all)")),
                                        cl::value_desc(tr("aantal", "count")), cl::init(1000), cl::sub(CheckCmd),
                                        cl::cat(Cat));
static cl::opt<bool> Timings("tijden",
                             cl::desc(tr("Toon de duur van elke fase op stderr (voor metingen)",
                                         "Print each stage's duration on stderr (for measurements)")),
                             cl::Hidden, cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<bool> Verify("verify",
                            cl::desc(tr("Vergelijk met de expect-commentaren (voor tests)",
                                        "Compare with the expect comments (for tests)")),
                            cl::Hidden, cl::sub(CheckCmd), cl::cat(Cat));

/// The standard library: --stdlib, else CIO_STDLIB, else share/cioc/stdlib
/// beside the program's folder (an install tree, wherever it was moved), else
/// the source tree's (a build that was not installed).
static std::string stdlibDir() {
  if (!Stdlib.empty()) return Stdlib;
  if (const char *env = std::getenv("CIO_STDLIB"); env && *env) return env;
  static int anchor;
  std::string exe = llvm::sys::fs::getMainExecutable(ProgramName, &anchor);
  if (!exe.empty()) {
    llvm::SmallString<256> dir(llvm::sys::path::parent_path(exe));
    llvm::sys::path::append(dir, CIOC_RELATIVE_STDLIB);
    llvm::sys::path::remove_dots(dir, /*remove_dot_dot=*/true);
    if (llvm::sys::fs::is_directory(dir)) return std::string(dir);
  }
  return CIOC_DEFAULT_STDLIB;
}

/// mimalloc keeps the pages a program frees for a while (25 ms by default)
/// before it gives them back; a check frees the syntax of every file while it
/// builds the model, so at the peak both were counted. Given back at once, the
/// 100× workspace peaks 2 MiB (6%) lower for about 5% more time. Not for the
/// language server, which frees an analysis per edit and would fault the pages
/// in again for the next (7 ms an edit at 1,201 files). The environment
/// (MIMALLOC_DECOMMIT_DELAY) still decides when it is set.
static void returnFreedMemoryAtOnce(int argc, char **argv) {
#ifdef CIOC_WITH_MIMALLOC
  bool server = argc > 1 && std::string_view(argv[1]) == "lsp";
  if (!server && !std::getenv("MIMALLOC_DECOMMIT_DELAY")) mi_option_set(mi_option_decommit_delay, 0);
#endif
}

int main(int argc, char **argv) {
  ProgramName = argv[0];
  returnFreedMemoryAtOnce(argc, argv);
  // Internal: Graphviz layout in a fresh process (see emit/GraphvizRender.h).
  if (argc == 5 && std::string(argv[1]) == "__graphviz") return cio::graphvizMain(argv[2], argv[3], argv[4]);
  // Internal: the man page and completions, generated at build time from the option tables.
  if (argc == 2 && std::string(argv[1]) == "__man") return cio::cli::writeManPage(llvm::outs(), false, CIOC_VERSION), 0;
  if (argc == 2 && std::string(argv[1]) == "__man_en")
    return cio::cli::writeManPage(llvm::outs(), true, CIOC_VERSION), 0;
  if (argc == 2 && std::string(argv[1]) == "__bash") return cio::cli::writeBashCompletion(llvm::outs()), 0;
  if (argc == 2 && std::string(argv[1]) == "__zsh") return cio::cli::writeZshCompletion(llvm::outs()), 0;
  if (auto handled =
          cio::cli::preParse(argc, argv, [](bool english) { cio::printVersion(llvm::outs(), english, stdlibDir()); }))
    return *handled;
  if (!cl::ParseCommandLineOptions(argc, argv, "cioc\n", &llvm::errs())) return 2;
  if (Lang != "nl" && Lang != "en") {
    llvm::errs() << "cioc: onbekende taal '" << Lang << "' (nl of en)\n";
    return 2;
  }
  if (LspCmd) return cio::runLsp(stdlibDir());
  if (DiffCmd) {
    if (DiffFormat != "text" && DiffFormat != "json" && DiffFormat != "markdown") {
      llvm::errs() << "cioc diff: onbekend formaat '" << DiffFormat << "' (text, json of markdown)\n";
      return 2;
    }
    cio::DiffOptions opt;
    opt.check.referenceDate = Peildatum;
    opt.check.lang = Lang;
    opt.check.werror = Werror;
    opt.check.stdlibDir = stdlibDir();
    opt.check.stdlibGiven = !Stdlib.empty() || std::getenv("CIO_STDLIB");
    opt.gitRevision = DiffGit;
    opt.format = DiffFormat;
    if (!DiffGit.empty()) {
      opt.newPaths.assign(DiffPaths.begin(), DiffPaths.end());
    } else if (DiffPaths.size() == 2) {
      opt.oldPaths = {DiffPaths[0]};
      opt.newPaths = {DiffPaths[1]};
    }
    return cio::runDiff(opt);
  }
  if (InitCmd) {
    cio::InitOptions opt;
    opt.dir = InitDir;
    opt.code = InitCode;
    opt.title = InitTitle;
    opt.lang = Lang;
    opt.stdlibDir = stdlibDir();
    return cio::runInit(opt);
  }
  if (FmtCmd) {
    cio::FmtOptions opt;
    opt.paths.assign(FmtPaths.begin(), FmtPaths.end());
    opt.check = FmtCheck;
    opt.diff = FmtDiff;
    opt.lang = Lang;
    return cio::runFmt(opt);
  }
  auto outputOptions = [] {
    cio::OutputOptions opt;
    opt.paths.assign(CheckPaths.begin(), CheckPaths.end());
    opt.output = Output;
    opt.lang = Lang;
    opt.stdlibDir = stdlibDir();
    opt.referenceDate = Peildatum;
    return opt;
  };
  if (ReportCmd) {
    cio::ReportOptions opt;
    static_cast<cio::OutputOptions &>(opt) = outputOptions();
    if (LookAheadSpan.getNumOccurrences()) opt.lookAhead = LookAheadSpan;
    return cio::runReport(opt);
  }
  if (ExportCmd) return cio::runExport(outputOptions());
  if (GraphCmd) {
    cio::GraphOptions opt;
    static_cast<cio::OutputOptions &>(opt) = outputOptions();
    opt.focus = Focus;
    opt.full = FullChart;
    opt.reportLink = ChartReport;
    return cio::runGraph(opt);
  }
  if (TestCmd) {
    cio::TestOptions opt;
    opt.paths.assign(TestPaths.begin(), TestPaths.end());
    opt.lang = Lang;
    opt.stdlibDir = stdlibDir();
    opt.referenceDate = Peildatum;
    return cio::runTest(opt);
  }
  if (ExplainCmd) {
    cio::ExplainOptions opt;
    if (ExplainArgs.empty() && !CheckExamples && !SchemaReference) {
      llvm::errs()
          << (Lang == "en"
                  ? "cioc explain: give a norm, article, kind or diagnostic, for example `cioc explain art3.1`\n"
                  : "cioc explain: geef een norm, artikel, soort of melding, bijvoorbeeld `cioc explain art3.1`\n");
      return 2;
    }
    if (!ExplainArgs.empty() && !CheckExamples && !SchemaReference) {
      opt.subject = ExplainArgs.front();
      opt.paths.assign(ExplainArgs.begin() + 1, ExplainArgs.end());
    } else {
      opt.paths.assign(ExplainArgs.begin(), ExplainArgs.end());
    }
    opt.lang = Lang;
    opt.stdlibDir = stdlibDir();
    opt.referenceDate = Peildatum;
    opt.checkExamples = CheckExamples;
    opt.schemaReference = SchemaReference;
    return cio::runExplain(opt);
  }
  if (CheckCmd || BaselineCmd) {
    if (Format != "text" && Format != "json" && Format != "sarif" && Format != "github") {
      llvm::errs() << "cioc: onbekend formaat '" << Format << "' (text, json, sarif of github)\n";
      return 2;
    }
    cio::CheckOptions opt;
    opt.paths.assign(CheckPaths.begin(), CheckPaths.end());
    opt.referenceDate = Peildatum;
    opt.format = Format;
    opt.lang = Lang;
    opt.werror = Werror;
    opt.stdlibDir = stdlibDir();
    opt.verify = Verify;
    opt.timings = Timings;
    opt.maxDiagnostics = MaxDiagnostics;
    opt.lookAhead = LookAheadSpan;
    opt.langGiven = Lang.getNumOccurrences() > 0;
    opt.werrorGiven = Werror.getNumOccurrences() > 0;
    opt.stdlibGiven = !Stdlib.empty() || std::getenv("CIO_STDLIB");
    opt.allow.assign(Allow.begin(), Allow.end());
    opt.warn.assign(Warn.begin(), Warn.end());
    opt.deny.assign(Deny.begin(), Deny.end());
    opt.baseline = BaselineFile;
    opt.output = Output;
    if (BaselineCmd) return cio::runBaseline(opt);
    return Watch ? cio::runWatch(opt, WatchMax) : cio::runCheck(opt);
  }
  cio::DiagnosticEngine texts(Lang == "en" ? cio::Language::English : cio::Language::Dutch);
  llvm::errs() << "cioc: " << texts.text(cio::DiagId::cli_missing_subcommand) << " ("
               << texts.text(cio::DiagId::cli_see_help, {"cioc"}) << ")\n";
  return 2;
}

// Entry point of `cioc`: parses the command line with llvm::cl and hands over
// to one subcommand. Usage errors exit with status 2, as spec §9 requires.
#include <cstdlib>

#include "driver/Commands.h"
#include "emit/GraphvizRender.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"
#include "lsp/LanguageServer.h"

namespace cl = llvm::cl;

static cl::SubCommand CheckCmd("check", "Toets .cio-bestanden aan het schema en de normen");
static cl::SubCommand ExplainCmd("explain", "Leg een norm of artikel uit: tekst, toelichting, normen, voorbeeld");
static cl::SubCommand GraphCmd("graph", "Teken het organogram (DOT, of SVG/PNG via Graphviz)");
static cl::SubCommand LspCmd("lsp", "Taalserver (Language Server Protocol) op stdin en stdout");
static cl::SubCommand FmtCmd("fmt", "Zet .cio-bestanden in de vaste opmaak (of toets dat met --check)");
static cl::list<std::string> FmtPaths(cl::Positional, cl::desc("[PAD…]"), cl::sub(FmtCmd));
static cl::opt<bool> FmtCheck("check", cl::desc("Verander niets; noem de bestanden die zouden veranderen"),
                              cl::sub(FmtCmd));
static cl::SubCommand BaselineCmd("baseline", "Leg de bevindingen van nu vast, zodat check --baseline alleen op nieuwe faalt");
static cl::SubCommand InitCmd("init", "Maak een werkruimte uit de sjablonen van de bibliotheek: cioc.toml, een .cio-bestand, een CI-workflow");
static cl::opt<std::string> InitDir(cl::Positional, cl::desc("[MAP]"), cl::init("."), cl::sub(InitCmd));
static cl::opt<std::string> InitCode("naam", cl::desc("De naam van de organisatie in het .cio-bestand (standaard MIN)"),
                                     cl::value_desc("naam"), cl::init("MIN"), cl::sub(InitCmd));
static cl::opt<std::string> InitTitle("titel", cl::desc("De titel van de organisatie"), cl::value_desc("tekst"),
                                      cl::sub(InitCmd));
static cl::SubCommand DiffCmd("diff", "Wat veranderde tussen twee versies: entiteiten en bevindingen (tekst, JSON, Markdown)");
static cl::list<std::string> DiffPaths(cl::Positional, cl::desc("OUD NIEUW | --git REVISIE [PAD]"), cl::sub(DiffCmd));
static cl::opt<std::string> DiffGit("git", cl::desc("Vergelijk met de werkruimte zoals die in deze git-revisie was"),
                                    cl::value_desc("revisie"), cl::sub(DiffCmd));
static cl::opt<std::string> DiffFormat("format", cl::desc("Uitvoerformaat: text, json of markdown"), cl::init("text"),
                                       cl::sub(DiffCmd));
static cl::SubCommand ReportCmd("report", "Schrijf het nalevingsrapport (HTML, Markdown of JSON)");
static cl::SubCommand ExportCmd("export", "Schrijf het opgeloste model als JSON (entiteiten en hun velden)");
static cl::list<std::string> CheckPaths(cl::Positional, cl::desc("[PAD…]"), cl::sub(CheckCmd), cl::sub(GraphCmd),
                                        cl::sub(ReportCmd), cl::sub(ExportCmd), cl::sub(BaselineCmd));
static cl::opt<std::string> Output(
    "o",
    cl::desc("Uitvoerbestand: graph .dot/.svg/.png (standaard DOT op stdout), "
             "report .html/.md/.json (standaard Markdown op stdout), export .json (standaard stdout)"),
    cl::value_desc("bestand"), cl::sub(GraphCmd), cl::sub(ReportCmd), cl::sub(ExportCmd), cl::sub(BaselineCmd));
static cl::opt<std::string> Focus("focus", cl::desc("Teken één organisatie met haar omgeving"), cl::value_desc("naam"),
                                  cl::sub(GraphCmd));
static cl::list<std::string> ExplainArgs(cl::Positional, cl::desc("NORM|ARTIKEL [PAD…]"), cl::sub(ExplainCmd));
static cl::opt<bool> CheckExamples("toets-voorbeelden",
                                   cl::desc("Toets dat het voorbeeld van elke bibliotheeknorm die norm schendt"),
                                   cl::sub(ExplainCmd));
static cl::opt<std::string> Peildatum("peildatum", cl::desc("Peildatum JJJJ-MM-DD (standaard: vandaag)"),
                                      cl::value_desc("datum"), cl::sub(CheckCmd), cl::sub(BaselineCmd), cl::sub(DiffCmd),
                                      cl::sub(ExplainCmd),
                                      cl::sub(GraphCmd), cl::sub(ReportCmd), cl::sub(ExportCmd));
static cl::opt<std::string> Format("format", cl::desc("Uitvoerformaat: text, json, sarif of github"), cl::init("text"),
                                   cl::sub(CheckCmd));
static cl::opt<bool> Werror("werror", cl::desc("Behandel waarschuwingen als fouten"), cl::sub(CheckCmd), cl::sub(DiffCmd));
static cl::opt<std::string> Lang("lang", cl::desc("Taal van de meldingen: nl of en"), cl::init("nl"), cl::sub(CheckCmd),
                                 cl::sub(BaselineCmd), cl::sub(InitCmd), cl::sub(DiffCmd),
                                 cl::sub(ExplainCmd), cl::sub(GraphCmd), cl::sub(ReportCmd), cl::sub(FmtCmd),
                                 cl::sub(ExportCmd));
static cl::opt<std::string> Stdlib("stdlib", cl::desc("Map met de standaardbibliotheek"), cl::value_desc("map"),
                                   cl::sub(CheckCmd), cl::sub(ExplainCmd), cl::sub(GraphCmd), cl::sub(ReportCmd),
                                   cl::sub(LspCmd), cl::sub(ExportCmd), cl::sub(BaselineCmd), cl::sub(InitCmd),
                                   cl::sub(DiffCmd));
static cl::list<std::string> Allow("allow", cl::desc("Toon deze melding of norm niet (zoals `allow` in cioc.toml)"),
                                   cl::value_desc("code"), cl::CommaSeparated, cl::sub(CheckCmd), cl::sub(BaselineCmd));
static cl::list<std::string> Warn("warn", cl::desc("Maak deze melding of norm een waarschuwing"), cl::value_desc("code"),
                                  cl::CommaSeparated, cl::sub(CheckCmd), cl::sub(BaselineCmd));
static cl::list<std::string> Deny("deny", cl::desc("Maak deze melding of norm een fout"), cl::value_desc("code"),
                                  cl::CommaSeparated, cl::sub(CheckCmd), cl::sub(BaselineCmd));
static cl::opt<std::string> BaselineFile("baseline", cl::desc("Faal alleen op bevindingen die deze baseline niet kent"),
                                         cl::value_desc("bestand"), cl::sub(CheckCmd));
static cl::opt<bool> Watch("watch", cl::desc("Toets opnieuw bij elke wijziging van een .cio-bestand of cioc.toml"),
                           cl::sub(CheckCmd));
static cl::opt<unsigned> WatchMax("watch-max", cl::desc("Stop na zoveel keer opnieuw toetsen (voor tests)"), cl::init(0),
                                  cl::Hidden, cl::sub(CheckCmd));
static cl::opt<unsigned> MaxDiagnostics("max-meldingen", cl::desc("Toon ten hoogste zoveel meldingen (0: alle)"),
                                        cl::init(1000), cl::sub(CheckCmd));
static cl::opt<bool> Timings("tijden", cl::desc("Toon de duur van elke fase op stderr (voor metingen)"), cl::Hidden,
                             cl::sub(CheckCmd));
static cl::opt<bool> Verify("verify", cl::desc("Vergelijk met de expect-commentaren (voor tests)"), cl::Hidden,
                            cl::sub(CheckCmd));

static std::string stdlibDir() {
  if (!Stdlib.empty()) return Stdlib;
  if (const char *env = std::getenv("CIO_STDLIB"); env && *env) return env;
  return CIOC_DEFAULT_STDLIB;
}

int main(int argc, char **argv) {
  // Internal: Graphviz layout in a fresh process (see emit/GraphvizRender.h).
  if (argc == 5 && std::string(argv[1]) == "__graphviz") return cio::graphvizMain(argv[2], argv[3], argv[4]);
  cl::SetVersionPrinter([](llvm::raw_ostream &os) { os << "cioc " << CIOC_VERSION << '\n'; });
  if (!cl::ParseCommandLineOptions(
          argc, argv, "cioc: toetst .cio-bestanden aan het schema en de normen van hun bibliotheken\n", &llvm::errs()))
    return 2;
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
  if (ReportCmd) return cio::runReport(outputOptions());
  if (ExportCmd) return cio::runExport(outputOptions());
  if (GraphCmd) {
    cio::GraphOptions opt;
    static_cast<cio::OutputOptions &>(opt) = outputOptions();
    opt.focus = Focus;
    return cio::runGraph(opt);
  }
  if (ExplainCmd) {
    cio::ExplainOptions opt;
    if (ExplainArgs.empty() && !CheckExamples) {
      llvm::errs() << "cioc explain: geef een norm of artikel, bijvoorbeeld `cioc explain art3.1`\n";
      return 2;
    }
    if (!ExplainArgs.empty() && !CheckExamples) {
      opt.subject = ExplainArgs.front();
      opt.paths.assign(ExplainArgs.begin() + 1, ExplainArgs.end());
    } else {
      opt.paths.assign(ExplainArgs.begin(), ExplainArgs.end());
    }
    opt.lang = Lang;
    opt.stdlibDir = stdlibDir();
    opt.referenceDate = Peildatum;
    opt.checkExamples = CheckExamples;
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
  llvm::errs() << "cioc: geef een subcommando, bijvoorbeeld `cioc check examples/` (zie `cioc --help`)\n";
  return 2;
}

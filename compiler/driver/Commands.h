// The subcommands of `cioc`. main() parses the command line and calls one;
// each command only wires the pipeline stages together.
#pragma once

#include <string>
#include <vector>

#include "llvm/Support/raw_ostream.h"
#include "model/Model.h"

namespace cio {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string referenceDate;  // empty: today
  std::string format = "text";
  std::string lang = "nl";
  std::string stdlibDir;
  bool werror = false;
  bool verify = false;
  size_t maxDiagnostics = 1000;  // 0: no limit
  bool timings = false;          // print each stage's wall time to stderr
  // Given on the command line, so they beat cioc.toml (pipeline/Config.h).
  bool langGiven = false, werrorGiven = false, stdlibGiven = false;
  std::vector<std::string> allow, warn, deny;  // --allow, --warn, --deny CODE
  std::string baseline;                        // --baseline FILE: fail only on findings it does not record
  std::string output;                          // `cioc baseline -o FILE`
  std::string lookAhead;                       // --vooruit 12m: the findings to come within that span
};

/// `cioc --version`: cioc, the libraries it was built with, the standard library it reads.
void printVersion(llvm::raw_ostream &os, bool english, const std::string &stdlibDir);

/// Returns the process exit status (0 clean, 1 findings, 2 usage or I/O error).
int runCheck(const CheckOptions &options);

struct InitOptions {
  std::string dir = ".";
  std::string code = "MIN";  // the organisation's name in the .cio file (`{{CODE}}` in the templates)
  std::string title;         // its title (`{{TITEL}}`); the template's default when empty
  std::string lang = "nl";
  std::string stdlibDir;  // holds the templates (sjablonen/init)
};

/// `cioc init [MAP]`: the stdlib's workspace template (sjablonen/init), filled in. Exit 0, or 2 (nothing written).
int runInit(const InitOptions &options);

struct DiffOptions {
  CheckOptions check;  // reference date, library, language, werror: the same for both versions
  std::vector<std::string> oldPaths, newPaths;
  std::string gitRevision;      // --git REV: the old version is the workspace at that revision
  std::string format = "text";  // text, json or markdown
};

/// `cioc diff`: entities and findings that changed between two versions.
/// Exit 0, 1 when an error appeared (with werror, a warning too), 2 on usage errors.
int runDiff(const DiffOptions &options);

/// `cioc check --watch`: checks, then again after each change to the workspace's
/// .cio files or cioc.toml; with `maxRechecks` > 0, stops after that many (for tests).
int runWatch(const CheckOptions &options, unsigned maxRechecks);

/// `cioc baseline -o FILE`: records today's findings (pipeline/Baseline.h). Exit 0, or 2.
int runBaseline(const CheckOptions &options);

struct ExplainOptions {
  std::string subject;             // a norm name or an article (`art3.1`)
  std::vector<std::string> paths;  // the workspace, for its own norms (house rules)
  std::string lang = "nl";
  std::string stdlibDir;
  std::string referenceDate;     // for checking the examples; empty: today
  bool checkExamples = false;    // check that every library norm's example violates it
  bool schemaReference = false;  // write the schema reference (docs/schema.md) instead
};

/// `cioc explain`: the article's text and toelichting, the norms that enforce it
/// with their source, and an example that violates each; or a kind's fields and
/// the norms reading them; or a compiler diagnostic's meaning, fix and example. Exit 0, or 2 when the
/// subject is unknown; with checkExamples, 1 when an example is missing or wrong.
int runExplain(const ExplainOptions &options);

struct TestOptions {
  std::vector<std::string> paths;  // the workspace with its fixtures (NAAM.toets.cio); empty: `.`
  std::string lang = "nl";
  std::string stdlibDir;
  std::string referenceDate;  // for fixtures without `// peildatum:`; empty: today
};

/// `cioc test`: the workspace's own norms against its fixtures, reported per
/// norm with branch coverage. Exit 0 when every fixture passes, 1 when one
/// fails, 2 when there are no fixtures or no norms to test.
int runTest(const TestOptions &options);

/// What `graph` and `report` share: a workspace and a file to write.
struct OutputOptions {
  std::vector<std::string> paths;
  std::string output;  // graph: .dot/.gv, .svg or .png; report: .html, .md or .json; empty: stdout
  std::string lang = "nl";
  std::string stdlibDir;
  std::string referenceDate;
};

/// `cioc export`: the resolved model as JSON. Exit 0, 1 with compiler errors, 2 on usage or I/O errors.
int runExport(const OutputOptions &options);

struct GraphOptions : OutputOptions {
  std::string focus;       // an organisation to draw with its neighbourhood
  bool full = false;       // everything, not the overview of the ministries
  std::string reportLink;  // the report the SVG's boxes link to
};

/// `cioc graph`: 0 when the chart was written, 1 when the workspace has
/// compiler errors (the chart may be incomplete), 2 on usage or I/O errors.
int runGraph(const GraphOptions &options);

struct ReportOptions : OutputOptions {  // stdout gets Markdown
  std::string lookAhead = "12m";        // --vooruit: the span of the look-ahead section
};

/// `cioc report`: 0 when the report was written, 1 when the workspace has
/// compiler errors, 2 on usage or I/O errors.
int runReport(const ReportOptions &options);

struct FmtOptions {
  std::vector<std::string> paths;
  bool check = false;  // list the files that would change, change nothing
  bool diff = false;   // print a unified diff of what would change, change nothing
  std::string lang = "nl";
};

/// `cioc fmt`: 0 done (or, with check or diff, nothing to change), 1 with check or
/// diff when a file would change, 2 when a file was refused or could not be read
/// or written. The one path `-` is standard input, formatted to standard output.
int runFmt(const FmtOptions &options);

}  // namespace cio

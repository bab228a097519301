// The compliance report as plain data, built from the model, the findings and
// the evaluation; the writers (JSON, Markdown, HTML) only format it. What goes
// in is decided by the schema: the deviation kind (@afwijking) gives the
// deviation register, relation kinds (@relatie) the register of relations,
// kinds annotated @overzicht a table of their entities against every norm that
// applied to them, and the libraries' articles the rows of the article table.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "ast/LoadedFile.h"
#include "diagnostics/DiagnosticEngine.h"
#include "diagnostics/Verdict.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"
#include "model/Model.h"
#include "norms/Evaluator.h"
#include "norms/UnitVerdicts.h"

namespace cio {

struct Report {
  enum class Status { Complies, Deviation, Violation, NotEvaluated, NoNorm, NotApplicable };
  using Fields = std::vector<std::pair<std::string, std::string>>;  // name, value as written

  std::string toolVersion, referenceDate;
  std::string deviationKind;  // the word for a finding covered by a deviation, from the schema

  struct Library {
    std::string name, title, identifier, link, inForce, ended, successor;
  };
  std::vector<Library> libraries;

  struct Input {
    std::string path, sha256;
    bool library = false;
  };
  std::vector<Input> inputs;
  std::string inputsSha256;  // over every input's path and hash, in path order

  struct Summary {
    size_t errors = 0, warnings = 0, covered = 0, advice = 0, notEvaluated = 0, entities = 0;
    size_t norms[5] = {};  // how many norms have each Verdict, by its value
  } summary;

  struct NormStatus {
    std::string norm, article;
    Status status;
  };
  struct ArticleRow {
    std::string ref, text, link;
    Status status;
    std::vector<NormStatus> norms;
  };
  std::vector<ArticleRow> articles;

  struct Deviation {
    size_t unit = static_cast<size_t>(-1);
    enum class State {
      Active,
      Unused,
      Expired,
      NotYetInForce,
      Invalid,
      NotEvaluated
    };  // NotEvaluated: its data has an error
    std::string name, file, article, concerns, validUntil;
    State state = State::Active;
    long daysLeft = 0;
    bool hasEnd = false;
    unsigned line = 0;
    Fields fields;
    std::vector<std::string> covers;  // `norm (article): subject`, each finding it covers or would cover
  };
  std::vector<Deviation> deviations;

  struct Relation {
    std::string kind, name, from, to;
    Fields fields;
  };
  std::vector<Relation> relations;

  struct Overview {
    std::string kind, description;
    std::vector<NormStatus> columns;  // norm and article; status unused
    struct Row {
      std::string entity, title;
      std::vector<Status> cells;
      Fields fields;
    };
    std::vector<Row> rows;
  };
  std::vector<Overview> overviews;

  struct Finding {
    std::string severity, code, article, message, file, coveredBy, subject, link;
    unsigned line = 0, column = 0;
    std::string entity;   // the subject as a reader names it: its title and path
    std::string source;   // the workspace file it is in, from the workspace's root; "" for a library or none
    std::string library;  // the library it is in (its title), where it lies in one: not a place for a reader
    size_t unit = kNoUnit;
  };
  std::vector<Finding> findings;

  static constexpr size_t kNoUnit = static_cast<size_t>(-1);

  /// A top-level organisation (a kind annotated @wortel: a ministry, the Rijk):
  /// its own verdict from the norms that can concern it, counted by outcome.
  struct Unit {
    std::string entity, title, kind, anchor;  // anchor: an HTML id, from the path
    Verdict verdict = Verdict::NotEvaluated;
    size_t norms[5] = {};  // its norms by Verdict
    size_t errors = 0, warnings = 0, covered = 0, advice = 0;
    std::vector<Status> articles;  // per row of `articles`: the matrix
    std::vector<size_t> expiring;  // its deviations in force that end within kExpiringDays, as `deviations` indices
    std::vector<size_t> findings;  // as `findings` indices, by article, then as the findings sort
    std::string chartSvg;          // HTML: its own org chart
  };
  std::vector<Unit> units;
  std::vector<size_t> otherFindings;  // of no unit: compiler diagnostics, findings on the library
  static constexpr long kExpiringDays = 90;

  /// What `--vooruit` found: the findings that appear before `until`, by date.
  struct Coming {
    std::string date;
    Finding finding;  // as it will read on that date
  };
  struct LookAhead {
    bool done = false, skipped = false;  // skipped: the input has errors, nothing is concluded ahead
    std::string until;
    size_t datesChecked = 0;
    std::vector<Coming> coming;
    std::vector<std::pair<std::string, std::string>> lapses;  // a library that ends within the span: title, date
  } lookAhead;

  std::string workspaceRoot;  // absolute, never written: for the driver to compute `sourcePrefix`
  std::string sourcePrefix;   // prepended to `source` for a link from the report's folder
  std::string orgChartSvg;    // HTML: the chart of everything, or the overview of the units when there are several
};

/// Builds the report. `diags` must be sorted (sortDiagnostics); `units` are
/// judgeUnits' verdicts (computed once by the caller, who draws them too).
/// What the look-ahead found (pipeline/LookAhead.h), for its section: each
/// finding as it will read on its date; `skipped` when the input has errors.
struct LookAheadFound {
  model::Date until = 0;
  size_t datesChecked = 0;
  std::vector<std::pair<model::Date, Diagnostic>> coming;
  bool skipped = false;
};

Report buildReport(const model::Model &model, const std::vector<LoadedFile> &files, const Evaluation &evaluation,
                   const std::vector<Diagnostic> &diags, const llvm::SourceMgr &sources, const std::string &toolVersion,
                   const std::vector<UnitVerdict> &units, const LookAheadFound *ahead = nullptr);

/// The status word a reader sees: voldoet, schending, niet geëvalueerd… (the
/// deviation kind's own name for a covered finding).
std::string statusWord(Report::Status s, const Report &report, const DiagnosticEngine &labels);

std::string stateWord(Report::Deviation::State s, const DiagnosticEngine &labels);

/// The report's status for a verdict (the five outcomes; NoNorm is the report's own).
Report::Status reportStatus(Verdict v);

void writeReportJson(llvm::raw_ostream &os, const Report &report, const DiagnosticEngine &labels);
void writeReportMarkdown(llvm::raw_ostream &os, const Report &report, const DiagnosticEngine &labels);
void writeReportHtml(llvm::raw_ostream &os, const Report &report, const DiagnosticEngine &labels);

}  // namespace cio

// The whole front of the compiler for one workspace, as `check`, `graph` and
// `report` share it: load, analyze, type-check the norms, evaluate them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "diagnostics/DiagnosticEngine.h"
#include "llvm/Support/SourceMgr.h"
#include "model/Model.h"
#include "norms/CompiledNorm.h"
#include "norms/Evaluator.h"
#include "pipeline/Workspace.h"
#include "sema/Sema.h"

namespace cio {

struct PipelineOptions {
  std::vector<std::string> paths;  // empty: the current directory
  std::string referenceDate;       // empty: today
  std::string stdlibDir;
  bool recordOutcomes = false;  // for reports: every evaluated binding, not only the violations
  std::vector<std::pair<std::string, std::string>> buffers = {};  // in-memory files (name, text): the editor's
  ParseCache *cache = nullptr;  // the language server's parsed files, reused when unchanged
  /// The language server's: keep what the evaluation needs to be taken over,
  /// and take over from `previous` (the last analysis, alive meanwhile) the
  /// evaluation of each norm whose inputs did not change.
  bool incremental = false;
  const struct Pipeline *previous = nullptr;
  /// Nothing reads the entities' syntax after the analysis (a check without
  /// look-ahead, which analyses again): each input file's entity nodes are
  /// freed as soon as they are lowered into the model, so that the syntax and
  /// the model of a workspace are not both in memory at the peak.
  bool freeEntitySyntax = false;
};

struct Pipeline {
  llvm::SourceMgr sources;
  DiagnosticEngine diags;  // compiler diagnostics; the norms' findings are in `evaluation`
  std::unique_ptr<Workspace> workspace;
  model::Model model;
  CompiledNorms norms;
  Evaluation evaluation;  // findings; outcomes only when PipelineOptions::recordOutcomes
  SemaMemo semaMemo;      // with PipelineOptions::incremental: what the next analysis takes over
  /// With PipelineOptions::incremental, when the files are those of
  /// `previous` in the same buffers with the same declarations but entities
  /// (so the same schema and norms): by buffer, whether its file is unchanged
  /// (the same syntax). Empty otherwise.
  std::vector<bool> unchangedFiles;
  bool usageError = false;  // e.g. an invalid reference date: nothing was analysed
  /// Each stage in order with its wall time and the peak memory after it (`cioc check --tijden`).
  struct Phase {
    const char *name;
    double seconds;
    long peakKiB;
  };
  std::vector<Phase> phases;

  explicit Pipeline(Language lang) : diags(lang) {}
  /// The compiler diagnostics and the findings rendered as diagnostics, unsorted.
  std::vector<Diagnostic> allDiagnostics() const;
  /// The verdict on every norm, in norm order (not evaluated when evaluation did not run).
  std::vector<NormVerdict> verdicts() const;
  /// Errors and warnings that count: compiler diagnostics and findings no deviation covers.
  size_t errorCount() const;
  size_t warningCount() const;
  /// Prints the compiler errors (not norm findings, which charts and reports
  /// show) to stderr; returns how many there were.
  size_t printCompilerErrors(Language lang);
  /// The end of `graph`, `report` and `export`: writes `content` (unless
  /// `failed`) to `output`, or stdout when empty, prints the compiler errors,
  /// and returns the exit status: 2 when anything failed, 1 with errors, else 0.
  int finishOutput(const std::string &content, const std::string &output, bool failed, Language lang);
  /// Exit status for the diagnostics so far: 2 for usage or I/O errors, 1 for
  /// errors (or warnings with `werror`), else 0.
  int exitStatus(bool werror) const;
};

/// Today's date on this machine, the default reference date.
model::Date today();

/// Runs every stage; the diagnostics are collected, not yet sorted or printed.
void runPipeline(Pipeline &p, const PipelineOptions &options);

}  // namespace cio

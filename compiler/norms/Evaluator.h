// Evaluates every compiled norm over the whole model: each binding of the
// norm's variables for which the filter holds and the requirement does not is
// a finding (Finding.h). Findings then pass through the deviation mechanism
// (Deviations.h: the kind annotated @afwijking, art. 17 in the stdlib).
#pragma once

#include <unordered_map>

#include "diagnostics/DiagnosticEngine.h"
#include "diagnostics/Verdict.h"
#include "model/Model.h"
#include "norms/BranchCoverage.h"
#include "norms/CompiledNorm.h"
#include "norms/Deviations.h"
#include "norms/Finding.h"

namespace cio {

/// What the evaluation decided: the findings and how each deviation stands;
/// per norm a tally and a verdict (Verdict.h); the norms not evaluated (their
/// level is absent); the bindings whose conclusion an error in the data
/// withholds; and with `recordOutcomes` one outcome per binding that passed
/// the filters, at the entity the finding is (or would be) about.
struct Evaluation {
  struct Outcome {
    const CompiledNorm *norm;
    model::EntityId entity;  // kNone when no variable is an entity
    enum class Result { Holds, Violated, Covered, Unknown } result;
  };
  std::vector<const CompiledNorm *> evaluated, notEvaluated;
  std::vector<Outcome> outcomes;
  std::vector<Outcome> withheld;                            // always recorded: every Unknown outcome
  std::vector<Finding> findings;                            // in norm order, then binding order
  std::vector<DeviationStatus> deviations;                  // one per deviation entity, in entity order
  std::unordered_map<const CompiledNorm *, Tally> tallies;  // every evaluated norm

  /// One norm's evaluation as it was before deviations were applied: kept
  /// (with an IncrementalEvaluation) for the next analysis to take over
  /// when none of the norm's inputs changed.
  struct Run {
    bool evaluated = false;
    Tally tally;
    std::vector<Finding> findings;
    std::vector<Outcome> outcomes, withheld;
    std::vector<size_t> outcomeOfFinding;  // per finding, its index in `outcomes`
  };
  std::vector<Run> runs;  // by norm index; empty unless kept
  bool outcomesRecorded = false;
  size_t reused = 0;  // norms taken over from the previous evaluation

  /// The verdict on `norm`: NotEvaluated for a norm not evaluated or not known.
  Verdict verdict(const CompiledNorm *norm) const;
};

/// The language server's evaluation: keep each norm's run, and take over the
/// runs of `prior` (an evaluation of `priorNorms` over `priorModel`) for the
/// norms whose inputs (CompiledNorm::reads, ModelChange.h) did not change.
/// The caller makes sure that the norms and the schema are the same as then:
/// norm i now is norm i then.
struct IncrementalEvaluation {
  const CompiledNorms *priorNorms = nullptr;
  const model::Model *priorModel = nullptr;
  const Evaluation *prior = nullptr;
  const std::vector<bool> *sameFields = nullptr;  // by entity: fields known to be those of `priorModel`
};

/// Evaluates the norms; compiler diagnostics of the evaluation (norms not
/// evaluated, deviations that cover nothing) go to `diags`. With `coverage`,
/// the outcome of every decision it registered is recorded there.
Evaluation evaluateNorms(const CompiledNorms &norms, const model::Model &model, DiagnosticEngine &diags,
                         bool recordOutcomes = false, BranchCoverage *coverage = nullptr,
                         const IncrementalEvaluation *incremental = nullptr);

}  // namespace cio

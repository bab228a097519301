// Evaluates every compiled norm over the whole model: each binding of the
// norm's variables for which the filter holds and the requirement does not is
// a finding (Finding.h). Findings then pass through the deviation mechanism
// (Deviations.h: the kind annotated @afwijking, art. 17 in the stdlib).
#pragma once

#include <unordered_map>

#include "diagnostics/DiagnosticEngine.h"
#include "model/Model.h"
#include "norms/BranchCoverage.h"
#include "norms/CompiledNorm.h"
#include "norms/Deviations.h"
#include "norms/Finding.h"
#include "diagnostics/Verdict.h"

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
  std::vector<Outcome> withheld;            // always recorded: every Unknown outcome
  std::vector<Finding> findings;            // in norm order, then binding order
  std::vector<DeviationStatus> deviations;  // one per deviation entity, in entity order
  std::unordered_map<const CompiledNorm *, Tally> tallies;  // every evaluated norm

  /// The verdict on `norm`: NotEvaluated for a norm not evaluated or not known.
  Verdict verdict(const CompiledNorm *norm) const;
};

/// Evaluates the norms; compiler diagnostics of the evaluation (norms not
/// evaluated, deviations that cover nothing) go to `diags`. With `coverage`,
/// the outcome of every decision it registered is recorded there.
Evaluation evaluateNorms(const CompiledNorms &norms, const model::Model &model, DiagnosticEngine &diags,
                         bool recordOutcomes = false, BranchCoverage *coverage = nullptr);

}  // namespace cio

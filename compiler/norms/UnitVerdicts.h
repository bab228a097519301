// The verdict per unit: every top-level organisation of a kind annotated
// @wortel (a ministry, the Rijk) judged on its own, for the report's first
// page and matrix and for the overview chart. A norm concerns a unit when the
// kind its first binding ranges over can lie inside the unit's kind (a norm
// over the Rijk does not concern a ministry); its verdict there comes from its
// outcomes on entities inside the unit alone, and a norm that was not
// evaluated is not evaluated in every unit it concerns. Needs the outcomes
// (evaluateNorms with recordOutcomes).
#pragma once

#include <map>
#include <vector>

#include "diagnostics/Verdict.h"
#include "model/Model.h"
#include "norms/Evaluator.h"

namespace cio {

struct UnitVerdict {
  model::EntityId root = model::kNone;
  Verdict verdict = Verdict::NotEvaluated;
  std::map<const CompiledNorm *, Verdict> norms;  // each norm that concerns it
};

/// One per unit, by kind name and then path.
std::vector<UnitVerdict> judgeUnits(const model::Model &model, const Evaluation &evaluation);

/// The top-level entity that `id` lies in (itself at the top), or kNone.
model::EntityId unitRootOf(const model::Model &model, model::EntityId id);

}  // namespace cio

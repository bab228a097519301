// The dates on which a verdict can change, for the look-ahead (`cioc check
// --vooruit 12m`): read from the model and the compiled norms, not from any
// one norm. A verdict depends on the reference date only through comparisons
// of dates, so it can change only on a date the model holds (a deviation's
// end, a plan's period, an event that has not happened yet, a project's
// start), on the day after it, or on such a date moved by a duration a norm
// names (a handvest older than four years, an evaluation three years on).
#pragma once

#include <vector>

#include "model/Model.h"
#include "norms/CompiledNorm.h"

namespace cio {

/// The candidate dates in (`after`, `until`], sorted, each once.
std::vector<model::Date> changeDates(const model::Model &model, const CompiledNorms &norms, model::Date after,
                                     model::Date until);

}  // namespace cio

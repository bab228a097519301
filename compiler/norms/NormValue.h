// Operations on evaluation values (RValue, CompiledNorm.h).
#pragma once

#include <optional>

#include "norms/CompiledNorm.h"

namespace cio {

/// Equality as `=` has it: a missing value equals only a missing value.
bool equalValues(const RValue &a, const RValue &b);
/// -1, 0 or 1; nullopt when the values cannot be ordered (a missing field).
std::optional<int> orderValues(const RValue &a, const RValue &b);
/// `acc + next` or `acc - next` (sign -1): date ± duration, date − date, or like with like.
RValue addValues(RValue acc, const RValue &next, int sign);
/// A date moved by months and days; 31 January + 1 month is the last day of February.
model::Date addDuration(model::Date d, int32_t months, int32_t days, int sign);

}  // namespace cio

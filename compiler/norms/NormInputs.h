// What a norm reads of the model, recorded once when it is lowered: the
// fields by kind. Besides these a norm reads only the shape of the model
// (which entities there are, their kinds, parents and children, which are
// erroneous) and the reference date; ModelChange.h tells what of that changed.
#pragma once

#include "norms/CompiledNorm.h"

namespace cio {

/// Fills `norm.reads`: every field its domains, filters and requirement read
/// (through the constants they name as well), and the field its findings are
/// anchored at. Sorted and without duplicates.
void recordInputs(CompiledNorm &norm, const CompiledNorms &library);

}  // namespace cio

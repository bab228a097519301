// Type-checks every norm against the schema when its library is compiled:
// each variable is bound, each navigation names a field or an allowed part
// of the kind, comparisons compare like with like, clauses are complete and
// message templates name bound variables. A norm that passes here can be
// evaluated without runtime type errors; the checker also returns its
// evaluable form (CompiledNorm.h), which the evaluator runs.
#pragma once

#include "ast/LoadedFile.h"
#include "diagnostics/DiagnosticEngine.h"
#include "model/Model.h"
#include "norms/CompiledNorm.h"

namespace cio {

/// Reports every type error; returns the compiled form of every complete norm.
CompiledNorms checkNorms(const std::vector<LoadedFile> &files, const model::Schema &schema, DiagnosticEngine &diags);

}  // namespace cio

// The waiver mechanism (art. 17 in the stdlib): the kind annotated
// @uitzondering(van = …, betreft = …, geldig_tot = …) suppresses findings.
#pragma once

#include <vector>

#include "diagnostics/DiagnosticEngine.h"
#include "model/Model.h"

namespace cio {

/// One finding of a norm, with the entities its variables were bound to.
struct Violation {
  Diagnostic diag;
  std::vector<model::EntityId> bound;
};

/// Marks the violations that a waiver covers (`suppressedBy`), and reports
/// expired waivers and waivers that cover nothing.
void applyDeviations(const model::Model &model, std::vector<Violation> &violations, DiagnosticEngine &diags);

/// Whether entity `e` is `container` or lies (transitively) inside it.
bool inside(const model::Model &model, model::EntityId e, model::EntityId container);

}  // namespace cio

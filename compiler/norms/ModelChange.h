// What changed between two models of the same schema, as the norms see it:
// whether the shape changed (the entities, their kinds, names, parents and
// children, what an error leaves unknown, the reference date), and else which
// fields changed on entities of which kind. Ranges are not compared: an edit
// that only moves text changes nothing a norm reads.
#pragma once

#include <vector>

#include "model/Model.h"
#include "norms/CompiledNorm.h"

namespace cio {

struct ModelChange {
  bool shape = false;  // then every norm may read something that changed
  /// Each field written, removed, or of another value on an entity: its kind and the field.
  std::vector<FieldRead> fields;
};

/// `before` and `after` share a schema (the same kinds, by the same ids).
/// `sameFields`, when given, tells by entity that its fields are known to be
/// those of `before` (taken over by the analysis): they are not compared.
ModelChange compareModels(const model::Model &before, const model::Model &after,
                          const std::vector<bool> *sameFields = nullptr);

}  // namespace cio

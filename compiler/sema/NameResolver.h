// Resolves references to entities by the scoping rules of the spec (§4):
// outward through the enclosing blocks, then a unique descendant of the same
// top-level entity, then the top-level names; `A.B.C` steps through direct
// children or unique descendants. Reports unresolved, ambiguous and
// wrong-kind references with did-you-mean help.
#pragma once

#include <map>
#include <optional>
#include <unordered_map>

#include "ast/Ast.h"
#include "diagnostics/DiagnosticEngine.h"
#include "model/Model.h"

namespace cio {

class NameResolver {
 public:
  NameResolver(const model::Model &model, DiagnosticEngine &diags);

  /// Resolves `name` as written inside entity `from`, expecting a `kind`.
  std::optional<model::EntityId> resolve(model::EntityId from, const ast::QualifiedName &name, model::KindId kind,
                                         const std::string &fieldName);

 private:
  model::EntityId rootOf(model::EntityId e) const;
  std::optional<model::EntityId> child(model::EntityId parent, const std::string &name) const;
  /// The descendants of `e` called `name` (all of them, to report ambiguity).
  std::vector<model::EntityId> descendants(model::EntityId e, const std::string &name) const;
  bool step(model::EntityId from, const ast::Ident &part, model::EntityId &out, bool first);
  void reportUnresolved(const ast::Ident &part, model::KindId kind);

  const model::Model &model_;
  DiagnosticEngine &diags_;
  std::map<std::string, model::EntityId> topLevel_;
};

}  // namespace cio

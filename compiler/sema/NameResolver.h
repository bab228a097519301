// Resolves references to entities by the scoping rules of the spec (§4):
// outward through the enclosing blocks, then a unique descendant of the same
// top-level entity, then the top-level names; `A.B.C` steps through direct
// children or unique descendants. Reports unresolved, ambiguous and
// wrong-kind references with did-you-mean help.
#pragma once

#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ast/Ast.h"
#include "diagnostics/DiagnosticEngine.h"
#include "model/Model.h"

namespace cio {

class NameResolver {
 public:
  NameResolver(const model::Model &model, DiagnosticEngine &diags);

  /// Resolves `name` as written inside entity `from`, expecting a `kind`.
  std::optional<model::EntityId> resolve(model::EntityId from, const ast::Reference &name, model::KindId kind,
                                         const std::string &fieldName);

 private:
  model::EntityId rootOf(model::EntityId e) const;
  /// The first child of `parent` called `name`; `root` is the root above `parent`.
  std::optional<model::EntityId> child(model::EntityId parent, Name name, model::EntityId root) const;
  /// The descendants of `e` called `name` (all of them, to report ambiguity).
  std::vector<model::EntityId> descendants(model::EntityId e, Name name) const;
  bool step(model::EntityId from, const ast::Ident &part, model::EntityId &out, bool first);
  void reportUnresolved(const ast::Ident &part, model::KindId kind);

  const model::Model &model_;
  DiagnosticEngine &diags_;
  // Keyed by interned names: a lookup hashes and compares a pointer, not a text.
  std::unordered_map<Name, model::EntityId> topLevel_;
  std::vector<bool> isRoot_;  // by entity: one of the model's roots
  /// Every named entity below a root, sorted by name, then parent, then
  /// depth-first order, so that both a parent's child of a name and all the
  /// descendants of a name are a binary search away (a ministry of 100,000
  /// functies stays linear). Built on first use, per root: the language
  /// server converts the fields of the edited file only. 24 bytes an entity,
  /// where hash maps of vectors took about a hundred.
  struct Named {
    Name name;
    model::EntityId parent;
    uint32_t order;  // depth-first, from the root
    model::EntityId id;
  };
  const std::vector<Named> &indexBelow(model::EntityId root) const;
  mutable std::unordered_map<model::EntityId, std::vector<Named>> below_;
};

}  // namespace cio

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
  std::optional<model::EntityId> child(model::EntityId parent, Name name) const;
  /// The descendants of `e` called `name` (all of them, to report ambiguity).
  std::vector<model::EntityId> descendants(model::EntityId e, Name name) const;
  bool step(model::EntityId from, const ast::Ident &part, model::EntityId &out, bool first);
  void reportUnresolved(const ast::Ident &part, model::KindId kind);

  const model::Model &model_;
  DiagnosticEngine &diags_;
  // Keyed by interned names: a lookup hashes and compares a pointer, not a text.
  std::unordered_map<Name, model::EntityId> topLevel_;
  // Indexes built on first use, so that a reference costs no walk over a
  // block's children or a root's subtree (a ministry of 100,000 functies stays linear).
  struct ParentName {
    model::EntityId parent;
    Name name;
    bool operator==(const ParentName &) const = default;
  };
  struct ParentNameHash {
    size_t operator()(const ParentName &k) const { return std::hash<Name>()(k.name) * 31 + k.parent; }
  };
  mutable std::unordered_map<ParentName, model::EntityId, ParentNameHash> childByName_;  // the first child of that name
  mutable std::vector<bool> childrenIndexed_;  // by entity: its children are in childByName_
  std::vector<bool> isRoot_;                   // by entity: one of the model's roots
  void indexChildren(model::EntityId e) const;
  /// The index of every entity below root `r` by name; null when `r` is not a root.
  const std::unordered_map<Name, std::vector<model::EntityId>> *indexBelow(model::EntityId r) const;
  /// Per root, every entity below it by name, in depth-first order.
  mutable std::unordered_map<model::EntityId, std::unordered_map<Name, std::vector<model::EntityId>>> below_;
};

}  // namespace cio

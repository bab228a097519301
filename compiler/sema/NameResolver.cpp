#include "sema/NameResolver.h"

#include "sema/Sema.h"

namespace cio {

using namespace model;

NameResolver::NameResolver(const Model &model, DiagnosticEngine &diags)
    : model_(model),
      diags_(diags),
      childrenIndexed_(model.entities.size(), false),
      isRoot_(model.entities.size(), false) {
  for (EntityId r : model.roots) {
    if (!model.entities[r].name.empty()) topLevel_.emplace(model.entities[r].name, r);
    isRoot_[r] = true;
  }
}

// The indexes are built on first use, per parent and per root: the language
// server converts the fields of the edited file only, and needs few of them.

void NameResolver::indexChildren(EntityId e) const {
  childrenIndexed_[e] = true;
  for (EntityId c : model_.entities[e].children)
    if (!model_.entities[c].name.empty()) childByName_.emplace(ParentName{e, model_.entities[c].name}, c);
}

const std::unordered_map<Name, std::vector<EntityId>> *NameResolver::indexBelow(EntityId r) const {
  if (!isRoot_[r]) return nullptr;
  auto [it, fresh] = below_.try_emplace(r);
  if (!fresh) return &it->second;
  auto &index = it->second;
  std::vector<EntityId> stack(model_.entities[r].children.rbegin(), model_.entities[r].children.rend());
  while (!stack.empty()) {
    EntityId cur = stack.back();
    stack.pop_back();
    if (!model_.entities[cur].name.empty()) index[model_.entities[cur].name].push_back(cur);
    const auto &kids = model_.entities[cur].children;
    stack.insert(stack.end(), kids.rbegin(), kids.rend());
  }
  return &index;
}

EntityId NameResolver::rootOf(EntityId e) const {
  while (model_.entities[e].parent != kNone) e = model_.entities[e].parent;
  return e;
}

std::optional<EntityId> NameResolver::child(EntityId parent, Name name) const {
  if (!childrenIndexed_[parent]) indexChildren(parent);
  auto it = childByName_.find(ParentName{parent, name});
  if (it == childByName_.end()) return std::nullopt;
  return it->second;
}

std::vector<EntityId> NameResolver::descendants(EntityId e, Name name) const {
  EntityId root = rootOf(e);
  const auto *index = indexBelow(root);
  if (!index) return {};
  auto hit = index->find(name);
  if (hit == index->end()) return {};
  if (e == root) return hit->second;
  std::vector<EntityId> found;  // those strictly inside e, in the same depth-first order
  for (EntityId c : hit->second)
    for (EntityId up = model_.entities[c].parent; up != kNone; up = model_.entities[up].parent)
      if (up == e) {
        found.push_back(c);
        break;
      }
  return found;
}

void NameResolver::reportUnresolved(const ast::Ident &part, KindId kind) {
  Diagnostic &d = diags_.report(DiagId::unresolved_reference, part.range, {part.text});
  std::vector<std::string> names;
  for (const Entity &e : model_.entities)
    if (!e.name.empty() && (kind == kNone || (e.kind != kNone && model_.schema.isA(e.kind, kind))))
      names.push_back(e.name);
  if (std::string s = closestName(part.text, names); !s.empty()) diags_.suggest(d, s);
}

bool NameResolver::step(EntityId from, const ast::Ident &part, EntityId &out, bool first) {
  std::vector<EntityId> candidates;
  if (first) {
    for (EntityId b = from; b != kNone; b = model_.entities[b].parent)
      if (auto c = child(b, part.text)) {
        out = *c;
        return true;
      }
    candidates = descendants(rootOf(from), part.text);
    if (candidates.empty()) {
      auto it = topLevel_.find(part.text);
      if (it != topLevel_.end()) {
        out = it->second;
        return true;
      }
    }
  } else {
    if (auto c = child(from, part.text)) {
      out = *c;
      return true;
    }
    candidates = descendants(from, part.text);
  }
  if (candidates.size() == 1) {
    out = candidates.front();
    return true;
  }
  if (candidates.empty()) return false;
  std::string list;
  for (EntityId c : candidates) list += (list.empty() ? "" : ", ") + model_.entities[c].path;
  Diagnostic &d = diags_.report(DiagId::ambiguous_reference, part.range, {part.text, list});
  for (EntityId c : candidates)
    diags_.addNote(d, DiagId::note_candidate, model_.entities[c].nameRange, {model_.entities[c].path});
  out = kNone;
  return true;
}

std::optional<EntityId> NameResolver::resolve(EntityId from, const ast::Reference &name, KindId kind,
                                              const std::string &fieldName) {
  EntityId cur = from;
  for (size_t i = 0; i < name.parts.size(); ++i) {
    EntityId next = kNone;
    if (!step(cur, name.parts[i], next, i == 0)) {
      reportUnresolved(name.parts[i], i == name.parts.size() - 1 ? kind : kNone);
      return std::nullopt;
    }
    if (next == kNone) return std::nullopt;  // ambiguous, reported
    cur = next;
  }
  const Entity &target = model_.entities[cur];
  if (!target.erroneous && target.kind != kNone && kind != kNone && !model_.schema.isA(target.kind, kind)) {
    Diagnostic &d =
        diags_.report(DiagId::wrong_reference_kind, name.range,
                      {name.str(), model_.schema.kinds[target.kind].name, fieldName, model_.schema.kinds[kind].name});
    diags_.addNote(d, DiagId::note_declared_here, target.nameRange, {name.str()});
    return std::nullopt;
  }
  return cur;
}

}  // namespace cio

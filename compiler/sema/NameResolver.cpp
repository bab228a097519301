#include "sema/NameResolver.h"

#include "sema/Sema.h"

namespace cio {

using namespace model;

NameResolver::NameResolver(const Model &model, DiagnosticEngine &diags)
    : model_(model), diags_(diags), isRoot_(model.entities.size(), false) {
  for (EntityId r : model.roots) {
    if (!model.entities[r].name.empty()) topLevel_.emplace(model.entities[r].name, r);
    isRoot_[r] = true;
  }
}

// Ordered by name as interned (by address: any fixed order serves), then parent, then depth-first order.
static bool namedBefore(Name a, EntityId aParent, uint32_t aOrder, Name b, EntityId bParent, uint32_t bOrder) {
  if (a.data() != b.data()) return std::less<const char *>()(a.data(), b.data());
  if (aParent != bParent) return aParent < bParent;
  return aOrder < bOrder;
}

const std::vector<NameResolver::Named> &NameResolver::indexBelow(EntityId root) const {
  auto [it, fresh] = below_.try_emplace(root);
  std::vector<Named> &index = it->second;
  if (!fresh) return index;
  std::vector<EntityId> stack(model_.entities[root].children.rbegin(), model_.entities[root].children.rend());
  while (!stack.empty()) {
    EntityId cur = stack.back();
    stack.pop_back();
    const Entity &e = model_.entities[cur];
    if (!e.name.empty()) index.push_back({e.name, e.parent, uint32_t(index.size()), cur});
    stack.insert(stack.end(), e.children.rbegin(), e.children.rend());
  }
  index.shrink_to_fit();
  std::sort(index.begin(), index.end(), [](const Named &a, const Named &b) {
    return namedBefore(a.name, a.parent, a.order, b.name, b.parent, b.order);
  });
  return index;
}

EntityId NameResolver::rootOf(EntityId e) const {
  while (model_.entities[e].parent != kNone) e = model_.entities[e].parent;
  return e;
}

std::optional<EntityId> NameResolver::child(EntityId parent, Name name, EntityId root) const {
  const std::vector<Named> &index = indexBelow(root);
  auto it = std::lower_bound(
      index.begin(), index.end(), Named{name, parent, 0, kNone},
      [](const Named &a, const Named &b) { return namedBefore(a.name, a.parent, a.order, b.name, b.parent, b.order); });
  if (it == index.end() || it->name != name || it->parent != parent) return std::nullopt;
  return it->id;  // the first child of that name
}

std::vector<EntityId> NameResolver::descendants(EntityId e, Name name) const {
  EntityId root = rootOf(e);
  if (!isRoot_[root]) return {};
  const std::vector<Named> &index = indexBelow(root);
  auto byName = [](const Named &a, const Named &b) { return std::less<const char *>()(a.name.data(), b.name.data()); };
  auto [from, to] = std::equal_range(index.begin(), index.end(), Named{name, kNone, 0, kNone}, byName);
  std::vector<const Named *> found;  // strictly inside e, then in depth-first order
  for (auto it = from; it != to; ++it) {
    bool inside = e == root;
    for (EntityId up = it->parent; !inside && up != kNone; up = model_.entities[up].parent) inside = up == e;
    if (inside) found.push_back(&*it);
  }
  std::sort(found.begin(), found.end(), [](const Named *a, const Named *b) { return a->order < b->order; });
  std::vector<EntityId> ids;
  ids.reserve(found.size());
  for (const Named *n : found) ids.push_back(n->id);
  return ids;
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
  EntityId root = rootOf(from);  // also every enclosing block's
  if (first) {
    for (EntityId b = from; b != kNone; b = model_.entities[b].parent)
      if (auto c = child(b, part.text, root)) {
        out = *c;
        return true;
      }
    candidates = descendants(root, part.text);
    if (candidates.empty()) {
      auto it = topLevel_.find(part.text);
      if (it != topLevel_.end()) {
        out = it->second;
        return true;
      }
    }
  } else {
    if (auto c = child(from, part.text, root)) {
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

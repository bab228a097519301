#include "ast/EntityTree.h"

namespace cio::ast {

// ---- views ------------------------------------------------------------------

const ValueNode *ValueRef::node() const { return index_.valid() ? &tree_->values[index_.get()] : nullptr; }

ValueKind ValueRef::kind() const { return index_.valid() ? node()->kind() : ValueKind::Literal; }

SourceRange ValueRef::range() const { return index_.valid() ? tree_->range(node()->at) : SourceRange{}; }

Literal ValueRef::literal() const {
  Literal out;
  const ValueNode *v = node();
  if (!v || !v->literal().valid()) return out;
  const LiteralNode &l = tree_->literals[v->literal().get()];
  out.range = tree_->range(v->at);
  out.kind = l.kind;
  out.text = l.text;
  out.second = l.second;
  if (l.unit.valid()) out.unit = view(*tree_, l.unit);
  return out;
}

Reference ValueRef::reference() const {
  const ValueNode *v = node();
  if (!v || v->kind() != ValueKind::Reference) return {Nodes<IdentNode>(*tree_, Span<IdentNode>{}), {}};
  return {Nodes<IdentNode>(*tree_, v->parts()), tree_->range(v->at)};
}

Nodes<ValueNode> ValueRef::items() const {
  const ValueNode *v = node();
  return Nodes<ValueNode>(*tree_, v ? v->items() : Span<ValueNode>{});
}

Ident FieldRef::name() const { return tree_->ident(tree_->fields[index_.get()].name); }

ValueRef FieldRef::value() const { return {*tree_, tree_->fields[index_.get()].value}; }

SourceRange FieldRef::range() const {
  SourceRange name = this->name().range, value = this->value().range();
  return value.valid() ? SourceRange::join(name, value) : name;
}

const EntityNode &EntityRef::node() const { return tree_->entities[index_.get()]; }

Ident EntityRef::kind() const { return tree_->ident(node().kind); }

Nodes<IdentNode> EntityRef::owners() const { return {*tree_, node().owners}; }

std::optional<Ident> EntityRef::name() const {
  if (!node().name.at.valid()) return std::nullopt;
  return tree_->ident(node().name);
}

std::optional<Title> EntityRef::title() const {
  if (!node().titleAt.valid()) return std::nullopt;
  return Title{node().title, tree_->range(node().titleAt)};
}

Nodes<FieldNode> EntityRef::fields() const { return {*tree_, node().fields}; }

Nodes<EntityNode> EntityRef::children() const { return {*tree_, node().children}; }

Name EntityRef::doc() const { return node().doc; }

SourceRange EntityRef::range() const { return tree_->range(node().at); }

// ---- copying an item between trees ---------------------------------------------

EntityTree::Mark EntityTree::mark() const {
  return {uint32_t(entities.size()), uint32_t(fields.size()), uint32_t(values.size()), uint32_t(literals.size()),
          uint32_t(idents.size())};
}

namespace {

/// Moves an index from the source tree's numbering to the destination's.
template <class Node>
Index<Node> rebase(Index<Node> i, uint32_t from, uint32_t to) {
  return i.valid() ? Index<Node>(i.get() - from + to) : i;
}
template <class Node>
Span<Node> rebase(Span<Node> s, uint32_t from, uint32_t to) {
  return s.count == 0 ? Span<Node>{} : Span<Node>{rebase(s.first, from, to), s.count};
}

Offsets moved(Offsets at, int64_t delta) {
  if (!at.valid()) return at;
  return {uint32_t(int64_t(at.begin) + delta), uint32_t(int64_t(at.end) + delta)};
}

}  // namespace

Index<EntityNode> EntityTree::append(const EntityTree &source, Mark from, Mark to, Index<EntityNode> root,
                                     int64_t delta) {
  Mark here = mark();
  for (uint32_t i = from.idents; i < to.idents; ++i) {
    IdentNode n = source.idents[i];
    n.at = moved(n.at, delta);
    idents.push_back(n);
  }
  for (uint32_t i = from.literals; i < to.literals; ++i) {
    LiteralNode n = source.literals[i];
    n.unit = rebase(n.unit, from.idents, here.idents);
    literals.push_back(n);
  }
  for (uint32_t i = from.values; i < to.values; ++i) {
    ValueNode n = source.values[i];
    n.at = moved(n.at, delta);
    switch (n.kind()) {
      case ValueKind::Literal:
        if (n.literal().valid()) n.setLiteral(rebase(n.literal(), from.literals, here.literals));
        break;
      case ValueKind::Reference:
        n.setReference(rebase(n.parts(), from.idents, here.idents));
        break;
      case ValueKind::List:
        n.setList(rebase(n.items(), from.values, here.values));
        break;
    }
    values.push_back(n);
  }
  for (uint32_t i = from.fields; i < to.fields; ++i) {
    FieldNode n = source.fields[i];
    n.name.at = moved(n.name.at, delta);
    n.value = rebase(n.value, from.values, here.values);
    fields.push_back(n);
  }
  for (uint32_t i = from.entities; i < to.entities; ++i) {
    EntityNode n = source.entities[i];
    n.kind.at = moved(n.kind.at, delta);
    n.name.at = moved(n.name.at, delta);
    n.titleAt = moved(n.titleAt, delta);
    n.at = moved(n.at, delta);
    n.owners = rebase(n.owners, from.idents, here.idents);
    n.fields = rebase(n.fields, from.fields, here.fields);
    n.children = rebase(n.children, from.entities, here.entities);
    entities.push_back(n);
  }
  return rebase(root, from.entities, here.entities);
}

void EntityTree::release() {
  unsigned keep = buffer;
  *this = EntityTree();
  buffer = keep;
  released_ = true;
}

void EntityTree::shrinkToFit() {
  entities.shrink_to_fit();
  fields.shrink_to_fit();
  values.shrink_to_fit();
  literals.shrink_to_fit();
  idents.shrink_to_fit();
  roots.shrink_to_fit();
}

}  // namespace cio::ast

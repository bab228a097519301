// The entities of one file as arrays, in the style of the Carbon toolchain:
// entities, fields, values, literals and identifiers each live in an array of
// their own node type, and a node names its parts by typed indices (an index of
// an entity cannot be given where a field is meant). Literals and the parts of
// references are side tables; positions are byte offsets into the file's
// buffer, which the tree holds once. This is what a workspace's data costs in
// memory after parsing (a field is 24 bytes, where a tree of owned nodes
// made it 112 plus its allocations), so it is kept small on purpose.
//
// Consumers read the tree through views (EntityRef, FieldRef, ValueRef,
// Ident): small values that point into the tree and compute ranges on demand.
// A view lives as long as the tree it points into.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/Name.h"
#include "base/SourceRange.h"

namespace cio::ast {

struct Ident {
  Name text;
  SourceRange range;
};

enum class LiteralKind : uint8_t { Text, Number, Date, YearPeriod, DatePeriod, Bool, Article };

struct Literal {
  SourceRange range;
  LiteralKind kind = LiteralKind::Text;
  Name text;                  // decoded text; number, date or article as written
  Name second;                // end of a period
  std::optional<Ident> unit;  // `12 mln`, `3 jaar`
};

/// An entity's title (`ministerie FIN "Financiën"`): decoded text and where it stands.
struct Title {
  Name text;
  SourceRange range;
};

/// A typed index into one of an EntityTree's arrays.
template <class Node>
class Index {
 public:
  constexpr Index() = default;
  constexpr explicit Index(uint32_t value) : value_(value) {}
  constexpr uint32_t get() const { return value_; }
  constexpr bool valid() const { return value_ != UINT32_MAX; }
  friend constexpr bool operator==(Index, Index) = default;

 private:
  uint32_t value_ = UINT32_MAX;
};

/// Consecutive nodes of one array: [first, first + count).
template <class Node>
struct Span {
  Index<Node> first{0};
  uint32_t count = 0;
};

/// A half-open byte range in the tree's buffer; `begin == kNoPosition` for none.
struct Offsets {
  static constexpr uint32_t kNoPosition = UINT32_MAX;
  uint32_t begin = kNoPosition, end = kNoPosition;
  bool valid() const { return begin != kNoPosition; }
};

struct IdentNode {
  Name text;
  Offsets at;
};

struct LiteralNode {
  Name text;
  Name second;
  Index<IdentNode> unit;  // none when written without one
  LiteralKind kind = LiteralKind::Text;
};

enum class ValueKind : uint8_t { Literal, Reference, List };

/// One literal (in the side table of literals), one reference (its parts in the
/// table of identifiers) or a list (its items consecutive values).
class ValueNode {
 public:
  Offsets at;
  ValueKind kind() const { return kind_; }
  void setLiteral(Index<LiteralNode> l) { set(ValueKind::Literal, l.get(), 1); }
  void setReference(Span<IdentNode> parts) { set(ValueKind::Reference, parts.first.get(), parts.count); }
  void setList(Span<ValueNode> items) { set(ValueKind::List, items.first.get(), items.count); }
  /// The part of the value its kind says it has; an empty one for another kind.
  Index<LiteralNode> literal() const {
    return kind_ == ValueKind::Literal ? Index<LiteralNode>(first_) : Index<LiteralNode>();
  }
  Span<IdentNode> parts() const {
    return kind_ == ValueKind::Reference ? Span<IdentNode>{Index<IdentNode>(first_), count_} : Span<IdentNode>{};
  }
  Span<ValueNode> items() const {
    return kind_ == ValueKind::List ? Span<ValueNode>{Index<ValueNode>(first_), count_} : Span<ValueNode>{};
  }

 private:
  void set(ValueKind kind, uint32_t first, uint32_t count) {
    kind_ = kind;
    first_ = first;
    count_ = count;
  }
  uint32_t first_ = UINT32_MAX, count_ = 0;
  ValueKind kind_ = ValueKind::Literal;
};

struct FieldNode {
  IdentNode name;
  Index<ValueNode> value;  // none when the parser could read no value
};

struct EntityNode {
  IdentNode kind;
  IdentNode name;  // no position: an unnamed entity
  Name title;
  Offsets titleAt;  // no position: no title
  Name doc;
  Offsets at;
  /// `dienstonderdeel FIN.BD`: the path of the parent declared elsewhere (FIN),
  /// one part per name; empty for an entity declared where it stands.
  Span<IdentNode> owners;
  Span<FieldNode> fields;
  Span<EntityNode> children;
};

class EntityTree;
class EntityRef;
class FieldRef;
class ValueRef;
Ident view(const EntityTree &tree, Index<IdentNode> i);
EntityRef view(const EntityTree &tree, Index<EntityNode> i);
FieldRef view(const EntityTree &tree, Index<FieldNode> i);
ValueRef view(const EntityTree &tree, Index<ValueNode> i);

/// Nodes seen through their views, in order: those of a span (consecutive in
/// their array), or those an array of indices names (the top-level entities).
template <class Node>
class Nodes {
 public:
  Nodes(const EntityTree &tree, Span<Node> span) : tree_(&tree), first_(span.first.get()), count_(span.count) {}
  Nodes(const EntityTree &tree, const std::vector<Index<Node>> &named)
      : tree_(&tree), named_(named.data()), count_(uint32_t(named.size())) {}
  class iterator {
   public:
    iterator(const Nodes &nodes, uint32_t i) : nodes_(nodes), i_(i) {}
    auto operator*() const { return nodes_[i_]; }
    iterator &operator++() {
      ++i_;
      return *this;
    }
    bool operator==(const iterator &o) const { return i_ == o.i_; }

   private:
    Nodes nodes_;  // a copy: a range may be a temporary
    uint32_t i_;
  };
  iterator begin() const { return {*this, 0}; }
  iterator end() const { return {*this, count_}; }
  size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  auto operator[](size_t i) const { return view(*tree_, named_ ? named_[i] : Index<Node>(first_ + uint32_t(i))); }
  auto front() const { return (*this)[0]; }
  auto back() const { return (*this)[count_ - 1]; }

 private:
  const EntityTree *tree_;
  const Index<Node> *named_ = nullptr;
  uint32_t first_ = 0, count_;
};

/// The texts of `parts` (Idents) joined by dots: `FIN.BD`.
template <class Parts>
std::string dotted(const Parts &parts) {
  std::string out;
  for (const Ident &p : parts) {
    if (!out.empty()) out += '.';
    out += p.text;
  }
  return out;
}

/// A reference as written (`FIN.BD`): its parts and where it stands.
struct Reference {
  Nodes<IdentNode> parts;
  SourceRange range;
  std::string str() const { return dotted(parts); }
};

class ValueRef {
 public:
  ValueRef(const EntityTree &tree, Index<ValueNode> i) : tree_(&tree), index_(i) {}
  /// A value the parser could not read is an empty literal without a range.
  ValueKind kind() const;
  SourceRange range() const;
  /// The value's literal, reference or items; an empty one when it is of another kind.
  Literal literal() const;
  Reference reference() const;
  Nodes<ValueNode> items() const;

 private:
  const ValueNode *node() const;
  const EntityTree *tree_;
  Index<ValueNode> index_;
};

class FieldRef {
 public:
  FieldRef(const EntityTree &tree, Index<FieldNode> i) : tree_(&tree), index_(i) {}
  Ident name() const;
  ValueRef value() const;
  /// From the name to the end of the value.
  SourceRange range() const;

 private:
  const EntityTree *tree_;
  Index<FieldNode> index_;
};

class EntityRef {
 public:
  EntityRef(const EntityTree &tree, Index<EntityNode> i) : tree_(&tree), index_(i) {}
  Ident kind() const;
  Nodes<IdentNode> owners() const;
  std::optional<Ident> name() const;
  std::optional<Title> title() const;
  Nodes<FieldNode> fields() const;
  Nodes<EntityNode> children() const;
  Name doc() const;
  SourceRange range() const;
  const EntityTree &tree() const { return *tree_; }
  Index<EntityNode> index() const { return index_; }

 private:
  const EntityNode &node() const;
  const EntityTree *tree_;
  Index<EntityNode> index_;
};

/// The arrays. The AST builder appends to them; an item parsed before is
/// copied in from another tree (the language server's incremental parse).
class EntityTree {
 public:
  unsigned buffer = 0;
  std::vector<EntityNode> entities;
  std::vector<FieldNode> fields;
  std::vector<ValueNode> values;
  std::vector<LiteralNode> literals;
  std::vector<IdentNode> idents;
  /// The entities at the top of the file, in order (not consecutive: each
  /// one's parts follow it).
  std::vector<Index<EntityNode>> roots;

  SourceRange range(Offsets at) const { return at.valid() ? SourceRange{buffer, at.begin, at.end} : SourceRange{}; }
  Ident ident(const IdentNode &n) const { return {n.text, range(n.at)}; }

  /// Room for `count` consecutive nodes, default-constructed.
  Span<EntityNode> addEntities(uint32_t count) { return grow(entities, count); }
  Span<FieldNode> addFields(uint32_t count) { return grow(fields, count); }
  Span<ValueNode> addValues(uint32_t count) { return grow(values, count); }
  Index<LiteralNode> addLiteral(const LiteralNode &l) { return push(literals, l); }
  Index<IdentNode> addIdent(const IdentNode &i) { return push(idents, i); }

  /// How many nodes of each type: taken before and after an item is built,
  /// two marks delimit its nodes (an item's nodes are consecutive in each array).
  struct Mark {
    uint32_t entities = 0, fields = 0, values = 0, literals = 0, idents = 0;
  };
  Mark mark() const;
  /// Appends the nodes of `source` between `from` and `to`, whose top is
  /// `root`, with every index rebased and every position moved by `delta`
  /// bytes; returns the index of the root here. The copy's positions are in this tree's buffer.
  Index<EntityNode> append(const EntityTree &source, Mark from, Mark to, Index<EntityNode> root, int64_t delta);
  /// Gives back what the arrays reserved beyond their size.
  void shrinkToFit();
  /// Frees every node, for a file whose entities are in the model and read no
  /// more (see PipelineOptions::freeEntitySyntax); reading them after is a bug.
  void release();
  bool released() const { return released_; }

 private:
  bool released_ = false;
  template <class Node>
  static Span<Node> grow(std::vector<Node> &v, uint32_t count) {
    Span<Node> s{Index<Node>(uint32_t(v.size())), count};
    v.resize(v.size() + count);
    return s;
  }
  template <class Node>
  static Index<Node> push(std::vector<Node> &v, const Node &n) {
    v.push_back(n);
    return Index<Node>(uint32_t(v.size() - 1));
  }
};

inline Ident view(const EntityTree &tree, Index<IdentNode> i) { return tree.ident(tree.idents[i.get()]); }
inline EntityRef view(const EntityTree &tree, Index<EntityNode> i) { return {tree, i}; }
inline FieldRef view(const EntityTree &tree, Index<FieldNode> i) { return {tree, i}; }
inline ValueRef view(const EntityTree &tree, Index<ValueNode> i) { return {tree, i}; }

}  // namespace cio::ast

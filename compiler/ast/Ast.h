// The abstract syntax tree: an owned, compact copy of what a .cio file says,
// with exact source ranges. The parse tree is dropped once this is built.
// The entities, which are nearly all of a workspace, are arrays addressed by
// typed indices (EntityTree.h); the declarations of kinds, norms and articles,
// which only libraries hold, are a tree of owned nodes.
// Literals keep their source text; sema gives them types and values, so the
// AST stays a faithful picture of the input (the formatter needs that too).
#pragma once

#include <cassert>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ast/EntityTree.h"
#include "base/Name.h"
#include "base/SourceRange.h"

namespace cio::ast {

struct QualifiedName {
  std::vector<Ident> parts;
  SourceRange range;
  std::string str() const { return dotted(parts); }
};

// ---- expressions (norms, constants) ----------------------------------------
enum class ExprKind {
  Literal,
  Name,
  ReferenceDate,
  Call,
  List,
  Has,
  Path,
  Compare,
  Add,
  And,
  Or,
  Not,
  Implies,
  ForAll,
  Exists,
  None,
};

struct Expr {
  ExprKind kind = ExprKind::Literal;
  std::string op;                // Compare: = != < <= > >= in; Add: one op per extra operand
  std::vector<std::string> ops;  // Add: the operators between operands
  Ident ident;                   // Name, Call callee, Path field, quantifier variable
  Literal literal;
  std::vector<std::unique_ptr<Expr>> operands;
  SourceRange range;
};
using ExprPtr = std::unique_ptr<Expr>;

// ---- schema -----------------------------------------------------------------
struct AnnotationArg {
  Ident key;
  std::optional<Ident> value;
};

struct Annotation {
  Ident name;
  std::vector<AnnotationArg> args;
  SourceRange range;
};

struct TypeRef {
  bool isList = false;
  Ident name;                        // element name for lists
  std::unique_ptr<TypeRef> element;  // lists only
  bool optional = false;
  SourceRange range;
};

struct FieldDecl {
  Ident name;
  TypeRef type;
  std::vector<Annotation> annotations;
  Name doc;
  SourceRange range;
};

struct ContainsDecl {
  Ident kind;
  uint32_t min = 0;
  std::optional<uint32_t> max;  // none means unbounded
  SourceRange range;
};

struct KindDecl {
  Ident name;
  std::optional<Ident> base;
  std::vector<Annotation> annotations;
  std::vector<FieldDecl> fields;
  std::vector<ContainsDecl> contains;
  Name doc;
  SourceRange range;
};

struct EnumDecl {
  Ident name;
  std::vector<Ident> values;
  Name doc;
  SourceRange range;
};

struct ConstantDecl {
  Ident name;
  ExprPtr value;
  Name doc;
  SourceRange range;
};

struct ArticleDecl {
  Ident ref;
  Name text;
  Name doc;  // in the stdlib: the toelichting on this article or lid
  SourceRange range;
};

struct LibraryDecl {
  Ident name;
  Span<FieldNode> fields;  // in the file's tree
  Name doc;
  SourceRange range;
};

struct UseDecl {
  QualifiedName library;
  SourceRange range;
};

struct NormBinding {
  Ident variable;
  ExprPtr domain;
};

struct NormDecl {
  Ident name;
  std::optional<Ident> article;
  std::optional<Ident> severity;
  std::vector<NormBinding> bindings;
  std::vector<ExprPtr> filters;
  ExprPtr requirement;
  std::optional<Literal> message;
  std::optional<Literal> help;
  Name doc;
  SourceRange range;
};

/// One parsed .cio file. Each list keeps declaration order.
struct File {
  unsigned buffer = 0;
  std::string path;
  std::vector<UseDecl> uses;
  std::vector<LibraryDecl> libraries;
  std::vector<KindDecl> kinds;
  std::vector<EnumDecl> enums;
  std::vector<ConstantDecl> constants;
  std::vector<ArticleDecl> articles;
  std::vector<NormDecl> norms;
  /// The entities, and the fields of the library declarations, as arrays (see EntityTree.h).
  EntityTree tree;

  /// The top-level entities, in order.
  Nodes<EntityNode> entities() const {
    assert(!tree.released() && "the entities were freed after they were lowered");
    return {tree, tree.roots};
  }
  Nodes<FieldNode> fields(const LibraryDecl &l) const { return {tree, l.fields}; }
};

}  // namespace cio::ast

// The abstract syntax tree: an owned, compact copy of what a .cio file says,
// with exact source ranges. The parse tree is dropped once this is built.
// Literals keep their source text; sema gives them types and values, so the
// AST stays a faithful picture of the input (the formatter needs that too).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/Name.h"
#include "base/SourceRange.h"

namespace cio::ast {

struct Ident {
  Name text;
  SourceRange range;
};

struct QualifiedName {
  std::vector<Ident> parts;
  SourceRange range;
  std::string str() const;
};

enum class LiteralKind : uint8_t { Text, Number, Date, YearPeriod, DatePeriod, Bool, Article };

struct Literal {
  SourceRange range;
  LiteralKind kind = LiteralKind::Text;
  Name text;                  // decoded text; number, date or article as written
  Name second;                // end of a period
  std::optional<Ident> unit;  // `12 mln`, `3 jaar`
};

/// A field's value: one literal, one reference or a list, held as the one it
/// is (a literal, a reference and a list side by side made every field 296 bytes).
class Value {
 public:
  enum class Kind : uint8_t { Literal, Reference, List };  // in the order of the alternatives
  SourceRange range;

  Kind kind() const { return static_cast<Kind>(payload_.index()); }
  /// The value's literal, reference or items; an empty one when it is of another kind
  /// (a value the parser could not read is an empty literal).
  const Literal &literal() const;
  const QualifiedName &reference() const;
  const std::vector<Value> &items() const;
  Literal *literalIf() { return std::get_if<Literal>(&payload_); }
  QualifiedName *referenceIf() { return std::get_if<QualifiedName>(&payload_); }
  std::vector<Value> *itemsIf() { return std::get_if<std::vector<Value>>(&payload_); }

  void set(Literal l) { payload_ = std::move(l); }
  void set(QualifiedName q) { payload_ = std::move(q); }
  void set(std::vector<Value> items) { payload_ = std::move(items); }

 private:
  std::variant<Literal, QualifiedName, std::vector<Value>> payload_;
};

struct FieldAssign {
  Ident name;
  Value value;
  /// From the name to the end of the value (computed: a field is the most
  /// frequent node, and its own range would be an eighth of it).
  SourceRange range() const { return value.range.valid() ? SourceRange::join(name.range, value.range) : name.range; }
};

/// An entity's title (`ministerie FIN "Financiën"`): decoded text and where it stands.
struct Title {
  Name text;
  SourceRange range;
};

struct Entity {
  Ident kind;
  /// `dienstonderdeel FIN.BD`: the path of the parent declared elsewhere (FIN),
  /// one part per name; empty for an entity declared where it stands.
  std::vector<Ident> owners;
  std::optional<Ident> name;
  std::optional<Title> title;
  std::vector<FieldAssign> fields;
  std::vector<Entity> children;
  Name doc;
  SourceRange range;
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
  std::vector<FieldAssign> fields;
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

/// Moves every range in `e` by `delta` bytes into `buffer`: for an entity
/// parsed before at another offset (the language server's reuse of unchanged
/// top-level items, see syntax/Parse.h).
void moveRanges(Entity &e, int64_t delta, unsigned buffer);

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
  std::vector<Entity> entities;
};

}  // namespace cio::ast

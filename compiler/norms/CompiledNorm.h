// The evaluable form of the norms. The type checker resolves every name to a
// variable slot, a constant, a kind or a field, every operator to an opcode and
// every literal to a value; the evaluator then never consults the AST, compares
// operator strings or looks names up. Each variable of a norm (its bindings
// first, then every quantifier) has a slot of its own, so no name is shadowed.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/SourceRange.h"
#include "diagnostics/Diagnostic.h"
#include "model/Model.h"

namespace cio {

/// A value at evaluation time. Enum values compare by name (the checker made
/// sure both sides belong to the same enum).
///
/// Data with an error in the source is *unknown* (no cascades): a Null with
/// `unknown` is a value nobody knows, a Set with `unknown` may have more
/// members than it holds. The logic is Kleene's: `onwaar en ?` is onwaar,
/// `waar of ?` is waar, and whatever else depends on an unknown is unknown.
struct RValue {
  enum class K : uint8_t { Null, Bool, Number, Money, Date, Duration, Period, Text, Article, Enum, Entity, Set };
  K k = K::Null;
  bool flag = false;
  bool unknown = false;
  model::EntityId ref = model::kNone;
  double number = 0;
  int64_t cents = 0;
  model::Date date = 0, until = 0;  // Date; Period is [date, until]
  int32_t months = 0, days = 0;
  Name text;  // interned: a value copied into every binding copies no string
  std::vector<RValue> items;

  static RValue unknownValue() {
    RValue v;
    v.unknown = true;
    return v;
  }
  static RValue boolean(bool b) {
    RValue v;
    v.k = K::Bool;
    v.flag = b;
    return v;
  }
  static RValue entity(model::EntityId e) {
    RValue v;
    v.k = K::Entity;
    v.ref = e;
    return v;
  }
  bool truthy() const { return k == K::Bool && flag; }
  /// An unknown value, or a set that may be incomplete.
  bool doubtful() const { return unknown; }
  /// The members of a set, or the value itself as a one-element set (nothing for Null).
  std::vector<RValue> members() const & {
    if (k == K::Set) return items;
    if (k == K::Null) return {};
    return {*this};
  }
  /// The same, taken from a value that is no longer needed (a domain of every
  /// entity of a kind is not copied).
  std::vector<RValue> members() && {
    if (k == K::Set) return std::move(items);
    if (k == K::Null) return {};
    return {std::move(*this)};
  }
};

/// A field value of the model as an evaluation value.
RValue toRValue(const model::Value &v);

enum class Op : uint8_t {
  Invalid,        // rejected by the checker; never evaluated
  Constant,       // `value`
  ConstantRef,    // the library constant number `slot`
  Variable,       // the variable in `slot`
  KindSet,        // every entity of `kind`
  ReferenceDate,  // `peildatum`
  Field,          // args[0].`name`; `kind` is the kind args[0] is known to have (kNone: any)
  Children,       // the children of args[0] that are a `kind` (one, where the schema allows one)
  Parent,         // args[0].ouder
  Count,          // aantal(args[0])
  PeriodStart,    // begin(args[0]): the first day of a period
  PeriodEnd,      // einde(args[0]): the last day of a period
  Line,           // lijn(args[0]): every entity above it along the @hierarchie field `name` of `kind`, nearest first
  List,           // [args…]
  Has,            // heeft args[0]
  // From Not to Within each operation is true or false (yieldsTruth); keep them together.
  Not,
  And,
  Or,
  Implies,
  ForAll,  // elk `slot` in args[0]: args[1]
  Exists,  // er is een `slot` in args[0] met args[1]
  None,    // geen `slot` in args[0] met args[1]
  Equal,
  NotEqual,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  In,        // an element of a set or list
  InPeriod,  // a date within a period
  Within,    // `binnen`
  Add,       // args[0] ± args[1] ± …, `signs` per further operand
};

/// Whether an operation's value is true or false (a decision, for branch coverage).
inline bool yieldsTruth(Op op) { return op == Op::Has || (op >= Op::Not && op <= Op::Within); }

struct CExpr {
  Op op = Op::Invalid;
  uint32_t slot = 0;
  model::KindId kind = model::kNone;
  Name name;     // Field
  RValue value;  // Constant
  std::vector<int8_t> signs;
  std::vector<CExpr> args;
  SourceRange range;  // the expression as written, for `cioc test`'s branch coverage
};

/// A message template split once into literal text and holes: a hole is the
/// value of the binding in `slot` (`{m}` in `"{m} heeft geen CIO"`).
struct TemplatePart {
  std::string text;         // literal text; or the hole as written, shown when its value has no text form
  uint32_t slot = kNoHole;  // the binding whose value fills the hole
  static constexpr uint32_t kNoHole = UINT32_MAX;
};
using MessageTemplate = std::vector<TemplatePart>;

/// A field a norm reads: on entities that are a `kind` (kNone: of any kind).
struct FieldRead {
  model::KindId kind = model::kNone;
  Name field;
  bool operator==(const FieldRead &) const = default;
  auto operator<=>(const FieldRead &) const = default;  // by kind, then by the field's text
};

/// Everything the evaluator and the emitters need of a norm: after lowering,
/// nothing reads the AST.
struct CompiledNorm {
  std::string name;
  SourceRange nameRange;
  std::string article;  // in `art3.1` notation; a key of Schema::articles
  Severity severity = Severity::Error;
  std::string doc;  // the doc comment, for hover and `explain`
  MessageTemplate message, help;
  std::vector<std::string> variables;  // by slot; the bindings come first
  std::vector<CExpr> domains;          // one per binding; binding i has slot i
  std::vector<CExpr> filters;
  std::vector<size_t> filterLevel;  // per filter: the binding after which all its variables are bound
  CExpr requirement;
  std::string reportField;  // where the requirement reads the first variable only through one field: its name
  /// Every field the norm reads (NormInputs.h), recorded when it is lowered:
  /// the language server evaluates again only the norms whose inputs changed.
  std::vector<FieldRead> reads;
};

/// The norms and constants of every loaded file, in file and declaration order.
struct CompiledNorms {
  std::vector<CExpr> constants;                   // by the slot of ConstantRef
  std::map<std::string, uint32_t> constantSlots;  // by name (annotations name constants)
  std::vector<CompiledNorm> norms;
};

}  // namespace cio

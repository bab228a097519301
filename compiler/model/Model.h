// The semantic model: the schema compiled from the libraries, and every entity
// of the workspace resolved and typed. Built once by sema, then read-only for
// the norm evaluator and the emitters. Entities and kinds are addressed by
// index, never by pointer, so the model is compact and cheap to copy around.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/Name.h"
#include "base/SourceRange.h"
#include "model/CompactList.h"
#include "model/RareList.h"

namespace cio::model {

using KindId = uint32_t;
using EntityId = uint32_t;
using EnumId = uint32_t;
inline constexpr uint32_t kNone = UINT32_MAX;

/// Days since 1970-01-01 in the proleptic Gregorian calendar.
using Date = int32_t;
std::optional<Date> makeDate(int year, int month, int day);
void splitDate(Date d, int &year, int &month, int &day);
std::string formatDate(Date d);
std::optional<Date> parseDate(const std::string &iso);

enum class BaseType : uint8_t { Text, Number, Money, Date, Duration, Period, Bool, Article, Enum, Kind };

/// The built-in types by their names in the type language (`tekst`, `datum`, …).
const std::map<std::string, BaseType> &builtinTypes();
/// The name of a built-in type; "" for Enum and Kind, which are named by their declaration.
std::string builtinTypeName(BaseType t);

struct Type {
  BaseType base = BaseType::Text;
  uint32_t ref = kNone;  // the enum or kind for Enum and Kind
  bool list = false;
};

struct Value {
  BaseType type = BaseType::Text;
  bool list = false;
  bool flag = false;  // Bool
  /// A list from which elements with an error were dropped: more members may
  /// belong to it than it holds, so nothing is concluded from its absences.
  bool incomplete = false;
  uint32_t ref = kNone;  // Enum value index or EntityId
  /// The payload of the value's type. A union: a value has one type, and the
  /// values are most of the model (nearly every field holds one).
  union {
    double number;      // Number
    int64_t cents = 0;  // Money
    struct {
      Date date, until;  // Date; Period is [date, until]
    };
    struct {
      int32_t months, days;  // Duration
    };
  };
  Name text;              // Text, Article, and the enum value's name
  RareList<Value> items;  // most values are no list
  SourceRange range;
  /// The payload's bytes, to compare two values of one type whatever it is.
  uint64_t payloadBits() const;
};

/// The annotation that marks a date field as the date of an event (`@gebeurtenis`:
/// an aanmelding, an overleg, an oordeel): what happened on a date after the
/// reference date has not happened yet, so the field has no value until then.
/// A date of another kind (a start, an end of validity) is a plan and counts as written.
inline constexpr char kEventAnnotation[] = "gebeurtenis";

struct FieldInfo {
  Name name;
  Type type;
  bool optional = false;
  bool event = false;  // annotated kEventAnnotation
  std::vector<std::string> annotations;
  std::string doc;
  SourceRange range;
};

struct Containment {
  KindId kind = kNone;
  uint32_t min = 0;
  std::optional<uint32_t> max;
  SourceRange range;
};

/// The annotation that marks the kind whose entities are deviations (spec §5:
/// `@afwijking(van = …, betreft = …, geldig_tot = …)`): a word of the schema
/// language, like @organisatie, which the deviation mechanism reads.
inline constexpr char kDeviationAnnotation[] = "afwijking";

struct AnnotationInfo {
  std::string name;
  std::map<std::string, std::string> args;  // key -> value ("" for positional)
  std::vector<std::string> positional;
};

struct KindInfo {
  std::string name;
  KindId base = kNone;
  std::vector<FieldInfo> fields;  // own fields; base fields via Schema::findField
  std::vector<Containment> contains;
  std::vector<AnnotationInfo> annotations;
  std::string doc;
  SourceRange range;
  const AnnotationInfo *annotation(const std::string &name) const;
};

struct EnumInfo {
  std::string name;
  std::vector<std::string> values;
  SourceRange range;
};

struct Article {
  std::string ref;  // `art3.1`
  std::string text;
  std::string library;
  std::string doc;  // the explanatory notes (toelichting), from the declaration's doc comment
  SourceRange range;
};

struct Library {
  std::string name;
  std::string title, identifier, link, successor;
  std::optional<Date> inForce, ended;
  SourceRange range;
};

struct Schema {
  std::vector<KindInfo> kinds;
  std::map<std::string, KindId> kindByName;
  std::vector<EnumInfo> enums;
  std::map<std::string, EnumId> enumByName;
  std::map<std::string, Article> articles;
  std::vector<Library> libraries;
  /// Named constants by their declaration; their values are compiled with the norms.
  std::map<std::string, SourceRange> constants;

  std::optional<KindId> findKind(const std::string &name) const;
  /// The field `name` of kind `k` or of one of its bases.
  const FieldInfo *findField(KindId k, const std::string &name) const;
  /// Every field of `k`, bases first.
  std::vector<const FieldInfo *> allFields(KindId k) const;
  std::vector<const Containment *> allContains(KindId k) const;
  bool isA(KindId k, KindId base) const;
  /// Navigating from a `parent` to its `child` parts gives one entity when the
  /// schema allows at most one such child (`bevat child [0..1]`), else a set.
  bool childIsSingle(KindId parent, KindId child) const;
  /// Whether `parent` may contain `child` parts at all.
  bool mayContain(KindId parent, KindId child) const;
};

struct FieldValue {
  const FieldInfo *field = nullptr;
  Value value;
  /// Where the field's name is written: it is the field's name to the byte (a
  /// field is found by its exact name), in the value's buffer (sema gives a
  /// value that the parser could not read the name's range). One offset, not a
  /// range of twelve bytes: the model holds a FieldValue per field written.
  uint32_t nameBegin = 0;
  SourceRange nameRange() const {
    if (!value.range.valid() || !field) return {};
    return {value.range.buffer, nameBegin, nameBegin + uint32_t(field->name.size())};
  }
};

// The members are ordered so that none needs padding: the model has one per entity.
struct Entity {
  KindId kind = kNone;
  EntityId parent = kNone;
  Name name;  // empty for an unnamed record
  Name title;
  Name path;  // qualified name, e.g. FIN.BD.CIO_BD
  CompactList<EntityId> children;
  CompactList<FieldValue> fields;
  Name doc;
  SourceRange range, kindRange, nameRange;
  /// What an error in the source leaves unknown (no cascades: the error is
  /// reported once where it is; the norms conclude nothing from what it hides).
  /// `erroneous`: the kind itself is unknown or doubtful, so nothing is known of the entity.
  /// `fieldsIncomplete`: a field was written under a name the kind does not have,
  /// or the body has a syntax error, so a field that seems absent may be there.
  /// `childrenIncomplete`: the body has a syntax error, so a part that seems absent may be there.
  /// An erroneous part leaves its parent's parts of its `likelyKind` unknown
  /// (of any kind when that is kNone).
  bool erroneous = false, fieldsIncomplete = false, childrenIncomplete = false;
  KindId likelyKind = kNone;  // with `erroneous`: the kind it was probably meant to be
  /// Fields written with a value that has an error (a wrong type, an unknown
  /// name): written, but of unknown value. They are not among `fields`.
  RareList<Name> erroneousFields;
  bool fieldIsErroneous(Name name) const;
  /// Declared elsewhere than its parent (`dienstonderdeel FIN.BD`): each part
  /// of the qualifier with the entity it names, for the editor's references and renames.
  RareList<std::pair<EntityId, SourceRange>> ownerRefs;
  /// Interned names: a pointer compare per field.
  const FieldValue *field(Name name) const;
  /// Declared alike: the same kind, name, path, parent and children, and the
  /// same errors in the declaration (before fields are converted).
  bool declaredAlike(const Entity &other) const;
};

struct Model {
  Schema schema;
  std::vector<Entity> entities;
  std::vector<EntityId> roots;
  Date referenceDate = 0;
};

}  // namespace cio::model

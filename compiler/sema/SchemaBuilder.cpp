// Compiles `soort`, `keuze`, `artikel` and `bibliotheek` declarations into the
// schema. Kinds are registered first so fields may refer to kinds declared
// later or in another library; inheritance cycles are cut and reported.
#include <algorithm>
#include <set>

#include "sema/Sema.h"

namespace cio {

using namespace model;

namespace {

/// The annotations the emitters and the deviation mechanism understand, with
/// the arguments each takes (named arguments name fields of the kind).
struct KnownAnnotation {
  const char *name;
  bool onKind, onField;
  std::vector<std::string> namedArgs;  // required named arguments
  unsigned positionalArgs;
  bool argsAreSeverities = false;              // positional arguments are severities, not field names
  std::vector<std::string> optionalArgs = {};  // named arguments that may be left out
  std::vector<std::string> constantArgs = {};  // named arguments that name a constant, not a field
};

const std::vector<KnownAnnotation> &knownAnnotations() {
  static const std::vector<KnownAnnotation> known = {
      {"wortel", true, false, {}, 0},          // may stand at the top level of a file
      {"niveau", true, false, {}, 0},          // a level: norms over it need one declared
      {"organisatie", true, false, {}, 0},     // drawn as a cluster
      {"rol", true, false, {}, 0},             // drawn as a node
      {"orgaan", true, false, {}, 0},          // drawn as a node (a body)
      {"hierarchie", false, true, {}, 0},      // a solid edge to the target; no cycles
      {kEventAnnotation, false, true, {}, 0},  // a date on which something happened: no fact before it
      {"lidmaatschap", false, true, {}, 0},    // edges from the members
      {"voorzitter", false, true, {}, 0},      // an edge to the chair
      {"staf", false, true, {}, 0},            // a staff body drawn beside the role that holds the field
      {"inklapbaar", true, false, {}, 0},      // in an overview of several such units, each one node
      {"relatie", true, false, {}, 2},         // the kind is an edge: @relatie(van, aan)
      // The deviation kind (art. 17 in the stdlib): the article deviated from, the
      // entity concerned, the end date; the date it takes effect, and a constant
      // listing the articles no deviation can cover.
      {kDeviationAnnotation,
       true,
       false,
       {"van", "betreft", "geldig_tot"},
       0,
       false,
       {"vanaf", "uitgezonderd"},
       {"uitgezonderd"}},
      {"hoogstens", true, false, {}, 1, true},  // findings inside such an entity are at most this severe
      {"overzicht", true, false, {}, 0},        // reports list its entities with the outcome of each norm on them
  };
  return known;
}

class SchemaBuilder {
 public:
  SchemaBuilder(Schema &s, DiagnosticEngine &d) : schema_(s), diags_(d) {}

  void run(const std::vector<LoadedFile> &files) {
    for (const LoadedFile &f : files) declare(f.ast());
    for (const LoadedFile &f : files)
      for (const ast::KindDecl &k : f.ast().kinds) define(k);
    cutInheritanceCycles();
    for (const LoadedFile &f : files)
      for (const ast::KindDecl &k : f.ast().kinds) checkAnnotations(k);
    for (const LoadedFile &f : files) libraries(f);
  }

 private:
  void declare(const ast::File &file) {
    for (const ast::KindDecl &k : file.kinds) {
      if (schema_.kindByName.count(k.name.text)) {
        Diagnostic &d = diags_.report(DiagId::duplicate_kind, k.name.range, {k.name.text});
        diags_.addNote(d, DiagId::note_previous_declaration, schema_.kinds[schema_.kindByName[k.name.text]].range);
        continue;
      }
      schema_.kindByName[k.name.text] = static_cast<KindId>(schema_.kinds.size());
      KindInfo info;
      info.name = k.name.text;
      info.doc = k.doc;
      info.range = k.name.range;
      schema_.kinds.push_back(std::move(info));
      declaredFrom_.push_back(&k);
    }
    for (const ast::EnumDecl &e : file.enums) {
      if (schema_.enumByName.count(e.name.text) || schema_.kindByName.count(e.name.text)) {
        diags_.report(DiagId::duplicate_kind, e.name.range, {e.name.text});
        continue;
      }
      EnumInfo info{e.name.text, {}, e.name.range};
      std::set<std::string> seen;
      for (const ast::Ident &v : e.values) {
        if (!seen.insert(v.text).second) {
          diags_.report(DiagId::duplicate_enum_value, v.range, {v.text, e.name.text});
          continue;
        }
        info.values.push_back(v.text);
      }
      schema_.enumByName[e.name.text] = static_cast<EnumId>(schema_.enums.size());
      schema_.enums.push_back(std::move(info));
    }
    for (const ast::ConstantDecl &c : file.constants) {
      auto [it, fresh] = schema_.constants.emplace(c.name.text, c.name.range);
      if (!fresh) {
        Diagnostic &d = diags_.report(DiagId::duplicate_constant, c.name.range, {c.name.text});
        diags_.addNote(d, DiagId::note_previous_declaration, it->second);
      }
    }
    std::string library;
    if (!file.libraries.empty()) library = file.libraries.front().name.text;
    for (const ast::ArticleDecl &a : file.articles) {
      auto [it, fresh] = schema_.articles.emplace(a.ref.text, Article{a.ref.text, a.text, library, a.doc, a.ref.range});
      if (!fresh) {
        Diagnostic &d = diags_.report(DiagId::duplicate_article, a.ref.range, {a.ref.text});
        diags_.addNote(d, DiagId::note_previous_declaration, it->second.range);
      }
    }
  }

  bool resolveType(const ast::TypeRef &t, Type &out) {
    if (t.isList) {
      if (!t.element || t.element->isList) {
        diags_.report(DiagId::unknown_type, t.range, {"[[…]]"});
        return false;
      }
      if (!resolveType(*t.element, out)) return false;
      out.list = true;
      return true;
    }
    auto b = builtinTypes().find(t.name.text);
    if (b != builtinTypes().end()) {
      out.base = b->second;
      return true;
    }
    if (auto k = schema_.findKind(t.name.text)) {
      out.base = BaseType::Kind;
      out.ref = *k;
      return true;
    }
    auto e = schema_.enumByName.find(t.name.text);
    if (e != schema_.enumByName.end()) {
      out.base = BaseType::Enum;
      out.ref = e->second;
      return true;
    }
    std::vector<std::string> names;
    for (auto &[n, _] : builtinTypes()) names.push_back(n);
    for (auto &[n, _] : schema_.kindByName) names.push_back(n);
    for (auto &[n, _] : schema_.enumByName) names.push_back(n);
    Diagnostic &d = diags_.report(DiagId::unknown_type, t.name.range, {t.name.text});
    if (std::string s = closestName(t.name.text, names); !s.empty()) diags_.suggest(d, s);
    return false;
  }

  void define(const ast::KindDecl &k) {
    auto id = schema_.findKind(k.name.text);
    if (!id || declaredFrom_[*id] != &k) return;  // a duplicate, already reported
    KindInfo &info = schema_.kinds[*id];
    if (k.base) {
      if (auto b = schema_.findKind(k.base->text))
        info.base = *b;
      else
        diags_.report(DiagId::unknown_base_kind, k.base->range, {k.base->text});
    }
    for (const ast::Annotation &a : k.annotations) info.annotations.push_back(annotationInfo(a));
    std::set<std::string> seen;
    for (const ast::FieldDecl &f : k.fields) {
      if (!seen.insert(f.name.text).second) {
        diags_.report(DiagId::duplicate_field_decl, f.name.range, {f.name.text, k.name.text});
        continue;
      }
      FieldInfo field;
      field.name = f.name.text;
      field.doc = f.doc;
      field.range = f.name.range;
      field.optional = f.type.optional || (f.type.element && f.type.element->optional);
      if (!resolveType(f.type, field.type)) field.optional = true;  // avoid follow-up "missing" errors
      for (const ast::Annotation &a : f.annotations) field.annotations.push_back(a.name.text);
      field.event =
          std::find(field.annotations.begin(), field.annotations.end(), kEventAnnotation) != field.annotations.end();
      schema_.kinds[*id].fields.push_back(std::move(field));
    }
    for (const ast::ContainsDecl &c : k.contains) {
      auto child = schema_.findKind(c.kind.text);
      if (!child) {
        Diagnostic &d = diags_.report(DiagId::unknown_kind, c.kind.range, {c.kind.text});
        std::vector<std::string> names;
        for (auto &[n, _] : schema_.kindByName) names.push_back(n);
        if (std::string s = closestName(c.kind.text, names); !s.empty()) diags_.suggest(d, s);
        continue;
      }
      if (c.max && c.min > *c.max) {
        diags_.report(DiagId::invalid_cardinality, c.range, {std::to_string(c.min), std::to_string(*c.max)});
        continue;
      }
      schema_.kinds[*id].contains.push_back({*child, c.min, c.max, c.range});
    }
  }

  static AnnotationInfo annotationInfo(const ast::Annotation &a) {
    AnnotationInfo info;
    info.name = a.name.text;
    for (const ast::AnnotationArg &arg : a.args) {
      if (arg.value)
        info.args[arg.key.text] = arg.value->text;
      else
        info.positional.push_back(arg.key.text);
    }
    return info;
  }

  void cutInheritanceCycles() {
    for (KindId k = 0; k < schema_.kinds.size(); ++k) {
      KindId cur = schema_.kinds[k].base;
      for (size_t steps = 0; cur != kNone && steps <= schema_.kinds.size(); ++steps) {
        if (cur == k) {
          diags_.report(DiagId::inheritance_cycle, schema_.kinds[k].range, {schema_.kinds[k].name});
          schema_.kinds[k].base = kNone;
          break;
        }
        cur = schema_.kinds[cur].base;
      }
    }
  }

  void checkAnnotation(const ast::Annotation &a, bool onKind, KindId kind) {
    const KnownAnnotation *known = nullptr;
    for (const KnownAnnotation &k : knownAnnotations())
      if (a.name.text == k.name) known = &k;
    if (!known || (onKind ? !known->onKind : !known->onField)) {
      Diagnostic &d = diags_.report(DiagId::unknown_annotation, a.name.range, {a.name.text});
      std::vector<std::string> names;
      for (const KnownAnnotation &k : knownAnnotations())
        if (onKind ? k.onKind : k.onField) names.push_back(k.name);
      if (std::string s = closestName(a.name.text, names); !s.empty()) diags_.suggest(d, s);
      return;
    }
    unsigned positional = 0;
    for (const ast::AnnotationArg &arg : a.args) {
      if (!arg.value) ++positional;
      auto named = [&](const std::vector<std::string> &names) {
        return std::find(names.begin(), names.end(), arg.key.text) != names.end();
      };
      if (arg.value && !named(known->namedArgs) && !named(known->optionalArgs)) {
        Diagnostic &d = diags_.report(DiagId::annotation_unknown_argument, arg.key.range, {a.name.text, arg.key.text});
        std::vector<std::string> names = known->namedArgs;
        names.insert(names.end(), known->optionalArgs.begin(), known->optionalArgs.end());
        if (std::string s = closestName(arg.key.text, names); !s.empty()) diags_.suggest(d, s);
        continue;
      }
      const std::string &field = arg.value ? arg.value->text : arg.key.text;
      if (known->argsAreSeverities) {
        if (!severityFromWord(field)) diags_.report(DiagId::norm_unknown_severity, arg.key.range, {field});
      } else if (arg.value && std::count(known->constantArgs.begin(), known->constantArgs.end(), arg.key.text)) {
        if (!schema_.constants.count(field))
          diags_.report(DiagId::annotation_unknown_constant, arg.value->range, {a.name.text, field});
      } else if (onKind && !schema_.findField(kind, field))
        diags_.report(DiagId::annotation_unknown_field, arg.value ? arg.value->range : arg.key.range,
                      {a.name.text, field, schema_.kinds[kind].name});
    }
    if (positional != known->positionalArgs)
      diags_.report(DiagId::annotation_argument_count, a.range,
                    {a.name.text, std::to_string(known->positionalArgs), std::to_string(positional)});
    for (const std::string &req : known->namedArgs) {
      bool found = false;
      for (const ast::AnnotationArg &arg : a.args) found |= arg.value && arg.key.text == req;
      if (!found) diags_.report(DiagId::annotation_missing_argument, a.range, {a.name.text, req});
    }
  }

  void checkAnnotations(const ast::KindDecl &k) {
    auto id = schema_.findKind(k.name.text);
    if (!id || declaredFrom_[*id] != &k) return;
    for (const ast::Annotation &a : k.annotations) checkAnnotation(a, true, *id);
    for (const ast::FieldDecl &f : k.fields)
      for (const ast::Annotation &a : f.annotations) checkAnnotation(a, false, *id);
  }

  void libraries(const LoadedFile &f) {
    for (const ast::LibraryDecl &l : f.ast().libraries) {
      Library lib;
      lib.name = l.name.text;
      lib.range = l.name.range;
      for (ast::FieldRef fa : f.ast().fields(l)) {
        ast::Ident name = fa.name();
        const std::string &n = name.text;
        const ast::Literal lit = fa.value().literal();
        const SourceRange valueRange = fa.value().range();
        bool isLiteral = fa.value().kind() == ast::ValueKind::Literal;
        auto text = [&](std::string &out) {
          if (isLiteral && lit.kind == ast::LiteralKind::Text)
            out = lit.text;
          else
            diags_.report(DiagId::type_mismatch, valueRange,
                          {n, "tekst", isLiteral ? literalTypeName(lit) : "verwijzing"});
        };
        auto date = [&](std::optional<Date> &out) {
          Value v;
          bool mismatch = false;
          if (isLiteral && convertLiteral(lit, BaseType::Date, v, diags_, mismatch))
            out = v.date;
          else if (!isLiteral || mismatch)
            diags_.report(DiagId::type_mismatch, valueRange,
                          {n, "datum", isLiteral ? literalTypeName(lit) : "verwijzing"});
        };
        if (n == "titel")
          text(lib.title);
        else if (n == "identificatie")
          text(lib.identifier);
        else if (n == "link")
          text(lib.link);
        else if (n == "opvolger")
          text(lib.successor);
        else if (n == "inwerkingtreding")
          date(lib.inForce);
        else if (n == "vervallen")
          date(lib.ended);
        else {
          Diagnostic &d = diags_.report(DiagId::unknown_library_field, name.range, {n});
          std::string s =
              closestName(n, {"titel", "identificatie", "link", "opvolger", "inwerkingtreding", "vervallen"});
          if (!s.empty()) diags_.suggest(d, s);
        }
      }
      schema_.libraries.push_back(std::move(lib));
    }
  }

  Schema &schema_;
  DiagnosticEngine &diags_;
  std::vector<const ast::KindDecl *> declaredFrom_;
};

}  // namespace

void buildSchema(const std::vector<LoadedFile> &files, Schema &schema, DiagnosticEngine &diags) {
  SchemaBuilder(schema, diags).run(files);
}

void checkReferenceDate(const Schema &schema, Date referenceDate, DiagnosticEngine &diags) {
  for (const Library &lib : schema.libraries) {
    std::string title = lib.title.empty() ? lib.name : lib.title;
    if (lib.inForce && referenceDate < *lib.inForce)
      diags.report(DiagId::reference_date_before_library, lib.range,
                   {formatDate(referenceDate), title, formatDate(*lib.inForce)});
    if (lib.ended && referenceDate >= *lib.ended)
      diags.report(DiagId::library_superseded, lib.range,
                   {title, formatDate(*lib.ended), lib.successor.empty() ? "?" : lib.successor});
  }
}

}  // namespace cio

// `cioc explain KIND` and the schema reference (`cioc explain --schema`, kept
// as docs/schema.md): what a kind is, read from the schema (its doc comment,
// fields, parts and where it may stand) and from the compiled norms (which
// norms judge it and which read each field), and a skeleton to start from.
#include <algorithm>
#include <functional>
#include <set>

#include "driver/Explain.h"

namespace cio {

namespace {

using model::KindId;
using model::kNone;
using model::Schema;

/// The norms (by name, with their article) that judge entities of `kind` and
/// that read each of its fields, from the operations the norms were lowered to.
struct KindUse {
  std::vector<std::string> judging;                         // a binding or quantifier ranges over it or a base
  std::map<std::string, std::vector<std::string>> reading;  // field -> norms
};

void walk(const CExpr &e, const std::function<void(const CExpr &)> &visit) {
  visit(e);
  for (const CExpr &a : e.args) walk(a, visit);
}

std::string normLabel(const CompiledNorm &n) { return n.article.empty() ? n.name : n.name + " (" + n.article + ")"; }

KindUse useOf(KindId kind, const Schema &schema, const CompiledNorms &norms) {
  KindUse use;
  std::set<std::string> fields;
  for (const model::FieldInfo *f : schema.allFields(kind)) fields.insert(f->name);
  for (const CompiledNorm &n : norms.norms) {
    bool judges = false;
    std::set<std::string> reads;
    auto visit = [&](const CExpr &e) {
      if ((e.op == Op::KindSet || e.op == Op::Children) && e.kind != kNone && schema.isA(kind, e.kind)) judges = true;
      // A field read on a base or on a subkind reads this kind's field too; on
      // an unknown kind (`x.ouder.veld`) any kind that has the field.
      if ((e.op == Op::Field || e.op == Op::Line) && fields.count(e.name) &&
          (e.kind == kNone || schema.isA(kind, e.kind) || schema.isA(e.kind, kind)))
        reads.insert(e.name);
    };
    for (const CExpr &d : n.domains) walk(d, visit);
    for (const CExpr &f : n.filters) walk(f, visit);
    walk(n.requirement, visit);
    if (judges) use.judging.push_back(normLabel(n));
    for (const std::string &f : reads) use.reading[f].push_back(normLabel(n));
  }
  // A field an annotation names (`@afwijking(betreft = betreft, …)`) is read
  // by the mechanism behind it, not by a norm; say so rather than "read by none".
  for (KindId k = kind; k != kNone; k = schema.kinds[k].base)
    for (const model::AnnotationInfo &a : schema.kinds[k].annotations) {
      std::vector<std::string> named = a.positional;
      for (const auto &[key, value] : a.args) named.push_back(value);
      for (const std::string &f : named)
        if (fields.count(f)) use.reading[f].push_back("@" + a.name);
    }
  for (auto &[f, readers] : use.reading) readers.erase(std::unique(readers.begin(), readers.end()), readers.end());
  return use;
}

std::string typeName(const model::Type &t, const Schema &schema) {
  std::string name = t.base == model::BaseType::Enum   ? schema.enums[t.ref].name
                     : t.base == model::BaseType::Kind ? schema.kinds[t.ref].name
                                                       : model::builtinTypeName(t.base);
  return t.list ? "[" + name + "]" : name;
}

std::string fieldType(const model::FieldInfo &f, const Schema &schema) {
  return typeName(f.type, schema) + (f.optional ? "?" : "");
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}

std::string sampleValue(const model::Type &t, const Schema &schema) {
  std::string v;
  switch (t.base) {
    case model::BaseType::Text:
      v = "\"…\"";
      break;
    case model::BaseType::Number:
      v = "1";
      break;
    case model::BaseType::Money:
      v = "1 mln";
      break;
    case model::BaseType::Date:
      v = "2025-01-01";
      break;
    case model::BaseType::Duration:
      v = "1 jaar";
      break;
    case model::BaseType::Period:
      v = "2025..2028";
      break;
    case model::BaseType::Bool:
      v = "ja";
      break;
    case model::BaseType::Article:
      v = schema.articles.empty() ? "art1" : schema.articles.begin()->first;
      break;
    case model::BaseType::Enum:
      v = schema.enums[t.ref].values.empty() ? "…" : schema.enums[t.ref].values.front();
      break;
    case model::BaseType::Kind:
      v = upper(schema.kinds[t.ref].name);
      break;
  }
  return t.list ? "[" + v + "]" : v;
}

std::string cardinality(const model::Containment &c) {
  if (!c.max) return c.min == 0 ? "[*]" : "[" + std::to_string(c.min) + "..*]";
  return "[" + std::to_string(c.min) + ".." + std::to_string(*c.max) + "]";
}

/// The kinds that may contain `kind`, in declaration order.
std::vector<KindId> parentsOf(KindId kind, const Schema &schema) {
  std::vector<KindId> parents;
  for (KindId p = 0; p < schema.kinds.size(); ++p)
    if (schema.mayContain(p, kind)) parents.push_back(p);
  return parents;
}

/// The kind among `kind` and its bases whose own declaration holds `f`.
KindId declaringKind(KindId kind, const model::FieldInfo *f, const Schema &schema) {
  for (KindId k = kind; k != kNone; k = schema.kinds[k].base)
    for (const model::FieldInfo &own : schema.kinds[k].fields)
      if (&own == f) return k;
  return kind;
}

bool atTop(KindId kind, const Schema &schema) { return schema.kinds[kind].annotation("wortel") != nullptr; }

/// A declaration of `kind` with every field, inside the nearest chain of parents up to a top-level kind.
std::string skeleton(KindId kind, const Schema &schema, const DiagnosticEngine &diags) {
  std::vector<KindId> chain{kind};
  std::set<KindId> seen{kind};
  while (!atTop(chain.back(), schema) && chain.size() < 8) {
    KindId next = kNone;
    for (KindId p : parentsOf(chain.back(), schema))
      if (!seen.count(p)) {
        next = p;
        break;
      }
    if (next == kNone) break;
    seen.insert(next);
    chain.push_back(next);
  }
  std::string out, indent;
  for (size_t i = chain.size(); i-- > 1;) {
    out += indent + schema.kinds[chain[i]].name + " " + upper(schema.kinds[chain[i]].name) + " {\n";
    indent += "    ";
  }
  std::vector<const model::FieldInfo *> fields = schema.allFields(kind);
  out += indent + schema.kinds[kind].name + " " + upper(schema.kinds[kind].name) + (fields.empty() ? ";\n" : " {\n");
  for (const model::FieldInfo *f : fields)
    out += indent + "    " + f->name + " = " + sampleValue(f->type, schema) + ";  // " + fieldType(*f, schema) +
           (f->optional ? "" : ", " + diags.text(DiagId::label_required)) + "\n";
  if (!fields.empty()) out += indent + "}\n";
  for (size_t i = chain.size(); i-- > 1;) {
    indent.resize(indent.size() - 4);
    out += indent + "}\n";
  }
  return out;
}

std::string joined(const std::vector<std::string> &items) {
  std::string s;
  for (const std::string &i : items) s += (s.empty() ? "" : ", ") + i;
  return s;
}

std::string annotationText(const model::AnnotationInfo &a) {
  std::string s = "@" + a.name;
  std::vector<std::string> args = a.positional;
  for (const auto &[k, v] : a.args)
    if (!k.empty()) args.push_back(k + " = " + v);
  return args.empty() ? s : s + "(" + joined(args) + ")";
}

std::vector<std::string> containsList(KindId kind, const Schema &schema) {
  std::vector<std::string> items;
  for (const model::Containment *c : schema.allContains(kind))
    items.push_back(schema.kinds[c->kind].name + " " + cardinality(*c));
  return items;
}

std::vector<std::string> allowedIn(KindId kind, const Schema &schema, const DiagnosticEngine &diags) {
  std::vector<std::string> items;
  if (atTop(kind, schema)) items.push_back(diags.text(DiagId::label_top_level));
  for (KindId p : parentsOf(kind, schema)) items.push_back(schema.kinds[p].name);
  return items;
}

}  // namespace

void explainKind(llvm::raw_ostream &os, KindId kind, const Schema &schema, const CompiledNorms &norms,
                 const DiagnosticEngine &diags) {
  const model::KindInfo &k = schema.kinds[kind];
  os << diags.text(DiagId::label_kind) << ' ' << k.name;
  if (k.base != kNone) os << " · " << diags.text(DiagId::label_kind_is, {schema.kinds[k.base].name});
  for (const model::AnnotationInfo &a : k.annotations) os << ' ' << annotationText(a);
  os << '\n';
  if (!k.doc.empty()) printWrapped(os, k.doc, "  ");
  KindUse use = useOf(kind, schema, norms);

  os << '\n' << diags.text(DiagId::label_fields) << '\n';
  std::vector<const model::FieldInfo *> fields = schema.allFields(kind);
  if (fields.empty()) printWrapped(os, diags.text(DiagId::label_none), "  ");
  for (const model::FieldInfo *f : fields) {
    os << "  " << f->name << ": " << fieldType(*f, schema);
    for (const std::string &a : f->annotations) os << " @" << a;
    if (KindId from = declaringKind(kind, f, schema); from != kind)
      os << "  (" << diags.text(DiagId::label_inherited_from, {schema.kinds[from].name}) << ')';
    os << '\n';
    if (!f->doc.empty()) printWrapped(os, f->doc, "      ");
    if (f->type.base == model::BaseType::Enum)
      printWrapped(os, diags.text(DiagId::label_values, {joined(schema.enums[f->type.ref].values)}), "      ");
    auto reading = use.reading.find(f->name);
    printWrapped(os,
                 reading == use.reading.end() ? diags.text(DiagId::label_read_by_none)
                                              : diags.text(DiagId::label_read_by, {joined(reading->second)}),
                 "      ");
  }

  std::vector<std::string> contains = containsList(kind, schema);
  os << '\n' << diags.text(DiagId::label_contains) << '\n';
  printWrapped(os, contains.empty() ? diags.text(DiagId::label_none) : joined(contains), "  ");
  std::vector<std::string> in = allowedIn(kind, schema, diags);
  os << '\n' << diags.text(DiagId::label_allowed_in) << '\n';
  printWrapped(os, in.empty() ? diags.text(DiagId::label_none) : joined(in), "  ");
  os << '\n' << diags.text(DiagId::label_judged_by) << '\n';
  printWrapped(os, use.judging.empty() ? diags.text(DiagId::label_none) : joined(use.judging), "  ");
  os << '\n' << diags.text(DiagId::label_skeleton) << '\n';
  printIndented(os, skeleton(kind, schema, diags), "    ");
}

void writeSchemaReference(llvm::raw_ostream &os, const Schema &schema, const CompiledNorms &norms,
                          const DiagnosticEngine &diags) {
  os << "# " << diags.text(DiagId::label_schema_title) << "\n\n";
  printWrapped(os, diags.text(DiagId::label_schema_intro), "");
  os << '\n';
  std::vector<KindId> kinds;
  for (KindId k = 0; k < schema.kinds.size(); ++k) kinds.push_back(k);
  std::sort(kinds.begin(), kinds.end(),
            [&](KindId a, KindId b) { return schema.kinds[a].name < schema.kinds[b].name; });
  os << "## " << diags.text(DiagId::label_kinds) << "\n\n";
  for (KindId k : kinds) os << "[`" << schema.kinds[k].name << "`](#" << schema.kinds[k].name << ") ";
  os << "\n\n";
  for (KindId kind : kinds) {
    const model::KindInfo &k = schema.kinds[kind];
    os << "### " << k.name << "\n\n";
    if (k.base != kNone)
      os << diags.text(DiagId::label_kind_is,
                       {"[`" + schema.kinds[k.base].name + "`](#" + schema.kinds[k.base].name + ")"})
         << ".";
    for (const model::AnnotationInfo &a : k.annotations) os << " `" << annotationText(a) << '`';
    if (k.base != kNone || !k.annotations.empty()) os << "\n\n";
    if (!k.doc.empty()) os << k.doc << "\n\n";
    KindUse use = useOf(kind, schema, norms);
    std::vector<const model::FieldInfo *> fields = schema.allFields(kind);
    if (!fields.empty()) {
      os << "| " << diags.text(DiagId::label_field) << " | " << diags.text(DiagId::label_type) << " | "
         << diags.text(DiagId::label_meaning) << " | " << diags.text(DiagId::label_norms_reading)
         << " |\n|---|---|---|---|\n";
      for (const model::FieldInfo *f : fields) {
        std::string doc = f->doc;
        std::replace(doc.begin(), doc.end(), '\n', ' ');
        std::string escaped;
        for (char c : doc) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
        if (f->type.base == model::BaseType::Enum)
          escaped += (escaped.empty() ? "" : " ") +
                     diags.text(DiagId::label_values, {joined(schema.enums[f->type.ref].values)});
        auto reading = use.reading.find(f->name);
        os << "| `" << f->name << "` | `" << fieldType(*f, schema) << "` | " << escaped << " | "
           << (reading == use.reading.end() ? "—" : joined(reading->second)) << " |\n";
      }
      os << '\n';
    }
    std::vector<std::string> contains = containsList(kind, schema);
    if (!contains.empty()) os << "**" << diags.text(DiagId::label_contains) << ":** " << joined(contains) << "  \n";
    std::vector<std::string> in = allowedIn(kind, schema, diags);
    if (!in.empty()) os << "**" << diags.text(DiagId::label_allowed_in) << ":** " << joined(in) << "  \n";
    if (!use.judging.empty())
      os << "**" << diags.text(DiagId::label_judged_by) << ":** " << joined(use.judging) << "\n";
    os << '\n';
  }
  os << "## " << diags.text(DiagId::label_choices) << "\n\n";
  std::vector<const model::EnumInfo *> enums;
  for (const model::EnumInfo &e : schema.enums) enums.push_back(&e);
  std::sort(enums.begin(), enums.end(), [](auto *a, auto *b) { return a->name < b->name; });
  for (const model::EnumInfo *e : enums) os << "- `" << e->name << "`: " << joined(e->values) << '\n';
}

}  // namespace cio

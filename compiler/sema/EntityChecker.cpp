// Builds the model's entities from the AST and checks them against the schema:
// known kinds, allowed nesting and counts, known fields with values of the
// right type, required fields, unique names per block. References are
// resolved in a second pass, after every name of the workspace is known.
#include <map>

#include "sema/NameResolver.h"
#include "sema/Sema.h"

namespace cio {

using namespace model;

namespace {

class EntityBuilder {
 public:
  EntityBuilder(Model &m, DiagnosticEngine &d) : model_(m), schema_(m.schema), diags_(d) {}

  void run(const std::vector<LoadedFile> &files) {
    // Exact sizes up front: growing these vectors of large elements moved
    // every entity several times and was a tenth of a large check.
    size_t total = 0;
    for (const LoadedFile &f : files)
      for (const ast::Entity &e : f.ast().entities) total += countEntities(e);
    model_.entities.reserve(model_.entities.size() + total);
    sources_.reserve(sources_.size() + total);
    for (const LoadedFile &f : files)
      for (const ast::Entity &e : f.ast().entities) {
        EntityId id = declare(e, kNone);
        model_.roots.push_back(id);
      }
    checkNames(model_.roots);
    NameResolver resolver(model_, diags_);
    for (auto &[id, ast] : sources_) fillFields(id, *ast, resolver);
  }

 private:
  std::vector<std::string> kindNames() const {
    std::vector<std::string> names;
    for (const KindInfo &k : schema_.kinds) names.push_back(k.name);
    return names;
  }

  static size_t countEntities(const ast::Entity &e) {
    size_t n = 1;
    for (const ast::Entity &c : e.children) n += countEntities(c);
    return n;
  }

  EntityId declare(const ast::Entity &e, EntityId parent) {
    EntityId id = static_cast<EntityId>(model_.entities.size());
    model_.entities.emplace_back();
    {
      Entity &ent = model_.entities.back();
      ent.name = e.name ? e.name->text : "";
      ent.title = e.title ? e.title->text : "";
      ent.parent = parent;
      ent.doc = e.doc;
      ent.range = e.range;
      ent.kindRange = e.kind.range;
      ent.nameRange = e.name ? e.name->range : e.kind.range;
      std::string parentPath = parent == kNone ? "" : model_.entities[parent].path;
      ent.path = ent.name.empty() ? parentPath : (parentPath.empty() ? ent.name : parentPath + "." + ent.name);
    }
    if (auto k = schema_.findKind(e.kind.text)) {
      model_.entities[id].kind = *k;
      checkPlacement(id, *k, parent, e.kind.range);
    } else {
      Diagnostic &d = diags_.report(DiagId::unknown_kind, e.kind.range, {e.kind.text});
      if (std::string s = closestName(e.kind.text, kindNames()); !s.empty())
        diags_.setHelp(d, DiagId::help_did_you_mean, {s});
    }
    sources_.emplace_back(id, &e);
    std::vector<EntityId> children;
    children.reserve(e.children.size());
    for (const ast::Entity &c : e.children) children.push_back(declare(c, id));
    model_.entities[id].children = children;
    checkNames(children);
    checkCounts(id);
    return id;
  }

  void checkPlacement(EntityId id, KindId kind, EntityId parent, SourceRange at) {
    if (parent == kNone) {
      if (!schema_.kinds[kind].annotation("wortel"))
        diags_.report(DiagId::kind_not_allowed_at_top, at, {schema_.kinds[kind].name});
      return;
    }
    KindId parentKind = model_.entities[parent].kind;
    if (parentKind == kNone) return;
    for (const Containment *c : schema_.allContains(parentKind))
      if (schema_.isA(kind, c->kind)) return;
    diags_.report(DiagId::kind_not_allowed_here, at, {schema_.kinds[kind].name, schema_.kinds[parentKind].name});
  }

  void checkCounts(EntityId id) {
    const Entity &e = model_.entities[id];
    if (e.kind == kNone) return;
    for (const Containment *c : schema_.allContains(e.kind)) {
      uint32_t n = 0;
      for (EntityId child : e.children)
        if (model_.entities[child].kind != kNone && schema_.isA(model_.entities[child].kind, c->kind)) ++n;
      const std::string &parentName = schema_.kinds[e.kind].name, &childName = schema_.kinds[c->kind].name;
      if (c->max && n > *c->max)
        diags_.report(DiagId::too_many_children, e.kindRange,
                      {parentName, std::to_string(*c->max), childName, std::to_string(n)});
      else if (n < c->min)
        diags_.report(DiagId::too_few_children, e.kindRange,
                      {parentName, std::to_string(c->min), childName, std::to_string(n)});
    }
  }

  void checkNames(const std::vector<EntityId> &block) {
    std::map<std::string, EntityId> seen;
    for (EntityId id : block) {
      const Entity &e = model_.entities[id];
      if (e.name.empty()) continue;
      auto [it, fresh] = seen.emplace(e.name, id);
      if (!fresh) {
        Diagnostic &d = diags_.report(DiagId::duplicate_name, e.nameRange, {e.name});
        diags_.addNote(d, DiagId::note_previous_declaration, model_.entities[it->second].nameRange);
      }
    }
  }

  bool convertValue(EntityId owner, const FieldInfo &field, const ast::Value &v, bool inList, Value &out,
                    NameResolver &resolver) {
    const Type &t = field.type;
    if (t.list && !inList) {
      if (v.kind != ast::Value::Kind::List) {
        mismatch(field, v, "[" + typeName(t, false) + "]");
        return false;
      }
      out.type = t.base;
      out.list = true;
      out.range = v.range;
      bool ok = true;
      for (const ast::Value &item : v.items) {
        Value iv;
        if (convertValue(owner, field, item, true, iv, resolver))
          out.items.push_back(std::move(iv));
        else
          ok = false;
      }
      return ok;
    }
    if (v.kind == ast::Value::Kind::List) {
      mismatch(field, v, "lijst");
      return false;
    }
    if (v.kind == ast::Value::Kind::Reference) {
      out.type = t.base;
      out.range = v.range;
      if (t.base == BaseType::Enum) {
        const EnumInfo &en = schema_.enums[t.ref];
        const std::string name = v.reference.str();
        for (size_t i = 0; i < en.values.size(); ++i)
          if (en.values[i] == name) {
            out.ref = static_cast<uint32_t>(i);
            out.text = name;
            return true;
          }
        Diagnostic &d = diags_.report(DiagId::unknown_enum_value, v.range, {name, en.name});
        if (std::string s = closestName(name, en.values); !s.empty()) diags_.setHelp(d, DiagId::help_did_you_mean, {s});
        return false;
      }
      if (t.base == BaseType::Kind) {
        std::optional<EntityId> target = resolver.resolve(owner, v.reference, t.ref, field.name);
        if (!target) return false;
        out.ref = *target;
        return true;
      }
      mismatch(field, v, "verwijzing");
      return false;
    }
    bool typeMismatch = false;
    if (convertLiteral(v.literal, t.base, out, diags_, typeMismatch)) {
      if (t.base == BaseType::Article && !schema_.articles.count(out.text)) {
        Diagnostic &d = diags_.report(DiagId::unknown_article, v.range, {out.text});
        std::vector<std::string> refs;
        for (auto &[r, _] : schema_.articles) refs.push_back(r);
        if (std::string s = closestName(out.text, refs); !s.empty()) diags_.setHelp(d, DiagId::help_did_you_mean, {s});
        return false;
      }
      return true;
    }
    if (typeMismatch) mismatch(field, v, literalTypeName(v.literal));
    return false;
  }

  std::string typeName(const Type &t, bool withList = true) const {
    std::string n;
    switch (t.base) {
      case BaseType::Text:
        n = "tekst";
        break;
      case BaseType::Number:
        n = "getal";
        break;
      case BaseType::Money:
        n = "bedrag";
        break;
      case BaseType::Date:
        n = "datum";
        break;
      case BaseType::Duration:
        n = "duur";
        break;
      case BaseType::Period:
        n = "periode";
        break;
      case BaseType::Bool:
        n = "ja_nee";
        break;
      case BaseType::Article:
        n = "artikel";
        break;
      case BaseType::Enum:
        n = schema_.enums[t.ref].name;
        break;
      case BaseType::Kind:
        n = schema_.kinds[t.ref].name;
        break;
    }
    return withList && t.list ? "[" + n + "]" : n;
  }

  void mismatch(const FieldInfo &field, const ast::Value &v, const std::string &got) {
    diags_.report(DiagId::type_mismatch, v.range, {field.name, typeName(field.type), got});
  }

  void fillFields(EntityId id, const ast::Entity &e, NameResolver &resolver) {
    KindId kind = model_.entities[id].kind;
    if (kind == kNone) return;
    std::vector<FieldValue> values;
    values.reserve(e.fields.size());
    std::map<std::string, SourceRange> seen;
    for (const ast::FieldAssign &fa : e.fields) {
      const FieldInfo *field = schema_.findField(kind, fa.name.text);
      if (!field) {
        Diagnostic &d = diags_.report(DiagId::unknown_field, fa.name.range, {schema_.kinds[kind].name, fa.name.text});
        std::vector<std::string> names;
        for (const FieldInfo *f : schema_.allFields(kind)) names.push_back(f->name);
        if (std::string s = closestName(fa.name.text, names); !s.empty())
          diags_.setHelp(d, DiagId::help_did_you_mean, {s});
        continue;
      }
      auto [it, fresh] = seen.emplace(fa.name.text, fa.name.range);
      if (!fresh) {
        Diagnostic &d = diags_.report(DiagId::duplicate_field, fa.name.range, {fa.name.text});
        diags_.addNote(d, DiagId::note_previous_declaration, it->second);
        continue;
      }
      FieldValue fv;
      fv.field = field;
      fv.nameRange = fa.name.range;
      if (convertValue(id, *field, fa.value, false, fv.value, resolver)) values.push_back(std::move(fv));
    }
    for (const FieldInfo *f : schema_.allFields(kind))
      if (!f->optional && !seen.count(f->name))
        diags_.report(DiagId::missing_field, model_.entities[id].kindRange, {f->name, schema_.kinds[kind].name});
    model_.entities[id].fields = std::move(values);
  }

  Model &model_;
  Schema &schema_;
  DiagnosticEngine &diags_;
  std::vector<std::pair<EntityId, const ast::Entity *>> sources_;
};

}  // namespace

void buildEntities(const std::vector<LoadedFile> &files, Model &model, DiagnosticEngine &diags) {
  EntityBuilder(model, diags).run(files);
}

model::Model analyze(const std::vector<LoadedFile> &files, Date referenceDate, DiagnosticEngine &diags) {
  Model model;
  model.referenceDate = referenceDate;
  buildSchema(files, model.schema, diags);
  checkReferenceDate(model.schema, referenceDate, diags);
  buildEntities(files, model, diags);
  checkHierarchyCycles(model, diags);
  return model;
}

}  // namespace cio

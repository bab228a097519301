// Builds the model's entities from the AST and checks them against the schema:
// known kinds, allowed nesting and counts, known fields with values of the
// right type, required fields, unique names per block. References are
// resolved in a second pass, after every name of the workspace is known.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

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
    for (const LoadedFile &f : files) total += f.ast().tree.entities.size();
    files_ = &files;
    firstId_ = EntityId(model_.entities.size());
    model_.entities.reserve(model_.entities.size() + total);
    sources_.reserve(total);
    collectSyntaxErrors(files);
    // Entities declared where they stand first; then those declared under a
    // parent of another file (`dienstonderdeel FIN.BD`), shorter paths first,
    // so that `FIN.BD.X` finds `FIN.BD` declared in a third file.
    struct Elsewhere {
      ast::EntityRef entity;
      uint32_t file;
      bool quiet;  // its file's kinds are unknown
    };
    std::vector<Elsewhere> elsewhere;
    for (file_ = 0; file_ < files.size(); ++file_) {
      const LoadedFile &f = files[file_];
      // A failed `gebruik` leaves the file's kinds unknown: that one error is
      // the diagnosis, not a second one per entity (no cascades).
      quietKinds_ = f.ast().uses.size() > 0 && failedUse(f);
      for (ast::EntityRef e : f.ast().entities()) {
        if (!e.owners().empty()) {
          elsewhere.push_back({e, file_, quietKinds_});
          continue;
        }
        EntityId id = declare(e, kNone);
        model_.roots.push_back(id);
      }
    }
    std::stable_sort(elsewhere.begin(), elsewhere.end(), [](const Elsewhere &a, const Elsewhere &b) {
      return a.entity.owners().size() < b.entity.owners().size();
    });
    for (const Elsewhere &e : elsewhere) {
      quietKinds_ = e.quiet;
      file_ = e.file;
      declareElsewhere(e.entity);
    }
    // Names and counts once every part is in place, wherever it was declared.
    checkNames(model_.roots);
    for (EntityId id = 0; id < model_.entities.size(); ++id) {
      checkNames(model_.entities[id].children);
      checkCounts(id);
    }
    NameResolver resolver(model_, diags_);
    bool sameShape = prior_ && shapeIsPrior();
    std::unordered_map<const FieldInfo *, const FieldInfo *> fieldInfo;  // the prior schema's -> this one's
    if (sameShape) fieldInfo = fieldInfoMap();
    if (keep_) keep_->fieldDiagnostics.assign(model_.entities.size(), {});
    if (keep_) keep_->takenOver.assign(model_.entities.size(), false);
    std::vector<std::pair<size_t, uint32_t>> lowered = lastEntityOfEachFile();
    auto next = lowered.begin();
    for (size_t i = 0; i < sources_.size(); ++i) {
      EntityId id = firstId_ + EntityId(i);
      ast::EntityRef ast = syntaxOf(i);
      size_t before = diags_.diagnostics().size();
      if (!(sameShape && takeOver(id, ast, fieldInfo))) fillFields(id, ast, resolver);
      if (keep_)
        keep_->fieldDiagnostics[id].assign(diags_.diagnostics().begin() + long(before), diags_.diagnostics().end());
      for (; next != lowered.end() && next->first == i; ++next) (*lowered_)(next->second);
    }
  }

  SemaMemo *keep_ = nullptr;
  const PriorAnalysis *prior_ = nullptr;
  const EntitiesLowered *lowered_ = nullptr;

 private:
  /// Where each file's last entity stands in sources_, with the file, in that order.
  std::vector<std::pair<size_t, uint32_t>> lastEntityOfEachFile() const {
    std::vector<std::pair<size_t, uint32_t>> last;
    if (!lowered_) return last;
    std::vector<size_t> at(files_->size(), SIZE_MAX);
    for (size_t i = 0; i < sources_.size(); ++i) at[sources_[i].file] = i;
    for (uint32_t f = 0; f < at.size(); ++f)
      if (at[f] != SIZE_MAX) last.push_back({at[f], f});
    std::sort(last.begin(), last.end());
    return last;
  }

  /// The syntax of the entity declared `i`th.
  ast::EntityRef syntaxOf(size_t i) const { return {(*files_)[sources_[i].file].ast().tree, sources_[i].node}; }

  std::vector<std::string> kindNames() const {
    std::vector<std::string> names;
    for (const KindInfo &k : schema_.kinds) names.push_back(k.name);
    return names;
  }

  EntityId declare(ast::EntityRef e, EntityId parent, bool placed = true) {
    EntityId id = static_cast<EntityId>(model_.entities.size());
    model_.entities.emplace_back();
    ast::Ident kind = e.kind();
    {
      Entity &ent = model_.entities.back();
      std::optional<ast::Ident> name = e.name();
      std::optional<ast::Title> title = e.title();
      ent.name = name ? name->text : Name();
      ent.title = title ? title->text : Name();
      ent.parent = parent;
      ent.doc = e.doc();
      ent.range = e.range();
      ent.kindRange = kind.range;
      ent.nameRange = name ? name->range : kind.range;
      ent.path = pathOf(id, ent.name, parent);
    }
    if (auto k = schema_.findKind(kind.text)) {
      if (std::optional<KindId> meant = meantKind(e, *k, parent)) {
        reportWrongKind(e, *k, *meant);
        model_.entities[id].erroneous = true;
        model_.entities[id].likelyKind = *meant;
      } else {
        model_.entities[id].kind = *k;
        if (placed) checkPlacement(id, *k, parent, kind.range);
      }
    } else {
      model_.entities[id].erroneous = true;
      std::string meant = closestName(kind.text, kindNames());
      if (!meant.empty()) model_.entities[id].likelyKind = *schema_.findKind(meant);
      if (!quietKinds_) {
        Diagnostic &d = diags_.report(DiagId::unknown_kind, kind.range, {kind.text});
        if (!meant.empty()) diags_.suggest(d, meant);
      }
    }
    if (hasSyntaxErrorDirectlyIn(e)) {
      model_.entities[id].fieldsIncomplete = true;
      model_.entities[id].childrenIncomplete = true;
    }
    sources_.push_back({file_, e.index()});
    std::vector<EntityId> children;
    children.reserve(e.children().size());
    for (ast::EntityRef c : e.children()) {
      // Inside a body the parent is the body's: a qualifier says nothing more.
      if (!c.owners().empty())
        diags_.report(DiagId::owner_inside_body, c.owners().front().range, {c.owners().front().text});
      children.push_back(declare(c, id));
    }
    model_.entities[id].children = children;
    return id;
  }

  /// `kind OWNER.PATH.NAME …` at the top of a file: declared inside the entity
  /// at OWNER.PATH, which may stand in another file. An owner that does not
  /// exist makes the entity erroneous: one error, no findings about it.
  void declareElsewhere(ast::EntityRef e) {
    std::string path;
    for (const ast::Ident &o : e.owners()) path += (path.empty() ? "" : ".") + o.text;
    EntityId owner = findPath(path);
    if (owner == kNone) {
      Diagnostic &d = diags_.report(DiagId::unknown_owner, e.owners().back().range, {path});
      std::vector<std::string> paths;
      for (const Entity &ent : model_.entities)
        if (!ent.name.empty()) paths.push_back(ent.path);
      SourceRange written = e.owners().front().range;
      written.end = e.owners().back().range.end;
      if (std::string s = closestName(path, paths); !s.empty()) diags_.suggest(d, s, written);
      EntityId id = declare(e, kNone, /*placed=*/false);
      model_.entities[id].erroneous = true;
      model_.roots.push_back(id);
      return;
    }
    EntityId first = static_cast<EntityId>(model_.entities.size());
    EntityId id = declare(e, owner);
    model_.entities[owner].children.push_back(id);
    for (EntityId added = first; added < model_.entities.size(); ++added) indexPath(added);
    // The qualifier's parts name the owner and its ancestors, from the root down.
    std::vector<EntityId> chain;
    for (EntityId up = owner; up != kNone; up = model_.entities[up].parent) chain.insert(chain.begin(), up);
    for (size_t i = 0; i < e.owners().size() && i < chain.size(); ++i)
      model_.entities[id].ownerRefs.push_back({chain[i], e.owners()[i].range});
  }

  /// The entity whose qualified name is `path`, or kNone (the first, when a
  /// duplicate name makes two; the duplicate is reported on its own).
  EntityId findPath(const std::string &path) {
    if (byPath_.empty())
      for (EntityId id = 0; id < model_.entities.size(); ++id) indexPath(id);
    auto it = byPath_.find(path);
    return it == byPath_.end() ? kNone : it->second;
  }
  void indexPath(EntityId id) {
    if (!model_.entities[id].name.empty()) byPath_.emplace(model_.entities[id].path, id);
  }

  /// Whether an error in `id`'s body or an erroneous part of it may hide a `kind`.
  bool mayHideA(EntityId id, KindId kind) const {
    const Entity &e = model_.entities[id];
    if (e.childrenIncomplete) return true;
    for (EntityId c : e.children) {
      const Entity &child = model_.entities[c];
      if (child.erroneous && (child.likelyKind == kNone || schema_.isA(child.likelyKind, kind))) return true;
    }
    return false;
  }

  /// Whether a `gebruik` of the file names a library the workspace could not load.
  bool failedUse(const LoadedFile &f) const {
    for (const ast::UseDecl &u : f.ast().uses) {
      bool found = false;
      for (const Library &lib : schema_.libraries) found |= lib.name == u.library.str();
      if (!found) return true;
    }
    return false;
  }

  /// The ranges of the syntax errors so far (sema has reported nothing yet), sorted.
  void collectSyntaxErrors(const std::vector<LoadedFile> &) {
    // Only errors after which the parser skips input may hide a field or a
    // part; a bad escape, a stray character, a `#` comment or curly quotes do not.
    static const std::set<std::string> kHiding = {"syntax_error",       "unterminated_string", "unterminated_comment",
                                                  "too_many_errors",    "nesting_too_deep",    "list_too_long",
                                                  "expression_too_long"};
    for (const Diagnostic &d : diags_.diagnostics())
      if (d.range.valid() && kHiding.count(d.code)) syntaxErrors_.push_back(d.range);
    std::sort(syntaxErrors_.begin(), syntaxErrors_.end(), [](const SourceRange &a, const SourceRange &b) {
      return std::tie(a.buffer, a.begin) < std::tie(b.buffer, b.begin);
    });
  }

  /// Whether a syntax error lies inside `e` but not inside one of its parts:
  /// the error may have swallowed a field or a part of `e` itself.
  bool hasSyntaxErrorDirectlyIn(ast::EntityRef e) const {
    if (syntaxErrors_.empty()) return false;
    SourceRange range = e.range();
    auto inside = [](const SourceRange &r, const SourceRange &outer) {
      return r.buffer == outer.buffer && outer.begin <= r.begin && r.begin < outer.end;
    };
    auto it = std::lower_bound(syntaxErrors_.begin(), syntaxErrors_.end(), range,
                               [](const SourceRange &a, const SourceRange &b) {
                                 return std::tie(a.buffer, a.begin) < std::tie(b.buffer, b.begin);
                               });
    for (; it != syntaxErrors_.end() && inside(*it, range); ++it) {
      bool inPart = false;
      for (ast::EntityRef c : e.children()) inPart |= inside(*it, c.range());
      if (!inPart) return true;
    }
    return false;
  }

  /// The kind the author meant when `e` is written as a `k` but sets fields
  /// that `k` lacks and that another kind allowed in the same place has, all
  /// of them (`functie CIO { office = …; }` for `cio CIO`); else nullopt.
  /// A field that is a near miss of one of `k`'s own is a typo, not a wrong kind.
  std::optional<KindId> meantKind(ast::EntityRef e, KindId k, EntityId parent) const {
    std::vector<std::string> unknown, own;
    for (ast::FieldRef fa : e.fields())
      if (Name name = fa.name().text; !schema_.findField(k, name)) {
        if (own.empty())  // only for an entity with an unknown field: most have none
          for (const FieldInfo *f : fieldsOf(k)) own.push_back(f->name);
        if (!closestName(name, own).empty()) return std::nullopt;
        unknown.push_back(name);
      }
    if (unknown.empty()) return std::nullopt;
    KindId parentKind = parent == kNone ? kNone : model_.entities[parent].kind;
    if (parent != kNone && parentKind == kNone) return std::nullopt;
    for (KindId other = 0; other < schema_.kinds.size(); ++other) {
      if (other == k || !allowedIn(other, parentKind)) continue;
      bool hasAll = true;
      for (ast::FieldRef fa : e.fields()) hasAll &= schema_.findField(other, fa.name().text) != nullptr;
      if (hasAll) return other;
    }
    return std::nullopt;
  }

  /// Whether a `kind` may stand inside a `parentKind` (kNone: at the top).
  bool allowedIn(KindId kind, KindId parentKind) const {
    if (parentKind == kNone) return schema_.kinds[kind].annotation("wortel") != nullptr;
    for (const Containment *c : containsOf(parentKind))
      if (schema_.isA(kind, c->kind)) return true;
    return false;
  }

  void reportWrongKind(ast::EntityRef e, KindId written, KindId meant) {
    std::string fields;
    for (ast::FieldRef fa : e.fields())
      if (Name name = fa.name().text; !schema_.findField(written, name))
        fields += (fields.empty() ? "`" : ", `") + name + "`";
    Diagnostic &d = diags_.report(DiagId::wrong_kind, e.kind().range, {schema_.kinds[written].name, fields});
    diags_.setHelp(d, DiagId::help_wrong_kind, {schema_.kinds[meant].name});
  }

  void checkPlacement(EntityId id, KindId kind, EntityId parent, SourceRange at) {
    if (parent == kNone) {
      if (!schema_.kinds[kind].annotation("wortel"))
        diags_.report(DiagId::kind_not_allowed_at_top, at, {schema_.kinds[kind].name});
      return;
    }
    KindId parentKind = model_.entities[parent].kind;
    if (parentKind == kNone) return;
    for (const Containment *c : containsOf(parentKind))
      if (schema_.isA(kind, c->kind)) return;
    diags_.report(DiagId::kind_not_allowed_here, at, {schema_.kinds[kind].name, schema_.kinds[parentKind].name});
  }

  void checkCounts(EntityId id) {
    const Entity &e = model_.entities[id];
    if (e.kind == kNone) return;
    for (const Containment *c : containsOf(e.kind)) {
      uint32_t n = 0;
      for (EntityId child : e.children)
        if (model_.entities[child].kind != kNone && schema_.isA(model_.entities[child].kind, c->kind)) ++n;
      const std::string &parentName = schema_.kinds[e.kind].name, &childName = schema_.kinds[c->kind].name;
      if (c->max && n > *c->max)
        diags_.report(DiagId::too_many_children, e.kindRange,
                      {parentName, std::to_string(*c->max), childName, std::to_string(n)});
      else if (n < c->min && !mayHideA(id, c->kind))  // an erroneous part may be the one missing
        diags_.report(DiagId::too_few_children, e.kindRange,
                      {parentName, std::to_string(c->min), childName, std::to_string(n)});
    }
  }

  template <class Ids>
  void checkNames(const Ids &block) {
    std::unordered_map<Name, EntityId> seen;  // by interned name: no string copied per entity
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

  bool convertValue(EntityId owner, const FieldInfo &field, const ast::ValueRef &v, bool inList, Value &out,
                    NameResolver &resolver) {
    const Type &t = field.type;
    if (t.list && !inList) {
      if (v.kind() != ast::ValueKind::List) {
        mismatch(field, v, "[" + typeName(t, false) + "]");
        return false;
      }
      out.type = t.base;
      out.list = true;
      out.range = v.range();
      // An element with an error is dropped alone; the list says it is
      // incomplete, so only conclusions that need every member are withheld.
      out.items.reserve(v.items().size());
      for (ast::ValueRef item : v.items()) {
        Value iv;
        if (convertValue(owner, field, item, true, iv, resolver))
          out.items.push_back(std::move(iv));
        else
          out.incomplete = true;
      }
      return true;
    }
    if (v.kind() == ast::ValueKind::List) {
      mismatch(field, v, "lijst");
      return false;
    }
    if (v.kind() == ast::ValueKind::Reference) {
      out.type = t.base;
      out.range = v.range();
      if (t.base == BaseType::Enum) {
        const EnumInfo &en = schema_.enums[t.ref];
        const std::string name = v.reference().str();
        for (size_t i = 0; i < en.values.size(); ++i)
          if (en.values[i] == name) {
            out.ref = static_cast<uint32_t>(i);
            out.text = name;
            return true;
          }
        Diagnostic &d = diags_.report(DiagId::unknown_enum_value, v.range(), {name, en.name});
        if (std::string s = closestName(name, en.values); !s.empty()) diags_.suggest(d, s);
        std::string values;
        for (const std::string &value : en.values) values += (values.empty() ? "`" : "`, `") + value;
        diags_.addNote(d, DiagId::note_enum_values, {}, {en.name, values + "`"});
        return false;
      }
      if (t.base == BaseType::Kind) {
        std::optional<EntityId> target = resolver.resolve(owner, v.reference(), t.ref, field.name);
        if (!target) return false;
        out.ref = *target;
        return true;
      }
      mismatch(field, v, "verwijzing");
      return false;
    }
    bool typeMismatch = false;
    ast::Literal literal = v.literal();
    if (convertLiteral(literal, t.base, out, diags_, typeMismatch)) {
      if (t.base == BaseType::Article && !schema_.articles.count(out.text)) {
        Diagnostic &d = diags_.report(DiagId::unknown_article, v.range(), {out.text});
        std::vector<std::string> refs;
        for (auto &[r, _] : schema_.articles) refs.push_back(r);
        if (std::string s = closestName(out.text, refs); !s.empty()) diags_.suggest(d, s);
        return false;
      }
      return true;
    }
    if (typeMismatch) mismatch(field, v, literalTypeName(literal));
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

  void mismatch(const FieldInfo &field, const ast::ValueRef &v, const std::string &got) {
    diags_.report(DiagId::type_mismatch, v.range(), {field.name, typeName(field.type), got});
  }

  /// The qualified name of entity `id` called `name` under `parent`. The
  /// prior analysis's entity `id`, if it has the same name under a parent of
  /// the same path, has it already: no text is built and interned again.
  Name pathOf(EntityId id, Name name, EntityId parent) {
    Name parentPath = parent == kNone ? Name() : model_.entities[parent].path;
    if (name.empty()) return parentPath;
    if (parentPath.empty()) return name;
    if (prior_ && id < prior_->model->entities.size()) {
      const Entity &was = prior_->model->entities[id];
      if (was.name == name && was.parent != kNone && was.parent < prior_->model->entities.size() &&
          prior_->model->entities[was.parent].path == parentPath)
        return was.path;
    }
    pathText_.assign(parentPath.view());
    pathText_ += '.';
    pathText_ += name.view();
    return Name(std::string_view(pathText_));
  }

  /// A kind's fields and containments with its bases', computed once per kind
  /// (for every entity they were a vector built anew).
  const std::vector<const FieldInfo *> &fieldsOf(KindId k) const {
    if (fieldsOf_.empty()) fieldsOf_.resize(schema_.kinds.size());
    if (!fieldsOf_[k]) fieldsOf_[k] = schema_.allFields(k);
    return *fieldsOf_[k];
  }
  const std::vector<const Containment *> &containsOf(KindId k) const {
    if (containsOf_.empty()) containsOf_.resize(schema_.kinds.size());
    if (!containsOf_[k]) containsOf_[k] = schema_.allContains(k);
    return *containsOf_[k];
  }

  /// Whether every entity is declared as in the prior analysis (before fields are converted).
  bool shapeIsPrior() const {
    const Model &before = *prior_->model;
    if (!prior_->memo || before.entities.size() != model_.entities.size() || before.roots != model_.roots ||
        prior_->memo->fieldDiagnostics.size() != model_.entities.size() ||
        before.schema.kinds.size() != schema_.kinds.size())
      return false;
    for (EntityId id = 0; id < model_.entities.size(); ++id)
      if (!before.entities[id].declaredAlike(model_.entities[id])) return false;
    return true;
  }

  std::unordered_map<const FieldInfo *, const FieldInfo *> fieldInfoMap() const {
    std::unordered_map<const FieldInfo *, const FieldInfo *> map;
    const Schema &before = prior_->model->schema;
    for (KindId k = 0; k < schema_.kinds.size(); ++k)
      for (size_t i = 0; i < schema_.kinds[k].fields.size() && i < before.kinds[k].fields.size(); ++i)
        map.emplace(&before.kinds[k].fields[i], &schema_.kinds[k].fields[i]);
    return map;
  }

  /// An entity of an unchanged file keeps its fields and replays its
  /// diagnostics; not when one of them points into a changed file (a note at
  /// an entity that moved), nor for an entity of a changed file.
  bool takeOver(EntityId id, ast::EntityRef e,
                const std::unordered_map<const FieldInfo *, const FieldInfo *> &fieldInfo) {
    const std::vector<bool> &unchanged = *prior_->unchanged;
    auto inChanged = [&](const SourceRange &r) {
      return r.valid() && (r.buffer >= unchanged.size() || !unchanged[r.buffer]);
    };
    if (!e.range().valid() || inChanged(e.range())) return false;
    const std::vector<Diagnostic> &replay = prior_->memo->fieldDiagnostics[id];
    for (const Diagnostic &d : replay) {
      if (inChanged(d.range)) return false;
      for (const DiagnosticNote &n : d.notes)
        if (inChanged(n.range)) return false;
      for (const FixIt &f : d.fixits)
        if (inChanged(f.range)) return false;
    }
    const Entity &before = prior_->model->entities[id];
    CompactList<FieldValue> fields = before.fields;
    for (FieldValue &f : fields) {
      auto it = fieldInfo.find(f.field);
      if (it == fieldInfo.end()) return false;  // not expected: the schemas are the same
      f.field = it->second;
    }
    Entity &now = model_.entities[id];
    now.fields = std::move(fields);
    now.erroneousFields = before.erroneousFields;
    now.fieldsIncomplete = before.fieldsIncomplete;
    for (const Diagnostic &d : replay) diags_.add(d);
    if (keep_) keep_->takenOver[id] = true;
    return true;
  }

  void fillFields(EntityId id, ast::EntityRef e, NameResolver &resolver) {
    KindId kind = model_.entities[id].kind;
    if (kind == kNone) return;
    std::vector<FieldValue> values;
    values.reserve(e.fields().size());
    std::map<std::string, SourceRange> seen;
    std::vector<std::string> misspelt;  // the fields that unknown names are near misses of
    for (ast::FieldRef fa : e.fields()) {
      ast::Ident fieldName = fa.name();
      const FieldInfo *field = schema_.findField(kind, fieldName.text);
      if (!field) {
        Diagnostic &d =
            diags_.report(DiagId::unknown_field, fieldName.range, {schema_.kinds[kind].name, fieldName.text});
        std::vector<std::string> names;
        for (const FieldInfo *f : schema_.allFields(kind)) names.push_back(f->name);
        // The field is a misspelling of the near miss, whose value is then
        // unknown; with no near miss, it may be any field that seems absent.
        if (std::string s = closestName(fieldName.text, names); !s.empty()) {
          diags_.suggest(d, s);
          model_.entities[id].erroneousFields.push_back(s);
          misspelt.push_back(s);
        } else {
          model_.entities[id].fieldsIncomplete = true;
        }
        continue;
      }
      auto [it, fresh] = seen.emplace(fieldName.text, fieldName.range);
      if (!fresh) {
        Diagnostic &d = diags_.report(DiagId::duplicate_field, fieldName.range, {fieldName.text});
        diags_.addNote(d, DiagId::note_previous_declaration, it->second);
        continue;
      }
      FieldValue fv;
      fv.field = field;
      fv.nameBegin = fieldName.range.begin;
      if (convertValue(id, *field, fa.value(), false, fv.value, resolver)) {
        if (!fv.value.range.valid()) fv.value.range = fieldName.range;  // no value was read: where it belongs
        values.push_back(std::move(fv));
      } else
        model_.entities[id].erroneousFields.push_back(field->name);
    }
    // A field written under a wrong name may be the missing one (as rustc
    // does, the unknown name is the one error).
    for (const FieldInfo *f : fieldsOf(kind))
      if (!f->optional && !seen.count(f->name) && !model_.entities[id].fieldsIncomplete &&
          std::find(misspelt.begin(), misspelt.end(), f->name) == misspelt.end())
        diags_.report(DiagId::missing_field, model_.entities[id].kindRange, {f->name, schema_.kinds[kind].name});
    model_.entities[id].fields = std::move(values);
  }

  Model &model_;
  Schema &schema_;
  DiagnosticEngine &diags_;
  /// By entity, in the order of declaration: where its syntax is (eight bytes,
  /// not a view of sixteen: there is one per entity).
  struct Source {
    uint32_t file;
    ast::Index<ast::EntityNode> node;
  };
  std::vector<Source> sources_;
  const std::vector<LoadedFile> *files_ = nullptr;
  EntityId firstId_ = 0;  // the first entity declared here
  uint32_t file_ = 0;     // the file whose entities are being declared
  std::vector<SourceRange> syntaxErrors_;
  std::unordered_map<std::string, EntityId> byPath_;  // named entities by qualified name, built on first use
  bool quietKinds_ = false;                           // the file being declared has a failed `gebruik`
  std::string pathText_;                              // where a path is built before it is interned
  mutable std::vector<std::optional<std::vector<const FieldInfo *>>> fieldsOf_;
  mutable std::vector<std::optional<std::vector<const Containment *>>> containsOf_;
};

}  // namespace

void buildEntities(const std::vector<LoadedFile> &files, Model &model, DiagnosticEngine &diags, SemaMemo *keep,
                   const PriorAnalysis *prior, const EntitiesLowered &lowered) {
  EntityBuilder builder(model, diags);
  builder.keep_ = keep;
  if (lowered) builder.lowered_ = &lowered;
  if (prior && prior->unchanged && prior->model && prior->memo) builder.prior_ = prior;
  builder.run(files);
}

model::Model analyze(const std::vector<LoadedFile> &files, Date referenceDate, DiagnosticEngine &diags, SemaMemo *keep,
                     const PriorAnalysis *prior, const EntitiesLowered &lowered) {
  Model model;
  model.referenceDate = referenceDate;
  buildSchema(files, model.schema, diags);
  checkReferenceDate(model.schema, referenceDate, diags);
  buildEntities(files, model, diags, keep, prior, lowered);
  checkHierarchyCycles(model, diags);
  return model;
}

}  // namespace cio

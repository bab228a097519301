// The language server's editing help: completion (what the schema allows at
// the cursor), rename of an entity, and code actions (the fix-its of
// diagnostics, and a deviation skeleton for a finding). All of it is driven by
// the schema: kinds, fields, enums and the deviation kind's own fields.
#include <algorithm>
#include <set>

#include "lsp/LanguageServer.h"
#include "lsp/LspSupport.h"

namespace cio {

namespace {

bool identChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); }

/// The kinds of the blocks around `offset` (innermost last), read from the
/// text as it is now: each `{` belongs to the statement before it, whose first
/// word is the kind. Strings and comments are skipped.
std::vector<std::string> enclosingKinds(std::string_view text, size_t offset) {
  std::vector<std::string> stack;
  size_t statementStart = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      for (++i; i < offset && i < text.size() && text[i] != '"' && text[i] != '\n'; ++i)
        if (text[i] == '\\') ++i;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
      if (statementStart > i) statementStart = i;
    } else if (c == '{') {
      size_t j = statementStart;
      while (j < i && !identChar(text[j])) ++j;
      size_t k = j;
      while (k < i && identChar(text[k])) ++k;
      stack.emplace_back(text.substr(j, k - j));
      statementStart = i + 1;
    } else if (c == '}') {
      if (!stack.empty()) stack.pop_back();
      statementStart = i + 1;
    } else if (c == ';') {
      statementStart = i + 1;
    }
  }
  return stack;
}

Object item(const std::string &label, int kind, const std::string &detail, const std::string &doc = "") {
  Object o{{"label", label}, {"kind", kind}, {"detail", detail}};
  if (!doc.empty()) o["documentation"] = Object{{"kind", "markdown"}, {"value", doc}};
  return o;
}

}  // namespace

Value LanguageServer::completion(const Object &params) {
  Array items;
  if (!last_) return items;
  const Object *doc = params.getObject("textDocument");
  std::string uri = doc ? doc->getString("uri").value_or("").str() : "";
  std::string text = textOf(uri);
  PositionMap map{text};
  size_t offset = map.offset(params.getObject("position"));
  const model::Schema &schema = last_->model.schema;
  std::vector<std::string> kinds = enclosingKinds(text, offset);
  // The kind of the innermost block around the cursor; kNone at the top level.
  const model::KindId here = kinds.empty() ? model::kNone : schema.findKind(kinds.back()).value_or(model::kNone);

  // The statement so far on this line: after `veld =` come values.
  size_t lineStart = text.rfind('\n', offset ? offset - 1 : 0);
  lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
  std::string line = text.substr(lineStart, offset - lineStart);
  size_t statement = line.find_last_of(";{");
  if (statement != std::string::npos) line = line.substr(statement + 1);
  size_t eq = line.find('=');
  if (here != model::kNone && eq != std::string::npos) {
    std::string name = line.substr(0, eq);
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    const model::FieldInfo *field = schema.findField(here, name);
    if (!field) return items;
    const model::Type &type = field->type;
    if (type.base == model::BaseType::Enum)
      for (const std::string &v : schema.enums[type.ref].values)
        items.push_back(item(v, 20, schema.enums[type.ref].name));
    else if (type.base == model::BaseType::Bool)
      for (const char *v : {"ja", "nee"}) items.push_back(item(v, 21, "ja_nee"));
    else if (type.base == model::BaseType::Article)
      for (const auto &[ref, a] : schema.articles) items.push_back(item(ref, 18, "artikel", a.text));
    else if (type.base == model::BaseType::Kind)
      for (const model::Entity &e : last_->model.entities)
        if (e.kind != model::kNone && schema.isA(e.kind, type.ref) && !e.path.empty())
          items.push_back(item(e.path, 18, schema.kinds[e.kind].name + (e.title.empty() ? "" : " — " + e.title)));
    return items;
  }
  if (here == model::kNone) {
    // The top level: the kinds that may stand there, and the declaration words.
    for (model::KindId k = 0; k < schema.kinds.size(); ++k)
      if (schema.kinds[k].annotation("wortel"))
        items.push_back(item(schema.kinds[k].name, 7, "soort", schema.kinds[k].doc));
    for (const char *w : {"gebruik", "norm", "soort", "keuze", "constante", "artikel"})
      items.push_back(item(w, 14, ""));
    return items;
  }
  // Inside a block: the kinds the schema allows here, and the fields not yet set.
  for (model::KindId k = 0; k < schema.kinds.size(); ++k)
    if (schema.mayContain(here, k)) items.push_back(item(schema.kinds[k].name, 7, "soort", schema.kinds[k].doc));
  std::set<std::string> set;
  size_t open = text.rfind('{', offset ? offset - 1 : 0), close = text.find('}', offset);
  if (open != std::string::npos) {
    std::string written = text.substr(open, (close == std::string::npos ? text.size() : close) - open);
    for (const model::FieldInfo *f : schema.allFields(here)) {
      size_t at = written.find(f->name);
      while (at != std::string::npos) {
        size_t after = written.find_first_not_of(" \t", at + f->name.size());
        bool word = (at == 0 || !identChar(written[at - 1])) && after != std::string::npos && written[after] == '=';
        if (word) set.insert(f->name);
        at = written.find(f->name, at + 1);
      }
    }
  }
  for (const model::FieldInfo *f : schema.allFields(here))
    if (!set.count(f->name)) items.push_back(item(f->name, 5, "veld", f->doc));
  return items;
}

Value LanguageServer::rename(const Object &params) {
  if (!last_) return nullptr;
  const Object *doc = params.getObject("textDocument");
  std::string path = uriToPath(doc ? doc->getString("uri").value_or("").str() : "");
  std::string newName = params.getString("newName").value_or("").str();
  bool valid = !newName.empty() && !std::isdigit(static_cast<unsigned char>(newName[0]));
  for (char c : newName) valid = valid && identChar(c);
  if (!valid) return Object{{"__invalid", true}};
  unsigned buffer = bufferOf(*last_, path);
  if (!buffer) return nullptr;
  PositionMap map{last_->sources.getMemoryBuffer(buffer)->getBuffer()};
  const model::Model &m = last_->model;
  model::EntityId target = entityAt(m, buffer, map.offset(params.getObject("position")));
  if (target == model::kNone) return nullptr;
  std::map<std::string, Array> changes;
  auto edit = [&](SourceRange r) {
    const llvm::MemoryBuffer *b = last_->sources.getMemoryBuffer(r.buffer);
    llvm::StringRef text = b->getBuffer();
    // A reference may be qualified (`BZK.SSC_ICT.DIR`): only its last part names the entity.
    size_t begin = r.begin;
    for (size_t i = r.begin; i < r.end && i < text.size(); ++i)
      if (text[i] == '.') begin = i + 1;
    PositionMap bm{text};
    changes[pathToUri(b->getBufferIdentifier().str())].push_back(
        Object{{"range", bm.range(begin, r.end)}, {"newText", newName}});
  };
  edit(m.entities[target].nameRange);
  for (const model::Entity &e : m.entities) {
    for (const model::FieldValue &f : e.fields)
      for (const model::Value *v : referencesIn(f))
        if (v->ref == target && v->range.valid()) edit(v->range);
    for (const auto &[owner, range] : e.ownerRefs)  // one part of `FIN.BD` in another file
      if (owner == target) edit(range);
  }
  Object out;
  for (auto &[uri, edits] : changes) out[uri] = std::move(edits);
  return Object{{"changes", std::move(out)}};
}

Value LanguageServer::codeActions(const Object &params) {
  Array actions;
  if (!last_) return actions;
  const Object *doc = params.getObject("textDocument");
  std::string uri = doc ? doc->getString("uri").value_or("").str() : "";
  unsigned buffer = bufferOf(*last_, uriToPath(uri));
  if (!buffer) return actions;
  llvm::StringRef text = last_->sources.getMemoryBuffer(buffer)->getBuffer();
  PositionMap map{text};
  const Object *range = params.getObject("range");
  size_t from = map.offset(range ? range->getObject("start") : nullptr);
  size_t to = map.offset(range ? range->getObject("end") : nullptr);
  const model::Model &m = last_->model;
  const model::Schema &schema = m.schema;
  // The diagnostics' own fix-its.
  for (const Diagnostic &d : last_->diags.diagnostics()) {
    if (d.fixits.empty() || d.range.buffer != buffer || d.range.begin > to ||
        std::max(d.range.end, d.range.begin + 1) < from)
      continue;
    Array edits;
    for (const FixIt &f : d.fixits)
      edits.push_back(Object{{"range", map.range(f.range.begin, f.range.end)}, {"newText", f.replacement}});
    actions.push_back(Object{{"title", d.help.empty() ? d.message : d.help},
                             {"kind", "quickfix"},
                             {"edit", Object{{"changes", Object{{uri, std::move(edits)}}}}}});
  }
  // A skeleton of a deviation for a finding that none covers: every field of the
  // deviation kind, with the article and the finding's subject filled in,
  // inserted at the end of the top-level entity around the subject, so that
  // the deviation lies in an organisation that contains what it concerns.
  DeviationRules rules = DeviationRules::of(schema);
  for (const Finding &f : last_->evaluation.findings) {
    const SourceRange &r = f.anchor;
    if (f.covered() || f.subject == model::kNone || r.buffer != buffer || r.begin > to ||
        std::max(r.end, r.begin + 1) < from)
      continue;
    model::EntityId root = f.subject;
    while (m.entities[root].parent != model::kNone) root = m.entities[root].parent;
    const model::Entity &top = m.entities[root];
    if (top.kind == model::kNone || top.range.buffer != buffer) continue;
    for (const DeviationRules::Kind &k : rules.kinds) {
      if (!schema.mayContain(top.kind, k.kind)) continue;
      const std::string &kind = schema.kinds[k.kind].name;
      std::string article = f.article.notation();
      std::string body = "\n    " + kind + " " + kind + "_" + f.norm->name + " {\n";
      for (const model::FieldInfo *field : schema.allFields(k.kind)) {
        std::string value;
        if (field->name == k.van)
          value = article;
        else if (field->name == k.betreft)
          value = m.entities[f.subject].path;
        else if (field->type.base == model::BaseType::Text)
          value = "\"\"";
        else if (field->type.base == model::BaseType::Date)
          value = model::formatDate(m.referenceDate);
        else
          continue;
        body += "        " + field->name + " = " + value + ";\n";
      }
      body += "    }\n";
      size_t end = top.range.end;
      size_t insertAt = end > 0 && end <= text.size() && text[end - 1] == '}' ? end - 1 : end;
      actions.push_back(
          Object{{"title", "Leg een " + kind + " vast voor " + f.norm->name + " (" + article + ")"},
                 {"kind", "quickfix"},
                 {"edit", Object{{"changes", Object{{uri, Array{Object{{"range", map.range(insertAt, insertAt)},
                                                                       {"newText", body}}}}}}}}});
    }
  }
  return actions;
}

}  // namespace cio

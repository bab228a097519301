#include "norms/FindingText.h"

#include <cctype>

namespace cio {

using namespace model;

std::string articleLink(const Library &lib, const std::string &ref) {
  if (lib.identifier.rfind("BWBR", 0) != 0) return lib.link;
  // art15.5.a -> artikel=15&lid=5&onderdeel=a; art4.c -> artikel=4&onderdeel=c
  ArticleRef a = ArticleRef::parse(ref);
  std::string url = "https://wetten.overheid.nl/jci1.3:c:" + lib.identifier + "&artikel=" + a.artikel;
  if (!a.lid.empty()) url += "&lid=" + a.lid;
  if (!a.onderdeel.empty()) url += "&onderdeel=" + a.onderdeel;
  return url;
}

const Library *libraryOfArticle(const Schema &schema, const std::string &ref) {
  auto a = schema.articles.find(ref);
  if (a == schema.articles.end()) return nullptr;
  for (const Library &lib : schema.libraries)
    if (lib.name == a->second.library) return &lib;
  return nullptr;
}

std::string entityLabel(const Model &m, EntityId e) {
  if (e == kNone) return "";
  const Entity &ent = m.entities[e];
  if (!ent.path.empty()) return ent.path;
  return ent.kind == kNone ? "" : m.schema.kinds[ent.kind].name;
}

std::string entityName(const Model &m, EntityId e) {
  const Entity &ent = m.entities[e];
  return ent.name.empty() ? ent.path : ent.name;
}

/// How a bound value reads in a message: an entity by its path, an article as
/// `art4.c`, a date as JJJJ-MM-DD; `otherwise` (the hole as written) for the rest.
static std::string display(const RValue &v, const Model &m, const std::string &otherwise) {
  switch (v.k) {
    case RValue::K::Entity:
      return v.ref == kNone ? otherwise : entityLabel(m, v.ref);
    case RValue::K::Article:
    case RValue::K::Enum:
    case RValue::K::Text:
      return v.text;
    case RValue::K::Date:
      return formatDate(v.date);
    default:
      return otherwise;
  }
}

std::string fillTemplate(const MessageTemplate &tmpl, const Finding &f, const Model &m) {
  std::string out;
  for (const TemplatePart &p : tmpl)
    out += p.slot < f.bindings.size() ? display(f.bindings[p.slot], m, p.text) : p.text;
  return out;
}

Diagnostic renderFinding(const Finding &f, const Model &m, const DiagnosticEngine &labels) {
  Diagnostic d;
  d.code = f.norm->name;
  d.severity = f.severity;
  d.message = fillTemplate(f.norm->message, f, m);
  d.range = f.anchor;
  d.article = f.article.notation();
  d.subject = entityLabel(m, f.subject);
  d.identity = f.norm->name;
  for (model::EntityId e : f.bound) d.identity += '\n' + entityLabel(m, e);
  if (auto a = m.schema.articles.find(d.article); a != m.schema.articles.end()) {
    d.notes.push_back({{}, labels.text(DiagId::note_article_text, {d.article, a->second.text})});
    if (const Library *lib = libraryOfArticle(m.schema, d.article))
      d.notes.push_back({{}, labels.text(DiagId::note_article_link, {articleLink(*lib, d.article)})});
  }
  if (f.deviation != kNone) {
    const Entity &dev = m.entities[f.deviation];
    std::string kind = m.schema.kinds[dev.kind].name, name = entityName(m, f.deviation);
    if (f.coverage == Coverage::Covered) {
      d.coveredBy = name;
      d.notes.push_back({dev.nameRange, labels.text(DiagId::note_covered_by, {kind, name})});
    } else {
      DiagId id = f.coverage == Coverage::Expired         ? DiagId::note_deviation_expired
                  : f.coverage == Coverage::NotYetInForce ? DiagId::note_deviation_not_yet_in_force
                                                          : DiagId::note_deviation_unlawful;
      d.notes.push_back({dev.nameRange, labels.text(id, {kind, name, formatDate(f.deviationDate)})});
    }
  }
  if (!f.norm->help.empty()) d.help = fillTemplate(f.norm->help, f, m);
  return d;
}

std::vector<Diagnostic> renderFindings(const std::vector<Finding> &findings, const Model &m,
                                       const DiagnosticEngine &labels) {
  std::vector<Diagnostic> out;
  out.reserve(findings.size());
  for (const Finding &f : findings) out.push_back(renderFinding(f, m, labels));
  return out;
}

std::string anchorOf(const std::string &path) {
  // Letters, digits, `-`, `_` and `.` as they are; anything else (a space, a
  // quote, a non-ASCII byte) as `~xx`, so two paths never share an id.
  static const char *digits = "0123456789abcdef";
  std::string out = "e-";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.')
      out += static_cast<char>(c);
    else {
      out += '~';
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  }
  return out;
}

}  // namespace cio

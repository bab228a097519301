// The report as JSON (`cioc report -o x.json`): the same content as the HTML,
// keys sorted, for tools and for the golden tests. Status values are stable
// English identifiers; the words a reader sees are in the HTML and Markdown.
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "report/Report.h"

namespace cio {

namespace {

const char *statusId(Report::Status s) {
  switch (s) {
    case Report::Status::Complies:
      return "complies";
    case Report::Status::Deviation:
      return "deviation";
    case Report::Status::Violation:
      return "violation";
    case Report::Status::NotEvaluated:
      return "not_evaluated";
    case Report::Status::NoNorm:
      return "no_norm";
    case Report::Status::NotApplicable:
      return "not_applicable";
  }
  return "";
}

const char *stateId(Report::Deviation::State s) {
  switch (s) {
    case Report::Deviation::State::Active:
      return "active";
    case Report::Deviation::State::Expired:
      return "expired";
    case Report::Deviation::State::NotYetInForce:
      return "not_yet_in_force";
    case Report::Deviation::State::Invalid:
      return "invalid";
    case Report::Deviation::State::Unused:
      return "unused";
    case Report::Deviation::State::NotEvaluated:
      return "not_evaluated";
  }
  return "";
}

llvm::json::Object fields(const Report::Fields &fs) {
  llvm::json::Object o;
  for (const auto &[name, value] : fs) o[name] = value;
  return o;
}

}  // namespace

void writeReportJson(llvm::raw_ostream &os, const Report &r, const DiagnosticEngine &) {
  llvm::json::Array libraries, inputs, articles, deviations, relations, overviews, findings;
  for (const Report::Library &l : r.libraries)
    libraries.push_back(llvm::json::Object{{"name", l.name},
                                           {"title", l.title},
                                           {"identifier", l.identifier},
                                           {"link", l.link},
                                           {"in_force", l.inForce},
                                           {"ended", l.ended},
                                           {"successor", l.successor}});
  for (const Report::Input &i : r.inputs)
    inputs.push_back(llvm::json::Object{{"path", i.path}, {"sha256", i.sha256}, {"library", i.library}});
  for (const Report::ArticleRow &a : r.articles) {
    llvm::json::Array norms;
    for (const Report::NormStatus &n : a.norms)
      norms.push_back(llvm::json::Object{{"norm", n.norm}, {"article", n.article}, {"status", statusId(n.status)}});
    articles.push_back(llvm::json::Object{{"article", a.ref},
                                          {"text", a.text},
                                          {"link", a.link},
                                          {"status", statusId(a.status)},
                                          {"norms", std::move(norms)}});
  }
  for (const Report::Deviation &d : r.deviations) {
    llvm::json::Object o{{"name", d.name},
                         {"file", d.file},
                         {"line", d.line},
                         {"article", d.article},
                         {"concerns", d.concerns},
                         {"state", stateId(d.state)},
                         {"covers", llvm::json::Array(d.covers)},
                         {"fields", fields(d.fields)}};
    if (d.hasEnd) {
      o["valid_until"] = d.validUntil;
      o["days_left"] = static_cast<int64_t>(d.daysLeft);
    }
    deviations.push_back(std::move(o));
  }
  for (const Report::Relation &rel : r.relations)
    relations.push_back(llvm::json::Object{
        {"kind", rel.kind}, {"name", rel.name}, {"from", rel.from}, {"to", rel.to}, {"fields", fields(rel.fields)}});
  for (const Report::Overview &ov : r.overviews) {
    llvm::json::Array columns, rows;
    for (const Report::NormStatus &c : ov.columns)
      columns.push_back(llvm::json::Object{{"norm", c.norm}, {"article", c.article}});
    for (const Report::Overview::Row &row : ov.rows) {
      llvm::json::Object cells;
      for (size_t i = 0; i < row.cells.size(); ++i) cells[ov.columns[i].norm] = statusId(row.cells[i]);
      rows.push_back(llvm::json::Object{
          {"entity", row.entity}, {"title", row.title}, {"norms", std::move(cells)}, {"fields", fields(row.fields)}});
    }
    overviews.push_back(llvm::json::Object{{"kind", ov.kind},
                                           {"description", ov.description},
                                           {"columns", std::move(columns)},
                                           {"rows", std::move(rows)}});
  }
  for (const Report::Finding &f : r.findings) {
    llvm::json::Object o{{"severity", f.severity}, {"code", f.code}, {"message", f.message},
                         {"file", f.file},         {"line", f.line}, {"column", f.column}};
    if (!f.article.empty()) {
      o["article"] = f.article;
      o["link"] = f.link;
    }
    if (!f.subject.empty()) o["subject"] = f.subject;
    if (!f.entity.empty()) o["entity"] = f.entity;
    if (!f.source.empty()) o["source"] = f.source;
    if (!f.library.empty()) o["library"] = f.library;
    if (f.unit != Report::kNoUnit) o["unit"] = r.units[f.unit].entity;
    if (!f.coveredBy.empty()) o["suppressed_by"] = f.coveredBy;
    findings.push_back(std::move(o));
  }
  // The units: the first page and the matrix, as data.
  llvm::json::Array units;
  for (const Report::Unit &u : r.units) {
    llvm::json::Object norms, matrix;
    for (Verdict v : kVerdictOrder) norms[verdictKey(v)] = u.norms[static_cast<size_t>(v)];
    for (size_t a = 0; a < r.articles.size() && a < u.articles.size(); ++a)
      if (u.articles[a] != Report::Status::NoNorm) matrix[r.articles[a].ref] = statusId(u.articles[a]);
    llvm::json::Array expiring, unitFindings;
    for (size_t i : u.expiring) expiring.push_back(r.deviations[i].name);
    for (size_t i : u.findings) unitFindings.push_back(static_cast<int64_t>(i));
    units.push_back(llvm::json::Object{
        {"entity", u.entity},
        {"title", u.title},
        {"kind", u.kind},
        {"verdict", verdictKey(u.verdict)},
        {"norms", std::move(norms)},
        {"findings_count",
         llvm::json::Object{
             {"errors", u.errors}, {"warnings", u.warnings}, {"suppressed", u.covered}, {"advice", u.advice}}},
        {"articles", std::move(matrix)},
        {"expiring_within_days", Report::kExpiringDays},
        {"expiring", std::move(expiring)},
        {"findings", std::move(unitFindings)}});
  }
  llvm::json::Object lookAhead;
  if (r.lookAhead.done) {
    llvm::json::Array coming, lapses;
    for (const Report::Coming &next : r.lookAhead.coming) {
      const Report::Finding &c = next.finding;
      llvm::json::Object o{{"date", next.date},    {"severity", c.severity}, {"code", c.code},
                           {"message", c.message}, {"file", c.file},         {"line", c.line}};
      if (!c.article.empty()) {
        o["article"] = c.article;
        o["link"] = c.link;
      }
      if (!c.subject.empty()) o["subject"] = c.subject;
      if (!c.source.empty()) o["source"] = c.source;
      if (c.unit != Report::kNoUnit) o["unit"] = r.units[c.unit].entity;
      coming.push_back(std::move(o));
    }
    for (const auto &[title, date] : r.lookAhead.lapses)
      lapses.push_back(llvm::json::Object{{"library", title}, {"date", date}});
    lookAhead = llvm::json::Object{{"until", r.lookAhead.until},
                                   {"skipped", r.lookAhead.skipped},
                                   {"dates_checked", r.lookAhead.datesChecked},
                                   {"coming", std::move(coming)},
                                   {"lapses", std::move(lapses)}};
  }
  const Report::Summary &s = r.summary;
  llvm::json::Object norms;
  for (Verdict v : kVerdictOrder) norms[verdictKey(v)] = s.norms[static_cast<size_t>(v)];
  llvm::json::Object root{
      {"version", 1},
      {"tool_version", r.toolVersion},
      {"reference_date", r.referenceDate},
      {"libraries", std::move(libraries)},
      {"inputs", std::move(inputs)},
      {"inputs_sha256", r.inputsSha256},
      {"summary", llvm::json::Object{{"errors", s.errors},
                                     {"warnings", s.warnings},
                                     {"suppressed", s.covered},
                                     {"advice", s.advice},
                                     {"norms_not_evaluated", s.notEvaluated},
                                     {"norms", std::move(norms)},
                                     {"entities", s.entities}}},
      {"articles", std::move(articles)},
      {"deviations", std::move(deviations)},
      {"relations", std::move(relations)},
      {"overviews", std::move(overviews)},
      {"findings", std::move(findings)},
      {"units", std::move(units)},
  };
  if (r.lookAhead.done) root["look_ahead"] = std::move(lookAhead);
  os << llvm::formatv("{0:2}", llvm::json::Value(std::move(root))) << '\n';
}

}  // namespace cio

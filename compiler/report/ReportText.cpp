// The report for people: Markdown and self-contained HTML (no network, no
// JavaScript, inline CSS and SVG, print-friendly). Every piece of user text
// passes through an escaper for its format.
#include <algorithm>
#include <set>

#include "diagnostics/Printable.h"
#include "diagnostics/Render.h"
#include "norms/FindingText.h"
#include "report/Report.h"

namespace cio {

namespace {

/// HTML text and attribute values; control characters made visible first (XML
/// allows none of C0 but tab and line ends, and a terminal-style escape in a
/// title must not survive into a document).
std::string escapeHtml(const std::string &raw) {
  std::string out, s = printable(raw);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

/// Markdown table cells: no line breaks, no `|`, and Markdown's own marks
/// shown as text.
std::string escapeMarkdown(const std::string &raw) {
  std::string flat = raw;
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  std::replace(flat.begin(), flat.end(), '\r', ' ');
  std::string out, s = printable(flat);
  for (char c : s) {
    if (c == '\n' || c == '\r')
      out += ' ';
    else if (c == '|' || c == '\\' || c == '`' || c == '*' || c == '[' || c == ']' || c == '<' || c == '>' || c == '#')
      out += std::string("\\") + c;
    else
      out += c;
  }
  return out;
}

std::string joinFields(const Report::Fields &fs) {
  std::string out;
  for (const auto &[name, value] : fs) out += (out.empty() ? "" : "; ") + name + " = " + value;
  return out;
}

const char *statusClass(Report::Status s) {
  switch (s) {
    case Report::Status::Complies:
      return "ok";
    case Report::Status::Deviation:
      return "dev";
    case Report::Status::Violation:
      return "bad";
    case Report::Status::NotEvaluated:
      return "na";
    case Report::Status::NoNorm:
    case Report::Status::NotApplicable:
      return "none";
  }
  return "";
}

/// The matrix's one-character cells (the word is in the cell's title and the legend).
const char *statusMark(Report::Status s) {
  switch (s) {
    case Report::Status::Complies:
      return "✓";
    case Report::Status::Deviation:
      return "A";
    case Report::Status::Violation:
      return "✗";
    case Report::Status::NotEvaluated:
      return "?";
    case Report::Status::NotApplicable:
      return "–";
    case Report::Status::NoNorm:
      return "";
  }
  return "";
}

constexpr const char *kStyle =
    "body{font-family:Helvetica,Arial,sans-serif;font-size:14px;line-height:1.4;color:#1b2631;margin:2em auto;"
    "max-width:75em;padding:0 1em}\n"
    "h1{font-size:1.7em;margin-bottom:.2em}h2{font-size:1.3em;margin-top:1.8em;border-bottom:2px solid #154273;"
    "color:#154273}h3{font-size:1.05em;margin:1.2em 0 .3em}\n"
    ".subtitle{color:#566573;margin-top:0}\n"
    "table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #d5dbdb;padding:.25em .45em;"
    "text-align:left;vertical-align:top;overflow-wrap:break-word}th{background:#f4f6f7}\n"
    "td.num,th.num{text-align:right;white-space:nowrap}\n"
    ".ok{background:#e9f7ef}.bad{background:#fdecea}.dev{background:#fef5e7}.na{background:#eaf2f8}"
    ".none{color:#7f8c8d}\n"
    ".verdict{display:inline-block;padding:.15em .6em;border-radius:.3em;font-weight:bold}\n"
    ".notice{border-left:4px solid #b9770e;background:#fef5e7;padding:.5em .8em;margin:.8em 0}\n"
    "nav.toc ol{columns:2;margin:.3em 0}nav.toc a{text-decoration:none}\n"
    ".matrix td,.matrix th{text-align:center;padding:.2em .3em;font-size:.9em}.matrix td:first-child,"
    ".matrix th:first-child{text-align:left;white-space:nowrap}\n"
    ".wide{font-size:.85em}.wide td{overflow-wrap:anywhere}\n"
    ".chart{margin:.5em 0;text-align:center}.chart svg{max-width:100%;height:auto}\n"
    "code,.mono{font-family:Menlo,Consolas,monospace;font-size:.92em}\n"
    "details summary{cursor:pointer;color:#566573}details p{margin:.3em 0;font-size:.92em}\n"
    "dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}dd{margin:0}\n"
    "@page{size:A4;margin:14mm 12mm}\n"
    "@media print{body{margin:0;max-width:none;font-size:9.5pt}a{color:inherit;text-decoration:none}"
    "section.unit,section.part{break-before:page}h2,h3{break-after:avoid}tr,.chart,.notice{break-inside:avoid}"
    "thead{display:table-header-group}.chart svg{max-height:240mm}nav.toc ol{columns:2}}\n";

/// One writer for both formats: the sections are the same, only the markup differs.
class Writer {
 public:
  Writer(llvm::raw_ostream &os, const Report &r, const DiagnosticEngine &labels, bool html)
      : os_(os), r_(r), labels_(labels), html_(html) {}

  void write() {
    std::string title =
        r_.units.size() == 1 ? label(DiagId::report_title_of, {unitName(r_.units[0])}) : label(DiagId::report_title);
    if (html_) head(title);
    heading(1, title);
    subtitle();
    notices();
    contents();
    verdicts();
    matrix();
    mainChart();
    for (size_t u = 0; u < r_.units.size(); ++u) unit(u);
    otherFindings();
    lookAhead();
    deviations();
    relations();
    overviews();
    articles();
    accountability();
    if (html_) os_ << "</body>\n</html>\n";
  }

 private:
  std::string label(DiagId id, const std::vector<std::string> &args = {}) const { return labels_.text(id, args); }
  std::string esc(const std::string &s) const { return html_ ? escapeHtml(s) : escapeMarkdown(s); }
  static std::string unitName(const Report::Unit &u) { return u.title.empty() ? u.entity : u.title; }

  void head(const std::string &title) {
    os_ << "<!DOCTYPE html>\n<html lang=\"" << (labels_.language() == Language::Dutch ? "nl" : "en") << "\">\n<head>\n"
        << "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<title>" << escapeHtml(title) << "</title>\n<style>\n"
        << kStyle << "</style>\n</head>\n<body>\n";
  }

  /// A section's heading; in HTML with an id for the table of contents, and a
  /// section that starts a new page in print when `newPage`.
  void heading(int level, const std::string &text, const std::string &id = "") {
    if (html_) {
      os_ << "<h" << level;
      if (!id.empty()) os_ << " id=\"" << escapeHtml(id) << '"';
      os_ << '>' << escapeHtml(text) << "</h" << level << ">\n";
    } else {
      os_ << std::string(level, '#') << ' ' << escapeMarkdown(text) << "\n\n";
    }
  }
  void paragraph(const std::string &escaped, const char *cls = nullptr) {
    if (html_)
      os_ << "<p" << (cls ? std::string(" class=\"") + cls + '"' : "") << '>' << escaped << "</p>\n";
    else
      os_ << escaped << "\n\n";
  }
  void sectionStart(const char *cls) {
    if (html_) os_ << "<section class=\"" << cls << "\">\n";
  }
  void sectionEnd() {
    if (html_) os_ << "</section>\n";
  }

  void tableStart(const std::vector<std::string> &headers, const char *cls = nullptr,
                  const std::vector<std::string> &titles = {}) {
    if (html_) {
      os_ << "<table" << (cls ? std::string(" class=\"") + cls + '"' : "") << ">\n<thead><tr>";
      for (size_t i = 0; i < headers.size(); ++i) {
        os_ << "<th";
        if (i < titles.size() && !titles[i].empty()) os_ << " title=\"" << escapeHtml(titles[i]) << '"';
        os_ << '>' << escapeHtml(headers[i]) << "</th>";
      }
      os_ << "</tr></thead>\n<tbody>\n";
    } else {
      os_ << '|';
      for (const std::string &h : headers) os_ << ' ' << escapeMarkdown(h) << " |";
      os_ << "\n|";
      for (size_t i = 0; i < headers.size(); ++i) os_ << " --- |";
      os_ << '\n';
    }
  }
  /// A row of cells that are already escaped; `classes` colours cells in HTML,
  /// `titles` gives them a tooltip, `id` names the row.
  void row(const std::vector<std::string> &cells, const std::vector<std::string> &classes = {},
           const std::vector<std::string> &titles = {}, const std::string &id = "") {
    if (html_) {
      os_ << "<tr";
      if (!id.empty()) os_ << " id=\"" << escapeHtml(id) << '"';
      os_ << '>';
      for (size_t i = 0; i < cells.size(); ++i) {
        os_ << "<td";
        if (i < classes.size() && !classes[i].empty()) os_ << " class=\"" << classes[i] << '"';
        if (i < titles.size() && !titles[i].empty()) os_ << " title=\"" << escapeHtml(titles[i]) << '"';
        os_ << '>' << cells[i] << "</td>";
      }
      os_ << "</tr>\n";
    } else {
      os_ << '|';
      for (const std::string &c : cells) os_ << ' ' << c << " |";
      os_ << '\n';
    }
  }
  void tableEnd() { os_ << (html_ ? "</tbody>\n</table>\n" : "\n"); }
  void none() { paragraph(esc(label(DiagId::report_no_entries)), "none"); }

  /// A link, only to a web address: a hostile library link such as
  /// `javascript:…` stays plain text.
  std::string link(const std::string &text, const std::string &href) const {
    if (href.rfind("https://", 0) != 0 && href.rfind("http://", 0) != 0) return esc(text);
    return rawLink(text, href);
  }
  /// A link to a place the report itself made (an anchor, a source file).
  std::string rawLink(const std::string &text, const std::string &href) const {
    if (html_) return "<a href=\"" + escapeHtml(href) + "\">" + escapeHtml(text) + "</a>";
    std::string target;
    for (char c : href)
      target += c == ' '   ? "%20"
                : c == '(' ? "%28"
                : c == ')' ? "%29"
                : c == '<' ? "%3C"
                : c == '>' ? "%3E"
                           : std::string(1, c);
    return "[" + escapeMarkdown(text) + "](" + target + ")";
  }
  std::string status(Report::Status s) const { return esc(statusWord(s, r_, labels_)); }
  std::string verdict(Verdict v) const { return status(reportStatus(v)); }
  std::string badge(Verdict v) const {
    if (!html_) return "**" + verdict(v) + "**";
    return std::string("<span class=\"verdict ") + statusClass(reportStatus(v)) + "\">" + verdict(v) + "</span>";
  }
  std::string unitLink(const Report::Unit &u) const {
    return html_ ? rawLink(unitName(u), "#" + u.anchor) : esc(unitName(u));
  }
  std::string severity(const std::string &machineWord) const {
    // The machine word (`error`) stays in the JSON; the reader sees the report's language.
    Severity level = machineWord == "error"     ? Severity::Error
                     : machineWord == "warning" ? Severity::Warning
                                                : Severity::Note;
    return severityWord(level, labels_.language());
  }
  std::string sourceLink(const Report::Finding &f) const {
    if (!f.library.empty()) return esc(f.library);  // a line of the stdlib tells a reader nothing
    if (f.file.empty()) return "";
    std::string where = f.file + ":" + std::to_string(f.line);
    if (f.source.empty()) return esc(where);
    return rawLink(where, r_.sourcePrefix + f.source + "#L" + std::to_string(f.line));
  }
  /// "2 fouten, 1 gedekt door een afwijking": only what occurs; "(geen)" when nothing does.
  std::string counts(const Report::Unit &u) const {
    std::string out;
    auto add = [&](size_t n, DiagId one, DiagId many, bool kind = false) {
      if (n == 0) return;
      std::vector<std::string> args = kind ? std::vector<std::string>{r_.deviationKind, std::to_string(n)}
                                           : std::vector<std::string>{std::to_string(n)};
      out += (out.empty() ? "" : ", ") + label(n == 1 ? one : many, args);
    };
    add(u.errors, DiagId::report_count_error, DiagId::report_count_errors);
    add(u.warnings, DiagId::report_count_warning, DiagId::report_count_warnings);
    add(u.covered, DiagId::report_count_covered, DiagId::report_count_covereds, true);
    add(u.advice, DiagId::report_count_advice, DiagId::report_count_advices);
    return out.empty() ? label(DiagId::report_no_entries) : out;
  }

  std::string libraryTitles() const {
    std::string out;
    for (const Report::Library &l : r_.libraries)
      out += (out.empty() ? "" : ", ") + (l.title.empty() ? l.name : l.title);
    return out;
  }

  void subtitle() { paragraph(esc(label(DiagId::report_subtitle, {libraryTitles(), r_.referenceDate})), "subtitle"); }

  /// A law that has lapsed, will lapse, or was not yet in force on the reference date.
  void notices() {
    for (const Report::Library &l : r_.libraries) {
      std::string name = l.title.empty() ? l.name : l.title, text;
      if (!l.ended.empty() && l.ended <= r_.referenceDate)
        text = l.successor.empty() ? label(DiagId::report_law_lapsed, {name, l.ended, r_.referenceDate})
                                   : label(DiagId::report_law_replaced, {name, l.ended, l.successor, r_.referenceDate});
      else if (!l.ended.empty())
        text = label(DiagId::report_law_will_lapse,
                     {name, l.ended, l.successor.empty() ? label(DiagId::report_no_entries) : l.successor});
      else if (!l.inForce.empty() && l.inForce > r_.referenceDate)
        text = label(DiagId::report_law_not_yet, {name, l.inForce, r_.referenceDate});
      if (text.empty()) continue;
      if (html_)
        os_ << "<p class=\"notice\">" << escapeHtml(text) << "</p>\n";
      else
        os_ << "> **" << escapeMarkdown(text) << "**\n\n";
    }
  }

  struct Entry {
    std::string id, text;
  };
  std::vector<Entry> toc() const {
    std::vector<Entry> out{{"oordeel", label(DiagId::report_verdicts)}};
    if (r_.units.size() > 1) out.push_back({"matrix", label(DiagId::report_matrix)});
    if (html_ && !r_.orgChartSvg.empty())
      out.push_back(
          {"organogram", r_.units.size() > 1 ? label(DiagId::report_overview_chart) : label(DiagId::report_chart)});
    for (const Report::Unit &u : r_.units) out.push_back({u.anchor, unitName(u)});
    if (!r_.otherFindings.empty()) out.push_back({"overig", label(DiagId::report_other_findings)});
    if (r_.lookAhead.done) out.push_back({"vooruitblik", label(DiagId::report_lookahead, {r_.lookAhead.until})});
    out.push_back({"register", label(DiagId::report_register, {r_.deviationKind})});
    for (const std::string &kind : relationKinds())
      out.push_back({"register-" + kind, label(DiagId::report_register, {kind})});
    for (const Report::Overview &ov : r_.overviews)
      out.push_back({"overzicht-" + ov.kind, label(DiagId::report_overview, {ov.kind})});
    out.push_back({"artikelen", label(DiagId::report_article_texts)});
    out.push_back({"verantwoording", label(DiagId::report_accountability)});
    return out;
  }

  void contents() {
    if (!html_) return;  // Markdown viewers make their own
    os_ << "<nav class=\"toc\"><strong>" << escapeHtml(label(DiagId::report_contents)) << "</strong>\n<ol>\n";
    for (const Entry &e : toc()) os_ << "<li>" << rawLink(e.text, "#" + e.id) << "</li>\n";
    os_ << "</ol>\n</nav>\n";
  }

  /// The first page: per unit its verdict, its norms counted by outcome, its
  /// findings counted, and its deviations that end soon.
  void verdicts() {
    heading(2, label(DiagId::report_verdicts), "oordeel");
    if (r_.units.empty()) return none();
    paragraph(esc(label(DiagId::report_verdicts_note)));
    if (r_.units.size() == 1) paragraph(esc(label(DiagId::col_verdict)) + ": " + badge(r_.units[0].verdict));
    std::vector<std::string> headers{label(DiagId::col_unit), label(DiagId::col_verdict)};
    for (Verdict v : kVerdictOrder) headers.push_back(statusWord(reportStatus(v), r_, labels_));
    headers.push_back(label(DiagId::report_findings));
    headers.push_back(label(DiagId::report_expiring, {std::to_string(Report::kExpiringDays)}));
    tableStart(headers);
    for (const Report::Unit &u : r_.units) {
      std::vector<std::string> cells{unitLink(u), verdict(u.verdict)};
      std::vector<std::string> classes{"", statusClass(reportStatus(u.verdict))};
      for (Verdict v : kVerdictOrder) {
        cells.push_back(std::to_string(u.norms[static_cast<size_t>(v)]));
        classes.push_back("num");
      }
      cells.push_back(esc(counts(u)));
      classes.push_back("");
      std::string expiring;
      for (size_t i : u.expiring) {
        const Report::Deviation &d = r_.deviations[i];
        expiring += (expiring.empty() ? ""
                     : html_          ? "<br>"
                                      : "; ") +
                    esc(label(DiagId::report_expiring_item, {d.name, d.validUntil, std::to_string(d.daysLeft)}));
      }
      cells.push_back(expiring.empty() ? esc(label(DiagId::report_no_entries)) : expiring);
      classes.push_back(expiring.empty() ? "none" : "dev");
      row(cells, classes);
    }
    tableEnd();
  }

  /// For several units: one row each, one column per article that has norms.
  void matrix() {
    if (r_.units.size() < 2) return;
    sectionStart("part");
    heading(2, label(DiagId::report_matrix), "matrix");
    paragraph(esc(label(DiagId::report_matrix_note)));
    std::vector<size_t> columns;
    for (size_t a = 0; a < r_.articles.size(); ++a)
      for (const Report::Unit &u : r_.units)
        if (u.articles[a] != Report::Status::NoNorm) {
          columns.push_back(a);
          break;
        }
    std::vector<std::string> headers{label(DiagId::col_unit)}, titles{""};
    for (size_t a : columns) {
      headers.push_back(r_.articles[a].ref);
      titles.push_back(r_.articles[a].text.substr(0, 200));
    }
    tableStart(headers, "matrix", titles);
    for (const Report::Unit &u : r_.units) {
      std::vector<std::string> cells{unitLink(u)}, classes{""}, cellTitles{""};
      for (size_t a : columns) {
        Report::Status s = u.articles[a];
        // No norm of the article concerns the unit: an empty cell, in both formats.
        cells.push_back(html_ || s == Report::Status::NoNorm ? statusMark(s)
                                                             : statusMark(s) + std::string(" ") + status(s));
        classes.push_back(statusClass(s));
        cellTitles.push_back(unitName(u) + ", " + r_.articles[a].ref + ": " + statusWord(s, r_, labels_));
      }
      row(cells, classes, cellTitles);
    }
    tableEnd();
    if (html_) {
      std::string legend;
      for (Report::Status s : {Report::Status::Complies, Report::Status::Violation, Report::Status::Deviation,
                               Report::Status::NotApplicable, Report::Status::NotEvaluated})
        legend += std::string(legend.empty() ? "" : " · ") + "<span class=\"" + statusClass(s) + "\">" + statusMark(s) +
                  "</span> " + status(s);
      paragraph(legend, "none");
    }
    sectionEnd();
  }

  void mainChart() {
    if (!html_ || r_.orgChartSvg.empty()) return;
    sectionStart("part");
    heading(2, r_.units.size() > 1 ? label(DiagId::report_overview_chart) : label(DiagId::report_chart), "organogram");
    if (r_.units.size() > 1) paragraph(escapeHtml(label(DiagId::report_overview_chart_note)));
    os_ << "<div class=\"chart\">" << r_.orgChartSvg << "</div>\n";
    sectionEnd();
  }

  /// A unit's own pages: its verdict, its chart, its findings by article, each
  /// naming its entity and linking to its source.
  void unit(size_t index) {
    const Report::Unit &u = r_.units[index];
    sectionStart("unit");
    heading(2, unitName(u) + (u.title.empty() ? "" : " (" + u.entity + ")"), u.anchor);
    paragraph(esc(label(DiagId::col_verdict)) + ": " + badge(u.verdict) + " · " + esc(label(DiagId::report_findings)) +
              ": " + esc(counts(u)));
    if (html_ && !u.chartSvg.empty()) os_ << "<div class=\"chart\">" << u.chartSvg << "</div>\n";
    heading(3, label(DiagId::report_unit_findings));
    if (u.findings.empty()) return paragraph(esc(label(DiagId::report_unit_no_findings)), "none"), sectionEnd();
    tableStart({label(DiagId::col_article), label(DiagId::col_entity), label(DiagId::col_severity),
                label(DiagId::col_message), label(DiagId::col_source)},
               "wide");
    for (size_t i : u.findings) findingRow(r_.findings[i], true);
    tableEnd();
    sectionEnd();
  }

  void findingRow(const Report::Finding &f, bool withEntity) {
    std::string message = f.message;
    if (!f.coveredBy.empty()) message += " [" + r_.deviationKind + " " + f.coveredBy + "]";
    std::string sev =
        html_ ? escapeHtml(severity(f.severity)) + "<br><small class=\"mono\">" + escapeHtml(f.code) + "</small>"
              : esc(severity(f.severity) + " " + f.code);
    std::string cls = !f.coveredBy.empty() ? "dev" : f.severity == "error" ? "bad" : "";
    std::vector<std::string> cells{link(f.article, f.link)};
    if (withEntity) cells.push_back(esc(f.entity.empty() ? f.subject : f.entity));
    cells.insert(cells.end(), {sev, esc(message), sourceLink(f)});
    // The first row of an entity carries its anchor: the charts link to it.
    std::string id;
    if (html_ && !f.subject.empty() && anchored_.insert(f.subject).second) id = anchorOf(f.subject);
    row(cells, {"", "", cls}, {}, id);
  }

  void otherFindings() {
    if (r_.otherFindings.empty()) return;
    sectionStart("part");
    heading(2, label(DiagId::report_other_findings), "overig");
    tableStart({label(DiagId::col_article), label(DiagId::col_severity), label(DiagId::col_message),
                label(DiagId::col_source)},
               "wide");
    for (size_t i : r_.otherFindings) findingRow(r_.findings[i], false);
    tableEnd();
    sectionEnd();
  }

  void lookAhead() {
    const Report::LookAhead &la = r_.lookAhead;
    if (!la.done) return;
    sectionStart("part");
    heading(2, label(DiagId::report_lookahead, {la.until}), "vooruitblik");
    if (la.skipped) {
      paragraph(esc(label(DiagId::label_lookahead_skipped)), "notice");
      return sectionEnd();
    }
    for (const auto &[title, date] : la.lapses)
      paragraph(esc(label(DiagId::label_lookahead_lapses, {title, date})), "notice");
    if (la.coming.empty()) {
      paragraph(esc(label(DiagId::report_lookahead_none, {la.until, std::to_string(la.datesChecked)})));
      return sectionEnd();
    }
    paragraph(esc(label(DiagId::report_lookahead_some, {std::to_string(la.datesChecked)})));
    tableStart({label(DiagId::col_date), label(DiagId::col_unit), label(DiagId::col_article),
                label(DiagId::col_severity), label(DiagId::col_message), label(DiagId::col_source)},
               "wide");
    for (const Report::Coming &coming : la.coming) {
      const Report::Finding &c = coming.finding;
      std::string unit = c.unit == Report::kNoUnit ? "" : unitLink(r_.units[c.unit]);
      std::string sev =
          html_ ? escapeHtml(severity(c.severity)) + "<br><small class=\"mono\">" + escapeHtml(c.code) + "</small>"
                : esc(severity(c.severity) + " " + c.code);
      row({esc(coming.date), unit, link(c.article, c.link), sev, esc(c.message), sourceLink(c)},
          {"", "", "", c.severity == "error" ? "bad" : ""});
    }
    tableEnd();
    sectionEnd();
  }

  void deviations() {
    sectionStart("part");
    heading(2, label(DiagId::report_register, {r_.deviationKind}), "register");
    if (r_.deviations.empty()) return none(), sectionEnd();
    tableStart(
        {label(DiagId::col_name), label(DiagId::col_unit), label(DiagId::col_article), label(DiagId::col_concerns),
         label(DiagId::col_valid_until), label(DiagId::col_days_left), label(DiagId::col_state),
         label(DiagId::report_covers), label(DiagId::col_fields), label(DiagId::col_location)},
        "wide");
    for (const Report::Deviation &d : r_.deviations) {
      std::string covers;
      for (const std::string &c : d.covers) covers += (covers.empty() ? "" : html_ ? "<br>" : "; ") + esc(c);
      row({esc(d.name), d.unit == Report::kNoUnit ? "" : unitLink(r_.units[d.unit]), esc(d.article), esc(d.concerns),
           esc(d.validUntil), d.hasEnd ? std::to_string(d.daysLeft) : "", esc(stateWord(d.state, labels_)), covers,
           esc(joinFields(d.fields)), esc(d.file + ":" + std::to_string(d.line))},
          {"", "", "", "", "", "num", d.state == Report::Deviation::State::Active ? "dev" : "bad"});
    }
    tableEnd();
    sectionEnd();
  }

  std::vector<std::string> relationKinds() const {
    std::vector<std::string> kinds;
    for (const Report::Relation &rel : r_.relations)
      if (std::find(kinds.begin(), kinds.end(), rel.kind) == kinds.end()) kinds.push_back(rel.kind);
    return kinds;
  }

  void relations() {
    for (const std::string &kind : relationKinds()) {
      heading(2, label(DiagId::report_register, {kind}), "register-" + kind);
      tableStart({label(DiagId::col_name), label(DiagId::col_from), label(DiagId::col_to), label(DiagId::col_fields)});
      for (const Report::Relation &rel : r_.relations)
        if (rel.kind == kind) row({esc(rel.name), esc(rel.from), esc(rel.to), esc(joinFields(rel.fields))});
      tableEnd();
    }
  }

  /// Entities against the norms that applied to them; the columns are named by
  /// article (the norm is the header's tooltip) so that a wide table still fits.
  void overviews() {
    for (const Report::Overview &ov : r_.overviews) {
      sectionStart("part");
      heading(2, label(DiagId::report_overview, {ov.kind}), "overzicht-" + ov.kind);
      if (!ov.description.empty()) paragraph(esc(ov.description));
      std::vector<std::string> headers{label(DiagId::col_entity)}, titles{""};
      for (const Report::NormStatus &c : ov.columns) {
        headers.push_back(html_ ? c.article : c.norm + " (" + c.article + ")");
        titles.push_back(c.norm);
      }
      headers.push_back(label(DiagId::col_fields));
      tableStart(headers, "wide", titles);
      for (const Report::Overview::Row &r : ov.rows) {
        std::vector<std::string> cells{esc(r.title.empty() ? r.entity : r.title + " (" + r.entity + ")")}, classes{""};
        for (Report::Status s : r.cells) {
          cells.push_back(status(s));
          classes.push_back(statusClass(s));
        }
        cells.push_back(esc(joinFields(r.fields)));
        row(cells, classes);
      }
      tableEnd();
      sectionEnd();
    }
  }

  /// Every article with its verdict and its norms; the text folded away.
  void articles() {
    sectionStart("part");
    heading(2, label(DiagId::report_article_texts), "artikelen");
    tableStart({label(DiagId::col_article), label(DiagId::col_status), label(DiagId::col_norms)});
    for (const Report::ArticleRow &a : r_.articles) {
      std::string norms;
      for (const Report::NormStatus &n : a.norms)
        norms += (norms.empty() ? ""
                  : html_       ? "<br>"
                                : ", ") +
                 esc(n.norm + " (" + n.article + "): ") + status(n.status);
      std::string text;
      if (!a.text.empty())
        text = html_ ? "<details><summary>" + escapeHtml(label(DiagId::report_article_text)) + "</summary><p>" +
                           escapeHtml(a.text) + "</p></details>"
                     : "<details><summary>" + escapeMarkdown(label(DiagId::report_article_text)) + "</summary> " +
                           escapeMarkdown(a.text) + " </details>";
      row({link(a.ref, a.link) + (html_ ? "" : " ") + text, status(a.status), norms}, {"", statusClass(a.status), ""});
    }
    tableEnd();
    sectionEnd();
  }

  /// How the verdict was reached: the tool, the law, the date, the inputs and their hash.
  void accountability() {
    sectionStart("part");
    heading(2, label(DiagId::report_accountability), "verantwoording");
    const Report::Summary &s = r_.summary;
    std::vector<std::pair<std::string, std::string>> items{{label(DiagId::sum_reference_date), esc(r_.referenceDate)}};
    for (const Report::Library &l : r_.libraries) {
      std::string text = l.title.empty() ? l.name : l.title;
      if (!l.identifier.empty()) text += " (" + l.identifier + ")";
      if (!l.inForce.empty()) text += ", " + l.inForce + (l.ended.empty() ? "" : " – " + l.ended);
      items.push_back({label(DiagId::sum_library), link(text, l.link)});
    }
    items.push_back({label(DiagId::sum_tool), esc(r_.toolVersion)});
    items.push_back({label(DiagId::sum_hash),
                     html_ ? "<span class=\"mono\">" + r_.inputsSha256 + "</span>" : "`" + r_.inputsSha256 + "`"});
    items.push_back({label(DiagId::sum_errors), std::to_string(s.errors)});
    items.push_back({label(DiagId::sum_warnings), std::to_string(s.warnings)});
    items.push_back({label(DiagId::sum_covered), std::to_string(s.covered)});
    items.push_back({label(DiagId::sum_advice), std::to_string(s.advice)});
    // The five verdicts on the norms, always all five, in one order.
    std::string norms;
    for (Verdict v : kVerdictOrder)
      norms += (norms.empty() ? "" : ", ") + std::to_string(s.norms[static_cast<size_t>(v)]) + " " +
               verdictWord(v, labels_.language());
    items.push_back({label(DiagId::sum_norms), esc(norms)});
    items.push_back({label(DiagId::sum_entities), std::to_string(s.entities)});
    if (html_) {
      os_ << "<dl>\n";
      for (const auto &[k, v] : items) os_ << "<dt>" << escapeHtml(k) << "</dt><dd>" << v << "</dd>\n";
      os_ << "</dl>\n";
    } else {
      for (const auto &[k, v] : items) os_ << "- **" << k << "**: " << v << '\n';
      os_ << '\n';
    }
    heading(3, label(DiagId::report_inputs));
    tableStart({label(DiagId::col_file), "SHA-256"}, "wide");
    for (const Report::Input &i : r_.inputs)
      row({esc(i.path), html_ ? "<span class=\"mono\">" + i.sha256 + "</span>" : esc(i.sha256)});
    tableEnd();
    sectionEnd();
  }

  llvm::raw_ostream &os_;
  const Report &r_;
  const DiagnosticEngine &labels_;
  bool html_;
  std::set<std::string> anchored_;
};

}  // namespace

void writeReportMarkdown(llvm::raw_ostream &os, const Report &report, const DiagnosticEngine &labels) {
  Writer(os, report, labels, false).write();
}

void writeReportHtml(llvm::raw_ostream &os, const Report &report, const DiagnosticEngine &labels) {
  Writer(os, report, labels, true).write();
}

}  // namespace cio

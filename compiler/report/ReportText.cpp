// The report for people: Markdown and self-contained HTML (no network, no
// JavaScript, inline CSS and SVG, print-friendly). Every piece of user text
// passes through an escaper for its format.
#include <algorithm>

#include "diagnostics/Printable.h"
#include "diagnostics/Render.h"
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

/// One writer for both formats: the sections are the same, only the markup differs.
class Writer {
 public:
  Writer(llvm::raw_ostream &os, const Report &r, const DiagnosticEngine &labels, bool html)
      : os_(os), r_(r), labels_(labels), html_(html) {}

  void write() {
    if (html_) head();
    heading(1, label(DiagId::report_title));
    summary();
    if (html_ && !r_.orgChartSvg.empty()) {
      heading(2, label(DiagId::report_chart));
      os_ << "<div class=\"chart\">" << r_.orgChartSvg << "</div>\n";
    }
    articles();
    deviations();
    relations();
    overviews();
    findings();
    inputs();
    if (html_) os_ << "</body>\n</html>\n";
  }

 private:
  std::string label(DiagId id, const std::vector<std::string> &args = {}) const { return labels_.text(id, args); }
  std::string esc(const std::string &s) const { return html_ ? escapeHtml(s) : escapeMarkdown(s); }

  void head() {
    os_ << "<!DOCTYPE html>\n<html lang=\"" << (labels_.language() == Language::Dutch ? "nl" : "en") << "\">\n<head>\n"
        << "<meta charset=\"utf-8\">\n<title>" << escapeHtml(label(DiagId::report_title)) << "</title>\n"
        << "<style>\n"
           "body{font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#1b2631;margin:2em auto;max-width:75em;"
           "padding:0 1em}\n"
           "h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.8em;border-bottom:1px solid #d5dbdb}\n"
           "table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #d5dbdb;padding:.3em "
           ".5em;text-align:left;vertical-align:top}th{background:#f4f6f7}\n"
           ".ok{background:#e9f7ef}.bad{background:#fdecea}.dev{background:#fef5e7}.na{background:#eaf2f8}"
           ".none{color:#7f8c8d}\n"
           ".chart{overflow:auto;border:1px solid #d5dbdb;max-height:60em}.chart svg{max-width:none}\n"
           "code,.mono{font-family:Menlo,Consolas,monospace;font-size:.92em}\n"
           "dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}dd{margin:0}\n"
           "@media print{body{margin:0;max-width:none}.chart{max-height:none;overflow:visible;border:none}"
           "h2{break-after:avoid}tr{break-inside:avoid}a{color:inherit;text-decoration:none}}\n"
           "</style>\n</head>\n<body>\n";
  }

  void heading(int level, const std::string &text) {
    if (html_)
      os_ << "<h" << level << '>' << escapeHtml(text) << "</h" << level << ">\n";
    else
      os_ << std::string(level, '#') << ' ' << text << "\n\n";
  }

  void tableStart(const std::vector<std::string> &headers) {
    if (html_) {
      os_ << "<table>\n<tr>";
      for (const std::string &h : headers) os_ << "<th>" << escapeHtml(h) << "</th>";
      os_ << "</tr>\n";
    } else {
      os_ << '|';
      for (const std::string &h : headers) os_ << ' ' << h << " |";
      os_ << "\n|";
      for (size_t i = 0; i < headers.size(); ++i) os_ << " --- |";
      os_ << '\n';
    }
  }
  /// A row of cells that are already escaped; `classes` colours cells in HTML.
  void row(const std::vector<std::string> &cells, const std::vector<std::string> &classes = {}) {
    if (html_) {
      os_ << "<tr>";
      for (size_t i = 0; i < cells.size(); ++i) {
        os_ << "<td";
        if (i < classes.size() && !classes[i].empty()) os_ << " class=\"" << classes[i] << '"';
        os_ << '>' << cells[i] << "</td>";
      }
      os_ << "</tr>\n";
    } else {
      os_ << '|';
      for (const std::string &c : cells) os_ << ' ' << c << " |";
      os_ << '\n';
    }
  }
  void tableEnd() { os_ << (html_ ? "</table>\n" : "\n"); }
  void none() {
    os_ << (html_ ? "<p class=\"none\">" : "") << esc(label(DiagId::report_no_entries)) << (html_ ? "</p>\n" : "\n\n");
  }

  /// A link, only to a web address: a hostile library link such as
  /// `javascript:…` stays plain text.
  std::string link(const std::string &text, const std::string &href) const {
    if (href.rfind("https://", 0) != 0 && href.rfind("http://", 0) != 0) return esc(text);
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

  void summary() {
    heading(2, label(DiagId::report_summary));
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
    for (Verdict v :
         {Verdict::Complies, Verdict::Violation, Verdict::Deviation, Verdict::NotApplicable, Verdict::NotEvaluated})
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
  }

  void articles() {
    heading(2, label(DiagId::report_articles));
    tableStart({label(DiagId::col_article), label(DiagId::col_status), label(DiagId::col_norms)});
    for (const Report::ArticleRow &a : r_.articles) {
      std::string norms;
      for (const Report::NormStatus &n : a.norms)
        norms += (norms.empty() ? ""
                  : html_       ? "<br>"
                                : ", ") +
                 esc(n.norm + " (" + n.article + "): ") + status(n.status);
      row({link(a.ref, a.link) + (html_ ? "<br><small>" + esc(a.text) + "</small>" : ""), status(a.status), norms},
          {"", statusClass(a.status), ""});
    }
    tableEnd();
  }

  void deviations() {
    heading(2, label(DiagId::report_register, {r_.deviationKind}));
    if (r_.deviations.empty()) return none();
    tableStart({label(DiagId::col_name), label(DiagId::col_article), label(DiagId::col_concerns),
                label(DiagId::col_valid_until), label(DiagId::col_days_left), label(DiagId::col_state),
                label(DiagId::report_covers), label(DiagId::col_fields), label(DiagId::col_location)});
    for (const Report::Deviation &d : r_.deviations) {
      std::string covers;
      for (const std::string &c : d.covers) covers += (covers.empty() ? "" : html_ ? "<br>" : "; ") + esc(c);
      row({esc(d.name), esc(d.article), esc(d.concerns), esc(d.validUntil), d.hasEnd ? std::to_string(d.daysLeft) : "",
           esc(stateWord(d.state, labels_)), covers, esc(joinFields(d.fields)),
           esc(d.file + ":" + std::to_string(d.line))},
          {"", "", "", "", "", d.state == Report::Deviation::State::Active ? "dev" : "bad", "", "", ""});
    }
    tableEnd();
  }

  void relations() {
    std::vector<std::string> kinds;
    for (const Report::Relation &rel : r_.relations)
      if (std::find(kinds.begin(), kinds.end(), rel.kind) == kinds.end()) kinds.push_back(rel.kind);
    for (const std::string &kind : kinds) {
      heading(2, label(DiagId::report_register, {kind}));
      tableStart({label(DiagId::col_name), label(DiagId::col_from), label(DiagId::col_to), label(DiagId::col_fields)});
      for (const Report::Relation &rel : r_.relations)
        if (rel.kind == kind) row({esc(rel.name), esc(rel.from), esc(rel.to), esc(joinFields(rel.fields))});
      tableEnd();
    }
  }

  void overviews() {
    for (const Report::Overview &ov : r_.overviews) {
      heading(2, label(DiagId::report_overview, {ov.kind}));
      if (!ov.description.empty()) os_ << (html_ ? "<p>" : "") << esc(ov.description) << (html_ ? "</p>\n" : "\n\n");
      std::vector<std::string> headers{label(DiagId::col_entity)};
      for (const Report::NormStatus &c : ov.columns) headers.push_back(c.norm + " (" + c.article + ")");
      headers.push_back(label(DiagId::col_fields));
      tableStart(headers);
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
    }
  }

  void findings() {
    heading(2, label(DiagId::report_findings));
    if (r_.findings.empty()) return none();
    tableStart({label(DiagId::col_severity), label(DiagId::col_article), label(DiagId::col_message),
                label(DiagId::col_location)});
    for (const Report::Finding &f : r_.findings) {
      // The machine word (`error`) stays in the JSON; the reader sees the report's language.
      Severity level = f.severity == "error"     ? Severity::Error
                       : f.severity == "warning" ? Severity::Warning
                                                 : Severity::Note;
      std::string severity = f.code + " (" + severityWord(level, labels_.language()) + ")";
      std::string message = f.message;
      if (!f.coveredBy.empty()) message += " [" + r_.deviationKind + " " + f.coveredBy + "]";
      std::string where = f.file.empty() ? "" : f.file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
      row({esc(severity), link(f.article, f.link), esc(message), esc(where)},
          {f.coveredBy.empty() ? (f.severity == "error" ? "bad" : "") : "dev", "", "", ""});
    }
    tableEnd();
  }

  void inputs() {
    heading(2, label(DiagId::report_inputs));
    tableStart({label(DiagId::col_file), "SHA-256"});
    for (const Report::Input &i : r_.inputs) row({esc(i.path), esc(i.sha256)});
    tableEnd();
  }

  llvm::raw_ostream &os_;
  const Report &r_;
  const DiagnosticEngine &labels_;
  bool html_;
};

}  // namespace

void writeReportMarkdown(llvm::raw_ostream &os, const Report &report, const DiagnosticEngine &labels) {
  Writer(os, report, labels, false).write();
}

void writeReportHtml(llvm::raw_ostream &os, const Report &report, const DiagnosticEngine &labels) {
  Writer(os, report, labels, true).write();
}

}  // namespace cio

// GitHub Actions workflow commands: each finding becomes an annotation on the
// line it concerns (`::error file=…,line=…,col=…,title=…::message`). Values
// are escaped as the runner requires, so no file name or message can end a
// command early or start a new one.
#include "diagnostics/Printable.h"
#include "diagnostics/Render.h"

namespace cio {

namespace {

/// Escapes the message part: `%`, CR and LF.
std::string escapeData(const std::string &s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

/// Escapes a property value: as data, plus `:` and `,`.
std::string escapeProperty(const std::string &s) {
  std::string out;
  for (char c : escapeData(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

}  // namespace

void renderGithub(llvm::raw_ostream &os, const std::vector<Diagnostic> &diags, const llvm::SourceMgr &sm,
                  Language lang) {
  bool nl = lang == Language::Dutch;
  for (const Diagnostic &d : diags) {
    bool isCovered = !d.coveredBy.empty();
    const char *command = isCovered || d.severity == Severity::Note ? "notice"
                          : d.severity == Severity::Error           ? "error"
                                                                    : "warning";
    std::string title = d.code;
    if (!d.article.empty()) title += " (" + d.article + ")";
    // User text is made printable first (a log shows terminal escapes); the
    // line breaks between message, help and notes are the renderer's own.
    std::string message = printable(d.message);
    if (isCovered)
      message += printable(nl ? " [gedekt door " + d.coveredBy + "]" : " [covered by " + d.coveredBy + "]");
    if (!d.help.empty()) message += "\n" + printable(d.help);
    for (const DiagnosticNote &n : d.notes) message += "\n" + printable(n.message);
    os << "::" << command << ' ';
    if (d.range.valid()) {
      Location loc = locate(sm, d.range);
      os << "file=" << escapeProperty(printable(loc.file)) << ",line=" << loc.line << ",col=" << loc.column
         << ",endLine=" << loc.endLine << ",endColumn=" << loc.endColumn << ',';
    }
    os << "title=" << escapeProperty(title) << "::" << escapeData(message) << '\n';
  }
  os << "cioc: " << summaryLine(diags, lang) << '\n';
}

}  // namespace cio

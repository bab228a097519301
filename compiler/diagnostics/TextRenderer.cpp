#include <algorithm>
#include <functional>
#include <tuple>

#include "diagnostics/Render.h"

namespace cio {

static unsigned codePoints(llvm::StringRef s) {
  unsigned n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

Location locate(const llvm::SourceMgr &sm, SourceRange r) {
  Location loc;
  if (!r.valid() || r.buffer > sm.getNumBuffers()) return loc;
  const llvm::MemoryBuffer *buf = sm.getMemoryBuffer(r.buffer);
  loc.file = buf->getBufferIdentifier().str();
  llvm::StringRef text = buf->getBuffer();
  uint32_t begin = std::min<uint32_t>(r.begin, text.size()),
           end = std::min<uint32_t>(std::max(r.end, r.begin), text.size());
  auto lineCol = [&](uint32_t off, unsigned &line, unsigned &col, size_t *lineStartOut) {
    auto [l, c] = sm.getLineAndColumn(llvm::SMLoc::getFromPointer(text.data() + off), r.buffer);
    line = l;
    size_t lineStart = off - (c - 1);
    col = codePoints(text.substr(lineStart, off - lineStart)) + 1;
    if (lineStartOut) *lineStartOut = lineStart;
  };
  size_t lineStart = 0;
  lineCol(begin, loc.line, loc.column, &lineStart);
  lineCol(end, loc.endLine, loc.endColumn, nullptr);
  size_t lineEnd = text.find_first_of("\r\n", lineStart);
  loc.lineText =
      text.substr(lineStart, lineEnd == llvm::StringRef::npos ? llvm::StringRef::npos : lineEnd - lineStart).str();
  return loc;
}

void sortDiagnostics(std::vector<Diagnostic> &diags, const llvm::SourceMgr &sm) {
  auto key = [&](const Diagnostic &d) {
    llvm::StringRef file = d.range.valid() ? sm.getMemoryBuffer(d.range.buffer)->getBufferIdentifier() : "";
    return std::make_tuple(d.range.valid(), file, d.range.begin, d.range.end, std::cref(d.code), std::cref(d.message));
  };
  std::stable_sort(diags.begin(), diags.end(),
                   [&](const Diagnostic &a, const Diagnostic &b) { return key(a) < key(b); });
  diags.erase(std::unique(diags.begin(), diags.end(),
                          [&](const Diagnostic &a, const Diagnostic &b) { return key(a) == key(b); }),
              diags.end());
}

namespace {

const char *severityWord(Severity s, Language lang) {
  bool nl = lang == Language::Dutch;
  switch (s) {
    case Severity::Error:
      return nl ? "fout" : "error";
    case Severity::Warning:
      return nl ? "waarschuwing" : "warning";
    case Severity::Note:
      return nl ? "opmerking" : "note";
  }
  return "";
}

class TextWriter {
 public:
  TextWriter(llvm::raw_ostream &os, const llvm::SourceMgr &sm, Language lang, bool colour)
      : os_(os), sm_(sm), lang_(lang), colour_(colour) {}

  void write(const Diagnostic &d) {
    Location loc = locate(sm_, d.range);
    std::string gutter(std::to_string(std::max(loc.line, loc.endLine)).size(), ' ');
    const bool nl = lang_ == Language::Dutch;
    // A finding a deviation covers is shown, but must not read as an error.
    bool covered = !d.coveredBy.empty();
    colourFor(covered ? Severity::Note : d.severity);
    os_ << (covered ? (nl ? "gedekt" : "covered") : severityWord(d.severity, lang_)) << '[' << d.code << ']';
    reset();
    bold();
    os_ << ": " << d.message << '\n';
    reset();
    if (d.range.valid()) {
      blue();
      os_ << gutter << "--> ";
      reset();
      os_ << loc.file << ':' << loc.line << ':' << loc.column << '\n';
      snippet(loc, gutter, covered ? Severity::Note : d.severity);
    }
    for (const DiagnosticNote &n : d.notes) {
      Location nl2 = locate(sm_, n.range);
      blue();
      os_ << gutter << " = ";
      reset();
      os_ << (nl ? "opmerking: " : "note: ") << n.message;
      if (n.range.valid()) os_ << " (" << nl2.file << ':' << nl2.line << ':' << nl2.column << ')';
      os_ << '\n';
    }
    if (!d.help.empty()) {
      blue();
      os_ << gutter << " = ";
      reset();
      os_ << (nl ? "hulp: " : "help: ") << d.help << '\n';
    }
    os_ << '\n';
  }

 private:
  void snippet(const Location &loc, const std::string &gutter, Severity s) {
    std::string line = loc.lineText;
    std::replace(line.begin(), line.end(), '\t', ' ');
    unsigned width = loc.endLine == loc.line && loc.endColumn > loc.column ? loc.endColumn - loc.column : 1;
    blue();
    os_ << gutter << " |\n" << loc.line << " | ";
    reset();
    os_ << line << '\n';
    blue();
    os_ << gutter << " | ";
    reset();
    os_ << std::string(loc.column - 1, ' ');
    colourFor(s);
    os_ << std::string(std::min(width, 200u), '^') << '\n';
    reset();
  }
  void colourFor(Severity s) {
    if (!colour_) return;
    os_.changeColor(s == Severity::Error     ? llvm::raw_ostream::RED
                    : s == Severity::Warning ? llvm::raw_ostream::YELLOW
                                             : llvm::raw_ostream::CYAN,
                    true);
  }
  void bold() {
    if (colour_) os_.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
  }
  void blue() {
    if (colour_) os_.changeColor(llvm::raw_ostream::BLUE, true);
  }
  void reset() {
    if (colour_) os_.resetColor();
  }

  llvm::raw_ostream &os_;
  const llvm::SourceMgr &sm_;
  Language lang_;
  bool colour_;
};

}  // namespace

std::string summaryLine(const std::vector<Diagnostic> &diags, Language lang) {
  size_t errors = 0, warnings = 0, covered = 0;
  for (const Diagnostic &d : diags) {
    if (!d.coveredBy.empty())
      ++covered;
    else {
      errors += d.severity == Severity::Error;
      warnings += d.severity == Severity::Warning;
    }
  }
  std::string out;
  if (lang == Language::Dutch)
    out = std::to_string(errors) + (errors == 1 ? " fout, " : " fouten, ") + std::to_string(warnings) +
          " waarschuwing" + (warnings == 1 ? "" : "en");
  else
    out = std::to_string(errors) + (errors == 1 ? " error, " : " errors, ") + std::to_string(warnings) + " warning" +
          (warnings == 1 ? "" : "s");
  if (covered) out += ", " + std::to_string(covered) + (lang == Language::Dutch ? " gedekt" : " covered");
  return out;
}

void renderText(llvm::raw_ostream &os, const std::vector<Diagnostic> &diags, const llvm::SourceMgr &sm, Language lang,
                bool colour) {
  TextWriter w(os, sm, lang, colour);
  for (const Diagnostic &d : diags) w.write(d);
  os << summaryLine(diags, lang) << '\n';
}

}  // namespace cio

#include <algorithm>
#include <functional>
#include <tuple>

#include "diagnostics/Printable.h"
#include "diagnostics/Render.h"

namespace cio {

static unsigned codePoints(llvm::StringRef s) {
  unsigned n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

/// The code points from `lineStart` to `off`. Diagnostics are located in
/// order, many on one long line (a generated file of one line): counting on
/// from the last offset of the same line keeps that linear, not quadratic.
static unsigned codePointsFrom(const char *buffer, llvm::StringRef text, size_t lineStart, size_t off) {
  struct Last {
    const char *buffer = nullptr;
    size_t lineStart = 0, off = 0;
    unsigned count = 0;
  };
  thread_local Last last;
  if (last.buffer == buffer && last.lineStart == lineStart && last.off <= off)
    last.count += codePoints(text.substr(last.off, off - last.off));
  else
    last.count = codePoints(text.substr(lineStart, off - lineStart));
  last.buffer = buffer;
  last.lineStart = lineStart;
  last.off = off;
  return last.count;
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
    col = codePointsFrom(text.data(), text, lineStart, off) + 1;
    if (lineStartOut) *lineStartOut = lineStart;
  };
  size_t lineStart = 0;
  lineCol(begin, loc.line, loc.column, &lineStart);
  lineCol(end, loc.endLine, loc.endColumn, nullptr);
  constexpr size_t kContext = 1024;
  // The line's end only as far as the context shown reaches: searching a long
  // line to its end for every diagnostic on it would be quadratic.
  size_t window = std::min<size_t>(text.size(), size_t(begin) + kContext + 1);
  size_t lineEnd = text.substr(0, window).find_first_of("\r\n", begin);
  if (lineEnd == llvm::StringRef::npos) lineEnd = window < text.size() ? window + 1 : text.size();
  auto isContinuation = [&](size_t i) {
    return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  };
  size_t from = begin > lineStart + kContext ? begin - kContext : lineStart;
  while (from > lineStart && isContinuation(from)) --from;
  size_t to = std::min<size_t>(lineEnd, size_t(begin) + kContext);
  while (to < lineEnd && isContinuation(to)) ++to;
  loc.lineText = text.substr(from, to - from).str();
  loc.lineTextColumn = loc.column - codePoints(text.substr(from, begin - from));
  loc.lineCutBefore = from > lineStart;
  loc.lineCutAfter = to < lineEnd;
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

namespace {


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
    os_ << ": " << printable(d.message) << '\n';
    reset();
    if (d.range.valid()) {
      blue();
      os_ << gutter << "--> ";
      reset();
      os_ << printable(loc.file) << ':' << loc.line << ':' << loc.column << '\n';
      snippet(loc, gutter, covered ? Severity::Note : d.severity);
    }
    for (const DiagnosticNote &n : d.notes) {
      Location nl2 = locate(sm_, n.range);
      blue();
      os_ << gutter << " = ";
      reset();
      os_ << (nl ? "opmerking: " : "note: ") << printable(n.message);
      if (n.range.valid()) os_ << " (" << printable(nl2.file) << ':' << nl2.line << ':' << nl2.column << ')';
      os_ << '\n';
    }
    if (!d.help.empty()) {
      blue();
      os_ << gutter << " = ";
      reset();
      os_ << (nl ? "hulp: " : "help: ") << printable(d.help) << '\n';
    }
    os_ << '\n';
  }

 private:
  /// The source line under a diagnostic, with the span underlined. A long
  /// line is shown as a window around the span (a megabyte line is not
  /// reprinted per diagnostic), and control characters are made visible: one
  /// code point becomes one, so the underline stays aligned.
  void snippet(const Location &loc, const std::string &gutter, Severity s) {
    constexpr unsigned kWindow = 160;
    unsigned column = loc.column - (loc.lineTextColumn - 1);
    std::string line = printable(lineWindow(loc.lineText, column, kWindow, loc.lineCutBefore, loc.lineCutAfter), true);
    unsigned width = loc.endLine == loc.line && loc.endColumn > loc.column ? loc.endColumn - loc.column : 1;
    width = std::min(width, kWindow - std::min(kWindow, column - 1));
    blue();
    os_ << gutter << " |\n" << loc.line << " | ";
    reset();
    os_ << line << '\n';
    blue();
    os_ << gutter << " | ";
    reset();
    os_ << std::string(column - 1, ' ');
    colourFor(s);
    os_ << std::string(std::max(width, 1u), '^') << '\n';
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
                bool colour, const std::vector<NormVerdict> &verdicts) {
  TextWriter w(os, sm, lang, colour);
  for (const Diagnostic &d : diags) w.write(d);
  os << summaryLine(diags, lang) << '\n';
  if (std::string line = verdictLine(verdicts, lang); !line.empty()) os << line << '\n';
}

}  // namespace cio

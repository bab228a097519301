// `cioc check --verify`, after clang's -verify: a file test states on each
// line, in a comment, which diagnostics that line must produce:
//   value = 1;   // expect-error: type_mismatch
//   // expect-warning@+1: library_superseded      (on the next line)
// `expect-note:` covers notes in the files under test, and `expect-covered:`
// a finding that a deviation covers (which would otherwise pass unseen).
// Anything missing or unexpected fails the test.
#include <algorithm>
#include <map>
#include <regex>

#include "diagnostics/Render.h"

namespace cio {

bool verifyDiagnostics(llvm::raw_ostream &os, const std::vector<Diagnostic> &diags, const llvm::SourceMgr &sm,
                       const std::vector<unsigned> &checked) {
  using Key = std::tuple<std::string, unsigned, std::string, std::string>;  // file, line, severity, code
  std::map<Key, int> expected, produced;
  static const std::regex pattern(
      R"(expect-(error|warning|note|covered)(?:@([+-]?[0-9]+))?:\s*([A-Za-z0-9_.]+(?:\s*,\s*[A-Za-z0-9_.]+)*))");
  for (unsigned buffer : checked) {
    llvm::StringRef text = sm.getMemoryBuffer(buffer)->getBuffer();
    std::string file = sm.getMemoryBuffer(buffer)->getBufferIdentifier().str();
    unsigned lineNo = 0;
    while (!text.empty()) {
      auto [line, rest] = text.split('\n');
      text = rest;
      ++lineNo;
      std::string s = line.str();
      for (std::sregex_iterator it(s.begin(), s.end(), pattern), end; it != end; ++it) {
        const std::smatch &m = *it;
        unsigned target = lineNo;
        if (m[2].matched) {
          std::string off = m[2].str();
          target = (off[0] == '+' || off[0] == '-') ? unsigned(int(lineNo) + std::stoi(off)) : unsigned(std::stoi(off));
        }
        std::string codes = m[3].str();
        std::regex comma(R"(\s*,\s*)");
        for (std::sregex_token_iterator c(codes.begin(), codes.end(), comma, -1), e; c != e; ++c)
          ++expected[{file, target, m[1].str(), c->str()}];
      }
    }
  }
  for (const Diagnostic &d : diags) {
    Location loc = locate(sm, d.range);
    if (loc.file.empty() && d.range.valid()) continue;
    // Notes are checked only in the files under test (not e.g. the stdlib's not-evaluated norms).
    if (d.severity == Severity::Note && std::find(checked.begin(), checked.end(), d.range.buffer) == checked.end())
      continue;
    const char *sev = !d.coveredBy.empty()              ? "covered"
                      : d.severity == Severity::Error   ? "error"
                      : d.severity == Severity::Warning ? "warning"
                                                        : "note";
    ++produced[{loc.file, loc.line, sev, d.code}];
  }
  bool ok = true;
  for (auto &[k, n] : expected) {
    int got = produced.count(k) ? produced[k] : 0;
    if (got < n) {
      ok = false;
      os << std::get<0>(k) << ':' << std::get<1>(k) << ": expected " << std::get<2>(k) << " `" << std::get<3>(k)
         << "` was not produced\n";
    }
  }
  for (auto &[k, n] : produced) {
    int want = expected.count(k) ? expected[k] : 0;
    if (n > want) {
      ok = false;
      os << (std::get<0>(k).empty() ? "<no file>" : std::get<0>(k)) << ':' << std::get<1>(k) << ": unexpected "
         << std::get<2>(k) << " `" << std::get<3>(k) << "`\n";
    }
  }
  return ok;
}

}  // namespace cio

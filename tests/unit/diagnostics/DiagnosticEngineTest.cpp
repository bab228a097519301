#include <gtest/gtest.h>

#include "diagnostics/DiagnosticEngine.h"
#include "diagnostics/Render.h"
#include "llvm/Support/MemoryBuffer.h"

namespace cio {
namespace {

TEST(DiagnosticEngine, FormatsFromTheTableInTheChosenLanguage) {
  DiagnosticEngine nl(Language::Dutch), en(Language::English);
  EXPECT_EQ(nl.report(DiagId::unknown_kind, {}, {"funtie"}).message, "onbekende soort `funtie`");
  EXPECT_EQ(en.report(DiagId::unknown_kind, {}, {"funtie"}).message, "unknown kind `funtie`");
  EXPECT_EQ(nl.diagnostics().front().code, "unknown_kind");
}

TEST(DiagnosticEngine, CountsIgnoreSuppressedFindings) {
  DiagnosticEngine d;
  d.report(DiagId::unknown_kind, {}, {"a"});
  Diagnostic &w = d.report(DiagId::library_superseded, {}, {"a", "b", "c"});
  EXPECT_EQ(w.severity, Severity::Warning);
  Diagnostic &s = d.report(DiagId::unknown_kind, {}, {"b"});
  s.coveredBy = "AFW_1";
  EXPECT_EQ(d.errorCount(), 1u);
  EXPECT_EQ(d.warningCount(), 1u);
}

TEST(TextRenderer, ShowsLocationSnippetAndUnderline) {
  llvm::SourceMgr sm;
  unsigned id =
      sm.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy("abc\nde fout gh\n", "x.cio"), llvm::SMLoc());
  DiagnosticEngine d(Language::English);
  d.report(DiagId::unknown_kind, {id, 7, 11}, {"fout"});
  std::string out;
  llvm::raw_string_ostream os(out);
  renderText(os, d.diagnostics(), sm, Language::English, false);
  EXPECT_NE(out.find("error[unknown_kind]: unknown kind `fout`"), std::string::npos) << out;
  EXPECT_NE(out.find("--> x.cio:2:4"), std::string::npos) << out;
  EXPECT_NE(out.find("2 | de fout gh\n  |    ^^^^\n"), std::string::npos) << out;
}

TEST(TextRenderer, CoveredFindingsDoNotReadAsErrors) {
  llvm::SourceMgr sm;
  unsigned id =
      sm.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy("ministerie FIN {}\n", "s.cio"), llvm::SMLoc());
  Diagnostic d;
  d.code = "cio_onder_sg";
  d.severity = Severity::Error;
  d.message = "m";
  d.range = {id, 11, 14};
  d.coveredBy = "AFW_1";
  std::string out;
  llvm::raw_string_ostream os(out);
  renderText(os, {d}, sm, Language::Dutch, false);
  EXPECT_EQ(out.find("fout["), std::string::npos) << out;
  EXPECT_NE(out.find("gedekt[cio_onder_sg]"), std::string::npos) << out;
  EXPECT_NE(out.find("0 fouten, 0 waarschuwingen, 1 gedekt"), std::string::npos) << out;
}

TEST(Location, ColumnsCountCodePointsNotBytes) {
  llvm::SourceMgr sm;
  unsigned id = sm.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy("\"Financiën\" X", "u.cio"), llvm::SMLoc());
  Location loc = locate(sm, {id, 13, 14});  // `X` after a two-byte ë
  EXPECT_EQ(loc.line, 1u);
  EXPECT_EQ(loc.column, 13u);
}

}  // namespace
}  // namespace cio

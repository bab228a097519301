// Every input in tests/fuzz-regressions goes through the parser (also
// incrementally, as fuzz_parser does) and the whole check pipeline again; the
// sanitizer build turns a regression into a failure.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "AstDump.h"
#include "pipeline/Pipeline.h"
#include "syntax/Parse.h"

namespace cio {
namespace {

TEST(FuzzRegressionTest, EveryKnownInputIsHandled) {
  size_t seen = 0;
  for (const auto &entry :
       std::filesystem::directory_iterator(std::filesystem::path(CIOC_SOURCE_DIR) / "tests/fuzz-regressions")) {
    if (entry.path().extension() != ".bin") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    DiagnosticEngine diags;
    ParsedItems items;
    parseFile(s.str(), 1, diags, {}, nullptr, &items);
    if (!s.str().empty()) {
      std::string edited = s.str();
      edited.erase(edited.size() / 2, 1);
      DiagnosticEngine incrementalDiags, fullDiags;
      ParsedItems next;
      ast::File incremental = parseFile(edited, 1, incrementalDiags, {}, &items, &next);
      ast::File full = parseFile(edited, 1, fullDiags);
      EXPECT_EQ(ast_dump::dump(incremental, incrementalDiags), ast_dump::dump(full, fullDiags)) << entry.path();
    }
    Pipeline p(Language::Dutch);
    PipelineOptions opt;
    opt.stdlibDir = CIOC_TEST_STDLIB_DIR;
    opt.referenceDate = "2025-06-01";
    opt.buffers.emplace_back(entry.path().filename().string(), s.str());
    runPipeline(p, opt);
    EXPECT_GT(p.errorCount(), 0u) << entry.path();  // each is malformed: it must say so
    ++seen;
  }
  EXPECT_GT(seen, 0u);
}

}  // namespace
}  // namespace cio

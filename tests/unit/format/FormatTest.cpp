// The formatter: the golden layout, and over every .cio file of the repository
// that parses, nothing lost (the same tokens and comments before and after)
// and nothing left to do the second time (idempotence).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "format/Formatter.h"
#include "syntax/Parse.h"

namespace cio {
namespace {

std::string readFile(const std::filesystem::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(FormatTest, GoldenLayout) {
  std::filesystem::path dir = std::filesystem::path(CIOC_SOURCE_DIR) / "tests/golden/fmt";
  EXPECT_EQ(formatSource(readFile(dir / "input.cio")), readFile(dir / "expected.cio"));
}

TEST(FormatTest, KeepsCommentsWhereTheyBelong) {
  std::string in = "ministerie M { // na de accolade\n  sg SG; // na sg\n  // eigen regel\n}\n";
  EXPECT_EQ(formatSource(in), "ministerie M {  // na de accolade\n    sg SG;  // na sg\n    // eigen regel\n}\n");
}

TEST(FormatTest, WrapsLongListsAfterAComma) {
  std::string items;
  for (int i = 0; i < 30; ++i) items += (i ? ", " : "") + std::string("ITEM_") + std::to_string(i);
  std::string out = formatSource("x X {\n    leden = [" + items + "];\n}\n");
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) EXPECT_LE(line.size(), kFormatWidth) << line;
  EXPECT_EQ(significantTokens(out), significantTokens("x X { leden = [" + items + "]; }"));
}

TEST(FormatTest, EveryRepositoryFileRoundTripsAndIsIdempotent) {
  size_t checked = 0;
  for (const char *top : {"stdlib", "examples", "tests"}) {
    for (const auto &entry :
         std::filesystem::recursive_directory_iterator(std::filesystem::path(CIOC_SOURCE_DIR) / top)) {
      if (entry.path().extension() != ".cio") continue;
      std::string text = readFile(entry.path());
      DiagnosticEngine diags;
      parseFile(text, 1, diags);
      if (diags.errorCount() > 0) continue;  // the formatter refuses files that do not parse
      std::string once = formatSource(text);
      EXPECT_EQ(significantTokens(once), significantTokens(text)) << entry.path();
      EXPECT_EQ(formatSource(once), once) << entry.path();
      ++checked;
    }
  }
  EXPECT_GT(checked, 50u);
}

}  // namespace
}  // namespace cio

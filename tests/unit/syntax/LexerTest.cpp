// The hand-written lexer must produce exactly the tokens of the lexer ANTLR
// generates from grammar/Cio.g4: same types, same byte ranges, for every file
// in the repository and for inputs written to hit each rule's edges.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "LexerDifferential.h"
#include "syntax/Lexer.h"
#include "syntax/Parse.h"

namespace cio {
namespace {

void expectSameTokens(const std::string &original, const std::string &what) {
  using namespace lexer_differential;
  std::vector<Tok> expected = generatedTokens(original), actual = handTokens(withoutLeadingBom(original));
  size_t n = std::min(expected.size(), actual.size());
  for (size_t i = 0; i < n; ++i)
    if (!(expected[i] == actual[i])) {
      ADD_FAILURE() << what << ": token " << i << " differs: generated " << expected[i] << ", hand-written "
                    << actual[i] << " near `" << withoutLeadingBom(original).substr(expected[i].begin, 40) << "`";
      return;
    }
  EXPECT_EQ(expected.size(), actual.size()) << what;
}

TEST(Lexer, AgreesWithTheGeneratedLexerOnEveryFileInTheRepository) {
  size_t files = 0;
  for (const char *dir : {"tests", "examples", "stdlib", "fuzz"}) {
    std::filesystem::path root = std::filesystem::path(CIOC_SOURCE_DIR) / dir;
    if (!std::filesystem::exists(root)) continue;
    for (const auto &entry : std::filesystem::recursive_directory_iterator(root)) {
      std::string ext = entry.path().extension().string();
      if (ext != ".cio" && ext != ".bin") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      std::string text = ss.str();
      if (findInvalidUtf8(text) != std::string::npos) continue;  // parseFile lexes only valid UTF-8
      expectSameTokens(text, entry.path().string());
      ++files;
    }
  }
  EXPECT_GT(files, 50u);  // the walk found the files
}

TEST(Lexer, AgreesWithTheGeneratedLexerAtTheEdgesOfEachRule) {
  const char *cases[] = {
      // keywords, names and article references: longest match, then the first rule
      "gebruik gebruiker in int is isa",
      "art artikel art3 art3.1 art3.1.a art3.x art3._ art3. art3.1é art3é",
      "art17a art4.k.1x art9.2_b artx3 art03.04",
      "_ __x x_1 é éé x² ½ ٣x x٣ Ωmega ﬁ",
      "ja nee jaa nEE JA",
      // numbers and dates
      "1 12_000 1.5 1..2 1._5 3.5mln 2024-01-01 2024-1-01 20240-01-01 2024-01-011 2024-01- 1.",
      "0..9 2020..2024 9_",
      // the forms people write by habit, read as one DATE or NUMBER for sema to reject
      "1-3-2025 01-03-2025 2025-3-1 2025-3-15 12-5-20251 123-4-2025 1-2-202 2025-123-1 2025--1 1-2-",
      "7,5 mln 7,5mln 7,5\tEUR 7,5 mld 7,5 ml 7,5 mlnx 7, 5 mln [1,2] 1,2 7_0,5 EUR",
      "12.000.000 12.000.000,50 1.2.3 1.2_3.4 1.2. 1..2.3 12.000.000, 1.5,5",
      "\xE2\x82\xAC 12 \xE2\x82\xAC" "12,5 \xE2\x82\xAC\t1.000.000 \xE2\x82\xAC \xE2\x82\xACx \xE2\x82\xAC 1, \xE2\x82\xAC" "1_0.5",
      // `#` comments and curly quotes
      "# a comment\nx #\n#",
      "\xE2\x80\x9Ctext\xE2\x80\x9D \xE2\x80\x9Etext\xE2\x80\x9D \xE2\x80\x9Dx\" \xE2\x80\x9Copen\n \xE2\x80\x9C\\\xE2\x80\x9D\xE2\x80\x9D \xE2\x80\x9C\xE2\x80\x9C",
      // punctuation
      ".. . ... != ! <= < >= > = == ; : , @ ? * ( ) [ ] { } + - / # $ % ^ & | ~ ` '",
      // texts
      "\"a\" \"a\\\"b\" \"a\\\\\" \"unterminated\n\"x\\\ny\" \"\\",
      "\"tab\there\" \"é\" \"\\é\"",
      "\"",
      // comments
      "// line\n/// doc\n//// four\n/**/ /***/ /* a * b */ /*/ x */ /* open",
      "/*/",
      "/* x *",
      "/",
      "//",
      "///",
      "a//b\nc",
      "x /* multi\nline */ y",
      // whitespace and odd characters
      " \t\r\n\f\xEF\xBB\xBF x\xEF\xBB\xBF",
      "\x01\x7F\xC2\xA0 \xE2\x80\x8B",
      "",
      "\n\n",
      "\xEF\xBB\xBF\xEF\xBB\xBF",
      "\xEF\xBB\xBF"
      "x",
      "a\xF0\x9F\x98\x80"
      "b",
  };
  for (const char *c : cases) expectSameTokens(c, std::string("case `") + c + "`");
}

TEST(Lexer, IdentifierClassesComeFromTheGrammar) {
  EXPECT_TRUE(isIdentifierCodePoint('a', true));
  EXPECT_TRUE(isIdentifierCodePoint('_', true));
  EXPECT_TRUE(isIdentifierCodePoint(0xE9, true));  // é
  EXPECT_FALSE(isIdentifierCodePoint('1', true));
  EXPECT_TRUE(isIdentifierCodePoint('1', false));
  EXPECT_TRUE(isIdentifierCodePoint(0x663, false));  // Arabic-Indic digit three: \p{N}
  EXPECT_FALSE(isIdentifierCodePoint(0x663, true));
  EXPECT_FALSE(isIdentifierCodePoint('-', false));
  EXPECT_FALSE(isIdentifierCodePoint(0x200B, false));  // zero-width space
}

}  // namespace
}  // namespace cio

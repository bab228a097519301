// What reaches a person of the input's text: visible, bounded, aligned.
#include <gtest/gtest.h>

#include "diagnostics/Printable.h"

namespace cio {
namespace {

TEST(Printable, ControlCharactersBecomeVisible) {
  EXPECT_EQ(printable("a\x1b[2Jb"), "a\u241b[2Jb");
  EXPECT_EQ(printable(std::string("x\0y", 3)), "x\u2400y");
  EXPECT_EQ(printable("line\nbreak"), "line\u240abreak");
  EXPECT_EQ(printable("del\x7f"), "del\u2421");
  EXPECT_EQ(printable("c1\xc2\x9b"), "c1\ufffd");        // U+009B, the 8-bit CSI
  EXPECT_EQ(printable("rtl\xe2\x80\xae"), "rtl\ufffd");  // U+202E, a bidi override
  EXPECT_EQ(printable("bad\xff"), "bad\ufffd");          // not UTF-8
  EXPECT_EQ(printable("tab\there"), "tab here");
  EXPECT_EQ(printable("café — وزارة"), "café — وزارة");        // text stays text
  EXPECT_EQ(printableText("one\ntwo\x1b"), "one\ntwo\u241b");  // line breaks kept
}

TEST(Printable, ShortenedCutsAtACharacter) {
  EXPECT_EQ(shortened("abcdef", 3), "abc…");
  EXPECT_EQ(shortened("abc", 3), "abc");
  EXPECT_EQ(shortened("ééé", 2), "éé…");
}

TEST(Printable, LineWindowKeepsTheCaretOnTheSpan) {
  std::string line(1000, 'x');
  line.replace(700, 3, "TOK");
  unsigned column = 701;
  std::string shown = lineWindow(line, column, 120);
  EXPECT_LE(shown.size(), 120u + 2 * 3);  // the window and two ellipses
  // The caret column points at TOK in what is shown (columns count code points; … is one).
  std::u32string wide;
  for (size_t i = 0; i < shown.size();) {
    unsigned char c = shown[i];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    wide.push_back(c < 0x80 ? c : U'…');
    i += n;
  }
  ASSERT_LT(column + 2, wide.size() + 1);
  EXPECT_EQ(wide.substr(column - 1, 3), U"TOK");
  unsigned shortColumn = 3;
  EXPECT_EQ(lineWindow("short", shortColumn, 120), "short");
  EXPECT_EQ(shortColumn, 3u);
}

}  // namespace
}  // namespace cio

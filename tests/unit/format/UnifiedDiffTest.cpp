// unifiedDiff: the hunks `diff -u` would print, and a bounded fallback for
// inputs that differ everywhere.
#include <gtest/gtest.h>

#include "format/UnifiedDiff.h"

namespace cio {
namespace {

TEST(UnifiedDiffTest, EqualTextsGiveNothing) { EXPECT_EQ(unifiedDiff("a\nb\n", "a\nb\n", "x", "y"), ""); }

TEST(UnifiedDiffTest, OneChangedLineWithContext) {
  std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  std::string after = "1\n2\n3\n4\nvijf\n6\n7\n8\n9\n";
  EXPECT_EQ(unifiedDiff(before, after, "a/f", "b/f"),
            "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+vijf\n 6\n 7\n 8\n");
}

TEST(UnifiedDiffTest, NearbyChangesShareAHunkFarOnesDoNot) {
  std::string before, near, far;
  for (int i = 1; i <= 20; ++i) before += std::to_string(i) + "\n";
  near = before, far = before;
  near.replace(near.find("3\n"), 2, "drie\n");
  near.replace(near.find("\n8\n") + 1, 2, "acht\n");
  far.replace(far.find("2\n"), 2, "twee\n");
  far.replace(far.find("\n18\n") + 1, 3, "achttien\n");
  std::string one = unifiedDiff(before, near, "a", "b"), two = unifiedDiff(before, far, "a", "b");
  EXPECT_EQ(std::count(one.begin(), one.end(), '@'), 4) << one;  // one "@@ … @@"
  EXPECT_EQ(std::count(two.begin(), two.end(), '@'), 8) << two;  // two of them
}

TEST(UnifiedDiffTest, InsertionAtTheStartAndAMissingFinalNewline) {
  EXPECT_EQ(unifiedDiff("b\n", "a\nb\n", "x", "y"), "--- x\n+++ y\n@@ -1 +1,2 @@\n+a\n b\n");  // as diff -u prints it
  EXPECT_EQ(unifiedDiff("a", "a\n", "x", "y"), "--- x\n+++ y\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n");
}

TEST(UnifiedDiffTest, EverythingDifferentStaysLinear) {
  // 20,000 lines that all differ: past the edit bound the middle is shown as
  // removed, then added, instead of a quadratic search.
  std::string before, after;
  for (int i = 0; i < 20000; ++i) before += "x" + std::to_string(i) + "\n", after += "y" + std::to_string(i) + "\n";
  std::string d = unifiedDiff(before, after, "a", "b");
  EXPECT_EQ(std::count(d.begin(), d.end(), '\n'), 2 + 1 + 40000);
  EXPECT_EQ(d.find("+y0\n"), d.find("-x19999\n") + 8);
}

}  // namespace
}  // namespace cio

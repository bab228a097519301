#include <gtest/gtest.h>

#include "sema/Sema.h"

namespace cio {
namespace {

ast::Literal number(const std::string &text, const std::string &unit = "") {
  ast::Literal l;
  l.kind = ast::LiteralKind::Number;
  l.text = text;
  if (!unit.empty()) l.unit = ast::Ident{unit, {}};
  return l;
}

TEST(LiteralConverter, AmountsAreExactInCents) {
  DiagnosticEngine d;
  model::Value v;
  bool mismatch = false;
  ASSERT_TRUE(convertLiteral(number("5", "mln"), model::BaseType::Money, v, d, mismatch));
  EXPECT_EQ(v.cents, 500'000'000);
  ASSERT_TRUE(convertLiteral(number("12.5", "mln"), model::BaseType::Money, v, d, mismatch));
  EXPECT_EQ(v.cents, 1'250'000'000);
  ASSERT_TRUE(convertLiteral(number("5_000_000", "EUR"), model::BaseType::Money, v, d, mismatch));
  EXPECT_EQ(v.cents, 500'000'000);
  ASSERT_TRUE(convertLiteral(number("1.5", "mld"), model::BaseType::Money, v, d, mismatch));
  EXPECT_EQ(v.cents, 150'000'000'000);
  EXPECT_FALSE(convertLiteral(number("0.001", "EUR"), model::BaseType::Money, v, d, mismatch));
  EXPECT_FALSE(convertLiteral(number("100000000000", "mld"), model::BaseType::Money, v, d, mismatch));
}

TEST(LiteralConverter, DurationsAndTypeMismatches) {
  DiagnosticEngine d;
  model::Value v;
  bool mismatch = false;
  ASSERT_TRUE(convertLiteral(number("2", "jaar"), model::BaseType::Duration, v, d, mismatch));
  EXPECT_EQ(v.months, 24);
  ASSERT_TRUE(convertLiteral(number("3", "weken"), model::BaseType::Duration, v, d, mismatch));
  EXPECT_EQ(v.days, 21);
  EXPECT_FALSE(convertLiteral(number("3", "weken"), model::BaseType::Money, v, d, mismatch));
  EXPECT_TRUE(mismatch);
  EXPECT_EQ(literalTypeName(number("3", "weken")), "duur");
  EXPECT_TRUE(d.diagnostics().empty());
}

TEST(ClosestName, SuggestsOnlyNearNames) {
  EXPECT_EQ(closestName("funtie", {"functie", "ministerie"}), "functie");
  EXPECT_EQ(closestName("xyz", {"functie", "ministerie"}), "");
  EXPECT_EQ(closestName("CIO_fin", {"CIO_FIN"}), "CIO_FIN");
}

}  // namespace
}  // namespace cio

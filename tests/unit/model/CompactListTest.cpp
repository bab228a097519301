// The model's small lists (model/CompactList.h, model/RareList.h) behave as
// the vectors they replace: copies are deep, moves empty the source, growth
// keeps the elements, and elements with resources of their own are neither
// leaked nor freed twice (the sanitizer build runs these too).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "model/CompactList.h"
#include "model/Model.h"
#include "model/RareList.h"

namespace cio::model {
namespace {

static_assert(sizeof(CompactList<FieldValue>) == 16);
static_assert(sizeof(RareList<Name>) == 8);

TEST(CompactList, GrowsCopiesAndMovesLikeAVector) {
  CompactList<std::string> a;
  EXPECT_TRUE(a.empty());
  for (int i = 0; i < 100; ++i) a.push_back("element " + std::to_string(i) + " long enough to live on the heap");
  ASSERT_EQ(a.size(), 100u);
  EXPECT_EQ(a.front(), "element 0 long enough to live on the heap");
  EXPECT_EQ(a.back(), "element 99 long enough to live on the heap");
  CompactList<std::string> copy = a;
  EXPECT_TRUE(copy == a);
  copy[0] = "changed";
  EXPECT_EQ(a[0], "element 0 long enough to live on the heap") << "a copy is deep";
  EXPECT_FALSE(copy == a);
  CompactList<std::string> moved = std::move(copy);
  EXPECT_TRUE(copy.empty());
  EXPECT_EQ(moved[0], "changed");
  moved = a;
  EXPECT_TRUE(moved == a);
  std::vector<std::string> v = {"x", "y"};
  moved = std::move(v);
  ASSERT_EQ(moved.size(), 2u);
  EXPECT_EQ(*moved.rbegin(), "y");
  std::string joined;
  for (const std::string &s : moved) joined += s;
  EXPECT_EQ(joined, "xy");
}

TEST(CompactList, HoldsValuesWithListsOfTheirOwn) {
  Value list;
  list.list = true;
  for (uint32_t i = 0; i < 3; ++i) {
    Value item;
    item.type = BaseType::Kind;
    item.ref = i;
    list.items.push_back(item);
  }
  FieldValue f;
  f.value = list;
  CompactList<FieldValue> fields;
  fields.push_back(f);
  fields.push_back(f);
  CompactList<FieldValue> copy = fields;
  ASSERT_EQ(copy[1].value.items.size(), 3u);
  EXPECT_EQ(copy[1].value.items[2].ref, 2u);
  EXPECT_NE(&copy[1].value.items[0], &fields[1].value.items[0]) << "the items are copied, not shared";
}

TEST(RareList, IsEmptyWithoutAllocatingAndDeepWhenCopied) {
  RareList<Name> none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.begin(), none.end());
  RareList<Name> some;
  some.push_back(Name("veld"));
  RareList<Name> copy = some;
  copy.push_back(Name("ander"));
  EXPECT_EQ(some.size(), 1u);
  EXPECT_EQ(copy.size(), 2u);
  EXPECT_EQ(copy[1], "ander");
}

TEST(Value, ThePayloadOfOneTypeComparesBitwise) {
  Value a, b;
  a.type = b.type = BaseType::Period;
  a.date = b.date = 100;
  a.until = 200;
  b.until = 201;
  EXPECT_NE(a.payloadBits(), b.payloadBits());
  b.until = 200;
  EXPECT_EQ(a.payloadBits(), b.payloadBits());
}

}  // namespace
}  // namespace cio::model

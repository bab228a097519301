#include <gtest/gtest.h>

#include "model/Model.h"

namespace cio::model {
namespace {

TEST(Date, ValidatesTheCalendar) {
  EXPECT_TRUE(makeDate(2024, 2, 29));
  EXPECT_FALSE(makeDate(2023, 2, 29));
  EXPECT_FALSE(makeDate(1900, 2, 29));
  EXPECT_TRUE(makeDate(2000, 2, 29));
  EXPECT_FALSE(makeDate(2021, 4, 31));
  EXPECT_FALSE(makeDate(2021, 13, 1));
  EXPECT_FALSE(makeDate(2021, 0, 1));
}

TEST(Date, RoundTripsThroughDays) {
  EXPECT_EQ(*makeDate(1970, 1, 1), 0);
  EXPECT_EQ(*makeDate(2021, 1, 1) - *makeDate(2020, 1, 1), 366);
  for (const char *iso : {"2021-01-01", "2024-02-29", "2026-12-31", "0001-01-01", "9999-12-31"})
    EXPECT_EQ(formatDate(*parseDate(iso)), iso);
  EXPECT_FALSE(parseDate("2021-1-01"));
  EXPECT_FALSE(parseDate("2021-02-30"));
}

}  // namespace
}  // namespace cio::model

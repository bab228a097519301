#include <gtest/gtest.h>

#include "norms/FindingText.h"

namespace cio {
namespace {

TEST(ArticleLink, FollowsJuriconnectForBwbIdentifiers) {
  model::Library lib;
  lib.identifier = "BWBR0044613";
  lib.link = "https://example.invalid/besluit";
  EXPECT_EQ(articleLink(lib, "art3.1"), "https://wetten.overheid.nl/jci1.3:c:BWBR0044613&artikel=3&lid=1");
  EXPECT_EQ(articleLink(lib, "art4.c"), "https://wetten.overheid.nl/jci1.3:c:BWBR0044613&artikel=4&onderdeel=c");
  EXPECT_EQ(articleLink(lib, "art15.5.a"),
            "https://wetten.overheid.nl/jci1.3:c:BWBR0044613&artikel=15&lid=5&onderdeel=a");
  EXPECT_EQ(articleLink(lib, "art17"), "https://wetten.overheid.nl/jci1.3:c:BWBR0044613&artikel=17");
}

TEST(ArticleLink, FallsBackToTheLibraryLink) {
  model::Library lib;
  lib.identifier = "huisregels-2026";
  lib.link = "https://intranet.invalid/huisregels";
  EXPECT_EQ(articleLink(lib, "art1"), "https://intranet.invalid/huisregels");
}

}  // namespace
}  // namespace cio

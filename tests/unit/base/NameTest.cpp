// Interned names: one handle per text, compared by identity, ordered by text
// (so sorted output never depends on the order in which names were interned).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <thread>
#include <vector>

#include "base/Name.h"

namespace cio {
namespace {

TEST(Name, TheSameTextIsTheSameHandle) {
  std::string built = "ressorteert";
  built += "_onder";
  Name a("ressorteert_onder"), b(built);
  EXPECT_EQ(a.data(), b.data());
  EXPECT_TRUE(a == b);
  EXPECT_FALSE(a == Name("ressorteert_onder2"));
  EXPECT_EQ(a.str(), "ressorteert_onder");
}

TEST(Name, EmptyIsTheDefault) {
  Name empty, fromText(""), named("x");
  EXPECT_TRUE(empty.empty());
  EXPECT_TRUE(empty == fromText);
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_FALSE(named.empty());
}

TEST(Name, OrderedByTextNotByAddress) {
  // Interned in reverse order: pointer order would put "zeta" first.
  Name z("zeta_order_test"), a("alpha_order_test"), m("mu_order_test");
  std::vector<Name> names = {z, a, m};
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names[0].str(), "alpha_order_test");
  EXPECT_EQ(names[1].str(), "mu_order_test");
  EXPECT_EQ(names[2].str(), "zeta_order_test");
  std::set<Name> set(names.begin(), names.end());
  EXPECT_EQ(set.begin()->str(), "alpha_order_test");
}

TEST(Name, ReadsAsAString) {
  Name n("FIN.BD");
  const std::string &s = n;  // no copy: the interned string itself
  EXPECT_EQ(&s, &n.str());
  EXPECT_EQ(n + ".CIO", "FIN.BD.CIO");
  EXPECT_EQ("x." + n, "x.FIN.BD");
  std::string path = "A";
  path += n;
  EXPECT_EQ(path, "AFIN.BD");
  EXPECT_TRUE(n == std::string("FIN.BD"));
  EXPECT_TRUE(n.starts_with("FIN."));
  EXPECT_EQ(n.find('.'), 3u);
}

TEST(Name, InterningFromThreadsGivesOneHandle) {
  std::vector<const char *> seen(8);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < seen.size(); ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) Name("thread_filler_" + std::to_string(t) + "_" + std::to_string(i));
      seen[t] = Name("shared_between_threads").data();
    });
  for (std::thread &t : threads) t.join();
  for (const char *p : seen) EXPECT_EQ(p, seen[0]);
  // Growing the table moved no string: an old handle still reads its text.
  Name early("shared_between_threads");
  for (int i = 0; i < 5000; ++i) Name("growth_" + std::to_string(i));
  EXPECT_EQ(early.str(), "shared_between_threads");
  EXPECT_EQ(early.data(), seen[0]);
}

}  // namespace
}  // namespace cio

// The verdict per unit (norms/UnitVerdicts.h): each ministry judged on its own
// outcomes, a norm over the Rijk not concerning a ministry, and a norm that
// could not be evaluated withholding "voldoet" from every unit it concerns.
#include <gtest/gtest.h>

#include "norms/UnitVerdicts.h"
#include "pipeline/Pipeline.h"

namespace cio {
namespace {

struct Judged {
  Pipeline p{Language::Dutch};
  std::vector<UnitVerdict> units;

  explicit Judged(const std::string &source) {
    PipelineOptions opt;
    opt.stdlibDir = CIOC_TEST_STDLIB_DIR;
    opt.referenceDate = "2025-06-01";
    opt.recordOutcomes = true;
    opt.buffers.emplace_back("w.cio", source);
    runPipeline(p, opt);
    units = judgeUnits(p.model, p.evaluation);
  }
  const UnitVerdict &unit(const std::string &path) const {
    for (const UnitVerdict &u : units)
      if (p.model.entities[u.root].path == path) return u;
    ADD_FAILURE() << "no unit " << path;
    return units.front();
  }
  Verdict norm(const std::string &path, const std::string &name) const {
    for (const auto &[n, v] : unit(path).norms)
      if (n->name == name) return v;
    return Verdict::NotApplicable;  // not among the norms that concern it
  }
  bool concerns(const std::string &path, const std::string &name) const {
    for (const auto &[n, v] : unit(path).norms)
      if (n->name == name) return true;
    return false;
  }
};

constexpr const char *kGood = R"(
ministerie GOED {
    sg SG;
    bestuursraad BR { leden = [SG, CIO]; }
    cio CIO { ressorteert_onder = SG; office = O; overleg_bzk = 2021-01-01; }
    cio_office O { expertise = [beleid, architectuur, bedrijfsvoering]; }
    ciso CISO { ressorteert_onder = CIO; }
    informatieplan IP { periode = 2024..2027; financiele_paragraaf = ja; vastgesteld = 2023-12-01; }
}
)";

TEST(UnitVerdicts, EachMinistryIsJudgedOnItsOwnOutcomes) {
  Judged j(std::string("gebruik besluit_cio_2021;\n") + kGood + R"(
ministerie SLECHT {
    sg SG;
    functie DG { ressorteert_onder = SG; }
    cio CIO { ressorteert_onder = DG; }
}
)");
  ASSERT_EQ(j.p.diags.errorCount(), 0u);
  ASSERT_EQ(j.units.size(), 2u);
  EXPECT_EQ(j.p.model.entities[j.units[0].root].path, "GOED");  // by kind, then path
  EXPECT_EQ(j.norm("SLECHT", "cio_onder_sg"), Verdict::Violation);
  EXPECT_EQ(j.norm("GOED", "cio_onder_sg"), Verdict::Complies);
  EXPECT_EQ(j.unit("SLECHT").verdict, Verdict::Violation);
  // GOED's own verdict does not take SLECHT's violation; the Rijk norms are
  // not evaluated (no rijk declared) but they do not concern a ministry.
  EXPECT_FALSE(j.concerns("GOED", "een_cio_rijk_en_ciso_rijk"));
  EXPECT_NE(j.unit("GOED").verdict, Verdict::Violation);
}

TEST(UnitVerdicts, ANormThatCouldNotBeEvaluatedWithholdsVoldoet) {
  // The CIO's superior is misspelt: whether it is the SG cannot be known, so
  // the norm is not evaluated in that ministry, and the ministry is not "voldoet".
  std::string source = kGood;
  source.replace(source.find("cio CIO { ressorteert_onder = SG;"), 33, "cio CIO { ressorteert_onder = SGG;");
  Judged j("gebruik besluit_cio_2021;\n" + source);
  ASSERT_GT(j.p.diags.errorCount(), 0u);
  ASSERT_EQ(j.units.size(), 1u);
  EXPECT_EQ(j.norm("GOED", "cio_onder_sg"), Verdict::NotEvaluated);
  EXPECT_EQ(j.unit("GOED").verdict, Verdict::NotEvaluated);
}

TEST(UnitVerdicts, TheRijkIsJudgedOnRijkNormsOnly) {
  Judged j(std::string("gebruik besluit_cio_2021;\n") + kGood + "rijk R { cio_rijk CR; }\n");
  ASSERT_EQ(j.units.size(), 2u);
  EXPECT_EQ(j.norm("R", "een_cio_rijk_en_ciso_rijk"), Verdict::Violation);  // no CISO Rijk
  EXPECT_EQ(j.unit("R").verdict, Verdict::Violation);
  EXPECT_FALSE(j.concerns("R", "cio_onder_sg"));
  EXPECT_FALSE(j.concerns("GOED", "een_cio_rijk_en_ciso_rijk"));
  EXPECT_NE(j.unit("GOED").verdict, Verdict::Violation);
}

TEST(UnitVerdicts, UnitRootOfClimbsToTheTop) {
  Judged j(std::string("gebruik besluit_cio_2021;\n") + kGood);
  for (model::EntityId id = 0; id < j.p.model.entities.size(); ++id)
    if (j.p.model.entities[id].path.starts_with("GOED."))
      EXPECT_EQ(j.p.model.entities[unitRootOf(j.p.model, id)].path, "GOED");
  EXPECT_EQ(unitRootOf(j.p.model, model::kNone), model::kNone);
}

}  // namespace
}  // namespace cio

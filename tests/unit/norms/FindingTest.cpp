// The finding record: what the evaluator decides, before any text is made,
// and how the deviation mechanism fills in its coverage.
#include <gtest/gtest.h>

#include "norms/FindingText.h"
#include "norms/NormValue.h"
#include "pipeline/Pipeline.h"

namespace cio {
namespace {

TEST(ArticleRef, TakesANotationApart) {
  ArticleRef a = ArticleRef::parse("art15.5.a");
  EXPECT_EQ(a.artikel, "15");
  EXPECT_EQ(a.lid, "5");
  EXPECT_EQ(a.onderdeel, "a");
  ArticleRef c = ArticleRef::parse("art4.c");
  EXPECT_EQ(c.artikel, "4");
  EXPECT_EQ(c.lid, "");
  EXPECT_EQ(c.onderdeel, "c");
  EXPECT_EQ(ArticleRef::parse("art17").notation(), "art17");
  EXPECT_EQ(ArticleRef::parse("art15.5.a").notation(), "art15.5.a");
  EXPECT_EQ(c.notation(), "art4.c");
}

TEST(ArticleCovers, AWholeArticleCoversItsParts) {
  EXPECT_TRUE(articleCovers("art3", "art3.1"));
  EXPECT_TRUE(articleCovers("art3.1", "art3.1"));
  EXPECT_FALSE(articleCovers("art3.1", "art3"));
  EXPECT_FALSE(articleCovers("art3", "art31"));
}

TEST(BlankText, IsNoValue) {
  model::Value v;
  v.type = model::BaseType::Text;
  for (const char *blank : {"", "   ", "\t\n", "\xc2\xa0", "\xe2\x80\x83 ", "\xef\xbb\xbf"}) {
    v.text = blank;
    EXPECT_EQ(toRValue(v).k, RValue::K::Null) << '"' << blank << '"';
  }
  v.text = " x ";
  EXPECT_EQ(toRValue(v).k, RValue::K::Text);
}

/// Spec §7: the CIO ressorts under the plv. SG; the finding is about the CIO,
/// and the deviation that concerns the CIO covers it.
class FindingRecord : public ::testing::Test {
 protected:
  void run(const std::string &text) {
    PipelineOptions opt;
    opt.stdlibDir = CIOC_TEST_STDLIB_DIR;
    opt.referenceDate = "2025-12-01";
    opt.buffers.emplace_back("m.cio", text);
    runPipeline(p, opt);
    ASSERT_EQ(p.diags.errorCount(), 0u);
  }
  const Finding *find(const std::string &norm) const {
    for (const Finding &f : p.evaluation.findings)
      if (f.norm->name == norm) return &f;
    return nullptr;
  }
  std::string path(model::EntityId e) const { return e == model::kNone ? "" : p.model.entities[e].path; }
  Pipeline p{Language::Dutch};
};

const char *kMinistry = R"(gebruik besluit_cio_2021;
ministerie FIN {
    sg SG;
    functie PLV { ressorteert_onder = SG; }
    cio CIO { ressorteert_onder = PLV; office = OFF; overleg_bzk = 2022-01-01; }
    cio_office OFF { expertise = [beleid, architectuur, bedrijfsvoering]; }
    ciso CISO { ressorteert_onder = CIO; }
    informatieplan IP { periode = 2024..2027; financiele_paragraaf = ja; }
    bestuursraad BR { leden = [SG, CIO]; }
)";

TEST_F(FindingRecord, NamesNormArticleSubjectAndBindings) {
  run(std::string(kMinistry) + "}\n");
  const Finding *f = find("cio_onder_sg");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->norm->article, "art3.1");
  EXPECT_EQ(f->article, (ArticleRef{"3", "1", ""}));
  EXPECT_EQ(f->severity, Severity::Error);
  EXPECT_EQ(path(f->subject), "FIN.CIO");  // the one CIO that fails, not the ministry
  ASSERT_EQ(f->bound.size(), 1u);
  EXPECT_EQ(path(f->bound[0]), "FIN");
  EXPECT_EQ(f->coverage, Coverage::None);
  EXPECT_EQ(f->deviation, model::kNone);
  EXPECT_TRUE(f->anchor.valid());
  // Text is made last, from the record.
  Diagnostic d = renderFinding(*f, p.model, p.diags);
  EXPECT_EQ(d.code, "cio_onder_sg");
  EXPECT_EQ(d.article, "art3.1");
  EXPECT_EQ(d.subject, "FIN.CIO");
  EXPECT_NE(d.message.find("FIN heeft geen departementale CIO"), std::string::npos) << d.message;
  EXPECT_TRUE(d.coveredBy.empty());
  EXPECT_EQ(p.errorCount(), 1u);
}

TEST_F(FindingRecord, ADeviationForTheSubjectCoversIt) {
  run(std::string(kMinistry) + R"(
    afwijking AFW { van = art3.1; betreft = CIO; motivering = "Reorganisatie.";
                    overleg_minister_bzk = 2025-11-03; geldig_tot = 2027-01-01; }
}
)");
  const Finding *f = find("cio_onder_sg");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->coverage, Coverage::Covered);
  EXPECT_EQ(path(f->deviation), "FIN.AFW");
  ASSERT_EQ(p.evaluation.deviations.size(), 1u);
  EXPECT_EQ(p.evaluation.deviations[0].state, DeviationStatus::State::InForce);
  ASSERT_EQ(p.evaluation.deviations[0].covers.size(), 1u);
  EXPECT_EQ(&p.evaluation.findings[p.evaluation.deviations[0].covers[0]], f);
  EXPECT_EQ(renderFinding(*f, p.model, p.diags).coveredBy, "AFW");
  EXPECT_EQ(p.errorCount(), 0u);
}

TEST_F(FindingRecord, ADeviationForAnotherPartCoversNothing) {
  run(std::string(kMinistry) + R"(
    dienstonderdeel D { portfolio = beperkt; }
    afwijking AFW { van = art3.1; betreft = D; motivering = "Reorganisatie.";
                    overleg_minister_bzk = 2025-11-03; geldig_tot = 2027-01-01; }
}
)");
  const Finding *f = find("cio_onder_sg");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->coverage, Coverage::None);
  ASSERT_EQ(p.evaluation.deviations.size(), 1u);
  EXPECT_EQ(p.evaluation.deviations[0].state, DeviationStatus::State::Unused);
}

TEST_F(FindingRecord, AnExpiredDeviationIsNamedOnTheFinding) {
  run(std::string(kMinistry) + R"(
    afwijking AFW { van = art3; betreft = CIO; motivering = "Reorganisatie.";
                    overleg_minister_bzk = 2024-01-01; geldig_tot = 2025-11-30; }
}
)");
  const Finding *f = find("cio_onder_sg");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->coverage, Coverage::Expired);
  EXPECT_EQ(path(f->deviation), "FIN.AFW");
  EXPECT_EQ(model::formatDate(f->deviationDate), "2025-11-30");
  EXPECT_EQ(p.evaluation.deviations[0].state, DeviationStatus::State::Expired);
  EXPECT_EQ(p.errorCount(), 1u);
}

TEST_F(FindingRecord, FindingsAboutADeviationCannotBeCovered) {
  // A deviation from art. 17 itself, concerning the whole ministry.
  run(std::string(kMinistry) + R"(
    afwijking AFW { van = art17; betreft = FIN; motivering = "Alles.";
                    overleg_minister_bzk = 2025-01-01; geldig_tot = 2027-01-01; }
}
)");
  const Finding *f = find("afwijking_op_onderdelen");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(path(f->subject), "FIN.AFW");
  EXPECT_EQ(f->coverage, Coverage::None);
  EXPECT_EQ(p.evaluation.deviations[0].state, DeviationStatus::State::Unlawful);
}

}  // namespace
}  // namespace cio

// Branch coverage (`cioc test`): recording takes no shortcut, so it must
// conclude exactly what the fast evaluation concludes; and each decision's
// outcomes are what the data make them.
#include <gtest/gtest.h>

#include "norms/BranchCoverage.h"
#include "norms/Evaluator.h"
#include "pipeline/Pipeline.h"

namespace cio {
namespace {

std::vector<std::string> findingKeys(const Evaluation &e) {
  std::vector<std::string> keys;
  for (const Finding &f : e.findings)
    keys.push_back(f.norm->name + "@" + std::to_string(f.subject) + "/" + std::to_string(int(f.coverage)));
  return keys;
}

TEST(BranchCoverage, RecordingConcludesWhatTheFastEvaluationConcludes) {
  Pipeline p{Language::Dutch};
  PipelineOptions opt;
  opt.stdlibDir = CIOC_TEST_STDLIB_DIR;
  opt.referenceDate = "2025-06-01";
  opt.paths = {std::string(CIOC_TEST_STDLIB_DIR) + "/../examples/rijksdienst"};
  runPipeline(p, opt);
  ASSERT_EQ(p.diags.errorCount(), 0u);
  ASSERT_FALSE(p.evaluation.findings.empty());
  BranchCoverage coverage;
  coverage.prepare(p.norms, {});
  DiagnosticEngine diags;
  Evaluation recorded = evaluateNorms(p.norms, p.model, diags, false, &coverage);
  EXPECT_EQ(findingKeys(recorded), findingKeys(p.evaluation));
  for (const CompiledNorm &n : p.norms.norms) {
    auto a = recorded.tallies.find(&n), b = p.evaluation.tallies.find(&n);
    ASSERT_EQ(a == recorded.tallies.end(), b == p.evaluation.tallies.end()) << n.name;
    if (a == recorded.tallies.end()) continue;
    EXPECT_EQ(a->second.holds, b->second.holds) << n.name;
    EXPECT_EQ(a->second.violated, b->second.violated) << n.name;
    EXPECT_EQ(a->second.unknown, b->second.unknown) << n.name;
  }
  size_t seen = 0;
  for (const BranchCoverage::Decision &d : coverage.decisions) seen += d.seen != 0;
  EXPECT_GT(seen, coverage.decisions.size() / 2);
}

TEST(BranchCoverage, EachDecisionRecordsTheOutcomesItTook) {
  Pipeline p{Language::Dutch};
  PipelineOptions opt;
  opt.stdlibDir = CIOC_TEST_STDLIB_DIR;
  opt.referenceDate = "2025-06-01";
  opt.buffers.emplace_back("r.cio", R"(gebruik besluit_cio_2021;
norm groot_heeft_eigenaar {
    artikel art5.3;
    ernst fout;
    voor elk p in project;
    waarbij p.ict_component >= 5 mln of p.op_dashboard = ja;
    eis heeft p.eigenaar;
    melding "{p}";
}
ministerie M { sg SG; project A { ict_component = 8 mln; } project B { ict_component = 1 mln; } }
)");
  runPipeline(p, opt);
  ASSERT_EQ(p.diags.errorCount(), 0u);
  BranchCoverage coverage;
  coverage.prepare(p.norms, {"groot_heeft_eigenaar"});
  DiagnosticEngine diags;
  evaluateNorms(p.norms, p.model, diags, false, &coverage);
  // The filter (`of`), its two comparisons, the requirement (`heeft`), in the order written.
  ASSERT_EQ(coverage.decisions.size(), 4u);
  using S = BranchCoverage::Seen;
  EXPECT_EQ(coverage.decisions[0].seen, S::True | S::False);  // A applies, B does not
  EXPECT_EQ(coverage.decisions[1].seen, S::True | S::False);  // 8 mln >= 5 mln; 1 mln not
  EXPECT_EQ(coverage.decisions[2].seen, S::False);            // only reached for B, which is not on the dashboard
  EXPECT_EQ(coverage.decisions[3].seen, S::False);            // A has no owner
  for (const BranchCoverage::Decision &d : coverage.decisions) EXPECT_TRUE(d.range.valid());
}

}  // namespace
}  // namespace cio

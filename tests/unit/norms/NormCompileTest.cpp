// The type checker's output: the evaluable form of a norm, with every name
// resolved to a slot, constant, kind or field and every operator to an opcode.
#include <gtest/gtest.h>

#include <memory>

#include "norms/NormChecker.h"
#include "pipeline/Workspace.h"
#include "sema/Sema.h"

namespace cio {
namespace {

const char *kSchema = R"(
soort org @wortel { veld baas: org?; veld maat: omvang?; bevat org [*]; bevat hoofd [0..1]; }
soort hoofd {}
keuze omvang { groot, klein }
constante GRENS = 5 mln;
artikel art1 "Eén.";
)";

class NormCompileTest : public ::testing::Test {
 protected:
  // The compiled form points into the AST: the workspace outlives it.
  CompiledNorms compile(const std::string &norms) {
    ws_ = std::make_unique<Workspace>(sources_, diags_, CIOC_TEST_STDLIB_DIR);
    ws_->addBuffer("test.cio", std::string(kSchema) + norms);
    ws_->load();
    model_ = analyze(ws_->files(), *model::makeDate(2025, 6, 1), diags_);
    return checkNorms(ws_->files(), model_.schema, diags_);
  }
  llvm::SourceMgr sources_;
  DiagnosticEngine diags_{Language::English};
  std::unique_ptr<Workspace> ws_;
  model::Model model_;
};

TEST_F(NormCompileTest, ResolvesNamesToSlotsKindsFieldsAndConstants) {
  CompiledNorms c = compile(
      "norm n { artikel art1; ernst fout; voor elk a in org; voor elk b in a.org;\n"
      "  waarbij a.maat = groot; eis er is een x in org met x.baas = b en heeft a.hoofd; melding \"{a}\"; }\n");
  ASSERT_EQ(diags_.errorCount(), 0u);
  ASSERT_EQ(c.norms.size(), 1u);
  const CompiledNorm &n = c.norms[0];
  EXPECT_EQ(n.variables, (std::vector<std::string>{"a", "b", "x"}));  // bindings first, then quantifiers
  EXPECT_EQ(n.domains[0].op, Op::KindSet);
  EXPECT_EQ(n.domains[1].op, Op::Children);  // `a.org`: a part, not a field
  EXPECT_EQ(n.domains[1].args[0].op, Op::Variable);
  EXPECT_EQ(n.domains[1].args[0].slot, 0u);
  const CExpr &filter = n.filters[0];
  EXPECT_EQ(filter.op, Op::Equal);
  EXPECT_EQ(filter.args[0].op, Op::Field);
  EXPECT_EQ(filter.args[0].name, "maat");
  EXPECT_EQ(filter.args[1].op, Op::Constant);  // the bare name became the enum value
  EXPECT_EQ(filter.args[1].value.k, RValue::K::Enum);
  EXPECT_EQ(filter.args[1].value.text, "groot");
  EXPECT_EQ(n.filterLevel[0], 0u);  // reads only `a`: tested right after binding it
  const CExpr &req = n.requirement;
  ASSERT_EQ(req.op, Op::Exists);
  EXPECT_EQ(req.slot, 2u);
  EXPECT_EQ(req.args[1].op, Op::And);
  EXPECT_EQ(req.args[1].args[1].op, Op::Has);
  EXPECT_EQ(req.args[1].args[1].args[0].op, Op::Children);  // `a.hoofd`
}

TEST_F(NormCompileTest, ConstantsLiteralsAndOperators) {
  CompiledNorms c = compile(
      "norm n { artikel art1; ernst fout; voor elk a in org; eis (peildatum - 1 jaar in 2024..2025)\n"
      "  en GRENS >= 4_999_999.99 EUR en a binnen a.ouder en a.maat in [groot, klein]; melding \"{a}\"; }\n");
  ASSERT_EQ(diags_.errorCount(), 0u);
  ASSERT_EQ(c.constants.size(), 1u);
  EXPECT_EQ(c.constants[0].op, Op::Constant);
  EXPECT_EQ(c.constants[0].value.cents, 500000000);
  const CExpr &req = c.norms[0].requirement;
  ASSERT_EQ(req.op, Op::And);
  ASSERT_EQ(req.args.size(), 4u);
  EXPECT_EQ(req.args[0].op, Op::InPeriod);
  EXPECT_EQ(req.args[0].args[0].op, Op::Add);
  EXPECT_EQ(req.args[0].args[0].signs, (std::vector<int8_t>{-1}));
  EXPECT_EQ(req.args[1].op, Op::GreaterEqual);
  EXPECT_EQ(req.args[1].args[0].op, Op::ConstantRef);
  EXPECT_EQ(req.args[1].args[1].value.cents, 499999999);
  EXPECT_EQ(req.args[2].op, Op::Within);
  EXPECT_EQ(req.args[2].args[1].op, Op::Parent);
  EXPECT_EQ(req.args[3].op, Op::In);
  EXPECT_EQ(req.args[3].args[1].op, Op::List);
  EXPECT_EQ(req.args[3].args[1].args[1].value.text, "klein");
}

TEST_F(NormCompileTest, FilterWaitsForTheLastBindingItReads) {
  CompiledNorms c = compile(
      "norm n { artikel art1; ernst fout; voor elk a in org; voor elk b in org; voor elk t in [art1];\n"
      "  waarbij b.baas = a; waarbij ja; eis t = art1; melding \"{a}\"; }\n");
  ASSERT_EQ(diags_.errorCount(), 0u);
  EXPECT_EQ(c.norms[0].filterLevel, (std::vector<size_t>{1, 0}));
}

TEST_F(NormCompileTest, IncompleteNormsAreNotCompiled) {
  CompiledNorms c = compile("norm n { artikel art1; ernst fout; voor elk a in org; melding \"x\"; }\n");
  EXPECT_GT(diags_.errorCount(), 0u);
  EXPECT_TRUE(c.norms.empty());
}

}  // namespace
}  // namespace cio

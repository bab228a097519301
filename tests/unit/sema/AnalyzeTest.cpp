// The whole front half on files written to a temporary directory: the model
// that sema builds is resolved and typed as the later stages will read it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "pipeline/Workspace.h"
#include "sema/Sema.h"

namespace cio {
namespace {

class AnalyzeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("cioc-analyze-" + std::to_string(::getpid()) + "-" +
                                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string &name, const std::string &text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return (dir_ / name).string();
  }
  model::Model analyzeDir() {
    Workspace ws(sources_, diags_, CIOC_TEST_STDLIB_DIR);
    ws.addPath(dir_.string());
    ws.load();
    return analyze(ws.files(), *model::makeDate(2025, 6, 1), diags_);
  }
  std::filesystem::path dir_;
  llvm::SourceMgr sources_;
  DiagnosticEngine diags_{Language::English};
};

TEST_F(AnalyzeTest, ResolvesReferencesAcrossFilesIntoTypedValues) {
  write("b.cio", "gebruik besluit_cio_2021;\nrijk R { cio_rijk CR { ressorteert_onder = A.SG_A; } }\n");
  write("a.cio",
        "gebruik besluit_cio_2021;\nministerie A {\n sg SG_A;\n project P { ict_component = 5 mln; start = 2024-02-29; "
        "}\n}\n");
  model::Model m = analyzeDir();
  ASSERT_TRUE(diags_.diagnostics().empty()) << diags_.diagnostics()[0].message;
  const model::Entity *cr = nullptr, *p = nullptr;
  for (const model::Entity &e : m.entities) {
    if (e.name == "CR") cr = &e;
    if (e.name == "P") p = &e;
  }
  ASSERT_TRUE(cr && p);
  EXPECT_EQ(cr->path, "R.CR");
  const model::FieldValue *up = cr->field("ressorteert_onder");
  ASSERT_TRUE(up);
  EXPECT_EQ(m.entities[up->value.ref].path, "A.SG_A");
  EXPECT_EQ(p->field("ict_component")->value.cents, 500'000'000);
  EXPECT_EQ(model::formatDate(p->field("start")->value.date), "2024-02-29");
  EXPECT_TRUE(m.schema.isA(cr->kind, *m.schema.findKind("functie")));
}

TEST_F(AnalyzeTest, FileTooLargeIsAnIoError) {
  std::string path = write("big.cio", "");
  std::filesystem::resize_file(path, kMaxFileBytes + 1);
  Workspace ws(sources_, diags_, CIOC_TEST_STDLIB_DIR);
  ws.addPath(path);
  ws.load();
  EXPECT_TRUE(ws.hadIoError());
  ASSERT_EQ(diags_.diagnostics().size(), 1u);
  EXPECT_EQ(diags_.diagnostics()[0].code, "file_too_large");
}

TEST_F(AnalyzeTest, ModelOrderDoesNotDependOnArgumentOrder) {
  std::string a = write("a.cio", "gebruik besluit_cio_2021;\nministerie A { sg S; }\n");
  std::string b = write("b.cio", "gebruik besluit_cio_2021;\nministerie B { sg S; }\n");
  Workspace ws(sources_, diags_, CIOC_TEST_STDLIB_DIR);
  ws.addPath(b);
  ws.addPath(a);
  ws.load();
  model::Model m = analyze(ws.files(), *model::makeDate(2025, 6, 1), diags_);
  ASSERT_EQ(m.roots.size(), 2u);
  EXPECT_EQ(m.entities[m.roots[0]].name, "A");
}

}  // namespace
}  // namespace cio

// A check frees each input file's entity nodes as soon as sema has lowered
// them (PipelineOptions::freeEntitySyntax), so that the syntax and the model
// of a workspace are not both in memory at the peak. Freeing must change
// nothing that is reported, in any order of declaration: an entity declared
// under a parent of another file (`dienstonderdeel FIN.BD`) keeps its file's
// syntax alive until it is lowered too.
#include <gtest/gtest.h>

#include "PipelineDump.h"
#include "pipeline/Pipeline.h"

namespace cio {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

std::unique_ptr<Pipeline> analyze(const Files &files, bool freeSyntax) {
  auto p = std::make_unique<Pipeline>(Language::Dutch);
  PipelineOptions opt = pipeline_dump::testOptions(files);
  opt.freeEntitySyntax = freeSyntax;
  runPipeline(*p, opt);
  return p;
}

class FreedSyntaxTest : public ::testing::TestWithParam<const char *> {};

TEST_P(FreedSyntaxTest, FreeingTheSyntaxChangesNothingReported) {
  Files files = pipeline_dump::readCioFiles(GetParam());
  ASSERT_FALSE(files.empty());
  std::unique_ptr<Pipeline> kept = analyze(files, false), freed = analyze(files, true);
  EXPECT_EQ(pipeline_dump::dump(*freed), pipeline_dump::dump(*kept));
  // And it was freed: every input file's entities, no library's.
  size_t inputs = 0;
  for (const LoadedFile &f : freed->workspace->files()) {
    EXPECT_EQ(f.ast().tree.released(), !f.isLibrary) << f.ast().path;
    if (!f.isLibrary) {
      ++inputs;
      EXPECT_TRUE(f.ast().tree.entities.empty());
    }
  }
  EXPECT_EQ(inputs, files.size());
  for (const LoadedFile &f : kept->workspace->files()) EXPECT_FALSE(f.ast().tree.released());
}

// The Rijksdienst (one file per ministry, references across files) and a
// ministry split over files with entities declared under parents elsewhere, and errors.
INSTANTIATE_TEST_SUITE_P(Workspaces, FreedSyntaxTest,
                         ::testing::Values("examples/rijksdienst", "tests/files/workspaces/split_ministry"));

}  // namespace
}  // namespace cio

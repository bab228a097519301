// The language server's incremental analysis (fields taken over for the
// entities of unchanged files, sema/Sema.h PriorAnalysis; norms whose inputs
// did not change not evaluated again, norms/Evaluator.h IncrementalEvaluation)
// gives exactly what a full check gives: after every edit of a series over
// examples/rijksdienst, the diagnostics, findings, verdicts and outcomes of the
// incremental analysis equal those of a fresh one.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "PipelineDump.h"
#include "norms/Finding.h"
#include "pipeline/Pipeline.h"

namespace cio {
namespace {

using pipeline_dump::dump;

using Files = std::vector<std::pair<std::string, std::string>>;

Files rijksdienst() { return pipeline_dump::readCioFiles("examples/rijksdienst"); }

std::unique_ptr<Pipeline> analyze(const Files &files, ParseCache *cache, const Pipeline *previous) {
  auto p = std::make_unique<Pipeline>(Language::Dutch);
  PipelineOptions opt = pipeline_dump::testOptions(files);
  opt.cache = cache;
  opt.incremental = cache != nullptr;
  opt.previous = previous;
  runPipeline(*p, opt);
  return p;
}

/// A small deterministic generator: the same series of edits on every run.
struct Lcg {
  uint64_t state = 17;
  size_t next(size_t bound) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<size_t>(state >> 33) % bound;
  }
};

/// One edit of a kind a user makes: a value toggled, a date moved, a field
/// deleted, a reference broken, a line inserted above everything, an entity renamed.
bool edit(std::string &text, Lcg &rng, size_t kind) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  auto replaceIn = [&](const std::string &from, const std::string &to) {
    std::vector<size_t> at;
    for (size_t i = 0; i < lines.size(); ++i)
      if (lines[i].find(from) != std::string::npos) at.push_back(i);
    if (at.empty()) return false;
    std::string &line = lines[at[rng.next(at.size())]];
    line.replace(line.find(from), from.size(), to);
    return true;
  };
  bool done = false;
  switch (kind) {
    case 0:
      done = replaceIn("= ja;", "= nee;") || replaceIn("= nee;", "= ja;");
      break;
    case 1:
      done = replaceIn("= nee;", "= ja;");
      break;
    case 2:
      done = replaceIn("= 202", "= 203");
      break;
    case 3: {  // a field written on a line of its own, deleted
      std::vector<size_t> at;
      for (size_t i = 0; i < lines.size(); ++i)
        if (lines[i].find(" = ") != std::string::npos && lines[i].back() == ';' &&
            lines[i].find('{') == std::string::npos)
          at.push_back(i);
      if (!at.empty()) {
        lines.erase(lines.begin() + long(at[rng.next(at.size())]));
        done = true;
      }
      break;
    }
    case 4:
      done = replaceIn("ressorteert_onder = ", "ressorteert_onder = ONBEKEND_");
      break;
    case 5:
      lines.insert(lines.begin(), "// een regel erbij");
      done = true;
      break;
    case 6:
      done = replaceIn("cio CIO_", "cio CIOX_");
      break;
    case 7:
      done = replaceIn("[beleid, ", "[");
      break;
  }
  text.clear();
  for (const std::string &line : lines) text += line + "\n";
  return done;
}

TEST(IncrementalEvaluation, EqualsAFullCheckAfterEveryEdit) {
  Files files = rijksdienst();
  ASSERT_GT(files.size(), 5u);
  ParseCache cache;
  std::unique_ptr<Pipeline> previous = analyze(files, &cache, nullptr);
  ASSERT_FALSE(previous->evaluation.runs.empty()) << "the runs are kept for the next analysis";
  Lcg rng;
  size_t reused = 0, edits = 0, partly = 0, entitiesReused = 0;
  for (int step = 0; step < 60; ++step) {
    size_t kind = step < 8 ? size_t(step) : rng.next(8);
    auto &[name, text] = files[rng.next(files.size())];
    if (!edit(text, rng, kind)) continue;
    ++edits;
    std::unique_ptr<Pipeline> incremental = analyze(files, &cache, previous.get());
    std::unique_ptr<Pipeline> full = analyze(files, nullptr, nullptr);
    ASSERT_EQ(dump(*incremental), dump(*full)) << "after edit " << step << " (kind " << kind << ") of " << name;
    EXPECT_EQ(full->evaluation.reused, 0u);
    reused += incremental->evaluation.reused;
    entitiesReused += incremental->semaMemo.reused();
    EXPECT_LT(incremental->semaMemo.reused(), incremental->model.entities.size())
        << "the edited file is analysed again";
    partly += incremental->evaluation.reused > 0 && incremental->evaluation.reused < incremental->norms.norms.size();
    previous = std::move(incremental);
  }
  EXPECT_GT(edits, 40u);
  // The series takes the shortcut (else it would test nothing) and also
  // evaluates again where an input changed.
  EXPECT_GT(reused, 0u);
  EXPECT_GT(partly, 0u);
  EXPECT_GT(entitiesReused, 0u);
}

TEST(IncrementalEvaluation, OnlyWhatAnEditTouchesIsAnalysedAndEvaluatedAgain) {
  Files files = rijksdienst();
  ParseCache cache;
  std::unique_ptr<Pipeline> first = analyze(files, &cache, nullptr);
  // The same files again: every norm is taken over.
  std::unique_ptr<Pipeline> same = analyze(files, &cache, first.get());
  EXPECT_EQ(same->evaluation.reused, same->evaluation.evaluated.size());
  EXPECT_EQ(same->semaMemo.reused(), same->model.entities.size());
  // A comment above everything moves every range of the file and changes nothing a norm reads.
  files[0].second = "// verschoven\n" + files[0].second;
  std::unique_ptr<Pipeline> moved = analyze(files, &cache, same.get());
  EXPECT_EQ(moved->evaluation.reused, moved->evaluation.evaluated.size());
  unsigned firstBuffer = 0;
  for (unsigned b = 1; b <= moved->sources.getNumBuffers(); ++b)
    if (moved->sources.getMemoryBuffer(b)->getBufferIdentifier() == files[0].first) firstBuffer = b;
  ASSERT_NE(firstBuffer, 0u);
  size_t inFirstFile = 0;
  for (const model::Entity &e : moved->model.entities) inFirstFile += e.range.buffer == firstBuffer;
  ASSERT_GT(inFirstFile, 0u);
  EXPECT_EQ(moved->semaMemo.reused(), moved->model.entities.size() - inFirstFile)
      << "the fields of the moved file are converted again";
  EXPECT_EQ(dump(*moved), dump(*analyze(files, nullptr, nullptr)));
  // A new entity changes the shape: nothing is taken over.
  files[0].second += "ministerie NIEUW { sg SG_NIEUW; }\n";
  std::unique_ptr<Pipeline> grown = analyze(files, &cache, moved.get());
  EXPECT_EQ(grown->evaluation.reused, 0u);
  EXPECT_EQ(grown->semaMemo.reused(), 0u);
}

}  // namespace
}  // namespace cio

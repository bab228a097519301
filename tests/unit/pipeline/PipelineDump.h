// Everything an emitter reads of an analysis, as text, to hold two analyses
// equal: the incremental one against a full check (IncrementalEvaluationTest),
// one that frees the syntax as it goes against one that keeps it (FreedSyntaxTest).
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "norms/Finding.h"
#include "pipeline/Pipeline.h"

namespace cio::pipeline_dump {

/// How the tests analyse a workspace of files in memory: the test stdlib, a
/// date the Besluit was in force, every outcome recorded.
inline PipelineOptions testOptions(const std::vector<std::pair<std::string, std::string>> &files) {
  PipelineOptions opt;
  opt.stdlibDir = CIOC_TEST_STDLIB_DIR;
  opt.referenceDate = "2025-06-01";
  opt.recordOutcomes = true;
  opt.buffers = files;
  return opt;
}

/// The .cio files of a folder of the source tree as (name, text), by name: a workspace as an editor holds it.
inline std::vector<std::pair<std::string, std::string>> readCioFiles(const std::string &folder) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto &entry : std::filesystem::directory_iterator(std::filesystem::path(CIOC_SOURCE_DIR) / folder))
    if (entry.path().extension() == ".cio") {
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      files.emplace_back(entry.path().filename().string(), text.str());
    }
  std::sort(files.begin(), files.end());
  return files;
}

/// Everything an emitter reads of an analysis, as text.
inline std::string dump(const Pipeline &p) {
  std::string out;
  auto range = [](const SourceRange &r) {
    return std::to_string(r.buffer) + ":" + std::to_string(r.begin) + "-" + std::to_string(r.end);
  };
  for (const Diagnostic &d : p.allDiagnostics()) {
    out += d.code + " " + std::to_string(int(d.severity)) + " " + range(d.range) + " " + d.message + " | " + d.help +
           " | " + d.coveredBy + " | " + d.identity + "\n";
    for (const DiagnosticNote &n : d.notes) out += "  note " + range(n.range) + " " + n.message + "\n";
  }
  for (const NormVerdict &v : p.verdicts()) out += "verdict " + v.norm + " " + std::to_string(int(v.verdict)) + "\n";
  for (const Evaluation::Outcome &o : p.evaluation.outcomes)
    out += "outcome " + o.norm->name + " " + std::to_string(o.entity) + " " + std::to_string(int(o.result)) + "\n";
  for (const Evaluation::Outcome &o : p.evaluation.withheld)
    out += "withheld " + o.norm->name + " " + std::to_string(o.entity) + "\n";
  for (const Finding &f : p.evaluation.findings)
    out += "finding " + f.norm->name + " " + std::to_string(f.subject) + " " + range(f.anchor) + " " +
           std::to_string(int(f.coverage)) + " " + std::to_string(int(f.severity)) + "\n";
  for (const DeviationStatus &d : p.evaluation.deviations) {
    out += "deviation " + std::to_string(d.entity) + " " + std::to_string(int(d.state));
    for (size_t i : d.covers) out += " " + std::to_string(i);
    out += "\n";
  }
  return out;
}

}  // namespace cio::pipeline_dump

// Any bytes as a .cio file through the whole pipeline: loading the stdlib,
// analysis, norm checking and evaluation, and every renderer.
#include <cstdint>
#include <string>

#include "diagnostics/Render.h"
#include "pipeline/Pipeline.h"
#include "llvm/Support/raw_ostream.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cio::Pipeline p(cio::Language::Dutch);
  cio::PipelineOptions opt;
  opt.stdlibDir = CIOC_FUZZ_STDLIB;
  opt.referenceDate = "2025-06-01";
  opt.buffers.emplace_back("fuzz.cio", std::string(reinterpret_cast<const char *>(data), size));
  cio::runPipeline(p, opt);
  std::vector<cio::Diagnostic> all = p.allDiagnostics();
  cio::sortDiagnostics(all, p.sources);
  std::string out;
  llvm::raw_string_ostream os(out);
  cio::renderText(os, all, p.sources, cio::Language::Dutch, false);
  cio::renderJson(os, all, p.sources);
  cio::renderGithub(os, all, p.sources, cio::Language::Dutch);
  return 0;
}

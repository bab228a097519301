// `cioc --version`: the program, the libraries it was built with (what a bug
// report needs), and the standard library it found, with each law's dates, so
// that a user sees at once which folder and which version of the law are read.
#include <antlr4-runtime.h>
#include <fmt/core.h>
#include <graphviz/graphviz_version.h>

#include "driver/Commands.h"
#include "llvm/Config/llvm-config.h"
#include "pipeline/Config.h"
#include "pipeline/Pipeline.h"
#include "pipeline/Workspace.h"
#include "sema/Sema.h"

#ifdef CIOC_WITH_MIMALLOC
extern "C" int mi_version(void);
#endif

namespace cio {

void printVersion(llvm::raw_ostream &os, bool english, const std::string &stdlibDir) {
  DiagnosticEngine diags(english ? Language::English : Language::Dutch);
  os << "cioc " << CIOC_VERSION << '\n';
  std::string libs = "LLVM " LLVM_VERSION_STRING ", ANTLR " + antlr4::RuntimeMetaData::VERSION +
                     ", Graphviz " PACKAGE_VERSION ", fmt " + std::to_string(FMT_VERSION / 10000) + "." +
                     std::to_string(FMT_VERSION / 100 % 100) + "." + std::to_string(FMT_VERSION % 100) + ", toml++ " +
                     configParserVersion();
#ifdef CIOC_WITH_MIMALLOC
  int mi = mi_version();
  libs += ", mimalloc " + std::to_string(mi / 100) + "." + std::to_string(mi / 10 % 10) + "." + std::to_string(mi % 10);
#endif
  os << diags.text(DiagId::label_version_built_with, {libs}) << '\n';
  os << diags.text(DiagId::label_version_stdlib, {stdlibDir}) << '\n';

  DiagnosticEngine quiet;
  llvm::SourceMgr sources;
  Workspace ws(sources, quiet, stdlibDir);
  ws.loadAllLibraries();
  model::Model model = analyze(ws.files(), today(), quiet);
  if (model.schema.libraries.empty()) os << "  " << diags.text(DiagId::label_version_no_libraries) << '\n';
  for (const model::Library &l : model.schema.libraries) {
    os << "  " << l.name;
    if (!l.title.empty()) os << " — " << l.title;
    if (l.inForce) os << ", " << diags.text(DiagId::label_version_in_force, {model::formatDate(*l.inForce)});
    if (l.ended) os << ", " << diags.text(DiagId::label_version_ended, {model::formatDate(*l.ended)});
    os << '\n';
  }
}

}  // namespace cio

// A parsed file of the workspace as the later stages see it: its syntax tree
// and whether it is a library (loaded through `gebruik`) or one of the inputs.
// Reading and parsing files is the pipeline's (pipeline/Workspace.h); sema,
// the norm checker and the report only read these.
#pragma once

#include <memory>
#include <string>

#include "ast/Ast.h"

namespace cio {

struct LoadedFile {
  std::shared_ptr<const ast::File> syntax;  // shared with the language server's parse cache
  const ast::File &ast() const { return *syntax; }
  bool isLibrary = false;
  std::string libraryName;  // for libraries
};

}  // namespace cio

#include "ast/Ast.h"

namespace cio::ast {

std::string QualifiedName::str() const {
  std::string out;
  for (const Ident &p : parts) {
    if (!out.empty()) out += '.';
    out += p.text;
  }
  return out;
}

}  // namespace cio::ast

// Every field and range of the parsed entities and the diagnostics as text,
// to compare two parses exactly: the incremental parse test
// (tests/unit/syntax/ParseTest.cpp) and the parser fuzzer (fuzz/fuzz_parser.cpp).
#pragma once

#include <string>

#include "ast/Ast.h"
#include "diagnostics/DiagnosticEngine.h"

namespace cio::ast_dump {

inline std::string dump(const SourceRange &r) {
  return "@" + std::to_string(r.buffer) + ":" + std::to_string(r.begin) + "-" + std::to_string(r.end);
}
inline std::string dump(const ast::Ident &i) { return i.text + dump(i.range); }
inline std::string dump(const ast::ValueRef &v) {
  ast::Literal lit = v.literal();
  ast::Reference ref = v.reference();
  std::string out = "(" + std::to_string(int(v.kind())) + dump(v.range()) + " " + lit.text + "|" + lit.second + "|" +
                    (lit.unit ? dump(*lit.unit) : "") + dump(lit.range) + " ";
  for (const ast::Ident &p : ref.parts) out += dump(p) + ".";
  out += dump(ref.range);
  for (ast::ValueRef item : v.items()) out += dump(item);
  return out + ")";
}
inline std::string dump(const ast::EntityRef &e) {
  std::optional<ast::Ident> name = e.name();
  std::optional<ast::Title> title = e.title();
  std::string out = "{" + dump(e.kind()) + " ";
  for (const ast::Ident &o : e.owners()) out += dump(o) + ".";
  out += " " + (name ? dump(*name) : "") + " " + (title ? title->text + dump(title->range) : "") + " doc:" + e.doc() +
         dump(e.range()) + "\n";
  for (ast::FieldRef f : e.fields()) out += dump(f.name()) + "=" + dump(f.value()) + dump(f.range()) + "\n";
  for (ast::EntityRef c : e.children()) out += dump(c);
  return out + "}\n";
}
inline std::string dump(const ast::File &f, const DiagnosticEngine &d) {
  std::string out = std::to_string(f.uses.size()) + " uses, " + std::to_string(f.norms.size()) + " norms, " +
                    std::to_string(f.kinds.size()) + " kinds\n";
  for (ast::EntityRef e : f.entities()) out += dump(e);
  for (const ast::LibraryDecl &l : f.libraries)
    for (ast::FieldRef field : f.fields(l)) out += "library " + dump(field.name()) + "=" + dump(field.value()) + "\n";
  for (const Diagnostic &diag : d.diagnostics()) out += diag.code + dump(diag.range) + "\n";
  return out;
}

}  // namespace cio::ast_dump

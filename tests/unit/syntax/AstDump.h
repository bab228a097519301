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
inline std::string dump(const ast::Value &v) {
  std::string out = "(" + std::to_string(int(v.kind())) + dump(v.range) + " " + v.literal().text + "|" +
                    v.literal().second + "|" + (v.literal().unit ? dump(*v.literal().unit) : "") +
                    dump(v.literal().range) + " ";
  for (const ast::Ident &p : v.reference().parts) out += dump(p) + ".";
  out += dump(v.reference().range);
  for (const ast::Value &item : v.items()) out += dump(item);
  return out + ")";
}
inline std::string dump(const ast::Entity &e) {
  std::string out = "{" + dump(e.kind) + " " + (e.name ? dump(*e.name) : "") + " " +
                    (e.title ? e.title->text + dump(e.title->range) : "") + " doc:" + e.doc + dump(e.range) + "\n";
  for (const ast::FieldAssign &f : e.fields) out += dump(f.name) + "=" + dump(f.value) + dump(f.range()) + "\n";
  for (const ast::Entity &c : e.children) out += dump(c);
  return out + "}\n";
}
inline std::string dump(const ast::File &f, const DiagnosticEngine &d) {
  std::string out = std::to_string(f.uses.size()) + " uses, " + std::to_string(f.norms.size()) + " norms, " +
                    std::to_string(f.kinds.size()) + " kinds\n";
  for (const ast::Entity &e : f.entities) out += dump(e);
  for (const Diagnostic &diag : d.diagnostics()) out += diag.code + dump(diag.range) + "\n";
  return out;
}

}  // namespace cio::ast_dump

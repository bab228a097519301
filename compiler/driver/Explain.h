// The parts of `cioc explain` beyond norms and articles: compiler diagnostics
// (their explanations are Markdown files in the stdlib, `meldingen/CODE.md`)
// and kinds (from the schema and the compiled norms), and the schema
// reference that `cioc explain --schema` writes for docs/schema.md.
#pragma once

#include <string>

#include "diagnostics/DiagnosticEngine.h"
#include "llvm/Support/raw_ostream.h"
#include "model/Model.h"
#include "norms/CompiledNorm.h"

namespace cio {

/// Greedy word wrap at `width`; paragraphs (blank lines) are kept.
void printWrapped(llvm::raw_ostream &os, const std::string &text, const std::string &indent, size_t width = 96);
/// Each line of `text` behind `indent`; empty lines stay empty.
void printIndented(llvm::raw_ostream &os, const std::string &text, const std::string &indent);

/// Whether `name` is the code of a compiler diagnostic that stands on its own
/// (not a note or label attached to another).
bool isDiagnosticCode(const std::string &name);

/// `cioc explain CODE`: the message, what it means, the fix and an example,
/// in the engine's language, from `<stdlib>/meldingen/CODE.md`.
void explainDiagnostic(llvm::raw_ostream &os, const std::string &code, const std::string &stdlibDir,
                       const DiagnosticEngine &diags);

/// `cioc explain KIND`: what the kind is, its fields with their types and the
/// norms that read each, what it contains and where it may stand, and a skeleton.
void explainKind(llvm::raw_ostream &os, model::KindId kind, const model::Schema &schema, const CompiledNorms &norms,
                 const DiagnosticEngine &diags);

/// The schema reference in Markdown: every kind and choice of the loaded libraries.
void writeSchemaReference(llvm::raw_ostream &os, const model::Schema &schema, const CompiledNorms &norms,
                          const DiagnosticEngine &diags);

}  // namespace cio

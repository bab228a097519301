// Semantic analysis: from the parsed workspace to the resolved, typed model.
// It runs as passes: the schema first (kinds, fields, enums, articles,
// library metadata), then the entities against it (kinds, fields, values,
// names and references), then graph checks (cycles through @hierarchie).
#pragma once

#include "ast/Ast.h"
#include "diagnostics/DiagnosticEngine.h"
#include "model/Model.h"
#include "ast/LoadedFile.h"

namespace cio {

/// Compiles every schema declaration of the workspace into `schema`.
void buildSchema(const std::vector<LoadedFile> &files, model::Schema &schema, DiagnosticEngine &diags);

/// Checks the reference date against the libraries' dates of entry into force and end.
void checkReferenceDate(const model::Schema &schema, model::Date referenceDate, DiagnosticEngine &diags);

/// Builds and checks every entity of the workspace against the schema.
void buildEntities(const std::vector<LoadedFile> &files, model::Model &model, DiagnosticEngine &diags);

/// Reports cycles through fields annotated @hierarchie.
void checkHierarchyCycles(const model::Model &model, DiagnosticEngine &diags);

/// All passes in order.
model::Model analyze(const std::vector<LoadedFile> &files, model::Date referenceDate, DiagnosticEngine &diags);

/// Converts a literal to a value of `type`, or reports why it cannot be one.
/// Returns false (with a diagnostic) when the literal is malformed or of another type.
bool convertLiteral(const ast::Literal &lit, model::BaseType type, model::Value &out, DiagnosticEngine &diags,
                    bool &typeMismatch);

/// The name a value's literal form has in the type language, for messages.
std::string literalTypeName(const ast::Literal &lit);

/// The closest candidate to `name` by edit distance, or "" when none is close.
std::string closestName(const std::string &name, const std::vector<std::string> &candidates);

}  // namespace cio

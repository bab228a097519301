// Semantic analysis: from the parsed workspace to the resolved, typed model.
// It runs as passes: the schema first (kinds, fields, enums, articles,
// library metadata), then the entities against it (kinds, fields, values,
// names and references), then graph checks (cycles through @hierarchie).
#pragma once

#include <algorithm>
#include <functional>

#include "ast/Ast.h"
#include "ast/LoadedFile.h"
#include "diagnostics/DiagnosticEngine.h"
#include "model/Model.h"

namespace cio {

/// Compiles every schema declaration of the workspace into `schema`.
void buildSchema(const std::vector<LoadedFile> &files, model::Schema &schema, DiagnosticEngine &diags);

/// Checks the reference date against the libraries' dates of entry into force and end.
void checkReferenceDate(const model::Schema &schema, model::Date referenceDate, DiagnosticEngine &diags);

/// What an analysis keeps for the next one (the language server's): per
/// entity, the diagnostics that converting its fields gave.
struct SemaMemo {
  std::vector<std::vector<Diagnostic>> fieldDiagnostics;  // by entity
  std::vector<bool> takenOver;                            // by entity: its fields are those of the previous analysis
  /// How many entities' fields were taken over from the previous analysis.
  size_t reused() const { return size_t(std::count(takenOver.begin(), takenOver.end(), true)); }
};

/// The previous analysis, to take fields over from: by buffer, whether its
/// file is as it was then (the caller makes sure that the files are the same
/// ones in the same buffers, with the same declarations but entities); the
/// model built then, and its memo.
/// An entity of a file that did not change keeps its fields and replays its
/// diagnostics when the model's shape is the same as then (every entity, its
/// kind, name, parent and children), since converting its fields reads
/// nothing else; the entities of the changed files are converted again.
struct PriorAnalysis {
  const std::vector<bool> *unchanged = nullptr;
  const model::Model *model = nullptr;
  const SemaMemo *memo = nullptr;
};

/// Called with a file's index once every entity it declares is in the model,
/// fields and all: sema reads that file's entity nodes no more, so the caller
/// may free them (a file without entities is not named).
using EntitiesLowered = std::function<void(size_t file)>;

/// Builds and checks every entity of the workspace against the schema; with
/// `keep`, records what the next analysis needs to take over from this one.
void buildEntities(const std::vector<LoadedFile> &files, model::Model &model, DiagnosticEngine &diags,
                   SemaMemo *keep = nullptr, const PriorAnalysis *prior = nullptr, const EntitiesLowered &lowered = {});

/// Reports cycles through fields annotated @hierarchie.
void checkHierarchyCycles(const model::Model &model, DiagnosticEngine &diags);

/// All passes in order.
model::Model analyze(const std::vector<LoadedFile> &files, model::Date referenceDate, DiagnosticEngine &diags,
                     SemaMemo *keep = nullptr, const PriorAnalysis *prior = nullptr,
                     const EntitiesLowered &lowered = {});

/// Converts a literal to a value of `type`, or reports why it cannot be one.
/// Returns false (with a diagnostic) when the literal is malformed or of another type.
bool convertLiteral(const ast::Literal &lit, model::BaseType type, model::Value &out, DiagnosticEngine &diags,
                    bool &typeMismatch);

/// The name a value's literal form has in the type language, for messages.
std::string literalTypeName(const ast::Literal &lit);

/// The closest candidate to `name` by edit distance, or "" when none is close.
std::string closestName(const std::string &name, const std::vector<std::string> &candidates);

}  // namespace cio

// Evaluates every compiled norm over the whole model: each binding of the
// norm's variables for which the filter holds and the requirement does not is
// a finding, reported at the first bound entity with the norm's message, the
// cited article's text and link, and the help. Findings then pass through the
// waiver mechanism (the kind annotated @uitzondering: art. 17 deviations).
#pragma once

#include "diagnostics/DiagnosticEngine.h"
#include "model/Model.h"
#include "norms/CompiledNorm.h"

namespace cio {

/// What the evaluation decided, for reports: the norms not evaluated (their
/// level is absent), and with `recordOutcomes` one outcome per binding that
/// passed the filters, at the entity its finding would be reported at.
struct Evaluation {
  struct Outcome {
    const ast::NormDecl *norm;
    model::EntityId entity;  // kNone when no variable is an entity
    enum class Result { Holds, Violated, Suppressed } result;
  };
  std::vector<const ast::NormDecl *> evaluated, notEvaluated;
  std::vector<Outcome> outcomes;
};

Evaluation evaluateNorms(const CompiledNorms &norms, const model::Model &model, DiagnosticEngine &diags,
                         bool recordOutcomes = false);

/// Whether `part` is `article` itself or one of its leden or onderdelen (`art3` covers `art3.1`).
bool articleCovers(const std::string &article, const std::string &part);

/// The official link of an article: Juriconnect for a BWB identifier, else the library's own link.
std::string articleLink(const model::Library &lib, const std::string &articleRef);

}  // namespace cio

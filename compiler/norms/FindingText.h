// The last step of a finding: its text. The message and help templates are
// filled with the bound values, and the finding becomes a Diagnostic for the
// renderers (text, JSON, SARIF, GitHub) and the language server, with the
// article's text and link and the deviation that covers it as notes.
#pragma once

#include <string>
#include <vector>

#include "diagnostics/DiagnosticEngine.h"
#include "model/Model.h"
#include "norms/Finding.h"

namespace cio {

/// The official link of an article: Juriconnect for a BWB identifier, else the library's own link.
std::string articleLink(const model::Library &lib, const std::string &articleRef);

/// The library that declares `articleRef`, or null.
const model::Library *libraryOfArticle(const model::Schema &schema, const std::string &articleRef);

/// How an entity is named in messages: its path (its kind for an unnamed record).
std::string entityLabel(const model::Model &model, model::EntityId e);

/// How an entity is named where its own block gives the context (a deviation
/// in a note or a register): its own name, or its path when it has none.
std::string entityName(const model::Model &model, model::EntityId e);

/// A template with every hole filled from the finding's bindings.
std::string fillTemplate(const MessageTemplate &tmpl, const Finding &f, const model::Model &model);

/// The finding as a diagnostic, in the language of `labels`.
Diagnostic renderFinding(const Finding &f, const model::Model &model, const DiagnosticEngine &labels);

/// Every finding as a diagnostic, in order.
std::vector<Diagnostic> renderFindings(const std::vector<Finding> &findings, const model::Model &model,
                                       const DiagnosticEngine &labels);

/// An HTML id for an entity, from its path: the same in the report and in
/// the links of a chart. Letters, digits, `-`, `_` and `.` as they are; any
/// other byte as `~xx`, so two paths never share an id.
std::string anchorOf(const std::string &path);

}  // namespace cio

// Deviations (art. 17 in the stdlib) as a generic mechanism: the kind annotated
// @afwijking(van = …, betreft = …, geldig_tot = …, vanaf = …, uitgezonderd = …)
// names the fields that say which article is deviated from, which entity the
// deviation concerns, until when and from when it holds, and the constant that
// lists the articles no deviation can cover. No word of the Besluit is needed here.
#pragma once

#include <string>
#include <vector>

#include "diagnostics/DiagnosticEngine.h"
#include "model/Model.h"
#include "norms/Finding.h"

namespace cio {

/// How one deviation stands at the reference date, and what it covers.
struct DeviationStatus {
  enum class State {
    InForce,        // covers the findings in `covers`
    Unused,         // in force, but covers nothing
    Expired,        // `geldig_tot` lies before the reference date
    NotYetInForce,  // `vanaf` lies after the reference date
    Unlawful,       // a finding of severity error is about the deviation itself (no motivation…)
    Invalid,        // concerns nothing, or something outside its organisation: covers nothing
    Doubtful,       // its data has an error (a field of unknown value): what it would cover is not concluded
  };
  model::EntityId entity = model::kNone;
  State state = State::InForce;
  /// With InForce: the findings it covers; with Expired, NotYetInForce,
  /// Unlawful or Doubtful: those it would cover. Indices into the findings passed to applyDeviations.
  std::vector<size_t> covers;
};

/// The deviation kinds of the schema and what their annotation names.
struct DeviationRules {
  struct Kind {
    model::KindId kind;
    std::string van, betreft, geldigTot, vanaf;
  };
  std::vector<Kind> kinds;
  /// The constants that list the articles no deviation covers (`uitgezonderd = …`),
  /// and those articles: the evaluator fills `excluded` from the constants' values.
  std::vector<std::string> excludedConstants, excluded;
  /// Reads the @afwijking annotations of `schema`.
  static DeviationRules of(const model::Schema &schema);
  /// The deviation kind `k` is (or inherits from), or null.
  const Kind *kindOf(const model::Schema &schema, model::KindId k) const;
};

/// A conclusion an error in the data withheld: of a norm enforcing `article`, about `subject`.
struct Withheld {
  std::string article;
  model::EntityId subject = model::kNone;
};

/// Decides for every finding whether a deviation covers it (Finding::coverage),
/// reports deviations that cover nothing and why, and returns one status per
/// deviation entity, in entity order. A deviation that may cover a withheld
/// conclusion is not reported as covering nothing.
std::vector<DeviationStatus> applyDeviations(const model::Model &model, const DeviationRules &rules,
                                             std::vector<Finding> &findings, const std::vector<Withheld> &withheld,
                                             DiagnosticEngine &diags);

}  // namespace cio

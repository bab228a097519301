// A finding is a record, not a message: one binding of a norm's variables for
// which the filter held and the requirement did not. It names the norm, the
// article, the entity the finding is about (its subject), the other bound
// entities and values, where to show it, and whether a deviation covers it.
// Every consumer (the text, JSON, SARIF and GitHub output, the org chart, the
// report, the language server) reads these fields; text is made last, by
// renderFinding (FindingText.h), never parsed back.
#pragma once

#include <string>
#include <vector>

#include "base/SourceRange.h"
#include "diagnostics/Diagnostic.h"
#include "model/Model.h"
#include "norms/CompiledNorm.h"

namespace cio {

/// An article reference taken apart: `art15.5.a` is artikel 15, lid 5, onderdeel a;
/// `art4.c` is artikel 4, onderdeel c (a lid is a number, an onderdeel a letter).
struct ArticleRef {
  std::string artikel, lid, onderdeel;
  static ArticleRef parse(const std::string &notation);
  std::string notation() const;
  bool operator==(const ArticleRef &) const = default;
};

/// A key that sorts articles as the law numbers them: `art3.4` before `art12.2`,
/// `art15.5.a` after `art15.4`.
std::vector<std::string> articleSortKey(const std::string &article);

/// Whether `part` is `article` itself or one of its leden or onderdelen (`art3` covers `art3.1`).
bool articleCovers(const std::string &article, const std::string &part);

/// How a deviation stands to a finding.
enum class Coverage {
  None,           // no deviation concerns it
  Covered,        // a deviation in force covers it: not an error
  Expired,        // the deviation that would cover it expired before the reference date
  NotYetInForce,  // the deviation that would cover it takes effect after the reference date
  Unlawful,       // the deviation that would cover it has an error of its own (e.g. no motivation)
  Doubtful,       // the deviation that may cover it has an error in its data: the finding is not concluded
};

struct Finding {
  const CompiledNorm *norm = nullptr;  // name, article, message templates
  ArticleRef article;
  Severity severity = Severity::Error;  // the norm's, capped by @hoogstens
  /// The entity the finding is about: the first bound entity, or, when the
  /// requirement asks that one of a single candidate meets a condition (`er is
  /// een c in m.cio met …` where m has one CIO), that candidate.
  model::EntityId subject = model::kNone;
  /// Every binding by slot (entities as RValue::entity), for the message holes.
  std::vector<RValue> bindings;
  /// The bound entities, in binding order.
  std::vector<model::EntityId> bound;
  /// Where the finding is shown: the subject's name, or the one field the
  /// requirement reads (`handvest = …`); the norm's name when nothing is bound.
  SourceRange anchor;
  Coverage coverage = Coverage::None;
  model::EntityId deviation = model::kNone;  // with Covered, Expired or NotYetInForce
  model::Date deviationDate = 0;             // with Expired its end, with NotYetInForce its start

  bool covered() const { return coverage == Coverage::Covered; }
};

/// Whether entity `e` is `container` or lies (transitively) inside it.
bool inside(const model::Model &model, model::EntityId e, model::EntityId container);

}  // namespace cio

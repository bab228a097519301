// The five outcomes of a norm and of an article (issue 12): an auditor must
// be able to tell "checked and fine" from "nothing to check" and from "could
// not be checked". Every emitter shows these, and only these.
#pragma once

#include <cstddef>
#include <vector>

namespace cio {

enum class Verdict {
  Complies,       // voldoet: at least one entity was checked and none violates
  Violation,      // schending: a violation that no deviation covers
  Deviation,      // afwijking: there are violations, and deviations cover all of them
  NotApplicable,  // niet van toepassing: no entity the norm applies to
  NotEvaluated,   // niet geëvalueerd: a level is missing, or the data it needs has errors
};

/// What the evaluation of one norm counted, binding by binding.
struct Tally {
  size_t holds = 0, violated = 0, covered = 0, unknown = 0;
};

/// The verdict on one norm from its tally. A violation found stands even when
/// other bindings could not be evaluated; an unknown binding forbids "voldoet".
Verdict verdictOf(const Tally &t);

/// The verdict on an article from those of its norms: voldoet only when each
/// is voldoet or niet van toepassing and at least one is voldoet.
Verdict combineVerdicts(const std::vector<Verdict> &norms);

/// The stable machine word of a verdict (`voldoet`, `schending`, `afwijking`,
/// `niet_van_toepassing`, `niet_geevalueerd`), for JSON and SARIF properties.
const char *verdictKey(Verdict v);

}  // namespace cio

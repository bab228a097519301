// The five outcomes of a norm and of an article (issue 12): an auditor must
// be able to tell "checked and fine" from "nothing to check" and from "could
// not be checked". Every emitter shows these, and only these.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "diagnostics/DiagnosticEngine.h"

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

/// The five verdicts in the order every emitter shows them.
inline constexpr Verdict kVerdictOrder[] = {Verdict::Complies, Verdict::Violation, Verdict::Deviation,
                                            Verdict::NotApplicable, Verdict::NotEvaluated};

/// The verdict on one norm from its tally. A violation found stands even when
/// other bindings could not be evaluated; an unknown binding forbids "voldoet".
Verdict verdictOf(const Tally &t);

/// The verdict on an article from those of its norms: voldoet only when each
/// is voldoet or niet van toepassing and at least one is voldoet.
Verdict combineVerdicts(const std::vector<Verdict> &norms);

/// The stable machine word of a verdict (`complies`, `violation`, `deviation`,
/// `not_applicable`, `not_evaluated`: the report's JSON words), for JSON and SARIF.
const char *verdictKey(Verdict v);

/// The verdict as a reader sees it: `voldoet`, `niet van toepassing`; English with `lang`.
std::string verdictWord(Verdict v, Language lang);

/// The verdict on one norm, for the emitters (which know no norms).
struct NormVerdict {
  std::string norm, article;
  Verdict verdict = Verdict::NotEvaluated;
};

/// "normen: 40 voldoet, 1 schending, …": how many norms have each verdict, the
/// five always in the same order; "" when there are none.
std::string verdictLine(const std::vector<NormVerdict> &verdicts, Language lang);

}  // namespace cio

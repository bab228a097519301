#include "norms/Verdict.h"

namespace cio {

Verdict verdictOf(const Tally &t) {
  if (t.violated > 0) return Verdict::Violation;
  if (t.unknown > 0) return Verdict::NotEvaluated;
  if (t.covered > 0) return Verdict::Deviation;
  if (t.holds > 0) return Verdict::Complies;
  return Verdict::NotApplicable;
}

Verdict combineVerdicts(const std::vector<Verdict> &norms) {
  bool violation = false, notEvaluated = false, deviation = false, complies = false;
  for (Verdict v : norms) {
    violation |= v == Verdict::Violation;
    notEvaluated |= v == Verdict::NotEvaluated;
    deviation |= v == Verdict::Deviation;
    complies |= v == Verdict::Complies;
  }
  if (violation) return Verdict::Violation;
  if (notEvaluated) return Verdict::NotEvaluated;
  if (deviation) return Verdict::Deviation;
  if (complies) return Verdict::Complies;
  return norms.empty() ? Verdict::NotEvaluated : Verdict::NotApplicable;
}

const char *verdictKey(Verdict v) {
  switch (v) {
    case Verdict::Complies:
      return "voldoet";
    case Verdict::Violation:
      return "schending";
    case Verdict::Deviation:
      return "afwijking";
    case Verdict::NotApplicable:
      return "niet_van_toepassing";
    case Verdict::NotEvaluated:
      break;
  }
  return "niet_geevalueerd";
}

}  // namespace cio

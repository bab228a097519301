#include "diagnostics/Verdict.h"

#include <iterator>

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
      return "complies";
    case Verdict::Violation:
      return "violation";
    case Verdict::Deviation:
      return "deviation";
    case Verdict::NotApplicable:
      return "not_applicable";
    case Verdict::NotEvaluated:
      break;
  }
  return "not_evaluated";
}

std::string verdictWord(Verdict v, Language lang) {
  bool nl = lang == Language::Dutch;
  switch (v) {
    case Verdict::Complies:
      return nl ? "voldoet" : "complies";
    case Verdict::Violation:
      return nl ? "schending" : "violation";
    case Verdict::Deviation:
      return nl ? "afwijking" : "deviation";
    case Verdict::NotApplicable:
      return nl ? "niet van toepassing" : "not applicable";
    case Verdict::NotEvaluated:
      break;
  }
  return nl ? "niet geëvalueerd" : "not evaluated";
}

std::string verdictLine(const std::vector<NormVerdict> &verdicts, Language lang) {
  if (verdicts.empty()) return "";
  static constexpr Verdict kOrder[] = {Verdict::Complies, Verdict::Violation, Verdict::Deviation,
                                       Verdict::NotApplicable, Verdict::NotEvaluated};
  std::string out = lang == Language::Dutch ? "normen: " : "norms: ";
  for (size_t i = 0; i < std::size(kOrder); ++i) {
    size_t n = 0;
    for (const NormVerdict &v : verdicts) n += v.verdict == kOrder[i];
    out += (i ? ", " : "") + std::to_string(n) + " " + verdictWord(kOrder[i], lang);
  }
  return out;
}

}  // namespace cio

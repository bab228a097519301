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
  static constexpr DiagId kWords[] = {DiagId::verdict_complies, DiagId::verdict_violation, DiagId::verdict_deviation,
                                      DiagId::verdict_not_applicable, DiagId::verdict_not_evaluated};
  return DiagnosticEngine(lang).text(kWords[static_cast<size_t>(v)]);
}

std::string verdictLine(const std::vector<NormVerdict> &verdicts, Language lang) {
  if (verdicts.empty()) return "";
  std::string out = DiagnosticEngine(lang).text(DiagId::verdict_norms) + ": ";
  for (size_t i = 0; i < std::size(kVerdictOrder); ++i) {
    size_t n = 0;
    for (const NormVerdict &v : verdicts) n += v.verdict == kVerdictOrder[i];
    out += (i ? ", " : "") + std::to_string(n) + " " + verdictWord(kVerdictOrder[i], lang);
  }
  return out;
}

}  // namespace cio

#include "pipeline/LookAhead.h"

#include <set>

#include "norms/ChangeDates.h"
#include "norms/FindingText.h"
#include "norms/NormChecker.h"
#include "norms/NormValue.h"
#include "sema/Sema.h"

namespace cio {

namespace {

/// What a finding is, whatever the date: its norm, what it binds, and whether a deviation covers it.
std::string key(const Finding &f, const model::Model &m) {
  std::string k = f.norm->name + (f.covered() ? "|gedekt" : "");
  for (model::EntityId e : f.bound) k += "|" + (e == model::kNone ? std::string() : m.entities[e].path.str());
  return k;
}

}  // namespace

std::optional<model::Date> lookAheadUntil(const std::string &span, model::Date from) {
  if (span.size() < 2 || span.size() > 6) return std::nullopt;
  char unit = span.back();
  int n = 0;
  for (size_t i = 0; i + 1 < span.size(); ++i) {
    if (span[i] < '0' || span[i] > '9') return std::nullopt;
    n = n * 10 + (span[i] - '0');
  }
  if (n == 0 || n > 1200) return std::nullopt;
  switch (unit) {
    case 'd':
      return addDuration(from, 0, n, 1);
    case 'w':
      return addDuration(from, 0, 7 * n, 1);
    case 'm':
      return addDuration(from, n, 0, 1);
    case 'j':
    case 'y':
      return addDuration(from, 12 * n, 0, 1);
    default:
      return std::nullopt;
  }
}

LookAhead lookAhead(const Pipeline &p, model::Date until) {
  LookAhead out;
  out.from = p.model.referenceDate;
  out.until = until;
  std::set<std::string> seen;
  for (const Finding &f : p.evaluation.findings) seen.insert(key(f, p.model));
  for (model::Date date : changeDates(p.model, p.norms, out.from, until)) {
    ++out.datesChecked;
    // Each date's model is built from the same parsed files: only what the
    // reference date decides (an event not yet happened, a deviation in force) differs.
    DiagnosticEngine diags(p.diags.language());
    model::Model model = analyze(p.workspace->files(), date, diags);
    CompiledNorms norms = checkNorms(p.workspace->files(), model.schema, diags);
    if (diags.errorCount() > 0) continue;
    Evaluation evaluation = evaluateNorms(norms, model, diags);
    for (const Finding &f : evaluation.findings)
      if (!f.covered() && seen.insert(key(f, model)).second)
        out.coming.push_back({date, renderFinding(f, model, diags)});
  }
  return out;
}

}  // namespace cio

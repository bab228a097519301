// The look-ahead (`cioc check --vooruit 12m`): the norms evaluated again at
// every future date on which a verdict can change (norms/ChangeDates.h), and
// the findings that are not there today, each with the first date it appears.
// A finding a deviation covers today and that its expiry uncovers counts as new.
#pragma once

#include <vector>

#include "diagnostics/Diagnostic.h"
#include "pipeline/Pipeline.h"

namespace cio {

struct LookAhead {
  model::Date from = 0, until = 0;
  size_t datesChecked = 0;
  struct Coming {
    model::Date date;
    Diagnostic finding;  // as it will read on that date
  };
  std::vector<Coming> coming;  // by date, then as the findings sort
};

/// After a run without compiler errors: what changes in (the reference date, `until`].
LookAhead lookAhead(const Pipeline &p, model::Date until);

/// `12m`, `6m`, `1j`, `90d`, `2w` as a date that far after `from`; nullopt when not such a span.
std::optional<model::Date> lookAheadUntil(const std::string &span, model::Date from);

}  // namespace cio

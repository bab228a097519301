#include "norms/ChangeDates.h"

#include <algorithm>
#include <set>

#include "norms/NormValue.h"

namespace cio {

namespace {

void datesOf(const model::Value &v, std::set<model::Date> &out) {
  if (v.type == model::BaseType::Date) out.insert(v.date);
  if (v.type == model::BaseType::Period) {
    out.insert(v.date);
    out.insert(v.until);
  }
  for (const model::Value &item : v.items) datesOf(item, out);
}

void durationsOf(const CExpr &e, std::set<std::pair<int32_t, int32_t>> &out) {
  if (e.op == Op::Constant && e.value.k == RValue::K::Duration) out.insert({e.value.months, e.value.days});
  for (const CExpr &a : e.args) durationsOf(a, out);
}

}  // namespace

std::vector<model::Date> changeDates(const model::Model &model, const CompiledNorms &norms, model::Date after,
                                     model::Date until) {
  std::set<model::Date> dates;
  for (const model::Entity &e : model.entities)
    for (const model::FieldValue &f : e.fields) datesOf(f.value, dates);
  std::set<std::pair<int32_t, int32_t>> durations{{0, 0}};
  for (const CExpr &c : norms.constants) durationsOf(c, durations);
  for (const CompiledNorm &n : norms.norms) {
    for (const CExpr &d : n.domains) durationsOf(d, durations);
    for (const CExpr &f : n.filters) durationsOf(f, durations);
    durationsOf(n.requirement, durations);
  }
  std::set<model::Date> out;
  for (model::Date d : dates)
    for (const auto &[months, days] : durations)
      for (int sign : {1, -1}) {
        // The day a comparison with this date can turn: on it, and the day after (`<` and `<=`).
        model::Date moved = addDuration(d, months, days, sign);
        for (model::Date c : {moved, moved + 1})
          if (c > after && c <= until) out.insert(c);
      }
  return {out.begin(), out.end()};
}

}  // namespace cio

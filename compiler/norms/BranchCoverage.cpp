#include "norms/BranchCoverage.h"

namespace cio {

void BranchCoverage::prepare(const CompiledNorms &norms, const std::set<std::string> &names) {
  for (const CompiledNorm &n : norms.norms) {
    if (!names.empty() && !names.count(n.name)) continue;
    size_t index = 0;
    auto add = [&](const CExpr &e, bool root, auto &self) -> void {
      // A root is a decision whatever its form (`waarbij d.ict_dienstverlener`); a constant decides nothing.
      if ((root && e.op != Op::Constant) || yieldsTruth(e.op)) {
        slots.emplace(&e, decisions.size());
        decisions.push_back({&n, index++, e.range});
      }
      for (const CExpr &a : e.args) self(a, false, self);
    };
    for (const CExpr &d : n.domains) add(d, false, add);
    for (const CExpr &f : n.filters) add(f, true, add);
    add(n.requirement, true, add);
  }
}

}  // namespace cio

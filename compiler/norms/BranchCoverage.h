// Branch coverage of norms, for `cioc test`: every decision of a norm (each
// filter, the requirement, and every `en`, `of`, `niet`, `als … dan`,
// quantifier and comparison inside them) and the outcomes it was seen to
// take. A decision is covered when it was seen both true and false. The
// evaluator records only when it is given a BranchCoverage, and then takes
// no shortcut (it tests every candidate instead of narrowing by an index),
// so a decision that decides something is also one that is recorded.
#pragma once

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "norms/CompiledNorm.h"

namespace cio {

struct BranchCoverage {
  enum Seen : uint8_t { True = 1, False = 2, Unknown = 4 };
  struct Decision {
    const CompiledNorm *norm;
    size_t index;  // within its norm, in the order the norm is written (preorder)
    SourceRange range;
    uint8_t seen = 0;
  };
  std::vector<Decision> decisions;
  std::unordered_map<const CExpr *, size_t> slots;  // -> index in decisions

  /// Registers the decisions of the norms named in `norms` (all when `names` is empty).
  void prepare(const CompiledNorms &norms, const std::set<std::string> &names);
  void record(const CExpr &e, const RValue &v) {
    if (auto it = slots.find(&e); it != slots.end())
      decisions[it->second].seen |= v.unknown ? Unknown : v.truthy() ? True : False;
  }
};

}  // namespace cio

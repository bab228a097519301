#include "norms/NormInputs.h"

#include <algorithm>

namespace cio {

namespace {

void collect(const CExpr &e, const CompiledNorms &library, std::vector<FieldRead> &out,
             std::vector<bool> &seenConstant) {
  switch (e.op) {
    case Op::Field:
      out.push_back({e.kind, e.name});  // `kind` is the static kind of what the field is read on
      break;
    case Op::Line:
      // The line climbs through entities of other kinds than the first (a
      // CIO's line passes the SG): the field is read on any kind.
      out.push_back({model::kNone, e.name});
      break;
    case Op::ConstantRef:
      if (e.slot < library.constants.size() && !seenConstant[e.slot]) {
        seenConstant[e.slot] = true;
        collect(library.constants[e.slot], library, out, seenConstant);
      }
      break;
    default:
      break;
  }
  for (const CExpr &a : e.args) collect(a, library, out, seenConstant);
}

}  // namespace

void recordInputs(CompiledNorm &norm, const CompiledNorms &library) {
  std::vector<FieldRead> reads;
  std::vector<bool> seenConstant(library.constants.size(), false);
  for (const CExpr &d : norm.domains) collect(d, library, reads, seenConstant);
  for (const CExpr &f : norm.filters) collect(f, library, reads, seenConstant);
  collect(norm.requirement, library, reads, seenConstant);
  // A finding stands at this field when it is written: whether it is, is an input too.
  if (!norm.reportField.empty()) reads.push_back({model::kNone, Name(norm.reportField)});
  std::sort(reads.begin(), reads.end());
  reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
  norm.reads = std::move(reads);
}

}  // namespace cio

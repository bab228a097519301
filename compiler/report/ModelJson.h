// The resolved model as JSON (`cioc export`): every entity with its kind,
// path, position and typed field values, nested as in the source. For tools
// that want the model without parsing .cio, and the benchmark's yardstick.
#pragma once

#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"
#include "model/Model.h"

namespace cio {

void writeModelJson(llvm::raw_ostream &out, const model::Model &model, const llvm::SourceMgr &sources);

}  // namespace cio

#!/usr/bin/env bash
# The pipeline runs in one direction, and the build enforces it: every stage
# folder is a library whose include path (build/stages/NAME) links only the
# folders of the stages before it (compiler/CMakeLists.txt). This test checks
# that every include in the sources stays within that list, and that an include
# against the direction really does not compile.
set -u
root=$1 stages=$2 cxx=$3
source "$(dirname "$0")/lib.sh"

for dir in "$stages"/*/; do
  stage=$(basename "$dir")
  [ -d "$root/compiler/$stage" ] || { echo "FAIL layering: no folder compiler/$stage"; fail=1; continue; }
  allowed=$(ls "$dir")
  bad=$(grep -rhoE '#include "[a-z_]+/' "$root/compiler/$stage" | sed 's/#include "//; s#/##' | sort -u |
        while read -r used; do
          [ "$used" = llvm ] && continue
          echo "$allowed" | grep -qx "$used" || echo "$used"
        done)
  if [ -n "$bad" ]; then
    echo "FAIL layering: compiler/$stage includes from a later stage: $bad"; fail=1
  else
    echo "ok   layering: compiler/$stage uses only $(echo $allowed | tr ' ' ',')"
  fi
done
# Every stage folder is a stage of the build.
for dir in "$root"/compiler/*/; do
  stage=$(basename "$dir")
  [ -d "$stages/$stage" ] || { echo "FAIL layering: compiler/$stage is not a stage of the build"; fail=1; }
done

# The mechanism itself: sema may include the model, not the norms after it.
printf '#include "model/Model.h"\n' > "$tmp/ok.cpp"
"$cxx" -std=c++20 -fsyntax-only -I "$stages/sema" "$tmp/ok.cpp" 2> "$tmp/ok.err"
check "layering: sema compiles against the model" 0 $?
printf '#include "norms/CompiledNorm.h"\n' > "$tmp/bad.cpp"
"$cxx" -std=c++20 -fsyntax-only -I "$stages/sema" "$tmp/bad.cpp" 2> "$tmp/bad.err"
check "layering: sema cannot include the norms" 1 $?
expect "layering: the compiler says why" "$tmp/bad.err" "norms/CompiledNorm.h"
exit $fail

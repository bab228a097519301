#!/usr/bin/env bash
# Builds the libFuzzer targets (preset `fuzz`) and runs each for SECONDS
# (default 60) on seeds from the tests and examples. A long run:
#   fuzz/run.sh 3600        # an hour per target
# Findings are written to build-fuzz/findings/<target>/ and fail the run. The random seed is
# FUZZ_SEED (default 1, so that the CI smoke run explores the same inputs every time).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
cmake --preset fuzz > /dev/null
cmake --build --preset fuzz
corpus=build-fuzz/corpus
rm -rf "$corpus" && mkdir -p "$corpus/cio" "$corpus/lsp" "$corpus/empty"
i=0; for f in $(find tests examples -name '*.cio' | sort); do cp "$f" "$corpus/cio/seed_$i.cio"; i=$((i + 1)); done
python3 fuzz/lsp_seeds.py "$corpus/lsp"
status=0
for target in parser lexer check format lsp lsp_params walk; do
  seeds=$corpus/cio
  [ "$target" = lsp ] && seeds=$corpus/lsp
  # Structure-aware targets build their input from the bytes: no seeds needed.
  [ "$target" = lsp_params ] || [ "$target" = walk ] && seeds=$corpus/empty
  mkdir -p "build-fuzz/findings/$target" "build-fuzz/work/$target"
  echo "== fuzz_$target for ${seconds}s"
  if ! build-fuzz/fuzz/fuzz_$target -seed="${FUZZ_SEED:-1}" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
      -artifact_prefix="build-fuzz/findings/$target/" -print_final_stats=1 \
      "build-fuzz/work/$target" "$seeds" > "build-fuzz/findings/$target.log" 2>&1; then
    echo "FAIL fuzz_$target: see build-fuzz/findings/$target.log"; tail -30 "build-fuzz/findings/$target.log"; status=1
  else
    grep -E "stat::number_of_executed_units|Done" "build-fuzz/findings/$target.log" | tail -2
  fi
done
exit $status

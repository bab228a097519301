#!/usr/bin/env bash
# The benchmark: see bench/run.py. Usage: bench/run.sh [path/to/cioc] [--quick]
exec python3 "$(dirname "$0")/run.py" "$@"

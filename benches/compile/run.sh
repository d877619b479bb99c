#!/usr/bin/env bash
# Compile-time benchmark: derived vs hand-written vs peer crates.
# Usage: benches/compile/run.sh [--runs N] [--sizes 100,1000,5000]
# Needs cargo and python3; writes its crates under target/compile-bench.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec python3 benches/compile/compile_bench.py "$@"

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every benchmark (tests/benchmarks/bench-*.sh) against the build in BUILD_DIR and
# prints their figures. Benchmarks only measure and report; they never gate the test suite.
set -euo pipefail
build=$(cd "${1:?usage: run-all.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shopt -s nullglob
benches=("$here"/bench-*.sh)
[ ${#benches[@]} -gt 0 ] || { echo "no benchmarks yet"; exit 0; }
for bench in "${benches[@]}"; do
    echo "=== $(basename "$bench" .sh)"
    "$bench" "$build"
done

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every benchmark (tests/benchmarks/bench-*.sh), or the ones named (closure, upload, ...),
# against the build in BUILD_DIR and prints their figures, then every line that states a goal,
# together, with the load average: the ratios of one run side by side. Benchmarks only measure
# and report; they never gate the test suite.
#
#   tests/benchmarks/run-all.sh BUILD_DIR [NAME...]
set -euo pipefail
build=$(cd "${1:?usage: run-all.sh BUILD_DIR [NAME...]}" && pwd)
shift
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shopt -s nullglob
if [ $# -gt 0 ]; then
    benches=()
    for name in "$@"; do
        [ -x "$here/bench-$name.sh" ] || { echo "run-all: there is no tests/benchmarks/bench-$name.sh" >&2; exit 2; }
        benches+=("$here/bench-$name.sh")
    done
else
    benches=("$here"/bench-*.sh)
fi
[ ${#benches[@]} -gt 0 ] || { echo "no benchmarks yet"; exit 0; }
outputs=$(mktemp -d)
trap 'rm -rf "$outputs"' EXIT
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
status=0
for bench in "${benches[@]}"; do
    name=$(basename "$bench" .sh)
    echo "=== $name"
    "$bench" "$build" 2>&1 | tee "$outputs/$name.txt" || status=1
done
echo
echo "=== goals of this run (load average at the start $load_start, at the end $(cut -d' ' -f1-3 /proc/loadavg))"
for bench in "${benches[@]}"; do
    name=$(basename "$bench" .sh)
    grep -hE 'goal|skipped' "$outputs/$name.txt" | sed "s/^ */$name: /" || echo "$name: states no goal"
done
exit "$status"

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The local part of a publish preflight, per crate, over the real-crates fixture (genuine
# .crate files packaged by Debian's cargo): CrateArchive::open (read, decompress, check every
# tar header), CargoManifest::parse, PublishMetadata::fromArchive (readme, license file) and
# toJson. Each crate is timed CRATE_BENCH_REPEAT times (5) after a warm-up and its median
# kept; the figures are the median, p90 and max of those per-crate times.
# Goal: median <= 20 ms for typical crates. It measures and prints; it fails only when a crate
# of the fixture cannot be read. A few seconds.
#
#   tests/benchmarks/bench-crate.sh BUILD_DIR
#
# Needs BUILD_DIR/tests/benchmarks/bench-crate-preflight. Knobs (environment):
# CRATEDESK_REAL_CRATES_DIR (the fixture; default the build root's cache, else
# BUILD_DIR/real-crates), CRATE_BENCH_REPEAT (5). Skips (exit 0) when there is no fixture.
set -euo pipefail

build=$(cd "${1:?usage: bench-crate.sh BUILD_DIR}" && pwd)
tool=$build/tests/benchmarks/bench-crate-preflight
repeat=${CRATE_BENCH_REPEAT:-5}

say() { printf 'bench-crate: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=benchlib.sh
. "$here/benchlib.sh"

crates=${CRATEDESK_REAL_CRATES_DIR:-}
if [ -z "$crates" ]; then
    for candidate in "${CRATEDESK_CACHE_DIR:-/var/cache/cratedesk-persistent}/real-crates" "$build/real-crates"; do
        [ -d "$candidate" ] && { crates=$candidate; break; }
    done
fi
if [ -z "$crates" ] || ! compgen -G "$crates/*.crate" >/dev/null; then
    say "skipped: no real-crates fixture (run the test suite once, or set CRATEDESK_REAL_CRATES_DIR)"
    exit 0
fi
[ -x "$tool" ] || die "$tool is missing; build the target bench-crate-preflight"

out=$(mktemp)
trap 'rm -f "$out"' EXIT
load_start=$(cut -d' ' -f1 /proc/loadavg)
"$tool" "$crates" --repeat "$repeat" > "$out" || die "some crates of the fixture could not be read (see above)"

count=$(val "$out" crates)
median=$(val "$out" median_ms)
p90=$(val "$out" p90_ms)
max=$(val "$out" max_ms)
max_crate=$(val "$out" max_crate)
goal=$(awk "BEGIN { print ($median <= 20) ? \"met\" : \"MISSED\" }")
total_mib=$(awk '$1 == "crate" { s += $3 } END { printf "%.1f", s / 1048576 }' "$out")

row() { printf '%-28s %9s %9s %9s %9s %9s %9s\n' "$@"; }
echo
echo "== crate preflight (local): $count real crates ($total_mib MiB), median of $repeat runs each, $(nproc) cores =="
row "crate" "KiB" "files" "open ms" "toml ms" "meta ms" "total ms"
# The five slowest and the five smallest, to show the spread without 58 lines.
{
    awk '$1 == "crate"' "$out" | sort -k9 -g -r | head -n 5
    echo "..."
    awk '$1 == "crate"' "$out" | sort -k3 -g | head -n 5
} | while read -r tag name bytes _unpacked files open toml meta total; do
    if [ "$tag" = "..." ]; then echo "  ..."; continue; fi
    row "${name%.crate}" "$(calc %.0f "$bytes / 1024")" "$files" "$open" "$toml" "$meta" "$total"
done
echo
echo "== crate summary =="
echo "setup: $(nproc) cores (load average at start $load_start), fixture $crates, $repeat runs per crate after a warm-up"
echo "per crate (open + manifest + metadata + JSON): median $median ms (goal <= 20 ms: $goal), p90 $p90 ms, max $max ms ($max_crate)"
echo "medians by step: open $(val "$out" open_median_ms) ms, manifest $(val "$out" manifest_median_ms) ms, metadata + JSON $(val "$out" metadata_median_ms) ms"

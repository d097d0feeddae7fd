#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Benchmarks of the local feed's connectors, all on 127.0.0.1: two `cratedesk serve`, the
# upstream and a downstream with a connector to it (cache kept for an hour), each filled with
# synthetic crates through FeedStore.
#   1. first fetch: GET of index files the downstream has never seen (its connector asks the
#      upstream), against the same GET from the upstream directly; the overhead per file
#      (connector-firstfetch.py);
#   2. warm: index GET requests/s with wrk through the warm connector cache against local
#      crates of the same downstream feed, same settings, same run; the ratio (goal <= 1.2x).
# It measures and prints; it never fails on a goal, only when something is broken.
#
#   tests/benchmarks/bench-connector.sh BUILD_DIR
#
# Needs BUILD_DIR/app/cratedesk, BUILD_DIR/tests/benchmarks/bench-localfeed-populate, wrk
# and python3. Knobs: CONNECTOR_BENCH_CRATES (400 per feed), CONNECTOR_BENCH_VERSIONS (10),
# CONNECTOR_BENCH_FIRST (200 files fetched cold), CONNECTOR_BENCH_WRK ("-t2 -c16 -d8s").
set -euo pipefail

build=$(cd "${1:?usage: bench-connector.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cratedesk=$build/app/cratedesk
populate=$build/tests/benchmarks/bench-localfeed-populate
crates=${CONNECTOR_BENCH_CRATES:-400}
versions=${CONNECTOR_BENCH_VERSIONS:-10}
first=${CONNECTOR_BENCH_FIRST:-200}
wrk_args=${CONNECTOR_BENCH_WRK:--t2 -c16 -d8s}

say() { printf 'bench-connector: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

for tool in wrk python3; do
    command -v "$tool" >/dev/null || die "$tool is missing (it is in the build root: packaging/buildroot.sh run ...)"
done
[ -x "$cratedesk" ] || die "$cratedesk is missing; build the target cratedesk"
[ -x "$populate" ] || die "$populate is missing; build the target bench-localfeed-populate"

# shellcheck source=tests/benchmarks/benchlib.sh
source "$here/benchlib.sh"
bench_workdir bench-connector
wrkval() { grep '^WRK ' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

serve() { # NAME DATA_DIR -> sets serve_url
    local name=$1 dir=$2 pid
    "$cratedesk" serve --data "$dir" --port 0 >"$work/$name.out" 2>"$work/$name.log" &
    pid=$!
    started[$pid]=1
    eval "${name}_pid=$pid"
    for _ in $(seq 300); do
        [ -s "$work/$name.out" ] && break
        require_alive "$pid" "cratedesk serve ($name)" "$work/$name.log"
        sleep 0.1
    done
    serve_url=$(head -n1 "$work/$name.out")
    serve_url=${serve_url#sparse+}
    serve_url=${serve_url%/}
    [ -n "$serve_url" ] || die "cratedesk serve ($name) printed no URL"
}

say "populating two feeds with $crates crates x $versions versions each"
"$populate" --data "$work/up" --crates "$crates" --versions "$versions" --paths "$work/up-paths.txt" --seed 11 \
    >"$work/up-populate.txt" 2>"$work/up-populate.log" || die "populating the upstream failed"
"$populate" --data "$work/down" --crates "$crates" --versions "$versions" --paths "$work/down-paths.txt" --seed 23 \
    >"$work/down-populate.txt" 2>"$work/down-populate.log" || die "populating the downstream failed"
# Crates only upstream, and crates only local, so each path takes exactly one route.
sort "$work/up-paths.txt" >"$work/up-sorted.txt"
sort "$work/down-paths.txt" >"$work/down-sorted.txt"
comm -23 "$work/up-sorted.txt" "$work/down-sorted.txt" | shuf --random-source=<(yes) | head -n "$first" >"$work/upstream-only.txt"
comm -13 "$work/up-sorted.txt" "$work/down-sorted.txt" | shuf --random-source=<(yes) | head -n "$first" >"$work/local-only.txt"
say "$(wc -l <"$work/upstream-only.txt") upstream-only and $(wc -l <"$work/local-only.txt") local-only index files"

serve up "$work/up"
up_url=$serve_url
"$cratedesk" connector add up "$up_url/" --data "$work/down" --cache-seconds 3600 >"$work/connector.out" 2>&1 \
    || { cat "$work/connector.out" >&2; die "connector add failed"; }
serve down "$work/down"
down_url=$serve_url
say "upstream $up_url, downstream $down_url"

# ---- 1. First fetch through the connector -------------------------------------------------
python3 "$here/connector-firstfetch.py" "$up_url" "$down_url" "$work/upstream-only.txt" "$first" >"$work/first.txt" \
    || { cat "$work/first.txt" >&2; die "first-fetch driver failed"; }
require_alive "$down_pid" "cratedesk serve (down)" "$work/down.log"
up_p50=$(calc %.2f "$(val "$work/first.txt" upstream_p50_us) / 1000")
down_p50=$(calc %.2f "$(val "$work/first.txt" downstream_p50_us) / 1000")
over_p50=$(calc %.2f "$(val "$work/first.txt" overhead_p50_us) / 1000")
over_p90=$(calc %.2f "$(val "$work/first.txt" overhead_p90_us) / 1000")
say "first fetch: upstream p50 $up_p50 ms, through the connector p50 $down_p50 ms, overhead p50 $over_p50 ms (p90 $over_p90 ms)"

# ---- 2. Warm: connector cache against local crates -----------------------------------------
declare -A rps p50 p99
run_wrk() { # LABEL PATHS
    local label=$1 out=$work/wrk-$1.txt requests duration errors
    # shellcheck disable=SC2086 # the wrk arguments are words on purpose
    wrk $wrk_args --latency -s "$here/localfeed-paths.lua" "$down_url" -- "$2" >"$out" 2>&1 \
        || { cat "$out" >&2; broken+=("wrk $label failed"); return 0; }
    require_alive "$down_pid" "cratedesk serve (down)" "$work/down.log"
    requests=$(wrkval "$out" requests)
    duration=$(wrkval "$out" duration_us)
    errors=$(($(wrkval "$out" connect_errors) + $(wrkval "$out" read_errors) + $(wrkval "$out" status_errors) + $(wrkval "$out" timeouts)))
    [ "$errors" -eq 0 ] || broken+=("wrk $label: $errors errors")
    rps[$label]=$(calc %.0f "$requests / ($duration / 1e6)")
    p50[$label]=$(calc %.3f "$(wrkval "$out" p50_us) / 1000")
    p99[$label]=$(calc %.3f "$(wrkval "$out" p99_us) / 1000")
    say "$label: ${rps[$label]} req/s, p50 ${p50[$label]} ms, p99 ${p99[$label]} ms"
}
run_wrk local "$work/local-only.txt"
run_wrk connector "$work/upstream-only.txt"
run_wrk local-again "$work/local-only.txt"
local_rps=$(( (${rps[local]} + ${rps[local-again]}) / 2 ))
ratio=$(calc %.2f "$local_rps / ${rps[connector]}")

stop_pid "$down_pid"
[ "$stop_status" = 0 ] || broken+=("the downstream exited with $stop_status")
stop_pid "$up_pid"

cat <<SUMMARY
bench-connector summary ($(nproc) cores, $crates crates x $versions versions per feed, wrk $wrk_args)
  first fetch of $first index files: upstream direct p50 $up_p50 ms, through the connector p50 $down_p50 ms
    connector overhead over the upstream's own latency: p50 $over_p50 ms, p90 $over_p90 ms
  warm index GET, downstream feed: local crates $local_rps req/s (p50 ${p50[local]} ms),
    through the connector cache ${rps[connector]} req/s (p50 ${p50[connector]} ms)
    slowdown local/connector: ${ratio}x (goal <= 1.2x)
SUMMARY
if [ ${#broken[@]} -gt 0 ]; then
    printf 'bench-connector: broken: %s\n' "${broken[@]}" >&2
    exit 1
fi

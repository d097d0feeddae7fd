#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Promotion of a whole closure against a plain publish of the same .crate files, both as
# whole processes into an empty local feed, interleaved, in one run. The closure is every crate
# of the real-crates fixture (genuine .crate files packaged by Debian's cargo), published first
# to a staging feed:
#   1. `cratedesk promote NAME@VERSION... --with-dependencies --from-index STAGING --to-index T`:
#      plan (resolution against the source, what the target has), download with checksum,
#      metadata from each .crate, publish in dependency order;
#   2. `cratedesk publish *.crate --index T2`: the same files, already on disk.
# The figure is the per-crate overhead of a promotion over a plain publish:
# (promote - publish) / crates. Each run uses fresh, empty targets. It fails only when
# something is broken (a crate not promoted or not published). About a minute on 2 cores.
#
#   tests/benchmarks/bench-promote.sh BUILD_DIR
#
# Knobs (environment): CRATEDESK_REAL_CRATES_DIR (the fixture; default the build root's cache,
# else BUILD_DIR/real-crates), PROMOTE_BENCH_RUNS (3), PROMOTE_BENCH_TMP (/dev/shm, else
# TMPDIR). Skips (exit 0, saying "skipped") when there is no fixture.
set -euo pipefail

build=$(cd "${1:?usage: bench-promote.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cratedesk=$build/app/cratedesk
runs=${PROMOTE_BENCH_RUNS:-3}

say() { printf 'bench-promote: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

crates=${CRATEDESK_REAL_CRATES_DIR:-}
if [ -z "$crates" ]; then
    for candidate in "${CRATEDESK_CACHE_DIR:-/var/cache/cratedesk-persistent}/real-crates" "$build/real-crates"; do
        [ -d "$candidate" ] && { crates=$candidate; break; }
    done
fi
if [ -z "$crates" ] || ! compgen -G "$crates/*.crate" >/dev/null; then
    echo "== promote summary =="
    echo "skipped: no real-crates fixture (run the test suite once, or set CRATEDESK_REAL_CRATES_DIR)"
    exit 0
fi
[ -x "$cratedesk" ] || die "$cratedesk is missing; build it"

# shellcheck source=tests/benchmarks/benchlib.sh
source "$here/benchlib.sh"
bench_workdir bench-promote "$(bench_tmp_base "${PROMOTE_BENCH_TMP:-}")"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data QT_QPA_PLATFORM=offscreen

files=("$crates"/*.crate)
count=${#files[@]}
# NAME@VERSION of each file: the name is all up to the last '-' that starts a version.
versions=()
for file in "${files[@]}"; do
    base=$(basename "$file" .crate)
    versions+=("$(sed -E 's/^(.+)-([0-9]+\.[0-9]+\.[0-9]+.*)$/\1@\2/' <<<"$base")")
done

# A feed with a token of its own, served: sets feed_pid, index_url and token.
feed() { # NAME
    "$cratedesk" feed token create --data "$work/$1" --name bench >"$work/$1.token" 2>"$work/$1.token.log" \
        || die "cannot create a token for $1: $(tail -n 2 "$work/$1.token.log")"
    token=$(head -n1 "$work/$1.token")
    start_feed "$cratedesk" "$work/$1" "$work/$1.out" "$work/$1.log"
}

feed staging
staging_url=${index_url#sparse+}
"$cratedesk" publish --index "$staging_url" --token-stdin "${files[@]}" <<<"$token" >"$work/staging-publish.txt" 2>&1 \
    || { tail -n 5 "$work/staging-publish.txt" >&2; die "publishing the fixture to the staging feed failed"; }
say "staging feed $staging_url holds the $count crates of $crates"

promote_times=() publish_times=()
for i in $(seq "$runs"); do
    feed "promoted-$i"
    status=0
    t0=$EPOCHREALTIME
    "$cratedesk" promote "${versions[@]}" --with-dependencies --from-index "$staging_url" --to-index "${index_url#sparse+}" \
        --token-stdin --json <<<"$token" >"$work/promote-$i.json" 2>"$work/promote-$i.log" || status=$?
    t1=$EPOCHREALTIME
    promote_times+=("$(calc %.3f "$t1 - $t0")")
    promoted=$(python3 -c 'import json, sys; print(sum(1 for i in json.load(open(sys.argv[1]))["items"] if i["status"] == "promoted"))' \
        "$work/promote-$i.json" 2>/dev/null || echo 0)
    [ "$status" = 0 ] && [ "$promoted" = "$count" ] \
        || broken+=("run $i: promote exited with $status and promoted $promoted of $count: $(tail -n 2 "$work/promote-$i.log")")
    stop_pid "$feed_pid"

    feed "published-$i"
    status=0
    t0=$EPOCHREALTIME
    "$cratedesk" publish --index "${index_url#sparse+}" --token-stdin "${files[@]}" <<<"$token" >"$work/publish-$i.txt" 2>&1 || status=$?
    t1=$EPOCHREALTIME
    publish_times+=("$(calc %.3f "$t1 - $t0")")
    [ "$status" = 0 ] || broken+=("run $i: publish exited with $status: $(tail -n 2 "$work/publish-$i.txt")")
    stop_pid "$feed_pid"
    say "run $i: promote ${promote_times[-1]} s, plain publish ${publish_times[-1]} s"
done

m_promote=$(median "${promote_times[@]}")
m_publish=$(median "${publish_times[@]}")
per_crate=$(calc %.1f "($m_promote - $m_publish) * 1000 / $count")
bytes=$(cat "${files[@]}" | wc -c)

echo
echo "== promote: a closure of $count real crates ($(calc %.1f "$bytes / 1048576") MiB) into an empty local feed, $runs runs =="
printf '%-52s %9s  %s\n' "what" "median s" "runs"
printf '%-52s %9s  %s\n' "cratedesk promote --with-dependencies (whole process)" "$m_promote" "${promote_times[*]}"
printf '%-52s %9s  %s\n' "cratedesk publish of the same .crate files" "$m_publish" "${publish_times[*]}"
echo
echo "== promote summary =="
echo "setup: $(nproc) cores (load average at start $load_start), local feeds on 127.0.0.1, whole processes, median of $runs"
echo "promotion of $count crates $m_promote s against publishing them $m_publish s -> ${per_crate} ms per crate over a plain publish"
if [ ${#broken[@]} -gt 0 ]; then
    printf 'broken: %s\n' "${broken[@]}"
    exit 1
fi

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The audit of a real Cargo.lock against a feed, against fetching the same index files alone,
# both as whole processes with cold caches, interleaved, in one run. The feed is the crates.io
# subset of ../shared/data served by Debian's nginx on 127.0.0.1:
#   1. `cratedesk audit LOCKFILE --index URL --json`, with an empty cache folder;
#   2. bench-client-fetch over exactly the crates the lockfile takes from a registry, without
#      a cache: the same index files through the same client, and nothing else.
# Goal: audit/fetch <= 1.2 (the audit adds no more than a fifth to the fetching it needs).
# nginx's access log checks that both asked for the same set of files. It fails only when
# something is broken. About 30 s on 2 cores.
#
#   tests/benchmarks/bench-audit.sh BUILD_DIR
#
# Skips (exit 0, saying "skipped") when the shared data is missing. Knobs: AUDIT_BENCH_DATA
# (../shared/data next to the checkout, else /work/shared/data), AUDIT_BENCH_LOCKFILE (cargo:
# over 300 packages), AUDIT_BENCH_RUNS (5), AUDIT_BENCH_TMP (/dev/shm, else TMPDIR).
set -euo pipefail

build=$(cd "${1:?usage: bench-audit.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cratedesk=$build/app/cratedesk
fetch_tool=$build/tests/benchmarks/bench-client-fetch
lockfile_name=${AUDIT_BENCH_LOCKFILE:-cargo}
runs=${AUDIT_BENCH_RUNS:-5}

say() { printf 'bench-audit: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

data=${AUDIT_BENCH_DATA:-}
if [ -z "$data" ]; then
    for candidate in "$here/../../../shared/data" /work/shared/data; do
        [ -d "$candidate" ] && { data=$(cd "$candidate" && pwd); break; }
    done
fi
archive=${data:+$data/crates-io-index-subset.tar.zst}
lockfile=${data:+$data/lockfiles/$lockfile_name/Cargo.lock}
if [ -z "$data" ] || [ ! -f "$archive" ] || [ ! -f "$lockfile" ]; then
    echo "== audit summary =="
    echo "skipped: the shared registry data (../shared/data with crates-io-index-subset.tar.zst and lockfiles/$lockfile_name) is not there"
    exit 0
fi
PATH=$PATH:/usr/sbin:/sbin
for tool in nginx zstd tar python3; do
    command -v "$tool" >/dev/null || die "$tool is missing (it is in the build root: packaging/buildroot.sh run ...)"
done
[ -x "$cratedesk" ] || die "$cratedesk is missing; build it"
[ -x "$fetch_tool" ] || die "$fetch_tool is missing; build the target bench-client-fetch"
[ "$(id -u)" = 0 ] || die "nginx is started as root; run this as root (the build root does)"

# shellcheck source=tests/benchmarks/benchlib.sh
source "$here/benchlib.sh"
bench_workdir bench-audit "$(bench_tmp_base "${AUDIT_BENCH_TMP:-}")"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
serve_index_subset "$archive" 0 "$here/../fixtures/tls"

# The crates the lockfile takes from a registry: what the audit must fetch.
python3 - "$lockfile" >"$work/crates.txt" <<'PY'
import sys, tomllib
with open(sys.argv[1], "rb") as f:
    lock = tomllib.load(f)
names = sorted({p["name"] for p in lock.get("package", []) if p.get("source", "").startswith(("registry+", "sparse+"))})
print("\n".join(names))
PY
packages=$(python3 -c 'import sys, tomllib; print(len(tomllib.load(open(sys.argv[1], "rb")).get("package", [])))' "$lockfile")
files=$(grep -c . "$work/crates.txt")

# Index paths requested since the last call (sorted, unique), into FILE.
log_mark=0
requested() { # FILE
    local total
    total=$(wc -l <"$ndir/access.log")
    tail -n +"$((log_mark + 1))" "$ndir/access.log" | head -n "$((total - log_mark))" \
        | awk '{ print $7 }' | grep -v '^/config.json$' | sort -u >"$1"
    log_mark=$total
}

# Page cache and TCP warm-up.
"$fetch_tool" --url "$base_url/" --crates "$work/crates.txt" >/dev/null 2>&1 || true
requested "$work/warmup.txt"

audit_times=() fetch_times=()
for i in $(seq "$runs"); do
    require_alive "$nginx_pid" nginx "$ndir/error.log"
    t0=$EPOCHREALTIME
    # A fresh cache folder each run: cold, as the fetch below.
    status=0
    XDG_CACHE_HOME=$work/cache-$i XDG_CONFIG_HOME=$work/config QT_QPA_PLATFORM=offscreen \
        "$cratedesk" audit "$lockfile" --index "$base_url/" --json >"$work/audit-$i.json" 2>"$work/audit-$i.log" || status=$?
    t1=$EPOCHREALTIME
    [ "$status" -le 1 ] || broken+=("cratedesk audit exited with $status: $(tail -n 2 "$work/audit-$i.log")")
    audit_times+=("$(calc %.3f "$t1 - $t0")")
    requested "$work/audit-files-$i.txt"

    t0=$EPOCHREALTIME
    "$fetch_tool" --url "$base_url/" --crates "$work/crates.txt" >"$work/fetch-$i.txt" 2>"$work/fetch-$i.log" \
        || broken+=("bench-client-fetch failed: $(tail -n 2 "$work/fetch-$i.log")")
    t1=$EPOCHREALTIME
    fetch_times+=("$(calc %.3f "$t1 - $t0")")
    requested "$work/fetch-files-$i.txt"
    say "run $i: audit ${audit_times[-1]} s, fetch alone ${fetch_times[-1]} s"
done
stop_pid "$nginx_pid"

audited=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["packages"]))' "$work/audit-1.json")
[ "$audited" = "$packages" ] || broken+=("the audit listed $audited packages of $packages")
only_audit=$(comm -23 "$work/audit-files-1.txt" "$work/fetch-files-1.txt" | wc -l)
only_fetch=$(comm -13 "$work/audit-files-1.txt" "$work/fetch-files-1.txt" | wc -l)
m_audit=$(median "${audit_times[@]}")
m_fetch=$(median "${fetch_times[@]}")
ratio=$(calc %.2f "$m_audit / $m_fetch")
goal=$(awk "BEGIN { print ($ratio <= 1.2) ? \"met\" : \"MISSED\" }")

echo
echo "== audit: $lockfile_name's Cargo.lock ($packages packages, $files crates from a registry), nginx $nginx_version on 127.0.0.1, $runs runs =="
printf '%-40s %9s  %s\n' "what" "median s" "runs"
printf '%-40s %9s  %s\n' "cratedesk audit --json (whole process)" "$m_audit" "${audit_times[*]}"
printf '%-40s %9s  %s\n' "bench-client-fetch, same crates" "$m_fetch" "${fetch_times[*]}"
echo
echo "== audit summary =="
echo "setup: $(nproc) cores (load average at start $load_start), cold caches, whole processes, median of $runs"
echo "files: the audit asked for $(wc -l <"$work/audit-files-1.txt") index files, the fetch alone $(wc -l <"$work/fetch-files-1.txt"); only in the audit: $only_audit, only in the fetch: $only_fetch"
echo "audit $m_audit s against fetching alone $m_fetch s -> ${ratio}x (goal <= 1.2: $goal)"
if [ ${#broken[@]} -gt 0 ]; then
    printf 'broken: %s\n' "${broken[@]}"
    exit 1
fi

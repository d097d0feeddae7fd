#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Our registry client against cargo, fetching the index files of a real lockfile from the same
# static sparse index (the real crates.io subset in ../shared/data) served by Debian's nginx on
# 127.0.0.1, in the same run:
#   1. our client, cold: bench-client-fetch (RegistryClient + HttpClient + IndexCache) asks for
#      every crate of the lockfile's fetch set at once, with an empty index cache;
#   2. our client, warm: the same again with that cache, so every file is revalidated (304);
#   3. cargo, cold: `cargo update --workspace` on the lockfile's workspace with an empty
#      CARGO_HOME whose crates-io is replaced by the local sparse index (and once more with the
#      same CARGO_HOME, warm, for reference).
# Each is repeated CLIENT_BENCH_RUNS times (3), interleaved; the medians are reported.
# Goals: ours/cargo cold <= 1.0, our warm/cold <= 0.5. It measures and prints; it fails only
# when something is broken (a failed fetch, a server that dies). About 1 minute on 2 cores.
#
#   tests/benchmarks/bench-client.sh BUILD_DIR
#
# Needs BUILD_DIR/tests/benchmarks/bench-client-fetch, and nginx, cargo, zstd and python3 (all
# in the Debian 13 build root); nginx runs as root in the foreground from a temporary prefix.
# Skips (exit 0) when the shared data is missing. Knobs (environment): CLIENT_BENCH_DATA
# (../shared/data next to the checkout, else /work/shared/data), CLIENT_BENCH_LOCKFILE
# (rustup), CLIENT_BENCH_RUNS (3), CLIENT_BENCH_TMP (/dev/shm, else TMPDIR), CLIENT_BENCH_HTTPS
# (1: nginx serves https with HTTP/2, the certificate of tests/fixtures/tls, which both clients
# are told to trust; as registries on the network are served).
set -euo pipefail

build=$(cd "${1:?usage: bench-client.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fetch_tool=$build/tests/benchmarks/bench-client-fetch
lockfile_name=${CLIENT_BENCH_LOCKFILE:-rustup}
runs=${CLIENT_BENCH_RUNS:-3}

say() { printf 'bench-client: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

data=${CLIENT_BENCH_DATA:-}
if [ -z "$data" ]; then
    for candidate in "$here/../../../shared/data" /work/shared/data; do
        [ -d "$candidate" ] && { data=$(cd "$candidate" && pwd); break; }
    done
fi
archive=$data/crates-io-index-subset.tar.zst
lockdir=$data/lockfiles/$lockfile_name
if [ -z "$data" ] || [ ! -f "$archive" ] || [ ! -f "$lockdir/fetch-set.txt" ]; then
    say "skipped: the shared registry data (../shared/data with crates-io-index-subset.tar.zst and lockfiles/$lockfile_name) is not there"
    exit 0
fi

PATH=$PATH:/usr/sbin:/sbin
for tool in nginx cargo zstd tar python3; do
    command -v "$tool" >/dev/null || die "$tool is missing (it is in the build root: packaging/buildroot.sh run ...)"
done
[ -x "$fetch_tool" ] || die "$fetch_tool is missing; build the target bench-client-fetch"
[ "$(id -u)" = 0 ] || die "nginx is started as root; run this as root (the build root does)"

# shellcheck source=tests/benchmarks/benchlib.sh
source "$(dirname "${BASH_SOURCE[0]}")/benchlib.sh"
bench_workdir bench-client "$(bench_tmp_base "${CLIENT_BENCH_TMP:-}")"




fs_type=$(stat -f -c %T "$work")
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
fetch_set=$lockdir/fetch-set.txt
files=$(grep -c . "$fetch_set")
say "work folder $work ($fs_type), $(nproc) cores, lockfile $lockfile_name ($files index files)"

# ---- The index, served by nginx ---------------------------------------------------------------
serve_index_subset "$archive" "${CLIENT_BENCH_HTTPS:-0}" "$here/../fixtures/tls"
missing=0
while read -r path; do
    [ -f "$work/index/$path" ] || missing=$((missing + 1))
done <"$fetch_set"
[ "$missing" = 0 ] || die "$missing files of $fetch_set are not in the index"

# Status codes of the requests logged since the last call (the access log's 9th field), into VAR.
log_mark=0
statuses() { # VAR
    local total
    total=$(wc -l <"$ndir/access.log")
    printf -v "$1" '%s' "$(tail -n +"$((log_mark + 1))" "$ndir/access.log" | head -n "$((total - log_mark))" \
        | awk '{ p = $8; sub(/"$/, "", p); n[$9 " " p]++ } END { for (s in n) printf "%s x%d ", s, n[s] }')"
    log_mark=$total
}

# Page cache and TCP warm-up, so the first measured run does not pay for it alone.
"$fetch_tool" --url "$base_url/" --crates "$fetch_set" "${fetch_tls[@]}" >/dev/null 2>&1 || true
statuses warmup_status

# ---- The workspace for cargo --------------------------------------------------------------------
manifests=$lockdir/manifests
[ -d "$manifests" ] || manifests=$lockdir
prepare_workspace() { # DIR
    mkdir -p "$1"
    cp -r "$manifests/." "$1/"
    cp "$lockdir/Cargo.lock" "$1/Cargo.lock"
    python3 "$data/tools/stub_targets.py" "$1"
}
prepare_cargo_home() { # DIR
    mkdir -p "$1"
    cat >"$1/config.toml" <<EOF
[source.crates-io]
replace-with = "mirror"

[source.mirror]
registry = "sparse+$base_url/"

[net]
retry = 0
EOF
}
cargo_version=$(cargo --version | cut -d' ' -f2)

# ---- The measurements ---------------------------------------------------------------------------
ours_cold=() ours_warm=() cargo_cold=() cargo_warm=()
ours_cold_status="" ours_warm_status="" cargo_cold_status="" cargo_warm_status=""
warm_from_cache=n/a warm_stale=n/a warm_parsed_earlier=n/a
run_ours() { # LABEL OUT ARGS...
    local label=$1 out=$2
    shift 2
    if ! "$fetch_tool" --url "$base_url/" --crates "$fetch_set" "${fetch_tls[@]}" "$@" >"$out" 2>"$out.log"; then
        tail -n 5 "$out.log" >&2
        broken+=("our client ($label) failed: $(val "$out" failures) failures")
    fi
    [ "$(val "$out" ok)" = "$files" ] || broken+=("our client ($label) fetched $(val "$out" ok) of $files files")
}
run_cargo() { # LABEL HOME WORKSPACE -> seconds on stdout
    local t0 t1
    t0=$EPOCHREALTIME
    if ! (cd "$3" && CARGO_HOME=$2 cargo update --workspace --quiet >"$3/cargo-$1.log" 2>&1); then
        tail -n 10 "$3/cargo-$1.log" >&2
        broken+=("cargo ($1) failed")
    fi
    t1=$EPOCHREALTIME
    calc %.3f "$t1 - $t0"
}

for i in $(seq "$runs"); do
    require_alive "$nginx_pid" nginx "$ndir/error.log"
    cache=$work/cache-$i.sqlite

    run_ours cold "$work/ours-cold-$i.txt" --cache "$cache"
    ours_cold+=("$(val "$work/ours-cold-$i.txt" seconds)")
    statuses ours_cold_status

    # The first warm run also checks, untimed, that what the kept parsed form delivered equals
    # a fresh parse of every file.
    check=()
    [ "$i" = 1 ] && check=(--check-entries)
    run_ours warm "$work/ours-warm-$i.txt" --cache "$cache" "${check[@]}"
    ours_warm+=("$(val "$work/ours-warm-$i.txt" seconds)")
    statuses ours_warm_status
    warm_from_cache=$(val "$work/ours-warm-$i.txt" from_cache)
    warm_stale=$(val "$work/ours-warm-$i.txt" stale)
    [ "$warm_from_cache" = "$files" ] && [ "$warm_stale" = 0 ] \
        || broken+=("warm run $i: $warm_from_cache of $files from the cache, $warm_stale stale (expected all 304)")
    [ "$(val "$work/ours-warm-$i.txt" entries)" = "$(val "$work/ours-cold-$i.txt" entries)" ] \
        || broken+=("warm run $i delivered $(val "$work/ours-warm-$i.txt" entries) versions, cold $(val "$work/ours-cold-$i.txt" entries)")
    warm_parsed_earlier=$(val "$work/ours-warm-$i.txt" parsed_earlier)
    if [ "$i" = 1 ]; then
        [ "$(val "$work/ours-warm-1.txt" mismatches)" = 0 ] || broken+=("warm run 1: $(val "$work/ours-warm-1.txt" mismatches) files delivered entries unlike a fresh parse")
    fi

    ws=$work/ws-$i
    home=$work/cargo-home-$i
    prepare_workspace "$ws"
    prepare_cargo_home "$home"
    cargo_cold+=("$(run_cargo cold "$home" "$ws")")
    statuses cargo_cold_status
    cargo_warm+=("$(run_cargo warm "$home" "$ws")")
    statuses cargo_warm_status
    cmp -s "$ws/Cargo.lock" "$lockdir/Cargo.lock" || say "note: cargo changed Cargo.lock in run $i"

    say "run $i: ours cold ${ours_cold[-1]} s, warm ${ours_warm[-1]} s ($warm_from_cache from cache); cargo cold ${cargo_cold[-1]} s, warm ${cargo_warm[-1]} s"
done
require_alive "$nginx_pid" nginx "$ndir/error.log"
stop_pid "$nginx_pid"

# ---- Report -------------------------------------------------------------------------------------
m_ours_cold=$(median "${ours_cold[@]}")
m_ours_warm=$(median "${ours_warm[@]}")
m_cargo_cold=$(median "${cargo_cold[@]}")
m_cargo_warm=$(median "${cargo_warm[@]}")
ratio_cold=$(calc %.2f "$m_ours_cold / $m_cargo_cold")
ratio_warm=$(calc %.2f "$m_ours_warm / $m_ours_cold")
ratio_cargo_warm=$(calc %.2f "$m_cargo_warm / $m_cargo_cold")
goal() { awk "BEGIN { print ($1) ? \"met\" : \"MISSED\" }"; }
g_cold=$(goal "$ratio_cold <= 1.0")
g_warm=$(goal "$ratio_warm <= 0.5")
concurrency=$(val "$work/ours-cold-1.txt" max_concurrent)
mib=$(calc %.1f "$(val "$work/ours-cold-1.txt" bytes) / 1048576")

row() { printf '%-34s %9s %-24s %s\n' "$@"; }
echo
echo "== client: index files of $lockfile_name's Cargo.lock ($files files, $mib MiB), nginx $nginx_version on 127.0.0.1, $runs runs, $(nproc) cores =="
row "" "median s" "runs s" "requests (last run)"
row "ours cold (HttpClient max $concurrency)" "$m_ours_cold" "${ours_cold[*]}" "$ours_cold_status"
row "ours warm (same cache)" "$m_ours_warm" "${ours_warm[*]}" "$ours_warm_status"
row "cargo $cargo_version cold" "$m_cargo_cold" "${cargo_cold[*]}" "$cargo_cold_status"
row "cargo $cargo_version warm" "$m_cargo_warm" "${cargo_warm[*]}" "$cargo_warm_status"
echo
echo "== client summary =="
protocol="http (HTTP/1.1)"
[ "${CLIENT_BENCH_HTTPS:-0}" = 1 ] && protocol="https (HTTP/2 offered)"
echo "setup: $(nproc) cores (load average at start $load_start), nginx $nginx_version (1 worker, ETag, $protocol), index on $fs_type, cargo $cargo_version, median of $runs"
echo "files fetched: $files index files of $lockfile_name's Cargo.lock (+ config.json)"
echo "cold: ours $m_ours_cold s, cargo $m_cargo_cold s (cargo update --workspace) -> ours/cargo ${ratio_cold}x (goal <= 1.0: $g_cold)"
echo "warm: ours $m_ours_warm s, $warm_from_cache of $files fromCache (304), $warm_stale stale, $warm_parsed_earlier from the kept parsed form -> warm/cold ${ratio_warm}x (goal <= 0.5: $g_warm); cargo warm $m_cargo_warm s (${ratio_cargo_warm}x of its cold)"
echo "peak RSS of our client (run 1): cold $(val "$work/ours-cold-1.txt" peak_rss_kib) KiB, warm $(val "$work/ours-warm-1.txt" peak_rss_kib) KiB"
echo "entries: $(val "$work/ours-cold-1.txt" entries) versions each run; warm run 1 checked $(val "$work/ours-warm-1.txt" checked) files against a fresh parse: $(val "$work/ours-warm-1.txt" mismatches) differ"

if [ ${#broken[@]} -gt 0 ]; then
    say "BROKEN:"
    for b in "${broken[@]}"; do say "  $b"; done
    exit 1
fi

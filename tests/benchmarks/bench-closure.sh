#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The client benchmark as a user waits for it: whole processes, cold caches, both sides starting
# from the same manifests and discovering what to fetch as they resolve.
#   ours:  `cratedesk closure TARGET --index URL` with empty XDG folders (no index cache);
#   cargo: `cargo generate-lockfile` with an empty CARGO_HOME whose crates-io is replaced by the
#          same index.
# Targets: one crate (a workspace whose manifest has the one dependency `NAME = "REQ"`, and
# `cratedesk closure NAME@REQ`), and the real workspaces of ../shared/data/lockfiles (their
# manifests, with empty targets so that cargo loads them, and `cratedesk closure Cargo.toml`).
# The index is the real crates.io subset of ../shared/data served by Debian's nginx on 127.0.0.1,
# over plain http, and for the one-crate target also over https with HTTP/2.
# Runs are interleaved, the first side alternating; medians are reported. nginx's access log
# tells which index files each side fetched, and the summary reports where the two sets differ.
# Goal: ours <= 0.5x cargo's wall time. Measures and prints; fails only when something breaks.
#
#   tests/benchmarks/bench-closure.sh BUILD_DIR
#
# Skips (exit 0, "skipped" in its summary) when the shared data is missing. Knobs (environment):
# CLOSURE_BENCH_DATA (../shared/data next to the checkout, else /work/shared/data),
# CLOSURE_BENCH_ROOT (cargo@=0.90.0), CLOSURE_BENCH_WORKSPACES (ripgrep rustup cargo
# bench-workspaces/cargo bench-workspaces/substrate; rust, gecko-dev, tikv, diem and servo
# have git dependencies that cargo cannot resolve offline), CLOSURE_BENCH_RUNS (5),
# CLOSURE_BENCH_TMP, CLOSURE_BENCH_HTTPS (1: the one-crate target once more over https).
set -euo pipefail

build=$(cd "${1:?usage: bench-closure.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cratedesk=$build/app/cratedesk
root=${CLOSURE_BENCH_ROOT:-cargo@=0.90.0}
workspaces=${CLOSURE_BENCH_WORKSPACES-ripgrep rustup cargo bench-workspaces/cargo bench-workspaces/substrate}
runs=${CLOSURE_BENCH_RUNS:-5}
root_name=${root%%@*}
root_req=${root#*@}
[ "$root_req" != "$root" ] || root_req='*'

say() { printf 'bench-closure: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

data=${CLOSURE_BENCH_DATA:-}
if [ -z "$data" ]; then
    for candidate in "$here/../../../shared/data" /work/shared/data; do
        [ -d "$candidate" ] && { data=$(cd "$candidate" && pwd); break; }
    done
fi
archive=${data:+$data/crates-io-index-subset.tar.zst}
if [ -z "$archive" ] || [ ! -f "$archive" ]; then
    echo "== closure summary =="
    echo "skipped: the shared registry data (../shared/data/crates-io-index-subset.tar.zst) is not there"
    exit 0
fi

PATH=$PATH:/usr/sbin:/sbin
for tool in nginx cargo zstd tar python3; do
    command -v "$tool" >/dev/null || die "$tool is missing (it is in the build root: packaging/buildroot.sh run ...)"
done
[ -x "$cratedesk" ] || die "$cratedesk is missing"
[ "$(id -u)" = 0 ] || die "nginx is started as root; run this as root (the build root does)"

# shellcheck source=tests/benchmarks/benchlib.sh
source "$here/benchlib.sh"
bench_workdir bench-closure "$(bench_tmp_base "${CLOSURE_BENCH_TMP:-}")"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
serve_index_subset "$archive" 0 "$here/../fixtures/tls"

# The index files (paths) answered since the last call, one per line, into FILE.
log_mark=0
fetched_since_mark() { # FILE
    local total
    total=$(wc -l <"$ndir/access.log")
    tail -n +"$((log_mark + 1))" "$ndir/access.log" | head -n "$((total - log_mark))" \
        | awk '$9 == 200 || $9 == 304 { p = $7; sub(/^\//, "", p); if (p != "config.json") print p }' | sort -u >"$1"
    log_mark=$total
}

cargo_version=$(cargo --version | cut -d' ' -f2)
list() { # NAMES: at most 12 crate names on one line
    if [ -z "$1" ]; then echo "none"; return; fi
    local n
    n=$(echo "$1" | grep -c .)
    echo "$1" | sed 's|.*/||' | head -n 12 | tr '\n' ' '
    [ "$n" -le 12 ] || echo -n "... and $((n - 12)) more"
    echo
}

# Each run sets $elapsed (seconds) in this shell, so that what it adds to $broken is kept.
run_ours() { # LABEL RUN TARGET
    local home=$work/ours-$1-$2 t0 t1 status=0
    mkdir -p "$home"/{config,data,cache,runtime}
    chmod 700 "$home/runtime"
    t0=$EPOCHREALTIME
    XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data XDG_CACHE_HOME=$home/cache XDG_RUNTIME_DIR=$home/runtime \
        "$cratedesk" closure "$3" --index "sparse+$base_url/" >"$home/out.txt" 2>"$home/err.txt" || status=$?
    t1=$EPOCHREALTIME
    # 1 is a closure with problems (reported below); anything else, or no graph, is breakage.
    if [ "$status" -gt 1 ] || [ ! -s "$home/out.txt" ]; then
        tail -n 5 "$home/err.txt" >&2
        broken+=("our closure of $1 (run $2) exited with $status")
    fi
    problems=$(grep -c '^cratedesk: ' "$home/err.txt" || true)
    elapsed=$(calc %.3f "$t1 - $t0")
}

run_cargo() { # LABEL RUN WORKSPACE
    local home=$work/cargo-home-$1-$2 t0 t1
    mkdir -p "$home"
    printf '[source.crates-io]\nreplace-with = "mirror"\n\n[source.mirror]\nregistry = "sparse+%s/"\n\n[net]\nretry = 0\n' \
        "$base_url" >"$home/config.toml"
    rm -f "$3/Cargo.lock"
    t0=$EPOCHREALTIME
    if ! (cd "$3" && CARGO_HOME=$home cargo generate-lockfile --quiet >"$home/log.txt" 2>&1); then
        tail -n 10 "$home/log.txt" >&2
        broken+=("cargo generate-lockfile of $1 (run $2) failed")
    fi
    t1=$EPOCHREALTIME
    elapsed=$(calc %.3f "$t1 - $t0")
}

# Interleaved runs of both sides over one target; appends its lines to $summary.
summary=()
compare() { # LABEL OUR_TARGET CARGO_WORKSPACE
    local label=${1//[\/ ()]/-} ours=() cargos=() order who i
    # Page cache and TCP warm-up, untimed and left out of the comparison.
    run_cargo "$label" warmup "$3"
    fetched_since_mark "$work/warmup.txt"
    for i in $(seq "$runs"); do
        require_alive "$nginx_pid" nginx "$ndir/error.log"
        if [ $((i % 2)) = 1 ]; then order="ours cargo"; else order="cargo ours"; fi
        for who in $order; do
            if [ "$who" = ours ]; then
                run_ours "$label" "$i" "$2"
                ours+=("$elapsed")
                fetched_since_mark "$work/ours-files-$label-$i.txt"
            else
                run_cargo "$label" "$i" "$3"
                cargos+=("$elapsed")
                fetched_since_mark "$work/cargo-files-$label-$i.txt"
            fi
        done
        say "$label run $i: ours ${ours[-1]} s, cargo ${cargos[-1]} s"
    done
    local m_ours m_cargo ratio goal ours_set=$work/ours-files-$label-1.txt cargo_set=$work/cargo-files-$label-1.txt
    m_ours=$(median "${ours[@]}")
    m_cargo=$(median "${cargos[@]}")
    ratio=$(calc %.2f "$m_ours / $m_cargo")
    goal=$(awk "BEGIN { print ($ratio <= 0.5) ? \"met\" : \"MISSED\" }")
    summary+=("$(printf '%-28s ours %6s s  cargo %6s s  ours/cargo %sx (goal <= 0.5: %s)' "$1" "$m_ours" "$m_cargo" "$ratio" "$goal")")
    summary+=("    runs: ours ${ours[*]} | cargo ${cargos[*]}; our closure reported $problems problems")
    summary+=("    index files (run 1): ours $(grep -c . "$ours_set" || true), cargo $(grep -c . "$cargo_set" || true), both $(comm -12 "$ours_set" "$cargo_set" | grep -c . || true)")
    summary+=("    only ours:  $(list "$(comm -23 "$ours_set" "$cargo_set")")")
    summary+=("    only cargo: $(list "$(comm -13 "$ours_set" "$cargo_set")")")
}

# The one-crate target: a workspace with the one dependency, for cargo.
ws=$work/workspace-crate
mkdir -p "$ws/src"
: >"$ws/src/lib.rs"
printf '[package]\nname = "bench-closure-root"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\n%s = "%s"\n' \
    "$root_name" "$root_req" >"$ws/Cargo.toml"
compare "$root_name@$root_req" "$root_name@$root_req" "$ws"

# The real workspaces: both sides read the same copy of the manifests.
for lockfile in $workspaces; do
    from=$data/lockfiles/$lockfile
    [ -d "$from/manifests" ] && from=$from/manifests
    [ -f "$from/Cargo.toml" ] || { summary+=("$lockfile: skipped, $from/Cargo.toml is not there"); continue; }
    ws=$work/workspace-${lockfile//\//-}
    cp -r "$from" "$ws"
    chmod -R u+w "$ws"
    rm -f "$ws/Cargo.lock"
    python3 "$data/tools/stub_targets.py" "$ws"
    compare "$lockfile" "$ws/Cargo.toml" "$ws"
done
require_alive "$nginx_pid" nginx "$ndir/error.log"
stop_pid "$nginx_pid"

# The one-crate target again over https and HTTP/2, as registries are reached in practice. Both
# sides trust the test certificate through CARGO_HTTP_CAINFO (set by serve_index_subset): cargo's
# variable, which cratedesk reads as well.
if [ "${CLOSURE_BENCH_HTTPS:-1}" = 1 ]; then
    serve_index_subset "$archive" 1 "$here/../fixtures/tls"
    compare "$root_name@$root_req (https)" "$root_name@$root_req" "$work/workspace-crate"
    require_alive "$nginx_pid" nginx "$ndir/error.log"
    stop_pid "$nginx_pid"
fi

echo
echo "== closure summary =="
echo "setup: $(nproc) cores (load average at start $load_start, at end $(cut -d' ' -f1-3 /proc/loadavg)), nginx $nginx_version (1 worker), cargo $cargo_version, cold caches, whole processes, median of $runs"
printf '%s\n' "${summary[@]}"

if [ ${#broken[@]} -gt 0 ]; then
    say "BROKEN:"
    for b in "${broken[@]}"; do say "  $b"; done
    exit 1
fi

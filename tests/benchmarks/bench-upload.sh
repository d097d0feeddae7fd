#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Publishing throughput: a 10 MB crate uploaded by CrateDesk's client (RegistryClient::publish,
# the framed PUT alone) against curl PUTting the same framed body to the same `cratedesk serve`,
# in the same run, interleaved with the order rotating. Two more sides say where the time goes:
# the same PUT with a bare QNetworkAccessManager, asynchronously (as every Qt app uploads: the
# body goes from the caller's thread to QNAM's HTTP thread in chunks, one queued signal each way
# per chunk) and synchronously (SynchronousRequestAttribute: the HTTP work runs in the caller's
# thread and reads the body directly; blocking, so not for an app). Each upload is a new
# version, so the feed stores every one. Goal: ours >= 0.9x curl's throughput. Measures and
# prints; fails only when something breaks.
#
#   tests/benchmarks/bench-upload.sh BUILD_DIR
#
# Knobs (environment): UPLOAD_BENCH_RUNS (9), UPLOAD_BENCH_MB (10), UPLOAD_BENCH_TMP.
set -euo pipefail

build=$(cd "${1:?usage: bench-upload.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tool=$build/tests/benchmarks/bench-publish-upload
cratedesk=$build/app/cratedesk
runs=${UPLOAD_BENCH_RUNS:-9}
megabytes=${UPLOAD_BENCH_MB:-10}

say() { printf 'bench-upload: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
# shellcheck source=benchlib.sh
. "$here/benchlib.sh"

for tool_name in curl tar gzip python3; do
    command -v "$tool_name" >/dev/null || die "$tool_name is missing"
done
[ -x "$tool" ] || die "$tool is missing; build the target bench-publish-upload"
[ -x "$cratedesk" ] || die "$cratedesk is missing"

bench_workdir bench-upload "$(bench_tmp_base "${UPLOAD_BENCH_TMP:-}")"

port=$(free_port)
"$cratedesk" serve --data "$work/feed" --port "$port" --max-crate-size $((64 << 20)) > "$work/serve.out" 2> "$work/serve.log" &
serve_pid=$!
started[$serve_pid]=1
wait_port "$port" "$serve_pid" || { tail -n 20 "$work/serve.log" >&2; die "cratedesk serve did not start"; }
index=http://127.0.0.1:$port/
token=$("$cratedesk" feed token create --data "$work/feed" --login bench 2>>"$work/serve.log")

# Crates of incompressible data, one version per upload.
make_crate() { # VERSION
    local top=bench-upload-$1 dir=$work/src
    mkdir -p "$dir/$top/src"
    printf '[package]\nname = "bench-upload"\nversion = "%s"\nedition = "2021"\nlicense = "MIT"\ndescription = "upload benchmark"\n' "$1" > "$dir/$top/Cargo.toml"
    echo 'pub fn f() {}' > "$dir/$top/src/lib.rs"
    head -c $((megabytes * 1000 * 1000)) /dev/urandom > "$dir/$top/data.bin"
    tar -C "$dir" --format=ustar --owner=0 --group=0 -cf - "$top" | gzip -1 > "$work/$top.crate"
    rm -rf "${dir:?}/$top"
}

say "$runs uploads each of a $megabytes MB crate to $index"
sides=(curl ours qnam-async qnam-sync)
declare -A times
for i in $(seq 1 "$runs"); do
    for k in 0 1 2 3; do
        make_crate "$k.$i.0"
        "$tool" frame "$index" "$work/bench-upload-$k.$i.0.crate" "$work/body-$k" || die "cannot frame the crate"
    done
    # Rotate who goes first, so that no side always meets a warmer server.
    for n in 0 1 2 3; do
        k=$(((n + i) % 4))
        who=${sides[$k]}
        case $who in
        curl)
            result=$(curl -sS -o "$work/curl.out" -w '%{http_code} %{time_total}' -X PUT --data-binary "@$work/body-$k" \
                     -H "Authorization: $token" -H 'Accept: application/json' "${index}api/v1/crates/new")
            [ "${result%% *}" = 200 ] || die "curl upload answered ${result%% *}: $(cat "$work/curl.out")"
            ms=$(calc '%.2f' "${result#* } * 1000");;
        ours)
            "$tool" upload "$index" "$token" "$work/bench-upload-$k.$i.0.crate" > "$work/ours.out" || die "our upload failed"
            ms=$(val "$work/ours.out" upload_ms);;
        qnam-async)
            "$tool" qnam "$index" "$token" "$work/body-$k" > "$work/qnam.out" || die "the QNAM upload failed"
            ms=$(val "$work/qnam.out" upload_ms);;
        qnam-sync)
            "$tool" qnam "$index" "$token" "$work/body-$k" sync > "$work/qnam.out" || die "the synchronous QNAM upload failed"
            ms=$(val "$work/qnam.out" upload_ms);;
        esac
        times[$who]="${times[$who]:-} $ms"
    done
    require_alive "$serve_pid" "cratedesk serve" "$work/serve.log"
    rm -f "$work"/body-* "$work"/bench-upload-*.crate
done
bytes=$(val "$work/ours.out" bytes)
# shellcheck disable=SC2086 # the runs are words
curl_ms=$(median ${times[curl]})
printf 'upload of a %s MB crate (%s bytes framed), median of %s, same cratedesk serve (load average %s):\n' \
    "$megabytes" "$bytes" "$runs" "$(cut -d' ' -f1-3 /proc/loadavg)"
for who in "${sides[@]}"; do
    # shellcheck disable=SC2086
    ms=$(median ${times[$who]})
    printf '  %-34s %8.1f ms  %7.1f MB/s  %5.2fx curl   (runs:%s)\n' "$(case $who in
        curl) echo "curl PUT";; ours) echo "cratedesk client (RegistryClient)";;
        qnam-async) echo "bare QNAM, asynchronous";; qnam-sync) echo "bare QNAM, synchronous";; esac)" \
        "$ms" "$(calc '%.1f' "$bytes / $ms / 1000")" "$(calc '%.4f' "$curl_ms / $ms")" "${times[$who]}"
done
printf '  ours/curl throughput: %.2fx (goal >= 0.9x)\n' "$(calc '%.4f' "$curl_ms / $(median ${times[ours]})")"

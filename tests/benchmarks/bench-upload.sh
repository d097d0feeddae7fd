#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Publishing throughput: a 10 MB crate uploaded by CrateDesk's client (RegistryClient::publish,
# the framed PUT alone) against curl PUTting the same framed body to the same `cratedesk serve`,
# in the same run, interleaved. Each upload is a new version, so the feed stores every one.
# Goal: ours >= 0.8x curl's throughput. Measures and prints; fails only when something breaks.
#
#   tests/benchmarks/bench-upload.sh BUILD_DIR
#
# Knobs (environment): UPLOAD_BENCH_RUNS (5), UPLOAD_BENCH_MB (10), UPLOAD_BENCH_TMP.
set -euo pipefail

build=$(cd "${1:?usage: bench-upload.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tool=$build/tests/benchmarks/bench-publish-upload
cratedesk=$build/app/cratedesk
runs=${UPLOAD_BENCH_RUNS:-5}
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
ours=() curls=()
for i in $(seq 1 "$runs"); do
    make_crate "0.$i.0"
    make_crate "1.$i.0"
    "$tool" frame "$index" "$work/bench-upload-0.$i.0.crate" "$work/body-$i" || die "cannot frame the crate"
    # Alternate who goes first, so that neither always meets a warmer server.
    if [ $((i % 2)) = 1 ]; then order="curl ours"; else order="ours curl"; fi
    for who in $order; do
        if [ "$who" = curl ]; then
            result=$(curl -sS -o "$work/curl.out" -w '%{http_code} %{time_total}' -X PUT --data-binary "@$work/body-$i" \
                     -H "Authorization: $token" -H 'Accept: application/json' "${index}api/v1/crates/new")
            [ "${result%% *}" = 200 ] || die "curl upload answered ${result%% *}: $(cat "$work/curl.out")"
            curls+=("$(calc '%.2f' "${result#* } * 1000")")
        else
            "$tool" upload "$index" "$token" "$work/bench-upload-1.$i.0.crate" > "$work/ours.out" || die "our upload failed"
            ours+=("$(val "$work/ours.out" upload_ms)")
        fi
    done
    require_alive "$serve_pid" "cratedesk serve" "$work/serve.log"
    rm -f "$work/body-$i" "$work"/bench-upload-*.crate
done
bytes=$(val "$work/ours.out" bytes)
ours_ms=$(median "${ours[@]}")
curl_ms=$(median "${curls[@]}")
printf 'upload of a %s MB crate (%s bytes framed), median of %s, same cratedesk serve:\n' "$megabytes" "$bytes" "$runs"
printf '  cratedesk client  %8.1f ms  %7.1f MB/s   (runs: %s)\n' "$ours_ms" "$(calc '%.1f' "$bytes / $ours_ms / 1000")" "${ours[*]}"
printf '  curl PUT          %8.1f ms  %7.1f MB/s   (runs: %s)\n' "$curl_ms" "$(calc '%.1f' "$bytes / $curl_ms / 1000")" "${curls[*]}"
printf '  ours/curl throughput: %.2fx (goal >= 0.8x)\n' "$(calc '%.4f' "$curl_ms / $ours_ms")"

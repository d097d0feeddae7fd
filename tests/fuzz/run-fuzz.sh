#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets with clang (address + undefined sanitizers) in their own build
# tree and runs each for RUNS iterations (default 1,000,000), seeded from the real-crates
# fixture and tests/fuzz/seeds. Not part of the unit tests. See tests/fuzz/README.md.
#
#   packaging/buildroot.sh run tests/fuzz/run-fuzz.sh [RUNS] [TARGET...]
#
# TARGET: cratearchive, cargomanifest, indexfile, publishbody, registryconfig, webapijson,
# cargoconfig, spdxexpression, versionreq, cargolock (default all, one after the other). Environment:
# CRATEDESK_FUZZ_BUILD (build tree, default build/fuzz), CRATEDESK_REAL_CRATES_DIR (the
# fixture; default the build root's cache), FUZZ_SECONDS (a time limit per target, default
# none), FUZZ_ARGS (more libFuzzer options). Exits non-zero when a target finds a problem; the
# input that triggered it is saved in BUILD/fuzz-artifacts/.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
checkout=$(cd "$here/../.." && pwd)
say() { printf 'run-fuzz: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# Outside the build root (no clang with libFuzzer here): run again inside it.
if ! command -v clang++ >/dev/null 2>&1 && [ -z "${CRATEDESK_FUZZ_IN_ROOT:-}" ]; then
    export CRATEDESK_FUZZ_IN_ROOT=1
    exec "$checkout/packaging/buildroot.sh" run "$here/run-fuzz.sh" "$@"
fi
command -v clang++ >/dev/null 2>&1 || die "clang++ is missing"

runs=${1:-1000000}
shift || true
case $runs in '' | *[!0-9]*) die "RUNS must be a number, not '$runs'" ;; esac
targets=("$@")
all_targets=(cratearchive cargomanifest indexfile publishbody registryconfig webapijson cargoconfig spdxexpression versionreq cargolock)
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
    case " ${all_targets[*]} " in *" $target "*) ;; *) die "unknown target '$target'" ;; esac
done

build=${CRATEDESK_FUZZ_BUILD:-$checkout/build/fuzz}
case $build in /*) ;; *) build=$checkout/$build ;; esac
real_crates=${CRATEDESK_REAL_CRATES_DIR:-${CRATEDESK_CACHE_DIR:-/var/cache/cratedesk-persistent}/real-crates}

say "building in $build"
# Debug keeps Qt's own Q_ASSERTs (bounds of QList::at and friends) on; -O1 keeps it fast.
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
    -DCMAKE_CXX_COMPILER=clang++ -DCRATEDESK_FUZZ=ON -DCRATEDESK_WERROR=ON >/dev/null
cmake --build "$build" --target $(printf 'fuzz_%s ' "${targets[@]}")

# Seed corpora: small real crates as they are (first byte 0) and their tar streams (first byte
# 1, gzip'd again by the target), hand-made archives of every tar format GNU tar writes, and
# the real manifests.
seeds=$build/fuzz-seeds
rm -rf "$seeds"
for target in "${all_targets[@]}"; do mkdir -p "$seeds/$target"; done
# publishbody: a crate with the metadata cargo would send for it, framed here (first byte 1).
publish_seed() { # NAME VERSION CRATE-FILE OUT
    { printf '\1{"name":"%s","vers":"%s","deps":[{"name":"serde","version_req":"^1.0","features":["derive"],"optional":true,"default_features":true,"target":null,"kind":"normal"}],"features":{"default":["std"],"std":[],"serde":["dep:serde"]},"authors":["A <a@example.org>"],"description":"seed","documentation":null,"homepage":null,"readme":null,"readme_file":null,"keywords":["a"],"categories":[],"license":"MIT OR Apache-2.0","license_file":null,"repository":null,"badges":{},"links":null,"rust_version":"1.60"}\0' "$1" "$2"
      cat "$3"; } > "$4"
}
max_seed=32768
if [ -d "$real_crates" ]; then
    for crate in "$real_crates"/*.crate; do
        [ -f "$crate" ] || continue
        base=$(basename "$crate" .crate)
        tar -xzOf "$crate" "$base/Cargo.toml" > "$seeds/cargomanifest/$base.toml" 2>/dev/null || rm -f "$seeds/cargomanifest/$base.toml"
        if [ "$(stat -c %s "$crate")" -lt $max_seed ]; then
            { printf '\0'; cat "$crate"; } > "$seeds/cratearchive/$base.gz"
            publish_seed "${base%-*}" "${base##*-}" "$crate" "$seeds/publishbody/$base.body"
        fi
        license=$( { [ -f "$seeds/cargomanifest/$base.toml" ] && sed -n 's/^license = "\(.*\)"$/\1/p' "$seeds/cargomanifest/$base.toml"; } | head -n1 || true)
        [ -z "$license" ] || printf '%s' "$license" > "$seeds/spdxexpression/$base.spdx"
        if [ "$(gzip -dc "$crate" | wc -c)" -lt $max_seed ]; then
            { printf '\1'; gzip -dc "$crate"; } > "$seeds/cratearchive/$base.tar"
        fi
    done
else
    say "no real-crates fixture at $real_crates; using the hand-made seeds only"
fi
cp "$here"/seeds/*.toml "$seeds/cargomanifest/"
cp "$here"/seeds/*.index "$seeds/indexfile/"
cp "$here"/seeds/*.lock "$seeds/cargolock/"
cp "$here"/seeds/*.cargotoml "$here"/seeds/*.toml "$seeds/cargoconfig/"
# One input per line (comment lines aside); in real.versionreq a tab parts VERSION from REQ.
split_lines() { # FILE DIR [TAB-AS-NEWLINE]
    local n=0 line
    while IFS= read -r line; do
        case $line in '#'* | '') continue ;; esac
        n=$((n + 1))
        if [ -n "${3:-}" ]; then printf '%s' "$line" | tr '\t' '\n' > "$2/line-$n"; else printf '%s' "$line" > "$2/line-$n"; fi
    done < "$1"
}
split_lines "$here/seeds/registry.json" "$seeds/registryconfig"
split_lines "$here/seeds/answers.json" "$seeds/webapijson"
split_lines "$here/seeds/licenses.spdx" "$seeds/spdxexpression"
split_lines "$here/seeds/real.versionreq" "$seeds/versionreq" tab
hand=$(mktemp -d)
trap 'rm -rf "$hand"' EXIT
mkdir -p "$hand/demo-0.1.0/src/$(printf 'd%.0s' $(seq 60))"
cp "$here/seeds/demo.toml" "$hand/demo-0.1.0/Cargo.toml"
printf '# demo\n' > "$hand/demo-0.1.0/README.md"
printf 'pub fn demo() {}\n' > "$hand/demo-0.1.0/src/lib.rs"
printf 'long\n' > "$hand/demo-0.1.0/src/$(printf 'd%.0s' $(seq 60))/$(printf 'f%.0s' $(seq 60)).rs"
for format in gnu pax ustar v7; do
    # ustar and v7 cannot store the long path; they get the short files only.
    if [ $format = gnu ] || [ $format = pax ]; then paths=(demo-0.1.0); else paths=(demo-0.1.0/Cargo.toml demo-0.1.0/README.md demo-0.1.0/src/lib.rs); fi
    tar --format=$format --owner=0 --group=0 --mtime=@1153704088 -C "$hand" -cf "$hand/demo.tar" "${paths[@]}"
    { printf '\1'; cat "$hand/demo.tar"; } > "$seeds/cratearchive/hand-$format.tar"
    { printf '\0'; gzip -n9c "$hand/demo.tar"; } > "$seeds/cratearchive/hand-$format.gz"
    [ $format != gnu ] || gzip -n9c "$hand/demo.tar" > "$hand/demo.crate" # what cargo writes
done
publish_seed demo 0.1.0 "$hand/demo.crate" "$seeds/publishbody/hand-demo.body"
# The kept corpora seed the long runs too.
for target in "${all_targets[@]}"; do
    [ -d "$here/corpus/$target" ] && cp "$here/corpus/$target"/* "$seeds/$target/" 2>/dev/null || true
done

status=0
for target in "${targets[@]}"; do
    corpus=$build/fuzz-corpus/$target
    artifacts=$build/fuzz-artifacts/$target/
    log=$build/fuzz-$target.log
    mkdir -p "$corpus" "$artifacts"
    case $target in
        cratearchive | publishbody) max_len=32768 ;;
        cargomanifest | cargoconfig | indexfile | webapijson | cargolock) max_len=16384 ;;
        *) max_len=4096 ;;
    esac
    options=(-runs="$runs" -max_len=$max_len -timeout=20 -rss_limit_mb=2048 -print_final_stats=1
             -dict="$here/$target.dict" -artifact_prefix="$artifacts")
    [ -n "${FUZZ_SECONDS:-}" ] && options+=(-max_total_time="$FUZZ_SECONDS")
    say "fuzz_$target: $runs runs (log: $log)"
    start=$(date +%s)
    # The growing corpus is kept between runs; the seeds are read each time.
    # shellcheck disable=SC2086
    if "$build/fuzz_$target" "${options[@]}" ${FUZZ_ARGS:-} "$corpus" "$seeds/$target" > "$log" 2>&1; then
        result=ok
    else
        result="FAILED (see $log and $artifacts)"
        status=1
    fi
    seconds=$(( $(date +%s) - start ))
    stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -n1; }
    last=$(grep -E '^#[0-9]+' "$log" | tail -n1 || true)
    cov=$(printf '%s\n' "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    ft=$(printf '%s\n' "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
    corp=$(printf '%s\n' "$last" | sed -n 's/.* corp: \([0-9/a-zA-Z]*\).*/\1/p')
    printf 'fuzz_%s: %s\n  runs %s in %s s, %s exec/s, coverage %s edges / %s features, corpus %s, peak RSS %s MB\n' \
        "$target" "$result" "$(stat number_of_executed_units)" "$seconds" "$(stat average_exec_per_sec)" \
        "${cov:-?}" "${ft:-?}" "${corp:-?}" "$(stat peak_rss_mb)"
done
exit $status

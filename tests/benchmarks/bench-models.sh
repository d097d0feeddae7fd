#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The item models at crates.io scale, from the real data in ../shared/data:
#   1. filter latency: CrateFilterProxyModel over every crates.io name (crates-io-names.tsv,
#      192,411 crates), realistic queries typed letter by letter and erased again; median,
#      95th percentile and max ms per keystroke (goal <= 16 ms, one frame);
#   2. versions: parse the index file of the crate with the most versions (spider_cli, 1,513)
#      and build a VersionListModel, plus what a view asks for its first screen (goal: a few
#      ms of the 100 ms budget for opening a crate);
#   3. memory: VmRSS/VmHWM of a GUI process before and after listing every crate in
#      CrateListModel + CrateFilterProxyModel (goal: far below the app's 200 MB).
# Measures and prints; fails only when something is broken. About 15 s on 2 cores.
#
#   tests/benchmarks/bench-models.sh BUILD_DIR
#
# Needs BUILD_DIR/tests/benchmarks/bench-models-run, zstd and tar. Skips (exit 0) when the
# shared data is missing. Knobs (environment): MODELS_BENCH_DATA (../shared/data next to the
# checkout, else /work/shared/data), MODELS_BENCH_CRATE (sp/id/spider_cli), MODELS_BENCH_TMP
# (/dev/shm, else TMPDIR).
set -euo pipefail

build=$(cd "${1:?usage: bench-models.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tool=$build/tests/benchmarks/bench-models-run
index_path=${MODELS_BENCH_CRATE:-sp/id/spider_cli}

say() { printf 'bench-models: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

data=${MODELS_BENCH_DATA:-}
if [ -z "$data" ]; then
    for candidate in "$here/../../../shared/data" /work/shared/data; do
        [ -d "$candidate" ] && { data=$(cd "$candidate" && pwd); break; }
    done
fi
names_archive=$data/crates-io-names.tsv.zst
index_archive=$data/crates-io-index-subset.tar.zst
if [ -z "$data" ] || [ ! -f "$names_archive" ] || [ ! -f "$index_archive" ]; then
    say "skipped: the shared registry data (../shared/data with crates-io-names.tsv.zst and crates-io-index-subset.tar.zst) is not there"
    exit 0
fi
for t in zstd tar; do
    command -v "$t" >/dev/null || die "$t is missing (it is in the build root: packaging/buildroot.sh run ...)"
done
[ -x "$tool" ] || die "$tool is missing; build the target bench-models-run"

# shellcheck source=tests/benchmarks/benchlib.sh
source "$here/benchlib.sh"
bench_workdir bench-models "$(bench_tmp_base "${MODELS_BENCH_TMP:-}")"

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
say "unpacking $(basename "$names_archive") and $index_path into $work"
zstd -q -d --long=27 -c "$names_archive" >"$work/names.tsv"
zstd -q -d --long=27 -c "$index_archive" | tar -x -C "$work" "./$index_path"
[ -f "$work/$index_path" ] || die "$index_path is not in $(basename "$index_archive")"

run() { # OUT ARGS...
    local out=$1
    shift
    if ! "$tool" "$@" >"$out" 2>"$out.log"; then
        tail -n 5 "$out.log" >&2
        broken+=("bench-models-run $1 failed")
    fi
}
run "$work/filter.txt" --filter "$work/names.tsv"
run "$work/versions.txt" --versions "$work/$index_path"
run "$work/memory.txt" --memory "$work/names.tsv"

goal() { awk "BEGIN { print ($1) ? \"met\" : \"MISSED\" }"; }
crates=$(val "$work/filter.txt" crates)
f_median=$(val "$work/filter.txt" median_ms)
f_p95=$(val "$work/filter.txt" p95_ms)
f_max=$(val "$work/filter.txt" max_ms)
v_total=$(val "$work/versions.txt" total_ms)
rss_before=$(val "$work/memory.txt" rss_before_kib)
rss_after=$(val "$work/memory.txt" rss_after_kib)
hwm_after=$(val "$work/memory.txt" hwm_after_kib)
mib() { calc %.1f "$1 / 1024"; }
share_kib=$((rss_after - rss_before))

echo
echo "== models: filter over $crates crates.io names, keystroke by keystroke (typed, then erased) =="
grep '^query ' "$work/filter.txt"
printf '%-28s %s\n' "load (pages of 1,000)" "$(val "$work/filter.txt" load_ms) ms"
printf '%-28s %s\n' "typing" "median $(val "$work/filter.txt" typing_median_ms) ms, max $(val "$work/filter.txt" typing_max_ms) ms"
printf '%-28s %s\n' "erasing" "median $(val "$work/filter.txt" erasing_median_ms) ms, max $(val "$work/filter.txt" erasing_max_ms) ms"
echo
echo "== models: versions of $(val "$work/versions.txt" crate) ($(val "$work/versions.txt" versions) versions, $(val "$work/versions.txt" file_kib) KiB index file), median of 15 =="
printf '%-28s %s\n' "parse index file" "$(val "$work/versions.txt" parse_ms) ms"
printf '%-28s %s\n' "VersionListModel::setEntries" "$(val "$work/versions.txt" model_ms) ms"
printf '%-28s %s\n' "first screen of data()" "$(val "$work/versions.txt" first_screen_ms) ms"
echo
echo "== models: memory with $(val "$work/memory.txt" crates) crates in CrateListModel + CrateFilterProxyModel =="
printf '%-28s %s\n' "VmRSS before" "$(mib "$rss_before") MiB (QGuiApplication, offscreen)"
printf '%-28s %s\n' "VmRSS after" "$(mib "$rss_after") MiB"
printf '%-28s %s\n' "VmHWM after" "$(mib "$hwm_after") MiB"
printf '%-28s %s\n' "model heap (list columns)" "$(mib "$(val "$work/memory.txt" model_heap_kib)") MiB"
echo
echo "== models summary =="
echo "setup: $(nproc) cores (load average at start $load_start), names and index from crates.io at 08a6b299"
echo "filter: $crates names, CPU time per keystroke median $(val "$work/filter.txt" cpu_median_ms) ms, p95 $(val "$work/filter.txt" cpu_p95_ms) ms, max $(val "$work/filter.txt" cpu_max_ms) ms (what an idle machine would show)"
echo "filter: $crates names, $(val "$work/filter.txt" keystrokes) keystrokes, median $f_median ms, p95 $f_p95 ms, max $f_max ms per keystroke (goal <= 16 ms: $(goal "$f_max <= 16"))"
echo "versions: CPU time $(val "$work/versions.txt" cpu_total_ms) ms for parse + model + first screen"
echo "versions: $(val "$work/versions.txt" versions) versions parsed + listed + first screen in $v_total ms (model part $(val "$work/versions.txt" model_ms) ms; goal <= 100 ms to painted: $(goal "$v_total <= 100"))"
echo "memory: $crates crates listed and searchable add $(mib "$share_kib") MiB resident (process $(mib "$rss_after") MiB, peak $(mib "$hwm_after") MiB; goal <= 200 MB for the app: $(goal "$rss_after <= 195312")); descriptions not in the data"

if [ ${#broken[@]} -gt 0 ]; then
    say "BROKEN:"
    for b in "${broken[@]}"; do say "  $b"; done
    exit 1
fi

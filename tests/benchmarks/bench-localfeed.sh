#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Benchmarks of the embedded local feed (`cratedesk serve`), all on 127.0.0.1:
#   1. index GET requests/s with wrk, against the feed and against Debian's nginx serving the
#      same index files (exported from the running feed) with 1 and with 2 workers, in the same
#      run with the same wrk settings, and the ratio feed/nginx (goal >= 0.8x of the better
#      nginx; the feed answers reads on one thread per core);
#   2. the same with If-None-Match set to each file's own ETag (the 304 path);
#   3. publish latency p50/p99 with concurrent publishers of ~100 KB .crate files
#      (goal p99 <= 50 ms);
#   4. index GET latency with 10,000 crates of 10 versions each in the feed, cold (the first
#      seconds after start) and warm, and how long filling the feed through FeedStore took.
# It measures and prints; it never fails on a goal, only when something is broken (a non-200
# answer, a wrong body, a server that dies). About 3 minutes on 2 cores.
#
#   tests/benchmarks/bench-localfeed.sh BUILD_DIR
#
# Needs BUILD_DIR/app/cratedesk and BUILD_DIR/tests/benchmarks/bench-localfeed-populate, and
# wrk, nginx and python3 (all in the Debian 13 build root). nginx runs as root in the
# foreground from a temporary prefix. Knobs (environment): LOCALFEED_BENCH_CRATES (10000),
# LOCALFEED_BENCH_VERSIONS (10), LOCALFEED_BENCH_WRK ("-t2 -c32 -d10s"),
# LOCALFEED_BENCH_PUBLISHERS (8), LOCALFEED_BENCH_PUBLISHES (50 per publisher),
# LOCALFEED_BENCH_CRATE_SIZE (102400), TMPDIR (where the feed's data lives),
# LOCALFEED_BENCH_ACCESS_LOG (1: the feed logs every request with its own handling time, which
# the report then gives too; off by default, as in normal use, because a line per request
# costs throughput).
set -euo pipefail

build=$(cd "${1:?usage: bench-localfeed.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cratedesk=$build/app/cratedesk
populate=$build/tests/benchmarks/bench-localfeed-populate
crates=${LOCALFEED_BENCH_CRATES:-10000}
versions=${LOCALFEED_BENCH_VERSIONS:-10}
wrk_args=${LOCALFEED_BENCH_WRK:--t2 -c32 -d10s}
publishers=${LOCALFEED_BENCH_PUBLISHERS:-8}
publishes=${LOCALFEED_BENCH_PUBLISHES:-50}
crate_size=${LOCALFEED_BENCH_CRATE_SIZE:-102400}

say() { printf 'bench-localfeed: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

PATH=$PATH:/usr/sbin:/sbin
for tool in wrk nginx python3; do
    command -v "$tool" >/dev/null || die "$tool is missing (it is in the build root: packaging/buildroot.sh run ...)"
done
[ -x "$cratedesk" ] || die "$cratedesk is missing; build the target cratedesk"
[ -x "$populate" ] || die "$populate is missing; build the target bench-localfeed-populate"
[ "$(id -u)" = 0 ] || die "nginx is started as root; run this as root (the build root does)"

# shellcheck source=tests/benchmarks/benchlib.sh
source "$(dirname "${BASH_SOURCE[0]}")/benchlib.sh"
bench_workdir bench-localfeed

# Field of the WRK line that localfeed-paths.lua prints.
wrkval() { grep '^WRK ' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }




fs_type=$(stat -f -c %T "$work")
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
say "work folder $work ($fs_type), $(nproc) cores, wrk $wrk_args"

# ---- 4a. Fill the feed through FeedStore directly ------------------------------------------
feed_dir=$work/feed
paths=$work/paths.txt
say "populating $crates crates x $versions versions through FeedStore"
t0=$EPOCHREALTIME
# Without syncing: 100,000 publishes each waiting for the disk (crate file, its folder, the
# WAL) would take minutes, and the population is set-up, not a measurement of durable publishes
# (section 3 measures those, against `cratedesk serve` with its default durable settings).
CRATEDESK_FEED_SYNC=off "$populate" --data "$feed_dir" --crates "$crates" --versions "$versions" --paths "$paths" \
    >"$work/populate.txt" 2>"$work/populate.log" || { tail -n 20 "$work/populate.log" >&2; die "population failed"; }
t1=$EPOCHREALTIME
populate_wall=$(calc %.1f "$t1 - $t0")
populate_versions=$(val "$work/populate.txt" versions)
populate_rate=$(calc %.0f "$populate_versions / ($t1 - $t0)")
populate_p50=$(calc %.2f "$(val "$work/populate.txt" publish_p50_us) / 1000")
populate_p99=$(calc %.2f "$(val "$work/populate.txt" publish_p99_us) / 1000")
populate_inside=$(val "$work/populate.txt" publish_seconds)
feed_db_mib=$(du -sm "$feed_dir" | cut -f1)
say "populated $populate_versions versions in $populate_wall s"

# ---- Serve it ------------------------------------------------------------------------------
access_log_rules=
[ "${LOCALFEED_BENCH_ACCESS_LOG:-0}" = 1 ] && access_log_rules="cratedesk.feed.http.debug=true"
QT_LOGGING_RULES=$access_log_rules start_feed "$cratedesk" "$feed_dir" "$work/feed.out" "$work/feed.log"
feed_url=${index_url#sparse+}
feed_url=${feed_url%/}
say "feed at $feed_url"

# Runs wrk with localfeed-paths.lua; LABEL names the result files. Extra args go after --.
declare -A rps p50 p99 mibs
run_wrk() { # LABEL URL PID NAME LOG WRK_ARGS LUA_ARGS...
    local label=$1 url=$2 pid=$3 name=$4 log=$5 args=$6
    shift 6
    local out=$work/wrk-$label.txt
    # shellcheck disable=SC2086 # the wrk arguments are words on purpose
    wrk $args --latency -s "$here/localfeed-paths.lua" "$url" -- "$@" >"$out" 2>&1 \
        || { cat "$out" >&2; broken+=("wrk $label failed"); return 0; }
    require_alive "$pid" "$name" "$log"
    local requests duration errors
    requests=$(wrkval "$out" requests)
    duration=$(wrkval "$out" duration_us)
    [ -n "$requests" ] || { cat "$out" >&2; broken+=("wrk $label printed no figures"); return 0; }
    errors=$(($(wrkval "$out" connect_errors) + $(wrkval "$out" read_errors) + $(wrkval "$out" write_errors)
        + $(wrkval "$out" status_errors) + $(wrkval "$out" timeouts)))
    if [ "$errors" -ne 0 ] || [ "$requests" -eq 0 ]; then
        broken+=("wrk $label: $requests requests, $errors errors ($(grep '^WRK ' "$out"))")
    fi
    rps[$label]=$(calc %.0f "$requests / ($duration / 1e6)")
    p50[$label]=$(calc %.2f "$(wrkval "$out" p50_us) / 1000")
    p99[$label]=$(calc %.2f "$(wrkval "$out" p99_us) / 1000")
    mibs[$label]=$(calc %.1f "$(wrkval "$out" bytes) / ($duration / 1e6) / 1048576")
    say "$label: ${rps[$label]} req/s, p50 ${p50[$label]} ms, p99 ${p99[$label]} ms"
}

# ---- 4b. Cold: the first seconds after start, every index file read from SQLite once --------
say "index GET against the freshly started feed (cold)"
run_wrk feed-cold "$feed_url" "$feed_pid" "cratedesk serve" "$work/feed.log" "$wrk_args" "$paths"

# ---- Export the index into a static folder, check 200 and 304 on every file ---------------
say "exporting $crates index files from the feed and checking their ETags"
python3 "$here/localfeed-index.py" --url "$feed_url/" --paths "$paths" --etags "$work/feed-etags.tsv" \
    --write "$work/static" --lines "$versions" --jobs 8 >"$work/export.txt" || die "the feed's index is broken (see above)"
index_avg=$(val "$work/export.txt" bytes_avg)
index_max=$(val "$work/export.txt" bytes_max)
index_mib=$(calc %.1f "$(val "$work/export.txt" bytes_total) / 1048576")

# ---- nginx over the same files: one worker and two (the feed serves on one thread per core) ----
nginx_version=$(nginx -v 2>&1 | sed 's/.*nginx\///')
start_nginx() { # NAME WORKERS PORT
    local dir=$work/$1
    mkdir -p "$dir/tmp"
    cat >"$dir/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes $2;
user root;
pid $dir/nginx.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
    access_log off;
    default_type text/plain;
    charset utf-8;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    server {
        listen 127.0.0.1:$3;
        root $work/static;
        location / { add_header Cache-Control no-cache; }
    }
}
EOF
    nginx -p "$dir/" -c "$dir/nginx.conf" -e stderr 2>"$dir/error.log" &
    nginx_pid=$!
    started[$nginx_pid]=1
    wait_port "$3" "$nginx_pid" || { cat "$dir/error.log" >&2; die "nginx ($1) did not start"; }
}
nginx1_port=$(free_port)
start_nginx nginx1 1 "$nginx1_port"
n1_pid=$nginx_pid
nginx2_port=$(free_port)
start_nginx nginx2 2 "$nginx2_port"
n2_pid=$nginx_pid
for n in 1 2; do
    port_var=nginx${n}_port
    python3 "$here/localfeed-index.py" --url "http://127.0.0.1:${!port_var}/" --paths "$paths" \
        --etags "$work/nginx$n-etags.tsv" --compare "$work/static" --jobs 8 >"$work/nginx$n-check.txt" \
        || die "nginx $n does not serve the exported files (see above)"
done

# Warm-up: the feed's cache, nginx's page cache and open-file state, TCP.
for url in "$feed_url" "http://127.0.0.1:$nginx1_port" "http://127.0.0.1:$nginx2_port"; do
    wrk -t2 -c32 -d2s -s "$here/localfeed-paths.lua" "$url" -- "$paths" >/dev/null 2>&1 || true
done

# ---- 1. Index GET 200, same wrk settings, interleaved --------------------------------------
say "index GET 200"
run_wrk feed-200 "$feed_url" "$feed_pid" "cratedesk serve" "$work/feed.log" "$wrk_args" "$paths"
run_wrk nginx1-200 "http://127.0.0.1:$nginx1_port" "$n1_pid" nginx "$work/nginx1/error.log" "$wrk_args" "$paths"
run_wrk nginx2-200 "http://127.0.0.1:$nginx2_port" "$n2_pid" nginx "$work/nginx2/error.log" "$wrk_args" "$paths"

# ---- 2. Index GET 304 (If-None-Match = each file's ETag from that server) ------------------
say "index GET 304"
run_wrk feed-304 "$feed_url" "$feed_pid" "cratedesk serve" "$work/feed.log" "$wrk_args" "$work/feed-etags.tsv" etag
run_wrk nginx1-304 "http://127.0.0.1:$nginx1_port" "$n1_pid" nginx "$work/nginx1/error.log" "$wrk_args" "$work/nginx1-etags.tsv" etag
run_wrk nginx2-304 "http://127.0.0.1:$nginx2_port" "$n2_pid" nginx "$work/nginx2/error.log" "$wrk_args" "$work/nginx2-etags.tsv" etag

# ---- 4c. Latency of one client alone (no queueing behind 31 other connections) ------------
say "index GET, one connection"
run_wrk feed-1conn "$feed_url" "$feed_pid" "cratedesk serve" "$work/feed.log" "-t1 -c1 -d5s" "$paths"

stop_pid "$n1_pid"
stop_pid "$n2_pid"

# ---- 3. Publish latency ---------------------------------------------------------------------
token=$("$cratedesk" feed token create --data "$feed_dir" --login publisher 2>"$work/token.log") \
    || { cat "$work/token.log" >&2; die "cratedesk feed token create failed"; }
[ -n "$token" ] || die "cratedesk feed token create printed no token"
say "publishing: $publishers publishers x $publishes versions of ~$((crate_size / 1024)) KB"
if ! python3 "$here/localfeed-publish.py" --url "$feed_url/" --token "$token" --threads "$publishers" \
    --per-thread "$publishes" --crate-size "$crate_size" >"$work/publish.txt"; then
    broken+=("publishing failed: $(val "$work/publish.txt" failures) failures (see above)")
fi
require_alive "$feed_pid" "cratedesk serve" "$work/feed.log"
pub_p50=$(val "$work/publish.txt" p50_ms)
pub_p90=$(val "$work/publish.txt" p90_ms)
pub_p99=$(val "$work/publish.txt" p99_ms)
pub_max=$(val "$work/publish.txt" max_ms)
pub_rate=$(val "$work/publish.txt" per_s)
pub_mibs=$(val "$work/publish.txt" mib_per_s)
pub_size=$(val "$work/publish.txt" crate_bytes_avg)
pub_count=$(val "$work/publish.txt" publishes)

feed_rss_mib=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$feed_pid/status")
feed_log_mib=$(calc %.1f "$(stat -c %s "$work/feed.log") / 1048576")
stop_pid "$feed_pid"
# What the feed itself measured per request (its debug access log, with
# LOCALFEED_BENCH_ACCESS_LOG=1): handling time without the network and without waiting in the
# queue. "n/a" without it.
server_ms() { # REGEX -> "p50 p99" in ms, or "n/a n/a"
    grep -E "$1" "$work/feed.log" | awk '{ print $(NF - 1) }' | sort -n | awk '
        { v[NR] = $1 }
        END {
            if (NR == 0) { print "n/a n/a"; exit }
            printf "%.2f %.2f\n", v[int((NR * 50 + 99) / 100)] / 1000, v[int((NR * 99 + 99) / 100)] / 1000
        }'
}
read -r srv_get_p50 srv_get_p99 < <(server_ms 'Get /([123]/|[a-z0-9_-]{2}/)[^ ]* 200 [0-9]+ bytes [0-9]+ us$')
read -r srv_put_p50 srv_put_p99 < <(server_ms 'Put /api/v1/crates/new 200 [0-9]+ bytes [0-9]+ us$')
[ "$stop_status" = 0 ] || broken+=("cratedesk serve exited with status $stop_status on SIGTERM (expected 0)")

# ---- Report ---------------------------------------------------------------------------------
ratio() { calc %.2f "${rps[$1]:-0} / (${rps[$2]:-0} > 0 ? ${rps[$2]:-0} : 1)"; }
goal() { awk "BEGIN { print ($1) ? \"met\" : \"MISSED\" }"; }
r200_1=$(ratio feed-200 nginx1-200)
r200_2=$(ratio feed-200 nginx2-200)
r304_1=$(ratio feed-304 nginx1-304)
r304_2=$(ratio feed-304 nginx2-304)
pub_goal=$(goal "${pub_p99:-1e9} <= 50")
best() { awk "BEGIN { print ($1 > $2) ? $1 : $2 }"; }
r200_best=$(best "$r200_1" "$r200_2")
r304_best=$(best "$r304_1" "$r304_2")
g200=$(goal "$r200_best >= 0.8")
g304=$(goal "$r304_best >= 0.8")
# The feed says at start how many threads serve its reads.
feed_threads=$(sed -n 's/.*with \([0-9]*\) serving threads.*/\1/p' "$work/feed.log" | head -n 1)

row() { printf '%-34s %10s %9s %9s %9s\n' "$@"; }
echo
echo "== localfeed: index GET, $crates crates x $versions versions (index files avg $index_avg B, max $index_max B, $index_mib MiB), wrk $wrk_args, keep-alive, $(nproc) cores =="
row "" "req/s" "p50 ms" "p99 ms" "MiB/s"
for label in feed-200 nginx1-200 nginx2-200 feed-304 nginx1-304 nginx2-304 feed-cold feed-1conn; do
    case $label in
        feed-200) name="200  feed (cratedesk serve)" ;;
        nginx1-200) name="200  nginx $nginx_version, 1 worker" ;;
        nginx2-200) name="200  nginx $nginx_version, 2 workers" ;;
        feed-304) name="304  feed" ;;
        nginx1-304) name="304  nginx, 1 worker" ;;
        nginx2-304) name="304  nginx, 2 workers" ;;
        feed-cold) name="200  feed, cold (first run)" ;;
        feed-1conn) name="200  feed, 1 connection (-t1 -c1)" ;;
    esac
    row "$name" "${rps[$label]:-n/a}" "${p50[$label]:-n/a}" "${p99[$label]:-n/a}" "${mibs[$label]:-n/a}"
done
echo "feed/nginx 200: ${r200_1}x of 1 worker, ${r200_2}x of 2 workers (goal >= 0.8x of the better nginx: $g200)"
echo "feed/nginx 304: ${r304_1}x of 1 worker, ${r304_2}x of 2 workers (goal >= 0.8x of the better nginx: $g304)"
echo
echo "== localfeed: publish, $publishers concurrent publishers x $publishes versions, .crate avg $pub_size B =="
printf '%-12s %9s %9s %9s %9s %12s %8s\n' publishes "p50 ms" "p90 ms" "p99 ms" "max ms" publishes/s MiB/s
printf '%-12s %9s %9s %9s %9s %12s %8s\n' "$pub_count" "$pub_p50" "$pub_p90" "$pub_p99" "$pub_max" "$pub_rate" "$pub_mibs"
echo "p99 goal <= 50 ms: $pub_goal"
echo "inside the feed (its access log): publish handled in p50 $srv_put_p50 ms, p99 $srv_put_p99 ms; index GET 200 in p50 $srv_get_p50 ms, p99 $srv_get_p99 ms"
echo
echo "== localfeed: population through FeedStore =="
echo "$populate_versions versions ($crates crates x $versions) in $populate_wall s wall, $populate_rate versions/s;" \
    "FeedStore::publish alone $populate_inside s, p50 $populate_p50 ms, p99 $populate_p99 ms; feed folder $feed_db_mib MiB on $fs_type"
echo
echo "== localfeed summary =="
echo "setup: $(nproc) cores (load average at start $load_start, at the end $(cut -d' ' -f1-3 /proc/loadavg)), wrk $wrk_args keep-alive, nginx $nginx_version, feed ${feed_threads:-?} serving threads, feed data on $fs_type, $crates crates x $versions versions (index avg $index_avg B)"
echo "population: $populate_versions versions via FeedStore in $populate_wall s ($populate_rate versions/s; publish() p50 $populate_p50 ms, p99 $populate_p99 ms)"
echo "index GET 200: feed ${rps[feed-200]:-n/a} req/s; nginx 1 worker ${rps[nginx1-200]:-n/a} req/s -> ${r200_1}x; nginx 2 workers ${rps[nginx2-200]:-n/a} req/s -> ${r200_2}x (goal >= 0.8x of the better: $g200)"
echo "index GET 304: feed ${rps[feed-304]:-n/a} req/s; nginx 1 worker ${rps[nginx1-304]:-n/a} req/s -> ${r304_1}x; nginx 2 workers ${rps[nginx2-304]:-n/a} req/s -> ${r304_2}x (goal >= 0.8x of the better: $g304)"
echo "index GET latency, $crates crates: cold p50 ${p50[feed-cold]:-n/a} / p99 ${p99[feed-cold]:-n/a} ms (${rps[feed-cold]:-n/a} req/s); warm p50 ${p50[feed-200]:-n/a} / p99 ${p99[feed-200]:-n/a} ms at 32 connections; 1 connection p50 ${p50[feed-1conn]:-n/a} / p99 ${p99[feed-1conn]:-n/a} ms"
echo "publish: $pub_count x ~$((pub_size / 1024)) KB by $publishers publishers: p50 $pub_p50 ms, p99 $pub_p99 ms (goal <= 50 ms: $pub_goal), max $pub_max ms, $pub_rate publishes/s"
echo "inside the feed (access log): index GET 200 handled in p50 $srv_get_p50 / p99 $srv_get_p99 ms; publish in p50 $srv_put_p50 / p99 $srv_put_p99 ms"
echo "feed process: RSS $feed_rss_mib MiB after the run; its stderr log grew to $feed_log_mib MiB"

if [ ${#broken[@]} -gt 0 ]; then
    say "BROKEN:"
    for b in "${broken[@]}"; do say "  $b"; done
    exit 1
fi

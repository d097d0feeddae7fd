#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The local feed (`cratedesk serve`) under abusive local clients, all on 127.0.0.1:
#   1. peak resident memory while an unauthenticated client streams 1 GiB at
#      PUT /api/v1/crates/new (goal: under 64 MB above the idle feed; Qt HttpServer alone
#      buffered all of it, +2.2 GB);
#   2. config.json latency p50/p99 (one kept-alive connection, and a new connection per
#      request) while 1,000 idle connections and 10 slow-header clients are open (goal p99
#      under 50 ms), and that new connections are served once they have gone.
# It measures and prints; it never fails on a goal, only when something is broken.
#
#   tests/benchmarks/bench-abuse.sh BUILD_DIR
#
# Needs BUILD_DIR/app/cratedesk and python3. Knobs (environment): ABUSE_BENCH_BYTES
# (1073741824), ABUSE_BENCH_IDLE (1000), ABUSE_BENCH_SLOW (10), ABUSE_BENCH_REQUESTS (500).
set -euo pipefail

build=$(cd "${1:?usage: bench-abuse.sh BUILD_DIR}" && pwd)
cratedesk=$build/app/cratedesk
attack_bytes=${ABUSE_BENCH_BYTES:-1073741824}
idle_count=${ABUSE_BENCH_IDLE:-1000}
slow_count=${ABUSE_BENCH_SLOW:-10}
requests=${ABUSE_BENCH_REQUESTS:-500}

say() { printf 'bench-abuse: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

for tool in python3; do
    command -v "$tool" >/dev/null || { say "skipped: $tool is missing"; exit 0; }
done
[ -r /proc/self/status ] || { say "skipped: no /proc to read the feed's memory from"; exit 0; }
[ -x "$cratedesk" ] || die "$cratedesk is missing; build the target cratedesk"

# shellcheck source=tests/benchmarks/benchlib.sh
source "$(dirname "${BASH_SOURCE[0]}")/benchlib.sh"
bench_workdir bench-abuse "$(bench_tmp_base)"

kib() { sed -n "s/^$2:[[:space:]]*\([0-9]*\) kB/\1/p" "/proc/$1/status"; }

start_feed "$cratedesk" "$work/feed" "$work/feed.out" "$work/feed.log"
port=${index_url##*:}
port=${port%/}
case "$port" in '' | *[!0-9]*) die "cratedesk serve printed \"$index_url\"" ;; esac
say "feed on port $port"

cat >"$work/abuse.py" <<'EOF'
import resource, socket, statistics, sys, threading, time

port = int(sys.argv[2])
host = b"Host: 127.0.0.1:%d\r\n" % port
config = b"GET /config.json HTTP/1.1\r\n" + host + b"\r\n"

def read_response(s):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            return 0, data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:
        chunk = s.recv(65536)
        if not chunk:
            break
        body += chunk
    return int(head.split(b" ")[1]), head

def stream(total):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"PUT /api/v1/crates/new HTTP/1.1\r\n" + host + b"Content-Length: %d\r\n\r\n" % total)
    chunk = b"\0" * (1 << 20)
    sent = 0
    status = [0]
    def reader():
        try:
            status[0] = read_response(s)[0]
        except OSError:
            pass
    t = threading.Thread(target=reader)
    t.start()
    t0 = time.monotonic()
    try:
        while sent < total:
            sent += s.send(chunk[: min(len(chunk), total - sent)])
    except OSError:
        pass
    t.join(10)
    print("status=%d" % status[0])
    print("sent_bytes=%d" % sent)
    print("seconds=%.2f" % (time.monotonic() - t0))

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

def crowd(idle, slow, requests):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    idle_sockets = []
    for _ in range(idle):
        idle_sockets.append(socket.create_connection(("127.0.0.1", port)))
    slow_sockets = []
    for _ in range(slow):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"GET /config.json HTTP/1.1\r\n")
        slow_sockets.append(s)
    stop = threading.Event()
    def trickle():
        while not stop.wait(1.0):
            for s in slow_sockets:
                try:
                    s.send(b"X")
                except OSError:
                    pass
    t = threading.Thread(target=trickle)
    t.start()
    time.sleep(1.0)
    kept, fresh, failures = [], [], 0
    s = socket.create_connection(("127.0.0.1", port))
    for _ in range(requests):
        t0 = time.perf_counter()
        s.sendall(config)
        status, _ = read_response(s)
        kept.append((time.perf_counter() - t0) * 1000)
        failures += status != 200
    s.close()
    for _ in range(requests):
        t0 = time.perf_counter()
        try:
            c = socket.create_connection(("127.0.0.1", port), timeout=5)
            c.sendall(config)
            status, _ = read_response(c)
            c.close()
        except OSError:
            status = 0
        fresh.append((time.perf_counter() - t0) * 1000)
        failures += status != 200
    stop.set()
    t.join()
    still_open = 0
    for s in idle_sockets:
        s.setblocking(False)
        try:
            still_open += s.recv(1) != b""
        except BlockingIOError:
            still_open += 1
        except OSError:
            pass
    for s in idle_sockets + slow_sockets:
        s.close()
    time.sleep(0.5)
    after = 0
    for _ in range(50):
        try:
            c = socket.create_connection(("127.0.0.1", port), timeout=5)
            c.sendall(config)
            after += read_response(c)[0] == 200
            c.close()
        except OSError:
            pass
    print("kept_p50_ms=%.2f" % pct(kept, 50))
    print("kept_p99_ms=%.2f" % pct(kept, 99))
    print("fresh_p50_ms=%.2f" % pct(fresh, 50))
    print("fresh_p99_ms=%.2f" % pct(fresh, 99))
    print("failures=%d" % failures)
    print("idle_still_open=%d" % still_open)
    print("served_after=%d" % after)

if sys.argv[1] == "stream":
    stream(int(sys.argv[3]))
else:
    crowd(int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
EOF

# ---- 1. 1 GiB from an unauthenticated client ------------------------------------------------
python3 "$work/abuse.py" crowd "$port" 0 0 20 >/dev/null # warm: some requests served
idle_rss=$(kib "$feed_pid" VmRSS)
say "idle feed: $((idle_rss / 1024)) MiB resident; streaming $((attack_bytes / 1048576)) MiB unauthenticated"
python3 "$work/abuse.py" stream "$port" "$attack_bytes" >"$work/stream.txt"
require_alive "$feed_pid" "cratedesk serve" "$work/feed.log"
peak_rss=$(kib "$feed_pid" VmHWM)
stream_status=$(val "$work/stream.txt" status)
stream_sent=$(val "$work/stream.txt" sent_bytes)
[ "$stream_status" = 401 ] || broken+=("the 1 GiB stream was answered $stream_status, not 401")

# ---- 2. config.json among 1,000 idle and 10 slow-header connections ---------------------------
say "config.json with $idle_count idle and $slow_count slow-header connections open"
python3 "$work/abuse.py" crowd "$port" "$idle_count" "$slow_count" "$requests" >"$work/crowd.txt"
require_alive "$feed_pid" "cratedesk serve" "$work/feed.log"
[ "$(val "$work/crowd.txt" failures)" = 0 ] || broken+=("$(val "$work/crowd.txt" failures) config.json requests failed among the crowd")
[ "$(val "$work/crowd.txt" served_after)" = 50 ] || broken+=("only $(val "$work/crowd.txt" served_after) of 50 new connections served after the crowd left")

echo "abuse: idle RSS $((idle_rss / 1024)) MiB, peak RSS $((peak_rss / 1024)) MiB during a $((attack_bytes / 1048576)) MiB unauthenticated upload (+$(((peak_rss - idle_rss) / 1024)) MiB; goal < 64 MB), answered $stream_status after the client had sent $((stream_sent / 1048576)) MiB"
echo "abuse: config.json with $idle_count idle + $slow_count slow-header connections: kept-alive p50 $(val "$work/crowd.txt" kept_p50_ms) ms p99 $(val "$work/crowd.txt" kept_p99_ms) ms; new connection each p50 $(val "$work/crowd.txt" fresh_p50_ms) ms p99 $(val "$work/crowd.txt" fresh_p99_ms) ms (goal p99 < 50 ms); idle connections the feed kept open: $(val "$work/crowd.txt" idle_still_open) of $idle_count; new connections served after they closed: $(val "$work/crowd.txt" served_after)/50"
if [ ${#broken[@]} -gt 0 ]; then
    printf 'bench-abuse: broken: %s\n' "${broken[@]}" >&2
    exit 1
fi

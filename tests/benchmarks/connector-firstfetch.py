#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Driver of bench-connector.sh: the first fetch of index files through a local feed's
# connector against the upstream's own latency. For each path: GET from the upstream directly
# (which also warms the upstream's own cache), then GET through the downstream, whose
# connector has never seen the file and asks the upstream. Keep-alive connections to both.
#
#   connector-firstfetch.py UPSTREAM_URL DOWNSTREAM_URL PATHS_FILE COUNT
#
# stdout: key=value lines (count, upstream_p50_us, downstream_p50_us, overhead_p50_us, ...).
import http.client
import statistics
import sys
import time
import urllib.parse


def connect(url):
    parts = urllib.parse.urlsplit(url)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)


def timed_get(connection, path):
    start = time.perf_counter_ns()
    connection.request("GET", "/" + path)
    response = connection.getresponse()
    body = response.read()
    elapsed = (time.perf_counter_ns() - start) // 1000
    return response.status, body, elapsed


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main():
    upstream_url, downstream_url, paths_file, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    with open(paths_file) as handle:
        paths = [line.split("\t")[0].strip() for line in handle if line.strip()][:count]
    upstream, downstream = connect(upstream_url), connect(downstream_url)
    up_times, down_times, overheads = [], [], []
    for path in paths:
        status_up, body_up, t_up = timed_get(upstream, path)
        status_down, body_down, t_down = timed_get(downstream, path)
        if status_up != 200 or status_down != 200 or body_up != body_down:
            print(f"error=/{path}: upstream {status_up}, downstream {status_down}, bodies equal {body_up == body_down}")
            sys.exit(1)
        up_times.append(t_up)
        down_times.append(t_down)
        overheads.append(t_down - t_up)
    print(f"count={len(paths)}")
    for name, values in (("upstream", up_times), ("downstream", down_times), ("overhead", overheads)):
        print(f"{name}_p50_us={statistics.median(values):.0f}")
        print(f"{name}_p90_us={percentile(values, 0.9):.0f}")
        print(f"{name}_mean_us={statistics.fmean(values):.0f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Concurrent publishers against a local feed on 127.0.0.1, for bench-localfeed.sh
(standard library only).

  localfeed-publish.py --url http://127.0.0.1:PORT/ --token TOKEN
                       [--threads 8] [--per-thread 50] [--crate-size 102400] [--prefix pubbench]

Each thread publishes --per-thread versions (0.1.0, 0.1.1, ...) of its own crate PREFIX-T
over one keep-alive connection, as `cargo publish` frames them (u32 LE JSON length, JSON,
u32 LE .crate length, .crate). The .crate files are real gzip'd tars padded with random,
incompressible bytes to about --crate-size bytes; every body is built before the clock
starts, and all threads start together. Latency is from sending the request to having read
the whole response. Afterwards every crate's index file must list exactly the published
versions with the sha256 of the bytes sent, and the last version of each crate must download
byte for byte. stdout: key=value lines. Exits non-zero on any failed publish or check.
"""
import argparse
import hashlib
import http.client
import io
import json
import math
import os
import struct
import sys
import tarfile
import threading
import time
import urllib.parse


def crate_bytes(name, vers, padding):
    top = f"{name}-{vers}"
    manifest = (f'[package]\nedition = "2021"\nname = "{name}"\nversion = "{vers}"\n'
                f'description = "Publish benchmark crate"\nlicense = "MIT"\n').encode()
    files = [(f"{top}/Cargo.toml", manifest),
             (f"{top}/src/lib.rs", b"pub fn answer() -> u32 { 42 }\n"),
             (f"{top}/padding.bin", padding)]
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz", format=tarfile.USTAR_FORMAT, compresslevel=6) as tar:
        for path, data in files:
            info = tarfile.TarInfo(path)
            info.size = len(data)
            info.mode = 0o644
            info.mtime = 1700000000
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def publish_body(name, vers, crate):
    metadata = {"name": name, "vers": vers, "deps": [], "features": {}, "authors": [],
                "description": "Publish benchmark crate", "license": "MIT", "keywords": [],
                "categories": [], "badges": {}, "links": None, "readme": None}
    meta = json.dumps(metadata, separators=(",", ":")).encode()
    return struct.pack("<I", len(meta)) + meta + struct.pack("<I", len(crate)) + crate


def sparse_index_path(name):
    lower = name.lower()
    if len(lower) <= 2:
        return f"{len(lower)}/{lower}"
    if len(lower) == 3:
        return f"3/{lower[0]}/{lower}"
    return f"{lower[0:2]}/{lower[2:4]}/{lower}"


def percentile(sorted_values, p):
    """Nearest-rank percentile."""
    rank = min(len(sorted_values), max(1, math.ceil(p / 100 * len(sorted_values))))
    return sorted_values[rank - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--per-thread", type=int, default=50)
    parser.add_argument("--crate-size", type=int, default=100 * 1024)
    parser.add_argument("--prefix", default="pubbench")
    args = parser.parse_args()
    parts = urllib.parse.urlsplit(args.url)
    host, port = parts.hostname, parts.port

    # Size the padding once so that the .crate, not the padding, is about --crate-size.
    probe = crate_bytes(f"{args.prefix}-0", "0.1.0", os.urandom(args.crate_size))
    padding_size = max(0, 2 * args.crate_size - len(probe))
    names = [f"{args.prefix}-{t}" for t in range(args.threads)]
    work = []  # per thread: [(vers, body, sha256 of the crate)]
    crate_sizes = []
    for name in names:
        jobs = []
        for i in range(args.per_thread):
            vers = f"0.1.{i}"
            crate = crate_bytes(name, vers, os.urandom(padding_size))
            crate_sizes.append(len(crate))
            jobs.append((vers, publish_body(name, vers, crate), hashlib.sha256(crate).hexdigest(), crate))
        work.append(jobs)

    # Short GIL slices keep the client's own scheduling out of the measured latency.
    sys.setswitchinterval(0.0005)
    latencies = [[] for _ in names]
    failures = []
    barrier = threading.Barrier(args.threads + 1)

    def publisher(t):
        conn = http.client.HTTPConnection(host, port, timeout=60)
        conn.connect()
        barrier.wait()
        for vers, body, _, _ in work[t]:
            start = time.perf_counter()
            try:
                conn.request("PUT", "/api/v1/crates/new", body=body,
                             headers={"Authorization": args.token, "Accept": "application/json"})
                response = conn.getresponse()
                data = response.read()
            except (OSError, http.client.HTTPException) as error:
                failures.append(f"{names[t]}@{vers}: {error!r}")
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=60)
                continue
            latencies[t].append(time.perf_counter() - start)
            if response.status != 200:
                failures.append(f"{names[t]}@{vers}: HTTP {response.status} {data[:200]!r}")
            else:
                try:
                    json.loads(data or b"{}")
                except ValueError:
                    failures.append(f"{names[t]}@{vers}: the 200 response is not JSON: {data[:200]!r}")
        conn.close()

    threads = [threading.Thread(target=publisher, args=(t,)) for t in range(args.threads)]
    for thread in threads:
        thread.start()
    barrier.wait()
    wall_start = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - wall_start

    # Everything published must be in the index, with the checksum of what was sent.
    conn = http.client.HTTPConnection(host, port, timeout=60)
    for t, name in enumerate(names):
        index_path = sparse_index_path(name)
        conn.request("GET", "/" + index_path)
        response = conn.getresponse()
        data = response.read()
        if response.status != 200:
            failures.append(f"GET /{index_path}: HTTP {response.status}")
            continue
        lines = {}
        for line in data.decode().splitlines():
            entry = json.loads(line)
            lines[entry["vers"]] = entry
        expected = {vers: cksum for vers, _, cksum, _ in work[t]}
        if set(lines) != set(expected):
            failures.append(f"/{index_path} lists {len(lines)} versions, {len(expected)} were published")
        for vers, cksum in expected.items():
            if vers in lines and lines[vers].get("cksum") != cksum:
                failures.append(f"/{index_path}: {vers} has cksum {lines[vers].get('cksum')}, sent {cksum}")
        vers, _, _, crate = work[t][-1]
        conn.request("GET", f"/api/v1/crates/{name}/{vers}/download")
        response = conn.getresponse()
        data = response.read()
        if response.status != 200 or data != crate:
            failures.append(f"download {name}@{vers}: HTTP {response.status}, {len(data)} bytes, "
                            f"{'same' if data == crate else 'different'} bytes")
    conn.close()

    for failure in failures[:10]:
        print(f"localfeed-publish: {failure}", file=sys.stderr)
    flat = sorted(x * 1000 for per in latencies for x in per)
    total_bytes = sum(crate_sizes)
    print(f"publishes={len(flat)}")
    print(f"threads={args.threads}")
    print(f"crate_bytes_avg={total_bytes // max(1, len(crate_sizes))}")
    if flat:
        print(f"p50_ms={percentile(flat, 50):.2f}")
        print(f"p90_ms={percentile(flat, 90):.2f}")
        print(f"p99_ms={percentile(flat, 99):.2f}")
        print(f"max_ms={flat[-1]:.2f}")
        print(f"mean_ms={sum(flat) / len(flat):.2f}")
    print(f"wall_s={wall:.3f}")
    print(f"per_s={len(flat) / wall:.1f}")
    print(f"mib_per_s={total_bytes / wall / 1048576:.1f}")
    print(f"failures={len(failures)}")
    return 1 if failures or len(flat) != args.threads * args.per_thread else 0


if __name__ == "__main__":
    sys.exit(main())

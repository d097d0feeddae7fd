#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fetches every index file of a sparse registry on 127.0.0.1 and checks it, for
bench-localfeed.sh (standard library only).

  localfeed-index.py --url http://127.0.0.1:PORT/ --paths FILE --etags OUT
                     [--write DIR | --compare DIR] [--lines N] [--jobs N]

For each path in FILE (one index path per line, "se/rd/serde"): GET must answer 200 with a
non-empty body and an ETag; a second GET with If-None-Match set to that ETag must answer 304
with no body. --write stores the bodies under DIR at the same paths (the static copy that
nginx serves); --compare requires the bodies to equal the files under DIR. --lines requires
every file to hold N index lines that are JSON objects. OUT gets "path<TAB>etag" lines for
the wrk script of the 304 benchmark. stdout: key=value lines. Exits non-zero on any problem.
"""
import argparse
import http.client
import json
import os
import sys
import threading
import urllib.parse


class Client:
    """One keep-alive connection that reconnects once when the server closed it."""

    def __init__(self, url):
        parts = urllib.parse.urlsplit(url)
        self.host, self.port = parts.hostname, parts.port
        self.prefix = parts.path.rstrip("/")
        self.conn = None

    def get(self, path, headers=None):
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.conn.request("GET", self.prefix + "/" + path, headers=headers or {})
                response = self.conn.getresponse()
                body = response.read()
                if response.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return response.status, response, body
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--paths", required=True)
    parser.add_argument("--etags", required=True)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", metavar="DIR")
    mode.add_argument("--compare", metavar="DIR")
    parser.add_argument("--lines", type=int)
    parser.add_argument("--jobs", type=int, default=4, help="connections used at once (default 4)")
    args = parser.parse_args()

    with open(args.paths, encoding="utf-8") as f:
        paths = [line.strip() for line in f if line.strip()]
    problems = []
    results = [None] * len(paths)  # (etag line, size) per path, None when it failed

    def problem(text):
        problems.append(text)
        if len(problems) <= 10:
            print(f"localfeed-index: {text}", file=sys.stderr)

    def check(client, i):
        path = paths[i]
        status, response, body = client.get(path)
        etag = response.getheader("ETag")
        if status != 200 or not body or not etag:
            problem(f"GET /{path}: status {status}, {len(body)} bytes, ETag {etag!r}")
            return
        size = len(body)
        if args.lines is not None:
            lines = body.decode("utf-8").split("\n")
            if lines[-1] != "" or len(lines) - 1 != args.lines:
                problem(f"/{path}: {len(lines) - 1} lines (or no final newline), expected {args.lines}")
            else:
                try:
                    for line in lines[:-1]:
                        if not isinstance(json.loads(line), dict):
                            raise ValueError("not an object")
                except ValueError as error:
                    problem(f"/{path}: an index line is not a JSON object ({error})")
        if args.write:
            target = os.path.join(args.write, path)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as f:
                f.write(body)
        elif args.compare:
            with open(os.path.join(args.compare, path), "rb") as f:
                if f.read() != body:
                    problem(f"/{path}: the body differs from {args.compare}/{path}")
        status, _, body = client.get(path, {"If-None-Match": etag})
        if status != 304 or body:
            problem(f"GET /{path} with If-None-Match {etag}: status {status}, {len(body)} bytes (expected 304, empty)")
        results[i] = (f"{path}\t{etag}\n", size)

    # Several connections at once, so that slow answers overlap instead of adding up.
    def worker(first):
        client = Client(args.url)
        try:
            for i in range(first, len(paths), args.jobs):
                check(client, i)
        except (OSError, http.client.HTTPException) as error:
            problem(f"connection failed: {error!r}")

    threads = [threading.Thread(target=worker, args=(j,)) for j in range(args.jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done = [r for r in results if r is not None]
    etags = [line for line, _ in done]
    sizes = [size for _, size in done]

    with open(args.etags, "w", encoding="utf-8") as f:
        f.writelines(etags)
    total = sum(sizes)
    print(f"files={len(paths)}")
    print(f"checked={len(etags)}")
    print(f"bytes_total={total}")
    print(f"bytes_avg={total // max(1, len(sizes))}")
    print(f"bytes_max={max(sizes, default=0)}")
    print(f"problems={len(problems)}")
    return 1 if problems or len(etags) != len(paths) or not etags else 0


if __name__ == "__main__":
    sys.exit(main())

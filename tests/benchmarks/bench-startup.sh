#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Cold start to an interactive window: `cratedesk --screenshot FILE` starts the app (settings,
# keychain, index cache, the embedded local feed), shows the main window, lets the first
# event-loop pass lay it out and paint it into FILE, and exits. hyperfine times whole runs
# with fresh settings and a fresh local feed each time. Goal: <= 0.5 s.
#
#   tests/benchmarks/bench-startup.sh BUILD_DIR
#
# Knobs (environment): STARTUP_BENCH_RUNS (10).
set -euo pipefail

build=$(cd "${1:?usage: bench-startup.sh BUILD_DIR}" && pwd)
cratedesk=$build/app/cratedesk
runs=${STARTUP_BENCH_RUNS:-10}

say() { printf 'bench-startup: %s\n' "$*" >&2; }
command -v hyperfine >/dev/null || { say "hyperfine is missing (it is in the build root)"; exit 1; }
[ -x "$cratedesk" ] || { say "$cratedesk is missing"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-startup.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Each run: new XDG folders (no settings, no cache) and a new local feed on a free port.
cat > "$work/run.sh" <<SH
#!/bin/sh
dir=\$(mktemp -d "$work/run.XXXXXX")
XDG_CONFIG_HOME=\$dir/config XDG_CACHE_HOME=\$dir/cache XDG_DATA_HOME=\$dir/data QT_QPA_PLATFORM=offscreen \
    "$cratedesk" --screenshot "\$dir/window.png" --port 0 --data "\$dir/feed" 2>/dev/null
SH
chmod +x "$work/run.sh"
"$work/run.sh" || { say "cratedesk --screenshot failed"; exit 1; }

hyperfine --warmup 1 --runs "$runs" --export-json "$work/startup.json" "$work/run.sh" >&2
python3 - "$work/startup.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("cold start to a painted main window (fresh settings and local feed), %d runs:" % len(r["times"]))
print("  median %.0f ms, mean %.0f ms, min %.0f ms, max %.0f ms (goal <= 500 ms)"
      % (r["median"] * 1000, r["mean"] * 1000, r["min"] * 1000, r["max"] * 1000))
PY

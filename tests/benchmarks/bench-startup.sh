#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Cold start to an interactive window: `cratedesk --screenshot FILE --screenshot-delay 0`
# starts the app (settings, keychain, index cache, the embedded local feed), shows the main
# window, paints it into FILE as soon as its first listing has arrived, and exits. (Without
# the 0 the picture waits 300 ms more for the window to settle, which is for pictures, not
# for timing.) hyperfine times whole runs
# with fresh settings and a fresh local feed each time, side by side in one run:
#   1. as a user sees it: on an X server (Xvfb, the xcb platform), with a D-Bus session and an
#      unlocked gnome-keyring (tests/support/with-keyring.sh), so the keychain is really asked;
#   2. offscreen, without a display: the part that is the app's own.
# Goal: <= 0.5 s median for 1.
#
#   tests/benchmarks/bench-startup.sh BUILD_DIR
#
# Knobs (environment): STARTUP_BENCH_RUNS (10).
set -euo pipefail

build=$(cd "${1:?usage: bench-startup.sh BUILD_DIR}" && pwd)
cratedesk=$build/app/cratedesk
runs=${STARTUP_BENCH_RUNS:-10}

say() { printf 'bench-startup: %s\n' "$*" >&2; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for tool in hyperfine xvfb-run dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { say "$tool is missing (it is in the build root)"; exit 1; }
done
[ -x "$cratedesk" ] || { say "$cratedesk is missing"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-startup.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Each run: new XDG folders (no settings, no cache) and a new local feed on a free port; the
# platform is the script's argument.
cat > "$work/run.sh" <<SH
#!/bin/sh
dir=\$(mktemp -d "$work/run.XXXXXX")
XDG_CONFIG_HOME=\$dir/config XDG_CACHE_HOME=\$dir/cache XDG_DATA_HOME=\$dir/data QT_QPA_PLATFORM=\$1 \
    "$cratedesk" --screenshot "\$dir/window.png" --screenshot-delay 0 --port 0 --data "\$dir/feed" 2>/dev/null
SH
chmod +x "$work/run.sh"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
xvfb-run -a "$here/../support/with-keyring.sh" sh -c '
    "$1/run.sh" xcb || { echo "bench-startup: cratedesk --screenshot failed on Xvfb" >&2; exit 1; }
    hyperfine --warmup 1 --runs "$2" --export-json "$1/startup.json" -n xvfb-keyring "$1/run.sh xcb" -n offscreen "$1/run.sh offscreen" >&2
' bench-startup "$work" "$runs"
python3 - "$work/startup.json" "$load_start" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
print()
print("== startup: cold start to a painted main window (fresh settings and local feed), %d runs each ==" % len(results["xvfb-keyring"]["times"]))
for name, what in (("xvfb-keyring", "Xvfb, D-Bus session, unlocked keyring"), ("offscreen", "offscreen, no display")):
    r = results[name]
    print("  %-40s median %4.0f ms, min %4.0f ms, max %4.0f ms" % (what, r["median"] * 1000, r["min"] * 1000, r["max"] * 1000))
print()
print("== startup summary ==")
median = results["xvfb-keyring"]["median"] * 1000
print("setup: load average at start %s" % sys.argv[2])
print("cold start as a user sees it: median %.0f ms (goal <= 500 ms: %s); offscreen %.0f ms"
      % (median, "met" if median <= 500 else "MISSED", results["offscreen"]["median"] * 1000))
PY

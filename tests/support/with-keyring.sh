#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command against a real Secret Service: a private D-Bus session bus and an unlocked
# gnome-keyring-daemon, in a throw-away HOME. Nothing touches the user's own keyring, and
# the bus and daemon go away with the command.
set -euo pipefail

base=$(mktemp -d "${TMPDIR:-/tmp}/cratedesk-keyring.XXXXXX")
trap 'rm -rf "$base"' EXIT
export HOME="$base/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share" XDG_CACHE_HOME="$HOME/.cache"
export XDG_RUNTIME_DIR="$base/run"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# The test checks that secrets land in no file under these folders.
export CRATEDESK_TEST_SECRET_DIRS="$HOME:$XDG_CONFIG_HOME:$XDG_DATA_HOME"

status=0
dbus-run-session -- bash -euo pipefail -c '
    # A non-empty password keeps the keyring file encrypted (an empty one is stored in clear).
    eval "$(printf %s "cratedesk-test-keyring" | gnome-keyring-daemon --unlock --components=secrets)"
    export GNOME_KEYRING_CONTROL
    "$@"
' with-keyring "$@" || status=$?
exit "$status"

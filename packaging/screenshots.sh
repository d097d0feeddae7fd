#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the README's pictures (resources/screenshots/*.png) with `cratedesk --screenshot`
# from the demo feed: a fresh local feed holding the real crates of the test fixture
# (tests/fixtures/real-crates.txt, packaged from Debian's sources). Run it after a change
# that a picture shows, and commit the pictures; the AppStream metainfo names the same files.
#
#   packaging/screenshots.sh            # every picture
#
# Each picture starts from a fresh feed and home, and is taken once what it shows has arrived (the listing, the open crate's
# contents, the checks of files to publish), under Xvfb at a 1600x1000 screen.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=resources/screenshots
mkdir -p "$out"
packaging/buildroot.sh run /bin/bash -c '
set -euo pipefail
out=$1
cmake --preset ci >/dev/null
cmake --build --preset ci --target cratedesk >/dev/null
crates=${CRATEDESK_CACHE_DIR:-build/ci}/real-crates
tests/fixtures/make-real-crates.sh tests/fixtures/real-crates.txt "$crates" >&2
work=$(mktemp -d)
trap "rm -rf \"$work\"" EXIT
# The publish panel shows crates the feed does not have yet: these few stay out of the seed.
held_back=(tokio clap regex)
mkdir -p "$work/seed" "$work/new"
for file in "$crates"/*.crate; do
    name=$(basename "$file")
    target="$work/seed"
    for held in "${held_back[@]}"; do
        [[ $name == "$held"-[0-9]* ]] && target="$work/new"
    done
    ln -s "$(realpath "$file")" "$target/$name"
done
# A next version of semver, for the picture of Compare Versions: the fixture has one version
# of each crate. It changes a source file, adds one, and raises the MSRV and a dependency.
packaging/demo-next-version.py "$crates" "$work/seed"
shot() {
    local picture=$1; shift
    rm -rf "$work/feed"
    # A fresh home with a D-Bus session and an unlocked keyring, as a user has.
    xvfb-run -a -s "-screen 0 1600x1000x24" tests/support/with-keyring.sh \
        build/ci/app/cratedesk --data "$work/feed" --port 0 --seed-from "$work/seed" --screenshot "$out/$picture" "$@"
    echo "screenshots: $out/$picture" >&2
}
shot main-window.png --open serde_json
shot publish-panel.png "$work"/new/*.crate
shot version-diff.png --open semver --compare
' screenshots "$out"

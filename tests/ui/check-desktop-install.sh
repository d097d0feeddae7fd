#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the desktop files of a build tree into a throw-away prefix, checks that each lands
# where desktops look for it, and validates them with the tools distributions use.
#   check-desktop-install.sh BUILD_DIR
set -euo pipefail

build=$1
id=org.cratedesk.CrateDesk
prefix=$(mktemp -d "${TMPDIR:-/tmp}/cratedesk-install.XXXXXX")
trap 'rm -rf "$prefix"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" --component desktop

desktop="$prefix/share/applications/$id.desktop"
metainfo="$prefix/share/metainfo/$id.metainfo.xml"
svg="$prefix/share/icons/hicolor/scalable/apps/$id.svg"
for file in "$desktop" "$metainfo" "$svg"; do
    [ -s "$file" ] || fail "missing ${file#"$prefix"/}"
done
grep -q '^<svg\|<svg ' "$svg" || fail "$svg is not an SVG"

# Each PNG is where its size says, and is that size (width and height from the IHDR chunk).
for size in 16 22 24 32 48 64 128 256; do
    png="$prefix/share/icons/hicolor/${size}x${size}/apps/$id.png"
    [ -s "$png" ] || fail "missing ${png#"$prefix"/}"
    read -r w0 w1 w2 w3 h0 h1 h2 h3 < <(od -An -tu1 -j16 -N8 "$png")
    width=$(( (w0 << 24) | (w1 << 16) | (w2 << 8) | w3 ))
    height=$(( (h0 << 24) | (h1 << 16) | (h2 << 8) | h3 ))
    [ "$width" = "$size" ] && [ "$height" = "$size" ] || fail "$png is ${width}x${height}, not ${size}x${size}"
done

# One id everywhere: the desktop file's name and Icon=, the metainfo id and launchable.
grep -qx "Icon=$id" "$desktop" || fail "Icon= in the desktop file is not $id"
grep -q "<id>$id</id>" "$metainfo" || fail "the metainfo id is not $id"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" || fail "the metainfo does not launch $id.desktop"
if grep -q '@[A-Z_]*@' "$metainfo"; then fail "unsubstituted placeholders in the metainfo"; fi

# Each picture the metainfo names is one that packaging/screenshots.sh renders into the tree.
screenshots="$(dirname "${BASH_SOURCE[0]}")/../../resources/screenshots"
images=$(sed -n 's:.*<image>\(.*\)</image>.*:\1:p' "$metainfo")
[ -n "$images" ] || fail "the metainfo has no screenshots"
for image in $images; do
    case $image in https://*) ;; *) fail "screenshot $image is not an https address" ;; esac
    [ -s "$screenshots/${image##*/}" ] || fail "screenshot ${image##*/} is not in resources/screenshots"
done

desktop-file-validate "$desktop"
appstreamcli validate --no-net --pedantic "$metainfo"
echo "desktop files install and validate"

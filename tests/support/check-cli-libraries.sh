#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `cratedesk` runs its commands without Qt's GUI libraries: cargo starts it for every token it
# asks for, and loading the widgets cost each start about 30 ms. The window is cratedesk-desktop.
set -euo pipefail
program=${1:?usage: check-cli-libraries.sh CRATEDESK}
needed=$(readelf -d "$program" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
echo "$needed" | grep -q '^libQt6Core\.so' || { echo "FAIL: $program needs no libQt6Core: readelf found nothing"; exit 1; }
gui=$(echo "$needed" | grep -E '^libQt6(Gui|Widgets|OpenGL|Svg)\.so' || true)
[ -z "$gui" ] || { echo "FAIL: $program needs" $gui; exit 1; }
echo "PASS: $program needs $(echo "$needed" | wc -l) libraries, none of Qt's GUI ones"

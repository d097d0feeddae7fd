#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's apt-get line for native builds names exactly the packages of the build root
# that app, test and package need (packaging/buildroot.sh packages), in the same order.
#   check-readme-packages.sh SOURCE_DIR
set -euo pipefail

source_dir=$1
readme=$source_dir/README.md
# The command is the first "sudo apt-get install" after the marker comment, and goes on over
# lines ending in "\".
marker='<!-- native packages: packaging/buildroot.sh packages -->'
grep -qxF "$marker" "$readme" || { echo "FAIL: README.md has no line $marker" >&2; exit 1; }
in_readme=$(awk -v marker="$marker" '$0 == marker { seen = 1 } seen && /^sudo apt-get install / { on = 1 }
        on { print; if ($0 !~ /\\$/) exit }' "$readme" \
    | tr -d '\\' | tr -s ' \n' '  ' | sed -e 's/^sudo //' -e 's/ *$//')
expected=$("$source_dir/packaging/buildroot.sh" packages)
if [ "$in_readme" != "$expected" ]; then
    echo "FAIL: README.md's apt-get line differs from packaging/buildroot/packages.txt" >&2
    diff <(tr ' ' '\n' <<<"$in_readme") <(tr ' ' '\n' <<<"$expected") >&2 || true
    echo "The line to put in README.md:" >&2
    echo "sudo $expected" | fold -s -w 96 | sed -e 's/ $/ \\/' >&2
    exit 1
fi
echo "README.md names the $(wc -w <<<"${expected#apt-get install }") packages of a native build"

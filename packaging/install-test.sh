#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The install test: the Debian package installs and runs on a clean Debian 13 outside the
# tree it was built in. A second, minimal Debian 13 root (packaging/install-test/packages.txt,
# made once with mmdebstrap and cached like the build root) gets a throwaway layer for each
# run; there `apt-get install ./cratedesk_*.deb` takes the dependencies from Debian's archive,
# and the installed CrateDesk is used as a user would: --version, the man page, the desktop
# files, `serve` answering config.json, `publish` of real crates and a cargo build against
# them, and the window started from the desktop file's Exec line under Xvfb.
#
#   packaging/install-test.sh [DEB]    default: build/package/cratedesk_*.deb
#
# Needs root (mmdebstrap, chroot). Writes build/install-test/screenshot.png: look at it.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=buildroot.sh
source "$here/buildroot.sh"

id=org.cratedesk.CrateDesk
# Crates of the real-crates fixture to publish and build against: no dependencies of their
# own, one with a build script.
crates_used=(cfg-if itoa anyhow)

inside() {
    local deb=$1 crates=$2 out=$3
    local passed=0 started=$SECONDS
    pass() { passed=$((passed + 1)); printf 'install-test: ok %s (%d s)\n' "$*" $((SECONDS - started)); }
    fail() { printf 'install-test: FAIL %s\n' "$*" >&2; printf 'install-test: %d passed, 1 failed\n' "$passed"; exit 1; }
    export DEBIAN_FRONTEND=noninteractive

    # Only what the package's Depends bring: the Recommends are extras a user may decline.
    cp "$deb" /tmp/
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb")" >/tmp/apt.log 2>&1 \
        || { cat /tmp/apt.log >&2; fail "apt-get install ./$(basename "$deb")"; }
    pass "apt-get install ./$(basename "$deb") ($(grep -c '^Setting up' /tmp/apt.log) packages set up)"

    local outside
    outside=$(dpkg -L cratedesk | grep -v -e '^/\.$' -e '^/usr$' -e '^/usr/' || true)
    [ -z "$outside" ] || fail "dpkg -L shows files outside /usr: $outside"
    pass "dpkg -L cratedesk: $(dpkg -L cratedesk | wc -l) paths, all under /usr"

    local version
    version=$(dpkg-query -W -f='${Version}' cratedesk)
    [ "$(cratedesk --version)" = "cratedesk $version" ] || fail "cratedesk --version says '$(cratedesk --version)', the package $version"
    pass "cratedesk --version: $(cratedesk --version)"
    # --version is the window's (cratedesk becomes cratedesk-desktop when given no command), so
    # the line above also proves the launcher finds it where the package put it.
    [ -x /usr/libexec/cratedesk/cratedesk-desktop ] || fail "/usr/libexec/cratedesk/cratedesk-desktop is missing"
    ! grep -q -a 'libQt6Widgets' /usr/bin/cratedesk || fail "/usr/bin/cratedesk links Qt Widgets"
    pass "cratedesk runs commands without Qt Widgets; the window is /usr/libexec/cratedesk/cratedesk-desktop"

    zcat /usr/share/man/man1/cratedesk.1.gz | grep -q '^\.SS "cratedesk serve"' || fail "the man page has no section on serve"
    pass "man page /usr/share/man/man1/cratedesk.1.gz documents the commands"

    local desktop=/usr/share/applications/$id.desktop metainfo=/usr/share/metainfo/$id.metainfo.xml size
    desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"
    appstreamcli validate --no-net --pedantic "$metainfo" || fail "appstreamcli validate $metainfo"
    for size in 16 22 24 32 48 64 128 256 scalable; do
        case $size in
            scalable) [ -s /usr/share/icons/hicolor/scalable/apps/$id.svg ] || fail "no scalable icon" ;;
            *) [ -s "/usr/share/icons/hicolor/${size}x${size}/apps/$id.png" ] || fail "no ${size}x${size} icon" ;;
        esac
    done
    pass "desktop-file-validate, appstreamcli validate, icons in every size"

    # The local feed on a free port; its URL is the first line serve prints.
    local work=/tmp/work data url
    mkdir -p "$work"
    data=$work/feed
    cratedesk serve --data "$data" --port 0 >"$work/serve.log" 2>&1 &
    local server=$!
    for _ in $(seq 100); do
        url=$(grep -o 'sparse+http://127.0.0.1:[0-9]*/' "$work/serve.log" | head -n1 || true)
        [ -n "$url" ] && break
        sleep 0.1
    done
    [ -n "$url" ] || { cat "$work/serve.log" >&2; fail "cratedesk serve printed no URL"; }
    local http=${url#sparse+}
    curl -fsS "${http}config.json" >"$work/config.json" || fail "GET ${http}config.json"
    grep -q '"dl"' "$work/config.json" || fail "config.json has no dl: $(cat "$work/config.json")"
    pass "cratedesk serve answers config.json at $url: $(tr -d '\n' <"$work/config.json")"

    local token files=() name file
    token=$(cratedesk feed token create --data "$data")
    for name in "${crates_used[@]}"; do
        file=$(find "$crates" -name "$name-[0-9]*.crate" | sort -V | tail -n1)
        [ -n "$file" ] || fail "no $name in $crates"
        files+=("$file")
    done
    printf '%s\n' "$token" | cratedesk publish "${files[@]}" --index "$url" --token-stdin >"$work/publish.log" 2>&1 \
        || { cat "$work/publish.log" >&2; fail "cratedesk publish"; }
    pass "cratedesk publish $(for file in "${files[@]}"; do basename "$file" .crate; done | paste -sd' ')"

    # A new project with those crates from the feed, built and run by Debian's cargo.
    export CARGO_HOME=$work/cargo-home
    mkdir -p "$CARGO_HOME" "$work/hello/src"
    printf '[registries.local]\nindex = "%s"\n' "$url" >"$CARGO_HOME/config.toml"
    cat >"$work/hello/Cargo.toml" <<'TOML'
[package]
name = "hello-feed"
version = "0.1.0"
edition = "2021"

[dependencies]
anyhow = { version = "1", registry = "local" }
cfg-if = { version = "1", registry = "local" }
itoa = { version = "1", registry = "local" }
TOML
    cat >"$work/hello/src/main.rs" <<'RUST'
fn main() -> anyhow::Result<()> {
    cfg_if::cfg_if! {
        if #[cfg(unix)] { let os = "unix"; } else { let os = "another system"; }
    }
    let mut buffer = itoa::Buffer::new();
    println!("built against the local feed on {}: {}", os, buffer.format(58));
    Ok(())
}
RUST
    (cd "$work/hello" && cargo run --quiet) >"$work/cargo.log" 2>&1 \
        || { cat "$work/cargo.log" >&2; fail "cargo run against the local feed"; }
    grep -q 'built against the local feed on unix: 58' "$work/cargo.log" || fail "cargo's program printed: $(cat "$work/cargo.log")"
    pass "cargo build against the local feed: $(grep -c '^name = ' "$work/hello/Cargo.lock") packages locked, program ran"
    kill "$server"
    wait "$server" || true

    # The window, started as the application menu starts it: the desktop file's Exec line.
    local exec_line
    exec_line=$(sed -n 's/^Exec=//p' "$desktop" | sed 's/ %[fFuUdDnNickvm]//g')
    command -v "${exec_line%% *}" >/dev/null || fail "Exec=$exec_line is not on PATH"
    mkdir -p "$out"
    rm -f "$out/screenshot.png"
    # shellcheck disable=SC2086 # the Exec line is a command line
    dbus-run-session -- xvfb-run -a -s '-screen 0 1600x1000x24' \
        $exec_line --data "$data" --port 0 --open anyhow --screenshot "$out/screenshot.png" --screenshot-delay 4000 \
        >"$work/gui.log" 2>&1 || { cat "$work/gui.log" >&2; fail "the window did not start"; }
    [ -s "$out/screenshot.png" ] || { cat "$work/gui.log" >&2; fail "no screenshot"; }
    # Width and height from the PNG's IHDR chunk: a window, not an empty image.
    local w0 w1 w2 w3 h0 h1 h2 h3 width height
    read -r w0 w1 w2 w3 h0 h1 h2 h3 < <(od -An -tu1 -j16 -N8 "$out/screenshot.png")
    width=$(( (w0 << 24) | (w1 << 16) | (w2 << 8) | w3 ))
    height=$(( (h0 << 24) | (h1 << 16) | (h2 << 8) | h3 ))
    [ "$width" -ge 640 ] && [ "$height" -ge 400 ] || fail "the screenshot is ${width}x${height}"
    pass "Exec=$exec_line under Xvfb: a ${width}x${height} window in $out/screenshot.png"

    printf 'install-test: %d passed, 0 failed (%d s inside the install root)\n' "$passed" $((SECONDS - started))
}

main_install_test() {
    [ "$(id -u)" = 0 ] || die "the install test needs root (mmdebstrap, chroot)"
    local deb=${1:-}
    if [ -z "$deb" ]; then
        deb=$(find "$checkout/build/package" -maxdepth 1 -name 'cratedesk_*.deb' 2>/dev/null | sort -V | tail -n1)
        [ -n "$deb" ] || die "no build/package/cratedesk_*.deb: run packaging/buildroot.sh package first"
    fi
    deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
    case "$deb" in "$checkout"/*) ;; *) die "$deb is not inside $checkout" ;; esac

    # The real crates, made where the test command makes them (a no-op when they are current).
    local crates_host crates_made
    if use_native; then
        crates_host=$checkout/build/real-crates
        crates_made=$crates_host
    else
        crates_host=$(persistent_cache)/real-crates
        crates_made=/var/cache/cratedesk-persistent/real-crates
    fi
    run "$checkout/tests/fixtures/make-real-crates.sh" "$checkout/tests/fixtures/real-crates.txt" "$crates_made" >&2

    local list="$here/install-test/packages.txt" key root
    key=$({ list_packages "$list"; echo "$suite $mirror install-recipe-1"; } | sha256sum | cut -c1-16)
    root=$cache_base/install-root-$key
    make_root "$root" "$(list_packages "$list" | paste -sd,)"

    # Downloaded packages and the archive's lists survive the run, so a warm run fetches
    # only what changed; the root itself gets a layer that is thrown away.
    mkdir -p "$cache_base/install-apt/archives/partial" "$cache_base/install-apt/lists/partial"
    local -a ROOT_BINDS=(
        "$crates_host:/srv/real-crates:ro"
        "$cache_base/install-apt/archives:/var/cache/apt/archives"
        "$cache_base/install-apt/lists:/var/lib/apt/lists"
    )
    local start=$SECONDS
    ROOT_OVERLAY=1 enter_root "$root" HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" \
        PATH=/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin -- \
        /bin/bash "$here/install-test.sh" --inside "$deb" /srv/real-crates "$checkout/build/install-test"
    say "install test done in $((SECONDS - start)) s"
}

if [ "${1:-}" = --inside ]; then
    shift
    inside "$@"
else
    main_install_test "$@"
fi

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Debian 13 build root: CrateDesk needs Qt >= 6.8, KF6 Archive, QtKeychain, toml++ and
# Qt HttpServer, which Debian 12 does not have. This script creates a Debian 13 root once
# (mmdebstrap, Debian's archive only), reuses it, and runs commands inside it in a private
# mount namespace. On a host that already has everything it runs the same commands natively.
#
#   packaging/buildroot.sh app [ARGS...]   build (dev preset) and start CrateDesk
#   packaging/buildroot.sh test            build (ci preset) and run the whole test suite
#   packaging/buildroot.sh bench           build (release) and run the benchmarks
#   packaging/buildroot.sh run CMD...      run any command (inside the root unless native)
#   packaging/buildroot.sh path            print where the root is (creating it if needed)
#
# Environment: CRATEDESK_NATIVE=1 forces native, CRATEDESK_NATIVE=0 forces the root;
# CRATEDESK_ROOT_CACHE (default /var/cache/cratedesk) is where roots and caches live.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
checkout=$(cd "$here/.." && pwd)
packages_file="$here/buildroot/packages.txt"
cache_base=${CRATEDESK_ROOT_CACHE:-/var/cache/cratedesk}
suite=trixie
mirror=http://deb.debian.org/debian
security=http://deb.debian.org/debian-security

say() { printf 'buildroot: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

package_list() { sed -e 's/#.*//' -e 's/[[:space:]]//g' "$packages_file" | grep -v '^$'; }

# The key covers the package list and the recipe below, so either change builds a new root.
root_key() {
    { package_list; echo "$suite $mirror recipe-2"; } | sha256sum | cut -c1-16
}

root_dir() { echo "$cache_base/root-$(root_key)"; }

# Cargo's and our own caches that should survive between clean clones on one machine.
persistent_cache() { echo "$cache_base/cache-$(root_key)"; }

host_has_everything() {
    local cmd
    for cmd in cmake ninja g++ cargo dbus-run-session gnome-keyring-daemon xvfb-run; do
        command -v "$cmd" >/dev/null 2>&1 || return 1
    done
    local qtver
    qtver=$(pkg-config --modversion Qt6Core 2>/dev/null) || return 1
    [ "$(printf '%s\n6.8.0\n' "$qtver" | sort -V | head -n1)" = 6.8.0 ] || return 1
    local cfg
    for cfg in KF6Archive Qt6HttpServer Qt6Keychain; do
        compgen -G "/usr/lib*/cmake/$cfg" >/dev/null \
            || compgen -G "/usr/lib/*/cmake/$cfg" >/dev/null || return 1
    done
    pkg-config --exists tomlplusplus 2>/dev/null || return 1
}

use_native() {
    case "${CRATEDESK_NATIVE:-auto}" in
        1) return 0 ;;
        0) return 1 ;;
        *) host_has_everything ;;
    esac
}

ensure_mmdebstrap() {
    command -v mmdebstrap >/dev/null 2>&1 && return 0
    [ "$(id -u)" = 0 ] || die "mmdebstrap is missing; install it (apt-get install mmdebstrap) or run as root"
    say "installing mmdebstrap on the host"
    # Other configured repositories may be unreachable; Debian's archive is what we need.
    apt-get update -qq || say "apt-get update reported errors; trying the install anyway"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap >/dev/null
}

ensure_root() {
    local root
    root=$(root_dir)
    [ -f "$root/.cratedesk-root-complete" ] && return 0
    [ "$(id -u)" = 0 ] || die "creating the build root needs root (it uses mmdebstrap and chroot)"
    ensure_mmdebstrap
    mkdir -p "$cache_base"
    exec 9>"$cache_base/.lock"
    flock 9
    [ -f "$root/.cratedesk-root-complete" ] && return 0
    local tmp="$root.partial"
    rm -rf "$tmp"
    local start=$SECONDS
    say "creating the Debian 13 root in $root (once; a few minutes)"
    mmdebstrap --variant=apt --mode=root \
        --include="$(package_list | paste -sd,)" \
        --aptopt='Acquire::Retries "3"' \
        --dpkgopt='path-exclude=/usr/share/doc/*' \
        --dpkgopt='path-include=/usr/share/doc/*/copyright' \
        --dpkgopt='path-exclude=/usr/share/man/*' \
        "$suite" "$tmp" \
        "deb $mirror $suite main" \
        "deb $mirror $suite-updates main" \
        "deb $security $suite-security main" >&2
    touch "$tmp/.cratedesk-root-complete"
    # Rename last so that an interrupted creation is never mistaken for a usable root.
    mv "$tmp" "$root"
    say "root ready after $((SECONDS - start)) s ($(du -sh "$root" | cut -f1))"
    # Old roots from earlier package lists are dead weight.
    local old
    for old in "$cache_base"/root-*; do
        [ "$old" = "$root" ] || [ ! -d "$old" ] || { say "removing old root $old"; rm -rf "$old"; }
    done
}

# Runs "$@" inside the root: private mount namespace, checkout and ../shared at the same
# paths, /proc, /dev, /sys, a private /tmp. Nothing stays mounted when it returns.
run_in_root() {
    ensure_root
    local root cache shared
    root=$(root_dir)
    cache=$(persistent_cache)
    mkdir -p "$cache"
    shared=$(cd "$checkout/.." && pwd)/shared
    [ -d "$shared" ] || shared=
    local display_socket= xauth=
    if [ -n "${DISPLAY:-}" ] && [ -d /tmp/.X11-unix ]; then display_socket=/tmp/.X11-unix; fi
    if [ -n "${XAUTHORITY:-}" ] && [ -f "$XAUTHORITY" ]; then xauth=$XAUTHORITY; fi

    local -a env=(
        HOME=/root
        PATH=/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin
        LANG=C.UTF-8
        TERM="${TERM:-dumb}"
        CI="${CI:-}"
        CRATEDESK_IN_ROOT=1
        CRATEDESK_CACHE_DIR=/var/cache/cratedesk-persistent
        CTEST_PARALLEL_LEVEL="${CTEST_PARALLEL_LEVEL:-}"
        CTEST_OUTPUT_ON_FAILURE=1
        # One compiler cache for every build directory and clean clone: objects depend on
        # the sources, not on where the checkout or build tree sits.
        CCACHE_DIR=/var/cache/cratedesk-persistent/ccache
        CCACHE_BASEDIR="$checkout"
        CCACHE_NOHASHDIR=1
    )
    [ -n "$display_socket" ] && env+=(DISPLAY="$DISPLAY")
    [ -n "$xauth" ] && env+=(XAUTHORITY=/tmp/.cratedesk-xauthority)
    [ -n "${QT_QPA_PLATFORM:-}" ] && env+=(QT_QPA_PLATFORM="$QT_QPA_PLATFORM")

    local inner
    inner=$(cat <<EOF
root=$(printf %q "$root")
mount --rbind /dev "\$root/dev"
mount -t proc proc "\$root/proc"
mount --rbind /sys "\$root/sys"
mount -t tmpfs -o mode=1777 tmpfs "\$root/tmp"
mkdir -p "\$root"$(printf %q "$checkout") "\$root/var/cache/cratedesk-persistent"
mount --bind $(printf %q "$checkout") "\$root"$(printf %q "$checkout")
mount --bind $(printf %q "$cache") "\$root/var/cache/cratedesk-persistent"
if [ -n "$shared" ]; then mkdir -p "\$root$shared"; mount --bind -o ro "$shared" "\$root$shared"; fi
if [ -n "$display_socket" ]; then mkdir -p "\$root/tmp/.X11-unix"; mount --bind /tmp/.X11-unix "\$root/tmp/.X11-unix"; fi
if [ -n "$xauth" ]; then touch "\$root/tmp/.cratedesk-xauthority"; mount --bind "$xauth" "\$root/tmp/.cratedesk-xauthority"; fi
cp -L /etc/resolv.conf "\$root/etc/resolv.conf" 2>/dev/null || true
exec chroot "\$root" /usr/bin/env -i $(printf '%q ' "${env[@]}") /bin/bash -c 'cd "\$0" 2>/dev/null || cd /; exec "\$@"' $(printf %q "$PWD") "\$@"
EOF
)
    unshare --mount --propagation private -- /bin/bash -euo pipefail -c "$inner" buildroot "$@"
}

run() {
    if use_native; then
        "$@"
    else
        run_in_root "$@"
    fi
}

# The commands below run the same whether native or inside the root.
build_cmds() {
    local preset=$1
    printf 'cmake --preset %q >/dev/null && cmake --build --preset %q' "$preset" "$preset"
}

cmd_app() {
    local args
    args=$(printf '%q ' "$@")
    # Without arguments: a fresh local feed into which the real crates of the test fixture are
    # published at start, so that a first look shows content.
    local demo=
    if [ $# -eq 0 ]; then
        demo="crates=\${CRATEDESK_CACHE_DIR:-build/dev}/real-crates && \
            tests/fixtures/make-real-crates.sh tests/fixtures/real-crates.txt \"\$crates\" >&2 && \
            set -- --data \"\$(mktemp -d)/feed\" --seed-from \"\$crates\" &&"
        args='"$@"'
    fi
    run /bin/bash -c "cd $(printf %q "$checkout") && $(build_cmds dev) && $demo \
        if [ -n \"\${DISPLAY:-}\" ] || [ \"\${QT_QPA_PLATFORM:-}\" = offscreen ]; then \
            exec build/dev/app/cratedesk $args; \
        else \
            exec xvfb-run -a -s '-screen 0 1600x1000x24' build/dev/app/cratedesk $args; \
        fi"
}

cmd_test() {
    # Every test twice: as released (warnings are errors), then under AddressSanitizer and
    # UndefinedBehaviorSanitizer, where a use after free or a bad cast fails the run.
    run /bin/bash -c "cd $(printf %q "$checkout") && $(build_cmds ci) && \
        ctest --preset ci && $(build_cmds asan) && ctest --preset asan"
}

cmd_bench() {
    run /bin/bash -c "cd $(printf %q "$checkout") && $(build_cmds bench) && \
        tests/benchmarks/run-all.sh build/bench"
}

main() {
    local sub=${1:-}
    [ $# -gt 0 ] && shift
    case "$sub" in
        app) cmd_app "$@" ;;
        test) cmd_test ;;
        bench) cmd_bench ;;
        run) [ $# -gt 0 ] || die "usage: $0 run CMD [ARGS...]"; run "$@" ;;
        path) if use_native; then echo /; else ensure_root; root_dir; fi ;;
        native?) if use_native; then echo native; else echo root; fi ;;
        *) sed -n '4,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    esac
}

main "$@"

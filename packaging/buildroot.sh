#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Debian 13 build root: CrateDesk needs Qt >= 6.8, KF6 Archive, QtKeychain, toml++ and
# Qt HttpServer, which Debian 12 does not have. This script creates a Debian 13 root once
# (mmdebstrap, Debian's archive only), reuses it, and runs commands inside it in a private
# mount namespace. On a host that already has everything it runs the same commands natively.
#
#   packaging/buildroot.sh app [ARGS...]   build (ci preset, only the executable) and start CrateDesk
#   packaging/buildroot.sh test            build (ci preset) and run the whole test suite
#   packaging/buildroot.sh package         build the Debian package (build/package/*.deb), lintian
#   packaging/buildroot.sh bench           build (release) and run the benchmarks
#   packaging/buildroot.sh run CMD...      run any command (inside the root unless native)
#   packaging/buildroot.sh path            print where the root is (creating it if needed)
#   packaging/buildroot.sh packages        print the apt-get line for a native build (README)
#
# Environment: CRATEDESK_NATIVE=1 forces native, CRATEDESK_NATIVE=0 forces the root;
# CRATEDESK_ROOT_CACHE (default /var/cache/cratedesk) is where roots and caches live;
# CRATEDESK_APP_PRESET (default ci) is the preset `app` builds, e.g. dev for a debug build.
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

# The packages of a list file: one a line, '#' starts a comment.
list_packages() { sed -e 's/#.*//' -e 's/[[:space:]]//g' "$1" | grep -v '^$'; }
package_list() { list_packages "$packages_file"; }
# What a native build of app, test and package needs: the root's packages but for the
# benchmarks' (marked "# bench").
native_packages() { grep -v '#[[:space:]]*bench' "$packages_file" | list_packages /dev/stdin; }

# The key covers the package list and the recipe below, so either change builds a new root.
root_key() {
    { package_list; echo "$suite $mirror recipe-2"; } | sha256sum | cut -c1-16
}

root_dir() { echo "$cache_base/root-$(root_key)"; }

# Cargo's and our own caches that should survive between clean clones on one machine.
persistent_cache() { echo "$cache_base/cache-$(root_key)"; }

# The compiler cache is shared by every root: ccache checks the compiler and every header
# itself, so a new package list (a new root) does not throw away the objects of the old one.
compiler_cache() { echo "$cache_base/ccache"; }

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

# make_root DIR PACKAGES [MMDEBSTRAP-OPTION...]: a Debian 13 root with PACKAGES (comma
# separated) in DIR, made once. install-test.sh makes its second root with it too.
make_root() {
    local root=$1 packages=$2
    shift 2
    [ -f "$root/.cratedesk-root-complete" ] && return 0
    [ "$(id -u)" = 0 ] || die "creating a Debian 13 root needs root (it uses mmdebstrap and chroot)"
    ensure_mmdebstrap
    mkdir -p "$cache_base"
    exec 9>"$cache_base/.lock"
    flock 9
    if [ ! -f "$root/.cratedesk-root-complete" ]; then
        local tmp="$root.partial" start=$SECONDS
        rm -rf "$tmp"
        say "creating the Debian 13 root $root (once; a few minutes)"
        mmdebstrap --variant=apt --mode=root \
            --include="$packages" \
            --aptopt='Acquire::Retries "3"' \
            "$@" \
            "$suite" "$tmp" \
            "deb $mirror $suite main" \
            "deb $mirror $suite-updates main" \
            "deb $security $suite-security main" >&2
        touch "$tmp/.cratedesk-root-complete"
        # Rename last so that an interrupted creation is never mistaken for a usable root.
        mv "$tmp" "$root"
        say "root ready after $((SECONDS - start)) s ($(du -sh "$root" | cut -f1))"
        prune_roots "$root"
    fi
    exec 9>&-
}

# True while a process runs inside ROOT.
root_in_use() {
    local proc dir
    for proc in /proc/[0-9]*; do
        dir=$(readlink "$proc/root" 2>/dev/null) || continue
        case "$dir/" in "$1/"*) return 0 ;; esac
    done
    # A process inside a layer over ROOT (install-test.sh) has the layer as its root: the
    # last-used stamp that enter_root leaves keeps such a root.
    return 1
}

# Roots of earlier package lists of the same kind as KEEP are dead weight, but another clone
# or branch on this machine may still use one: remove only those that no process runs in and
# that nobody entered for a week.
prune_roots() {
    local keep=$1 kind old last now
    kind=$(basename "$keep")
    kind=${kind%-*}
    now=$(date +%s)
    for old in "$cache_base/$kind"-*; do
        [ -d "$old" ] && [ "$old" != "$keep" ] || continue
        case "$old" in *.partial | *.layer) continue ;; esac
        # A root of an earlier version of this script has no .last-used stamp.
        last=$( { stat -c %Y "$old.last-used" "$old/.cratedesk-root-complete" 2>/dev/null || true; } | sort -n | tail -n1)
        if root_in_use "$old" || { [ -n "$last" ] && [ $((now - last)) -lt $((7 * 86400)) ]; }; then
            say "keeping the earlier root $old (in use or used in the last 7 days)"
            continue
        fi
        say "removing the earlier root $old"
        rm -rf "$old" "$old.last-used"
        [ "$kind" != root ] || rm -rf "$cache_base/cache-${old##*/root-}"
    done
}

ensure_root() {
    make_root "$(root_dir)" "$(package_list | paste -sd,)" \
        --dpkgopt='path-exclude=/usr/share/doc/*' \
        --dpkgopt='path-include=/usr/share/doc/*/copyright' \
        --dpkgopt='path-exclude=/usr/share/man/*'
}

# enter_root ROOT [NAME=VALUE...] -- CMD...: runs CMD with only that environment inside ROOT,
# in a private mount namespace with /proc, /dev, /sys, a private /tmp and the checkout at its
# own path. ROOT_BINDS (an array of HOST:PATH or HOST:PATH:ro) adds mounts; ROOT_OVERLAY=1
# lays a throwaway layer over ROOT, so that nothing CMD changes stays. Nothing stays mounted
# when it returns.
enter_root() {
    local root=$1
    shift
    local -a env=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do env+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    touch "$root.last-used"
    local binds= spec host path opt
    for spec in ${ROOT_BINDS[@]+"${ROOT_BINDS[@]}"}; do
        IFS=: read -r host path opt <<<"$spec"
        if [ -d "$host" ]; then
            binds+="mkdir -p \"\$top\"$(printf %q "$path")"$'\n'
        else
            binds+="mkdir -p \"\$top\"$(printf %q "$(dirname "$path")") && touch \"\$top\"$(printf %q "$path")"$'\n'
        fi
        binds+="mount --bind $(printf %q "$host") \"\$top\"$(printf %q "$path")"$'\n'
        [ "$opt" != ro ] || binds+="mount -o remount,bind,ro \"\$top\"$(printf %q "$path")"$'\n'
    done
    local inner
    inner=$(cat <<EOF
top=$(printf %q "$root")
if [ "${ROOT_OVERLAY:-0}" = 1 ]; then
    # The layer lives in memory: the cached root stays as it was made. Mounts are private to
    # this namespace, so runs at the same time each see their own tmpfs on the same folder.
    layer=\$top.layer
    mkdir -p "\$layer"
    mount -t tmpfs tmpfs "\$layer"
    mkdir -p "\$layer/upper" "\$layer/work" "\$layer/merged"
    mount -t overlay overlay -o "lowerdir=\$top,upperdir=\$layer/upper,workdir=\$layer/work" "\$layer/merged"
    top=\$layer/merged
fi
mount --rbind /dev "\$top/dev"
mount -t proc proc "\$top/proc"
mount --rbind /sys "\$top/sys"
mount -t tmpfs -o mode=1777 tmpfs "\$top/tmp"
mkdir -p "\$top"$(printf %q "$checkout")
mount --bind $(printf %q "$checkout") "\$top"$(printf %q "$checkout")
$binds
cp -L /etc/resolv.conf "\$top/etc/resolv.conf" 2>/dev/null || true
exec chroot "\$top" /usr/bin/env -i $(printf '%q ' "${env[@]}") /bin/bash -c 'cd "\$0" 2>/dev/null || cd /; exec "\$@"' $(printf %q "$PWD") "\$@"
EOF
)
    unshare --mount --propagation private -- /bin/bash -euo pipefail -c "$inner" buildroot "$@"
}

# Runs "$@" inside the build root: the checkout and ../shared at their own paths, the
# caches, and the host's display if it has one.
run_in_root() {
    ensure_root
    local root cache ccache shared
    root=$(root_dir)
    cache=$(persistent_cache)
    ccache=$(compiler_cache)
    mkdir -p "$cache" "$ccache"
    local -a ROOT_BINDS=("$cache:/var/cache/cratedesk-persistent" "$ccache:/var/cache/cratedesk-ccache")
    shared=$(cd "$checkout/.." && pwd)/shared
    [ ! -d "$shared" ] || ROOT_BINDS+=("$shared:$shared:ro")

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
        CCACHE_DIR=/var/cache/cratedesk-ccache
        CCACHE_BASEDIR="$checkout"
        CCACHE_NOHASHDIR=1
    )
    if [ -n "${DISPLAY:-}" ] && [ -d /tmp/.X11-unix ]; then
        env+=(DISPLAY="$DISPLAY")
        ROOT_BINDS+=("/tmp/.X11-unix:/tmp/.X11-unix")
    fi
    if [ -n "${XAUTHORITY:-}" ] && [ -f "$XAUTHORITY" ]; then
        env+=(XAUTHORITY=/tmp/.cratedesk-xauthority)
        ROOT_BINDS+=("$XAUTHORITY:/tmp/.cratedesk-xauthority")
    fi
    [ -n "${QT_QPA_PLATFORM:-}" ] && env+=(QT_QPA_PLATFORM="$QT_QPA_PLATFORM")
    enter_root "$root" "${env[@]}" -- "$@"
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
    shift
    printf 'cmake --preset %q >/dev/null && cmake --build --preset %q' "$preset" "$preset"
    [ $# -eq 0 ] || printf ' --target %q' "$@"
}

cmd_app() {
    # The test command's tree, and only the executable: whoever ran the tests starts at once,
    # and whoever starts the app first has half of the test build done.
    local preset=${CRATEDESK_APP_PRESET:-ci}
    local exe="build/$preset/app/cratedesk"
    local args
    args=$(printf '%q ' "$@")
    # Without arguments: a fresh local feed into which the real crates of the test fixture are
    # published at start, so that a first look shows content.
    local demo=
    if [ $# -eq 0 ]; then
        demo="crates=\${CRATEDESK_CACHE_DIR:-build/$preset}/real-crates && \
            tests/fixtures/make-real-crates.sh tests/fixtures/real-crates.txt \"\$crates\" >&2 && \
            set -- --data \"\$(mktemp -d)/feed\" --seed-from \"\$crates\" &&"
        args='"$@"'
    fi
    run /bin/bash -c "cd $(printf %q "$checkout") && $(build_cmds "$preset" cratedesk) && $demo \
        if [ -n \"\${DISPLAY:-}\" ] || [ \"\${QT_QPA_PLATFORM:-}\" = offscreen ]; then \
            exec $exe $args; \
        else \
            exec xvfb-run -a -s '-screen 0 1600x1000x24' $exe $args; \
        fi"
}

cmd_test() {
    # Every test twice: as released (warnings are errors), then under AddressSanitizer and
    # UndefinedBehaviorSanitizer, where a use after free or a bad cast fails the run.
    run /bin/bash -c "cd $(printf %q "$checkout") && $(build_cmds ci) && \
        ctest --preset ci && $(build_cmds asan) && ctest --preset asan"
}

cmd_package() {
    # The package preset compiles with the ci preset's flags, so after the test command every
    # object comes from the compiler cache; lintian then fails the command on any error.
    run /bin/bash -c "cd $(printf %q "$checkout") && $(build_cmds package) && \
        cpack --preset package && \
        lintian --fail-on error --display-info build/package/cratedesk_*.deb && \
        ls -l build/package/cratedesk_*.deb"
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
        package) cmd_package ;;
        bench) cmd_bench ;;
        run) [ $# -gt 0 ] || die "usage: $0 run CMD [ARGS...]"; run "$@" ;;
        path) if use_native; then echo /; else ensure_root; root_dir; fi ;;
        native?) if use_native; then echo native; else echo root; fi ;;
        packages) echo "apt-get install $(native_packages | paste -sd' ')" ;;
        *) sed -n '4,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    esac
}

# install-test.sh sources this file for its functions.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    main "$@"
fi

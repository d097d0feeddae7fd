# SPDX-License-Identifier: GPL-3.0-or-later
# Helpers shared by the bench-*.sh scripts, which source this file after defining say(), die()
# and the associative array `started` of the pids they launched.

# key=value output of the helper tools.
val() { sed -n "s/^$2=//p" "$1" | tail -n1; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_port() { # PORT PID
    local _
    for _ in $(seq 200); do
        kill -0 "$2" 2>/dev/null || return 1
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.05
    done
    return 1
}

require_alive() { # PID NAME LOG
    kill -0 "$1" 2>/dev/null && return 0
    say "$2 is no longer running; the end of its log:"
    tail -n 20 "$3" >&2 || true
    die "$2 died"
}

# Stops one server the script started; its exit status lands in $stop_status.
stop_pid() {
    local pid=$1 _
    stop_status=
    [ -n "${started[$pid]:-}" ] || return 0
    unset "started[$pid]"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        say "pid $pid ignored SIGTERM for 10 s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    stop_status=0
    wait "$pid" 2>/dev/null || stop_status=$?
}

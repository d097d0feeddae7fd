# SPDX-License-Identifier: GPL-3.0-or-later
# Helpers shared by the bench-*.sh scripts, which source this file after defining say() and die().

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

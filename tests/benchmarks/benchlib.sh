# SPDX-License-Identifier: GPL-3.0-or-later
# Helpers shared by the bench-*.sh scripts, which source this file after defining say() and
# die(). It declares `started` (the pids of the servers a script launched, stopped by pid
# only) and `broken` (what went wrong; any entry makes a run fail after its figures).

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

declare -gA started=()
broken=()

# The folder for temporary files: $1 when set, else /dev/shm where writable (a benchmark should
# not measure the disk), else TMPDIR or /tmp.
bench_tmp_base() { # [CHOSEN]
    if [ -n "${1:-}" ]; then
        printf '%s' "$1"
    elif [ -d /dev/shm ] && [ -w /dev/shm ]; then
        printf '/dev/shm'
    else
        printf '%s' "${TMPDIR:-/tmp}"
    fi
}

# Makes the scratch folder $work (NAME.XXXXXX under BASE, default TMPDIR or /tmp). On exit,
# every server in `started` is stopped and the folder removed; Ctrl-C exits with 130.
bench_workdir() { # NAME [BASE]
    work=$(mktemp -d "${2:-${TMPDIR:-/tmp}}/$1.XXXXXX")
    trap bench_cleanup EXIT
    trap 'exit 130' INT TERM
}

bench_cleanup() {
    local pid
    for pid in "${!started[@]}"; do stop_pid "$pid"; done
    rm -rf "$work"
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR == 0) ? "n/a" : v[int((NR + 1) / 2)] }'; }

# Starts `cratedesk serve` on a free port and waits until it prints its index URL, which it
# checks: sets feed_pid and index_url, and records the pid in the caller's `started` array.
# Environment given before the call (QT_LOGGING_RULES=...) reaches the server.
start_feed() { # CRATEDESK DATA_DIR OUT LOG
    "$1" serve --data "$2" --port 0 >"$3" 2>"$4" &
    feed_pid=$!
    started[$feed_pid]=1
    for _ in $(seq 300); do
        [ -s "$3" ] && break
        require_alive "$feed_pid" "cratedesk serve" "$4"
        sleep 0.1
    done
    index_url=$(head -n1 "$3")
    case "$index_url" in
        sparse+http://127.0.0.1:*/) ;;
        *) die "cratedesk serve printed \"$index_url\", not sparse+http://127.0.0.1:PORT/" ;;
    esac
}

# Extracts the crates.io index subset ARCHIVE into $work/index and serves it with Debian's nginx
# on a free port (one worker, sendfile, ETags, no-cache), pointing config.json's dl and api at
# it. HTTPS=1 serves https with HTTP/2 and the certificate of TLS_DIR, which curl-like clients
# are told to trust (fetch_tls, CARGO_HTTP_CAINFO). Sets port, base_url, ndir, nginx_pid and
# nginx_version; needs $work (bench_workdir).
serve_index_subset() { # ARCHIVE HTTPS TLS_DIR
    local archive=$1 https=$2 tls_dir=$3 listen
    port=$(free_port)
    if [ "$https" = 1 ]; then
        base_url=https://127.0.0.1:$port
        listen="listen 127.0.0.1:$port ssl; http2 on; ssl_certificate $tls_dir/localhost-cert.pem; ssl_certificate_key $tls_dir/localhost-key.pem;"
        fetch_tls=(--ca "$tls_dir/localhost-cert.pem")
        export CARGO_HTTP_CAINFO=$tls_dir/localhost-cert.pem
    else
        base_url=http://127.0.0.1:$port
        listen="listen 127.0.0.1:$port;"
        fetch_tls=()
    fi
    say "extracting $(basename "$archive")"
    mkdir -p "$work/index"
    zstd -q -d --long=27 -c "$archive" | tar -x -C "$work/index"
    [ -f "$work/index/config.json" ] || die "the archive has no config.json"
    python3 - "$work/index/config.json" "$base_url" <<'EOF'
import json, sys
path, url = sys.argv[1], sys.argv[2]
with open(path) as f:
    config = json.load(f)
config["dl"] = url + "/api/v1/crates"
config["api"] = url
config.pop("auth-required", None)
with open(path, "w") as f:
    json.dump(config, f)
EOF
    nginx_version=$(nginx -v 2>&1 | sed 's/.*nginx\///')
    ndir=$work/nginx
    mkdir -p "$ndir/tmp"
    cat >"$ndir/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes 1;
user root;
pid $ndir/nginx.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
    access_log $ndir/access.log;
    default_type text/plain;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    etag on;
    client_body_temp_path $ndir/tmp/body;
    proxy_temp_path $ndir/tmp/proxy;
    fastcgi_temp_path $ndir/tmp/fastcgi;
    uwsgi_temp_path $ndir/tmp/uwsgi;
    scgi_temp_path $ndir/tmp/scgi;
    server {
        $listen
        root $work/index;
        location / { add_header Cache-Control no-cache; }
    }
}
EOF
    nginx -p "$ndir/" -c "$ndir/nginx.conf" -e stderr 2>"$ndir/error.log" &
    nginx_pid=$!
    started[$nginx_pid]=1
    wait_port "$port" "$nginx_pid" || { cat "$ndir/error.log" >&2; die "nginx did not start"; }
    say "nginx $nginx_version at $base_url/"
}

#!/usr/bin/env bash
# Start a throwaway PostgreSQL 15 cluster for the storage tests, on 127.0.0.1 only.
#
#   eval "$(scripts/pg-test-server.sh start)"   # exports MATURITY_TEST_POSTGRES_URL
#   scripts/pg-test-server.sh stop
#
# The cluster lives in a temp dir (recorded in $PG_TEST_STATE, default /tmp/maturity-pg-test.state)
# and is deleted by `stop`. PostgreSQL refuses to run as root: when run as root, initdb/pg_ctl run as
# the `postgres` user (runuser). PG_BIN: default /usr/lib/postgresql/15/bin, else the newest installed.
set -euo pipefail

if [ -z "${PG_BIN:-}" ]; then
    PG_BIN=/usr/lib/postgresql/15/bin
    # Another major version from Debian's `postgresql` package will do as well.
    [ -x "$PG_BIN/initdb" ] || PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
fi
STATE="${PG_TEST_STATE:-/tmp/maturity-pg-test.state}"
DB_USER="maturity"
DB_NAME="maturity_test"

as_pg() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 - <<'PY'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

start() {
    if [ -f "$STATE" ]; then
        # shellcheck disable=SC1090
        . "$STATE"
        if as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
            echo "export MATURITY_TEST_POSTGRES_URL='$URL'"
            return 0
        fi
        rm -rf "$BASE_DIR" "$STATE"
    fi
    [ -x "$PG_BIN/initdb" ] || { echo "no PostgreSQL binaries in $PG_BIN" >&2; exit 1; }
    local base port password
    base="$(mktemp -d /tmp/maturity-pg.XXXXXX)"
    chmod 755 "$base"
    [ "$(id -u)" = 0 ] && chown postgres: "$base"
    port="$(free_port)"
    password="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
    printf '%s\n' "$password" >"$base/pwfile"
    [ "$(id -u)" = 0 ] && chown postgres: "$base/pwfile"
    as_pg "$PG_BIN/initdb" -D "$base/data" -U "$DB_USER" --pwfile="$base/pwfile" \
        --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$base/initdb.log" 2>&1 \
        || { cat "$base/initdb.log" >&2; exit 1; }
    rm -f "$base/pwfile"
    # Throwaway cluster: no fsync (fast), listen on loopback only, socket in the temp dir.
    as_pg "$PG_BIN/pg_ctl" -D "$base/data" -l "$base/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $base -c fsync=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null || { cat "$base/server.log" >&2; exit 1; }
    PGPASSWORD="$password" "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U "$DB_USER" "$DB_NAME"
    local url="postgresql+psycopg://$DB_USER:$password@127.0.0.1:$port/$DB_NAME"
    (umask 077; cat >"$STATE") <<STATE_EOF
BASE_DIR='$base'
PGDATA_DIR='$base/data'
URL='$url'
STATE_EOF
    echo "export MATURITY_TEST_POSTGRES_URL='$url'"
}

stop() {
    [ -f "$STATE" ] || { echo "no test server recorded in $STATE" >&2; return 0; }
    # shellcheck disable=SC1090
    . "$STATE"
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$BASE_DIR" "$STATE"
    echo "stopped" >&2
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    url) . "$STATE"; echo "$URL" ;;
    *) echo "usage: $0 [start|stop|url]" >&2; exit 2 ;;
esac

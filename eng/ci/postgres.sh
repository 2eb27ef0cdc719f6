#!/usr/bin/env bash
# A throw-away PostgreSQL server on loopback for the store tests and the conformance service.
#
#   source eng/ci/postgres.sh; pg_start; ...; pg_stop      (exports PCF_TEST_POSTGRES, an Npgsql connection string)
#   bash eng/ci/postgres.sh -- COMMAND...                  (runs COMMAND with PCF_TEST_POSTGRES set, then stops)
#
# Uses initdb/pg_ctl from PATH, /usr/local/bin or /usr/lib/postgresql/*/bin; installs Debian's postgresql package when none
# is found (CI machines run as root). PostgreSQL refuses to run as root, so as root the server runs as the 'postgres'
# user (or 'nobody') from a temporary folder that user owns. Trust authentication on 127.0.0.1 only.

pg_bin() {
  local d
  for d in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")" /usr/local/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

pg_start() {
  local bin
  if ! bin=$(pg_bin); then
    echo "postgres: no initdb found; installing Debian's postgresql package" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || { echo "postgres: install failed" >&2; return 1; }
    bin=$(pg_bin) || { echo "postgres: still no initdb after install" >&2; return 1; }
  fi
  PG_DIR=$(mktemp -d /tmp/pcf-pg.XXXXXX)
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  PG_RUN=()
  if [ "$(id -u)" = 0 ]; then
    local user=postgres
    id -u postgres >/dev/null 2>&1 || user=nobody
    chown "$user" "$PG_DIR"; chmod 700 "$PG_DIR"
    PG_RUN=(runuser -u "$user" --)
  fi
  PG_BIN=$bin
  "${PG_RUN[@]}" "$bin/initdb" -D "$PG_DIR/data" -U pcf -A trust --no-sync -E UTF8 >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  "${PG_RUN[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  export PCF_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=pcf;Database=postgres;Pooling=true"
  export PCF_TEST_POSTGRES_URL="postgres://pcf@127.0.0.1:$PG_PORT/postgres"
  echo "postgres: $("$bin/postgres" --version) on 127.0.0.1:$PG_PORT" >&2
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  unset PG_DIR PCF_TEST_POSTGRES PCF_TEST_POSTGRES_URL
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  [ "${1:-}" = "--" ] && shift
  [ $# -gt 0 ] || { sed -n 2,9p "$0"; exit 2; }
  pg_start
  trap pg_stop EXIT
  "$@"
fi

#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the SQL back end's tests, from
# Debian's `postgresql` package (installed with apt-get when missing and this
# user can), in a fresh data directory on a free local port.
#
#   bash scripts/ensure-postgres.sh start DIR   # prints the connection URL, also written to DIR/url
#   bash scripts/ensure-postgres.sh stop DIR    # stops that server and removes DIR
#
# initdb and the server refuse to run as root, so as root they run as the
# package's `postgres` user (DIR is handed to it). The database is UTF-8 with
# the C.UTF-8 locale, so lower() folds non-ASCII letters as the closures do.
# Tests find the server through QUALIFY_PG_URL (scripts/test.sh exports it).
set -euo pipefail
action="${1:-}"
dir="${2:-}"
if [ -z "$action" ] || [ -z "$dir" ]; then
  echo "usage: bash scripts/ensure-postgres.sh start|stop DIR" >&2
  exit 2
fi

bindir() {
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$found" ] && [ -x "$found/initdb" ]; then echo "$found"; return 0; fi
  return 1
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "$action" = stop ]; then
  if bin="$(bindir)" && [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  exit 0
fi
[ "$action" = start ] || { echo "ensure-postgres: unknown action $action (start or stop)" >&2; exit 2; }

if ! bin="$(bindir)"; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "setup: installing Debian's postgresql for the SQL back end's tests (apt-get install postgresql)..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || true
  fi
  if ! bin="$(bindir)"; then
    echo "ensure-postgres: no PostgreSQL server binaries under /usr/lib/postgresql/*/bin; install Debian's postgresql package (as root: apt-get install -y postgresql)" >&2
    exit 1
  fi
fi
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
  echo "ensure-postgres: running as root, and there is no postgres user to run the server as (the postgresql package creates it)" >&2
  exit 1
fi

mkdir -p "$dir/data" "$dir/socket"
if [ "$(id -u)" = 0 ]; then
  chown -R postgres "$dir"
  if ! runuser -u postgres -- test -w "$dir/data"; then
    echo "ensure-postgres: the postgres user cannot reach $dir (a parent directory is closed to it); give a DIR under /tmp" >&2
    exit 1
  fi
fi
port="$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')"
locale=C.UTF-8
locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$' || locale=C
if ! as_owner "$bin/initdb" -D "$dir/data" -U qualify --auth=trust -E UTF8 --locale="$locale" >"$dir/initdb.log" 2>&1; then
  echo "ensure-postgres: initdb failed:" >&2
  cat "$dir/initdb.log" >&2
  exit 1
fi
if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir/socket -c listen_addresses=127.0.0.1 -c jit=off -c fsync=off -c full_page_writes=off" start >/dev/null; then
  echo "ensure-postgres: the server did not start:" >&2
  cat "$dir/server.log" >&2 || true
  exit 1
fi
url="postgres://qualify@127.0.0.1:$port/postgres"
echo "$url" >"$dir/url"
echo "setup: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port for the SQL tests" >&2
echo "$url"

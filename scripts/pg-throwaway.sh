#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests: a fresh data directory in a temp dir, trust authentication,
# listening on 127.0.0.1 only, on a free port, with settings that trade durability for speed
# (unless PG_THROWAWAY_DURABLE=1).
#
# Sourced (as test.sh does), it defines:
#   pg_throwaway_start   starts a cluster; sets and exports PG_THROWAWAY_DIR, PG_THROWAWAY_PORT and
#                        ORLEANSPORTAL_TEST_POSTGRES (an Npgsql connection string, user postgres, database postgres)
#   pg_throwaway_stop    stops the cluster in PG_THROWAWAY_DIR (or $1) and deletes the directory; silent, idempotent
# Run directly:
#   eval "$(scripts/pg-throwaway.sh start)"   starts one and prints the export lines
#   scripts/pg-throwaway.sh stop DIR          stops it and deletes DIR
#   scripts/pg-throwaway.sh crash DIR         kills the server as a crash would, keeping DIR
#   scripts/pg-throwaway.sh revive DIR        starts a crashed server again, on its port, with its settings

# Where initdb/pg_ctl live: pg_config knows; otherwise take the newest /usr/lib/postgresql/*/bin.
pg_throwaway_bindir() {
  local dir
  if command -v pg_config >/dev/null 2>&1; then
    dir="$(pg_config --bindir 2>/dev/null || true)"
    if [[ -n "$dir" && -x "$dir/initdb" ]]; then echo "$dir"; return 0; fi
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$dir/initdb" ]]; then echo "$dir"; return 0; fi
  done
  echo "pg-throwaway: cannot find initdb (install the Debian package 'postgresql')" >&2
  return 1
}

# initdb and the server refuse to run as root: as root, run them as the 'postgres' user.
pg_throwaway_as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# A port nobody listens on: a connection attempt through bash's /dev/tcp is refused.
# Another process may take it before the server binds, so pg_throwaway_start retries on failure.
pg_throwaway_free_port() {
  local port attempt
  for attempt in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "pg-throwaway: no free loopback port found" >&2
  return 1
}

pg_throwaway_start() {
  local bindir dir port attempt
  bindir="$(pg_throwaway_bindir)" || return 1
  if [[ "$(id -u)" == 0 ]] && ! id postgres >/dev/null 2>&1; then
    echo "pg-throwaway: running as root but there is no 'postgres' user to run the server as" >&2
    return 1
  fi

  dir="$(mktemp -d "${TMPDIR:-/tmp}/orleansportal-pg.XXXXXX")" || return 1
  if [[ "$(id -u)" == 0 ]]; then chown postgres: "$dir"; fi
  chmod 700 "$dir"

  # Trust is safe here only because the server listens on loopback and its socket sits in a private directory.
  if ! pg_throwaway_as_owner "$bindir/initdb" -D "$dir/data" -U postgres -E UTF8 --no-locale \
      --auth-local=trust --auth-host=trust --no-sync >"$dir/initdb.log" 2>&1; then
    echo "pg-throwaway: initdb failed:" >&2
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    return 1
  fi
  pg_throwaway_as_owner tee "$dir/data/pg_hba.conf" >/dev/null <<'HBA'
local all all              trust
host  all all 127.0.0.1/32 trust
host  all all ::1/128      trust
HBA

  # Tests trade durability for speed; benchmarks set PG_THROWAWAY_DURABLE=1 to measure a server that fsyncs its commits.
  local speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  if [[ "${PG_THROWAWAY_DURABLE:-0}" == 1 ]]; then speed=""; fi

  for attempt in 1 2 3; do
    port="$(pg_throwaway_free_port)" || break
    if pg_throwaway_as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=64MB \
            $speed" start >/dev/null 2>&1 \
      && "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -t 30; then
      export PG_THROWAWAY_DIR="$dir" PG_THROWAWAY_PORT="$port"
      export ORLEANSPORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      return 0
    fi
    pg_throwaway_as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  done

  echo "pg-throwaway: the server did not become ready; its log:" >&2
  tail -n 30 "$dir/server.log" >&2 2>/dev/null || true
  rm -rf "$dir"
  return 1
}

pg_throwaway_stop() {
  local dir="${1:-${PG_THROWAWAY_DIR:-}}" bindir
  [[ -n "$dir" && -d "$dir" ]] || return 0
  if [[ -f "$dir/data/postmaster.pid" ]] && bindir="$(pg_throwaway_bindir 2>/dev/null)"; then
    # Immediate: nothing in a throwaway cluster is worth a clean shutdown.
    pg_throwaway_as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  if [[ "${PG_THROWAWAY_DIR:-}" == "$dir" ]]; then unset PG_THROWAWAY_DIR PG_THROWAWAY_PORT ORLEANSPORTAL_TEST_POSTGRES; fi
  return 0
}

# Kills the server as a crash would (immediate: no shutdown checkpoint), keeping its data directory.
pg_throwaway_crash() {
  local dir="${1:-${PG_THROWAWAY_DIR:-}}" bindir
  bindir="$(pg_throwaway_bindir)" || return 1
  pg_throwaway_as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
}

# Starts a crashed server again with the options it last ran with (pg_ctl keeps them in postmaster.opts), on the same
# port; it replays its WAL before it takes connections.
pg_throwaway_revive() {
  local dir="${1:-${PG_THROWAWAY_DIR:-}}" bindir
  bindir="$(pg_throwaway_bindir)" || return 1
  pg_throwaway_as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 restart >/dev/null 2>&1
}

# Run as a command rather than sourced.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  case "${1:-}" in
    start)
      pg_throwaway_start
      printf 'export PG_THROWAWAY_DIR=%q\nexport PG_THROWAWAY_PORT=%q\nexport ORLEANSPORTAL_TEST_POSTGRES=%q\n' \
        "$PG_THROWAWAY_DIR" "$PG_THROWAWAY_PORT" "$ORLEANSPORTAL_TEST_POSTGRES"
      ;;
    stop)
      [[ -n "${2:-${PG_THROWAWAY_DIR:-}}" ]] || { echo "usage: $0 stop DIR" >&2; exit 2; }
      pg_throwaway_stop "${2:-}"
      ;;
    crash|revive)
      [[ -n "${2:-${PG_THROWAWAY_DIR:-}}" ]] || { echo "usage: $0 $1 DIR" >&2; exit 2; }
      "pg_throwaway_$1" "${2:-}"
      ;;
    *)
      echo "usage: $0 start | stop DIR | crash DIR | revive DIR" >&2
      exit 2
      ;;
  esac
fi

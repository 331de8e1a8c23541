#!/usr/bin/env bash
# A throwaway PostgreSQL cluster of its own (own port, own data directory, trust auth on 127.0.0.1), for tests
# that must stop a database without disturbing anyone else's. Roles and databases: run deploy/postgres.sh with
# PGPORT set to this cluster's port once it answers.
set -euo pipefail

ME=throwaway-postgres.sh
THROWAWAY_PGPORT=${THROWAWAY_PGPORT:-35432}
THROWAWAY_PGDATA=${THROWAWAY_PGDATA:-}
# The owner of the cluster's files and processes: initdb and postgres refuse to run as root.
THROWAWAY_PGUSER=${THROWAWAY_PGUSER:-postgres}

log() { echo "[$ME] $*"; }
die() { echo "[$ME] ERROR: $*" >&2; exit 1; }

usage() {
  cat <<EOF
Usage: $ME start|stop|destroy|status
  start    initialise the cluster (once) and start it on 127.0.0.1:$THROWAWAY_PGPORT; waits until it answers
  stop     fast shutdown (open connections are cut), data kept: start brings the same cluster back
  destroy  stop, then delete the data directory
  status   exit 0 only when the cluster answers
Env: THROWAWAY_PGPORT=$THROWAWAY_PGPORT THROWAWAY_PGDATA (required: an absolute directory path)
     THROWAWAY_PGUSER=$THROWAWAY_PGUSER (owner of the files and processes when run as root)
EOF
}

bindir() {
  local dir
  dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null | sort -V | tail -1)
  [[ -n $dir ]] || dir=$(dirname "$(command -v pg_ctl || die "no PostgreSQL server binaries (apt-get install postgresql)")")
  echo "$dir"
}

# Runs as the cluster's owner when we are root; as ourselves otherwise.
as_owner() { if ((EUID == 0)); then runuser -u "$THROWAWAY_PGUSER" -- "$@"; else "$@"; fi; }

answers() { pg_isready -q -h 127.0.0.1 -p "$THROWAWAY_PGPORT"; }

ours_running() { [[ -f $THROWAWAY_PGDATA/postmaster.pid ]] && as_owner "$BIN/pg_ctl" status -D "$THROWAWAY_PGDATA" >/dev/null 2>&1; }

init() {
  [[ -f $THROWAWAY_PGDATA/PG_VERSION ]] && return 0
  mkdir -p "$THROWAWAY_PGDATA"
  ((EUID == 0)) && chown "$THROWAWAY_PGUSER" "$THROWAWAY_PGDATA"
  chmod 700 "$THROWAWAY_PGDATA"
  log "initialising a cluster in $THROWAWAY_PGDATA"
  as_owner "$BIN/initdb" -D "$THROWAWAY_PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$THROWAWAY_PGDATA.init.log" 2>&1 \
    || { cat "$THROWAWAY_PGDATA.init.log" >&2; die "initdb failed"; }
}

start() {
  if ours_running; then log "already running on 127.0.0.1:$THROWAWAY_PGPORT"; return 0; fi
  answers && die "port $THROWAWAY_PGPORT already answers: another server, not this cluster"
  init
  # The socket goes into the data directory: no need for the system's /var/run/postgresql.
  as_owner "$BIN/pg_ctl" start -w -t 60 -D "$THROWAWAY_PGDATA" -l "$THROWAWAY_PGDATA/server.log" \
    -o "-p $THROWAWAY_PGPORT -c listen_addresses=127.0.0.1 -k $THROWAWAY_PGDATA -c max_connections=60 -c fsync=off" >/dev/null \
    || { tail -20 "$THROWAWAY_PGDATA/server.log" >&2; die "the cluster did not start"; }
  log "running on 127.0.0.1:$THROWAWAY_PGPORT (data $THROWAWAY_PGDATA)"
}

stop() {
  if ! ours_running; then log "not running"; return 0; fi
  as_owner "$BIN/pg_ctl" stop -w -m fast -D "$THROWAWAY_PGDATA" >/dev/null
  log "stopped"
}

destroy() {
  [[ -d $THROWAWAY_PGDATA ]] || { log "nothing to destroy"; return 0; }
  stop
  rm -rf "$THROWAWAY_PGDATA" "$THROWAWAY_PGDATA.init.log"
  log "removed $THROWAWAY_PGDATA"
}

case ${1:-} in
  start | stop | destroy | status)
    [[ $THROWAWAY_PGDATA = /* ]] || die "THROWAWAY_PGDATA must be an absolute path (see --help)"
    BIN=$(bindir)
    if [[ $1 == status ]]; then ours_running && answers; else "$1"; fi ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Local PostgreSQL for dev and tests: make sure a server runs, then create per-service roles and databases.
# Idempotent: what already exists is left alone.
set -euo pipefail

ME=postgres.sh
SERVICES=(structure conseiller funding)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
PGSUPERUSER=${PGSUPERUSER:-postgres}

log() { echo "[$ME] $*"; }
die() { echo "[$ME] ERROR: $*" >&2; exit 1; }

case ${1:-} in
  "") ;;
  -h | --help)
    cat <<EOF
Usage: $ME
  Starts (or installs, then starts) the local PostgreSQL if $PGHOST:$PGPORT does not answer, then
  creates for each of: ${SERVICES[*]}
  a LOGIN role <svc> (password <svc>, dev only) owning databases <svc> and <svc>_test.
Env: PGHOST=$PGHOST PGPORT=$PGPORT PGSUPERUSER=$PGSUPERUSER
EOF
    exit 0 ;;
  *) die "unknown argument '$1' (see --help)" ;;
esac

as_root() { if ((EUID == 0)); then "$@"; else sudo "$@"; fi; }

ensure_server() {
  if command -v pg_isready >/dev/null && pg_isready -q; then
    log "server answers on $PGHOST:$PGPORT"
    return 0
  fi
  if ! command -v pg_ctlcluster >/dev/null || [[ -z $(ls /etc/postgresql 2>/dev/null) ]]; then
    log "PostgreSQL not installed, installing Debian's postgresql package"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local version
  version=$(find /etc/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -1)
  log "starting cluster $version/main"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true # harmless if it was already up
  for _ in $(seq 1 30); do
    pg_isready -q && { log "server answers on $PGHOST:$PGPORT"; return 0; }
    sleep 1
  done
  die "PostgreSQL does not answer on $PGHOST:$PGPORT"
}

# psql as superuser, SQL on stdin. TCP first (trust auth on dev boxes), else peer auth over the local socket.
PSQL=()
pick_psql() {
  local opts=(-X -q -A -t -v ON_ERROR_STOP=1 -d postgres)
  if psql -h "$PGHOST" -p "$PGPORT" -U "$PGSUPERUSER" -w "${opts[@]}" -c 'select 1' >/dev/null 2>&1; then
    PSQL=(psql -h "$PGHOST" -p "$PGPORT" -U "$PGSUPERUSER" -w "${opts[@]}")
    log "connected as $PGSUPERUSER over TCP"
    return 0
  fi
  # Drop PGHOST, or the fallback would go to the refused TCP endpoint again: libpq then uses its default socket.
  if ((EUID == 0)); then
    PSQL=(su "$PGSUPERUSER" -c "$(printf '%q ' env -u PGHOST psql -p "$PGPORT" "${opts[@]}")")
  else
    PSQL=(sudo -u "$PGSUPERUSER" env -u PGHOST psql -p "$PGPORT" "${opts[@]}")
  fi
  echo 'select 1' | "${PSQL[@]}" >/dev/null || die "cannot connect as $PGSUPERUSER (TCP refused, local socket too)"
  log "connected as $PGSUPERUSER over the local socket (${PSQL[0]})"
}

sql() { echo "$1" | "${PSQL[@]}"; }

ensure_server
pick_psql
for svc in "${SERVICES[@]}"; do
  if [[ -n $(sql "select 1 from pg_roles where rolname = '$svc'") ]]; then
    log "role $svc exists"
  else
    sql "create role \"$svc\" login password '$svc'"
    log "role $svc created"
  fi
  for db in "$svc" "${svc}_test"; do
    if [[ -n $(sql "select 1 from pg_database where datname = '$db'") ]]; then
      log "database $db exists"
    else
      sql "create database \"$db\" owner \"$svc\""
      log "database $db created (owner $svc)"
    fi
  done
done
log "done: ${SERVICES[*]} and their _test databases are ready on $PGHOST:$PGPORT"

#!/usr/bin/env bash
# Operators' commands for the event plumbing of a running service (its admin endpoints, on the service's own port).
set -euo pipefail

ME=events.sh
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT_BASE=${PORT_BASE:-8080}

usage() {
  cat <<EOF
Usage: $ME parked  <service>                 list the outbox events the relay gave up on
       $ME retry   <service> <id>            put a parked event back in line (after fixing its cause)
       $ME discard <service> <id> [reason]   give it up: an EventDiscarded is sent in its place
       $ME replay  <service> <dead-letter-topic> [--include-replayed]
                                             send a dead-letter topic's new records back to their topic
       $ME health  <service>                 the plumbing's backlog (the 'events' health check)
  <service>: structure-service | conseiller-service | funding-service (or a base URL, http://host:port)
Env: PORT_BASE=$PORT_BASE (services on PORT_BASE+1..3, as deploy/run.sh starts them)
     TOKEN: an admin bearer token (default: a 5-minute one from deploy/token.sh, for a local system)
EOF
}

die() { echo "[$ME] ERROR: $*" >&2; exit 1; }

urlencode() { # byte by byte, so accented letters become their UTF-8 escapes
  local LC_ALL=C text=$1 i c out=
  for ((i = 0; i < ${#text}; i++)); do
    c=${text:i:1}
    case $c in
      [a-zA-Z0-9.~_-]) out+=$c ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  echo "$out"
}

base_url() {
  case $1 in
    http://* | https://*) echo "${1%/}" ;;
    structure-service) echo "http://127.0.0.1:$((PORT_BASE + 1))" ;;
    conseiller-service) echo "http://127.0.0.1:$((PORT_BASE + 2))" ;;
    funding-service) echo "http://127.0.0.1:$((PORT_BASE + 3))" ;;
    *) die "unknown service '$1' (see --help)" ;;
  esac
}

admin_token() { echo "${TOKEN:-$("$ROOT/deploy/token.sh" admin --client events-cli --ttl 300)}"; }

# method url [curl args...]: prints the body; an HTTP error fails after printing its problem details
call() {
  local method=$1 url=$2 response status
  shift 2
  response=$(curl -sS -X "$method" -w '\n%{http_code}' -H "Authorization: Bearer $(admin_token)" "$@" "$url") \
    || die "no answer from $url"
  status=${response##*$'\n'}
  echo "${response%$'\n'*}"
  [[ $status == 2* ]] || die "HTTP $status from $method $url"
}

case ${1:-} in
  -h | --help) usage; exit 0 ;;
esac
[[ $# -ge 2 ]] || { usage >&2; exit 2; }
verb=$1
url=$(base_url "$2")
case $verb in
  parked) call GET "$url/admin/events/outbox/parked" ;;
  retry)
    [[ $# -eq 3 ]] || die "retry needs an id"
    call POST "$url/admin/events/outbox/parked/$3/retry" ;;
  discard)
    [[ $# -ge 3 ]] || die "discard needs an id"
    call POST "$url/admin/events/outbox/parked/$3/discard?reason=$(urlencode "${4:-discarded by an operator}")" ;;
  replay)
    [[ $# -ge 3 ]] || die "replay needs a dead-letter topic"
    include=false
    [[ ${4:-} == --include-replayed ]] && include=true
    call POST "$url/admin/events/dead-letters/replay?topic=$3&includeReplayed=$include" ;;
  health) curl -sS "$url/q/health/well"; echo ;;
  *) usage >&2; exit 2 ;;
esac

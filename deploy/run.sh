#!/usr/bin/env bash
# Starts the whole system on this machine: PostgreSQL, Kafka, the three services and the gateway.
# Builds the jars first when they are missing (or with --build). Stop everything with `deploy/run.sh stop`.
set -euo pipefail

ME=run.sh
command -v curl >/dev/null || { echo "[$ME] ERROR: curl is needed (apt-get install curl)" >&2; exit 1; }
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# One knob moves every HTTP port: gateway on PORT_BASE, the services on PORT_BASE+1..3.
PORT_BASE=${PORT_BASE:-8080}
RUN_DIR=${RUN_DIR:-$ROOT/deploy/.run}
DB_SUFFIX=${DB_SUFFIX:-}                       # "_test" points the services at their test databases
export KAFKA_PORT=${KAFKA_PORT:-9092}
JAVA_OPTS=${JAVA_OPTS:--Xms32m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
READY_TIMEOUT=${READY_TIMEOUT:-60}
[[ $RUN_DIR = /* ]] || RUN_DIR=$PWD/$RUN_DIR

SERVICES=(structure-service conseiller-service funding-service gateway)

log() { echo "[$ME] $*"; }
die() { echo "[$ME] ERROR: $*" >&2; exit 1; }

port_of() {
  case $1 in
    gateway) echo "$PORT_BASE" ;;
    structure-service) echo $((PORT_BASE + 1)) ;;
    conseiller-service) echo $((PORT_BASE + 2)) ;;
    funding-service) echo $((PORT_BASE + 3)) ;;
  esac
}

jar_of() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

env_of() {
  local db=${1%-service}
  echo "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT"
  case $1 in
    gateway)
      echo "GATEWAY_HTTP_PORT=$(port_of gateway)"
      echo "STRUCTURE_SERVICE_URL=http://127.0.0.1:$(port_of structure-service)"
      echo "CONSEILLER_SERVICE_URL=http://127.0.0.1:$(port_of conseiller-service)"
      echo "FUNDING_SERVICE_URL=http://127.0.0.1:$(port_of funding-service)" ;;
    *)
      local upper=${db^^}
      echo "${upper}_HTTP_PORT=$(port_of "$1")"
      local preset=${upper}_DB_URL # a URL already in the environment wins (another server, a test's own cluster)
      echo "${upper}_DB_URL=${!preset:-jdbc:postgresql://127.0.0.1:5432/$db$DB_SUFFIX}" ;;
  esac
}

# Running means: the recorded pid is alive and is still this service's JVM (pids are reused after a reboot).
running() {
  [[ -f $RUN_DIR/$1.pid ]] || return 1
  local pid
  pid=$(cat "$RUN_DIR/$1.pid")
  kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$(jar_of "$1")"
}

wait_ready() {
  local svc=$1 url deadline=$((SECONDS + READY_TIMEOUT))
  url="http://127.0.0.1:$(port_of "$1")/q/health/ready"
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    running "$svc" || fail_start "$svc" "died while starting"
    ((SECONDS < deadline)) || fail_start "$svc" "not ready after ${READY_TIMEOUT}s"
    sleep 0.2
  done
}

# A half-started system is worse than none: show why, stop what did start, fail.
fail_start() {
  tail -n 40 "$RUN_DIR/$1.log" >&2
  stop_services
  die "$1 $2 (log: $RUN_DIR/$1.log)"
}

start_service() {
  local svc=$1
  if running "$svc"; then log "$svc already running (pid $(cat "$RUN_DIR/$svc.pid"))"; return 0; fi
  local -a environment
  mapfile -t environment < <(env_of "$svc")
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options
  env "${environment[@]}" setsid nohup java $JAVA_OPTS -jar "$(jar_of "$svc")" >"$RUN_DIR/$svc.log" 2>&1 &
  echo $! >"$RUN_DIR/$svc.pid"
}

start() {
  local build=false
  [[ ${1:-} == --build ]] && build=true
  for svc in "${SERVICES[@]}"; do [[ -f $(jar_of "$svc") ]] || build=true; done
  if $build; then
    log "building the jars (tests skipped: deploy/test.sh runs them)"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl "$(IFS=,; echo "${SERVICES[*]}")" -am)
  fi
  [[ ${SKIP_INFRA:-} == 1 ]] || { "$ROOT/deploy/postgres.sh"; "$ROOT/deploy/kafka.sh" start; }
  mkdir -p "$RUN_DIR"
  local started=$SECONDS
  # Two at a time on two cores: four JVMs starting together each take twice as long.
  local wave svc
  for wave in "structure-service gateway" "conseiller-service funding-service"; do
    for svc in $wave; do start_service "$svc"; done
    for svc in $wave; do
      wait_ready "$svc"
      log "$svc ready on port $(port_of "$svc") (pid $(cat "$RUN_DIR/$svc.pid"), $(grep -o 'started in [0-9.]*s' "$RUN_DIR/$svc.log" | tail -1))"
    done
  done
  log "all up in $((SECONDS - started))s; logs in $RUN_DIR"
  cat <<EOF

  Gateway      http://127.0.0.1:$PORT_BASE/api/structures
  Swagger UI   http://127.0.0.1:$PORT_BASE/q/swagger-ui
  OpenAPI      http://127.0.0.1:$PORT_BASE/q/openapi
  Health       http://127.0.0.1:$PORT_BASE/q/health   (each service: ports $((PORT_BASE + 1))-$((PORT_BASE + 3)), same paths)
  Metrics      http://127.0.0.1:$PORT_BASE/q/metrics
  Stop         deploy/run.sh stop
EOF
}

stop_services() {
  for svc in "${SERVICES[@]}"; do
    if running "$svc"; then
      local pid
      pid=$(cat "$RUN_DIR/$svc.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -9 "$pid" 2>/dev/null || true
      log "$svc stopped"
    fi
    rm -f "$RUN_DIR/$svc.pid"
  done
}

stop() {
  stop_services
  [[ ${SKIP_INFRA:-} == 1 ]] || "$ROOT/deploy/kafka.sh" stop
}

case ${1:-start} in
  start) shift || true; start "$@" ;;
  stop) stop ;;
  status) for svc in "${SERVICES[@]}"; do if running "$svc"; then log "$svc running"; else log "$svc stopped"; fi; done ;;
  -h | --help) echo "Usage: $ME [start [--build] | stop | status]   env: PORT_BASE=$PORT_BASE KAFKA_PORT=$KAFKA_PORT RUN_DIR DB_SUFFIX JAVA_OPTS" ;;
  *) die "unknown verb '$1' (see --help)" ;;
esac

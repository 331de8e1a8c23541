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
# As in production: full JIT (C1 only, -XX:TieredStopAtLevel=1, halves throughput) and the serial GC, since
# four JVMs with small heaps share two cores. Tests pass their own fast-start options.
JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}
# Generous: on a busy two-core machine a consumer can need a minute before it is ready.
READY_TIMEOUT=${READY_TIMEOUT:-120}
[[ $RUN_DIR = /* ]] || RUN_DIR=$PWD/$RUN_DIR

SERVICES=(structure-service conseiller-service funding-service gateway)
# Instances of each service behind the one gateway: the first on its usual port, the k-th 100 ports further
# (structure-service on 8081, 8181, 8281…), same databases and broker; the gateway shares requests among them.
# A start remembers it until stop, so that restart, status and a later start see the same instances.
INSTANCES=${INSTANCES:-$(cat "$RUN_DIR/instances" 2>/dev/null || echo 1)}
[[ $INSTANCES =~ ^[1-9]$ ]] || { echo "[$ME] ERROR: INSTANCES must be 1 to 9, got '$INSTANCES'" >&2; exit 1; }

log() { echo "[$ME] $*"; }
die() { echo "[$ME] ERROR: $*" >&2; exit 1; }

# A unit is one JVM: a service's first instance is named as the service, its k-th "<service>-k" (its pid and log
# files are named so); the gateway has one.
units_of() {
  echo "$1"
  [[ $1 == gateway ]] || for ((k = 2; k <= INSTANCES; k++)); do echo "$1-$k"; done
}
service_of() { if [[ $1 =~ ^(.*-service)-[0-9]+$ ]]; then echo "${BASH_REMATCH[1]}"; else echo "$1"; fi; }
instance_of() { if [[ $1 =~ -service-([0-9]+)$ ]]; then echo "${BASH_REMATCH[1]}"; else echo 1; fi; }
all_units() { local svc; for svc in "${SERVICES[@]}"; do units_of "$svc"; done; }

port_of() {
  local offset=$((100 * ($(instance_of "$1") - 1)))
  case $(service_of "$1") in
    gateway) echo "$PORT_BASE" ;;
    structure-service) echo $((PORT_BASE + 1 + offset)) ;;
    conseiller-service) echo $((PORT_BASE + 2 + offset)) ;;
    funding-service) echo $((PORT_BASE + 3 + offset)) ;;
  esac
}

# Base URLs of every instance of a service, comma-separated (what the gateway balances across).
urls_of() {
  local unit urls=()
  for unit in $(units_of "$1"); do urls+=("http://127.0.0.1:$(port_of "$unit")"); done
  (IFS=,; echo "${urls[*]}")
}

jar_of() { echo "$ROOT/$(service_of "$1")/target/quarkus-app/quarkus-run.jar"; }

# Tokens: an identity provider's key (JWT_PUBLIC_KEY_LOCATION, e.g. its JWKS URL) when set, otherwise the local
# key pair deploy/token.sh signs with, generated here on first run.
verification_key() {
  if [[ -n ${JWT_PUBLIC_KEY_LOCATION:-} ]]; then echo "$JWT_PUBLIC_KEY_LOCATION"; return; fi
  echo "file:$(RUN_DIR=$RUN_DIR "$ROOT/deploy/token.sh" keys)"
}

env_of() {
  local svc db
  svc=$(service_of "$1")
  db=${svc%-service}
  echo "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT"
  echo "JWT_PUBLIC_KEY_LOCATION=$VERIFICATION_KEY"
  case $svc in
    gateway)
      echo "GATEWAY_HTTP_PORT=$(port_of gateway)"
      echo "STRUCTURE_SERVICE_URL=$(urls_of structure-service)"
      echo "CONSEILLER_SERVICE_URL=$(urls_of conseiller-service)"
      echo "FUNDING_SERVICE_URL=$(urls_of funding-service)" ;;
    *)
      local upper=${db^^} url_var=${db^^}_DB_URL
      echo "${upper}_HTTP_PORT=$(port_of "$1")"
      # A URL already in the environment wins (a fault test points a consumer at a throwaway cluster).
      echo "$url_var=${!url_var:-jdbc:postgresql://127.0.0.1:5432/$db$DB_SUFFIX}" ;;
  esac
}

# Running means: the recorded pid is alive and is still this service's JVM (pids are reused after a reboot).
running() {
  [[ -f $RUN_DIR/$1.pid ]] || return 1
  local pid
  pid=$(cat "$RUN_DIR/$1.pid")
  kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$(jar_of "$1")"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Pid(s) listening on a TCP port, when ss can tell (empty otherwise).
port_holder() {
  command -v ss >/dev/null || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u | paste -sd, - || true
}

# Never start next to (or accept readiness from) a process we did not start on the service's port.
check_port() {
  local svc=$1 port holder
  port=$(port_of "$svc")
  running "$svc" && return 0
  port_in_use "$port" || return 0
  holder=$(port_holder "$port")
  die "port $port ($svc) is already in use${holder:+ by pid $holder}, not by a $svc started from $RUN_DIR; stop it or set another PORT_BASE"
}

wait_ready() {
  local svc=$1 port url pid holder deadline=$((SECONDS + READY_TIMEOUT))
  port=$(port_of "$svc")
  pid=$(cat "$RUN_DIR/$svc.pid")
  url="http://127.0.0.1:$port/q/health/ready"
  while true; do
    holder=$(port_holder "$port")
    if [[ -n $holder && $holder != "$pid" ]]; then
      fail_start "$svc" "port $port is held by pid $holder, not by the $svc we started (pid $pid)"
    fi
    # Without ss, check_port (port free before the start) is the guard.
    if [[ $holder == "$pid" ]] || ! command -v ss >/dev/null; then
      curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    fi
    running "$svc" || fail_start "$svc" "died while starting"
    ((SECONDS < deadline)) || fail_start "$svc" "not ready after ${READY_TIMEOUT}s"
    sleep 0.2
  done
}

STARTED=() # services this invocation started

# A half-started system is worse than none: show why, stop what this invocation started, fail.
fail_start() {
  tail -n 40 "$RUN_DIR/$1.log" >&2
  local svc
  for svc in "${STARTED[@]}"; do stop_service "$svc"; done
  die "$1 $2 (log: $RUN_DIR/$1.log)"
}

start_service() {
  local svc=$1
  if running "$svc"; then log "$svc already running (pid $(cat "$RUN_DIR/$svc.pid"))"; return 0; fi
  if [[ -f $RUN_DIR/$svc.pid ]]; then
    log "$svc (pid $(cat "$RUN_DIR/$svc.pid")) is gone; starting it again"
    rm -f "$RUN_DIR/$svc.pid"
  fi
  check_port "$svc"
  # Keep the previous log: when a service died, it says why.
  [[ ! -f $RUN_DIR/$svc.log ]] || mv -f "$RUN_DIR/$svc.log" "$RUN_DIR/$svc.log.1"
  local -a environment
  mapfile -t environment < <(env_of "$svc")
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options
  env "${environment[@]}" setsid nohup java $JAVA_OPTS -jar "$(jar_of "$svc")" >"$RUN_DIR/$svc.log" 2>&1 &
  echo $! >"$RUN_DIR/$svc.pid"
  STARTED+=("$svc")
}

log_ready() {
  log "$1 ready on port $(port_of "$1") (pid $(cat "$RUN_DIR/$1.pid"), $(grep -o 'started in [0-9.]*s' "$RUN_DIR/$1.log" | tail -1))"
}

start() {
  local build=false
  [[ ${1:-} == --build ]] && build=true
  for svc in "${SERVICES[@]}"; do [[ -f $(jar_of "$svc") ]] || build=true; done
  if $build; then
    log "building the jars (tests skipped: deploy/test.sh runs them)"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl "$(IFS=,; echo "${SERVICES[*]}")" -am)
  fi
  mkdir -p "$RUN_DIR"
  local svc
  for svc in $(all_units); do check_port "$svc"; done # fail before starting anything
  echo "$INSTANCES" >"$RUN_DIR/instances"
  [[ ${SKIP_INFRA:-} == 1 ]] || { "$ROOT/deploy/postgres.sh"; "$ROOT/deploy/kafka.sh" start; }
  VERIFICATION_KEY=$(verification_key)
  local started=$SECONDS
  # Two at a time on two cores: four JVMs starting together each take twice as long.
  # Services already running are left alone, so after a crash this starts only the dead ones; the others
  # are only checked for readiness (instant when they are up).
  local wave
  for wave in "$(units_of structure-service) gateway" "$(units_of conseiller-service) $(units_of funding-service)"; do
    for svc in $wave; do start_service "$svc"; done
    for svc in $wave; do
      wait_ready "$svc"
      log_ready "$svc"
    done
  done
  log "all up in $((SECONDS - started))s (started: ${STARTED[*]:-none}); logs in $RUN_DIR"
  seed
  cat <<EOF

  Gateway      http://127.0.0.1:$PORT_BASE/api/structures
  Swagger UI   http://127.0.0.1:$PORT_BASE/q/swagger-ui
  OpenAPI      http://127.0.0.1:$PORT_BASE/q/openapi
  Health       http://127.0.0.1:$PORT_BASE/q/health   (each service: ports $((PORT_BASE + 1))-$((PORT_BASE + 3)), same paths)
  Metrics      http://127.0.0.1:$PORT_BASE/q/metrics     (a monitoring or admin token)
  Stop         deploy/run.sh stop

  Every /api call needs a bearer token; mint one for any role with deploy/token.sh, e.g.
    TOKEN=\$(deploy/token.sh admin)            # or: partner --territory 200057875, auditor, dashboard
    curl -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:$PORT_BASE/api/structures
EOF
}

# The press release's 2020 figures, through funding-service's own rules (loading twice loads once).
seed() {
  if [[ ${SEED:-true} == false ]]; then log "seed skipped (SEED=false)"; return 0; fi
  if [[ -n ${JWT_PUBLIC_KEY_LOCATION:-} && -z ${TOKEN:-} ]]; then
    log "seed skipped: tokens come from $JWT_PUBLIC_KEY_LOCATION; run TOKEN=<admin token> deploy/seed.sh"
    return 0
  fi
  log "loading the seed (deploy/seed.sh; report in $RUN_DIR/seed.json)"
  RUN_DIR=$RUN_DIR PORT_BASE=$PORT_BASE "$ROOT/deploy/seed.sh" >"$RUN_DIR/seed.json" \
    || die "the services are up, but the seed failed: $(cat "$RUN_DIR/seed.json") (retry: deploy/seed.sh)"
  cat "$RUN_DIR/seed.json"; echo
}

stop_service() {
  local svc=$1 pid
  if running "$svc"; then
    pid=$(cat "$RUN_DIR/$svc.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    log "$svc stopped"
  fi
  rm -f "$RUN_DIR/$svc.pid"
}

# Every unit with a pid file, whatever INSTANCES was when they started.
stop_services() {
  local file unit
  for file in "$RUN_DIR"/*.pid; do
    [[ -e $file ]] || continue
    unit=$(basename "$file" .pid)
    [[ " ${SERVICES[*]} " == *" $(service_of "$unit") "* ]] && stop_service "$unit"
  done
  return 0
}

# One service only; PostgreSQL and Kafka are assumed up (deploy/run.sh start brings everything up).
restart() {
  local svc=${1:-}
  [[ -n $svc && " $(all_units | tr '\n' ' ') " == *" $svc "* ]] || die "restart needs one of: $(all_units | tr '\n' ' ')"
  [[ -f $(jar_of "$svc") ]] || die "$(jar_of "$svc") is missing: run deploy/run.sh start --build"
  mkdir -p "$RUN_DIR"
  VERIFICATION_KEY=$(verification_key)
  stop_service "$svc"
  start_service "$svc"
  wait_ready "$svc"
  log_ready "$svc"
}

usage() {
  cat <<EOF
Usage: $ME [start [--build] | stop | restart <service> | status]
  start     PostgreSQL, Kafka, then the services not already running; waits until all are ready;
            fails if a service's port is held by a process it did not start; then loads the seed
            (the press release's 2020 figures: deploy/seed.sh, loading twice loads once)
  stop      the services, then the broker
  restart   stop and start one of: ${SERVICES[*]} (its k-th instance: <service>-k); wait until it is ready
  status    running/stopped per service
Env: PORT_BASE=$PORT_BASE (gateway; services on +1..+3)  KAFKA_PORT=$KAFKA_PORT  DB_SUFFIX=$DB_SUFFIX
     INSTANCES=$INSTANCES: instances of each service (the k-th 100 ports above the first; the gateway balances);
       a start remembers it until stop
     RUN_DIR=$RUN_DIR (pid files, logs)  READY_TIMEOUT=$READY_TIMEOUT (s)
     SKIP_INFRA=1 leaves PostgreSQL and Kafka alone
     SEED=false: start does not load the seed (default: deploy/seed.sh once every service is ready)
     JAVA_OPTS="$JAVA_OPTS" (every service's JVM; the system tests
       add -XX:TieredStopAtLevel=1 for fast starts, which halves throughput)
     STRUCTURE_DB_URL, CONSEILLER_DB_URL, FUNDING_DB_URL: JDBC URLs used as given when set
       (default jdbc:postgresql://127.0.0.1:5432/<db><DB_SUFFIX>)
     KAFKA_CONTROLLER_PORT, KAFKA_WORK_DIR, KAFKA_HEAP: see deploy/kafka.sh --help
     JWT_PUBLIC_KEY_LOCATION: the identity provider's key or JWKS URL (default: the local key pair in
       RUN_DIR/keys that deploy/token.sh signs with); JWT_ISSUER, JWT_AUDIENCE: see the README, "Tokens"
EOF
}

stop() {
  stop_services
  rm -f "$RUN_DIR/instances"
  [[ ${SKIP_INFRA:-} == 1 ]] || "$ROOT/deploy/kafka.sh" stop
}

case ${1:-start} in
  start) shift || true; start "$@" ;;
  stop) stop ;;
  restart) restart "${2:-}" ;;
  status) for svc in $(all_units); do if running "$svc"; then log "$svc running"; else log "$svc stopped"; fi; done ;;
  -h | --help) usage ;;
  *) die "unknown verb '$1' (see --help)" ;;
esac

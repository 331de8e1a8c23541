#!/usr/bin/env bash
# One instance of structure-service against two, behind the gateway, in the same run: the whole system started by
# deploy/run.sh with INSTANCES=2 (the gateway balancing across both), plus a second gateway given the first instance
# only; wrk GETs one structure by id through each gateway in turn (2 threads, 32 connections, after a warm-up of each),
# and prints req/s, p50 and p99 of both and their ratio. On two cores the instances share the same CPUs as the gateway,
# wrk and PostgreSQL: expect little gain.
#
# Usage: deploy/bench/instances.sh   (the jars in */target/quarkus-app; deploy/run.sh --build builds them)
# About 3 minutes. Needs wrk, curl, java.
# Env: PORT_BASE=46080 (the system; the one-instance gateway on PORT_BASE+50)  KAFKA_PORT=46092
#      KAFKA_CONTROLLER_PORT=46093  WARMUP=20  DURATION=20 (s)  RUNS=2 (measured runs per gateway, alternating)
#      JAVA_OPTS (run.sh's default: the production flags)  RUN_DIR=deploy/.run/bench/instances
#      PGHOST, PGPORT, PGSUPERUSER (as deploy/postgres.sh); databases <service>_bench_instances, dropped at the end
set -euo pipefail

ME=instances.sh
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=deploy/bench/common.sh
. "$ROOT/deploy/bench/common.sh"
export PORT_BASE=${PORT_BASE:-46080} KAFKA_PORT=${KAFKA_PORT:-46092} KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-46093}
export RUN_DIR=${RUN_DIR:-$ROOT/deploy/.run/bench/instances}
export KAFKA_WORK_DIR=$RUN_DIR/kafka INSTANCES=2 SEED=false GATEWAY_RATE_LIMIT_REQUESTS=1000000000
export DB_SUFFIX=_bench_instances PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
PGSUPERUSER=${PGSUPERUSER:-postgres}
DATABASES=(structure conseiller funding)
WARMUP=${WARMUP:-20}
DURATION=${DURATION:-20}
RUNS=${RUNS:-2}
ONE_PORT=$((PORT_BASE + 50))
[[ ${1:-} != -h && ${1:-} != --help ]] || { sed -n '2,/^set -euo/s/^# \{0,1\}//p' "$0" | sed '$d'; exit 0; }
for tool in wrk curl java; do command -v "$tool" >/dev/null || die "$tool is needed (apt-get install wrk)"; done
port_in_use "$ONE_PORT" && die "port $ONE_PORT is already in use; set PORT_BASE"

ONE_PID=
cleanup() {
  trap - EXIT INT TERM
  [[ -z $ONE_PID ]] || kill "$ONE_PID" 2>/dev/null || true
  "$ROOT/deploy/run.sh" stop >/dev/null 2>&1 || log "could not stop the system in $RUN_DIR"
  local db
  for db in "${DATABASES[@]}"; do drop_database "$db$DB_SUFFIX" || true; done
}
trap cleanup EXIT INT TERM
mkdir -p "$RUN_DIR"
"$ROOT/deploy/postgres.sh" >/dev/null # the services' roles
for db in "${DATABASES[@]}"; do # databases of this run's own, dropped at the end
  drop_database "$db$DB_SUFFIX"
  echo "create database $db$DB_SUFFIX owner $db" | superuser_sql postgres
done
BUSY_BEFORE=$(cpu_busy)
"$ROOT/deploy/run.sh" start >"$RUN_DIR/run.log" 2>&1 || { tail -n 30 "$RUN_DIR/run.log" >&2; die "the system did not start"; }
log "system up: two instances of each service behind the gateway on $PORT_BASE"

key=file:$(RUN_DIR=$RUN_DIR "$ROOT/deploy/token.sh" keys)
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
env GATEWAY_HTTP_PORT="$ONE_PORT" STRUCTURE_SERVICE_URL="http://127.0.0.1:$((PORT_BASE + 1))" \
  JWT_PUBLIC_KEY_LOCATION="$key" java ${JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC} \
  -jar "$ROOT/gateway/target/quarkus-app/quarkus-run.jar" >"$RUN_DIR/gateway-one-instance.log" 2>&1 </dev/null &
ONE_PID=$!
READY_TIMEOUT=90 wait_until_ready "the one-instance gateway" "$ONE_PID" "http://127.0.0.1:$ONE_PORT/q/health/ready" \
  "$RUN_DIR/gateway-one-instance.log"

AUTH="Authorization: Bearer $(RUN_DIR=$RUN_DIR "$ROOT/deploy/token.sh" admin --client instances-bench --ttl 7200)"
id=$(BASE=http://127.0.0.1:$PORT_BASE register_bench_structure "$AUTH")
[[ -n $id ]] || die "could not register the structure"
declare -A URL=([one]=http://127.0.0.1:$ONE_PORT/api/structures/$id [two]=http://127.0.0.1:$PORT_BASE/api/structures/$id)

RESULTS=$RUN_DIR/results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
load() { # one|two seconds output-file
  wrk -t2 -c32 -d"$2s" --latency -H "$AUTH" "${URL[$1]}" >"$3"
  if grep 'Non-2xx' "$3" >&2; then die "$1: answers other than 2xx (see $3)"; fi
}
log "warm-up: ${WARMUP}s per gateway"
for setup in one two; do load "$setup" "$WARMUP" "$RESULTS/warmup-$setup.txt"; done
echo
echo "== GET /api/structures/<id> through the gateway, 32 connections, ${DURATION}s per run, $(nproc) cores" \
  "(${BUSY_BEFORE}% busy before), revision $(git -C "$ROOT" rev-parse --short HEAD) =="
printf '%-5s %-22s %9s %9s %9s %s\n' run instances req/s "p50 ms" "p99 ms" "socket errors"
declare -A TOTAL=([one]=0 [two]=0)
for run in $(seq 1 "$RUNS"); do
  for setup in one two; do
    out=$RESULTS/$setup-$run.txt
    load "$setup" "$DURATION" "$out"
    rps=$(awk '/^Requests\/sec:/ { printf "%d", $2 + 0.5 }' "$out")
    TOTAL[$setup]=$((TOTAL[$setup] + rps))
    printf '%-5s %-22s %9s %9s %9s %s\n' "$run" "$([[ $setup == one ]] && echo "one structure-service" || echo "two structure-services")" \
      "$rps" "$(awk -v us="$(to_us "$(awk '$1 == "50%" { print $2 }' "$out")")" 'BEGIN { printf "%.3f", us / 1000 }')" \
      "$(awk -v us="$(to_us "$(awk '$1 == "99%" { print $2 }' "$out")")" 'BEGIN { printf "%.3f", us / 1000 }')" \
      "$(socket_errors "$out")"
  done
done
echo "two instances / one: $(awk -v a="${TOTAL[two]}" -v b="${TOTAL[one]}" 'BEGIN { printf "%.2f", a / b }')x the throughput"
echo "(wrk outputs in $RESULTS)"

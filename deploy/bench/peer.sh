#!/usr/bin/env bash
# Peer benchmark: structure-service's GET /api/structures/<id> against the same request to the canonical Quarkus
# example, quarkus-super-heroes' rest-villains (GET /api/villains/<id>: Hibernate ORM Panache, blocking, on virtual
# threads), in the same run, against the same PostgreSQL, with the same JAVA_OPTS (full JIT). Each is warmed up, then
# measured RUNS times at 32 connections (wrk, 2 threads) and once at 1, the two taking turns so that they share the
# machine's state: req/s, p50, p99, and the process's RSS (VmRSS) after every run, to show whether it stays flat or
# grows from run to run. Then the ratios ours / peer: throughput, p99, RSS. Ours is called with an admin token (its
# security checks on); the peer has no security. The peer loads its own sample data (import.sql) at startup.
#
# Usage: PEER_JAR=<path to rest-villains' target/quarkus-app/quarkus-run.jar> deploy/bench/peer.sh [--build]
#   --build  builds structure-service first; otherwise its jar in structure-service/target/quarkus-app (copied, as is
#            the peer's quarkus-app: a rebuild during the run cannot move them)
# About 4 minutes with the defaults. Needs wrk (apt-get install wrk), curl, psql, java; the peer needs a JDK 21+ java
# (virtual threads; its build targets Java 25).
# Env: PEER_JAR (required)  JAVA=java (structure-service)  PEER_JAVA=JAVA (the peer)
#      PORT=47781 (structure-service; the peer on +1)  KAFKA_PORT=47792 KAFKA_CONTROLLER_PORT=47793
#      WARMUP=20 (s per service)  DURATION=20 (s per measured run)  RUNS=3 (runs at 32 connections)
#      READY_TIMEOUT=90 (s)  KEEP_DB=false  JAVA_OPTS="-Xms64m -Xmx256m -XX:+UseSerialGC" (run.sh's default)
#      RUN_DIR=deploy/.run  BENCH_DIR=RUN_DIR/bench/peer  PGHOST, PGPORT, PGSUPERUSER (as deploy/postgres.sh)
#
# Building the peer (outside this repo; checked with quarkus-super-heroes 91d6974f2, Aug 2026):
#   1. the rest-villains folder of github.com/quarkusio/quarkus-super-heroes (git archive HEAD rest-villains);
#   2. its pom.xml: quarkus.platform.version 3.33.2 (ours); remove the dependencies that build containers or
#      manifests or start dev services (quarkus-container-image-docker, quarkus-kubernetes, quarkus-openshift,
#      quarkus-minikube, quarkus-helm, quarkus-observability-devservices-lgtm) and the test-only quarkus-playwright and
#      quarkus-pact-provider (their artifacts do not resolve here; tests are not built);
#   3. its application.properties: quarkus.otel.traces.exporter, quarkus.otel.metrics.exporter and
#      quarkus.otel.logs.exporter set to none (no collector: spans are made, not exported, as in our services);
#   4. JAVA_HOME=<a JDK 25> mvn -B package -Dmaven.test.skip=true
#      (it generates its REST interfaces with io.quarkiverse.openapi.generator:quarkus-openapi-generator-server 2.23.0,
#      built on Quarkus 3.33.2; where the registry lacks it, install it from that project's tag 2.23.0: mvn install -N
#      at the root, then in common/ and server/ with -Dmaven.test.skip=true, apicurio.version set to one the registry
#      has, e.g. 1.2.8.Final; the peer only uses its openapitools generator).
set -euo pipefail

ME=peer.sh
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=deploy/bench/common.sh
. "$ROOT/deploy/bench/common.sh"
bench_settings peer
PORT=${PORT:-47781}
PEER_PORT=$((PORT + 1))
export KAFKA_PORT=${KAFKA_PORT:-47792} KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-47793}
WARMUP=${WARMUP:-20}
DURATION=${DURATION:-20}
RUNS=${RUNS:-3}
JAVA=${JAVA:-java}
PEER_JAVA=${PEER_JAVA:-$JAVA}
DB=structure_bench_peer
DB_OWNER=structure
SERVICE=structure-service
BASE=http://127.0.0.1:$PORT
PEER_BASE=http://127.0.0.1:$PEER_PORT
PEER_DB=villains_bench_peer
PEER_DB_OWNER=villains

case ${1:-} in
  "") BUILD=false ;;
  --build) BUILD=true ;;
  -h | --help) sed -n '2,/^set -euo/s/^# \{0,1\}//p' "$0" | sed '$d'; exit 0 ;;
  *) die "unknown argument '$1' (see --help)" ;;
esac
[[ -n ${PEER_JAR:-} ]] || die "PEER_JAR is required: rest-villains' target/quarkus-app/quarkus-run.jar (see --help to build it)"
[[ -f $PEER_JAR ]] || die "PEER_JAR: no file $PEER_JAR"
PEER_JAR=$(cd "$(dirname "$PEER_JAR")" && pwd)/$(basename "$PEER_JAR")
for tool in wrk curl psql; do command -v "$tool" >/dev/null || die "$tool is needed (apt-get install wrk)"; done
for java in "$JAVA" "$PEER_JAVA"; do command -v "$java" >/dev/null || die "no java at '$java'"; done
[[ $JAVA_OPTS != *TieredStopAtLevel* ]] || die "JAVA_OPTS stops tiered compilation: the comparison is of warm, fully compiled code"
java_version() { "$1" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p'; }
JAVA_VERSION=$(java_version "$JAVA")
PEER_JAVA_VERSION=$(java_version "$PEER_JAVA")
((${PEER_JAVA_VERSION%%[.-]*} >= 21)) || die "the peer runs on virtual threads: set PEER_JAVA to a JDK 21+ java (it has $PEER_JAVA_VERSION)"
((RUNS >= 1)) || die "RUNS must be at least 1"
port_in_use "$PEER_PORT" && die "port $PEER_PORT is already in use; set PORT"
STARTED_AT=$SECONDS

## structure-service (common.sh: its database, the broker its outbox relay needs), then the peer and its database.
prepare_bench
rm -rf "$BENCH_DIR/peer-app" && cp -r "$(dirname "$PEER_JAR")" "$BENCH_DIR/peer-app"
PEER_PID=
PEER_DB_CREATED=false
stop_peer() {
  [[ -z $PEER_PID ]] || stop_process "$PEER_PID"
  if $PEER_DB_CREATED && [[ $KEEP_DB != true ]]; then drop_database "$PEER_DB" || true; fi
  bench_cleanup
}
trap stop_peer EXIT
: >"$BENCH_DIR/$SERVICE.log"
start_bench_service STRUCTURE_HTTP_PORT="$PORT" STRUCTURE_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB"

drop_database "$PEER_DB"
PEER_DB_CREATED=true
superuser_sql postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PEER_DB_OWNER') THEN
    CREATE ROLE $PEER_DB_OWNER LOGIN PASSWORD '$PEER_DB_OWNER'; -- dev only, as deploy/postgres.sh's roles
  END IF;
END \$\$;
CREATE DATABASE $PEER_DB OWNER $PEER_DB_OWNER;
SQL
# Its prod profile creates the schema and loads import.sql at startup.
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
env QUARKUS_HTTP_PORT="$PEER_PORT" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$PEER_DB" \
  QUARKUS_DATASOURCE_USERNAME="$PEER_DB_OWNER" QUARKUS_DATASOURCE_PASSWORD="$PEER_DB_OWNER" \
  "$PEER_JAVA" $JAVA_OPTS -jar "$BENCH_DIR/peer-app/quarkus-run.jar" >"$BENCH_DIR/peer.log" 2>&1 </dev/null &
PEER_PID=$!
wait_until_ready "the peer" "$PEER_PID" "$PEER_BASE/q/health/ready" "$BENCH_DIR/peer.log"
log "peer ready on port $PEER_PORT (pid $PEER_PID; $PEER_JAR)"

## One record each: a structure registered through the API; the peer's first villain (import.sql numbers them from 50).
AUTH="Authorization: Bearer $(RUN_DIR=$RUN_DIR "$ROOT/deploy/token.sh" admin --client peer-bench --ttl 7200)"
id=$(register_bench_structure "$AUTH")
[[ -n $id ]] || die "could not register the structure"
villain=$(echo "select min(id) from villain" | superuser_sql "$PEER_DB")
[[ -n $villain ]] || die "the peer's database has no villain (see $BENCH_DIR/peer.log)"
SIDES=(ours peer)
declare -A URL=([ours]=$BASE/api/structures/$id [peer]=$PEER_BASE/api/villains/$villain)
declare -A HEADER=([ours]=$AUTH [peer]="Accept: application/json")
declare -A PID=([ours]=$SERVICE_PID [peer]=$PEER_PID)
declare -A BYTES
for side in "${SIDES[@]}"; do
  read -r status "BYTES[$side]" < <(curl -sS -o /dev/null -w '%{http_code} %{size_download}\n' -H "${HEADER[$side]}" "${URL[$side]}")
  [[ $status == 200 ]] || die "GET ${URL[$side]} answered $status"
done

## Load: warm-up, RUNS runs at 32 connections, one at 1, each step ours then the peer; the RSS after each.
RESULTS=$BENCH_DIR/results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
declare -A RPS P50 P99 ERRORS RSS
load() { # side connections seconds step
  local out=$RESULTS/$1-$4.txt threads=1
  (($2 > 1)) && threads=2
  wrk -t"$threads" -c"$2" -d"$3s" --latency -H "${HEADER[$1]}" "${URL[$1]}" >"$out"
  if grep 'Non-2xx' "$out" >&2; then die "$1 $4: answers other than 2xx (see $out)"; fi
  kill -0 "${PID[$1]}" 2>/dev/null || die "$1 died during $4"
  RPS[$1-$4]=$(awk '/^Requests\/sec:/ { printf "%d", $2 + 0.5 }' "$out")
  P50[$1-$4]=$(to_us "$(awk '$1 == "50%" { print $2 }' "$out")")
  P99[$1-$4]=$(to_us "$(awk '$1 == "99%" { print $2 }' "$out")")
  ERRORS[$1-$4]=$(socket_errors "$out")
  RSS[$1-$4]=$(rss_kb "${PID[$1]}")
}
STEPS=(warmup)
for ((run = 1; run <= RUNS; run++)); do STEPS+=("run$run"); done
STEPS+=(c1)
log "warm-up: ${WARMUP}s per service at 32 connections; then $RUNS runs of ${DURATION}s at 32 connections and one at 1"
for step in "${STEPS[@]}"; do
  for side in "${SIDES[@]}"; do
    case $step in
      warmup) load "$side" 32 "$WARMUP" "$step" ;;
      c1) load "$side" 1 "$DURATION" "$step" ;;
      *) load "$side" 32 "$DURATION" "$step" ;;
    esac
  done
done
BUSY_AFTER=$(cpu_busy)

## Report.
ms() { awk -v us="$1" 'BEGIN { printf "%.3f", us / 1000 }'; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
mb_change() { awk -v kb="$1" 'BEGIN { printf "%+.1f", kb / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A NAME=([ours]="structure-service $REVISION" [peer]="rest-villains (quarkus-super-heroes)")
declare -A JVM=([ours]=$JAVA_VERSION [peer]=$PEER_JAVA_VERSION)
declare -A REQUEST=([ours]="GET /api/structures/<id> (admin token)" [peer]="GET /api/villains/$villain")
echo
echo "== GET by id, warm: ${WARMUP}s of warm-up, $RUNS x ${DURATION}s at 32 connections (wrk -t2), ${DURATION}s at 1;" \
  "JAVA_OPTS $JAVA_OPTS =="
echo "$(nproc) cores: ${BUSY_BEFORE}% busy before the services started, ${BUSY_AFTER}% (both idle) at the end;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
for side in "${SIDES[@]}"; do
  echo "$side: ${NAME[$side]} on Java ${JVM[$side]}; ${REQUEST[$side]}, ${BYTES[$side]} bytes"
done
printf '%-5s %-7s %6s %8s %8s %8s %8s %s\n' side step conns req/s "p50 ms" "p99 ms" "RSS MB" "socket errors"
for side in "${SIDES[@]}"; do
  for step in "${STEPS[@]}"; do
    conns=32
    [[ $step != c1 ]] || conns=1
    printf '%-5s %-7s %6s %8s %8s %8s %8s %s\n' "$side" "$step" "$conns" "${RPS[$side-$step]}" \
      "$(ms "${P50[$side-$step]}")" "$(ms "${P99[$side-$step]}")" "$(mb "${RSS[$side-$step]}")" "${ERRORS[$side-$step]}"
  done
done
declare -A RPS_MEDIAN P99_MEDIAN
for side in "${SIDES[@]}"; do
  rps=() p99=()
  for ((run = 1; run <= RUNS; run++)); do rps+=("${RPS[$side-run$run]}"); p99+=("${P99[$side-run$run]}"); done
  RPS_MEDIAN[$side]=$(median "${rps[@]}")
  P99_MEDIAN[$side]=$(median "${p99[@]}")
  growth=$((${RSS[$side-run$RUNS]} - ${RSS[$side-run1]}))
  echo "$side: median of the $RUNS runs at 32 connections ${RPS_MEDIAN[$side]} req/s, p99 $(ms "${P99_MEDIAN[$side]}") ms;" \
    "p50 at 1 connection $(ms "${P50[$side-c1]}") ms; RSS $(mb "${RSS[$side-run1]}") MB after run 1," \
    "$(mb "${RSS[$side-run$RUNS]}") MB after run $RUNS ($(mb_change "$growth") MB)"
done
echo "ours / peer: throughput $(ratio "${RPS_MEDIAN[ours]}" "${RPS_MEDIAN[peer]}")x, p99 $(ratio "${P99_MEDIAN[ours]}" "${P99_MEDIAN[peer]}")x," \
  "RSS $(ratio "${RSS[ours-run$RUNS]}" "${RSS[peer-run$RUNS]}")x (after run $RUNS);" \
  "p50 at 1 connection $(ratio "${P50[ours-c1]}" "${P50[peer-c1]}")x"
echo "(wrk outputs in $RESULTS; total $((SECONDS - STARTED_AT)) s)"

#!/usr/bin/env bash
# Gateway benchmark: GET /api/structures/<id> at structure-service directly, through nginx (Debian's, a reverse proxy
# with upstream keep-alive), through the floor (FloorProxy.java: the least a proxy on the gateway's own HTTP stack,
# Vert.x, can do) and through our gateway, in the same run against the same service: wrk at 32 connections
# (2 threads) and at 1, req/s, p50, p99, and the CPU time per request of the process answering (the proxy's own, or the
# service's for direct: steadier than req/s on a shared machine); then the ratios against the target (the gateway
# sustains >= 0.85x the direct throughput, as nginx does, and adds <= 0.1 ms at p50 at one connection). The security
# checks are on (an admin token at the gateway and the service). Each path is warmed up first (full JIT).
#
# Usage: deploy/bench/gateway.sh [--build]
#   --build  builds structure-service and the gateway first; otherwise their jars in */target/quarkus-app (copied)
# About 8 minutes with the defaults (10 with a baseline). Needs wrk and nginx (apt-get install wrk nginx-light), curl, psql, java.
# Env: PORT=47681 (structure-service; nginx on +1, the gateway on +2, the floor on +3)  KAFKA_PORT=47692 KAFKA_CONTROLLER_PORT=47693
#      WARMUP=60 (s per path)  DURATION=20 (s per measured run)  READY_TIMEOUT=90 (s)  KEEP_DB=false
#      JAVA_OPTS="-Xms64m -Xmx256m -XX:+UseSerialGC" (run.sh's default, the production flags)
#      RUN_DIR=deploy/.run  BENCH_DIR=RUN_DIR/bench/gateway  PGHOST, PGPORT, PGSUPERUSER (as deploy/postgres.sh)
#      GATEWAY_EXTRA_OPTS: more JVM options for the gateway only (e.g. -Dquarkus.vertx.event-loops-pool-size=1)
#      GATEWAY_JFR=<file.jfr>  records the gateway with Java Flight Recorder (profile settings), written when it stops;
#        read it with: jfr print --events jdk.ExecutionSample <file> (or JDK 21+'s jfr view hot-methods <file>)
#      GATEWAY_PROFILE=<file>  CPU profile of the gateway during its measured 32-connection run only, by async-profiler
#        (tools.profiler:async-profiler:4.1 from Maven Central, attached then): collapsed stacks, or a flame graph if
#        <file> ends in .html
#      BASELINE_APP=<quarkus-app dir>  another build of the gateway (e.g. an earlier revision's gateway/target/quarkus-app,
#        copied) measured as a fifth path, "baseline", on port +4: a change's before and after in the same run
set -euo pipefail

ME=gateway.sh
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=deploy/bench/common.sh
. "$ROOT/deploy/bench/common.sh"
bench_settings gateway
PORT=${PORT:-47681}
NGINX_PORT=$((PORT + 1))
GATEWAY_PORT=$((PORT + 2))
FLOOR_PORT=$((PORT + 3))
BASELINE_PORT=$((PORT + 4))
export KAFKA_PORT=${KAFKA_PORT:-47692} KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-47693}
# the gateway's JIT settles after about a minute at 32 connections (compilations per 15 s: 7700, 2150, 1275, 120)
WARMUP=${WARMUP:-60}
DURATION=${DURATION:-20}
DB=structure_bench_gateway
DB_OWNER=structure
SERVICE=structure-service
BASE=http://127.0.0.1:$PORT

case ${1:-} in
  "") BUILD=false ;;
  --build) BUILD=true ;;
  -h | --help) sed -n '2,/^set -euo/s/^# \{0,1\}//p' "$0" | sed '$d'; exit 0 ;;
  *) die "unknown argument '$1' (see --help)" ;;
esac
for tool in wrk nginx curl psql java; do command -v "$tool" >/dev/null || die "$tool is needed (apt-get install wrk nginx-light)"; done
for port in "$NGINX_PORT" "$GATEWAY_PORT" "$FLOOR_PORT" "$BASELINE_PORT"; do port_in_use "$port" && die "port $port is already in use; set PORT"; done
STARTED_AT=$SECONDS

## structure-service (common.sh: its database, the broker its outbox relay needs), then nginx and the gateway.
prepare_bench
$BUILD && (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl gateway -am)
[[ -f $ROOT/gateway/target/quarkus-app/quarkus-run.jar ]] || die "no gateway/target/quarkus-app/quarkus-run.jar: run with --build"
rm -rf "$BENCH_DIR/gateway-app" && cp -r "$ROOT/gateway/target/quarkus-app" "$BENCH_DIR/gateway-app"
GATEWAY_PID=
BASELINE_PID=
FLOOR_PID=
NGINX_DIR=$BENCH_DIR/nginx
stop_proxies() {
  if [[ -n $GATEWAY_PID ]]; then
    kill "$GATEWAY_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$GATEWAY_PID" 2>/dev/null || break; sleep 0.2; done # the recording is written
  fi
  [[ -z $FLOOR_PID ]] || kill "$FLOOR_PID" 2>/dev/null || true
  [[ -z $BASELINE_PID ]] || kill "$BASELINE_PID" 2>/dev/null || true
  [[ ! -f $NGINX_DIR/nginx.pid ]] || kill "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null || true
  bench_cleanup
}
trap stop_proxies EXIT
: >"$BENCH_DIR/$SERVICE.log"
start_bench_service STRUCTURE_HTTP_PORT="$PORT" STRUCTURE_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB"

rm -rf "$NGINX_DIR" && mkdir -p "$NGINX_DIR"
cat >"$NGINX_DIR/nginx.conf" <<CONF
worker_processes auto;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $NGINX_DIR/body;
  proxy_temp_path $NGINX_DIR/proxy;
  upstream structure { server 127.0.0.1:$PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://structure;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
}
CONF
nginx -e "$NGINX_DIR/error.log" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf"
log "nginx $(nginx -v 2>&1 | sed 's|.*/||') on port $NGINX_PORT, keep-alive to structure-service"

key=file:$(RUN_DIR=$RUN_DIR "$ROOT/deploy/token.sh" keys)
GATEWAY_JAVA_OPTS="$JAVA_OPTS ${GATEWAY_EXTRA_OPTS:-}"
[[ -z ${GATEWAY_JFR:-} ]] || GATEWAY_JAVA_OPTS+=" -XX:StartFlightRecording=filename=$GATEWAY_JFR,settings=profile,dumponexit=true"
start_gateway() { # name port app-dir java-options: the gateway in the background, its pid in STARTED_PID
  # shellcheck disable=SC2086 # the options are several
  env GATEWAY_HTTP_PORT="$2" STRUCTURE_SERVICE_URL="$BASE" JWT_PUBLIC_KEY_LOCATION="$key" \
    GATEWAY_RATE_LIMIT_REQUESTS=1000000000 java $4 -jar "$3/quarkus-run.jar" >"$BENCH_DIR/$1.log" 2>&1 </dev/null &
  STARTED_PID=$!
  wait_until_ready "the $1" "$STARTED_PID" "http://127.0.0.1:$2/q/health/ready" "$BENCH_DIR/$1.log"
  log "$1 ready on port $2 (pid $STARTED_PID)"
}
start_gateway gateway "$GATEWAY_PORT" "$BENCH_DIR/gateway-app" "$GATEWAY_JAVA_OPTS"
GATEWAY_PID=$STARTED_PID
if [[ -n ${BASELINE_APP:-} ]]; then
  [[ -f $BASELINE_APP/quarkus-run.jar ]] || die "no quarkus-run.jar in BASELINE_APP=$BASELINE_APP"
  rm -rf "$BENCH_DIR/baseline-app" && cp -r "$BASELINE_APP" "$BENCH_DIR/baseline-app"
  start_gateway baseline "$BASELINE_PORT" "$BENCH_DIR/baseline-app" "$JAVA_OPTS"
  BASELINE_PID=$STARTED_PID
fi
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$BENCH_DIR/gateway-app/lib/boot/*:$BENCH_DIR/gateway-app/lib/main/*" "$ROOT/deploy/bench/FloorProxy.java" "$FLOOR_PORT" "$PORT" \
  >"$BENCH_DIR/floor.log" 2>&1 </dev/null &
FLOOR_PID=$!
for _ in $(seq 1 100); do port_in_use "$FLOOR_PORT" && break; sleep 0.2; done
port_in_use "$FLOOR_PORT" || die "the floor proxy did not start (see $BENCH_DIR/floor.log)"
log "floor proxy on port $FLOOR_PORT (pid $FLOOR_PID)"

profiler() { # start|stop: async-profiler on the gateway, through the JDK's attach API
  if [[ $1 == start ]]; then
    mkdir -p "$BENCH_DIR/async-profiler"
    (cd "$ROOT" && ./mvnw -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:4.1:jar:linux-x64 \
      -DoutputDirectory="$BENCH_DIR/async-profiler")
    (cd "$BENCH_DIR/async-profiler" && unzip -q -o async-profiler-4.1-linux-x64.jar linux-x64/libasyncProfiler.so)
    cat >"$BENCH_DIR/async-profiler/Attach.java" <<'JAVA'
public class Attach {
  public static void main(String[] args) throws Exception {
    var vm = com.sun.tools.attach.VirtualMachine.attach(args[0]);
    vm.loadAgentPath(args[1], args[2]);
    vm.detach();
  }
}
JAVA
    set -- start,event=cpu,interval=2ms
  else
    local format=collapsed
    [[ $GATEWAY_PROFILE != *.html ]] || format=flamegraph
    set -- "stop,file=$GATEWAY_PROFILE,$format"
  fi
  java "$BENCH_DIR/async-profiler/Attach.java" "$GATEWAY_PID" "$BENCH_DIR/async-profiler/linux-x64/libasyncProfiler.so" "$1"
}

## One structure, the three URLs to it, each answering 200 with the token and 401 without at the service's end.
AUTH="Authorization: Bearer $(RUN_DIR=$RUN_DIR "$ROOT/deploy/token.sh" admin --client gateway-bench --ttl 7200)"
id=$(register_bench_structure "$AUTH")
[[ -n $id ]] || die "could not register the structure"
PATHS=(direct nginx floor gateway)
declare -A URL=([direct]=$BASE [nginx]=http://127.0.0.1:$NGINX_PORT [floor]=http://127.0.0.1:$FLOOR_PORT
  [gateway]=http://127.0.0.1:$GATEWAY_PORT [baseline]=http://127.0.0.1:$BASELINE_PORT)
[[ -z $BASELINE_PID ]] || PATHS+=(baseline)
for path in "${PATHS[@]}"; do
  URL[$path]=${URL[$path]}/api/structures/$id
  [[ $(curl -sS -o /dev/null -w '%{http_code}' -H "$AUTH" "${URL[$path]}") == 200 ]] || die "GET ${URL[$path]} is not 200"
  [[ $(curl -sS -o /dev/null -w '%{http_code}' "${URL[$path]}") == 401 ]] || die "GET ${URL[$path]} without a token is not 401"
done

## Load: one warm-up per path, then a run per path and connection count.
RESULTS=$BENCH_DIR/results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
load() { # path connections seconds output-file
  local threads=1
  (($2 > 1)) && threads=2
  wrk -t"$threads" -c"$2" -d"$3s" --latency -H "$AUTH" "${URL[$1]}" >"$4"
  if grep 'Non-2xx' "$4" >&2; then die "$1 c$2: answers other than 2xx (see $4)"; fi
}
declare -A RPS P50 P99 ERRORS CPU_US
# CPU time per request of the process that answers on each path (the service itself for direct, the proxy for the
# others, nginx's workers included): what a proxy costs, steadier than req/s on a shared machine
pids_of() {
  case $1 in
    direct) echo "$SERVICE_PID" ;;
    nginx) local master; master=$(cat "$NGINX_DIR/nginx.pid"); echo "$master" $(pgrep -P "$master") ;;
    floor) echo "$FLOOR_PID" ;;
    gateway) echo "$GATEWAY_PID" ;;
    baseline) echo "$BASELINE_PID" ;;
  esac
}
cpu_ticks() { # pids: user + system time, all threads, in clock ticks
  local total=0 pid
  for pid in "$@"; do total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat"))); done
  echo "$total"
}
TICKS_PER_SECOND=$(getconf CLK_TCK)
log "warm-up: ${WARMUP}s per path at 32 connections"
for path in "${PATHS[@]}"; do load "$path" 32 "$WARMUP" "$RESULTS/warmup-$path.txt"; done
log "measuring: ${DURATION}s per run"
for connections in 32 1; do
  for path in "${PATHS[@]}"; do
    out=$RESULTS/$path-c$connections.txt
    profiled=false
    [[ -z ${GATEWAY_PROFILE:-} || $path != gateway || $connections != 32 ]] || profiled=true
    ! $profiled || profiler start
    # shellcheck disable=SC2046 # a list of pids
    ticks=$(cpu_ticks $(pids_of "$path"))
    load "$path" "$connections" "$DURATION" "$out"
    # shellcheck disable=SC2046
    ticks=$(($(cpu_ticks $(pids_of "$path")) - ticks))
    requests=$(awk '/requests in/ { print $1 }' "$out")
    CPU_US[$path-$connections]=$((ticks * 1000000 / TICKS_PER_SECOND / requests))
    ! $profiled || { profiler stop; log "gateway profile in $GATEWAY_PROFILE"; }
    RPS[$path-$connections]=$(awk '/^Requests\/sec:/ { printf "%d", $2 + 0.5 }' "$out")
    P50[$path-$connections]=$(to_us "$(awk '$1 == "50%" { print $2 }' "$out")")
    P99[$path-$connections]=$(to_us "$(awk '$1 == "99%" { print $2 }' "$out")")
    ERRORS[$path-$connections]=$(socket_errors "$out")
  done
done

ms() { awk -v us="$1" 'BEGIN { printf "%.3f", us / 1000 }'; }
echo
echo "== GET /api/structures/<id>, ${DURATION}s per run after ${WARMUP}s of warm-up, $(nproc) cores (${BUSY_BEFORE}% busy" \
  "before), JAVA_OPTS $JAVA_OPTS, revision $REVISION =="
printf '%-8s %6s %9s %9s %9s %8s %11s %s\n' path conns req/s "p50 ms" "p99 ms" "x direct" "cpu us/req" "socket errors"
for connections in 32 1; do
  for path in "${PATHS[@]}"; do
    printf '%-8s %6s %9s %9s %9s %8s %11s %s\n' "$path" "$connections" "${RPS[$path-$connections]}" \
      "$(ms "${P50[$path-$connections]}")" "$(ms "${P99[$path-$connections]}")" \
      "$(awk -v a="${RPS[$path-$connections]}" -v b="${RPS[direct-$connections]}" 'BEGIN { printf "%.2f", a / b }')" \
      "${CPU_US[$path-$connections]}" "${ERRORS[$path-$connections]}"
  done
done
ratio=$(awk -v a="${RPS[gateway-32]}" -v b="${RPS[direct-32]}" 'BEGIN { printf "%.2f", a / b }')
nginx_ratio=$(awk -v a="${RPS[nginx-32]}" -v b="${RPS[direct-32]}" 'BEGIN { printf "%.2f", a / b }')
floor_ratio=$(awk -v a="${RPS[floor-32]}" -v b="${RPS[direct-32]}" 'BEGIN { printf "%.2f", a / b }')
added_us=$((P50[gateway-1] - P50[direct-1]))
nginx_added_us=$((P50[nginx-1] - P50[direct-1]))
floor_added_us=$((P50[floor-1] - P50[direct-1]))
failed=0
verdict=ok; awk -v r="$ratio" 'BEGIN { exit !(r >= 0.85) }' || { verdict=MISSED; failed=1; }
echo "ratio at 32 connections: gateway ${ratio}x direct (nginx ${nginx_ratio}x, floor ${floor_ratio}x); target >= 0.85x: $verdict"
verdict=ok; ((added_us <= 100)) || { verdict=MISSED; failed=1; }
echo "p50 added at 1 connection: gateway +$(ms "$added_us") ms (nginx +$(ms "$nginx_added_us") ms, floor +$(ms "$floor_added_us") ms); target <= 0.100 ms: $verdict"
echo "proxy CPU per request at 32 connections: gateway ${CPU_US[gateway-32]} us (nginx ${CPU_US[nginx-32]} us," \
  "floor ${CPU_US[floor-32]} us${BASELINE_PID:+, baseline ${CPU_US[baseline-32]} us}); the service's own: ${CPU_US[direct-32]} us"
if [[ -n $BASELINE_PID ]]; then
  echo "baseline ($BASELINE_APP): $(awk -v a="${RPS[baseline-32]}" -v b="${RPS[direct-32]}" 'BEGIN { printf "%.2f", a / b }')x" \
    "direct at 32 connections, +$(ms $((P50[baseline-1] - P50[direct-1]))) ms at p50 at 1 connection"
fi
echo "(wrk outputs in $RESULTS; total $((SECONDS - STARTED_AT)) s)"
exit $failed

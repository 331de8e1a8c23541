#!/usr/bin/env bash
# Token-check latency benchmark: what the security frame (an RS256 bearer JWT verified by smallrye-jwt on every /api
# request, at the gateway and again at the service) adds to GET /api/structures/<id>, at structure-service directly and
# through the gateway, at 1 and at 32 connections: req/s, p50, p99 and CPU per request, with and without, and deltas.
#
# "Without" is the code before the security frame (OLD_COMMIT, default 6c9d361), "with" is NEW_COMMIT (default HEAD),
# so the deltas cover everything that landed in between on that path (the gateway's rate limiter, security headers,
# request ids...), not only the token check: profile to split them. Each commit is built once in a throwaway git
# worktree (removed after the build) and its jars cached in $BENCH_DIR; the work tree is neither read nor built. Both
# run side by side on their own ports, against their own database (structure_bench_new / structure_bench_old, created
# afresh) and one broker of the script's own, so nothing else is disturbed. Old and new runs alternate, after a warm-up
# of each JVM (full JIT needs 20-30 s of load). The script stops everything it started and drops its databases.
#
# Usage: deploy/bench/token-check.sh [--checkout]
#   --checkout  "with" is this checkout's jars as they are in */target/quarkus-app (build them first:
#               ./mvnw -DskipTests package -pl structure-service,gateway -am), e.g. to measure an uncommitted change
# About 5 minutes (ROUNDS=2: 7.5), plus a minute or two to build each commit not cached yet. Needs wrk, curl, psql.
# Env: PORT_BASE=47080 (new gateway; its structure-service on +1)  OLD_PORT_BASE=PORT_BASE+100 (old, same layout)
#      KAFKA_PORT=47092 KAFKA_CONTROLLER_PORT=47093  OLD_COMMIT=6c9d361  NEW_COMMIT=HEAD
#      WARMUP=20 (s per version and path, before measuring)  DURATION=20 (s per measured run)
#      ROUNDS=1 (measured runs per cell; the table shows medians)  READY_TIMEOUT=90 (s)
#      JAVA_OPTS="-Xms64m -Xmx256m -XX:+UseSerialGC" (run.sh's default, the production flags)
#      RUN_DIR=deploy/.run (the key pair deploy/token.sh signs with)  BENCH_DIR=RUN_DIR/bench/token-check (jars, logs,
#      wrk outputs, the broker's work dir)  PGHOST, PGPORT, PGSUPERUSER (as deploy/postgres.sh)
# Tools: Debian's `wrk` (apt-get install wrk).
set -euo pipefail

ME=token-check.sh
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT_BASE=${PORT_BASE:-47080}
OLD_PORT_BASE=${OLD_PORT_BASE:-$((PORT_BASE + 100))}
export KAFKA_PORT=${KAFKA_PORT:-47092} KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-47093}
OLD_COMMIT=${OLD_COMMIT:-6c9d361}
NEW_COMMIT=${NEW_COMMIT:-HEAD}
WARMUP=${WARMUP:-20}
DURATION=${DURATION:-20}
ROUNDS=${ROUNDS:-1}
READY_TIMEOUT=${READY_TIMEOUT:-90}
JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}
RUN_DIR=${RUN_DIR:-$ROOT/deploy/.run}
[[ $RUN_DIR = /* ]] || RUN_DIR=$PWD/$RUN_DIR
BENCH_DIR=${BENCH_DIR:-$RUN_DIR/bench/token-check}
[[ $BENCH_DIR = /* ]] || BENCH_DIR=$PWD/$BENCH_DIR
export KAFKA_WORK_DIR=$BENCH_DIR/kafka
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
PGSUPERUSER=${PGSUPERUSER:-postgres}
APPS=(structure-service gateway)
VERSIONS=(old new) # old: without the check, new: with it

# shellcheck source=deploy/bench/common.sh
. "$ROOT/deploy/bench/common.sh"
log() { echo "[$ME] $*"; }
die() { echo "[$ME] ERROR: $*" >&2; exit 1; }

case ${1:-} in
  "") CHECKOUT=false ;;
  --checkout) CHECKOUT=true ;;
  -h | --help) sed -n '2,/^# Tools/s/^# \{0,1\}//p' "$0"; exit 0 ;;
  *) die "unknown argument '$1' (see --help)" ;;
esac
command -v wrk >/dev/null || die "wrk is needed (apt-get install wrk)"
for tool in curl psql java git; do command -v "$tool" >/dev/null || die "$tool is needed"; done

port_of() { # version app
  local base=$PORT_BASE
  [[ $1 == old ]] && base=$OLD_PORT_BASE
  if [[ $2 == gateway ]]; then echo "$base"; else echo $((base + 1)); fi
}
label_of() { if [[ $1 == old ]]; then echo "without"; else echo "with check"; fi; }


## Cleanup: every JVM this run started, the broker, the bench databases, a worktree left by an interrupted build.
PIDS=()
WORKTREE=
BROKER_STARTED=false
DBS_CREATED=false
cleanup() {
  local pid
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  ! $BROKER_STARTED || "$ROOT/deploy/kafka.sh" clean >/dev/null 2>&1 || log "could not stop the broker in $KAFKA_WORK_DIR"
  ! $DBS_CREATED || drop_databases || true
  [[ -z $WORKTREE ]] || remove_worktree
}
trap cleanup EXIT
trap 'exit 130' INT TERM

## Refuse before doing anything when a port is taken (the broker's are checked again by deploy/kafka.sh).
for version in "${VERSIONS[@]}"; do
  for app in "${APPS[@]}"; do
    port=$(port_of "$version" "$app")
    if port_in_use "$port"; then
      holder=$(port_holder "$port")
      die "port $port ($version $app) is already in use${holder:+ by pid $holder}; set PORT_BASE/OLD_PORT_BASE"
    fi
  done
done
for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
  if port_in_use "$port"; then
    holder=$(port_holder "$port")
    die "port $port (broker) is already in use${holder:+ by pid $holder}; set KAFKA_PORT/KAFKA_CONTROLLER_PORT"
  fi
done
mkdir -p "$BENCH_DIR"
STARTED_AT=$SECONDS

## Jars: each commit's built once in a throwaway worktree and cached; --checkout copies this checkout's (so a
## rebuild during the run cannot pull them away).
OLD_SHA=$(git -C "$ROOT" rev-parse --verify "$OLD_COMMIT^{commit}")
NEW_SHA=$(git -C "$ROOT" rev-parse --verify "$NEW_COMMIT^{commit}")
declare -A APP_DIR=([old]=$BENCH_DIR/apps/${OLD_SHA:0:12} [new]=$BENCH_DIR/apps/${NEW_SHA:0:12})
NEW_NAME=${NEW_SHA:0:7}

remove_worktree() {
  git -C "$ROOT" worktree remove --force "$WORKTREE" 2>/dev/null || { rm -rf "$WORKTREE"; git -C "$ROOT" worktree prune; }
  WORKTREE=
}

copy_apps() { # source-dir dest-dir
  local app
  rm -rf "$2.tmp" && mkdir -p "$2.tmp"
  for app in "${APPS[@]}"; do
    [[ -f $1/$app/target/quarkus-app/quarkus-run.jar ]] || die "$1/$app/target/quarkus-app/quarkus-run.jar is missing"
    cp -r "$1/$app/target/quarkus-app" "$2.tmp/$app"
  done
  rm -rf "$2" && mv "$2.tmp" "$2"
}

cached() { # dir
  local app
  for app in "${APPS[@]}"; do [[ -f $1/$app/quarkus-run.jar ]] || return 1; done
}

build_at() { # commit dest-dir
  if cached "$2"; then log "jars of ${1:0:7} cached in $2"; return 0; fi
  WORKTREE=$(mktemp -d /tmp/token-check.XXXXXX)
  log "building ${APPS[*]} at ${1:0:7} in a throwaway worktree ($WORKTREE)"
  git -C "$ROOT" worktree add -q --detach "$WORKTREE" "$1"
  (cd "$WORKTREE" && ./mvnw -B -q -DskipTests package -pl "$(IFS=,; echo "${APPS[*]}")" -am)
  copy_apps "$WORKTREE" "$2"
  remove_worktree
}

build_at "$OLD_SHA" "${APP_DIR[old]}"
if $CHECKOUT; then
  APP_DIR[new]=$BENCH_DIR/apps/checkout
  NEW_NAME="this checkout (HEAD ${NEW_SHA:0:7}$(git -C "$ROOT" diff --quiet HEAD || echo ' + changes'))"
  copy_apps "$ROOT" "${APP_DIR[new]}"
else
  build_at "$NEW_SHA" "${APP_DIR[new]}"
fi

## Databases: one per version, so each code's Flyway history matches its schema; owned by the structure role.
drop_databases() {
  local version
  for version in "${VERSIONS[@]}"; do
    echo "set client_min_messages = warning; drop database if exists structure_bench_$version with (force)" | superuser_sql postgres
  done
}

"$ROOT/deploy/postgres.sh" >/dev/null # the server runs and the structure role exists
drop_databases
DBS_CREATED=true
for version in "${VERSIONS[@]}"; do echo "create database structure_bench_$version owner structure" | superuser_sql postgres; done

## The broker both structure-services publish to (their outbox relays need one to be ready).
BROKER_STARTED=true
"$ROOT/deploy/kafka.sh" start | sed "s/^/[$ME] /"

## Others' load: the numbers mean little on a machine that is already busy (a build, a test suite).
BUSY_BEFORE=$(cpu_busy)
((BUSY_BEFORE < 20)) || log "WARNING: the CPUs are already ${BUSY_BEFORE}% busy before the JVMs start: expect noise"

## The JVMs, two at a time on two cores.
VERIFICATION_KEY=file:$(RUN_DIR=$RUN_DIR "$ROOT/deploy/token.sh" keys)
declare -A PID_OF=()

env_of() { # version app: what deploy/run.sh's env_of gives it (+ a rate limit the benchmark cannot hit)
  echo "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT"
  echo "JWT_PUBLIC_KEY_LOCATION=$VERIFICATION_KEY"
  case $2 in
    gateway)
      local base
      base=$(port_of "$1" gateway)
      echo "GATEWAY_HTTP_PORT=$base"
      echo "STRUCTURE_SERVICE_URL=http://127.0.0.1:$((base + 1))"
      echo "CONSEILLER_SERVICE_URL=http://127.0.0.1:$((base + 2))" # not started: a GET by id never goes there
      echo "FUNDING_SERVICE_URL=http://127.0.0.1:$((base + 3))"
      echo "GATEWAY_RATE_LIMIT_REQUESTS=100000000" ;;
    structure-service)
      echo "STRUCTURE_HTTP_PORT=$(port_of "$1" structure-service)"
      echo "STRUCTURE_DB_URL=jdbc:postgresql://127.0.0.1:$PGPORT/structure_bench_$1" ;;
  esac
}

start_app() { # version app
  local log=$BENCH_DIR/$1-$2.log environment
  mapfile -t environment < <(env_of "$1" "$2")
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options
  env "${environment[@]}" java $JAVA_OPTS -jar "${APP_DIR[$1]}/$2/quarkus-run.jar" >"$log" 2>&1 </dev/null &
  PIDS+=("$!")
  PID_OF[$1-$2]=$!
}

wait_ready() { # version app
  local pid=${PID_OF[$1-$2]} port holder deadline=$((SECONDS + READY_TIMEOUT))
  port=$(port_of "$1" "$2")
  while true; do
    holder=$(port_holder "$port")
    if [[ -n $holder && $holder != "$pid" ]]; then die "port $port is held by pid $holder, not by our $1 $2 ($pid)"; fi
    if [[ $holder == "$pid" ]] || ! command -v ss >/dev/null; then
      curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null && break
    fi
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$BENCH_DIR/$1-$2.log" >&2; die "$1 $2 died while starting"; }
    ((SECONDS < deadline)) || { tail -n 30 "$BENCH_DIR/$1-$2.log" >&2; die "$1 $2 not ready after ${READY_TIMEOUT}s"; }
    sleep 0.3
  done
  log "$(label_of "$1") $2 ready on port $port (pid $pid, $(grep -o 'started in [0-9.]*s' "$BENCH_DIR/$1-$2.log"))"
}

for version in "${VERSIONS[@]}"; do
  for app in "${APPS[@]}"; do start_app "$version" "$app"; done
  for app in "${APPS[@]}"; do wait_ready "$version" "$app"; done
done

## One structure per version, then the URLs to load.
TOKEN=$(RUN_DIR=$RUN_DIR "$ROOT/deploy/token.sh" admin --client token-check-bench --ttl 7200)
declare -A URL=() AUTH=([old]="" [new]="Authorization: Bearer $TOKEN")

register() { # version: prints the new structure's id
  local headers=(-H 'Content-Type: application/json') response
  [[ -z ${AUTH[$1]} ]] || headers+=(-H "${AUTH[$1]}")
  response=$(curl -sS -o /dev/null -D - "${headers[@]}" "http://127.0.0.1:$(port_of "$1" gateway)/api/structures" \
    -d '{"name":"Bench","siret":"21930027400012","legalKind":"PUBLIC_COLLECTIVITY","type":"BIB","address":"9 avenue du Général Leclerc","postalCode":"93120","communeInsee":"93027"}')
  [[ $response == "HTTP/1.1 201"* ]] || die "registering a structure on $1 answered: ${response%%$'\r'*}"
  echo "$response" | tr -d '\r' | sed -n 's|^[Ll]ocation: .*/api/structures/||p'
}

expect() { # status version url [header]
  local got headers=()
  [[ -z ${4:-} ]] || headers=(-H "$4")
  got=$(curl -sS -o /dev/null -w '%{http_code}' "${headers[@]}" "$3")
  [[ $got == "$1" ]] || die "GET $3 ($2) answered $got, expected $1"
}

for version in "${VERSIONS[@]}"; do
  id=$(register "$version")
  for path in direct gateway; do
    app=structure-service
    [[ $path == gateway ]] && app=gateway
    URL[$version-$path]=http://127.0.0.1:$(port_of "$version" "$app")/api/structures/$id
    expect 200 "$version" "${URL[$version-$path]}" "${AUTH[$version]}"
  done
done
expect 401 new "${URL[new-direct]}"  # the check is really on: no token, no answer
expect 401 new "${URL[new-gateway]}"
log "structures registered; new without a token gets 401 at the service and at the gateway"

## Load: wrk with its latency distribution. A non-2xx answer voids the run; socket errors (a time-out past 2 s on a
## busy machine) are counted and shown.
RESULTS=$BENCH_DIR/results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"

load() { # version path connections seconds output-file
  local threads=1 headers=()
  (($3 > 1)) && threads=2
  [[ -z ${AUTH[$1]} ]] || headers=(-H "${AUTH[$1]}")
  wrk -t"$threads" -c"$3" -d"$4s" --latency "${headers[@]}" "${URL[$1-$2]}" >"$5"
  if grep 'Non-2xx' "$5" >&2; then die "$(label_of "$1") $2 c$3: answers other than 2xx (see $5)"; fi
}

cpu_ticks() { # version path: user + system clock ticks used so far by the JVMs on the path
  local apps=(structure-service) app stat fields total=0
  [[ $2 == gateway ]] && apps+=(gateway)
  for app in "${apps[@]}"; do
    stat=$(<"/proc/${PID_OF[$1-$app]}/stat")
    read -r -a fields <<<"${stat##*) }" # fields 3.. of proc(5): utime and stime are the 12th and 13th
    total=$((total + fields[11] + fields[12]))
  done
  echo "$total"
}
TICK_US=$((1000000 / $(getconf CLK_TCK)))

measure() { # version path connections round
  local out=$RESULTS/$2-c$3-$1-r$4.txt rps p50 p99 requests cpu ticks errors note=""
  ticks=$(cpu_ticks "$1" "$2")
  load "$1" "$2" "$3" "$DURATION" "$out"
  ticks=$(($(cpu_ticks "$1" "$2") - ticks))
  rps=$(awk '/^Requests\/sec:/ { printf "%d", $2 + 0.5 }' "$out")
  p50=$(to_us "$(awk '$1 == "50%" { print $2 }' "$out")")
  p99=$(to_us "$(awk '$1 == "99%" { print $2 }' "$out")")
  requests=$(awk '$2 == "requests" && $3 == "in" { print $1 }' "$out")
  cpu=$((ticks * TICK_US / requests))
  errors=$(socket_errors "$out")
  ((errors == 0)) || note=", $errors socket errors"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$2" "$3" "$1" "$rps" "$p50" "$p99" "$cpu" "$errors" >>"$RESULTS/all.tsv"
  log "$(printf '%-8s c%-3s %-10s %7s req/s  p50 %6s us  p99 %6s us  %4s us CPU/req%s' \
    "$2" "$3" "$(label_of "$1")" "$rps" "$p50" "$p99" "$cpu" "$note")"
}

log "warm-up: ${WARMUP}s per version and path at 32 connections"
for version in "${VERSIONS[@]}"; do
  for path in gateway direct; do load "$version" "$path" 32 "$WARMUP" "$RESULTS/warmup-$version-$path.txt"; done
done

log "measuring: ${DURATION}s per run, $ROUNDS round(s), old and new alternating"
cell=0
for ((round = 1; round <= ROUNDS; round++)); do
  for path in direct gateway; do
    for connections in 1 32; do
      if (((cell + round) % 2)); then order=(old new); else order=(new old); fi
      for version in "${order[@]}"; do measure "$version" "$path" "$connections" "$round"; done
      cell=$((cell + 1))
    done
  done
done

## Report: medians over rounds per cell, then the deltas.
median() { # path connections version column(4=req/s 5=p50 6=p99 7=CPU)
  awk -F'\t' -v p="$1" -v c="$2" -v v="$3" -v col="$4" '$1 == p && $2 == c && $3 == v { print $col }' \
    "$RESULTS/all.tsv" | sort -n \
    | awk '{ a[NR] = $1 } END { printf "%d", NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
ms() { awk -v us="$1" 'BEGIN { printf "%.3f", us / 1000 }'; }
delta() { # path connections column
  echo $(($(median "$1" "$2" new "$3") - $(median "$1" "$2" old "$3")))
}

row() { printf '%-8s %5s  %-10s %9s %9s %9s %12s\n' "$@"; }
echo
echo "GET /api/structures/<id>, $DURATION s per run, $ROUNDS round(s) (medians); JAVA_OPTS: $JAVA_OPTS"
echo "$(nproc) cores, ${BUSY_BEFORE}% busy before the JVMs started; CPU/req: the JVMs on the path (service, + gateway)"
echo "with check: $NEW_NAME (admin token)    without: ${OLD_SHA:0:7} (no token)"
echo
row path conns version req/s "p50 ms" "p99 ms" "CPU us/req"
for path in direct gateway; do
  for connections in 1 32; do
    for version in old new; do
      row "$path" "$connections" "$(label_of "$version")" "$(median "$path" "$connections" "$version" 4)" \
        "$(ms "$(median "$path" "$connections" "$version" 5)")" \
        "$(ms "$(median "$path" "$connections" "$version" 6)")" "$(median "$path" "$connections" "$version" 7)"
    done
  done
done
echo
row path conns delta req/s "p50 ms" "p99 ms" "CPU us/req"
for path in direct gateway; do
  for connections in 1 32; do
    row "$path" "$connections" "with-w/o" \
      "$(awk -v n="$(median "$path" "$connections" new 4)" -v o="$(median "$path" "$connections" old 4)" \
          'BEGIN { printf "%+.1f%%", (n - o) * 100 / o }')" \
      "$(printf '%+.3f' "$(ms "$(delta "$path" "$connections" 5)")")" \
      "$(printf '%+.3f' "$(ms "$(delta "$path" "$connections" 6)")")" \
      "$(printf '%+d' "$(delta "$path" "$connections" 7)")"
  done
done
awk -F'\t' '$8 > 0 { printf "%s c%s %s: %s socket errors in one run (wrk times out at 2 s)\n", $1, $2,
                     $3 == "new" ? "with check" : "without", $8 }' "$RESULTS/all.tsv"
echo "(with-w/o = with check minus without; wrk outputs in $RESULTS; total $((SECONDS - STARTED_AT)) s)"

# Plumbing the benchmark scripts share (sourced, not run): ports, the PostgreSQL superuser, the machine's load.
# Expects PGHOST, PGPORT and PGSUPERUSER to be set.

## The settings every single-service bench shares (called once ME and ROOT are set; see each script's Env line), and
## how they speak.
bench_settings() { # bench-name
  READY_TIMEOUT=${READY_TIMEOUT:-90}
  KEEP_DB=${KEEP_DB:-false}
  JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}
  RUN_DIR=${RUN_DIR:-$ROOT/deploy/.run}
  [[ $RUN_DIR = /* ]] || RUN_DIR=$PWD/$RUN_DIR
  BENCH_DIR=${BENCH_DIR:-$RUN_DIR/bench/$1}
  [[ $BENCH_DIR = /* ]] || BENCH_DIR=$PWD/$BENCH_DIR
  export KAFKA_WORK_DIR=$BENCH_DIR/kafka
  export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
  PGSUPERUSER=${PGSUPERUSER:-postgres}
}
log() { echo "[$ME] $*"; }
die() { echo "[$ME] ERROR: $*" >&2; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port_holder() { # pid(s) listening on a TCP port, when ss can tell (empty otherwise)
  command -v ss >/dev/null || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u | paste -sd, - || true
}

# SQL on stdin, run as the PostgreSQL superuser in database $1: over TCP when it lets us in, else with peer
# authentication over the local socket (as deploy/postgres.sh does).
superuser_sql() {
  local opts=(-X -q -A -t -v ON_ERROR_STOP=1 -d "$1")
  if psql -h "$PGHOST" -p "$PGPORT" -U "$PGSUPERUSER" -w "${opts[@]}" -c 'select 1' >/dev/null 2>&1; then
    psql -h "$PGHOST" -p "$PGPORT" -U "$PGSUPERUSER" -w "${opts[@]}"
  elif ((EUID == 0)); then
    su "$PGSUPERUSER" -c "$(printf '%q ' env -u PGHOST psql -p "$PGPORT" "${opts[@]}")"
  else
    sudo -u "$PGSUPERUSER" env -u PGHOST psql -p "$PGPORT" "${opts[@]}"
  fi
}

cpu_busy() { # percent of all cores busy over 2 s, from /proc/stat
  local a b
  a=$(head -1 /proc/stat); sleep 2; b=$(head -1 /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN { n = split(a, x); split(b, y)
    for (i = 2; i <= n; i++) { t += y[i] - x[i]; if (i == 5 || i == 6) idle += y[i] - x[i] }
    printf "%d", t ? 100 * (t - idle) / t : 0 }'
}

## wrk's outputs (wrk --latency)
to_us() { # a wrk duration (812.00us, 1.23ms, 2.01s) in microseconds
  awk -v d="$1" 'BEGIN { m = d ~ /us$/ ? 1 : d ~ /ms$/ ? 1000 : d ~ /s$/ ? 1000000 : -1
                         if (m < 0) exit 1; printf "%d", d * m + 0.5 }'
}

socket_errors() { # wrk output: connect + read + write errors + time-outs
  awk -F'[ ,]+' '/Socket errors:/ { print $5 + $7 + $9 + $11; found = 1 } END { if (!found) print 0 }' "$1"
}

rss_kb() { # pid: its resident set (VmRSS), in KiB
  awk '$1 == "VmRSS:" { print $2 }' "/proc/$1/status"
}

live_heap_kb() { # pid: the heap still live after a full GC, in KiB
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | awk '/total/ && /used/ && !/Metaspace|class space/ {
    for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); total += v } }
    END { printf "%d", total }'
}

## One service under bench. The caller sets ROOT, ME, SERVICE (e.g. funding-service), DB, DB_OWNER, BENCH_DIR, RUN_DIR,
## BUILD, PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT, KEEP_DB, READY_TIMEOUT, JAVA_OPTS, BASE, and defines log and die.
SERVICE_PID=
BROKER_STARTED=false
DB_CREATED=false

drop_database() { # [database]: DB by default
  echo "set client_min_messages = warning; drop database if exists ${1:-$DB} with (force)" | superuser_sql postgres
}

stop_process() { # pid: SIGTERM, then SIGKILL if it still runs 10 s later
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$1" 2>/dev/null || true
}

# The JVM, the broker and the database this run started or created, whatever happens.
bench_cleanup() {
  trap - EXIT INT TERM
  [[ -z $SERVICE_PID ]] || stop_process "$SERVICE_PID"
  ! $BROKER_STARTED || "$ROOT/deploy/kafka.sh" clean >/dev/null 2>&1 || log "could not stop the broker in $KAFKA_WORK_DIR"
  if $DB_CREATED && [[ $KEEP_DB != true ]]; then drop_database "$DB" || true; fi
}

# Free ports, the cleanup trap, this checkout's jar (copied, so a rebuild during the run cannot move it), a fresh
# database owned by DB_OWNER, the broker the outbox relay needs, and the machine's load before anything starts.
prepare_bench() {
  local port holder
  for port in "$PORT" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_in_use "$port"; then
      holder=$(port_holder "$port")
      die "port $port is already in use${holder:+ by pid $holder}; set PORT/KAFKA_PORT/KAFKA_CONTROLLER_PORT"
    fi
  done
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
  mkdir -p "$BENCH_DIR"
  if $BUILD; then
    log "building $SERVICE"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl "$SERVICE" -am)
  fi
  [[ -f $ROOT/$SERVICE/target/quarkus-app/quarkus-run.jar ]] \
    || die "no $SERVICE/target/quarkus-app/quarkus-run.jar: run with --build"
  rm -rf "$BENCH_DIR/app" && cp -r "$ROOT/$SERVICE/target/quarkus-app" "$BENCH_DIR/app"
  REVISION="$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- "$SERVICE" || echo ' + changes')"
  "$ROOT/deploy/postgres.sh" >/dev/null
  drop_database "$DB"
  DB_CREATED=true
  echo "create database $DB owner $DB_OWNER" | superuser_sql postgres
  BROKER_STARTED=true
  "$ROOT/deploy/kafka.sh" start | sed "s/^/[$ME] /"
  # the numbers mean little on a machine that is already busy (a build, a test suite)
  BUSY_BEFORE=$(cpu_busy)
  ((BUSY_BEFORE < 20)) || log "WARNING: the CPUs are already ${BUSY_BEFORE}% busy before the service starts: expect noise"
}

# Waits until a JVM just started answers its readiness check; its log's tail and death if it exits or is too slow.
wait_until_ready() { # name pid readiness-url log
  local deadline=$((SECONDS + READY_TIMEOUT))
  until curl -fsS -o /dev/null "$3" 2>/dev/null; do
    kill -0 "$2" 2>/dev/null || { tail -n 30 "$4" >&2; die "$1 died while starting"; }
    ((SECONDS < deadline)) || { tail -n 30 "$4" >&2; die "$1 is not ready after ${READY_TIMEOUT}s"; }
    sleep 0.3
  done
}

# VAR=value…: the service's own environment. Starts it as deploy/run.sh does (with JAVA when set, java otherwise)
# and waits until it is ready.
start_bench_service() {
  local holder key
  key=file:$(RUN_DIR=$RUN_DIR "$ROOT/deploy/token.sh" keys)
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options
  env "$@" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" JWT_PUBLIC_KEY_LOCATION="$key" \
    "${JAVA:-java}" $JAVA_OPTS -jar "$BENCH_DIR/app/quarkus-run.jar" >>"$BENCH_DIR/$SERVICE.log" 2>&1 </dev/null &
  SERVICE_PID=$!
  wait_until_ready "$SERVICE" "$SERVICE_PID" "$BASE/q/health/ready" "$BENCH_DIR/$SERVICE.log"
  holder=$(port_holder "$PORT")
  [[ -z $holder || $holder == "$SERVICE_PID" ]] || die "port $PORT is held by pid $holder, not by our $SERVICE ($SERVICE_PID)"
  log "$SERVICE $REVISION ready on port $PORT (pid $SERVICE_PID; JAVA_OPTS: $JAVA_OPTS)"
}

# Registers one structure in structure-service (an admin's Authorization header) and prints its id.
register_bench_structure() { # authorization-header
  curl -fsS -H "$1" -H 'Content-Type: application/json' "$BASE/api/structures" \
    -d '{"name":"Bench","siret":"21930027400012","legalKind":"PUBLIC_COLLECTIVITY","type":"BIB","address":"9 avenue du Général Leclerc","postalCode":"93120","communeInsee":"93027"}' \
    | sed -n 's/^{"id":"\([^"]*\)".*/\1/p'
}

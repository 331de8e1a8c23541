#!/usr/bin/env bash
# kafka.sh and run.sh must refuse a port held by a process they did not start, name the port (and pid), and
# never report ready on a foreign process's answer. Uses ports 29092/29093 and 28080-28083 unless told.
#   deploy/check/no-adoption.sh
set -euo pipefail

ME=no-adoption.sh
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEPLOY=${DEPLOY:-$ROOT/deploy}   # the scripts under test
export KAFKA_PORT=${KAFKA_PORT:-29092} KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-29093}
export KAFKA_LIB_DIR=${KAFKA_LIB_DIR:-$ROOT/deploy/.kafka/lib-4.1.2}
PORT_BASE=${PORT_BASE:-28080}
export DB_SUFFIX=${DB_SUFFIX:-_test} # only used if run.sh wrongly starts services
TMP=$(mktemp -d /tmp/no-adoption.XXXXXX)
FAKE_PID=

log() { echo "[$ME] $*"; }
FAILED=0
fail() { echo "[$ME] FAILED: $*" >&2; FAILED=1; }
cleanup() {
  [[ -z $FAKE_PID ]] || kill "$FAKE_PID" 2>/dev/null || true
  KAFKA_WORK_DIR=$TMP/b "$DEPLOY/kafka.sh" stop >/dev/null 2>&1 || true
  KAFKA_WORK_DIR=$TMP/a "$DEPLOY/kafka.sh" stop >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT

# Kafka: broker A runs; kafka.sh with another work dir must fail, and its stop must leave A alone.
KAFKA_WORK_DIR=$TMP/a "$DEPLOY/kafka.sh" start >/dev/null
a_pid=$(cat "$TMP/a/kafka.pid")
if out=$(KAFKA_WORK_DIR=$TMP/b "$DEPLOY/kafka.sh" start 2>&1); then
  fail "kafka.sh start succeeded next to a broker it did not start: $out"
elif [[ $out != *"port $KAFKA_PORT"*"pid $a_pid"* ]]; then
  fail "kafka.sh start did not name port $KAFKA_PORT and pid $a_pid: $out"
else
  log "kafka.sh start refused: ${out##*ERROR: }"
fi
KAFKA_WORK_DIR=$TMP/b "$DEPLOY/kafka.sh" stop >/dev/null
KAFKA_WORK_DIR=$TMP/a "$DEPLOY/kafka.sh" status >/dev/null || fail "broker A no longer runs"
KAFKA_WORK_DIR=$TMP/a "$DEPLOY/kafka.sh" stop >/dev/null

# run.sh: a fake server answers 200 to everything on structure-service's port.
port=$((PORT_BASE + 1))
mkdir -p "$TMP/www/q/health" && echo '{"status":"UP"}' >"$TMP/www/q/health/ready"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$TMP/www" >/dev/null 2>&1 &
FAKE_PID=$!
for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null && break; sleep 0.1; done
if out=$(SKIP_INFRA=1 PORT_BASE=$PORT_BASE RUN_DIR=$TMP/run READY_TIMEOUT=20 "$DEPLOY/run.sh" start 2>&1); then
  SKIP_INFRA=1 PORT_BASE=$PORT_BASE RUN_DIR=$TMP/run "$DEPLOY/run.sh" stop >/dev/null 2>&1 || true
  fail "run.sh start succeeded while port $port was held by pid $FAKE_PID: $(grep structure-service <<<"$out")"
elif [[ $out != *"port $port"*"pid $FAKE_PID"* ]]; then
  fail "run.sh start did not name port $port and pid $FAKE_PID: $(grep "^\[run.sh\]" <<<"$out")"
elif ls "$TMP"/run/*.pid >/dev/null 2>&1; then
  fail "run.sh left services running: $(ls "$TMP"/run/*.pid)"
else
  log "run.sh start refused: ${out##*ERROR: }"
fi
((FAILED == 0)) || exit 1
log "passed"

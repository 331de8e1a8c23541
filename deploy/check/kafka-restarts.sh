#!/usr/bin/env bash
# Broker start reliability: `kafka.sh clean; start; stop` N times in a row; fails on the first start that
# fails or on any OutOfMemoryError in the broker log. Use your own ports and work dir when another broker runs:
#   KAFKA_PORT=29092 KAFKA_CONTROLLER_PORT=29093 KAFKA_WORK_DIR=/tmp/k deploy/check/kafka-restarts.sh 20
set -euo pipefail

ME=kafka-restarts.sh
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N=${1:-20}
KAFKA_WORK_DIR=${KAFKA_WORK_DIR:-$ROOT/deploy/.kafka}
export KAFKA_WORK_DIR

log() { echo "[$ME] $*"; }

started=$SECONDS
for i in $(seq 1 "$N"); do
  "$ROOT/deploy/kafka.sh" clean >/dev/null
  if ! out=$("$ROOT/deploy/kafka.sh" start 2>&1); then
    echo "$out" >&2
    log "FAILED: start $i of $N failed after $((SECONDS - started))s"
    exit 1
  fi
  if grep -q OutOfMemoryError "$KAFKA_WORK_DIR/logs/server.log"; then
    grep -m3 -A3 OutOfMemoryError "$KAFKA_WORK_DIR/logs/server.log" >&2
    "$ROOT/deploy/kafka.sh" stop >/dev/null
    log "FAILED: OutOfMemoryError in the broker log on start $i of $N"
    exit 1
  fi
  log "start $i/$N: ${out##*ready in }"
  "$ROOT/deploy/kafka.sh" stop >/dev/null
done
log "$N of $N starts succeeded in $((SECONDS - started))s"

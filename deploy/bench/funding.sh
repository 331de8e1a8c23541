#!/usr/bin/env bash
# Funding benchmark past a million lines: loads LINES funding lines (deploy/bench/funding-data.sql: a tenth of them
# sub-lines, a fifth drafts or cancelled, some incomplete for SCDL: the export writes about a million rows; payments, forecasts,
# 1,890 envelopes, 3,000 beneficiaries) into a database of its own, starts
# funding-service from this checkout's jar with the production JVM flags, then measures:
#   - the breakdown report (GET /api/funding/reports/breakdown?by=…) for each grouping: RUNS timed requests after one
#     warm-up, p50 and max against the target (<= 1 s);
#   - the SCDL export (GET /api/funding/exports/scdl-subventions.csv) of every committed line, after one warm-up:
#     rows/s against the target (>= 100,000) and the heap still live before and in the middle of an export (it must not grow with the rows).
# The script stops the JVM and the broker it started and drops its database.
#
# Usage: deploy/bench/funding.sh [--build]
#   --build  builds funding-service first; otherwise the jar in funding-service/target/quarkus-app is used (copied)
# About 3 minutes with the defaults (the load is about half of it). Needs curl, psql, java, jcmd.
# Env: PORT=47381  KAFKA_PORT=47392 KAFKA_CONTROLLER_PORT=47393  LINES=1600000  RUNS=10  TARGET_MS=1000
#      READY_TIMEOUT=90 (s)  KEEP_DB=false  JAVA_OPTS="-Xms64m -Xmx256m -XX:+UseSerialGC" (the production flags)
#      RUN_DIR=deploy/.run  BENCH_DIR=RUN_DIR/bench/funding  PGHOST, PGPORT, PGSUPERUSER (as deploy/postgres.sh)
set -euo pipefail

ME=funding.sh
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=deploy/bench/common.sh
. "$ROOT/deploy/bench/common.sh"
bench_settings funding
PORT=${PORT:-47381}
export KAFKA_PORT=${KAFKA_PORT:-47392} KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-47393}
LINES=${LINES:-1600000}
RUNS=${RUNS:-10}
TARGET_MS=${TARGET_MS:-1000}
DB=funding_bench
DB_OWNER=funding
SERVICE=funding-service
BASE=http://127.0.0.1:$PORT
COMMUNES_CSV=$ROOT/api-security/src/main/resources/reference/communes-seine-saint-denis.csv

case ${1:-} in
  "") BUILD=false ;;
  --build) BUILD=true ;;
  -h | --help) sed -n '2,/^set -euo/s/^# \{0,1\}//p' "$0" | sed '$d'; exit 0 ;;
  *) die "unknown argument '$1' (see --help)" ;;
esac
for tool in curl psql java jcmd; do command -v "$tool" >/dev/null || die "$tool is needed"; done
STARTED_AT=$SECONDS
prepare_bench
: >"$BENCH_DIR/$SERVICE.log"
start_bench_service FUNDING_HTTP_PORT="$PORT" FUNDING_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB"
log "schema migrated"
TOKEN=$(RUN_DIR=$RUN_DIR "$ROOT/deploy/token.sh" auditor --client funding-bench --ttl 7200)
AUTH="Authorization: Bearer $TOKEN"

## The data: bulk SQL (the API would take an hour and measure nothing here).
COMMUNE_VALUES=$(awk -F, 'NR > 1 && $5 != "" { printf "%s(%d, \x27%s\x27, \x27%s\x27)", n ? ", " : "", n, $1, $5; n++ }' "$COMMUNES_CSV")
load_started=$SECONDS
{ echo "CREATE TEMP TABLE commune (n int, insee text, ept text); INSERT INTO commune VALUES $COMMUNE_VALUES;"
  sed "s/:lines/$LINES/g" "$ROOT/deploy/bench/funding-data.sql"; } | superuser_sql "$DB" >/dev/null
COUNTS=$(echo "select count(*), count(parent_id), (select count(*) from payment), (select count(*) from line_forecast),
               (select count(*) from envelope) from funding_line" | superuser_sql "$DB")
log "loaded in $((SECONDS - load_started)) s: lines, sub-lines, payments, forecasts, envelopes = ${COUNTS//|/, }"

## Breakdown: one warm-up, then RUNS timed requests per grouping.
declare -A P50 MAX
time_ms() { curl -fsS -o /dev/null -w '%{time_total}\n' -H "$AUTH" "$BASE$1" | awk '{ printf "%d\n", $1 * 1000 }'; }
for by in programme envelope year beneficiary commune ept departement; do
  path="/api/funding/reports/breakdown?by=$by"
  time_ms "$path" >/dev/null
  times=$(for _ in $(seq 1 "$RUNS"); do time_ms "$path"; done | sort -n)
  P50[$by]=$(echo "$times" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  MAX[$by]=$(echo "$times" | tail -1)
done
ROWS_BY_COMMUNE=$(curl -fsS -H "$AUTH" "$BASE/api/funding/reports/breakdown?by=commune" | grep -o '"key"' | wc -l)

## SCDL export: every committed line as SCDL CSV, streamed. One warm-up, a clean timed run, then one with the heap
## still live (after a full GC) read before it and two seconds into it: it must not grow with the row count.
SCDL=/api/funding/exports/scdl-subventions.csv
curl -fsS -H "$AUTH" -o /dev/null "$BASE$SCDL"
scdl_started=$(date +%s%N)
curl -fsS -H "$AUTH" -o "$BENCH_DIR/scdl.csv" "$BASE$SCDL"
SCDL_MS=$((($(date +%s%N) - scdl_started) / 1000000))
SCDL_ROWS=$(($(wc -l <"$BENCH_DIR/scdl.csv") - 1)) # no value holds a line break in this data
SCDL_RATE=$((SCDL_ROWS * 1000 / (SCDL_MS > 0 ? SCDL_MS : 1)))
HEAP_BEFORE_KB=$(live_heap_kb "$SERVICE_PID")
curl -fsS -H "$AUTH" -o /dev/null "$BASE$SCDL" &
EXPORT_PID=$!
sleep 2
HEAP_DURING_KB=$(live_heap_kb "$SERVICE_PID")
wait "$EXPORT_PID"
rm -f "$BENCH_DIR/scdl.csv"

echo
echo "== funding-service $REVISION, $LINES lines, JAVA_OPTS $JAVA_OPTS, CPUs busy before: ${BUSY_BEFORE}% =="
printf '%-34s %8s %8s  %s\n' "breakdown by" "p50 ms" "max ms" "target <= $TARGET_MS ms"
failed=0
for by in programme envelope year beneficiary commune ept departement; do
  verdict=ok; ((MAX[$by] <= TARGET_MS)) || { verdict=MISSED; failed=1; }
  printf '%-34s %8s %8s  %s\n' "$by" "${P50[$by]}" "${MAX[$by]}" "$verdict"
done
echo "(by=commune answers $((ROWS_BY_COMMUNE - 1)) groups and the totals)"
verdict=ok; ((SCDL_RATE >= 100000)) || { verdict=MISSED; failed=1; }
echo "SCDL export: $SCDL_ROWS rows in $SCDL_MS ms = $SCDL_RATE rows/s (target >= 100000: $verdict);" \
  "heap live before ${HEAP_BEFORE_KB} KiB, 2 s into an export ${HEAP_DURING_KB} KiB (-Xmx in JAVA_OPTS)"
echo "total $((SECONDS - STARTED_AT)) s"
exit $failed

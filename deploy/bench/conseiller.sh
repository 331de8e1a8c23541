#!/usr/bin/env bash
# conseiller-service benchmark at 10,000 posts: loads POSTS posts of one agreement with their structures, holders,
# contracts and a year of daily activity each (deploy/bench/conseiller-data.sql, about 3.65 million activities) into a
# database of its own, starts conseiller-service from this checkout's jar with the production JVM flags, then measures,
# RUNS timed requests after one warm-up each, p50 and max against the target (<= 500 ms):
#   - the deployment report (GET /api/conseillers/reports/deployment?by=…) per agreement, EPT and commune;
#   - the activity report (GET /api/conseillers/reports/activity?by=…) over the year per theme, month, kind, EPT, commune;
#   - and, for scale (no target), a month's entry of one post (PUT …/activities/{month}: 30 activities replacing 30).
# The script stops the JVM and the broker it started and drops its database.
#
# Usage: deploy/bench/conseiller.sh [--build]
#   --build  builds conseiller-service first; otherwise the jar in conseiller-service/target/quarkus-app is used (copied)
# About 3 minutes with the defaults (the load is most of it). Needs curl, psql, java.
# Env: PORT=47481  KAFKA_PORT=47492 KAFKA_CONTROLLER_PORT=47493  POSTS=10000  RUNS=10  TARGET_MS=500
#      READY_TIMEOUT=90 (s)  KEEP_DB=false  JAVA_OPTS="-Xms64m -Xmx256m -XX:+UseSerialGC" (the production flags)
#      RUN_DIR=deploy/.run  BENCH_DIR=RUN_DIR/bench/conseiller  PGHOST, PGPORT, PGSUPERUSER (as deploy/postgres.sh)
set -euo pipefail

ME=conseiller.sh
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=deploy/bench/common.sh
. "$ROOT/deploy/bench/common.sh"
bench_settings conseiller
PORT=${PORT:-47481}
export KAFKA_PORT=${KAFKA_PORT:-47492} KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-47493}
POSTS=${POSTS:-10000}
RUNS=${RUNS:-10}
TARGET_MS=${TARGET_MS:-500}
DB=conseiller_bench
DB_OWNER=conseiller
SERVICE=conseiller-service
BASE=http://127.0.0.1:$PORT
COMMUNES_CSV=$ROOT/api-security/src/main/resources/reference/communes-seine-saint-denis.csv
AGREEMENT=00000000-0000-4000-8011-000000000001

case ${1:-} in
  "") BUILD=false ;;
  --build) BUILD=true ;;
  -h | --help) sed -n '2,/^set -euo/s/^# \{0,1\}//p' "$0" | sed '$d'; exit 0 ;;
  *) die "unknown argument '$1' (see --help)" ;;
esac
for tool in curl psql java; do command -v "$tool" >/dev/null || die "$tool is needed"; done
STARTED_AT=$SECONDS
prepare_bench
: >"$BENCH_DIR/$SERVICE.log"
start_bench_service CONSEILLER_HTTP_PORT="$PORT" CONSEILLER_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB"
log "schema migrated"
AUTH="Authorization: Bearer $(RUN_DIR=$RUN_DIR "$ROOT/deploy/token.sh" dashboard --client conseiller-bench --ttl 7200)"
ADMIN_AUTH="Authorization: Bearer $(RUN_DIR=$RUN_DIR "$ROOT/deploy/token.sh" admin --client conseiller-bench --ttl 7200)"

## The data: bulk SQL (a year of daily activity through the API would take hours and measure nothing here).
COMMUNE_VALUES=$(awk -F, 'NR > 1 { printf "%s(%d, \x27%s\x27, \x27%s\x27)", n ? ", " : "", n, $1, $5; n++ }' "$COMMUNES_CSV")
load_started=$SECONDS
{ echo "CREATE TEMP TABLE commune (n int, insee text, ept text); INSERT INTO commune VALUES $COMMUNE_VALUES;"
  sed "s/:posts/$POSTS/g" "$ROOT/deploy/bench/conseiller-data.sql"; } | superuser_sql "$DB" >/dev/null
COUNTS=$(echo "select count(*), (select count(*) from contract), (select count(*) from activity),
               (select count(*) from activity_total) from post" | superuser_sql "$DB")
log "loaded in $((SECONDS - load_started)) s: posts, contracts, activities, kept activity sums = ${COUNTS//|/, }"

declare -A P50 MAX
time_ms() { curl -fsS -o /dev/null -w '%{time_total}\n' "${@:2}" "$BASE$1" | awk '{ printf "%d\n", $1 * 1000 }'; }
measure() { # name path curl-options…: one warm-up, then RUNS timed requests
  local times
  time_ms "${@:2}" >/dev/null
  times=$(for _ in $(seq 1 "$RUNS"); do time_ms "${@:2}"; done | sort -n)
  P50[$1]=$(echo "$times" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  MAX[$1]=$(echo "$times" | tail -1)
}
REPORTS=()
for by in agreement ept commune; do
  REPORTS+=("deployment by $by")
  measure "deployment by $by" "/api/conseillers/reports/deployment?agreementId=$AGREEMENT&by=$by" -H "$AUTH"
done
for by in theme month kind ept commune; do
  REPORTS+=("activity by $by")
  measure "activity by $by" "/api/conseillers/reports/activity?agreementId=$AGREEMENT&by=$by&from=2021-01&to=2021-12" -H "$AUTH"
done
ACTIVITY_TOTAL=$(curl -fsS -H "$AUTH" "$BASE/api/conseillers/reports/activity?agreementId=$AGREEMENT&by=kind&from=2021-01&to=2021-12" \
  | grep -o '"total":{[^}]*}')

# one post's June, replaced by 30 activities of its own structure (each run replaces the previous run's)
POST=00000000-0000-4000-8012-000000000000
PLACE=00000000-0000-4000-8010-000000000000
MONTH_BODY=$(for day in $(seq -w 1 30); do
  printf '%s{"kind":"ATELIER","heldOn":"2021-06-%s","durationMinutes":90,"placeId":"%s","themes":["CV"],"peopleHelped":6}' \
    "$([[ $day == 01 ]] || echo ,)" "$day" "$PLACE"; done)
measure "a month's entry (30 activities)" "/api/conseillers/posts/$POST/activities/2021-06" -X PUT -H "$ADMIN_AUTH" \
  -H 'Content-Type: application/json' -d "{\"activities\":[$MONTH_BODY]}"

echo
echo "== conseiller-service $REVISION, $POSTS posts, ${COUNTS//|/, } (posts, contracts, activities, kept sums)," \
  "JAVA_OPTS $JAVA_OPTS, CPUs busy before: ${BUSY_BEFORE}% =="
printf '%-34s %8s %8s  %s\n' "report" "p50 ms" "max ms" "target <= $TARGET_MS ms"
failed=0
for name in "${REPORTS[@]}"; do
  verdict=ok; ((MAX[$name] <= TARGET_MS)) || { verdict=MISSED; failed=1; }
  printf '%-34s %8s %8s  %s\n' "$name" "${P50[$name]}" "${MAX[$name]}" "$verdict"
done
name="a month's entry (30 activities)"
printf '%-34s %8s %8s  %s\n' "$name" "${P50[$name]}" "${MAX[$name]}" "(no target)"
echo "activity over the year: $ACTIVITY_TOTAL"
echo "total $((SECONDS - STARTED_AT)) s"
exit $failed

#!/usr/bin/env bash
# Registry benchmark at the size of the national map: loads ROWS structures (20,000) into a database of its own, starts
# structure-service from this checkout's jar with the production JVM flags, warms it up, then measures with wrk:
#   - filtered searches (ept + type + q; status + qpv; q alone sorted by name; pages deep into a keyset walk),
#   - the incremental sync (GET /api/structures/changes, from the start and from cursors deep into it),
# each under every load of LOADS, and prints req/s, p50 and p99 per scenario against the target (search p99 <= 50 ms):
#   1       one connection, back to back: the latency of a request alone;
#   4/25    four connections, each pausing 25 ms between requests: ~150 req/s, fifteen clients at the gateway's quota;
#   8       eight connections back to back: saturation, what two cores give (the p99 is then queueing: no target).
# Then the médiation numérique export (GET /api/structures/export/mediation-numerique.csv|.json), when this checkout
# has it: its time at SMALL_ROWS and at ROWS rows (target <= 2 s), and the heap still live in the middle of an export
# (a slow client keeps it in flight while a full GC runs) at both sizes: it must not grow with the row count; and the
# import of that export's CSV (POST /api/structures/imports), once as it stands and once into an emptied registry.
#
# Seeding is bulk SQL into the service's own database after Flyway migrated it (the API would take minutes and measure
# nothing here): names, types, legal kinds, communes and their EPT, QPV, closures, services, hours, valid SIRETs (Luhn)
# or RNAs, spread like a real registry's. The script stops the JVM and the broker it started and drops its database.
#
# Usage: deploy/bench/structures.sh [--build]
#   --build  builds structure-service first (./mvnw -DskipTests package -pl structure-service -am); otherwise the jar
#            in structure-service/target/quarkus-app is used (copied, so a rebuild during the run cannot move it)
# About 4 minutes with the defaults. Needs wrk (apt-get install wrk), curl, psql, jcmd.
# Env: PORT=47281 (structure-service)  KAFKA_PORT=47292 KAFKA_CONTROLLER_PORT=47293  ROWS=20000  SMALL_ROWS=2000
#      WARMUP=30 (s of load before measuring)  DURATION=15 (s per measured run)  LOADS="1 4/25 8"
#      TARGET_P99_MS=50  EXPORT_TARGET_MS=2000  READY_TIMEOUT=90 (s)  KEEP_DB=false (true: keep the database)
#      JAVA_OPTS="-Xms64m -Xmx256m -XX:+UseSerialGC" (run.sh's default, the production flags)
#      RUN_DIR=deploy/.run (the key pair deploy/token.sh signs with)  BENCH_DIR=RUN_DIR/bench/structures (jar, logs,
#      wrk scripts and outputs, the broker's work dir)  PGHOST, PGPORT, PGSUPERUSER (as deploy/postgres.sh)
set -euo pipefail

ME=structures.sh
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=deploy/bench/common.sh
. "$ROOT/deploy/bench/common.sh"
bench_settings structures
PORT=${PORT:-47281}
export KAFKA_PORT=${KAFKA_PORT:-47292} KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-47293}
ROWS=${ROWS:-20000}
SMALL_ROWS=${SMALL_ROWS:-2000}
WARMUP=${WARMUP:-30}
DURATION=${DURATION:-15}
LOADS=${LOADS:-1 4/25 8}
TARGET_P99_MS=${TARGET_P99_MS:-50}
EXPORT_TARGET_MS=${EXPORT_TARGET_MS:-2000}
DB=structure_bench_search
DB_OWNER=structure
SERVICE=structure-service
BASE=http://127.0.0.1:$PORT
COMMUNES_CSV=$ROOT/api-security/src/main/resources/reference/communes-seine-saint-denis.csv

case ${1:-} in
  "") BUILD=false ;;
  --build) BUILD=true ;;
  -h | --help) sed -n '2,/^set -euo/s/^# \{0,1\}//p' "$0" | sed '$d'; exit 0 ;;
  *) die "unknown argument '$1' (see --help)" ;;
esac
command -v wrk >/dev/null || die "wrk is needed (apt-get install wrk)"
for tool in curl psql java jcmd; do command -v "$tool" >/dev/null || die "$tool is needed"; done
((SMALL_ROWS < ROWS)) || die "SMALL_ROWS ($SMALL_ROWS) must be below ROWS ($ROWS)"

STARTED_AT=$SECONDS
prepare_bench
: >"$BENCH_DIR/$SERVICE.log"
start_bench_service STRUCTURE_HTTP_PORT="$PORT" STRUCTURE_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB"
TOKEN=$(RUN_DIR=$RUN_DIR "$ROOT/deploy/token.sh" dashboard --client structures-bench --ttl 7200)
AUTH="Authorization: Bearer $TOKEN"
ADMIN_AUTH="Authorization: Bearer $(RUN_DIR=$RUN_DIR "$ROOT/deploy/token.sh" admin --client structures-bench --ttl 7200)"

## Seeding: rows numbered from $1 to $2, generated in SQL from the service's list of communes.
COMMUNE_VALUES=$(awk -F, 'NR > 1 && $5 != "" { split($3, pc, "|"); gsub("\x27", "\x27\x27", $2)
  printf "%s(%d, \x27%s\x27, \x27%s\x27, \x27%s\x27, \x27%s\x27)", n ? ",\n" : "", n, $1, $2, pc[1], $5; n++ }' "$COMMUNES_CSV")
COMMUNE_COUNT=$(awk -F, 'NR > 1 && $5 != ""' "$COMMUNES_CSV" | wc -l)

seed() { # first last
  superuser_sql "$DB" <<SQL
CREATE TEMP TABLE commune (n int, insee text, name text, postal_code text, ept text);
INSERT INTO commune VALUES $COMMUNE_VALUES;
CREATE TEMP TABLE kind (n int, type text, legal_kind text, prefix text);
INSERT INTO kind VALUES (0, 'BIB', 'PUBLIC_COLLECTIVITY', 'Médiathèque'), (1, 'BIB', 'PUBLIC_COLLECTIVITY', 'Bibliothèque'),
  (2, 'MUNI', 'PUBLIC_COLLECTIVITY', 'Mairie annexe'), (3, 'RFS', 'PUBLIC_COLLECTIVITY', 'France Services'),
  (4, 'CCAS', 'PUBLIC_COLLECTIVITY', 'CCAS'), (5, 'ASSO', 'ASSOCIATION', 'Association'),
  (6, 'ASSO', 'ASSOCIATION', 'Association de quartier'), (7, 'CSC', 'ASSOCIATION', 'Centre social'),
  (8, 'EPN', 'PUBLIC_COLLECTIVITY', 'Espace public numérique'), (9, 'EHPAD', 'OTHER_PRIVATE', 'EHPAD'),
  (10, 'TIERS_LIEUX', 'ESS_ENTERPRISE', 'Tiers-lieu'), (11, 'ESS', 'ESS_ENTERPRISE', 'Régie de quartier');
CREATE TEMP TABLE person (n int, name text);
INSERT INTO person VALUES (0, 'Jean Jaurès'), (1, 'Louise Michel'), (2, 'Aimé Césaire'), (3, 'Elsa Triolet'),
  (4, 'Pablo Neruda'), (5, 'Victor Hugo'), (6, 'Olympe de Gouges'), (7, 'Frantz Fanon'), (8, 'Gisèle Halimi'),
  (9, 'Romain Rolland'), (10, 'Paul Éluard'), (11, 'Simone Veil'), (12, 'Jacques Prévert'), (13, 'Nelson Mandela');
-- A valid SIRET (Luhn) for a 13-digit base: counted from the left, the odd positions are doubled.
CREATE FUNCTION pg_temp.siret(base text) RETURNS text LANGUAGE sql IMMUTABLE AS \$\$
  SELECT base || ((10 - sum(CASE WHEN i % 2 = 1 THEN (2 * substr(base, i, 1)::int) % 10 + (2 * substr(base, i, 1)::int) / 10
                                 ELSE substr(base, i, 1)::int END) % 10) % 10)::text
  FROM generate_series(1, 13) AS i \$\$;
INSERT INTO structure (id, name, siret, rna, legal_kind, type, address, postal_code, commune_insee, ept_siren, qpv,
                       qpv_code, latitude, longitude, opening_hours, services, phone, email, website, status, closed_on,
                       close_reason, version, registered_at, updated_at)
SELECT gen_random_uuid(), k.prefix || ' ' || p.name || ' ' || c.name || CASE WHEN g % 7 = 0 THEN ' ' || (g % 97) ELSE '' END,
       CASE WHEN k.legal_kind = 'ASSOCIATION' AND g % 2 = 0 THEN NULL ELSE pg_temp.siret('8' || lpad(g::text, 12, '0')) END,
       CASE WHEN k.legal_kind = 'ASSOCIATION' THEN 'W' || lpad(g::text, 9, '0') END,
       k.legal_kind, k.type, (g % 180 + 1) || ' rue ' || p.name, c.postal_code, c.insee, c.ept,
       g % 7 < 2, CASE WHEN g % 7 = 0 THEN 'QP093' || lpad((g % 60)::text, 3, '0') END,
       48.86 + (g % 1000) / 8000.0, 2.30 + (g % 997) / 3200.0,
       CASE WHEN g % 4 <> 0 THEN 'Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00; PH off' END,
       (ARRAY['Aide aux démarches administratives', 'Accès internet et matériel informatique',
              'Maîtrise des outils numériques du quotidien', 'Insertion professionnelle via le numérique',
              'Utilisation sécurisée du numérique', 'Parentalité et éducation avec le numérique'])[1:g % 6 + 1],
       '+331' || lpad((g % 100000000)::text, 8, '0'), 'contact' || g || '@exemple.fr', 'https://exemple.fr/lieu/' || g,
       CASE WHEN g % 10 = 9 THEN 'CLOSED' ELSE 'ACTIVE' END,
       CASE WHEN g % 10 = 9 THEN DATE '2023-06-30' END, CASE WHEN g % 10 = 9 THEN 'Fusion avec une autre structure' END,
       1, TIMESTAMPTZ '2021-01-15 09:00:00+01' + g * INTERVAL '97 minutes', TIMESTAMPTZ '2021-01-15 09:00:00+01' + g * INTERVAL '97 minutes'
FROM generate_series($1, $2) AS g
JOIN commune c ON c.n = g % $COMMUNE_COUNT
JOIN kind k ON k.n = (g / 3) % 12
JOIN person p ON p.n = (g / 7) % 14;
ANALYZE structure;
SQL
}

count_structures() { echo "select count(*) from structure" | superuser_sql "$DB"; }

## What a search answers: the number of items on its first page (and whether there is a next).
sample() { # path
  curl -fsS -H "$AUTH" "$BASE$1" | awk '{ n = gsub(/"registeredAt"/, "&"); next_ = /"next":null/ ? "last page" : "more pages"
    printf "%d items, %s", n, next_ }'
}

## Walks a search or the changes page by page and prints the cursor after page $2.
cursor_after() { # path pages
  local cursor="" i
  for ((i = 0; i < $2; i++)); do
    cursor=$(curl -fsS -H "$AUTH" "$BASE$1${cursor:+&cursor=$cursor}" | sed -n 's/.*"next":"\([^"]*\)".*/\1/p')
    [[ -n $cursor ]] || die "$1 ended before page $2"
  done
  echo "$cursor"
}

## wrk: one Lua script per scenario cycling through its paths; done() prints what the report needs.
write_script() { # file path...
  local file=$1 path
  shift
  {
    echo "local paths = {"
    for path in "$@"; do printf '  "%s",\n' "$path"; done
    echo "}"
    cat <<'LUA'
local i = 0
local pause = 0
init = function(args)
  pause = tonumber(args[1]) or 0
end
delay = function()
  return pause -- ms between two requests of a connection
end
request = function()
  i = i % #paths + 1
  return wrk.format(nil, paths[i]) -- with the -H headers
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.0f p50_us=%d p99_us=%d max_us=%d requests=%d non2xx=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99), latency.max,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
LUA
  } >"$file"
}

field() { sed -n "s/.*RESULT.* $2=\([0-9]*\).*/\1/p" "$1"; } # wrk output, name
ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }

run_wrk() { # scenario load(connections[/pause ms]) seconds output
  local threads=1 connections=${2%%/*} pause=0
  [[ $2 != */* ]] || pause=${2#*/}
  ((connections > 1)) && threads=2
  wrk -t"$threads" -c"$connections" -d"$3s" -s "$BENCH_DIR/$1.lua" -H "$AUTH" "$BASE" -- "$pause" >"$4"
  [[ $(field "$4" non2xx) == 0 ]] || die "$1: answers other than 2xx (see $4)"
}

## Médiation numérique export: a hook, measured when the endpoint exists in this build.
EXPORT_PATH=/api/structures/export/mediation-numerique
heap_used_kb() { live_heap_kb "$SERVICE_PID"; }
declare -A EXPORT_MS=() EXPORT_LIVE_KB=() EXPORT_BYTES=()
measure_export() { # rows: time (median of 3 after 2 warm-ups) and the heap live in the middle of a slow export
  local rows=$1 format status times bytes baseline during rate curl_pid
  for format in csv json; do
    status=$(curl -sS -o /dev/null -w '%{http_code}' -H "$AUTH" "$BASE$EXPORT_PATH.$format")
    if [[ $status == 404 ]]; then
      log "export: GET $EXPORT_PATH.$format is not in this build (404): not measured"
      return 0
    fi
    [[ $status == 200 ]] || die "export: GET $EXPORT_PATH.$format answered $status"
    for _ in 1 2; do curl -fsS -o /dev/null -H "$AUTH" "$BASE$EXPORT_PATH.$format"; done
    times=$(for _ in 1 2 3; do curl -fsS -o /dev/null -w '%{time_total}\n' -H "$AUTH" "$BASE$EXPORT_PATH.$format"; done \
      | sort -n | sed -n 2p)
    bytes=$(curl -fsS -H "$AUTH" "$BASE$EXPORT_PATH.$format" | wc -c)
    EXPORT_MS[$format-$rows]=$(awk -v s="$times" 'BEGIN { printf "%d", s * 1000 + 0.5 }')
    EXPORT_BYTES[$format-$rows]=$bytes
    # A client reading at a sixth of the body per second keeps the export in flight for about 6 s; a full GC in the
    # middle then shows what the export holds: rows read into a list, or a body built in memory, would show here.
    baseline=$(heap_used_kb)
    rate=$((bytes / 6 + 1))
    curl -fsS -o /dev/null --limit-rate "$rate" -H "$AUTH" "$BASE$EXPORT_PATH.$format" &
    curl_pid=$!
    sleep 3
    during=$(heap_used_kb)
    wait "$curl_pid" || die "export: the slow $format export failed"
    EXPORT_LIVE_KB[$format-$rows]=$((during - baseline))
    log "export $format at $rows rows: ${EXPORT_MS[$format-$rows]} ms, $bytes bytes; heap live mid-export:" \
      "$during KB ($((during - baseline)) KB above the $baseline KB before)"
  done
}

log "seeding $SMALL_ROWS structures"
seed 1 "$SMALL_ROWS"
measure_export "$SMALL_ROWS"
log "seeding up to $ROWS structures"
seed $((SMALL_ROWS + 1)) "$ROWS"
log "$(count_structures) structures in $DB"

## Scenarios: their paths are real values of the seeded data (EPTs, types, words of names).
EPTS=(200057867 200057875 200058097 200058790)
SCENARIOS=(ept-type-q status-qpv q-by-name deep-pages changes)
declare -A TITLE=(
  [ept-type-q]="search ept + type + q"
  [status-qpv]="search status + qpv"
  [q-by-name]="search q, sort=name"
  [deep-pages]="search, page 20-200 of a walk"
  [changes]="sync /changes, limit 100")
ept_type_q=() status_qpv=() q_by_name=() deep=() changes=(/api/structures/changes?limit=100)
for ept in "${EPTS[@]}"; do
  ept_type_q+=("/api/structures?ept=$ept&type=BIB&q=mediatheque" "/api/structures?ept=$ept&type=ASSO&q=association%20quartier"
    "/api/structures?ept=$ept&type=CSC&q=centre%20jaures" "/api/structures?ept=$ept&type=MUNI&q=mairie%20cesaire")
done
for status in ACTIVE CLOSED; do
  for qpv in true false; do status_qpv+=("/api/structures?status=$status&qpv=$qpv"); done
done
for word in jaures michel%20louise cesaire eluard mandela prevert; do q_by_name+=("/api/structures?q=$word&sort=name"); done
log "walking keyset pages and the changes to take cursors deep into them"
for pages in 20 100 200; do
  deep+=("/api/structures?status=ACTIVE&limit=50&cursor=$(cursor_after "/api/structures?status=ACTIVE&limit=50" "$pages")")
  deep+=("/api/structures?sort=-name&limit=50&cursor=$(cursor_after "/api/structures?sort=-name&limit=50" "$pages")")
done
for pages in 10 100 190; do
  changes+=("/api/structures/changes?limit=100&cursor=$(cursor_after "/api/structures/changes?limit=100" "$pages")")
done
write_script "$BENCH_DIR/ept-type-q.lua" "${ept_type_q[@]}"
write_script "$BENCH_DIR/status-qpv.lua" "${status_qpv[@]}"
write_script "$BENCH_DIR/q-by-name.lua" "${q_by_name[@]}"
write_script "$BENCH_DIR/deep-pages.lua" "${deep[@]}"
write_script "$BENCH_DIR/changes.lua" "${changes[@]}"
log "e.g. ${ept_type_q[0]}: $(sample "${ept_type_q[0]}")"
log "e.g. ${status_qpv[0]}: $(sample "${status_qpv[0]}")"
log "e.g. ${q_by_name[0]}: $(sample "${q_by_name[0]}")"

RESULTS=$BENCH_DIR/results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
log "warm-up: ${WARMUP}s over every scenario at 8 connections (full JIT needs 20-30 s of load)"
for scenario in "${SCENARIOS[@]}"; do
  run_wrk "$scenario" 8 $(((WARMUP + ${#SCENARIOS[@]} - 1) / ${#SCENARIOS[@]})) "$RESULTS/warmup-$scenario.txt"
done

log "measuring: ${DURATION}s per scenario and load ($LOADS)"
for load in $LOADS; do
  for scenario in "${SCENARIOS[@]}"; do
    run_wrk "$scenario" "$load" "$DURATION" "$RESULTS/$scenario-c${load/\//-}.txt"
  done
done
measure_export "$ROWS"

## Médiation numérique import (no target): the CSV export of ROWS rows imported back (every row checked, none changed),
## then into an emptied registry (every row registered, audited and published).
declare -A IMPORT_MS=() IMPORT_REPORT=()
import_file() { # name file: POSTs the file, keeps the time and the report
  local out
  out=$(curl -sS -w '\n%{http_code} %{time_total}' -H "$ADMIN_AUTH" -H 'Content-Type: text/csv; charset=UTF-8' \
    --data-binary "@$2" "$BASE/api/structures/imports")
  [[ $(tail -1 <<<"$out" | cut -d' ' -f1) == 200 ]] || die "import ($1) failed: $out"
  IMPORT_REPORT[$1]=$(head -1 <<<"$out")
  IMPORT_MS[$1]=$(tail -1 <<<"$out" | awk '{ printf "%d", $2 * 1000 + 0.5 }')
  log "import $1: ${IMPORT_MS[$1]} ms, ${IMPORT_REPORT[$1]}"
}
if [[ -n ${EXPORT_MS[csv-$ROWS]:-} ]]; then
  curl -fsS -o "$BENCH_DIR/export.csv" -H "$AUTH" "$BASE$EXPORT_PATH.csv"
  import_file "of the export, unchanged" "$BENCH_DIR/export.csv"
  echo "delete from structure" | superuser_sql "$DB"
  import_file "into an empty registry" "$BENCH_DIR/export.csv"
fi

## Report.
row() { printf '%-32s %6s %8s %8s %8s %8s  %s\n' "$@"; }
echo
echo "structure-service $REVISION, $(count_structures) structures; JAVA_OPTS: $JAVA_OPTS"
echo "$(nproc) cores, ${BUSY_BEFORE}% busy before the service started; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk ${DURATION}s per run after ${WARMUP}s of warm-up; each scenario cycles through several real queries"
echo "load: connections, /pause: ms each connection waits between two requests; no pause: back to back"
echo
row scenario load req/s "p50 ms" "p99 ms" "max ms" "target"
failed=0
for load in $LOADS; do
  for scenario in "${SCENARIOS[@]}"; do
    out=$RESULTS/$scenario-c${load/\//-}.txt
    p99=$(field "$out" p99_us)
    if [[ $scenario == changes ]]; then
      verdict="(no target)"
    elif [[ $load != */* ]] && ((${load%%/*} > 1)); then
      verdict="(saturation: capacity, no target)"
    elif ((p99 > TARGET_P99_MS * 1000)); then
      verdict="p99 <= $TARGET_P99_MS ms: MISSED"; failed=1
    else
      verdict="p99 <= $TARGET_P99_MS ms: ok"
    fi
    errors=$(field "$out" socket_errors)
    ((errors == 0)) || verdict+=" ($errors socket errors)"
    row "${TITLE[$scenario]}" "$load" "$(field "$out" rps)" "$(ms "$(field "$out" p50_us)")" "$(ms "$p99")" \
      "$(ms "$(field "$out" max_us)")" "$verdict"
  done
done
echo
if ((${#EXPORT_MS[@]} == 0)); then
  echo "médiation numérique export: not in this build (GET $EXPORT_PATH.csv answered 404): not measured"
else
  printf '%-32s %8s %10s %12s  %s\n' "export" rows ms bytes "heap live mid-export, KB above idle"
  for format in csv json; do
    for rows in "$SMALL_ROWS" "$ROWS"; do
      [[ -n ${EXPORT_MS[$format-$rows]:-} ]] || continue
      printf '%-32s %8s %10s %12s  %s\n' "$EXPORT_PATH.$format" "$rows" "${EXPORT_MS[$format-$rows]}" \
        "${EXPORT_BYTES[$format-$rows]}" "${EXPORT_LIVE_KB[$format-$rows]}"
    done
    export_ms=${EXPORT_MS[$format-$ROWS]:-0}
    if ((export_ms > EXPORT_TARGET_MS)); then
      echo "  $format export at $ROWS rows: MISSED the $EXPORT_TARGET_MS ms target"; failed=1
    fi
  done
  echo "(the live heap should not grow with the rows: compare the $SMALL_ROWS and $ROWS lines)"
  for name in "of the export, unchanged" "into an empty registry"; do
    [[ -n ${IMPORT_MS[$name]:-} ]] || continue
    printf '%-32s %8s %10s  %s\n' "import $name" "${EXPORT_BYTES[csv-$ROWS]}B" "${IMPORT_MS[$name]}" "${IMPORT_REPORT[$name]}"
  done
fi
echo "(wrk outputs and Lua scripts in $BENCH_DIR; total $((SECONDS - STARTED_AT)) s)"
exit "$failed"

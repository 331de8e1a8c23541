#!/usr/bin/env bash
# Event propagation benchmark: registers N structures through the gateway of a running system
# (deploy/run.sh) and reports, per consumer, the lag from structure-service's outbox write
# (event occurredAt) to the consumer applying it (projected_at): p50, p99, max in milliseconds.
# Usage: deploy/bench/propagation.sh [N=300] [CONCURRENCY=4]
set -euo pipefail

N=${1:-300}
CONCURRENCY=${2:-4}
PORT_BASE=${PORT_BASE:-8080}
DB_SUFFIX=${DB_SUFFIX:-}
GATEWAY=http://127.0.0.1:$PORT_BASE
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}

siret() { # 13 random digits (first 9 not La Poste's SIREN) + Luhn check digit
  local body sum=0 d i
  body=9$(printf '%012d' $((RANDOM * 32768 * 4 + RANDOM * 4 + RANDOM % 4)))
  body=${body:0:13}
  for ((i = 0; i < 13; i++)); do
    d=${body:12-i:1}
    if ((i % 2 == 0)); then d=$((d * 2)); ((d > 9)) && d=$((d - 9)); fi
    sum=$((sum + d))
  done
  echo "$body$(((10 - sum % 10) % 10))"
}
export -f siret
TOKEN=${TOKEN:-$("$(dirname "${BASH_SOURCE[0]}")/../token.sh" admin --client propagation-bench)}
export GATEWAY TOKEN

since=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)
started=$SECONDS
# shellcheck disable=SC2016 # the inner script expands its own variables
failures=$(seq "$N" | xargs -P "$CONCURRENCY" -I{} bash -c \
  'curl -fsS -o /dev/null -H "Content-Type: application/json" -H "Authorization: Bearer $TOKEN" \
     -d "{\"name\":\"Bench {}\",\"siret\":\"$(siret)\",\"legalKind\":\"PUBLIC_COLLECTIVITY\",\"type\":\"BIB\",\"address\":\"9 avenue du Général Leclerc\",\"postalCode\":\"93120\",\"communeInsee\":\"93027\"}" "$GATEWAY/api/structures" || echo failed' \
  | grep -c failed || true)
N=$((N - failures))
echo "registered $N structures ($failures refused) in $((SECONDS - started))s with $CONCURRENCY clients"

report() { # service table (the service's role and password are its name, as deploy/postgres.sh makes them)
  local db=$1$DB_SUFFIX table=$2 got deadline=$((SECONDS + 60))
  export PGPASSWORD=$1
  until got=$(psql -U "$1" -d "$db" -Atc "select count(*) from $2 where event_occurred_at >= '$since'") && ((got >= N)); do
    ((SECONDS < deadline)) || { echo "$db.$table: only $got of $N arrived within 60 s" >&2; return 1; }
    sleep 0.5
  done
  psql -U "$1" -d "$db" -Atc "
    select format('%-10s %s events  p50 %s ms  p99 %s ms  max %s ms', '$1', count(*),
      round(percentile_cont(0.5) within group (order by lag)::numeric, 1),
      round(percentile_cont(0.99) within group (order by lag)::numeric, 1),
      round(max(lag)::numeric, 1))
    from (select extract(epoch from projected_at - event_occurred_at) * 1000 as lag
          from $table where event_occurred_at >= '$since') lags"
}
report conseiller host_structure
report funding beneficiary

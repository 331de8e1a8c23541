#!/usr/bin/env bash
# Proves the system under faults (issue #5): continuous writes through the gateway while, one at a time, every
# service is killed with SIGKILL and restarted, the broker is down for 60 s and the consumers' PostgreSQL for 90 s;
# then every accepted write is looked for in every consumer's projection, and every payment recorded meanwhile
# (with Idempotency-Key retries) in funding-service's ledger and on funding.events. Runs system-tests' FaultSuiteIT on a
# system of its own (gateway on 38080, broker on 39092, a throwaway PostgreSQL cluster on 35432, database
# structure_faults on the shared server) and ends with its line:
#   faults: <N> writes accepted, <L> lost, <D> applied twice, <X> dead-lettered, <S> s
# Usage: deploy/faults.sh [--short] [--build] [maven arguments, e.g. -Dfaults.clients=8 -Dfaults.consumer-db-outage=120;
#        -Dfaults.instances=2 runs two instances of each service behind the gateway, and kills one of each in turn]
set -euo pipefail

ME=faults.sh
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVICES=(structure-service conseiller-service funding-service gateway)
LOG=$ROOT/system-tests/target/faults-run.log

log() { echo "[$ME] $*"; }

full=true build=false
while (($#)); do
  case $1 in
    --short) full=false; shift ;;
    --build) build=true; shift ;;
    -h | --help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done

cd "$ROOT"
for svc in "${SERVICES[@]}"; do [[ -f $svc/target/quarkus-app/quarkus-run.jar ]] || build=true; done
if $build; then
  log "building the jars"
  ./mvnw -B -q -DskipTests package -pl "$(IFS=,; echo "${SERVICES[*]}")" -am
fi
deploy/postgres.sh >/dev/null # the services' roles on the shared server

mkdir -p "$(dirname "$LOG")"
log "running FaultSuiteIT ($($full && echo full || echo short) variant); Maven's output: $LOG"
# -am so the reactor provides system-tests' dependencies; the jars above are used as they are (no Quarkus rebuild)
# and no other test runs.
set +e
./mvnw -B -pl system-tests -am verify -Dquarkus.build.skip=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FaultSuiteIT -Dfailsafe.failIfNoSpecifiedTests=false -Dfaults.full=$full "$@" 2>&1 \
  | tee "$LOG" | grep --line-buffered -E '^\[faults |^faults: |Tests run:.*Fail|\[ERROR\] [A-Za-z]'
rc=${PIPESTATUS[0]}
set -e
final=$(grep -E '^faults: [0-9]+ writes accepted' "$LOG" | tail -1 || true)
echo
echo "${final:-faults: no final line (the suite did not get that far; see $LOG)}"
exit "$rc"

#!/usr/bin/env bash
# Loads a seed bundled in funding-service (the 2020 figures of the press release of 15 January 2021) into a running
# system, through the service's own rules, and prints the load report. Loading twice loads once.
set -euo pipefail

ME=seed.sh
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT_BASE=${PORT_BASE:-8080}
SEED_NAME=${SEED_NAME:-release-2021-01-15}

usage() {
  cat <<EOF
Usage: $ME [--url <funding-service base URL>]
  POSTs /admin/funding/seeds/$SEED_NAME on funding-service's own port (the gateway does not route /admin) and
  prints the JSON report: per kind (funders, programmes, envelopes, beneficiaries, lines, statedTotals) how many
  were created, already there, refused; and each refusal with the rule's figures. A refusal is not an error
  (the release's "dont" of 210 000 € lists 223 000 €: its last sub-line is refused, and shown in
  GET /api/funding/reports/reconciliation). deploy/run.sh start runs it once the services are ready (SEED=false skips).
Env: PORT_BASE=$PORT_BASE (funding-service on PORT_BASE+3, as deploy/run.sh starts it)  SEED_NAME=$SEED_NAME
     TOKEN: an admin bearer token (default: a 5-minute one from deploy/token.sh, for a local system)
EOF
}

die() { echo "[$ME] ERROR: $*" >&2; exit 1; }

url="http://127.0.0.1:$((PORT_BASE + 3))"
case ${1:-} in
  -h | --help) usage; exit 0 ;;
  --url) [[ -n ${2:-} ]] || die "--url needs a base URL"; url=${2%/} ;;
  "") ;;
  *) usage >&2; exit 2 ;;
esac

token=${TOKEN:-$("$ROOT/deploy/token.sh" admin --client seed-cli --ttl 300)}
endpoint="$url/admin/funding/seeds/$SEED_NAME"
response=$(curl -sS -X POST -w '\n%{http_code}' -H "Authorization: Bearer $token" "$endpoint") \
  || die "no answer from $endpoint"
status=${response##*$'\n'}
echo "${response%$'\n'*}"
[[ $status == 2* ]] || die "HTTP $status from POST $endpoint"

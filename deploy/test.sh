#!/usr/bin/env bash
# Runs every test on this machine: unit tests, each service against the real PostgreSQL and Kafka,
# the system tests over the packaged jars, the container images (built during the Maven run, then started),
# the Kubernetes manifests (built and validated offline), then the contract checks (exported OpenAPI documents
# and generated manifests are the committed ones; the merged document lints).
# Extra arguments go to Maven (e.g. -pl structure-service); the images are then built but not started.
set -euo pipefail

ME=test.sh
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REDOCLY_CLI_VERSION=2.77.0
log() { echo "[$ME] $*"; }

cd "$ROOT"
deploy/postgres.sh
deploy/kafka.sh start

deploy/images/base-image.sh

started=$SECONDS
./mvnw -B verify -Dquarkus.container-image.build=true "$@"
log "maven verify took $((SECONDS - started))s"

if (($# == 0)); then deploy/images/check.sh; fi
deploy/kubernetes/check.sh --generated

# The scripts' own checks (after the build: run.sh needs the jars), on ports of their own: they never adopt a
# process they did not start, and the broker starts every time.
deploy/check/no-adoption.sh
restarts_dir=$(mktemp -d)
KAFKA_PORT=29092 KAFKA_CONTROLLER_PORT=29093 KAFKA_WORK_DIR=$restarts_dir deploy/check/kafka-restarts.sh 3
rm -rf "$restarts_dir"

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  if ! git diff --exit-code --stat -- '*/openapi/openapi.*'; then
    echo "[$ME] ERROR: the exported OpenAPI contracts differ from the committed ones; review and commit them" >&2
    exit 1
  fi
  log "exported OpenAPI contracts match the committed ones"
fi

npx --yes "@redocly/cli@$REDOCLY_CLI_VERSION" lint --format=stylish gateway/openapi/openapi.yaml
log "all tests passed"

#!/usr/bin/env bash
# Builds the four services' container images without a Docker engine or a registry, then checks them:
# the base image (base-image.sh, once), each service's image by Quarkus' Jib extension during the Maven package
# (written to <service>/target/<service>-image.tar), then check.sh (layout, user, and a start of each image
# against the local PostgreSQL and broker; IMAGE_BOOT=false skips the start). Extra arguments go to Maven.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
deploy/images/base-image.sh
./mvnw -B package -DskipTests -Dquarkus.container-image.build=true \
  -pl structure-service,conseiller-service,funding-service,gateway -am "$@"
if [[ ${IMAGE_BOOT:-true} == true ]]; then deploy/postgres.sh; deploy/kafka.sh start; fi
deploy/images/check.sh

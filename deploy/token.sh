#!/usr/bin/env bash
# Mints a bearer token for the system deploy/run.sh runs on this machine, signed with the local key pair
# (generated on first use in $RUN_DIR/keys, never committed). Production tokens come from the identity provider.
#   deploy/token.sh admin
#   deploy/token.sh partner --territory 200057875          (Est Ensemble; 93 for the Département)
#   deploy/token.sh auditor --client cour-des-comptes --ttl 600
# Roles: admin, partner (needs --territory: an EPT SIREN or a département code), auditor, dashboard, monitoring.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR=${RUN_DIR:-$ROOT/deploy/.run}
[[ $RUN_DIR = /* ]] || RUN_DIR=$PWD/$RUN_DIR
[[ $# -gt 0 && $1 != -h && $1 != --help ]] || { sed -n '2,7s/^# \{0,1\}//p' "$0"; exit 0; }
# The source launcher runs the JDK-only minter without a build.
exec java "$ROOT/api-security/src/main/java/fr/inclusion93/security/local/LocalTokens.java" "$RUN_DIR/keys" "$@"

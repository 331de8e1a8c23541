#!/usr/bin/env bash
# Checks the image archives the build wrote, without a container engine:
#  1. the OCI layout holds together: every blob's name is its sha256, index → manifest → config and layers;
#  2. the image runs as a non-root user, has an entrypoint and exposes the service's port;
#  3. it starts: its layers are unpacked into a root file system and its entrypoint runs there (own mount and pid
#     namespaces, as the image's user, with only the image's environment plus the service's settings) against
#     this machine's PostgreSQL (the service's test database) and broker, until /q/health/ready answers 200.
# Step 3 needs root (unshare); set IMAGE_BOOT=false to skip it where that is not available. Ports: BOOT_PORT_BASE+1…
set -euo pipefail

ME=check.sh
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SERVICES=(structure-service conseiller-service funding-service gateway)
KAFKA_PORT=${KAFKA_PORT:-9092}
IMAGE_BOOT=${IMAGE_BOOT:-true}
BOOT_TIMEOUT=${BOOT_TIMEOUT:-90}
BOOT_PORT_BASE=${BOOT_PORT_BASE:-37080}

log() { echo "[$ME] $*"; }
die() { echo "[$ME] ERROR: $*" >&2; exit 1; }

json() { # file, JavaScript expression over `j` (the parsed file); prints strings as they are, the rest as JSON
  node -e 'const j = JSON.parse(require("fs").readFileSync(process.argv[1])); const v = eval(process.argv[2]);
           for (const x of [].concat(v)) console.log(typeof x === "string" ? x : JSON.stringify(x));' "$1" "$2"
}

check_layout() { # dir
  local dir=$1 blob manifest config
  for blob in "$dir"/blobs/sha256/*; do
    [[ $(sha256sum "$blob" | cut -d' ' -f1) == "$(basename "$blob")" ]] || die "blob $(basename "$blob") does not match its digest"
  done
  [[ $(json "$dir/oci-layout" j.imageLayoutVersion) == 1.0.0 ]] || die "no oci-layout 1.0.0"
  manifest=$dir/blobs/sha256/$(json "$dir/index.json" 'j.manifests[0].digest.replace("sha256:", "")')
  [[ -f $manifest ]] || die "index.json names a manifest that is not in blobs/"
  config=$dir/blobs/sha256/$(json "$manifest" 'j.config.digest.replace("sha256:", "")')
  [[ -f $config ]] || die "the manifest names a config that is not in blobs/"
  for blob in $(json "$manifest" 'j.layers.map(l => l.digest.replace("sha256:", ""))'); do
    [[ -f $dir/blobs/sha256/$blob ]] || die "the manifest names a layer that is not in blobs/: $blob"
  done
  echo "$manifest $config"
}

check_config() { # config, service
  local config=$1 user
  user=$(json "$config" 'j.config.User || ""')
  [[ -n $user && $user != 0 && $user != root ]] || die "$2 runs as root (User '$user')"
  [[ -n $(json "$config" '(j.config.Entrypoint || []).join(" ")') ]] || die "$2 has no entrypoint"
  [[ -n $(json "$config" 'Object.keys(j.config.ExposedPorts || {})') ]] || die "$2 exposes no port"
}

service_settings() { # service, port: what run.sh would give it, on ports and databases of its own
  local svc=$1 port=$2 db=${1%-service}
  echo "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT"
  echo "JWT_PUBLIC_KEY_LOCATION=file:/tmp/verification-key.pem"
  case $svc in
    gateway) echo "GATEWAY_HTTP_PORT=$port" ;;
    *) echo "${db^^}_HTTP_PORT=$port"
       echo "${db^^}_DB_URL=jdbc:postgresql://127.0.0.1:5432/${db}_test" ;;
  esac
}

boot() { # dir, manifest, config, service, port
  local dir=$1 manifest=$2 config=$3 svc=$4 port=$5 rootfs=$1/rootfs layer pid status=""
  # whatever answers on the port must be the image's service
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port is in use: set BOOT_PORT_BASE"; fi
  mkdir -p "$rootfs"
  for layer in $(json "$manifest" 'j.layers.map(l => l.digest.replace("sha256:", ""))'); do
    if tar --list --gzip --warning=no-unknown-keyword --file "$dir/blobs/sha256/$layer" | grep -q '\.wh\.'; then die "$svc: whiteouts are not handled here"; fi
    tar --extract --gzip --warning=no-unknown-keyword --file "$dir/blobs/sha256/$layer" --directory "$rootfs"
  done
  mkdir -p "$rootfs/proc"
  cp "$(RUN_DIR=$dir/run "$ROOT/deploy/token.sh" keys)" "$rootfs/tmp/verification-key.pem"
  chmod 644 "$rootfs/tmp/verification-key.pem"
  local -a environment entrypoint
  mapfile -t environment < <(json "$config" 'j.config.Env'; service_settings "$svc" "$port")
  mapfile -t entrypoint < <(json "$config" 'j.config.Entrypoint.concat(j.config.Cmd || [])')
  env -i "${environment[@]}" unshare --kill-child --mount --pid --fork --mount-proc=/proc --root="$rootfs" \
    --wd="$(json "$config" 'j.config.WorkingDir || "/"')" --setuid "$(json "$config" j.config.User)" --setgid 0 \
    "${entrypoint[@]}" >"$dir/boot.log" 2>&1 &
  pid=$!
  for ((i = 0; i < BOOT_TIMEOUT; i++)); do
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready" || true)
    [[ $status == 200 ]] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  # unshare waits for its child with SIGTERM blocked: the JVM inside is the one to stop
  pkill -TERM -P "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [[ $status != 200 ]]; then
    tail -30 "$dir/boot.log" >&2
    die "$svc: the image did not answer /q/health/ready with 200 within ${BOOT_TIMEOUT}s (last: ${status:-none})"
  fi
  log "$svc: started from its image as user $(json "$config" j.config.User), ready in ${i}s"
}

archives=("$@")
if ((${#archives[@]} == 0)); then
  for svc in "${SERVICES[@]}"; do archives+=("$ROOT/$svc/target/$svc-image.tar"); done
fi
if [[ $IMAGE_BOOT == true ]] && ((EUID != 0)); then die "starting the images needs root (or IMAGE_BOOT=false)"; fi

offset=1
for archive in "${archives[@]}"; do
  [[ -s $archive ]] || die "no image archive $archive (deploy/images/build.sh writes them)"
  svc=$(basename "$archive" -image.tar)
  work=$(mktemp -d)
  tar --extract --file "$archive" --directory "$work"
  read -r manifest config < <(check_layout "$work")
  check_config "$config" "$svc"
  log "$svc: OCI layout, digests, non-root user, entrypoint and port check out ($(du -h "$archive" | cut -f1))"
  if [[ $IMAGE_BOOT == true ]]; then boot "$work" "$manifest" "$config" "$svc" $((BOOT_PORT_BASE + offset)); fi
  rm -rf "$work"
  offset=$((offset + 1))
done

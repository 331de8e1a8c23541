#!/usr/bin/env bash
# Builds the services' base image as an image archive (docker save layout), without a Docker engine and
# without a registry: a Java 17 runtime made by jlink from the build machine's JDK, the shared libraries it
# links against (copied from this Debian machine), a non-root user (185, as in the UBI OpenJDK images) and
# nothing else: no shell, no package manager. Quarkus' Jib extension reads it as tar://… (see the parent POM).
#
# Where a registry is reachable, point quarkus.jib.base-jvm-image at an approved runtime image instead
# (e.g. registry.access.redhat.com/ubi9/openjdk-17-runtime) and skip this script.
set -euo pipefail

ME=base-image.sh
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BASE_IMAGE_ARCHIVE=${BASE_IMAGE_ARCHIVE:-$ROOT/deploy/images/.build/jre17-base.tar}
BASE_IMAGE_NAME=${BASE_IMAGE_NAME:-inclusion93/jre17-base:1}
# What Quarkus, Hibernate, the PostgreSQL driver and the Kafka client use (check.sh starts all four images on it),
# plus what an operator needs in a pod: JFR and the management agent, the EC and DNS providers.
JRE_MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,\
java.net.http,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,\
jdk.crypto.ec,jdk.jfr,jdk.management,jdk.management.jfr,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs
APP_UID=185

log() { echo "[$ME] $*"; }
die() { echo "[$ME] ERROR: $*" >&2; exit 1; }

if [[ -s $BASE_IMAGE_ARCHIVE && ${1:-} != --force ]]; then
  log "$BASE_IMAGE_ARCHIVE exists (--force rebuilds it)"
  exit 0
fi

JDK_HOME=${JDK_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
[[ -d $JDK_HOME/jmods ]] || die "$JDK_HOME has no jmods (Debian bookworm: openjdk-17-jdk-headless has them)"
"$JDK_HOME/bin/java" -version 2>&1 | grep -q '"17' || die "$JDK_HOME is not a Java 17 JDK"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs
mkdir -p "$rootfs"/{etc,tmp,opt,deployments,home/app}
chmod 1777 "$rootfs/tmp"

log "jlink $JDK_HOME → /opt/java"
"$JDK_HOME/bin/jlink" --add-modules "$JRE_MODULES" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --output "$rootfs/opt/java"
# Debian's JDK keeps its CA certificates outside the JDK (a symlink to /etc/ssl/certs/java/cacerts).
cacerts=$rootfs/opt/java/lib/security/cacerts
if [[ -L $cacerts || ! -s $cacerts ]]; then
  rm -f "$cacerts"
  if [[ -s /etc/ssl/certs/java/cacerts ]]; then cp /etc/ssl/certs/java/cacerts "$cacerts"; fi
fi

log "copying the shared libraries the runtime links against"
copy_with_parents() { # keeps the library's path and the symlink chain that leads to it
  local path=$1
  while [[ -n $path && ! -e $rootfs$path ]]; do
    mkdir -p "$rootfs$(dirname "$path")"
    cp -a "$path" "$rootfs$path"
    [[ -L $path ]] || break
    local target
    target=$(readlink "$path")
    [[ $target = /* ]] || target=$(dirname "$path")/$target
    path=$target
  done
}
# java.desktop is there for java.beans (Jackson, Hibernate); its native graphics, font and sound libraries
# are not, nor what they would pull in (X11, freetype, glib): a server draws nothing.
rm -f "$rootfs"/opt/java/lib/lib{awt,awt_headless,awt_xawt,fontmanager,javajpeg,jawt,jsound,lcms,mlib_image,splashscreen}.so
while read -r lib; do copy_with_parents "$lib"; done < <(
  find "$rootfs/opt/java" -type f \( -name '*.so' -o -perm -u+x \) -exec ldd {} \; 2>/dev/null \
    | grep -oE '(=> )?/[^ ]+' | sed 's/^=> //' | grep -v "^$rootfs" | sort -u)
# Name resolution: glibc's own files and DNS backends, read through nsswitch.conf.
for lib in /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libnss_dns.so.2; do
  if [[ -e $lib ]]; then copy_with_parents "$lib"; fi
done

cat > "$rootfs/etc/passwd" <<EOF
root:x:0:0:root:/root:/sbin/nologin
app:x:$APP_UID:0:app:/home/app:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
EOF
cat > "$rootfs/etc/group" <<EOF
root:x:0:
nobody:x:65534:
EOF
echo 'hosts: files dns' > "$rootfs/etc/nsswitch.conf"
chown -R "$APP_UID:0" "$rootfs/deployments" "$rootfs/home/app"
chmod -R g=u "$rootfs/deployments" "$rootfs/home/app"

log "smoke test: the runtime starts from its own files"
"$rootfs/opt/java/bin/java" -version 2>&1 | head -1

log "writing $BASE_IMAGE_ARCHIVE"
layer=$work/layer.tar
tar --create --file "$layer" --directory "$rootfs" --sort=name --mtime=@0 --numeric-owner --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime $(ls -A "$rootfs")
layer_digest=$(sha256sum "$layer" | cut -d' ' -f1)
image=$work/image
mkdir -p "$image/$layer_digest"
mv "$layer" "$image/$layer_digest/layer.tar"
cat > "$image/config.json" <<EOF
{"architecture":"amd64","os":"linux",
 "config":{"User":"$APP_UID","WorkingDir":"/deployments",
   "Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$layer_digest"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/base-image.sh: jlink $JRE_MODULES"}]}
EOF
config_digest=$(sha256sum "$image/config.json" | cut -d' ' -f1)
mv "$image/config.json" "$image/$config_digest.json"
printf '[{"Config":"%s.json","RepoTags":["%s"],"Layers":["%s/layer.tar"]}]\n' \
  "$config_digest" "$BASE_IMAGE_NAME" "$layer_digest" > "$image/manifest.json"
mkdir -p "$(dirname "$BASE_IMAGE_ARCHIVE")"
tar --create --file "$BASE_IMAGE_ARCHIVE.part" --directory "$image" --sort=name --mtime=@0 --numeric-owner \
  manifest.json "$config_digest.json" "$layer_digest/layer.tar"
mv "$BASE_IMAGE_ARCHIVE.part" "$BASE_IMAGE_ARCHIVE"
log "$BASE_IMAGE_NAME: $(du -h "$BASE_IMAGE_ARCHIVE" | cut -f1)"

#!/usr/bin/env bash
# Single-node Kafka (KRaft, broker+controller in one JVM) for local dev and tests.
# Runs straight from Maven Central jars: no Docker, no Kafka distribution needed.
set -euo pipefail

ME=kafka.sh
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KAFKA_VERSION=4.1.2
SLF4J_VERSION=2.0.17
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
KAFKA_WORK_DIR=${KAFKA_WORK_DIR:-$ROOT/deploy/.kafka}
KAFKA_HEAP=${KAFKA_HEAP:--Xms128m -Xmx256m}
# Jar cache shared by all work dirs (read-only at run time), so a second broker does not re-resolve.
KAFKA_LIB_DIR=${KAFKA_LIB_DIR:-$ROOT/deploy/.kafka/lib-$KAFKA_VERSION}
KAFKA_READY_TIMEOUT=${KAFKA_READY_TIMEOUT:-30}
# Absolute paths: the pid check matches the server.properties path in the broker's command line.
[[ $KAFKA_WORK_DIR = /* ]] || KAFKA_WORK_DIR=$PWD/$KAFKA_WORK_DIR
[[ $KAFKA_LIB_DIR = /* ]] || KAFKA_LIB_DIR=$PWD/$KAFKA_LIB_DIR

PROPS=$KAFKA_WORK_DIR/server.properties
DATA=$KAFKA_WORK_DIR/data
LOGS=$KAFKA_WORK_DIR/logs
PIDFILE=$KAFKA_WORK_DIR/kafka.pid
BOOTSTRAP=127.0.0.1:$KAFKA_PORT

log() { echo "[$ME] $*"; }
die() { echo "[$ME] ERROR: $*" >&2; exit 1; }

usage() {
  cat <<EOF
Usage: $ME start|stop|clean|status
  start   resolve jars (once), format storage (once), start broker, wait until it answers;
          fails if KAFKA_PORT or KAFKA_CONTROLLER_PORT is held by anything this work dir did not start
  stop    graceful stop (SIGTERM, SIGKILL after 20 s)
  clean   stop, then delete data and logs (the jar cache is kept)
  status  print running/stopped; exit 0 only when the broker answers a metadata request
Env: KAFKA_PORT=$KAFKA_PORT KAFKA_CONTROLLER_PORT=$KAFKA_CONTROLLER_PORT
     KAFKA_WORK_DIR=$KAFKA_WORK_DIR
     KAFKA_LIB_DIR=$KAFKA_LIB_DIR
     KAFKA_HEAP="$KAFKA_HEAP" KAFKA_READY_TIMEOUT=$KAFKA_READY_TIMEOUT (s)
EOF
}

# Jars + a tiny compiled readiness probe, cached until the .complete marker exists.
resolve() {
  [[ -f $KAFKA_LIB_DIR/.complete ]] && return 0
  log "resolving kafka_2.13:$KAFKA_VERSION runtime classpath into $KAFKA_LIB_DIR"
  local mvn=mvn tmp
  [[ -x $ROOT/mvnw ]] && mvn=$ROOT/mvnw
  mkdir -p "$(dirname "$KAFKA_LIB_DIR")"
  tmp=$(mktemp -d "$KAFKA_LIB_DIR.tmp.XXXXXX")
  # slf4j-api is pinned because kafka-clients would otherwise pull 1.7.x, which ignores SLF4J 2 bindings.
  cat >"$tmp/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.deploy</groupId><artifactId>kafka-runtime</artifactId><version>0</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>$SLF4J_VERSION</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-simple</artifactId><version>$SLF4J_VERSION</version></dependency>
  </dependencies>
</project>
EOF
  "$mvn" -q -B -f "$tmp/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$tmp" || die "dependency resolution failed"
  # Readiness probe: a real Admin describeCluster() round trip, polled inside one JVM.
  cat >"$tmp/KafkaReady.java" <<'EOF'
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

public class KafkaReady {
  // args: bootstrap timeoutSeconds [pid-that-must-stay-alive]
  public static void main(String[] a) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(a[1]));
    Long pid = a.length > 2 ? Long.valueOf(a[2]) : null;
    Properties p = new Properties();
    p.put("bootstrap.servers", a[0]);
    p.put("request.timeout.ms", "2000");
    p.put("default.api.timeout.ms", "2000");
    p.put("reconnect.backoff.max.ms", "200");
    Exception last = null;
    try (Admin admin = Admin.create(p)) {
      while (System.nanoTime() < deadline) {
        if (pid != null && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          System.err.println("broker process " + pid + " exited");
          System.exit(2);
        }
        try {
          var c = admin.describeCluster();
          int nodes = c.nodes().get(2, TimeUnit.SECONDS).size();
          String id = c.clusterId().get(2, TimeUnit.SECONDS);
          if (nodes > 0) { System.out.println("cluster " + id + ", " + nodes + " node(s)"); return; }
        } catch (Exception e) { last = e; }
        Thread.sleep(200);
      }
    }
    System.err.println("no answer from " + a[0] + (last == null ? "" : ": " + last));
    System.exit(1);
  }
}
EOF
  javac -nowarn -cp "$tmp/*" -d "$tmp/probe" "$tmp/KafkaReady.java" || die "compiling readiness probe failed"
  touch "$tmp/.complete"
  if [[ -f $KAFKA_LIB_DIR/.complete ]]; then rm -rf "$tmp"  # a concurrent run won the race
  else rm -rf "$KAFKA_LIB_DIR" && mv "$tmp" "$KAFKA_LIB_DIR"; fi
}

probe() { # timeoutSeconds [pid]
  java -Xmx64m -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=off \
    -cp "$KAFKA_LIB_DIR/*:$KAFKA_LIB_DIR/probe" KafkaReady "$BOOTSTRAP" "$@"
}

# Alive AND really our broker (guards against a recycled pid; a zombie has an empty cmdline).
pid_alive() {
  local pid
  pid=$(cat "$PIDFILE" 2>/dev/null) || return 1
  [[ -n $pid ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$PROPS" || return 1
  echo "$pid"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Pid(s) listening on a TCP port, when ss can tell (empty otherwise).
port_holder() {
  command -v ss >/dev/null || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u | paste -sd, - || true
}

port_taken() { # port
  local holder
  holder=$(port_holder "$1")
  die "port $1 is already in use${holder:+ by pid $holder} (not a broker started from $KAFKA_WORK_DIR); stop it or pick other KAFKA_PORT/KAFKA_CONTROLLER_PORT"
}

write_props() {
  mkdir -p "$DATA" "$LOGS"
  cat >"$PROPS" <<EOF
# generated by deploy/kafka.sh — edits are overwritten on start
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA
num.partitions=3
# Services create their topics explicitly; a typo must not silently create a new topic.
auto.create.topics.enable=false
# The cleaner allocates this buffer in one piece at startup; the 128 MiB default in a 256 MiB heap
# made startup fail now and then with OutOfMemoryError. 8 MiB holds ~300k keys per cleaning pass,
# far more than a dev broker's compacted topics (__consumer_offsets and co.) ever have.
log.cleaner.dedupe.buffer.size=8388608
group.initial.rebalance.delay.ms=0
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
EOF
}

start() {
  local pid t0 id port info holder
  if pid=$(pid_alive); then
    probe "$KAFKA_READY_TIMEOUT" "$pid" >/dev/null || die "broker pid $pid runs but does not answer on $BOOTSTRAP"
    log "already running (pid $pid) on $BOOTSTRAP"
    return 0
  fi
  # Never adopt a broker (or anything else) we did not start: `stop` would then stop nothing.
  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    port_in_use "$port" && port_taken "$port"
  done
  resolve
  write_props
  if [[ ! -f $DATA/meta.properties ]]; then
    local quiet=-Dorg.slf4j.simpleLogger.defaultLogLevel=warn
    id=$(java "$quiet" -cp "$KAFKA_LIB_DIR/*" kafka.tools.StorageTool random-uuid 2>>"$LOGS/format.log")
    log "formatting storage in $DATA (cluster id $id)"
    java "$quiet" -cp "$KAFKA_LIB_DIR/*" kafka.tools.StorageTool format -t "$id" -c "$PROPS" >>"$LOGS/format.log" 2>&1 \
      || { tail -20 "$LOGS/format.log" >&2; die "storage format failed"; }
  fi
  log "starting broker on $BOOTSTRAP (controller :$KAFKA_CONTROLLER_PORT, work dir $KAFKA_WORK_DIR)"
  t0=$(date +%s%N)
  echo "===== $ME start $(date -Is) =====" >>"$LOGS/server.log"
  # setsid: own session, so Ctrl-C or a test harness killing our process group leaves the broker alone.
  # shellcheck disable=SC2086 # KAFKA_HEAP is a list of JVM flags
  (cd "$KAFKA_WORK_DIR" && exec setsid nohup java $KAFKA_HEAP -Djava.awt.headless=true -Dkafka.logs.dir="$LOGS" \
    -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat="yyyy-MM-dd HH:mm:ss.SSS" \
    -cp "$KAFKA_LIB_DIR/*" kafka.Kafka "$PROPS" >>"$LOGS/server.log" 2>&1 </dev/null) &
  pid=$!
  echo "$pid" >"$PIDFILE"
  local rc=0
  info=$(probe "$KAFKA_READY_TIMEOUT" "$pid") || rc=$?
  if ((rc != 0)); then
    tail -30 "$LOGS/server.log" >&2
    stop >/dev/null 2>&1 || true
    ((rc == 2)) && die "broker exited during startup (log: $LOGS/server.log)"
    die "broker did not answer within ${KAFKA_READY_TIMEOUT}s (log: $LOGS/server.log)"
  fi
  # The answer must come from our broker, not from one that took the port meanwhile.
  holder=$(port_holder "$KAFKA_PORT")
  if [[ -n $holder && $holder != "$pid" ]]; then
    stop >/dev/null 2>&1 || true
    port_taken "$KAFKA_PORT"
  fi
  log "ready in $(( ($(date +%s%N) - t0) / 1000000 )) ms: $info (pid $pid, $(grep VmRSS "/proc/$pid/status" | tr -s ' \t' ' '))"
}

stop() {
  local pid
  if ! pid=$(pid_alive); then
    rm -f "$PIDFILE"
    log "not running"
    return 0
  fi
  log "stopping pid $pid"
  kill -TERM "$pid"
  for _ in $(seq 1 100); do
    pid_alive >/dev/null || { rm -f "$PIDFILE"; log "stopped"; return 0; }
    sleep 0.2
  done
  log "still alive after 20 s, sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  while pid_alive >/dev/null; do sleep 0.1; done
  rm -f "$PIDFILE"
}

clean() {
  stop
  rm -rf "$DATA" "$LOGS" "$PROPS"
  log "removed data and logs under $KAFKA_WORK_DIR (jar cache kept)"
}

status() {
  local pid
  if pid=$(pid_alive) && [[ -f $KAFKA_LIB_DIR/.complete ]] && probe 5 "$pid" >/dev/null; then
    log "running (pid $pid) on $BOOTSTRAP"
  else
    log "stopped"
    return 1
  fi
}

case ${1:-} in
  start | stop | clean | status) "$1" ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac

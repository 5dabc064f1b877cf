#!/usr/bin/env bash
# A local OpenSearch node for the live search tests (docs/search.md).
#
#   scripts/opensearch.sh assemble        fetch (Maven Central, checksums) and build the node
#   scripts/opensearch.sh start [node2]   start node1 (or the data node node2) on 127.0.0.1
#   scripts/opensearch.sh stop [node2|all]  stop by the recorded pid
#   scripts/opensearch.sh status          the pid and port of each running node
#   scripts/opensearch.sh pid [node2]     the pid of a running node (exit 1 if none)
#
# Everything lives under var/opensearch/: the Maven repository (m2/), the downloaded files,
# the assembled distribution and each node's config, data and logs. Once assembled, nothing
# is fetched again (a second run is offline).
#
# Environment: OPENSEARCH_PORT (HTTP port of node1, default 9200; node2 takes the next one,
# transport ports are HTTP + 100), OPENSEARCH_HEAP (node1, default 512m), OPENSEARCH_JAVA_HOME
# (a Java 17+ JDK; default: the machine's Java 17), OPENSEARCH_START_TIMEOUT (seconds, 120).
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=2.19.6
HERE=$PWD/scripts/opensearch
ROOT=$PWD/var/opensearch
M2=$ROOT/m2
DOWNLOAD=$ROOT/download
DIST=$ROOT/opensearch-$VERSION
PORT=${OPENSEARCH_PORT:-9200}
TIMEOUT=${OPENSEARCH_START_TIMEOUT:-120}

java_home() {
  if [ -n "${OPENSEARCH_JAVA_HOME:-}" ]; then
    echo "$OPENSEARCH_JAVA_HOME"
  elif [ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/java ]; then
    echo /usr/lib/jvm/java-17-openjdk-amd64
  elif command -v java >/dev/null; then
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"
  else
    echo "opensearch: no Java found (install a JDK 17 or set OPENSEARCH_JAVA_HOME)" >&2
    return 1
  fi
}

assemble() {
  if [ -f "$DIST/.assembled" ] && cmp -s "$DIST/.assembled" "$HERE/SHA256SUMS"; then
    return 0
  fi
  command -v mvn >/dev/null || { echo "opensearch: mvn not found" >&2; return 1; }
  local offline=()
  # The downloads are cached: with all of them present, Maven is not asked to go online.
  if [ -d "$M2" ] && (cd "$DOWNLOAD" 2>/dev/null && sha256sum --quiet -c "$HERE/SHA256SUMS" >/dev/null 2>&1); then
    offline=(-o)
  fi
  echo "opensearch: fetching OpenSearch $VERSION and its modules (Maven, checksums verified)"
  # -C: a file whose .sha1 on the repository does not match fails the download.
  mvn -B -q -C -Dstyle.color=never "${offline[@]}" -f "$HERE/pom.xml" -Dmaven.repo.local="$M2" \
    dependency:copy-dependencies -DexcludeTransitive=true -DoutputDirectory="$DOWNLOAD"
  # The files must also be exactly those this repository pins.
  (cd "$DOWNLOAD" && sha256sum --quiet --strict -c "$HERE/SHA256SUMS")

  local build=$ROOT/build
  rm -rf "$build" "$DIST"
  mkdir -p "$build"
  unzip -q "$DOWNLOAD/opensearch-$VERSION.zip" -d "$build"
  local modules=$build/opensearch-$VERSION/modules
  mkdir -p "$modules/lang-painless" "$modules/analysis-common"
  cp "$DOWNLOAD"/lang-painless-"$VERSION".jar "$DOWNLOAD"/opensearch-scripting-painless-spi-"$VERSION".jar \
    "$DOWNLOAD"/antlr4-runtime-*.jar "$DOWNLOAD"/asm-*.jar "$HERE"/modules/lang-painless/* \
    "$modules/lang-painless/"
  cp "$DOWNLOAD"/analysis-common-"$VERSION".jar "$HERE"/modules/analysis-common/* \
    "$modules/analysis-common/"
  mv "$build/opensearch-$VERSION" "$DIST"
  rmdir "$build"
  cp "$HERE/SHA256SUMS" "$DIST/.assembled"
  echo "opensearch: assembled $DIST (modules: $(ls "$DIST/modules" | tr '\n' ' '))"
}

# node NAME -> sets NODE_DIR HTTP_PORT TRANSPORT_PORT ROLES HEAP
node() {
  case "$1" in
    node1) HTTP_PORT=$PORT; ROLES="cluster_manager, data, ingest"; HEAP=${OPENSEARCH_HEAP:-512m} ;;
    node2) HTTP_PORT=$((PORT + 1)); ROLES="data, ingest"; HEAP=384m ;;
    *) echo "opensearch: unknown node $1 (node1 or node2)" >&2; return 2 ;;
  esac
  TRANSPORT_PORT=$((HTTP_PORT + 100))
  NODE_DIR=$(run_root)/nodes/$1
}

# Started by root, the node runs as "nobody", which must be able to reach every file it opens:
# OpenSearch checks its folders with access(2), which ignores capabilities a non-root process
# holds. When the checkout lies below a folder "nobody" cannot enter (/root, a `mktemp -d`
# folder), the node runs from a mirror under /tmp: the distribution hard-linked (copied across
# file systems), data and logs there too. The downloads and the assembled distribution stay
# cached in var/opensearch.
run_root() {
  if [ "$(id -u)" != 0 ] || [ ! -d "$ROOT" ] || as_nobody test -x "$ROOT"; then
    echo "$ROOT"
  else
    echo "/tmp/kim-opensearch-$(echo "$ROOT" | sha256sum | cut -c1-12)"
  fi
}

as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }

# run_dist -> the distribution the node starts from (a mirror when run_root is not ROOT)
run_dist() {
  local run
  run=$(run_root)
  if [ "$run" = "$ROOT" ]; then
    echo "$DIST"
    return
  fi
  if [ -e "$run" ] && [ "$(stat -c %u "$run")" != 0 ]; then
    echo "opensearch: $run belongs to another user; remove it" >&2
    return 1
  fi
  mkdir -p -m 755 "$run"
  chmod 755 "$run"
  if ! cmp -s "$run/opensearch-$VERSION/.assembled" "$DIST/.assembled" 2>/dev/null; then
    rm -rf "$run/opensearch-$VERSION"
    cp -al "$DIST" "$run/opensearch-$VERSION" 2>/dev/null || cp -a "$DIST" "$run/opensearch-$VERSION"
    chmod -R a+rX "$run/opensearch-$VERSION"
  fi
  echo "$run/opensearch-$VERSION"
}

running_pid() {  # the recorded pid, if that process is still an OpenSearch node
  local pidfile pid
  pidfile=$(run_root)/nodes/$1/pid
  [ -f "$pidfile" ] || return 1
  pid=$(cat "$pidfile")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q opensearch "/proc/$pid/cmdline" 2>/dev/null \
    && echo "$pid"
}

start() {
  local name=${1:-node1}
  node "$name"
  if pid=$(running_pid "$name"); then
    echo "opensearch: $name already runs (pid $pid, http://127.0.0.1:$HTTP_PORT)"
    return 0
  fi
  assemble
  local dist
  dist=$(run_dist)
  node "$name"
  mkdir -p "$NODE_DIR"/{config,data,logs,tmp}
  cp "$dist/config/log4j2.properties" "$NODE_DIR/config/"
  # The launcher runs from the distribution's folder: the GC log, heap dumps and crash files
  # go to the node's own folder instead.
  sed -e "s|file=logs/gc.log|file=$NODE_DIR/logs/gc.log|" -e "s|HeapDumpPath=data|HeapDumpPath=$NODE_DIR/data|" \
    -e "s|ErrorFile=logs/|ErrorFile=$NODE_DIR/logs/|" "$dist/config/jvm.options" >"$NODE_DIR/config/jvm.options"
  cat >"$NODE_DIR/config/opensearch.yml" <<EOF
# Written by scripts/opensearch.sh: a test node on the loopback interface only.
cluster.name: kim-search
node.name: $name
node.roles: [ $ROLES ]
network.host: 127.0.0.1
http.port: $HTTP_PORT
transport.port: $TRANSPORT_PORT
path.data: $NODE_DIR/data
path.logs: $NODE_DIR/logs
discovery.seed_hosts: ["127.0.0.1:$((PORT + 100))"]
cluster.initial_cluster_manager_nodes: ["node1"]
# A shared development disk may be fuller than the production watermarks allow.
cluster.routing.allocation.disk.threshold_enabled: false
EOF
  local started=$SECONDS as_user=()
  rm -f "$NODE_DIR/pid"
  if [ "$(id -u)" = 0 ]; then
    # OpenSearch refuses to run as root (no setting overrides that): the node runs as the
    # unprivileged user "nobody" and owns its own folder.
    chown -R nobody:nogroup "$NODE_DIR"
    as_user=(as_nobody)
    if ! as_nobody test -r "$dist/lib/opensearch-$VERSION.jar" -a -w "$NODE_DIR/data"; then
      echo "opensearch: the user nobody cannot read $dist or write $NODE_DIR" >&2
      return 1
    fi
  fi
  (
    cd "$NODE_DIR"
    OPENSEARCH_PATH_CONF=$NODE_DIR/config OPENSEARCH_TMPDIR=$NODE_DIR/tmp \
      OPENSEARCH_JAVA_HOME=$(java_home) OPENSEARCH_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP -XX:TieredStopAtLevel=1 ${OPENSEARCH_JAVA_OPTS:-}" \
      "${as_user[@]}" "$dist/bin/opensearch" -d -p "$NODE_DIR/pid" >"$NODE_DIR/logs/stdout.log" 2>&1
  ) || { echo "opensearch: $name did not start:" >&2; tail -20 "$NODE_DIR/logs/stdout.log" >&2; return 1; }
  until curl -fsS "http://127.0.0.1:$HTTP_PORT/_cluster/health" >/dev/null 2>&1; do
    # The launcher returns before the node writes its pid file: a missing file is not death.
    if { [ -f "$NODE_DIR/pid" ] && ! running_pid "$name" >/dev/null; } \
      || [ $((SECONDS - started)) -ge "$TIMEOUT" ]; then
      echo "opensearch: $name did not answer within ${TIMEOUT}s; last lines of its log:" >&2
      tail -20 "$NODE_DIR/logs/kim-search.log" "$NODE_DIR/logs/stdout.log" >&2 2>/dev/null || true
      stop "$name"
      return 1
    fi
    sleep 1
  done
  echo "opensearch: $name answers at http://127.0.0.1:$HTTP_PORT (pid $(running_pid "$name"), $((SECONDS - started))s, heap $HEAP)"
}

stop() {
  local name=${1:-node1}
  if [ "$name" = all ]; then
    stop node2
    stop node1
    return
  fi
  node "$name"
  local pid
  if ! pid=$(running_pid "$name"); then
    rm -f "$NODE_DIR/pid"
    return 0
  fi
  kill "$pid"
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  rm -f "$NODE_DIR/pid"
  echo "opensearch: $name stopped (pid $pid)"
}

status() {
  local name
  for name in node1 node2; do
    node "$name"
    if pid=$(running_pid "$name"); then
      echo "$name: pid $pid, http://127.0.0.1:$HTTP_PORT"
    else
      echo "$name: not running"
    fi
  done
}

case "${1:-}" in
  assemble) assemble ;;
  start) start "${2:-node1}" ;;
  stop) stop "${2:-node1}" ;;
  status) status ;;
  pid) running_pid "${2:-node1}" ;;
  *) echo "usage: $0 assemble|start [node1|node2]|stop [node1|node2|all]|status|pid [node1|node2]" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Start the CI search engine: one Elasticsearch 8 node on http://127.0.0.1:$SEARCH_PORT
# (plain HTTP, no auth), built from Maven Central only. Idempotent: if our node is already
# up and healthy, it says so and exits 0. Works from any current directory.
#
# Environment (all optional):
#   SEARCH_PORT            HTTP port                          (default 9200)
#   SEARCH_HEAP            JVM heap, -Xms/-Xmx                (default 1g)
#   SEARCH_START_TIMEOUT   seconds to wait for yellow/green   (default 180)
#   SEARCH_DATA_DIR        data directory (wiped by stop.sh only if start.sh made it)
#   SEARCH_ZERO_REPLICAS   1 = add an index template with 0 replicas so that the
#                          single node reports green             (default 1)
#   SEARCH_MVN_ARGS        extra Maven arguments, e.g. -Dmaven.repo.local=...
#   JAVA_HOME              Java 17+ to use (default: java on PATH)
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN="$DIR/run"
PID_FILE="$RUN/search-engine.pid"
LOG_FILE="$RUN/search-engine.log"
DATA_FILE="$RUN/data-dir"
PORT="${SEARCH_PORT:-9200}"
HEAP="${SEARCH_HEAP:-1g}"
TIMEOUT="${SEARCH_START_TIMEOUT:-180}"
URL="http://127.0.0.1:$PORT"
MAIN_CLASS="uk.sharedendeavour.ci.search.Main"
# A subset of the JVM options Elasticsearch's own launcher always sets.
JVM_FLAGS=(-XX:+UseG1GC -Xss1m -XX:-OmitStackTraceInFastThrow -Dfile.encoding=UTF-8 -Djava.awt.headless=true
  -Djna.nosys=true -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true
  -Dio.netty.recycler.maxCapacityPerThread=0 -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true)

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA="java"; fi

log() { echo "[search-engine] $*"; }

is_ours() { # pid -> 0 if it is a live search-engine JVM
  local pid="$1"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "$MAIN_CLASS"
}

health() { # prints status (green/yellow/red) or nothing
  { curl -s --max-time 3 "$URL/_cluster/health" 2>/dev/null || true; } | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p'
}

mkdir -p "$RUN"

# ---- already running? ------------------------------------------------------------------
PID=""
if [[ -f "$PID_FILE" ]]; then
  OLD_PID="$(tr -d '[:space:]' < "$PID_FILE")"
  if is_ours "$OLD_PID"; then
    STATUS="$(health)"
    if [[ "$STATUS" == "green" || "$STATUS" == "yellow" ]]; then
      log "already running (pid $OLD_PID, $URL, status $STATUS)"
      exit 0
    fi
    log "pid $OLD_PID is already starting; waiting for it"
    PID="$OLD_PID"
  else
    rm -f "$PID_FILE"
  fi
fi

# ---- build (skipped when nothing changed; offline first, so a warm ~/.m2 needs no network)
build() {
  local stamp="$DIR/target/.build-stamp" newer t0
  newer="$(find "$DIR/pom.xml" "$DIR/src" -type f -newer "$stamp" 2>/dev/null | head -1 || true)"
  if [[ -f "$stamp" && -z "$newer" && -d "$DIR/target/lib" ]]; then
    log "build is up to date (target/)"
    return 0
  fi
  log "building with Maven ..."
  t0=$(date +%s)
  # shellcheck disable=SC2086
  if ! mvn -B -q -o -f "$DIR/pom.xml" ${SEARCH_MVN_ARGS:-} package >"$RUN/build.log" 2>&1; then
    log "offline build not possible (first run?), building online from Maven Central ..."
    # shellcheck disable=SC2086
    if ! mvn -B -q -f "$DIR/pom.xml" ${SEARCH_MVN_ARGS:-} package >"$RUN/build.log" 2>&1; then
      log "ERROR: Maven build failed; last lines of $RUN/build.log:" >&2
      tail -n 40 "$RUN/build.log" >&2
      exit 1
    fi
  fi
  touch "$stamp"
  log "build done in $(( $(date +%s) - t0 )) s"
}

# ---- launch in the background; sets PID ------------------------------------------------------
launch() {
  local data_dir
  if [[ -n "${SEARCH_DATA_DIR:-}" ]]; then
    data_dir="$SEARCH_DATA_DIR"
    rm -f "$DATA_FILE"              # not ours to delete
  else
    data_dir="$(mktemp -d /tmp/se-search-engine.XXXXXX)"
    echo "$data_dir" > "$DATA_FILE" # stop.sh removes it
  fi
  log "starting Elasticsearch on $URL (heap $HEAP, data $data_dir, log $LOG_FILE)"
  : > "$LOG_FILE"
  # setsid: own session, so the node outlives the calling shell until stop.sh ends it.
  SEARCH_PORT="$PORT" SEARCH_DATA_DIR="$data_dir" SEARCH_PID_FILE="$PID_FILE" \
    setsid "$JAVA" "-Xms$HEAP" "-Xmx$HEAP" "${JVM_FLAGS[@]}" -Djava.io.tmpdir="$data_dir" \
    -cp "$DIR/target/classes:$DIR/target/lib/*" "$MAIN_CLASS" \
    >>"$LOG_FILE" 2>&1 < /dev/null &
  PID=$!
  echo "$PID" > "$PID_FILE"
}

if [[ -z "$PID" ]]; then
  if curl -s --max-time 2 -o /dev/null "$URL/"; then
    log "ERROR: something else already answers on $URL; set SEARCH_PORT to a free port" >&2
    exit 1
  fi
  build
  T0=$(date +%s)
  launch
else
  T0=$(date +%s)
fi

# ---- wait for yellow/green -----------------------------------------------------------------
LAST_REPORT=0
while true; do
  ELAPSED=$(( $(date +%s) - T0 ))
  if ! kill -0 "$PID" 2>/dev/null; then
    log "ERROR: the node exited during start-up after ${ELAPSED} s; last lines of $LOG_FILE:" >&2
    tail -n 60 "$LOG_FILE" >&2
    "$DIR/stop.sh" >/dev/null 2>&1 || true   # drops the pid file and the temp data dir
    exit 1
  fi
  STATUS="$(health)"
  if [[ "$STATUS" == "green" || "$STATUS" == "yellow" ]]; then
    break
  fi
  if (( ELAPSED >= TIMEOUT )); then
    log "ERROR: no yellow/green cluster health after ${TIMEOUT} s; last lines of $LOG_FILE:" >&2
    tail -n 60 "$LOG_FILE" >&2
    "$DIR/stop.sh" || true
    exit 1
  fi
  if (( ELAPSED - LAST_REPORT >= 5 )); then
    log "waiting for cluster health ... ${ELAPSED} s (status '${STATUS:-no answer yet}')"
    LAST_REPORT=$ELAPSED
  fi
  sleep 1
done

if [[ "${SEARCH_ZERO_REPLICAS:-1}" == "1" ]]; then
  # A single node cannot host replicas: without this, every index leaves the cluster yellow.
  curl -s --max-time 10 -o /dev/null -X PUT "$URL/_index_template/ci-zero-replicas" \
    -H 'Content-Type: application/json' \
    -d '{"index_patterns":["*"],"priority":0,"template":{"settings":{"number_of_replicas":0}}}' || true
fi

VERSION="$({ curl -s --max-time 3 "$URL/" || true; } | sed -n 's/.*"number":"\([^"]*\)".*/\1/p')"
log "Elasticsearch ${VERSION:-?} is up on $URL (pid $(cat "$PID_FILE"), status $STATUS) after $(( $(date +%s) - T0 )) s"

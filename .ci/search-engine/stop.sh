#!/usr/bin/env bash
# Stop the CI search engine started by start.sh (via its pid file). Idempotent: exits 0
# when nothing is running. Removes the temporary data directory that start.sh created.
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN="$DIR/run"
PID_FILE="$RUN/search-engine.pid"
DATA_FILE="$RUN/data-dir"
MAIN_CLASS="uk.sharedendeavour.ci.search.Main"

log() { echo "[search-engine] $*"; }

is_ours() {
  local pid="$1"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "$MAIN_CLASS"
}

if [[ -f "$PID_FILE" ]]; then
  PID="$(tr -d '[:space:]' < "$PID_FILE")"
  if is_ours "$PID"; then
    log "stopping pid $PID ..."
    kill -TERM "$PID" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$PID" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$PID" 2>/dev/null; then
      log "still running after 30 s; sending SIGKILL"
      kill -KILL "$PID" 2>/dev/null || true
      sleep 1
    fi
    log "stopped"
  else
    log "not running (stale pid file)"
  fi
  rm -f "$PID_FILE"
else
  log "not running"
fi

if [[ -f "$DATA_FILE" ]]; then
  DATA_DIR="$(cat "$DATA_FILE")"
  case "$DATA_DIR" in
    /tmp/se-search-engine.*) rm -rf -- "$DATA_DIR" ;;
  esac
  rm -f "$DATA_FILE"
fi

#!/usr/bin/env bash
# Router part load times of packaged HTTP apps, read from their DEBUG log: starts each app in turn per round
# (`java -jar quarkus-run.jar` with dev.tagrouter.function at DEBUG), POSTs a query to /v1/route until it answers, and
# prints one line per start: first answer (ms), the process's CPU time then, Quarkus' "started in", the load average
# and the "router part ... ready in N us" lines; then median [min-max] per app (scripts/router-parts-summary.py).
#
# usage: scripts/router-parts.sh [--port P] [--runs N] LABEL=QUARKUS_APP_DIR [LABEL=QUARKUS_APP_DIR ...]
#   Copy http/target/quarkus-app somewhere first (a rebuild must not change an app between runs), e.g.
#   cp -r http/target/quarkus-app /tmp/after && scripts/router-parts.sh --port 18203 --runs 4 before=/tmp/b after=/tmp/after
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port=18090; runs=3; apps=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *=*) apps+=("$1"); shift ;;
    *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 1 ;;
  esac
done
[[ ${#apps[@]} -gt 0 ]] || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 1; }
raw="$(mktemp)"
log="$(mktemp)"
trap 'rm -f "$raw" "$log"' EXIT
body='{"query":"Write a Python function that checks whether a string is a palindrome."}'
for round in $(seq 1 "$runs"); do
  for app in "${apps[@]}"; do
    label="${app%%=*}"; dir="${app#*=}"
    start=$(date +%s%N)
    java -Dquarkus.http.port="$port" '-Dquarkus.log.category."dev.tagrouter.function".level=DEBUG' \
      -jar "$dir/quarkus-run.jar" >"$log" 2>&1 &
    pid=$!
    until curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$body" "http://localhost:$port/v1/route"; do
      kill -0 "$pid" 2>/dev/null || { echo "$label exited before answering:" >&2; cat "$log" >&2; exit 1; }
      sleep 0.005
    done
    end=$(date +%s%N)
    cpu=$(sed 's/.*) //' "/proc/$pid/stat" | awk -v hz="$(getconf CLK_TCK)" '{print int(($12 + $13) * 1000 / hz)}')
    kill "$pid"; wait "$pid" 2>/dev/null || true
    parts=$(grep -o 'router part .* ready in [0-9]* us' "$log" | sed 's/router part //' | tr '\n' ';')
    started=$(grep -o 'started in [0-9.]*s' "$log" || echo "started in ?s")
    echo "$label round $round: first answer $(( (end - start) / 1000000 )) ms, cpu $cpu ms, $started, load $(cut -d' ' -f1 /proc/loadavg) | $parts" | tee -a "$raw"
  done
done
python3 "$root/scripts/router-parts-summary.py" "$raw"

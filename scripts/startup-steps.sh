#!/usr/bin/env bash
# Where a packaged Quarkus app's start-up goes, step by step: starts each app RUNS times (apps in turn in every round)
# with Quarkus' own per-step timer (quarkus.debug.print-startup-times: the main thread's time in each recorded step of
# every extension) and the router's part lines (dev.tagrouter.function at DEBUG), stops it once it listens, and prints
# min (median) ms per step and app (scripts/startup-steps-summary.py). The minimum over runs is the figure to read on
# a shared machine: a step cannot take less than its own work.
#
# usage: scripts/startup-steps.sh [--port P] [--runs N] LABEL=QUARKUS_APP_DIR [LABEL=QUARKUS_APP_DIR ...]
#   JAVA names the java binary (default: java on the PATH); copy http/target/quarkus-app somewhere first, e.g.
#   cp -r http/target/quarkus-app /tmp/app && scripts/startup-steps.sh --port 18311 --runs 5 tagrouter=/tmp/app
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port=18090; runs=5; apps=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *=*) apps+=("$1"); shift ;;
    *) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 1 ;;
  esac
done
[[ ${#apps[@]} -gt 0 && "$runs" =~ ^[1-9][0-9]*$ ]] || { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 1; }
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
for round in $(seq 1 "$runs"); do
  for app in "${apps[@]}"; do
    label="${app%%=*}"; dir="${app#*=}"; log="$logs/$label.$round.log"
    "${JAVA:-java}" -Dquarkus.http.port="$port" -Dquarkus.debug.print-startup-times=true \
      '-Dquarkus.log.category."dev.tagrouter.function".level=DEBUG' -jar "$dir/quarkus-run.jar" > "$log" 2>&1 &
    pid=$!
    until grep -q 'Listening on' "$log" 2>/dev/null; do
      kill -0 "$pid" 2>/dev/null || { echo "$label exited before listening:" >&2; cat "$log" >&2; exit 1; }
      sleep 0.01
    done
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
python3 "$root/scripts/startup-steps-summary.py" "$logs" "${apps[@]%%=*}"
echo "($runs starts per app, port $port; $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"

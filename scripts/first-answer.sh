#!/usr/bin/env bash
# One cold start: runs COMMAND, POSTs BODY to URL until it answers 200, prints
# "<ms from process start> <RSS MiB> <CPU ms of the process>" read at the first answer, then stops the process.
# Usage: scripts/first-answer.sh URL BODY COMMAND...
set -euo pipefail
url="$1"; body="$2"; shift 2
start=$(date +%s%N)
"$@" >/dev/null 2>&1 &
pid=$!
until curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$body" "$url"; do
  kill -0 "$pid" 2>/dev/null || { echo "the process exited before answering: $*" >&2; exit 1; }
  sleep 0.002
done
end=$(date +%s%N)
rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
# utime + stime (fields 14 and 15 of /proc/PID/stat, after the command name in parentheses), in clock ticks.
cpu=$(sed 's/.*) //' "/proc/$pid/stat" | awk -v hz="$(getconf CLK_TCK)" '{print int(($12 + $13) * 1000 / hz)}')
kill "$pid"; wait "$pid" 2>/dev/null || true
echo "$(( (end - start) / 1000000 )) $rss $cpu"

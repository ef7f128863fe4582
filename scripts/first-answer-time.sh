#!/usr/bin/env bash
# Measures process start to the first answered POST /v1/route of the packaged HTTP service, and its RSS then.
# Usage: scripts/first-answer-time.sh [runs=7] [jar=http/target/quarkus-app/quarkus-run.jar] [extra java options...]
set -euo pipefail
runs="${1:-7}"; jar="${2:-http/target/quarkus-app/quarkus-run.jar}"; shift $(( $# > 2 ? 2 : $# )) || true
port="${PORT:-18080}"
body='{"query":"Write a Python function that reverses a linked list."}'
[ -f "$jar" ] || { echo "missing $jar: build it with ./mvnw -pl http -am package -DskipTests" >&2; exit 1; }
times=(); rss=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  java "$@" -Dquarkus.http.port="$port" -jar "$jar" >/dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port/v1/route"; do
    sleep 0.005
    kill -0 "$pid" 2>/dev/null || { echo "the service exited" >&2; exit 1; }
  done
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
  rss+=($(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status"))
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "runs: $runs  first answer (ms): ${times[*]}  median: $(median "${times[@]}") ms  RSS at first answer median: $(median "${rss[@]}") MiB"

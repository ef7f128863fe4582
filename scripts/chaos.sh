#!/usr/bin/env bash
# Chaos run against the packaged HTTP app: a tag generator cycling through 14 faults (scripts/chaos/
# faulty-tag-generator.py) and a client sending the header/framing matrix and remote-tagged routes
# (scripts/chaos/chaos-client.py), for a given duration. Prints requests, answers, 5xx, hangs and heap after GC,
# with liveness checked every 5 s. Build first: ./mvnw -B -pl http -am package -DskipTests
# usage: [JAR=path/quarkus-run.jar] scripts/chaos.sh [DURATION_SECONDS=600] [HEAP=128m] [CLIENTS=4]
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-600}"; heap="${2:-128m}"; clients="${3:-4}"
app_port="${APP_PORT:-18312}"; gen_port="${GEN_PORT:-18311}"
work="$(mktemp -d)"
PORT="$gen_port" python3 scripts/chaos/faulty-tag-generator.py & gen=$!
java "-Xmx$heap" -Dquarkus.http.port="$app_port" -Dtagrouter.tagger.mode=remote \
     -Dtagrouter.tagger.remote.url="http://127.0.0.1:$gen_port/v1" -Dtagrouter.tagger.remote.cache.max-entries=0 \
     -Dtagrouter.decision-log.enabled=true -Dtagrouter.decision-log.sink=file \
     -Dtagrouter.decision-log.file="$work/decisions.jsonl" \
     -jar "${JAR:-http/target/quarkus-app/quarkus-run.jar}" > "$work/app.log" 2>&1 & app=$!
trap 'kill $gen $app 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -sf "localhost:$app_port/q/health/ready" >/dev/null && break; sleep 1; done
live_fail=0
( end=$((SECONDS + duration)); while [ $SECONDS -lt $end ]; do
    curl -sf -m 2 "localhost:$app_port/q/health/live" >/dev/null || echo x >> "$work/live-failures"; sleep 5; done ) &
watch=$!
result="$(PORT="$app_port" DURATION="$duration" CLIENTS="$clients" python3 scripts/chaos/chaos-client.py)"
wait $watch || true
[ -f "$work/live-failures" ] && live_fail=$(wc -l < "$work/live-failures")
jcmd "$app" GC.run > /dev/null
heap_mb=$(curl -s "localhost:$app_port/q/metrics" | awk '/^jvm_memory_used_bytes\{/ && /area="heap"/ {s += $NF} END {printf "%.1f", s / 1048576}')
decisions=$(wc -l < "$work/decisions.jsonl")
errors=$(grep -c ' ERROR ' "$work/app.log" || true)
python3 - "$result" "$heap_mb" "$live_fail" "$decisions" "$errors" "$duration" "$heap" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
print("| duration | heap limit | requests | answers | 5xx | hangs | closed without answer | slowest answer | liveness failures | decision-log lines | ERROR log lines | heap after GC |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
print("| %s s | %s | %d | %d | %d | %d | %d | %.2f s | %s | %s | %s | %s MB |" % (sys.argv[6], sys.argv[7], r["requests"], r["answers"], r["5xx"], r["hangs"], r["closed"], r["max_seconds"], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[2]))
print()
for case, statuses in r["statuses"].items():
    print("- %s: %s" % (case, ", ".join(statuses)))
PY
echo "app log: $work/app.log"

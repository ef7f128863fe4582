#!/usr/bin/env bash
# Load on the packaged HTTP service: POST /v1/route and POST /route next to the trivial Funqy function POST /ping of
# the same build, side by side in one run, at several connection counts (wrk, one thread: the machine has 2 cores and
# the generator shares them). Prints requests/s, p50, p99, errors and the ratio to /ping.
# Usage: DURATION=60s CONNECTIONS="1 16 64" scripts/load-test.sh   (needs wrk: apt-get install -y wrk)
# ENDPOINTS picks the route endpoints (default "/v1/route /route"); /v1/route/chat/completions is sent the 20-turn
# Chat Completions body with tools that GatewayBenchmark uses. ROUNDS=N repeats every (/ping, endpoint) pair N times.
# Example: ENDPOINTS=/v1/route/chat/completions ROUNDS=3 DURATION=15s CONNECTIONS=16 scripts/load-test.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
duration="${DURATION:-60s}"; connections="${CONNECTIONS:-1 16 64}"; port="${PORT:-18200}" # PORT: any free port
jar="$root/http/target/quarkus-app/quarkus-run.jar"
[ -f "$jar" ] || "$root/mvnw" -q -B -f "$root/pom.xml" -pl http -am package -DskipTests
lua="$(mktemp -d)"
cat > "$lua/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("BODY")
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.0f %.3f %.3f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status))
end
LUA
java -XX:+UseSerialGC -Dquarkus.http.port="$port" -jar "$jar" >/dev/null 2>&1 &
pid=$!; trap 'kill $pid 2>/dev/null; rm -rf "$lua"' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do sleep 0.1; done
route='{"query":"Write a Python function that parses a CSV file and sums the second column."}'
ping='{"pong":"x"}'
chat="$(cat "$root/bench/src/main/resources/dev/tagrouter/bench/chat-completions-20-turns.json")"
endpoints="${ENDPOINTS:-/v1/route /route}"; rounds="${ROUNDS:-1}"
body_of() { case "$1" in /ping) echo "$ping" ;; /v1/route/chat/completions) echo "$chat" ;; *) echo "$route" ;; esac; }
for path in $endpoints; do # a refused body would measure the error path: every endpoint must answer 200 first
  status="$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary "$(body_of "$path")" \
    "http://127.0.0.1:$port$path")"
  [ "$status" = 200 ] || { echo "POST $path answered $status, not 200" >&2; exit 1; }
done
run() { BODY="$2" wrk -t1 -c"$3" -d"$4" -s "$lua/post.lua" "http://127.0.0.1:$port$1" | awk '/^RESULT/ {print $2, $3, $4, $5}'; }
for path in $endpoints /ping; do # warm-up
  run "$path" "$(body_of "$path")" 16 10s >/dev/null
done
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "| connections | endpoint | req/s | p50 ms | p99 ms | errors | throughput vs /ping |"
echo "|---|---|---|---|---|---|---|"
for c in $connections; do
  # /ping is measured right before each route endpoint, so the ratio compares neighbours in time, not a drifted start.
  for round in $(seq "$rounds"); do for path in $endpoints; do
    read -r pr pp50 pp99 perr < <(run /ping "$ping" "$c" "$duration")
    read -r r p50 p99 err < <(run "$path" "$(body_of "$path")" "$c" "$duration")
    awk -v c="$c" -v p="$path" -v r="$r" -v a="$p50" -v b="$p99" -v e="$err" -v pr="$pr" \
      'BEGIN { printf "| %s | %s | %d | %.2f | %.2f | %d | %.2fx |\n", c, p, r, a, b, e, r / pr }'
    awk -v c="$c" -v r="$pr" -v a="$pp50" -v b="$pp99" -v e="$perr" \
      'BEGIN { printf "| %s | /ping (just before) | %d | %.2f | %.2f | %d | 1.00x |\n", c, r, a, b, e }'
  done; done
done
echo "(wrk -t1, $duration per cell, $(nproc) cores shared with wrk; load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg))"

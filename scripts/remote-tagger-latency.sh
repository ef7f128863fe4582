#!/usr/bin/env bash
# What the remote tagger adds to a routing decision: latency of POST /v1/route with "tagger":"remote" minus the tag
# generator's own response time, both measured by the same client (wrk, one connection and a few) against a
# stand-in generator (scripts/fake-tag-generator.py) that answers after DELAY_MS. Every query is distinct, so the tag
# cache never answers. Rules-only routing is shown for reference. Prints a Markdown table.
# Usage: DURATION=20s DELAYS="0 20" CONNECTIONS="1 8" scripts/remote-tagger-latency.sh   (needs wrk)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
duration="${DURATION:-20s}"; delays="${DELAYS:-0 20}"; connections="${CONNECTIONS:-1 8}"
port=18300; fake_port=18301
jar="$root/http/target/quarkus-app/quarkus-run.jar"
[ -f "$jar" ] || "$root/mvnw" -q -B -f "$root/pom.xml" -pl http -am package -DskipTests
tmp="$(mktemp -d)"
cat > "$tmp/unique.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, string.format(os.getenv("BODY"), n))
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.3f %.3f %d %d\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    + summary.errors.status))
end
LUA
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$tmp"' EXIT
# Each run gets its own prefix so no query repeats across runs either (the warm-up would otherwise fill the cache).
query() { echo "Run $(date +%s%N): why does my Python script crash when I sort a dictionary by value? Attempt %d"; }
route() { echo "{\"query\":\"$(query)\",\"tagger\":\"$1\"}"; }
direct() { echo "{\"model\":\"itpossible/TagGenerator\",\"temperature\":0,\"max_tokens\":64,\"messages\":[{\"role\":\"system\",\"content\":\"You are an expert text tag extractor.\"},{\"role\":\"user\",\"content\":\"$(query)\"}]}"; }
run() { BODY="$2" wrk -t1 -c"$3" -d"$4" -s "$tmp/unique.lua" "$1" | awk '/^RESULT/ {print $2, $3, $4, $5}'; }
# Decisions that fell back to rules so far: proof that the remote rows measured the remote path.
fallbacks() { curl -s "http://127.0.0.1:$port/q/metrics" | awk '/^tagrouter_tagger_fallbacks_total/ {s += $2} END {printf "%d", s}'; }

echo "| generator delay | connections | path | p50 ms | p99 ms | requests | errors | fallbacks |"
echo "|---|---|---|---|---|---|---|---|"
for delay in $delays; do
  PORT=$fake_port DELAY_MS=$delay python3 "$root/scripts/fake-tag-generator.py" 2>"$tmp/generator.log" & pids+=($!)
  # Generous budget and circuit: this measures the path, not the fallback.
  java -XX:+UseSerialGC -Dquarkus.http.port=$port -Dtagrouter.tagger.remote.url=http://127.0.0.1:$fake_port/v1 \
    -Dtagrouter.tagger.remote.timeout=2s -jar "$jar" >"$tmp/app.log" 2>&1 & pids+=($!)
  until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do sleep 0.1; done
  sleep 1
  # Warm-up by volume (32 connections), so the JIT has compiled the client path even behind a slow generator.
  run "http://127.0.0.1:$port/v1/route" "$(route remote)" 32 15s >/dev/null
  for c in $connections; do
    read -r g50 g99 gn ge < <(run "http://127.0.0.1:$fake_port/v1/chat/completions" "$(direct)" "$c" "$duration")
    before=$(fallbacks)
    read -r r50 r99 rn re < <(run "http://127.0.0.1:$port/v1/route" "$(route remote)" "$c" "$duration")
    fell=$(($(fallbacks) - before))
    read -r l50 l99 ln le < <(run "http://127.0.0.1:$port/v1/route" "$(route rules)" "$c" "$duration")
    printf "| %s ms | %s | generator alone | %.2f | %.2f | %d | %d | |\n" "$delay" "$c" "$g50" "$g99" "$gn" "$ge"
    printf "| %s ms | %s | /v1/route, remote | %.2f | %.2f | %d | %d | %d |\n" "$delay" "$c" "$r50" "$r99" "$rn" "$re" "$fell"
    awk -v d="$delay" -v c="$c" -v a="$r50" -v b="$g50" -v x="$r99" -v y="$g99" \
      'BEGIN { printf "| %s ms | %s | **added by the remote path** | **%.2f** | **%.2f** | | | |\n", d, c, a - b, x - y }'
    printf "| %s ms | %s | /v1/route, rules | %.2f | %.2f | %d | %d | |\n" "$delay" "$c" "$l50" "$l99" "$ln" "$le"
  done
  kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null || true; pids=()
done
echo "(wrk -t1, $duration per row, distinct queries so the tag cache never answers; $(nproc) cores shared by wrk, the"
echo " generator and the router; load average after: $(cut -d' ' -f1-3 /proc/loadavg))"

#!/usr/bin/env bash
# Local cold start of a packaged Lambda function.zip, without Docker: AWS's Java runtime interface client
# (the same client Lambda's managed Java runtime uses) runs the unzipped function against our Runtime API
# emulator. Measures process start to the first invocation's answer, median of N runs, and the RSS at
# that moment.
#
# usage: scripts/lambda-cold-start.sh FUNCTION_ZIP [--runs N] [--event FILE] [--handler CLASS::METHOD]
#                                     [--java PATH] [--java-opts "FLAGS"]
set -euo pipefail

readonly REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly EMULATOR="$REPO_ROOT/scripts/lambda-runtime-emulator/RuntimeApiEmulator.java"
readonly RIC_ARTIFACT="com.amazonaws:aws-lambda-java-runtime-interface-client:2.9.0"
readonly RIC_CACHE="$REPO_ROOT/target/lambda-cold-start/ric-2.9.0"

usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 1; }

[[ $# -ge 1 ]] || usage
function_zip="$1"; shift
runs=7
event_file=""
handler="io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
java_opts=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --event) event_file="$2"; shift 2 ;;
    --handler) handler="$2"; shift 2 ;;
    --java) java_bin="$2"; shift 2 ;;
    --java-opts) java_opts="$2"; shift 2 ;;
    *) usage ;;
  esac
done
[[ -f "$function_zip" ]] || { echo "no such file: $function_zip" >&2; exit 1; }
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "--runs must be a positive integer" >&2; exit 1; }

work="$(mktemp -d)"
function_pid=""
emulator_pid=""
cleanup() {
  # Only the two processes this script started, by pid.
  [[ -n "$function_pid" ]] && kill "$function_pid" 2>/dev/null || true
  [[ -n "$emulator_pid" ]] && kill "$emulator_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [[ -z "$event_file" ]]; then
  event_file="$work/event.json"
  echo '{"query":"Write a Python function that reverses a linked list"}' > "$event_file"
fi

unzip -q "$function_zip" -d "$work/task"

# The client and its dependencies, resolved once through the project's Maven wrapper and kept under target/.
if [[ ! -f "$RIC_CACHE/.complete" ]]; then
  mkdir -p "$RIC_CACHE"
  cat > "$work/ric-pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>ric-download</artifactId><version>1</version>
  <dependencies><dependency>
    <groupId>${RIC_ARTIFACT%%:*}</groupId>
    <artifactId>$(cut -d: -f2 <<<"$RIC_ARTIFACT")</artifactId>
    <version>${RIC_ARTIFACT##*:}</version>
  </dependency></dependencies>
</project>
POM
  "$REPO_ROOT/mvnw" -q -B -f "$work/ric-pom.xml" dependency:copy-dependencies -DoutputDirectory="$RIC_CACHE"
  touch "$RIC_CACHE/.complete"
fi

# function.zip holds the application's classes at its root and its jars under lib/, as on Lambda.
classpath="$work/task:$work/task/*:$work/task/lib/*:$RIC_CACHE/*"

one_run() {
  # Sets the global `result` ("<ms> <rss KiB>"); not run in a subshell, so the EXIT trap sees both pids.
  local run="$1" out="$work/emulator-$1.out" pid_file="$work/function-$1.pid" port="" t0 first rss status
  rm -f "$pid_file"
  "$java_bin" "$EMULATOR" --port 0 --event-file "$event_file" --invocations 1 --rss-pid-file "$pid_file" \
    > "$out" 2>&1 &
  emulator_pid=$!
  for _ in $(seq 1 200); do
    port="$(sed -n 's/^listening=127.0.0.1://p' "$out")"
    [[ -n "$port" ]] && break
    sleep 0.05
  done
  [[ -n "$port" ]] || { echo "emulator did not start:" >&2; cat "$out" >&2; return 1; }

  # bash's EPOCHREALTIME needs no fork, so t0 is taken right before the function's process starts.
  t0="${EPOCHREALTIME/[.,]/}"
  env AWS_LAMBDA_RUNTIME_API="127.0.0.1:$port" LAMBDA_TASK_ROOT="$work/task" _HANDLER="$handler" \
      AWS_LAMBDA_FUNCTION_NAME=local AWS_LAMBDA_FUNCTION_VERSION='$LATEST' AWS_LAMBDA_FUNCTION_MEMORY_SIZE=512 \
      AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 \
      "$java_bin" $java_opts -cp "$classpath" com.amazonaws.services.lambda.runtime.api.client.AWSLambda \
      "$handler" > "$work/function-$run.log" 2>&1 &
  function_pid=$!
  echo "$function_pid" > "$pid_file"

  status=0
  wait "$emulator_pid" || status=$?
  emulator_pid=""
  kill "$function_pid" 2>/dev/null || true
  wait "$function_pid" 2>/dev/null || true
  function_pid=""

  if [[ $status -ne 0 ]]; then
    echo "run $run: the function failed (emulator status $status)" >&2
    cat "$out" "$work/function-$run.log" >&2
    return 1
  fi
  first="$(sed -n 's/^first_answer_epoch_us=//p' "$out")"
  rss="$(sed -n 's/^first_answer_rss_kib=//p' "$out")"
  result="$(( (first - t0) / 1000 )) ${rss:-0}"
}

echo "function: $function_zip"
echo "handler:  $handler"
echo "java:     $("$java_bin" -version 2>&1 | head -1) ${java_opts:+($java_opts)}"
results=()
result=""
for run in $(seq 1 "$runs"); do
  one_run "$run"
  printf 'run %d: first answer after %d ms, RSS %d MiB\n' "$run" "${result% *}" $(( ${result#* } / 1024 ))
  results+=("$result")
  [[ "$run" -eq 1 ]] && sed -n 's/^response_1=/first answer: /p' "$work/emulator-1.out" | cut -c1-300
done

printf '%s\n' "${results[@]}" | sort -n | awk -v n="$runs" '
  { ms[NR] = $1; rss[NR] = $2 }
  END {
    middle = int((n + 1) / 2)
    printf "median of %d: first answer after %d ms, RSS %d MiB (RSS of the median run)\n", n, ms[middle], rss[middle] / 1024
  }'

#!/usr/bin/env bash
# Local cold start of a packaged Lambda function.zip, without Docker: AWS's Java runtime interface client
# (the same client Lambda's managed Java runtime uses) runs the unzipped function against our Runtime API
# emulator. Measures process start to the first invocation's answer, and the RSS and CPU time at that moment.
# With --vs REFERENCE_ZIP (e.g. the hello-world Funqy Lambda) the two run in turn in every round, and the
# summary gives median [min-max] of both and the ratios (scripts/cold-start-summary.py).
# With --snapstart the function starts as Lambda starts a SnapStart function before its snapshot
# (AWS_LAMBDA_INITIALIZATION_TYPE=snap-start, CRaC hooks through the client's own context): the before-checkpoint
# hooks run, the emulator answers restore/next at once (there is no snapshot here), the after-restore hooks run,
# then the event. The script then also reports the first invocation's own time (event handed out -> answer),
# which is what a caller waits for after a restore besides the restore itself.
#
# usage: scripts/lambda-cold-start.sh FUNCTION_ZIP [--runs N] [--port P] [--vs REFERENCE_ZIP [--vs-event FILE]]
#                                     [--event FILE] [--handler CLASS::METHOD] [--java PATH] [--java-opts "FLAGS"]
#                                     [--label TEXT] [--raw FILE] [--snapstart]
set -euo pipefail

readonly REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly EMULATOR="$REPO_ROOT/scripts/lambda-runtime-emulator/RuntimeApiEmulator.java"
readonly RIC_ARTIFACT="com.amazonaws:aws-lambda-java-runtime-interface-client:2.9.0"
readonly RIC_CACHE="$REPO_ROOT/target/lambda-cold-start/ric-2.9.0"

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 1; }

[[ $# -ge 1 ]] || usage
function_zip="$1"; shift
runs=7
event_file=""
handler="io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
java_opts=""
port=0
reference_zip=""
reference_event=""
label="Lambda function.zip"
raw=""
snapstart=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --event) event_file="$2"; shift 2 ;;
    --handler) handler="$2"; shift 2 ;;
    --java) java_bin="$2"; shift 2 ;;
    --java-opts) java_opts="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --vs) reference_zip="$2"; shift 2 ;;
    --vs-event) reference_event="$2"; shift 2 ;;
    --label) label="$2"; shift 2 ;;
    --raw) raw="$2"; shift 2 ;;
    --snapstart) snapstart=1; shift ;;
    *) usage ;;
  esac
done
[[ -f "$function_zip" ]] || { echo "no such file: $function_zip" >&2; exit 1; }
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "--runs must be a positive integer" >&2; exit 1; }
[[ "$port" =~ ^[0-9]+$ ]] || { echo "--port must be a number (0: any free port)" >&2; exit 1; }
[[ -z "$reference_zip" || -f "$reference_zip" ]] || { echo "no such file: $reference_zip" >&2; exit 1; }

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

unzip -q "$function_zip" -d "$work/task-tagrouter"
if [[ -n "$reference_zip" ]]; then
  unzip -q "$reference_zip" -d "$work/task-hello"
  if [[ -z "$reference_event" ]]; then
    reference_event="$work/hello-event.json"
    echo '{"name":"x"}' > "$reference_event"
  fi
fi

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

# The emulator is compiled once, so its start is not in the figures' spread.
mkdir -p "$work/emulator"
"${java_bin%java}javac" -d "$work/emulator" "$EMULATOR" 2>/dev/null || true

one_run() {
  # Sets the global `result` ("<ms> <rss KiB> <cpu ms>"); not run in a subshell, so the EXIT trap sees both pids.
  local app="$1" run="$2" out="$work/emulator-$1-$2.out" pid_file="$work/function-$1-$2.pid" listen="" t0 first rss
  local cpu invocation restore status task="$work/task-$1" event="$event_file"
  [[ "$app" == hello ]] && event="$reference_event"
  # function.zip holds the application's classes at its root and its jars under lib/, as on Lambda.
  local classpath="$task:$task/*:$task/lib/*:$RIC_CACHE/*"
  rm -f "$pid_file"
  if [[ -f "$work/emulator/RuntimeApiEmulator.class" ]]; then
    "$java_bin" -cp "$work/emulator" RuntimeApiEmulator --port "$port" --event-file "$event" --invocations 1 \
      --rss-pid-file "$pid_file" > "$out" 2>&1 &
  else
    "$java_bin" "$EMULATOR" --port "$port" --event-file "$event" --invocations 1 --rss-pid-file "$pid_file" \
      > "$out" 2>&1 &
  fi
  emulator_pid=$!
  for _ in $(seq 1 200); do
    listen="$(sed -n 's/^listening=127.0.0.1://p' "$out")"
    [[ -n "$listen" ]] && break
    sleep 0.05
  done
  [[ -n "$listen" ]] || { echo "emulator did not start:" >&2; cat "$out" >&2; return 1; }

  # Lambda's Java runtime points org.crac at the runtime client's own CRaC context; so does this script.
  local init_type=on-demand snap_opts=""
  (( snapstart )) && { init_type=snap-start; snap_opts="-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac"; }
  # bash's EPOCHREALTIME needs no fork, so t0 is taken right before the function's process starts.
  t0="${EPOCHREALTIME/[.,]/}"
  env AWS_LAMBDA_RUNTIME_API="127.0.0.1:$listen" LAMBDA_TASK_ROOT="$task" _HANDLER="$handler" \
      AWS_LAMBDA_FUNCTION_NAME=local AWS_LAMBDA_FUNCTION_VERSION='$LATEST' AWS_LAMBDA_FUNCTION_MEMORY_SIZE=512 \
      AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_LAMBDA_INITIALIZATION_TYPE="$init_type" \
      "$java_bin" $java_opts $snap_opts -cp "$classpath" com.amazonaws.services.lambda.runtime.api.client.AWSLambda \
      "$handler" > "$work/function-$app-$run.log" 2>&1 &
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
    cat "$out" "$work/function-$app-$run.log" >&2
    return 1
  fi
  first="$(sed -n 's/^first_answer_epoch_us=//p' "$out")"
  rss="$(sed -n 's/^first_answer_rss_kib=//p' "$out")"
  cpu="$(sed -n 's/^first_answer_cpu_ms=//p' "$out")"
  invocation="$(sed -n 's/^first_invocation_ms=//p' "$out")"
  restore="$(sed -n 's/^restore_next_epoch_us=//p' "$out")"
  result="$(( (first - t0) / 1000 )) ${rss:-0} ${cpu:-0} ${invocation:-0} $(( restore ? (restore - t0) / 1000 : 0 ))"
}

echo "function: $function_zip${reference_zip:+ vs $reference_zip}"
echo "handler:  $handler"
echo "java:     $("$java_bin" -version 2>&1 | head -1) ${java_opts:+($java_opts)}"
apps="tagrouter"; [[ -n "$reference_zip" ]] && apps="tagrouter hello"
lines="$work/lines.tsv"
result=""
for run in $(seq 1 "$runs"); do
  order="$apps"; [[ -n "$reference_zip" ]] && (( run % 2 == 0 )) && order="hello tagrouter" # alternate who goes first
  for app in $order; do
    one_run "$app" "$run"
    read -r ms rss cpu invocation snapshot <<<"$result"
    printf 'run %d %s: first answer after %d ms, CPU %d ms, RSS %d MiB\n' "$run" "$app" "$ms" "$cpu" $(( rss / 1024 ))
    (( snapstart )) && printf 'run %d %s: snapshot point after %d ms; first invocation %d ms\n' "$run" "$app" \
      "$snapshot" "$invocation"
    printf '%s\t%s\t%s\n' "$app" "$invocation" "$snapshot" >> "$work/invocations.tsv"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$app" "$run" "$ms" $(( rss / 1024 )) "$cpu" >> "$lines"
    [[ "$run" -eq 1 ]] && sed -n 's/^response_1=/first answer: /p' "$work/emulator-$app-1.out" | cut -c1-300
  done
done
[[ -n "$raw" ]] && cp "$lines" "$raw"
if (( snapstart )); then
  for app in $apps; do
    awk -F'\t' -v a="$app" '$1 == a { print $2 }' "$work/invocations.tsv" | sort -n | awk -v a="$app" \
      '{ v[NR] = $1 } END { printf "%s: first invocation after the snapshot point: median %d ms [%d-%d] of %d\n", a, v[int((NR + 1) / 2)], v[1], v[NR], NR }'
  done
fi
if [[ -n "$reference_zip" ]]; then
  python3 "$REPO_ROOT/scripts/cold-start-summary.py" < "$lines"
  echo "(emulator port $port, $runs rounds; zip sizes: $(du -k "$function_zip" | cut -f1) KiB vs $(du -k "$reference_zip" | cut -f1) KiB)"
else
  sort -t$'\t' -k4 -n "$lines" | awk -F'\t' -v n="$runs" '{ ms[NR] = $4; rss[NR] = $5; cpu[NR] = $6 }
    END { m = int((n + 1) / 2); printf "median of %d: first answer after %d ms, CPU %d ms, RSS %d MiB (of the median run)\n", n, ms[m], cpu[m], rss[m] }'
fi

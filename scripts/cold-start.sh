#!/usr/bin/env bash
# Cold start of tagrouter's HTTP artifact next to a hello-world Funqy reference built the same way
# (scripts/cold-start/hello-funqy): the fast-jar on JDK 17, and on JDK 25 with an AOT cache. Process start to the
# first answered request (POST /v1/route, POST /hello), RUNS rounds, tagrouter and hello-world in turn within each
# round (who goes first alternates); wall time, CPU time and RSS at the first answer, median [min-max], and the ratios (scripts/cold-start-summary.py).
#
# usage: scripts/cold-start.sh [--port P] [--runs N] [--variants "jdk17 aot25"] [--no-build] [--raw FILE]
#   JDK17, JDK25 (environment) name the JDKs; OUT the folder the artifacts are copied to (default
#   /tmp/tagrouter-cold-start). --raw keeps the per-run lines for scripts/cold-start-summary.py.
#   The variant "native" runs two native executables built elsewhere (this script does not build them), named by
#   NATIVE_TAGROUTER and NATIVE_HELLO (environment); .github/workflows/native.yml builds both in one job.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port=18090; runs=7; variants="jdk17 aot25"; build=1; raw=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --variants) variants="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --raw) raw="$2"; shift 2 ;;
    *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 1 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ && "$port" =~ ^[0-9]+$ ]] || { echo "--runs and --port take numbers" >&2; exit 1; }
if [[ " $variants " == *" native "* ]]; then
  for exe in "${NATIVE_TAGROUTER:-}" "${NATIVE_HELLO:-}"; do
    [[ -n "$exe" && -x "$exe" ]] || { echo "the native variant needs NATIVE_TAGROUTER and NATIVE_HELLO, two executables" >&2; exit 1; }
  done
fi
jdk17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
jdk25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out="${OUT:-/tmp/tagrouter-cold-start}"
hello="$root/scripts/cold-start/hello-funqy"
route_body='{"query":"Write a Python function that reverses a linked list."}'
hello_body='{"name":"x"}'
url_of() { [[ "$1" == tagrouter ]] && echo "http://127.0.0.1:$port/v1/route" || echo "http://127.0.0.1:$port/hello"; }
body_of() { [[ "$1" == tagrouter ]] && echo "$route_body" || echo "$hello_body"; }

if [[ $build == 1 ]]; then
  echo "building the fast-jars (JDK 17)..." >&2
  rm -rf "$out"; mkdir -p "$out"
  JAVA_HOME="$jdk17" "$root/mvnw" -q -B -f "$root/pom.xml" -pl http -am package -DskipTests
  cp -a "$root/http/target/quarkus-app" "$out/tagrouter"
  JAVA_HOME="$jdk17" "$root/mvnw" -q -B -f "$hello/pom.xml" package -DskipTests
  cp -a "$hello/target/quarkus-app" "$out/hello"
fi

# The AOT cache is trained on the copy it will run with (JDK 25's -XX:AOTCacheOutput, a few answered requests, a
# normal exit), so a later rebuild of the build folder cannot invalidate it.
train_aot() { # app
  local dir="$out/$1-aot" pid
  [[ -f "$dir/app.aot" ]] && return 0
  rm -rf "$dir"; cp -a "$out/$1" "$dir"
  "$jdk25/bin/java" -XX:AOTCacheOutput="$dir/app.aot" -Dquarkus.http.port="$port" -jar "$dir/quarkus-run.jar" \
    > "$dir/training.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$(body_of "$1")" "$(url_of "$1")"; do
    kill -0 "$pid" 2>/dev/null || { echo "AOT training of $1 failed:" >&2; cat "$dir/training.log" >&2; exit 1; }
    sleep 0.05
  done
  for _ in $(seq 50); do
    curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$(body_of "$1")" "$(url_of "$1")"
  done
  kill -TERM "$pid"; wait "$pid" || true
  [[ -f "$dir/app.aot" ]] || { echo "no AOT cache written for $1:" >&2; cat "$dir/training.log" >&2; exit 1; }
}
[[ " $variants " == *" aot25 "* ]] && { train_aot tagrouter; train_aot hello; }

command_for() { # variant app
  case "$1" in
    jdk17) echo "$jdk17/bin/java -Dquarkus.http.port=$port -jar $out/$2/quarkus-run.jar" ;;
    jdk25) echo "$jdk25/bin/java -Dquarkus.http.port=$port -jar $out/$2/quarkus-run.jar" ;;
    aot25) echo "$jdk25/bin/java -XX:AOTCache=$out/$2-aot/app.aot -Dquarkus.http.port=$port -jar $out/$2-aot/quarkus-run.jar" ;;
    native) if [[ "$2" == tagrouter ]]; then echo "$NATIVE_TAGROUTER -Dquarkus.http.port=$port"; else echo "$NATIVE_HELLO -Dquarkus.http.port=$port"; fi ;;
  esac
}
label_of() {
  case "$1" in
    jdk17) echo "HTTP fast-jar, JDK 17" ;; jdk25) echo "HTTP fast-jar, JDK 25" ;; aot25) echo "HTTP fast-jar, JDK 25 + AOT cache" ;;
    native) echo "HTTP native executable" ;;
  esac
}
lines="$(mktemp)"; trap 'rm -f "$lines"' EXIT
for run in $(seq "$runs"); do
  for v in $variants; do
    apps="tagrouter hello"; (( run % 2 == 0 )) && apps="hello tagrouter" # alternate who goes first
    for app in $apps; do
      # shellcheck disable=SC2046
      read -r ms rss cpu < <("$root/scripts/first-answer.sh" "$(url_of $app)" "$(body_of $app)" $(command_for "$v" "$app"))
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(label_of "$v")" "$app" "$run" "$ms" "$rss" "$cpu" >> "$lines"
    done
  done
  echo "round $run of $runs done" >&2
done
[[ -n "$raw" ]] && cp "$lines" "$raw"
python3 "$root/scripts/cold-start-summary.py" < "$lines"
echo "(port $port, $runs rounds, tagrouter then hello-world in each; $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"

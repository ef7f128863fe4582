#!/usr/bin/env bash
# Cold start of tagrouter's HTTP artifact next to a hello-world Funqy reference built the same way
# (scripts/cold-start/hello-funqy): fast-jar on JDK 17, the same jar on JDK 25, and JDK 25 with an AOT cache trained by
# the integration tests. Process start to the first answered request (POST /v1/route, POST /hello), median of RUNS
# interleaved runs, and the RSS at that moment. Prints a Markdown table.
# Usage: RUNS=7 JDK17=/usr/lib/jvm/java-17-openjdk-amd64 JDK25=/usr/lib/jvm/temurin-25-jdk-amd64 scripts/cold-start.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-7}"
jdk17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
jdk25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out="${OUT:-/tmp/tagrouter-cold-start}"
port=18090
hello="$root/scripts/cold-start/hello-funqy"
aot=(-Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.type=aot -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false)
rm -rf "$out"; mkdir -p "$out"

echo "building (JDK 17 fast-jars, then JDK 25 with AOT caches trained by the integration tests)..." >&2
JAVA_HOME="$jdk17" "$root/mvnw" -q -B -f "$root/pom.xml" -pl http -am package -DskipTests
cp -a "$root/http/target/quarkus-app" "$out/tagrouter-jar"
JAVA_HOME="$jdk25" "$root/mvnw" -q -B -f "$root/pom.xml" -pl http -am verify "${aot[@]}"
cp -a "$root/http/target/quarkus-app" "$out/tagrouter-aot"
JAVA_HOME="$jdk17" "$root/mvnw" -q -B -f "$hello/pom.xml" package -DskipTests
cp -a "$hello/target/quarkus-app" "$out/hello-jar"
JAVA_HOME="$jdk25" "$root/mvnw" -q -B -f "$hello/pom.xml" verify "${aot[@]}"
cp -a "$hello/target/quarkus-app" "$out/hello-aot"

route_body='{"query":"Write a Python function that reverses a linked list."}'
hello_body='{"name":"x"}'
variants=("fast-jar, JDK 17" "fast-jar, JDK 25" "JDK 25 + AOT cache (trained by ITs)")
command_for() { # variant app -> java command line
  case "$1" in
    0) echo "$jdk17/bin/java -Dquarkus.http.port=$port -jar $out/$2-jar/quarkus-run.jar" ;;
    1) echo "$jdk25/bin/java -Dquarkus.http.port=$port -jar $out/$2-jar/quarkus-run.jar" ;;
    2) echo "$jdk25/bin/java -XX:AOTCache=$out/$2-aot/app.aot -Dquarkus.http.port=$port -jar $out/$2-aot/quarkus-run.jar" ;;
  esac
}
declare -A ms rss
for run in $(seq "$runs"); do
  for v in 0 1 2; do
    read -r t r < <("$root/scripts/first-answer.sh" "http://127.0.0.1:$port/v1/route" "$route_body" $(command_for $v tagrouter))
    ms[$v,tagrouter]+="$t "; rss[$v,tagrouter]+="$r "
    read -r t r < <("$root/scripts/first-answer.sh" "http://127.0.0.1:$port/hello" "$hello_body" $(command_for $v hello))
    ms[$v,hello]+="$t "; rss[$v,hello]+="$r "
  done
  echo "run $run of $runs done" >&2
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "| variant | tagrouter first answer | hello-world first answer | ratio | tagrouter RSS | hello-world RSS |"
echo "|---|---|---|---|---|---|"
for v in 0 1 2; do
  t=$(median "${ms[$v,tagrouter]}"); h=$(median "${ms[$v,hello]}")
  awk -v name="${variants[$v]}" -v t="$t" -v h="$h" -v rt="$(median "${rss[$v,tagrouter]}")" \
      -v rh="$(median "${rss[$v,hello]}")" \
      'BEGIN { printf "| %s | %.2f s | %.2f s | %.2fx | %s MiB | %s MiB |\n", name, t / 1000, h / 1000, t / h, rt, rh }'
done
echo "(median of $runs interleaved runs; $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"

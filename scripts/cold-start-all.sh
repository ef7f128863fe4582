#!/usr/bin/env bash
# Every cold-start measurement in one command: builds tagrouter (HTTP fast-jar, Lambda function.zip) and the
# hello-world references (scripts/cold-start/hello-funqy, both bindings), runs scripts/cold-start.sh (JDK 17, JDK 25 +
# AOT cache) and scripts/lambda-cold-start.sh (the default function.zip of lambda and lambda-remote's, the one with the
# remote tagger, --vs the hello-world Lambda) with the same port and run count, and writes the combined table, with
# this command and the zip sizes, between the cold-start markers of docs/performance.md.
# usage: scripts/cold-start-all.sh [--port P] [--runs N]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port=18090; runs=7
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 1 ;;
  esac
done
jdk17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
out="${OUT:-/tmp/tagrouter-cold-start}"
hello="$root/scripts/cold-start/hello-funqy"
doc="$root/docs/performance.md"
grep -q '<!-- cold-start-table:begin -->' "$doc" || { echo "no cold-start markers in $doc" >&2; exit 1; }

OUT="$out" "$root/scripts/cold-start.sh" --port "$port" --runs "$runs" --raw "$out/http.tsv" >&2
JAVA_HOME="$jdk17" "$root/mvnw" -q -B -f "$root/pom.xml" -pl lambda,lambda-remote -am package -DskipTests
cp "$root/lambda/target/function.zip" "$out/tagrouter-function.zip"
cp "$root/lambda-remote/target/function.zip" "$out/tagrouter-function-remote.zip"
JAVA_HOME="$jdk17" "$root/mvnw" -q -B -f "$hello/pom.xml" package -DskipTests -Dbinding=amazon-lambda
cp "$hello/target/function.zip" "$out/hello-function.zip"
JAVA_HOME="$jdk17" "$root/scripts/lambda-cold-start.sh" "$out/tagrouter-function.zip" --vs "$out/hello-function.zip" \
  --runs "$runs" --port "$port" --java-opts "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" \
  --label "Lambda function.zip (default, rules tagger), JDK 17 (C1, SerialGC)" --raw "$out/lambda.tsv" >&2
JAVA_HOME="$jdk17" "$root/scripts/lambda-cold-start.sh" "$out/tagrouter-function-remote.zip" --vs "$out/hello-function.zip" \
  --runs "$runs" --port "$port" --java-opts "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" \
  --label "Lambda function.zip with the remote tagger (lambda-remote), JDK 17 (C1, SerialGC)" \
  --raw "$out/lambda-remote.tsv" >&2

table="$out/table.md"
{
  echo "\`scripts/cold-start-all.sh --port $port --runs $runs\` ($(date -u +%Y-%m-%d), $(nproc) cores, load average at the"
  echo "end $(cut -d' ' -f1-3 /proc/loadavg)): median [min-max] over $runs rounds, tagrouter and its hello-world reference in"
  echo "turn in each round; ratios are medians of the per-round ratios."
  echo
  cat "$out/http.tsv" "$out/lambda.tsv" "$out/lambda-remote.tsv" | python3 "$root/scripts/cold-start-summary.py"
  echo
  echo "Lambda zip: $(du -k "$out/tagrouter-function.zip" | cut -f1) KiB (default, lambda; with the remote tagger, lambda-remote: $(du -k "$out/tagrouter-function-remote.zip" | cut -f1) KiB), hello-world $(du -k "$out/hello-function.zip" | cut -f1) KiB."
} > "$table"
python3 - "$doc" "$table" <<'PY'
import sys
doc, table = sys.argv[1], open(sys.argv[2]).read()
text = open(doc).read()
begin, end = "<!-- cold-start-table:begin -->", "<!-- cold-start-table:end -->"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(doc, "w").write(head + begin + "\n" + table + end + tail)
PY
cat "$table"

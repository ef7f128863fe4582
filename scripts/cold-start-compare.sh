#!/usr/bin/env bash
# Several packaged HTTP apps (fast-jar folders) against one reference, interleaved: in every round each app starts
# once (the order rotates by one each round), is asked once (POST /v1/route; /hello for labels starting with
# "hello"), and is stopped (scripts/first-answer.sh). Prints per app the median wall time, CPU time and RSS at the
# first answer and the medians of the per-round ratios to the reference. For comparing builds of one change
# (docs/performance.md, issue 14), where two separate runs of scripts/cold-start.sh would not be comparable.
#
# usage: scripts/cold-start-compare.sh [--port P] [--runs N] [--java PATH] REF_LABEL=DIR LABEL=DIR [LABEL=DIR ...]
#   the first app is the reference, e.g. scripts/cold-start-compare.sh --runs 9 hello=/tmp/hello before=/tmp/a after=/tmp/b
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port=18090; runs=7; java="${JAVA:-java}"; apps=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --java) java="$2"; shift 2 ;;
    *=*) apps+=("$1"); shift ;;
    *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 1 ;;
  esac
done
[[ ${#apps[@]} -ge 2 && "$runs" =~ ^[1-9][0-9]*$ && "$port" =~ ^[0-9]+$ ]] || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 1; }
raw="$(mktemp)"
trap 'rm -f "$raw"' EXIT
n=${#apps[@]}
for round in $(seq 1 "$runs"); do
  for k in $(seq 0 $((n - 1))); do
    app="${apps[$(( (k + round) % n ))]}"; label="${app%%=*}"; dir="${app#*=}"
    if [[ "$label" == hello* ]]; then
      url="http://127.0.0.1:$port/hello"; body='{"name":"x"}'
    else
      url="http://127.0.0.1:$port/v1/route"; body='{"query":"Write a Python function that reverses a linked list."}'
    fi
    echo "$round $label $("$root/scripts/first-answer.sh" "$url" "$body" "$java" -Dquarkus.http.port="$port" -jar "$dir/quarkus-run.jar")" >> "$raw"
  done
  echo "round $round of $runs done" >&2
done
python3 - "$raw" "${apps[0]%%=*}" <<'PY'
import statistics as s, sys
rows = [line.split() for line in open(sys.argv[1])]
reference = sys.argv[2]
by_round, by_label = {}, {}
for r, label, ms, rss, cpu in rows:
    by_round.setdefault(r, {})[label] = (int(ms), int(cpu), int(rss))
    by_label.setdefault(label, []).append((int(ms), int(cpu), int(rss)))
print("| app | first answer (ms) | CPU (ms) | RSS (MiB) | wall ratio | CPU ratio | RSS ratio | rounds |")
print("|---|---|---|---|---|---|---|---|")
for label, v in by_label.items():
    ratios = [[x[label][i] / x[reference][i] for x in by_round.values() if label in x and reference in x] for i in range(3)]
    print(f"| {label} | {s.median(a for a, _, _ in v):.0f} | {s.median(c for _, c, _ in v):.0f} | "
          f"{s.median(m for _, _, m in v):.0f} | " + " | ".join(f"{s.median(x):.2f}x" for x in ratios) + f" | {len(v)} |")
PY
echo "($runs rounds, port $port; $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"

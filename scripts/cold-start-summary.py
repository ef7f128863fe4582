#!/usr/bin/env python3
"""Summarises interleaved cold starts: reads lines "VARIANT<TAB>APP<TAB>RUN<TAB>MS<TAB>RSS_MIB<TAB>CPU_MS" (APP is
"tagrouter" or "hello") on stdin and prints a Markdown table: median [min-max] of the first answer's wall time, CPU
time and RSS for both, and the ratios tagrouter / hello-world (of the medians, and the median of the per-round
ratios, which is what interleaving protects from drift)."""
import statistics
import sys
from collections import defaultdict

runs = defaultdict(dict)  # (variant, app) -> {run: (ms, rss, cpu)}
order = []
for line in sys.stdin:
    fields = line.rstrip("\n").split("\t")
    if len(fields) != 6:
        continue
    variant, app, run, ms, rss, cpu = fields
    if variant not in order:
        order.append(variant)
    runs[(variant, app)][run] = (float(ms), float(rss), float(cpu))


def spread(values, unit, scale=1.0, digits=2):
    med = statistics.median(values) / scale
    return f"{med:.{digits}f} {unit} [{min(values) / scale:.{digits}f}-{max(values) / scale:.{digits}f}]"


print("| variant | tagrouter first answer | hello-world first answer | wall ratio | tagrouter CPU | hello-world CPU"
      " | CPU ratio | tagrouter RSS | hello-world RSS | RSS ratio | rounds |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for variant in order:
    t, h = runs[(variant, "tagrouter")], runs[(variant, "hello")]
    rounds = sorted(set(t) & set(h))
    if not rounds:
        continue
    cols = []
    # fields: 0 wall ms, 1 RSS MiB, 2 CPU ms; columns: wall, CPU, RSS
    for i, unit, scale, digits in [(0, "s", 1000.0, 2), (2, "s", 1000.0, 2), (1, "MiB", 1.0, 0)]:
        tv = [t[r][i] for r in rounds]
        hv = [h[r][i] for r in rounds]
        per_round = statistics.median(t[r][i] / h[r][i] for r in rounds)
        cols += [spread(tv, unit, scale, digits), spread(hv, unit, scale, digits), f"{per_round:.2f}x"]
    print(f"| {variant} | " + " | ".join(cols) + f" | {len(rounds)} |")

#!/usr/bin/env python3
"""Median [min-max] per app of the lines scripts/router-parts.sh prints, as a markdown table."""
import re
import statistics
import sys

LINE = re.compile(r"(\S+) round \d+: first answer (\d+) ms, cpu (\d+) ms, started in ([\d.?]+)s, load ([\d.]+) \| (.*)")
PART = re.compile(r"(routing table|rule tagger|token counter)[^;]*? ready in (\d+) us")


def spread(values, unit, digits):
    return f"{statistics.median(values):.{digits}f} {unit} [{min(values):.{digits}f}-{max(values):.{digits}f}]"


def main(paths):
    apps = {}
    for path in paths:
        for line in open(path, encoding="utf-8"):
            m = LINE.match(line.strip())
            if not m:
                continue
            run = {part: int(us) / 1000 for part, us in PART.findall(m.group(6))}
            run.update(first=int(m.group(2)) / 1000, cpu=int(m.group(3)) / 1000, load=float(m.group(5)),
                       started=float(m.group(4)) if m.group(4) != "?" else float("nan"))
            apps.setdefault(m.group(1), []).append(run)
    print('| app | routing table | rule tagger | token counter | "started in" | first answer | CPU at first answer'
          ' | runs | load |')
    print("|---|---|---|---|---|---|---|---|---|")
    for app, runs in apps.items():
        cells = [spread([r[p] for r in runs], "ms", 0) for p in ("routing table", "rule tagger", "token counter")]
        cells += [spread([r["started"] for r in runs], "s", 2), spread([r["first"] for r in runs], "s", 2),
                  spread([r["cpu"] for r in runs], "s", 2)]
        loads = [r["load"] for r in runs]
        print(f"| {app} | " + " | ".join(cells) + f" | {len(runs)} | {min(loads):.1f}-{max(loads):.1f} |")


if __name__ == "__main__":
    main(sys.argv[1:])

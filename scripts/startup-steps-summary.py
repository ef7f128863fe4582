#!/usr/bin/env python3
"""min (median) ms per Quarkus start-up step and app, from the logs scripts/startup-steps.sh keeps, as a markdown table.

usage: startup-steps-summary.py LOG_DIR LABEL [LABEL ...]   (LOG_DIR holds LABEL.N.log files)
"""
import collections
import glob
import re
import statistics
import sys

STEP = re.compile(r"Build step (\S+) completed in: (\d+)ms")
PART = re.compile(r"router part (.+?) \(.*\) ready in (\d+) us")
ROUTER = re.compile(r"router ready (\d+) ms after its producer started")
STARTED = re.compile(r"started in (\d+\.\d+)s")
SHOWN_FROM_MS = 5  # steps below this in every app are left out


def read(log_dir, label):
    times = collections.defaultdict(list)
    for path in glob.glob(f"{log_dir}/{label}.*.log"):
        for line in open(path, encoding="utf-8", errors="replace"):
            for pattern, key, scale in ((STEP, None, 1), (PART, "router part: ", 1000)):
                m = pattern.search(line)
                if m:
                    times[(key or "") + m.group(1)].append(int(m.group(2)) // scale)
            m = ROUTER.search(line)
            if m:
                times["router producer (the parts included)"].append(int(m.group(1)))
            m = STARTED.search(line)
            if m:
                times["Quarkus 'started in'"].append(round(float(m.group(1)) * 1000))
    return times


def main(log_dir, labels):
    apps = {label: read(log_dir, label) for label in labels}
    def floor(step):
        return max(min(t[step]) if t.get(step) else 0 for t in apps.values())
    steps = sorted({s for t in apps.values() for s in t}, key=lambda s: -floor(s))
    print("| step | " + " | ".join(f"{label} min (median) ms" for label in labels) + " |")
    print("|---|" + "---|" * len(labels))
    for step in steps:
        if floor(step) < SHOWN_FROM_MS:
            continue
        cells = [f"{min(t[step])} ({statistics.median(t[step]):.0f})" if t.get(step) else "-" for t in apps.values()]
        print(f"| {step} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])

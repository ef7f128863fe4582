#!/usr/bin/env python3
"""Writes a synthetic decision log and outcome log in the router's formats, for scale measurements of
`tagrouter ope`, `promote` and `build-table --from-log`.

Decisions arrive at --rate per second; each carries 1 to 4 tags of the table, every model of the table as eligible
with a logged probability vector (a floor for every model, the rest on one favourite), the drawn model, an estimated
cost, and every second one a session id (five turns per session). Outcomes: accepted with a per-(model, first tag) probability, with a real cost.
Both logs are split into --files files each, gzip'd with --gzip, as CloudWatch or Firehose exports land.

  python3 scripts/generate-decision-log.py --table function/src/main/resources/tagrouter/table.json \
      --decisions 10000000 --files 20 --gzip --out /tmp/log10m
"""
import argparse
import datetime
import gzip
import json
import os
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--table", required=True)
    ap.add_argument("--decisions", type=int, required=True)
    ap.add_argument("--out", required=True, help="folder; decisions/ and outcomes/ are written under it")
    ap.add_argument("--files", type=int, default=1)
    ap.add_argument("--gzip", action="store_true")
    ap.add_argument("--rate", type=float, default=20.0, help="decisions per second")
    ap.add_argument("--floor", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    table = json.load(open(a.table))
    models = [m["name"] for m in table["models"]]
    tags = [t["name"] for t in table["tags"]]
    quality = {(m, t): 0.4 + 0.5 * rnd.random() for m in models for t in tags}
    floor = min(a.floor, 1.0 / len(models))
    start = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc).timestamp()
    for sub in ("decisions", "outcomes"):
        os.makedirs(os.path.join(a.out, sub), exist_ok=True)
    per_file = (a.decisions + a.files - 1) // a.files
    ext = ".jsonl.gz" if a.gzip else ".jsonl"
    i = 0
    for f in range(a.files):
        names = [os.path.join(a.out, sub, "%s-%05d%s" % (sub, f, ext)) for sub in ("decisions", "outcomes")]
        opener = (lambda p: gzip.open(p, "wt", compresslevel=1)) if a.gzip else (lambda p: open(p, "w"))
        with opener(names[0]) as dec, opener(names[1]) as out:
            for _ in range(min(per_file, a.decisions - i)):
                rid = "req-%d" % i
                t = start + i / a.rate
                ts = datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
                qtags = rnd.sample(tags, rnd.randint(1, 4))
                fav = rnd.randrange(len(models))
                probs = [floor + (1 - len(models) * floor) * (1 if k == fav else 0) for k in range(len(models))]
                u = rnd.random()
                chosen = len(models) - 1
                acc = 0.0
                for k, p in enumerate(probs):
                    acc += p
                    if u < acc:
                        chosen = k
                        break
                session = '"s-%d"' % (i // 10) if i % 2 == 0 else "null"
                pv = ", ".join('"%s": %r' % (m, p) for m, p in zip(models, probs))
                tg = ", ".join('"%s"' % x for x in qtags)
                cost = 0.0001 * (1 + chosen)
                dec.write('{"requestId": "%s", "timestamp": "%s", "sessionId": %s, "queryHash": "sha256:%064x", '
                          '"query": null, "tags": [%s], "knownTags": [%s], "costPreference": 0.0, '
                          '"probabilities": {%s}, "chosenModel": "%s", "estimatedCostUsd": %r, "inputTokens": %d, '
                          '"tableVersion": "synthetic", "tableChecksum": "sha256:0", "tagger": "rules", '
                          '"fallbackReason": null, "reason": "TOP_SCORE"}\n'
                          % (rid, ts, session, rnd.getrandbits(256), tg, tg, pv, models[chosen], cost,
                             rnd.randint(10, 400)))
                accepted = rnd.random() < quality[(models[chosen], qtags[0])]
                out.write('{"requestId": "%s", "accepted": %s, "costUsd": %r}\n'
                          % (rid, "true" if accepted else "false", cost * (0.8 + 0.4 * rnd.random())))
                i += 1


if __name__ == "__main__":
    main()

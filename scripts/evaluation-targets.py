#!/usr/bin/env python3
"""Prints the targets table of docs/evaluation.md from the summary.json files `tagrouter evaluate` wrote.

Usage: scripts/evaluation-targets.py docs/evaluation/*/summary.json
"""
import json
import sys

SIGNAL = {("routellm-mmlu", "mmlu"), ("routellm-gsm8k", "gsm8k"), ("alpaca-eval-2", "three-model")}


def pts(d):
    return "%+.2f [%+.2f, %+.2f]" % (100 * d["mean"], 100 * d["promptInterval"][0], 100 * d["promptInterval"][1])


def main(files):
    print("| dataset | pool | seeds | random | kNN | tagrouter | tagrouter - random, pts [95% CI] "
          "| tagrouter - kNN, pts [95% CI] | APGR | >= random | > random (where required) | >= kNN |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for f in files:
        for s in json.load(open(f)):
            auc = s["auc"]
            knn = next(v for k, v in auc.items() if k.startswith("kNN"))
            r, k = s["minusRandom"], s["minusKnn"]
            not_below = r["mean"] >= 0 or r["promptInterval"][1] >= 0
            above = r["promptInterval"][0] > 0
            knn_ok = k["mean"] >= 0 or k["promptInterval"][1] >= 0
            required = (s["dataset"], s["pool"]) in SIGNAL
            apgr = s.get("twoModel")
            print("| %s | %s | %d | %.3f | %.3f | %.3f | %s | %s | %s | %s | %s | %s |" % (
                s["dataset"], s["pool"], len(s["seeds"]), auc["random (matched cost)"], knn, auc["tagrouter"],
                pts(r), pts(k), "%.3f" % apgr["apgr"] if apgr else "",
                "met" if not_below else "**missed**",
                ("met" if above else "**missed**") if required else ("yes" if above else "no"),
                "met" if knn_ok else "**missed**"))


if __name__ == "__main__":
    main(sys.argv[1:])
